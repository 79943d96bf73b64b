"""Ingest through the API: an uploaded file or a fetched page goes through the ingest stage and the build.

The bytes become an Input exactly as a file on disk would (gzip and archives expanded, the size limit
applied per record), are read by the same readers and stored in one transaction, and then the build
annotates them, assigns them to stories and reconciles what changed.
"""

from __future__ import annotations

import threading
from itertools import islice

from corroborator.ingest import pipeline, sources
from corroborator.model import Input
from corroborator.store import documents as stored
from corroborator.store import stories as story_store
from corroborator.store.db import Database

# One writer at a time: SQLite allows one, and a second build would only wait for the first.
_WRITER = threading.Lock()


def ingest_bytes(db_path: str, path: str, data: bytes, url: str | None, content_type: str | None, max_bytes: int,
                 source: str | None = None) -> dict:
    """Store one upload or fetched page (or every record of an archive), build, and say what became of each input.
    `source` names the outlet of each page that does not name its own."""
    from corroborator.build import build

    item = Input(path, data, url=url, content_type=_page_type(content_type))
    with _WRITER, Database(db_path) as database:
        outcomes = []
        items = sources._open(item, max_bytes)  # the same opening as a file on disk: gzip, archives, size limit
        while batch := list(islice(items, pipeline.BATCH_SIZE)):
            results = [pipeline.read(i) for i in batch]
            pipeline.name_source(results, source)
            outcomes += stored.write_batch(database, results)
        report = build(database)
        stories = {
            o.document: story_store.story_of(database.connection, o.document) for o in outcomes if o.document
        }
    return {
        "inputs": [
            {"path": o.path, "status": o.status, "document": o.document, "story": stories.get(o.document),
             "detail": o.detail}
            for o in outcomes
        ],
        "stored": sum(o.status in ("stored", "near_duplicate", "original") for o in outcomes),
        "rejected": [{"path": o.path, "reason": o.detail} for o in outcomes if o.status == "rejected"],
        "build": {"annotated": report.annotated, "assigned": report.assigned, "reconciled": report.reconciled},
    }


def _page_type(content_type: str | None) -> str | None:
    """The content type, when it names a page kind a reader knows; a generic one would hide the file's suffix."""
    if not content_type:
        return None
    kind = content_type.split(";")[0].strip().lower()
    return None if kind in ("application/octet-stream", "") else content_type
