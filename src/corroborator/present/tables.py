"""Terminal tables (rich) for the CLI."""

from __future__ import annotations

from rich.table import Table

from corroborator.ingest.pipeline import IngestReport
from corroborator.model import Document, Rejection

_OUTCOMES = [
    ("stored", "stored as new documents"),
    ("near_duplicate", "stored as near-duplicates (syndicated copies)"),
    ("exact_duplicate", "exact copies of a stored body (path recorded)"),
    ("already_stored", "already stored from the same path"),
    ("rejected", "rejected"),
]


def documents_table(documents: list[Document]) -> Table:
    table = Table(title=f"{len(documents)} documents", title_justify="left")
    for column, options in [
        ("id", {"no_wrap": True, "style": "cyan", "min_width": 16}),
        ("source", {"max_width": 24}),
        ("published", {"no_wrap": True, "min_width": 10}),
        ("title", {"min_width": 30}),
        ("words", {"justify": "right"}),
        ("comments", {"justify": "right"}),
        ("copy of", {"no_wrap": True, "style": "yellow"}),
    ]:
        table.add_column(column, **options)
    for d in documents:
        table.add_row(
            d.id, d.source or "—", _published(d),
            d.title or "(untitled)", f"{d.words:,}", str(d.comment_count), d.duplicate_of or "",
        )
    return table


def _published(document: Document) -> str:
    if not document.published:
        return "—"
    return document.published[:10] if document.published_precision == "day" else document.published[:16].replace("T", " ")


def rejected_table(rejections: list[Rejection]) -> Table:
    table = Table(title=f"{len(rejections)} rejected inputs", title_justify="left")
    table.add_column("path", style="red", overflow="fold")
    table.add_column("reason", ratio=2)
    for r in rejections:
        table.add_row(r.path, r.reason)
    return table


def ingest_summary(report: IngestReport) -> Table:
    table = Table(title="ingest", title_justify="left")
    table.add_column("inputs", justify="right")
    table.add_column("outcome")
    for status, label in _OUTCOMES:
        if report.counts[status]:
            table.add_row(f"{report.counts[status]:,}", label, style="red" if status == "rejected" else None)
    table.add_row(f"{report.total:,}", "in all", style="bold")
    return table
