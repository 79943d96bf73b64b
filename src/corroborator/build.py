"""`build`: run every stage after ingest on what is new — annotate, then stories, then reconcile.

Each stage reads what the previous one wrote and writes in batches of one
transaction each, so a build can be interrupted and run again without
duplicating anything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from corroborator.store import annotations as annotated
from corroborator.store.db import Database

BATCH_SIZE = 64


@dataclass(slots=True)
class BuildReport:
    """What one build did, stage by stage."""

    annotated: int = 0
    aliases: int = 0
    assigned: int = 0
    reconciled: int = 0
    stages: dict[str, float] = field(default_factory=dict)  # seconds spent per stage


def annotate_pending(
    database: Database,
    batch_size: int = BATCH_SIZE,
    n_process: int = 1,
    on_batch: Callable[[int], None] | None = None,
) -> tuple[int, int]:
    """Annotate every document not yet annotated by the current method; learn entity aliases from them.

    Returns (documents annotated, aliases learned).
    """
    from corroborator.annotate import METHOD, annotate_documents, learn_aliases, load_pipeline

    nlp = None
    done = 0
    learned: dict[str, str] = {}
    while batch := annotated.pending(database, METHOD, limit=batch_size):
        nlp = nlp or load_pipeline()
        annotations = list(annotate_documents(batch, nlp=nlp, batch_size=batch_size, n_process=n_process))
        missing = {d.id for d in batch} - {a.document for a in annotations}
        if missing:
            raise RuntimeError(f"the annotate stage returned nothing for {len(missing)} documents: {sorted(missing)[:3]}")
        annotated.write_batch(database, annotations)
        learned.update(learn_aliases(annotations, {d.id: d.body for d in batch}))
        done += len(batch)
        if on_batch:
            on_batch(len(batch))
    if learned:
        annotated.write_aliases(database, learned, METHOD)
    return done, len(learned)


def reconcile_pending(database: Database, batch_size: int = 16, embed=None) -> int:
    """Reconcile every story whose documents changed since it was last reconciled. Returns how many."""
    from corroborator.embeddings import stamped
    from corroborator.reconcile import METHOD, reconcile_story
    from corroborator.store import documents as stored
    from corroborator.store import reconciled
    from corroborator.store import stories as story_store

    aliases = len(annotated.aliases(database))
    members = {
        row["id"]: [document_id for document_id, _ in story_store.members(database, row["id"])]
        for row in story_store.story_rows(database)
    }
    method = stamped(METHOD, embed)
    current = {story: reconciled.fingerprint(ids, method, aliases) for story, ids in members.items()}
    reconciled.forget_missing(database, set(members))
    todo = reconciled.stale(database, current)
    for start in range(0, len(todo), batch_size):
        reports = []
        for story in todo[start : start + batch_size]:
            documents = [stored.document(database, document_id) for document_id in members[story]]
            annotations = {d.id: annotated.annotation(database, d.id) for d in documents}
            annotations = {k: v for k, v in annotations.items() if v is not None}
            reports.append((story, current[story], reconcile_story(documents, annotations, embed=embed)))
        reconciled.write_batch(database, reports)
    return len(todo)


def build(database: Database, n_process: int = 1, on_stage: Callable[[str], None] | None = None, embed=None) -> BuildReport:
    """Annotate what is new, assign it to stories, and reconcile every story that changed.

    `embed` (see `corroborator.embeddings`) lets stories compare new documents by meaning too, and
    reconcile align sentences by meaning; a story reconciled without it is reconciled again with it, and
    the other way round (documents already in stories stay where they are until a recluster).
    """
    import time

    from corroborator.stories import assign_pending

    report = BuildReport()
    stages = [
        ("annotate", lambda: annotate_pending(database, n_process=n_process)),
        ("stories", lambda: assign_pending(database, embed=embed)),
        ("reconcile", lambda: reconcile_pending(database, embed=embed)),
    ]
    for name, run in stages:
        if on_stage:
            on_stage(name)
        started = time.perf_counter()
        result = run()
        report.stages[name] = time.perf_counter() - started
        if name == "annotate":
            report.annotated, report.aliases = result
        elif name == "stories":
            report.assigned = result.documents
        else:
            report.reconciled = result
    return report
