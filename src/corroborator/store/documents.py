"""Documents and rejected inputs in the store: writing a batch with duplicate detection, and reading back."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from datasketch import MinHash

from corroborator.ingest import fingerprint
from corroborator.model import Document, Rejection
from corroborator.store.db import Database, now

_COLUMNS = (
    "id", "path", "url", "source", "authors", "published", "published_precision", "title", "body",
    "words", "comments", "comment_count", "furniture", "language", "duplicate_of", "method", "ingested_at",
)


@dataclass(slots=True)
class Outcome:
    """What happened to one input when its batch was written."""

    path: str
    status: str  # stored, near_duplicate, original (of a copy stored before it), exact_duplicate, already_stored, rejected
    document: str | None = None
    detail: str | None = None


def write_batch(database: Database, results: Iterable[Document | Rejection]) -> list[Outcome]:
    """Store a batch of read inputs in one transaction; exact copies add a path, near-duplicates point at their original."""
    outcomes = []
    with database.transaction() as connection:
        for result in results:
            if isinstance(result, Rejection):
                outcomes.append(_reject(connection, result))
            else:
                outcomes.append(_store(connection, result))
    return outcomes


def _reject(connection: sqlite3.Connection, rejection: Rejection) -> Outcome:
    connection.execute(
        "INSERT INTO rejected (path, reason, recorded_at) VALUES (?, ?, ?) "
        "ON CONFLICT(path) DO UPDATE SET reason = excluded.reason",
        (rejection.path, rejection.reason, now()),
    )
    return Outcome(rejection.path, "rejected", detail=rejection.reason)


def _store(connection: sqlite3.Connection, document: Document) -> Outcome:
    connection.execute("DELETE FROM rejected WHERE path = ?", (document.path,))
    known = connection.execute("SELECT document_id FROM document_paths WHERE path = ?", (document.path,)).fetchone()
    if known and known[0] == document.id:
        return Outcome(document.path, "already_stored", document.id)
    if connection.execute("SELECT 1 FROM documents WHERE id = ?", (document.id,)).fetchone():
        _add_path(connection, document.path, document.id)
        return Outcome(document.path, "exact_duplicate", document.id)
    signature = fingerprint.minhash(document.body)
    original = _original_of(connection, signature)
    if original and _earlier(document, original):
        # The new document predates the group's original: it becomes the original, after it is stored.
        document.duplicate_of, supersedes = None, original.id
    else:
        document.duplicate_of, supersedes = (original.id if original else None), None
    connection.execute(
        f"INSERT INTO documents ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
        _row(document),
    )
    _add_path(connection, document.path, document.id)
    connection.execute(
        "INSERT INTO signatures (document_id, minhash) VALUES (?, ?)",
        (document.id, fingerprint.to_bytes(signature)),
    )
    connection.executemany(
        "INSERT OR IGNORE INTO signature_bands (band, document_id) VALUES (?, ?)",
        [(band, document.id) for band in fingerprint.bands(signature)],
    )
    if supersedes:
        connection.execute(
            "UPDATE documents SET duplicate_of = ? WHERE id = ? OR duplicate_of = ?",
            (document.id, supersedes, supersedes),
        )
    if document.duplicate_of:
        return Outcome(document.path, "near_duplicate", document.id, detail=document.duplicate_of)
    if supersedes:
        return Outcome(document.path, "original", document.id, detail=supersedes)
    return Outcome(document.path, "stored", document.id)


def _add_path(connection: sqlite3.Connection, path: str, document_id: str) -> None:
    connection.execute(
        "INSERT INTO document_paths (path, document_id) VALUES (?, ?) "
        "ON CONFLICT(path) DO UPDATE SET document_id = excluded.document_id",
        (path, document_id),
    )


def _original_of(connection: sqlite3.Connection, signature: MinHash) -> Document | None:
    """The original of the stored group this body near-duplicates, if any."""
    bands = fingerprint.bands(signature)
    candidates = connection.execute(
        "SELECT DISTINCT s.document_id, s.minhash FROM signature_bands b "
        f"JOIN signatures s ON s.document_id = b.document_id WHERE b.band IN ({', '.join('?' * len(bands))})",
        bands,
    ).fetchall()
    best, best_similarity = None, fingerprint.NEAR_DUPLICATE_JACCARD
    for candidate_id, blob in candidates:
        similarity = signature.jaccard(fingerprint.from_bytes(blob))
        if similarity >= best_similarity:
            best, best_similarity = candidate_id, similarity
    if best is None:
        return None
    row = connection.execute(
        "SELECT o.* FROM documents d JOIN documents o ON o.id = COALESCE(d.duplicate_of, d.id) WHERE d.id = ?",
        (best,),
    ).fetchone()
    return _document(row)


def _earlier(document: Document, other: Document) -> bool:
    """Whether `document` is the original rather than `other`: published strictly earlier, else
    (same or unknown time) the shorter body — copies add lines — then the smaller id, so the
    choice does not depend on the order of ingest."""
    mine, theirs = _interval(document), _interval(other)
    if mine and theirs:
        if mine[1] <= theirs[0]:
            return True
        if theirs[1] <= mine[0]:
            return False
    return (document.words, document.id) < (other.words, other.id)


def _interval(document: Document) -> tuple[datetime, datetime] | None:
    """A document's publication time as an interval: a day when only the date is known."""
    if not document.published:
        return None
    start = datetime.fromisoformat(document.published)
    return start, start + (timedelta(days=1) if document.published_precision == "day" else timedelta(minutes=1))


def _row(document: Document) -> tuple:
    return (
        document.id, document.path, document.url, document.source, json.dumps(document.authors),
        document.published, document.published_precision, document.title, document.body, document.words,
        json.dumps(document.comments), document.comment_count, json.dumps(document.furniture),
        document.language, document.duplicate_of, document.method, now(),
    )


def _document(row: sqlite3.Row) -> Document:
    return Document(
        id=row["id"], path=row["path"], url=row["url"], source=row["source"], authors=json.loads(row["authors"]),
        published=row["published"], published_precision=row["published_precision"], title=row["title"],
        body=row["body"], comments=json.loads(row["comments"]), comment_count=row["comment_count"],
        furniture=json.loads(row["furniture"]), language=row["language"], duplicate_of=row["duplicate_of"],
        method=row["method"],
    )


def documents(database: Database) -> Iterator[Document]:
    """Every stored document, in the order it was stored."""
    for row in database.connection.execute("SELECT * FROM documents ORDER BY rowid"):
        yield _document(row)


def document(database: Database, document_id: str) -> Document | None:
    """One document by id (or by an unambiguous id prefix)."""
    rows = database.connection.execute(
        "SELECT * FROM documents WHERE id = ? OR id LIKE ? ORDER BY id = ? DESC LIMIT 2",
        (document_id, document_id + "%", document_id),
    ).fetchall()
    if not rows or (len(rows) > 1 and rows[0]["id"] != document_id):
        return None
    return _document(rows[0])


def starting(database: Database, prefix: str) -> list[str]:
    """The ids of the documents whose id starts with `prefix` (a few), to tell an ambiguous prefix."""
    return database.ids_starting("documents", prefix)


def rejected(database: Database) -> list[Rejection]:
    """Every rejected input with its reason, in the order first recorded."""
    return [Rejection(row[0], row[1]) for row in database.connection.execute("SELECT path, reason FROM rejected ORDER BY rowid")]


def paths(database: Database, document_id: str) -> list[str]:
    """Every place a document's body was read from."""
    return [row[0] for row in database.connection.execute(
        "SELECT path FROM document_paths WHERE document_id = ? ORDER BY rowid", (document_id,)
    )]
