"""What each page and endpoint shows, read from the store: the views call these and render or serialise.

Shapes are the export's (corroborator.present.export); what is added here is only what a page needs
on top: ordering, counts, a document's story, marked-up bodies and search hits.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from dataclasses import dataclass

from corroborator.present import export
from corroborator.store import documents as stored
from corroborator.store import stories as story_store
from corroborator.store.db import Database
from corroborator.web import markup


class SearchUnavailable(Exception):
    """The database predates the search index (migration 0005_search)."""


def stories_newest_first(database: Database) -> list[dict]:
    """Every story summary (export.story_summaries' shape), the latest-seen first, undated last."""
    from corroborator.stories import list_stories

    # The verdict counts of export.story_summaries, counted by SQL rather than by reading every finding's evidence.
    verdicts: dict[str, dict[str, int]] = {}
    for story, verdict, count in database.connection.execute(
        "SELECT story_id, verdict, count(*) FROM findings GROUP BY story_id, verdict"
    ):
        verdicts.setdefault(story, {})[verdict] = count
    summaries = [dict(s.as_dict(), verdicts=verdicts.get(s.id, {})) for s in list_stories(database)]
    dated = sorted((s for s in summaries if s["last_seen"]), key=lambda s: (s["last_seen"], s["id"]), reverse=True)
    return dated + [s for s in summaries if not s["last_seen"]]


def documents_by_id(database: Database, ids: list[str]) -> dict[str, dict]:
    """Document records (the export's shape) of the given ids, by id."""
    records = {}
    for start in range(0, len(ids), 500):  # one query per 500 ids; a lookup by prefix each would scan the table
        chunk = ids[start:start + 500]
        rows = database.connection.execute(
            f"SELECT * FROM documents WHERE id IN ({', '.join('?' * len(chunk))})", chunk
        ).fetchall()
        records.update((row["id"], export.document_record(stored._document(row))) for row in rows)
    return records


def related_titles(database: Database, story: dict) -> dict[str, str]:
    """Titles of a story's related stories, by id."""
    rows = story_store.story_rows(database, story["related"]) if story["related"] else []
    return {row["id"]: row["title"] for row in rows}


def story_version(database: Database, story_id: str) -> tuple[str, tuple] | None:
    """A story's full id and what its page depends on (when it last changed and what reconcile read), or None."""
    full = story_store.find(database, story_id)
    if full is None:
        return None
    row = database.connection.execute(
        "SELECT s.updated_at, r.fingerprint, r.reconciled_at, "
        "(SELECT max(updated_at) FROM stories WHERE id IN "
        " (SELECT related_id FROM story_relations WHERE story_id = s.id "
        "  UNION SELECT story_id FROM story_relations WHERE related_id = s.id)) "
        "FROM stories s LEFT JOIN story_reports r ON r.story_id = s.id WHERE s.id = ?",
        (full,),
    ).fetchone()
    return full, tuple(row)


@dataclass(slots=True)
class StoryPage:
    """What the story page renders: the story (export shape), its documents and related titles."""

    story: dict
    documents: dict[str, dict]
    titles: dict[str, str]


def story_page(database: Database, story_id: str) -> StoryPage | None:
    """A story with its documents and related titles, or None when there is no such story."""
    story = export.story_full_record(database, story_id)
    if story is None:
        return None
    return StoryPage(story, documents_by_id(database, story["documents"]), related_titles(database, story))


@dataclass(slots=True)
class DocumentPage:
    """What the document page renders."""

    record: dict  # the export's annotated document record
    paragraphs: list[markup.Paragraph]
    mention_kinds: list[tuple[str, int]]
    story: dict | None  # id and title of the story the document belongs to
    original: str | None  # the original URL, when it is safe to link to


def document_page(database: Database, document_id: str) -> DocumentPage | None:
    """A document with its annotations, body marked up by mention, and its story; None when there is none."""
    document = stored.document(database, document_id)
    if document is None:
        return None
    record = export.annotated_document_record(database, document)
    story_id = story_store.story_of(database.connection, document.id)
    rows = story_store.story_rows(database, [story_id]) if story_id else []
    story = {"id": rows[0]["id"], "title": rows[0]["title"]} if rows else None
    kinds = Counter(m["kind"] for m in record["mentions"])
    return DocumentPage(
        record=record,
        paragraphs=markup.marked_body(record["body"], record["mentions"]),
        mention_kinds=sorted(kinds.items(), key=lambda k: (-k[1], k[0])),
        story=story,
        original=record["url"] if markup.is_web_url(record["url"]) else None,
    )


def rejected(database: Database) -> list[dict]:
    """Every rejected input with its reason (the export's shape)."""
    return [export.rejection_record(r) for r in stored.rejected(database)]


def match_expression(query: str) -> str | None:
    """A user's words as a safe FTS5 query: every word quoted (all must match), the last also as a prefix."""
    words = re.findall(r"\w+", query or "")[:20]
    if not words:
        return None
    return " ".join(f'"{w}"' for w in words[:-1]) + (" " if len(words) > 1 else "") + f'"{words[-1]}"*'


def search(database: Database, query: str, limit: int = 20) -> dict:
    """Stories whose title, and documents whose title or body, match every word of `query`, best first."""
    expression = match_expression(query)
    result = {"query": query, "stories": [], "documents": []}
    if expression is None:
        return result
    connection = database.connection
    try:
        stories = connection.execute(
            "SELECT s.id, s.title, s.first_seen, s.last_seen, s.size, "
            f"snippet(stories_search, 0, '{markup.HIT_START}', '{markup.HIT_END}', '…', 24) "
            "FROM stories_search JOIN stories s ON s.rowid = stories_search.rowid "
            "WHERE stories_search MATCH ? ORDER BY rank LIMIT ?",
            (expression, limit),
        ).fetchall()
        documents = connection.execute(
            "SELECT d.id, d.title, d.source, d.published, sd.story_id, "
            f"snippet(documents_search, -1, '{markup.HIT_START}', '{markup.HIT_END}', '…', 24) "
            "FROM documents_search JOIN documents d ON d.rowid = documents_search.rowid "
            "LEFT JOIN story_documents sd ON sd.document_id = d.id "
            "WHERE documents_search MATCH ? ORDER BY rank LIMIT ?",
            (expression, limit),
        ).fetchall()
    except sqlite3.OperationalError as error:
        if "no such table" in str(error):
            raise SearchUnavailable(str(error)) from error
        raise
    result["stories"] = [
        {"id": r[0], "title": r[1], "first_seen": r[2], "last_seen": r[3], "documents": r[4],
         "snippet": markup.snippet_text(r[5]), "snippet_html": str(markup.snippet_html(r[5]))}
        for r in stories
    ]
    result["documents"] = [
        {"id": r[0], "title": r[1], "source": r[2], "published": r[3], "story": r[4],
         "snippet": markup.snippet_text(r[5]), "snippet_html": str(markup.snippet_html(r[5]))}
        for r in documents
    ]
    return result
