"""The stories stage's shell: read pending documents, decide each one with the pure core, write the result.

Documents are assigned in order of publication time, then id (undated ones last), one transaction
per batch. Within a batch each document sees the stories and counts the ones before it wrote, so
the grouping does not depend on where batches happen to break.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from corroborator.stories import decide as core
from corroborator.stories.features import DocumentFeatures, extract, parse_published
from corroborator.store import annotations as annotated
from corroborator.store import documents as stored
from corroborator.store import stories as store
from corroborator.store.db import Database

BATCH_SIZE = 500


@dataclass(slots=True)
class AssignReport:
    """What one run of assignment did."""

    documents: int = 0
    opened: int = 0  # documents that opened a new story
    joined: int = 0  # documents that joined an existing story
    duplicates: int = 0  # near-duplicates that joined their original's story
    related: int = 0  # related links recorded
    seconds: float = 0.0


@dataclass(slots=True)
class StoryRecord:
    """A story as the CLI lists it and the export shows it (before the reconcile stage adds findings)."""

    id: str
    title: str
    first_seen: str | None
    last_seen: str | None
    documents: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "id": self.id, "title": self.title, "first_seen": self.first_seen, "last_seen": self.last_seen,
            "documents": self.documents, "sources": self.sources, "related": self.related,
        }


@dataclass(slots=True)
class Outcome:
    """Where one document went: `joined`, `opened` or `duplicate`, the story, and its related links."""

    document: str
    story: str
    action: str
    score: float
    related: list[str]


def assign(connection, features: DocumentFeatures, settings: core.Settings | None = None) -> Outcome:
    """Assign one document inside an open transaction: count its terms, find candidates, decide, write."""
    settings = settings or core.Settings()
    terms = list(features.terms) + [core.KEY_PREFIX + key for key in features.entities]
    store.count_document(connection, terms)
    rarity = store.idf(connection, terms)
    vector = core.text_vector(features, rarity)
    entities = core.entity_vector(features, rarity)
    original = store.story_of(connection, features.duplicate_of) if features.duplicate_of else None
    if original is not None:
        # A syndicated copy is not evidence of anything new: it goes where its original went.
        story, action, decision = store.summaries(connection, [original])[0], "duplicate", core.Decision(original, 1.0)
    else:
        weights = dict(vector)
        weights.update({core.KEY_PREFIX + key: weight for key, weight in entities.items()})
        moment = features.time
        since = None if moment is None else moment - settings.window_days * 86400
        found = store.candidates(
            connection, core.query_terms(vector, entities), weights, since, core.link_terms(features, entities)
        )
        decision = core.decide(features, vector, entities, found, settings)
        if decision.story is None:
            story, action = core.open_story(store.story_id(features.document)), "opened"
        else:
            story, action = next(s for s in found if s.id == decision.story), "joined"
    position = story.size
    updated = core.absorb(story, features, vector, entities)
    store.save(connection, updated, core.index_terms(updated), core.METHOD)
    store.add_member(connection, features.document, updated.id, position, decision.score, features.source, core.METHOD)
    scores = {m.story: m.score for m in decision.matches}
    store.relate(connection, updated.id, [(other, scores.get(other, 0.0)) for other in decision.related])
    return Outcome(features.document, updated.id, action, decision.score, decision.related)


def order(rows: list[tuple[str, str | None, str | None]]) -> list[str]:
    """Document ids in assignment order: by publication time then id, undated last; a near-duplicate
    whose original is also waiting comes right after it, so it can follow it into its story."""
    waiting = {row[0] for row in rows}
    followers: dict[str, list[str]] = {}
    leaders = []
    for document_id, published, duplicate_of in rows:
        if duplicate_of and duplicate_of in waiting:
            followers.setdefault(duplicate_of, []).append((_when(published), document_id))
        else:
            leaders.append((_when(published), document_id))
    result = []
    for _, document_id in sorted(leaders):
        result.append(document_id)
        result.extend(follower for _, follower in sorted(followers.get(document_id, [])))
    return result


def _when(published: str | None) -> tuple[int, float]:
    seconds = parse_published(published)
    return (1, 0.0) if seconds is None else (0, seconds)


def features_of(database: Database, document_id: str) -> DocumentFeatures:
    """A stored document's features, with its stored annotation when it has one."""
    document = stored.document(database, document_id)
    return extract(document, annotated.annotation(database, document_id))


def assign_pending(
    database: Database,
    batch_size: int = BATCH_SIZE,
    settings: core.Settings | None = None,
    require_annotation: bool = True,
    on_batch: Callable[[int], None] | None = None,
) -> AssignReport:
    """Assign every document that has an annotation but no story yet; one transaction per batch."""
    started = time.perf_counter()
    report = AssignReport()
    queue = order(store.pending(database, require_annotation))
    for start in range(0, len(queue), batch_size):
        batch = [features_of(database, document_id) for document_id in queue[start:start + batch_size]]
        with database.transaction() as connection:
            for features in batch:
                outcome = assign(connection, features, settings)
                report.documents += 1
                report.related += len(outcome.related)
                if outcome.action == "opened":
                    report.opened += 1
                elif outcome.action == "joined":
                    report.joined += 1
                else:
                    report.duplicates += 1
        if on_batch:
            on_batch(len(batch))
    report.seconds = time.perf_counter() - started
    return report


def recluster(
    database: Database,
    batch_size: int = BATCH_SIZE,
    settings: core.Settings | None = None,
    require_annotation: bool = True,
) -> AssignReport:
    """Drop every story and assign every document again from scratch, in (published, id) order,
    so the grouping does not depend on the order the corpus was ingested in."""
    with database.transaction() as connection:
        store.clear(connection)
    return assign_pending(database, batch_size, settings, require_annotation)


def list_stories(database: Database) -> list[StoryRecord]:
    """Every story, oldest first (by first_seen; undated stories last, then by id)."""
    records = [_record(database, row) for row in store.story_rows(database)]
    return sorted(records, key=lambda r: (*_when(r.first_seen), r.id))


def story_record(database: Database, story_id: str) -> dict | None:
    """One story (by id or an unambiguous prefix) with the contract's fields, or None when there is none."""
    full = store.find(database, story_id)
    if full is None:
        return None
    return _record(database, store.story_rows(database, [full])[0]).as_dict()


def _record(database: Database, row) -> StoryRecord:
    members = store.members(database, row["id"])
    sources = list(dict.fromkeys(source for _, source in members))
    return StoryRecord(
        id=row["id"], title=row["title"], first_seen=row["first_seen"], last_seen=row["last_seen"],
        documents=[document_id for document_id, _ in members], sources=sources,
        related=store.related(database, row["id"]),
    )
