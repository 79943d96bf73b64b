"""Terminal tables (rich) for the CLI."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from corroborator.ingest.pipeline import IngestReport
from corroborator.model import Document, Rejection
from corroborator.present.report import counted, when

_OUTCOMES = [
    ("stored", "stored as new documents"),
    ("near_duplicate", "stored as near-duplicates (syndicated copies)"),
    ("original", "stored as the original of a copy stored before it"),
    ("exact_duplicate", "exact copies of a stored body (path recorded)"),
    ("already_stored", "already stored from the same path"),
    ("rejected", "rejected"),
]


def _inert(text: str) -> Text:
    """Text from an article or a path, shown as it is: "[he]" or "[sic]" in a quote is no console markup."""
    return Text(text)


def documents_table(documents: list[Document]) -> Table:
    table = Table(title=counted(len(documents), "document"), title_justify="left")
    for column, options in [
        ("id", {"no_wrap": True, "style": "cyan", "min_width": 16}),
        ("source", {"max_width": 24}),
        ("published", {"no_wrap": True, "min_width": 10}),
        ("title", {"min_width": 24}),
        ("words", {"justify": "right"}),
        ("comments", {"justify": "right"}),
        ("copy of", {"no_wrap": True, "style": "yellow", "min_width": 16}),
    ]:
        table.add_column(column, **options)
    for d in documents:
        table.add_row(
            d.id, _inert(d.source or "—"), _published(d),
            _inert(d.title or "(untitled)"), f"{d.words:,}", str(d.comment_count), d.duplicate_of or "",
        )
    return table


def _published(document: Document) -> str:
    if not document.published:
        return "—"
    return document.published[:10] if document.published_precision == "day" else when(document.published)


def rejected_table(rejections: list[Rejection]) -> Table:
    table = Table(title=counted(len(rejections), "rejected input"), title_justify="left")
    table.add_column("path", style="red", overflow="fold")
    table.add_column("reason", ratio=2)
    for r in rejections:
        table.add_row(_inert(r.path), _inert(r.reason))
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


def stories_table(stories: list[dict]) -> Table:
    table = Table(title=counted(len(stories), "story"), title_justify="left")
    table.add_column("id", style="cyan", no_wrap=True, min_width=16)
    table.add_column("title", min_width=30)
    table.add_column("first seen", no_wrap=True)
    table.add_column("docs", justify="right")
    table.add_column("sources", justify="right")
    for verdict, label, style in _VERDICT_COLUMNS:
        table.add_column(label, justify="right", style=style)
    for story in stories:
        verdicts = story.get("verdicts", {})
        table.add_row(
            story["id"], _inert(story["title"]), (story["first_seen"] or "—")[:10], str(len(story["documents"])),
            str(len(story["sources"])), *[str(verdicts.get(v, 0) or "") for v, _, _ in _VERDICT_COLUMNS],
        )
    return table


_VERDICT_COLUMNS = [
    ("conflict", "conflicts", "red"),
    ("update", "updates", "yellow"),
    ("variant", "variants", "magenta"),
    ("corroborated", "corroborated", "green"),
    ("single_source", "single", "dim"),
]


def build_summary(report) -> Table:
    table = Table(title="build", title_justify="left")
    table.add_column("stage")
    table.add_column("done", justify="right")
    table.add_column("seconds", justify="right")
    done = {"annotate": report.annotated, "stories": report.assigned, "reconcile": report.reconciled}
    units = {"annotate": "documents", "stories": "documents", "reconcile": "stories"}
    for stage, seconds in report.stages.items():
        table.add_row(stage, f"{done[stage]:,} {units[stage]}", f"{seconds:.1f}")
    return table


def document_view(record: dict):
    """One document for the terminal: metadata, body, then its mentions and quotes."""
    from rich.console import Group
    from rich.text import Text

    header = Text(record["title"] or "(untitled)", style="bold")
    byline = " · ".join(filter(None, [", ".join(record["authors"]), record["source"], record["published"]]))
    parts = [header, Text(byline, style="dim"), Text(""), Text(record["body"]), Text("")]
    if record["comments"]:
        parts.append(Text(f"{record['comments']} reader comments, kept apart from the body", style="dim"))
    if record["mentions"]:
        mentions = Table(title=f"{len(record['mentions'])} mentions", title_justify="left")
        for column in ("kind", "text", "value", "precision", "key"):
            mentions.add_column(column)
        for m in record["mentions"]:
            mentions.add_row(m["kind"], _inert(m["text"]), _inert(m["value"] or ""), m["precision"] or "",
                             _inert(m["key"] or ""))
        parts.append(mentions)
    if record["quotes"]:
        quotes = Table(title=f"{len(record['quotes'])} quotes", title_justify="left")
        for column in ("kind", "speaker", "text"):
            quotes.add_column(column)
        for q in record["quotes"]:
            quotes.add_row(q["kind"], _inert(q["speaker"] or ""), _inert(q["text"]))
        parts.append(quotes)
    return Group(*parts)
