"""What the reconcile stage says of each story: findings, timeline and entity index, and which documents it read."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict

from corroborator.model import Entity, Evidence, Finding, TimelineEvent
from corroborator.store.db import Database, now


def fingerprint(document_ids: Iterable[str], method: str, aliases: int) -> str:
    """What a story's report depends on: its documents, the method, and how many aliases are known."""
    text = "\n".join([method, str(aliases), *sorted(document_ids)])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def stale(database: Database, current: dict[str, str]) -> list[str]:
    """Stories whose stored report is missing or was made from other documents (`current`: story → fingerprint)."""
    stored = dict(database.connection.execute("SELECT story_id, fingerprint FROM story_reports"))
    return [story for story, print_ in current.items() if stored.get(story) != print_]


def write_batch(database: Database, reports: Iterable[tuple[str, str, object]]) -> int:
    """Store (story id, fingerprint, Reconciled) reports in one transaction, replacing older ones."""
    count = 0
    with database.transaction() as connection:
        for story, print_, report in reports:
            for table in ("findings", "timeline", "story_entities"):
                connection.execute(f"DELETE FROM {table} WHERE story_id = ?", (story,))
            connection.executemany(
                "INSERT INTO findings (story_id, position, verdict, statement, attribute, explanation, evidence, method) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (story, i, f.verdict, f.statement, f.attribute, f.explanation,
                     json.dumps([asdict(e) for e in f.evidence], ensure_ascii=False), f.method)
                    for i, f in enumerate(report.findings)
                ],
            )
            connection.executemany(
                "INSERT INTO timeline (story_id, position, date, precision, event, documents) VALUES (?, ?, ?, ?, ?, ?)",
                [(story, i, t.date, t.precision, t.event, json.dumps(t.documents)) for i, t in enumerate(report.timeline)],
            )
            connection.executemany(
                "INSERT INTO story_entities (story_id, position, key, name, kind, aliases, documents) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (story, i, e.key, e.name, e.kind, json.dumps(e.aliases, ensure_ascii=False), json.dumps(e.documents))
                    for i, e in enumerate(report.entities)
                ],
            )
            connection.execute(
                "INSERT INTO story_reports (story_id, fingerprint, method, reconciled_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(story_id) DO UPDATE SET fingerprint = excluded.fingerprint, method = excluded.method, "
                "reconciled_at = excluded.reconciled_at",
                (story, print_, report.method, now()),
            )
            count += 1
    return count


def forget_missing(database: Database, stories: set[str]) -> None:
    """Drop the reports of stories that no longer exist (after a recluster)."""
    known = [row[0] for row in database.connection.execute("SELECT story_id FROM story_reports")]
    gone = [story for story in known if story not in stories]
    if not gone:
        return
    with database.transaction() as connection:
        for table in ("findings", "timeline", "story_entities", "story_reports"):
            connection.executemany(f"DELETE FROM {table} WHERE story_id = ?", [(story,) for story in gone])


def findings(database: Database, story: str) -> list[Finding]:
    rows = database.connection.execute(
        "SELECT verdict, statement, attribute, explanation, evidence, method FROM findings WHERE story_id = ? ORDER BY position",
        (story,),
    )
    return [
        Finding(verdict, statement, attribute, [Evidence(**e) for e in json.loads(evidence)], explanation, method)
        for verdict, statement, attribute, explanation, evidence, method in rows
    ]


def timeline(database: Database, story: str) -> list[TimelineEvent]:
    rows = database.connection.execute(
        "SELECT date, precision, event, documents FROM timeline WHERE story_id = ? ORDER BY position", (story,)
    )
    return [TimelineEvent(date, precision, event, json.loads(documents)) for date, precision, event, documents in rows]


def entities(database: Database, story: str) -> list[Entity]:
    rows = database.connection.execute(
        "SELECT key, name, kind, aliases, documents FROM story_entities WHERE story_id = ? ORDER BY position", (story,)
    )
    return [Entity(key, name, kind, json.loads(aliases), json.loads(documents)) for key, name, kind, aliases, documents in rows]
