"""Stories in the store: summaries, membership, related links, document counts and the inverted index.

Every function that writes takes the connection of an open transaction (Database.transaction());
the caller decides the batch. Candidate lookup is one indexed range query per looked-up term,
each capped, so its cost does not grow with the number of stories.
"""

from __future__ import annotations

import hashlib
import json
import math
import sqlite3
import zlib
from collections.abc import Iterable
from dataclasses import asdict

from corroborator.stories.decide import StorySummary, rarity
from corroborator.store.db import Database, now

UNDATED = 1e12  # the `active` of a story with no dated document: it never ages out
POSTINGS_PER_TERM = 25  # the most recently active stories read per looked-up term
MAX_CANDIDATES = 20  # stories compared in full with a document
LINKS_PER_TERM = 5  # stories read per rare person or work, outside the active window
MAX_LINKED = 5  # stories outside the active window compared for a related link
_CHUNK = 500  # parameters per IN (...) query


def story_id(founding_document: str) -> str:
    """A stable, readable story id: a hash of the id of the document that opened it."""
    return "s" + hashlib.sha256(founding_document.encode()).hexdigest()[:15]


# --- document counts (IDF) ---------------------------------------------------------------------


def count_document(connection: sqlite3.Connection, terms: Iterable[str]) -> None:
    """Count one more document holding each of `terms` (its words and prefixed entity keys)."""
    connection.executemany(
        "INSERT INTO story_term_counts (term, documents) VALUES (?, 1) "
        "ON CONFLICT(term) DO UPDATE SET documents = documents + 1",
        [(term,) for term in terms],
    )
    connection.execute(
        "INSERT INTO story_counters (name, value) VALUES ('documents', 1) "
        "ON CONFLICT(name) DO UPDATE SET value = value + 1"
    )


def idf(connection: sqlite3.Connection, terms: list[str]) -> dict[str, float]:
    """Smoothed inverse document frequency of each term, over the documents assigned so far."""
    row = connection.execute("SELECT value FROM story_counters WHERE name = 'documents'").fetchone()
    total = row[0] if row else 0
    counts: dict[str, int] = {}
    for start in range(0, len(terms), _CHUNK):
        chunk = terms[start:start + _CHUNK]
        counts.update(connection.execute(
            f"SELECT term, documents FROM story_term_counts WHERE term IN ({', '.join('?' * len(chunk))})", chunk
        ).fetchall())
    return {term: rarity(total, counts.get(term, 0)) for term in terms}


# --- candidates --------------------------------------------------------------------------------


def candidates(
    connection: sqlite3.Connection,
    terms: list[str],
    weights: dict[str, float],
    since: float | None,
    links: list[str] = (),
) -> list[StorySummary]:
    """Summaries of the stories that share the most weight of `terms`, among those active since `since`;
    plus, whatever their age, the latest stories filed under `links` (rare people and works), which
    can only be related to the document, not joined."""
    hits: dict[str, float] = {}
    lower = -math.inf if since is None else since
    for term in terms:
        for (found,) in connection.execute(
            "SELECT story_id FROM story_index WHERE term = ? AND active >= ? ORDER BY active DESC LIMIT ?",
            (term, lower, POSTINGS_PER_TERM),
        ):
            hits[found] = hits.get(found, 0.0) + weights.get(term, 0.0)
    chosen = sorted(hits, key=lambda s: (-hits[s], s))[:MAX_CANDIDATES]
    older: dict[str, float] = {}
    for term in links:
        for (found,) in connection.execute(
            "SELECT story_id FROM story_index WHERE term = ? AND active < ? ORDER BY active DESC LIMIT ?",
            (term, lower, LINKS_PER_TERM),
        ):
            older[found] = older.get(found, 0.0) + weights.get(term, 0.0)
    chosen += sorted(older, key=lambda s: (-older[s], s))[:MAX_LINKED]
    return summaries(connection, chosen)


def summaries(connection: sqlite3.Connection, story_ids: list[str]) -> list[StorySummary]:
    """The stored summaries of the given stories, in the given order."""
    if not story_ids:
        return []
    rows = dict(connection.execute(
        f"SELECT id, summary FROM stories WHERE id IN ({', '.join('?' * len(story_ids))})", story_ids
    ).fetchall())
    return [_decode(rows[s]) for s in story_ids if s in rows]


def story_of(connection: sqlite3.Connection, document_id: str) -> str | None:
    row = connection.execute("SELECT story_id FROM story_documents WHERE document_id = ?", (document_id,)).fetchone()
    return row[0] if row else None


# --- writing -----------------------------------------------------------------------------------


def save(connection: sqlite3.Connection, summary: StorySummary, posted: list[str], method: str) -> None:
    """Write a story's summary and repost its index entries under its current activity time."""
    active = summary.last_time if summary.last_time is not None else UNDATED
    old = connection.execute("SELECT posted, active FROM stories WHERE id = ?", (summary.id,)).fetchone()
    values = (summary.title, summary.title_document, summary.first_seen, summary.last_seen, summary.size,
              _encode(summary), json.dumps(posted), active, method, now(), summary.id)
    if old is None:
        connection.execute(
            "INSERT INTO stories (title, title_document, first_seen, last_seen, size, summary, posted, active, "
            "method, updated_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            values,
        )
        repost = True
    else:
        connection.execute(
            "UPDATE stories SET title = ?, title_document = ?, first_seen = ?, last_seen = ?, size = ?, "
            "summary = ?, posted = ?, active = ?, method = ?, updated_at = ? WHERE id = ?",
            values,
        )
        old_terms, old_active = json.loads(old[0]), old[1]
        repost = old_active != active or old_terms != posted
        if repost:
            connection.executemany(
                "DELETE FROM story_index WHERE term = ? AND active = ? AND story_id = ?",
                [(term, old_active, summary.id) for term in old_terms],
            )
    if repost:
        connection.executemany(
            "INSERT OR IGNORE INTO story_index (term, active, story_id) VALUES (?, ?, ?)",
            [(term, active, summary.id) for term in posted],
        )


def add_member(
    connection: sqlite3.Connection, document_id: str, story: str, position: int, score: float, source: str, method: str
) -> None:
    connection.execute(
        "INSERT INTO story_documents (document_id, story_id, position, score, source, method) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(document_id) DO UPDATE SET story_id = excluded.story_id, position = excluded.position, "
        "score = excluded.score, source = excluded.source, method = excluded.method",
        (document_id, story, position, score, source, method),
    )


def move(connection: sqlite3.Connection, document_id: str, story: str, position: int, method: str) -> None:
    """Put a document already in a story at `position` of `story` (a story cut in two)."""
    connection.execute(
        "UPDATE story_documents SET story_id = ?, position = ?, method = ? WHERE document_id = ?",
        (story, position, method, document_id),
    )


def retire(connection: sqlite3.Connection, story: str, into: str) -> None:
    """Remove a story whose documents have been moved into `into` (two stories of one event merged): its
    index entries, what reconcile said of it, its row; its related links go to `into`, and the merge is
    recorded so that its id still finds the story (`find`)."""
    posted, active = connection.execute("SELECT posted, active FROM stories WHERE id = ?", (story,)).fetchone()
    connection.executemany(
        "DELETE FROM story_index WHERE term = ? AND active = ? AND story_id = ?",
        [(term, active, story) for term in json.loads(posted)],
    )
    links = connection.execute(
        "SELECT story_id, related_id, score FROM story_relations WHERE story_id = ? OR related_id = ?", (story, story)
    ).fetchall()
    connection.execute("DELETE FROM story_relations WHERE story_id = ? OR related_id = ?", (story, story))
    relate(connection, into, [(second if first == story else first, score) for first, second, score in links])
    for table in _RECONCILED:
        connection.execute(f"DELETE FROM {table} WHERE story_id = ?", (story,))
    connection.execute("DELETE FROM stories WHERE id = ?", (story,))
    # Earlier merges into the retired story now point where it went: a merged id is one lookup away.
    connection.execute("UPDATE story_merges SET into_id = ? WHERE into_id = ?", (into, story))
    connection.execute(
        "INSERT INTO story_merges (id, into_id, merged_at) VALUES (?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET into_id = excluded.into_id, merged_at = excluded.merged_at",
        (story, into, now()),
    )


def relate(connection: sqlite3.Connection, story: str, related: Iterable[tuple[str, float]]) -> None:
    """Record related links (kept once per pair, the smaller id first)."""
    rows = []
    for other, score in related:
        if other != story:
            first, second = sorted((story, other))
            rows.append((first, second, score))
    connection.executemany(
        "INSERT INTO story_relations (story_id, related_id, score) VALUES (?, ?, ?) "
        "ON CONFLICT(story_id, related_id) DO UPDATE SET score = max(score, excluded.score)",
        rows,
    )


# What reconcile wrote of each story goes with the stories: a regrouped story is reconciled again.
_RECONCILED = ("findings", "timeline", "story_entities", "story_reports")


def clear(connection: sqlite3.Connection) -> None:
    """Drop every story, membership, link, count and index entry, and what reconcile said of the stories
    (before a recluster)."""
    for table in (*_RECONCILED, "story_relations", "story_documents", "story_index", "story_term_counts",
                  "story_counters", "story_merges", "stories"):
        connection.execute(f"DELETE FROM {table}")


# --- reading -----------------------------------------------------------------------------------


def pending(database: Database, require_annotation: bool = True) -> list[tuple[str, str | None, str | None]]:
    """(id, published, duplicate_of) of every document with no story yet (annotated ones, by default)."""
    join = "JOIN annotations a ON a.document_id = d.id " if require_annotation else ""
    return database.connection.execute(
        f"SELECT d.id, d.published, d.duplicate_of FROM documents d {join}"
        "LEFT JOIN story_documents s ON s.document_id = d.id WHERE s.document_id IS NULL"
    ).fetchall()


def has_stories(database: Database) -> bool:
    """Whether the store holds any story yet."""
    return database.connection.execute("SELECT 1 FROM stories LIMIT 1").fetchone() is not None


def story_rows(database: Database, story_ids: list[str] | None = None) -> list[sqlite3.Row]:
    """Stories' rows (id, title, first_seen, last_seen, size), all of them when `story_ids` is None."""
    sql = "SELECT id, title, first_seen, last_seen, size FROM stories"
    if story_ids is None:
        return database.connection.execute(sql).fetchall()
    return database.connection.execute(
        f"{sql} WHERE id IN ({', '.join('?' * len(story_ids))})", story_ids
    ).fetchall()


def members(database: Database, story: str) -> list[tuple[str, str]]:
    """(document id, source) of a story's documents, in the order they joined."""
    return database.connection.execute(
        "SELECT document_id, source FROM story_documents WHERE story_id = ? ORDER BY position, document_id", (story,)
    ).fetchall()


def opening(database: Database, document_id: str, chars: int = 400) -> str:
    """The first characters of a document's body."""
    row = database.connection.execute(
        "SELECT substr(body, 1, ?) FROM documents WHERE id = ?", (chars, document_id)
    ).fetchone()
    return row[0] if row else ""


def related(database: Database, story: str) -> list[str]:
    """Ids of the stories linked to `story` as related."""
    rows = database.connection.execute(
        "SELECT related_id FROM story_relations WHERE story_id = ? "
        "UNION SELECT story_id FROM story_relations WHERE related_id = ?",
        (story, story),
    ).fetchall()
    return sorted(row[0] for row in rows)


def starting(database: Database, prefix: str) -> list[str]:
    """The ids of the stories whose id starts with `prefix` (a few), to tell an ambiguous prefix."""
    return database.ids_starting("stories", prefix)


def find(database: Database, story: str) -> str | None:
    """A story's full id, from the id or an unambiguous prefix of it; the id of a story merged into another
    (`retire`) finds the one it went into."""
    rows = database.connection.execute(
        "SELECT id FROM stories WHERE id = ? OR id LIKE ? ORDER BY id = ? DESC LIMIT 2", (story, story + "%", story)
    ).fetchall()
    if not rows:
        merged = database.connection.execute("SELECT into_id FROM story_merges WHERE id = ?", (story,)).fetchone()
        return merged[0] if merged else None
    if len(rows) > 1 and rows[0][0] != story:
        return None
    return rows[0][0]


def _encode(summary: StorySummary) -> bytes:
    data = asdict(summary)
    data["days"] = {str(day): weight for day, weight in summary.days.items()}
    return zlib.compress(json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode(), 1)


def _decode(blob: bytes) -> StorySummary:
    data = json.loads(zlib.decompress(blob))
    data["days"] = {int(day): weight for day, weight in data["days"].items()}
    return StorySummary(**data)
