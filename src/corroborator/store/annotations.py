"""Annotations in the store: sentences, mentions and quotes per document, and learned entity aliases."""

from __future__ import annotations

from collections.abc import Iterable

from corroborator.model import Annotation, Document, Mention, Quote, Sentence
from corroborator.store import documents as stored
from corroborator.store.db import Database, now


def pending(database: Database, method: str, limit: int | None = None) -> list[Document]:
    """Documents not yet annotated by `method` (new ones, and ones annotated by an older method)."""
    sql = (
        "SELECT d.id FROM documents d LEFT JOIN annotations a ON a.document_id = d.id "
        "WHERE a.method IS NULL OR a.method != ? ORDER BY d.rowid"
    )
    ids = [row[0] for row in database.connection.execute(sql + (f" LIMIT {int(limit)}" if limit else ""), (method,))]
    return [stored.document(database, document_id) for document_id in ids]


def write_batch(database: Database, annotations: Iterable[Annotation]) -> int:
    """Store a batch of annotations in one transaction, replacing what an earlier method wrote; the report of
    a story holding a document annotated again is dropped with it, so that the story is reconciled again."""
    count = 0
    with database.transaction() as connection:
        for annotation in annotations:
            document_id = annotation.document
            for table in ("sentences", "mentions", "quotes"):
                connection.execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))
            connection.execute(
                "DELETE FROM story_reports WHERE story_id IN (SELECT story_id FROM story_documents WHERE document_id = ?)",
                (document_id,),
            )
            connection.executemany(
                "INSERT INTO sentences (document_id, position, start, end, text) VALUES (?, ?, ?, ?, ?)",
                [(document_id, i, s.start, s.end, s.text) for i, s in enumerate(annotation.sentences)],
            )
            connection.executemany(
                "INSERT INTO mentions (document_id, position, start, end, kind, text, value, precision, key, head, role) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(document_id, i, m.start, m.end, m.kind, m.text, m.value, m.precision, m.key, m.head, m.role)
                 for i, m in enumerate(annotation.mentions)],
            )
            connection.executemany(
                "INSERT INTO quotes (document_id, position, start, end, text, speaker, kind) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(document_id, i, q.start, q.end, q.text, q.speaker, q.kind) for i, q in enumerate(annotation.quotes)],
            )
            connection.execute(
                "INSERT INTO annotations (document_id, method, annotated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(document_id) DO UPDATE SET method = excluded.method, annotated_at = excluded.annotated_at",
                (document_id, annotation.method, now()),
            )
            count += 1
    return count


def write_aliases(database: Database, aliases: dict[str, str], method: str) -> None:
    """Record learned aliases (alias key → canonical key) in one transaction."""
    with database.transaction() as connection:
        connection.executemany(
            "INSERT INTO entity_aliases (alias, key, method) VALUES (?, ?, ?) "
            "ON CONFLICT(alias) DO UPDATE SET key = excluded.key, method = excluded.method",
            [(alias, key, method) for alias, key in aliases.items() if alias != key],
        )


def aliases(database: Database) -> dict[str, str]:
    """Every learned alias key with its canonical key."""
    return dict(database.connection.execute("SELECT alias, key FROM entity_aliases"))


def annotation(database: Database, document_id: str) -> Annotation | None:
    """A document's stored annotation, with entity keys resolved through the learned aliases."""
    connection = database.connection
    row = connection.execute("SELECT method FROM annotations WHERE document_id = ?", (document_id,)).fetchone()
    if row is None:
        return None
    sentences = [
        Sentence(start, end, text)
        for start, end, text in connection.execute(
            "SELECT start, end, text FROM sentences WHERE document_id = ? ORDER BY position", (document_id,)
        )
    ]
    mentions = [
        Mention(start, end, kind, text, value, precision, key, head, role)
        for start, end, kind, text, value, precision, key, head, role in connection.execute(
            "SELECT m.start, m.end, m.kind, m.text, m.value, m.precision, COALESCE(a.key, m.key), m.head, m.role "
            "FROM mentions m "
            "LEFT JOIN entity_aliases a ON a.alias = m.key WHERE m.document_id = ? ORDER BY m.position",
            (document_id,),
        )
    ]
    quotes = [
        Quote(start, end, text, speaker, kind)
        for start, end, text, speaker, kind in connection.execute(
            "SELECT start, end, text, speaker, kind FROM quotes WHERE document_id = ? ORDER BY position", (document_id,)
        )
    ]
    return Annotation(document_id, sentences, mentions, quotes, method=row[0])
