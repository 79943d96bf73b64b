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
