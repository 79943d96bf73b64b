"""The ingest stage: paths in, documents and rejections stored, a batch per transaction."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice

from corroborator.ingest import readers, sources
from corroborator.model import Document, Input, Rejection
from corroborator.store import documents as stored
from corroborator.store.db import Database

BATCH_SIZE = 64


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did: a count per outcome, and every rejection with its reason."""

    counts: Counter = field(default_factory=Counter)
    rejected: list[Rejection] = field(default_factory=list)
    near_duplicates: list[tuple[str, str]] = field(default_factory=list)  # (path, original id)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def read(item: Input | Rejection) -> Document | Rejection:
    """Read one opened input; a rejection from opening passes through. Pure: no database."""
    if isinstance(item, Rejection):
        return item
    try:
        return readers.read(item)
    except Exception as error:  # one bad page must never stop the run; its reason is recorded
        return Rejection(item.path, f"unreadable: the reader failed ({type(error).__name__}: {error})".splitlines()[0][:300])


def name_source(results: list[Document | Rejection], source: str | None) -> None:
    """Give `source` as the outlet of each document whose page names none (the id, of the body only, stays)."""
    for result in results if source else ():
        if isinstance(result, Document) and not result.source:
            result.source = source


def _batches(items: Iterator, size: int) -> Iterator[list]:
    while batch := list(islice(items, size)):
        yield batch


def ingest(
    database: Database,
    paths: Iterable[str | Rejection],
    max_bytes: int = sources.DEFAULT_MAX_BYTES,
    jobs: int = 1,
    batch_size: int = BATCH_SIZE,
    on_file: Callable[[str | Rejection], None] | None = None,
    source: str | None = None,
) -> IngestReport:
    """Read every path (files, or as `sources.files` expands arguments) and store the results.

    Reading runs in `jobs` processes; each batch is written in one transaction, so an
    interrupted run leaves whole batches only, and running it again adds nothing twice.
    `source` names the outlet of every document whose page does not name its own.
    """
    if on_file is not None:
        paths = _notify(paths, on_file)
    items = sources.inputs(paths, max_bytes=max_bytes)
    report = IngestReport()
    pool = ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else None
    try:
        for batch in _batches(items, batch_size):
            results = list(pool.map(read, batch, chunksize=4)) if pool else [read(item) for item in batch]
            name_source(results, source)
            for outcome in stored.write_batch(database, results):
                report.counts[outcome.status] += 1
                if outcome.status == "rejected":
                    report.rejected.append(Rejection(outcome.path, outcome.detail or ""))
                elif outcome.status == "near_duplicate":
                    report.near_duplicates.append((outcome.path, outcome.detail or ""))
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
    return report


def _notify(paths: Iterable[str | Rejection], on_file: Callable[[str | Rejection], None]) -> Iterator[str | Rejection]:
    previous = None
    for path in paths:
        if previous is not None:
            on_file(previous)
        yield path
        previous = path
    if previous is not None:
        on_file(previous)


def ingest_paths(database: Database, arguments: Iterable[str], **options) -> IngestReport:
    """Ingest command-line style arguments: files, directories, globs, and "-" for stdin."""
    return ingest(database, sources.files(arguments), **options)
