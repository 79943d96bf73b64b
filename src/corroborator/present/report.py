"""A story as a report a person reads: Markdown for terminals and files, HTML for browsers."""

from __future__ import annotations

import calendar
import re
from collections import Counter
from datetime import datetime
from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape

from corroborator.values import parse_quantity

VERDICTS = ("conflict", "update", "variant", "corroborated", "single_source")
VERDICT_TITLES = {
    "conflict": "Conflicts",
    "update": "Updates",
    "variant": "Variants",
    "corroborated": "Corroborated",
    "single_source": "Single source",
}


def grouped(findings: list[dict]) -> list[tuple[str, list[dict]]]:
    """Findings grouped by verdict, conflicts first."""
    return [(v, [f for f in findings if f["verdict"] == v]) for v in VERDICTS if any(f["verdict"] == v for f in findings)]


VERDICT_NOUNS = {
    "conflict": ("conflict", "conflicts"),
    "update": ("update", "updates"),
    "variant": ("variant", "variants"),
    "corroborated": ("corroborated", "corroborated"),
    "single_source": ("single source", "single source"),
}


def verdict_counts(findings: list[dict]) -> str:
    """"1 conflict, 2 updates, 12 corroborated" for a list of findings."""
    counts = Counter(f["verdict"] for f in findings)
    parts = [f"{counts[v]} {VERDICT_NOUNS[v][counts[v] != 1]}" for v in VERDICTS if counts[v]]
    return ", ".join(parts) or "no findings"


def counted(n: int, noun: str) -> str:
    """"1 story", "2 stories", "1 source", "3 sources": a count with its noun in the number it takes."""
    if n == 1:
        return f"1 {noun}"
    return f"{n:,} {noun[:-1]}ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else f"{n:,} {noun}s"


def when(published: str | None) -> str:
    """A publication time as a reader wants it: "2025-03-10 07:40 UTC+02:00", local time with its zone so that
    outlets in different zones can be put in order, or the day alone when only the day is known."""
    if not published:
        return ""
    if published.endswith("T00:00:00+00:00"):  # how a date-only publication is stored
        return published[:10]
    shown = published[:16].replace("T", " ")
    try:
        offset = datetime.fromisoformat(published).utcoffset()
    except ValueError:
        return shown
    if offset is None:
        return shown
    if not offset:
        return f"{shown} UTC"
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes > 0 else "-"
    return f"{shown} UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def span(first: str | None, last: str | None, day: bool = False) -> str:
    """When a story ran: "2025-03-10 – 2025-03-11", or one date when it began and ended on it ("2024-01-23");
    `day` shows days alone."""
    first_shown, last_shown = (when(t)[:10] if day else when(t) for t in (first, last))
    if first_shown == last_shown:
        return first_shown or "undated"
    return f"{first_shown or 'undated'} – {last_shown or 'undated'}"


def _md(text: str | None) -> str:
    """Text from an article, inert in Markdown: no markup, links or HTML of its own."""
    if not text:
        return ""
    return "".join("\\" + c if c in "\\`*_{}[]<>#|!" else c for c in text.replace("\n", " "))


# A stored figure that has a unit or a qualifier to put in words: "~25000 people", ">80%", "2500000 USD", "330 s".
_UNIT = r"(?:%| [^\W\d][\w.-]*(?: [^\W\d][\w.-]*)?)"
_FIGURE = re.compile(rf"(?:[<>]=?~?|~)\d[\d.]*(?:-\d[\d.]*)?{_UNIT}?$|\d[\d.]*(?:-\d[\d.]*)?{_UNIT}$")
_NO_YEAR = re.compile(r"--(\d\d)(?:-(\d\d))?$")  # "--03", "--04-15": a month or day an undated report names


def shown_value(value: str | None, text: str | None = None) -> str | None:
    """An evidence value as a reader reads it: a figure with its unit or qualifier in words ("~25000 people" is
    "about 25,000 people"); a duration, stored in seconds, in the largest unit its words (`text`) name that gives
    it at least one and at most one decimal ("36 million hours" stays in hours, "five-and-a-half minute" is
    "about 5.5 minutes") unless its words name two units it fills ("5-minutes 23-seconds" is "5 minutes 23
    seconds", not "323 s" beside another report's "about 5.5 minutes"), else in the largest unit it is a whole
    number of ("148320000000 s" is "41,200,000 hours"); a month or day stored without its year ("--03") by
    name; any other value (a time, a name, a quote, a bare number such as a year) as stored."""
    if value and (undated := _NO_YEAR.match(value)):
        month, day = calendar.month_name[int(undated[1])], f" {int(undated[2])}" if undated[2] else ""
        return f"{month}{day}, no year given"
    if not value or not _FIGURE.match(value):
        return value
    try:
        quantity = parse_quantity(value)
    except ValueError:
        return value
    return quantity.describe(words=text or "")


def story_markdown(story: dict, titles: dict[str, str] | None = None) -> str:
    """A story (the export's shape) as Markdown: findings by verdict with evidence, timeline, entities."""
    titles = titles or {}
    lines = [f"# {_md(story['title'])}", ""]
    lines.append(
        f"{counted(len(story['documents']), 'document')} from {counted(len(story['sources']), 'source')} "
        f"({_md(', '.join(story['sources']))}); "
        f"{span(story['first_seen'], story['last_seen'])}. {verdict_counts(story['findings'])}."
    )
    lines.append("")
    for verdict, findings in grouped(story["findings"]):
        lines += [f"## {VERDICT_TITLES[verdict]} ({len(findings)})", ""]
        for finding in findings:
            attribute = f" — {_md(finding['attribute'])}" if finding["attribute"] else ""
            lines.append(f"- **{_md(finding['statement'])}**{attribute}")
            lines.append(f"  - {_md(finding['explanation'])}")
            for evidence in finding["evidence"]:
                shown = shown_value(evidence.get("value"), evidence.get("value_text"))
                value = f" [{_md(shown)}]" if evidence.get("value") else ""
                lines.append(f"  - {_md(evidence.get('source') or evidence['document'])}{value}: “{_md(evidence['sentence'])}”")
        lines.append("")
    if story["timeline"]:
        lines += ["## Timeline", "", "| date | event | documents |", "|---|---|---|"]
        for event in story["timeline"]:
            lines.append(f"| {event['date']} | {_md(event['event'])} | {len(event['documents'])} |")
        lines.append("")
    if story["entities"]:
        lines += ["## Entities", "", "| name | kind | also written | documents |", "|---|---|---|---|"]
        for entity in story["entities"]:
            aliases = ", ".join(_md(a) for a in entity["aliases"])
            lines.append(f"| {_md(entity['name'])} | {entity['kind']} | {aliases} | {len(entity['documents'])} |")
        lines.append("")
    if story["related"]:
        lines += ["## Related stories", ""] + [f"- {_md(titles.get(r, r))} ({r})" for r in story["related"]] + [""]
    return "\n".join(lines)


@cache
def templates() -> Environment:
    """The HTML templates, shared by reports and the web app; every string from an article is escaped."""
    environment = Environment(
        loader=PackageLoader("corroborator.present", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(
        VERDICT_TITLES=VERDICT_TITLES, grouped=grouped, verdict_counts=verdict_counts, counted=counted, coverage=coverage,
        when=when, span=span, timeline_svg=timeline_svg,
    )
    environment.filters["shown_value"] = shown_value
    return environment


def story_html(story: dict, documents: dict[str, dict], titles: dict[str, str] | None = None, standalone: bool = True) -> str:
    """A story as an HTML page; `documents` maps ids to document records (for sources, titles and links)."""
    return templates().get_template("story.html").render(
        story=story, documents=documents, titles=titles or {}, standalone=standalone, link_prefix=""
    )


def coverage(story: dict, documents: dict[str, dict]) -> dict:
    """Which source reports which claim: a row per multi-source finding, a column per source."""
    rows = []
    for finding in story["findings"]:
        if finding["verdict"] == "single_source":
            continue
        sources = {e.get("source") or documents.get(e["document"], {}).get("source") or e["document"] for e in finding["evidence"]}
        rows.append({"verdict": finding["verdict"], "statement": finding["statement"], "sources": sources})
    return {"sources": story["sources"], "rows": rows}


LABEL_CHAR = 6.8  # width of an average character of a 12 px label, wide enough for a sans-serif face
LABEL_GAP, FRAME = 8, 10  # between a label and its event's line; between a label and the frame


def timeline_svg(events: list[dict], width: int = 1000) -> str:
    """The timeline as an inline SVG: a dot per dated event on a time axis, its date and first words beside it.

    A label runs right of its event's line, or left of it when there is more room there, and is cut
    short with an ellipsis to stay inside the frame; the first and last years are written under the axis.
    """
    from html import escape

    from corroborator.values import parse_time

    placed = []
    for event in events:
        try:
            value = parse_time(event["date"], event["precision"])
        except ValueError:
            continue
        if value.known:
            placed.append((value.start.replace(tzinfo=None).timestamp(), value.start.year, event))
    if not placed:
        return ""
    placed.sort(key=lambda p: p[0])
    low, high = placed[0][0], placed[-1][0]
    span = (high - low) or 1.0
    row_height, left, right, top = 26, 40, width - 40, 44
    height = top + 10 + row_height * len(placed)
    parts = [f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="timeline of dated events">',
             f'<line x1="{left}" y1="14" x2="{right}" y2="14" stroke="#9aa3b2" stroke-width="2"/>',
             f'<text x="{left}" y="32" font-size="11" fill="#5b6475" text-anchor="middle">{placed[0][1]}</text>']
    if placed[-1][1] != placed[0][1]:
        parts.append(f'<text x="{right}" y="32" font-size="11" fill="#5b6475" text-anchor="middle">'
                     f'{placed[-1][1]}</text>')
    for row, (moment, _, event) in enumerate(placed):
        x = left + (right - left) * (moment - low) / span
        y = top + row * row_height
        full = f"{event['date']} — {event['event']}"
        room_right, room_left = width - FRAME - (x + LABEL_GAP), x - LABEL_GAP - FRAME
        on_right = len(full) * LABEL_CHAR <= room_right or room_right >= room_left
        fits = int((room_right if on_right else room_left) // LABEL_CHAR)
        label = escape(full if len(full) <= fits else full[: max(fits - 1, 0)].rstrip() + "…")
        anchor = f'x="{x + LABEL_GAP:.1f}"' if on_right else f'x="{x - LABEL_GAP:.1f}" text-anchor="end"'
        parts.append(f'<line x1="{x:.1f}" y1="14" x2="{x:.1f}" y2="{y - 4}" stroke="#dde1e8"/>')
        parts.append(f'<circle cx="{x:.1f}" cy="14" r="5" fill="#1f4e99"><title>{escape(full)}</title></circle>')
        parts.append(f'<text {anchor} y="{y + 4}" font-size="12" fill="#1d2330">{label}</text>')
    parts.append("</svg>")
    return "".join(parts)


def stories_html(stories: list[dict], documents: dict[str, dict], titles: dict[str, str]) -> str:
    """Every story on one standalone page, each as its story page shows it."""
    return templates().get_template("report.html").render(
        stories=stories, documents=documents, titles=titles, standalone=True, link_prefix=""
    )
