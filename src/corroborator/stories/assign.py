"""The stories stage's shell: read pending documents, decide each one with the pure core, write the result.

Documents are assigned in order of publication time, then id (undated ones last), one transaction
per batch. Within a batch each document sees the stories and counts the ones before it wrote, so
the grouping does not depend on where batches happen to break. A document placed one at a time sees
only the stories opened before it, so the stories it touches are looked at again as a recluster would
see them: a story it joins is cut in two when it has grown into two events (`regroup`), or hands a report
mainly about another person to that person's story (`rehome`), and two stories it could join both are merged
when they are one (`merge`); each look reads a bounded number of documents.
"""

from __future__ import annotations

import re
import time
from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from corroborator.embeddings import stamped
from corroborator.stories import cluster
from corroborator.stories import decide as core
from corroborator.stories.features import DocumentFeatures, embedding_text, extract, parse_published
from corroborator.store import annotations as annotated
from corroborator.store import documents as stored
from corroborator.store import stories as store
from corroborator.store.db import Database

BATCH_SIZE = 500
REGROUP_AT_MOST = 200  # documents a story is looked at again with at most
CHECKED_SIZES = frozenset(size for size in (6, 9, 13, 19, 28, 42, 63, 94, 141, 200) if size <= REGROUP_AT_MOST)
MERGES_TRIED = 2  # other stories a document could join that are tried for a merge, the best first
RECENT_FEATURES = 5_000  # documents whose features a build keeps at hand for looking at stories again
FIRST_BUILD_GROUPED = 50_000  # documents a first build groups all at once at most (benchmarks: 50k in 26 s, 3.7 GB peak)


@dataclass(slots=True)
class AssignReport:
    """What one run of assignment did."""

    documents: int = 0
    opened: int = 0  # documents that opened a new story
    joined: int = 0  # documents that joined an existing story
    duplicates: int = 0  # near-duplicates that joined their original's story
    related: int = 0  # related links recorded
    split: int = 0  # stories cut off a story that had grown into two events
    merged: int = 0  # stories merged into an older one of the same event
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
    also: list[str] = field(default_factory=list)  # other stories it could have joined as well (the best few)
    split: list[str] = field(default_factory=list)  # stories then cut off the one it joined (`place`)
    merged: list[str] = field(default_factory=list)  # stories then merged into another (`place`)


def assign(
    connection, features: DocumentFeatures, settings: core.Settings | None = None, into: str | None = None,
    method: str = core.METHOD,
) -> Outcome:
    """Assign one document inside an open transaction: count its terms, find candidates, decide, write.
    `into` names the story it goes to (a recluster's later pass), opened under that id when it is new;
    `method` is what the story and the membership are stamped with (see `method_of`)."""
    settings = settings or core.Settings()
    store.count_document(connection, _terms(features))
    vector, entities = _vectors(connection, features)
    original = store.story_of(connection, features.duplicate_of) if features.duplicate_of else None
    if original is not None:
        # A syndicated copy is not evidence of anything new: it goes where its original went.
        story, action, decision = store.summaries(connection, [original])[0], "duplicate", core.Decision(original, 1.0)
    else:
        found = _candidates(connection, features, vector, entities, settings, core.link_terms(features, entities))
        decision = core.decide(features, vector, entities, found, settings)
        if into is not None:
            decision = _placed(decision, into, settings)
            known = store.summaries(connection, [into])
            story, action = (known[0], "joined") if known else (core.open_story(into), "opened")
        elif decision.story is None:
            story, action = core.open_story(store.story_id(features.document)), "opened"
        else:
            story, action = next(s for s in found if s.id == decision.story), "joined"
    position = story.size
    updated = core.absorb(story, features, vector, entities)
    store.save(connection, updated, core.index_terms(updated), method)
    store.add_member(connection, features.document, updated.id, position, decision.score, features.source, method)
    scores = {m.story: m.score for m in decision.matches}
    store.relate(connection, updated.id, [(other, scores.get(other, 0.0)) for other in decision.related])
    also = [m.story for m in decision.matches if m.story != updated.id and m.veto is None
            and m.score >= settings.join_threshold][:MERGES_TRIED] if action == "joined" and into is None else []
    return Outcome(features.document, updated.id, action, decision.score, decision.related, also)


def _terms(features: DocumentFeatures) -> list[str]:
    """What the index counts of a document: its words and, prefixed, its entity keys."""
    return list(features.terms) + [core.KEY_PREFIX + key for key in features.entities]


def _vectors(connection, features: DocumentFeatures) -> tuple[dict[str, float], dict[str, float]]:
    """The document's unit text and entity vectors, weighted by the rarity counted so far."""
    rarity = store.idf(connection, _terms(features))
    return core.text_vector(features, rarity), core.entity_vector(features, rarity)


def _candidates(connection, features, vector, entities, settings: core.Settings, links: list[str] = ()):
    """The stories the index offers for a document: active ones sharing its heaviest words and keys,
    and older ones sharing `links` (for related links only)."""
    weights = dict(vector)
    weights.update({core.KEY_PREFIX + key: weight for key, weight in entities.items()})
    moment = features.time
    since = None if moment is None else moment - settings.window_days * 86400
    return store.candidates(connection, core.query_terms(vector, entities), weights, since, links)


def _placed(decision: core.Decision, into: str, settings: core.Settings) -> core.Decision:
    """The decision to join `into`, whatever the single pass would have chosen."""
    score = next((m.score for m in decision.matches if m.story == into), 0.0)
    return core.Decision(into, score, core.related_stories(decision.matches, into, settings), decision.matches)


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
    placed: dict[str, str] | None = None,
    embed=None,
    group_at_most: int = FIRST_BUILD_GROUPED,
) -> AssignReport:
    """Assign every document that has an annotation but no story yet; one transaction per batch.
    `placed` (document → story) fixes where some documents go instead of deciding it. `embed` (see
    `corroborator.embeddings`) adds the meaning of each document's headline and lede to the decision.

    A store with no story yet (a corpus's first build) has every document at hand: up to `group_at_most`
    of them (the grouping holds each one's cut vectors in memory; `recluster` groups any number), they
    are grouped as a recluster groups them, every document against every other, rather than each
    against the stories the documents before it opened. Later documents are assigned one at a time, at
    a cost that does not grow with the store."""
    started = time.perf_counter()
    rows = store.pending(database, require_annotation)
    if placed is None and group_at_most and len(rows) <= group_at_most and not store.has_stories(database):
        placed = _grouped(database, rows, settings or core.Settings(), batch_size, embed)
    report = AssignReport()
    method = method_of(embed, clustered=placed is not None)
    placed = placed or {}
    recent = Recent()
    queue = order(rows)
    for start in range(0, len(queue), batch_size):
        batch = [features_of(database, document_id) for document_id in queue[start:start + batch_size]]
        batch = _embedded(batch, embed)
        with database.transaction() as connection:
            for features in batch:
                outcome = place(database, connection, features, settings, embed, method, recent,
                                placed.get(features.document))
                report.split += len(outcome.split)
                report.merged += len(outcome.merged)
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


def place(
    database: Database, connection, features: DocumentFeatures, settings: core.Settings | None = None, embed=None,
    method: str = core.METHOD, recent: Recent | None = None, into: str | None = None,
) -> Outcome:
    """Assign one document (`assign`), then look again at the stories it touched, as a build does: the story it
    joined is cut when it has grown into two events (`regroup`), and a story it could have joined as well is
    merged into one with it when the two are one event (`merge`). With `into` the document's story is given
    (a first build's grouping) and nothing is looked at again."""
    recent = recent if recent is not None else Recent()
    outcome = assign(connection, features, settings, into, method)
    recent.add(features)
    if outcome.action != "opened" and into is None:
        outcome.split = regroup(database, connection, outcome.story, settings, embed, method, recent)
    for other in outcome.also:  # a story of the same event that opened before this report tied them
        now_in = store.story_of(connection, features.document)
        if (younger := merge(database, connection, now_in, other, settings, embed, method, recent)) is not None:
            outcome.merged.append(younger)
    return outcome


def regroup(
    database: Database, connection, story_id: str, settings: core.Settings | None = None, embed=None,
    method: str = core.METHOD, recent: Recent | None = None,
) -> list[str]:
    """Look again at a story that a document has just joined, with every one of its documents against every
    other, as a recluster looks at a group (`cluster.divide`); when it has grown into two events of one
    kind, cut the part that does not hold its founding document off into a story of its own, so the
    story's id still names the event it was opened for; when it has not, move out the reports mainly about
    another person that that person's story can take (`rehome`). Returns the ids of the stories cut off.

    Only at sizes CHECKED_SIZES (about half again each time: a document costs about two looks at most,
    whatever the story's size), and never past REGROUP_AT_MOST documents, so adding a document costs the
    same at any store size."""
    settings = settings or core.Settings()
    ids = [document_id for document_id, _ in store.members(database, story_id)]
    if len(ids) not in CHECKED_SIZES:
        return []
    features, rarity = _read(database, connection, ids, embed, recent)
    parts = cluster.divide([cluster.Member.of(f, rarity) for f in features], settings)
    if len(parts) == 1:
        rehome(database, connection, story_id, features, rarity, settings, embed, method, recent)
        return []
    position = {document_id: index for index, document_id in enumerate(ids)}
    by_id = {f.document: f for f in features}
    opened = []
    for part in parts:
        part = sorted(part, key=position.__getitem__)
        kept = ids[0] in part
        _rewrite(connection, story_id if kept else store.story_id(part[0]), [by_id[d] for d in part], rarity, method)
        if not kept:
            opened.append(store.story_id(part[0]))
    return opened


def rehome(
    database: Database, connection, story_id: str, features: list[DocumentFeatures], rarity: dict[str, float],
    settings: core.Settings, embed=None, method: str = core.METHOD, recent: Recent | None = None,
) -> list[str]:
    """Move each document of a story looked at again (its documents' `features`, in order) that is mainly about
    another person than the story is to a story mainly about that person that it could join: a report that came
    before its person's story opened went to the closest one open, which then grew into another person's story
    (`decide._same_person`, with hindsight). The story keeps its id, even when its founding report moves: the id
    stays with the most of its reports. Returns the documents moved. Each costs one look-up in the index, as
    assigning a document does, and one story read, of REGROUP_AT_MOST documents at most."""
    story = store.summaries(connection, [story_id])
    lead = story[0].lead if story else None
    if lead is None:
        return []
    moved: dict[str, list[str]] = {}
    for f in features:
        if f.lead is None or f.lead == lead:
            continue
        vector, entities = core.text_vector(f, rarity), core.entity_vector(f, rarity)
        found = [s for s in _candidates(connection, f, vector, entities, settings) if s.id != story_id]
        chosen = next((s for s in found if s.id == core.decide(f, vector, entities, found, settings).story), None)
        if chosen is not None and chosen.lead == f.lead and core.same_deeds(f, chosen):
            moved.setdefault(chosen.id, []).append(f.document)
    held = {target: [document_id for document_id, _ in store.members(database, target)] for target in moved}
    moved = {target: documents for target, documents in moved.items()
             if len(held[target]) + len(documents) <= REGROUP_AT_MOST}
    going = {document for documents in moved.values() for document in documents}
    if going:
        _rewrite(connection, story_id, [f for f in features if f.document not in going], rarity, method)
    for target, documents in moved.items():
        together, together_rarity = _read(database, connection, held[target] + documents, embed, recent)
        _rewrite(connection, target, together, together_rarity, method)
    return sorted(going)


def merge(
    database: Database, connection, story_id: str, other: str, settings: core.Settings | None = None, embed=None,
    method: str = core.METHOD, recent: Recent | None = None,
) -> str | None:
    """Merge two stories a document could join both of, when they are one event as a recluster would see
    them (`cluster.one_story`: average link would merge them, they are not two tight stories far looser
    together, nothing cuts them apart again, and they are not mainly about two different people): two
    stories of one event that opened before a report tying them came. The younger story goes into the older
    one, whose id survives; the younger id is recorded as merged into it, so it still finds the story. Returns
    the younger id when merged. Never past REGROUP_AT_MOST documents together, so the cost does not grow with
    the store."""
    settings = settings or core.Settings()
    if story_id == other:
        return None
    ages = {row[0]: (*_when(row[1]), row[2]) for row in connection.execute(
        "SELECT id, first_seen, rowid FROM stories WHERE id IN (?, ?)", (story_id, other))}
    if len(ages) < 2:
        return None
    older, younger = sorted(ages, key=ages.__getitem__)
    first = [document_id for document_id, _ in store.members(database, older)]
    second = [document_id for document_id, _ in store.members(database, younger)]
    if len(first) + len(second) > REGROUP_AT_MOST:
        return None
    features, rarity = _read(database, connection, first + second, embed, recent)
    members = [cluster.Member.of(f, rarity) for f in features]
    if not cluster.one_story(members[:len(first)], members[len(first):], settings):
        return None
    _rewrite(connection, older, features, rarity, method)
    store.retire(connection, younger, older)
    return younger


def _read(database: Database, connection, ids: list[str], embed, recent: Recent | None = None):
    """The features of a story's documents (those assigned lately as `recent` kept them), and the rarity
    of their words counted so far."""
    recent = recent if recent is not None else Recent()
    missing = [document_id for document_id in ids if recent.get(document_id) is None]
    for features in _embedded([features_of(database, document_id) for document_id in missing], embed):
        recent.add(features)
    features = [recent.get(document_id) or features_of(database, document_id) for document_id in ids]
    return features, store.idf(connection, sorted({term for f in features for term in _terms(f)}))


class Recent:
    """The features of the documents assigned or read last, RECENT_FEATURES of them at most: a story looked
    at again is mostly made of documents just assigned, which need not be read and parsed again."""

    def __init__(self, size: int | None = None):
        self.size = RECENT_FEATURES if size is None else size
        self._features: OrderedDict[str, DocumentFeatures] = OrderedDict()

    def add(self, features: DocumentFeatures) -> None:
        self._features[features.document] = features
        self._features.move_to_end(features.document)
        while len(self._features) > self.size:
            self._features.popitem(last=False)

    def get(self, document_id: str) -> DocumentFeatures | None:
        return self._features.get(document_id)


def _rewrite(connection, story_id: str, features: list[DocumentFeatures], rarity: dict[str, float], method: str) -> None:
    """Write `story_id` as holding these documents, in this order, its summary made from them again."""
    summary = core.open_story(story_id)
    for f in features:
        summary = core.absorb(summary, f, core.text_vector(f, rarity), core.entity_vector(f, rarity))
    store.save(connection, summary, core.index_terms(summary), method)
    for position, f in enumerate(features):
        store.move(connection, f.document, story_id, position, method)


def method_of(embed=None, clustered: bool = False) -> str:
    """What stories are stamped with: the stage's method, whether meaning took part (and which model),
    and whether a recluster's clustering placed the documents."""
    method = stamped(core.METHOD, embed)
    return method + "+clustered" if clustered else method


def _embedded(batch: list[DocumentFeatures], embed) -> list[DocumentFeatures]:
    """The batch's features with their embeddings, when there is an embedder."""
    if embed is not None and batch:
        for features, vector in zip(batch, embed([embedding_text(f) for f in batch])):
            features.embedding = tuple(round(float(v), 5) for v in vector)
    return batch


def recluster(
    database: Database,
    batch_size: int = BATCH_SIZE,
    settings: core.Settings | None = None,
    require_annotation: bool = True,
    embed=None,
    single_pass: bool = False,
) -> AssignReport:
    """Drop every story and group every document again from scratch, so the grouping does not depend on
    the order the corpus was ingested in: every document against every other (`cluster.group`), the
    words weighed by their rarity in the whole corpus; then the stories are written as `build` writes
    them, with each document placed in its group's story. With `single_pass`, one incremental pass
    in (published, id) order instead, as `build` makes it."""
    started = time.perf_counter()
    settings = settings or core.Settings()
    with database.transaction() as connection:
        store.clear(connection)
    report = assign_pending(database, batch_size, settings, require_annotation, embed=embed,
                            group_at_most=0 if single_pass else FIRST_BUILD_GROUPED)
    report.seconds = time.perf_counter() - started
    return report


def _grouped(database: Database, rows: list[tuple[str, str | None, str | None]], settings: core.Settings,
             batch_size: int, embed):
    """Where every waiting document (`rows`, as store.pending gives them) goes: document → story, each
    group's story named after its first document in (published, id) order, as a single pass would have
    named it. The documents are read twice, a batch at a time: once to count their words, once to keep
    what the clustering compares."""
    waiting = {document_id for document_id, _, _ in rows}
    queue = order(rows)
    # A syndicated copy follows its original; counting it would weigh the original's words twice.
    originals = [document_id for document_id, _, duplicate_of in rows if duplicate_of not in waiting]
    counts: Counter[str] = Counter()
    for batch in _batches(database, originals, batch_size):
        for features in batch:
            counts.update(_terms(features))
    rarity = {term: core.rarity(len(originals), count) for term, count in counts.items()}
    members = []
    for batch in _batches(database, originals, batch_size):
        members.extend(cluster.Member.of(features, rarity) for features in _embedded(batch, embed))
    position = {document_id: index for index, document_id in enumerate(queue)}
    placed = {}
    for documents in cluster.group(members, settings):
        story = store.story_id(min(documents, key=position.__getitem__))
        placed.update(dict.fromkeys(documents, story))
    return placed


def _batches(database: Database, document_ids: list[str], batch_size: int):
    for start in range(0, len(document_ids), batch_size):
        yield [features_of(database, document_id) for document_id in document_ids[start:start + batch_size]]


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
    title = row["title"] or (untitled(store.opening(database, members[0][0])) if members else "")
    return StoryRecord(
        id=row["id"], title=title, first_seen=row["first_seen"], last_seen=row["last_seen"],
        documents=[document_id for document_id, _ in members], sources=sources,
        related=store.related(database, row["id"]),
    )


def untitled(opening: str, most: int = 100) -> str:
    """A title for a story none of whose documents has a headline: its first document's first sentence, cut at a
    word within `most` characters and marked "…" where it is cut."""
    sentence = re.split(r"(?<=[.!?])\s+", opening.strip(), maxsplit=1)[0] if opening.strip() else ""
    sentence = " ".join(sentence.split())
    if len(sentence) <= most:
        return sentence
    return sentence[:most].rsplit(" ", 1)[0].rstrip(",;:") + "…"
