"""Article text made into safe HTML: every piece escaped, then our own marks put around spans we chose.

Nothing from an article reaches a page unescaped: bodies are cut at the stored offsets and each piece
is escaped on its own, and search snippets are escaped first and only then get their <mark> tags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from corroborator.present.report import shown_value

# Private-use characters FTS5's snippet() puts around hits; no article text is trusted to hold them.
HIT_START, HIT_END = "\ue000", "\ue001"
_HIT = re.compile(f"{HIT_START}(.*?){HIT_END}", re.S)
_CLASS = re.compile(r"[^a-z_]")


@dataclass(slots=True)
class Paragraph:
    """One paragraph of a body, its offsets in the body, and its HTML with mentions marked."""

    start: int
    end: int
    html: Markup


def paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the body's paragraphs (blocks separated by a blank line)."""
    return [(m.start(), m.end()) for m in re.finditer(r"\S(?:.*?\S)?(?=\n[ \t]*\n|\s*\Z)", body, re.S)]


def marked_body(body: str, mentions: list[dict]) -> list[Paragraph]:
    """The body as paragraphs of HTML, each mention wrapped in <mark class="m-KIND"> by its stored offsets.

    Mentions that overlap an earlier one, or cross a paragraph's edge, are left unmarked.
    """
    spans = sorted(
        (m for m in mentions if 0 <= m["start"] < m["end"] <= len(body)), key=lambda m: (m["start"], -m["end"])
    )
    result, index = [], 0
    for start, end in paragraphs(body):
        pieces, cursor = [], start
        while index < len(spans) and spans[index]["start"] < end:
            mention = spans[index]
            index += 1
            if mention["start"] < cursor or mention["end"] > end:
                continue
            pieces.append(escape(body[cursor:mention["start"]]))
            pieces.append(_mark(mention, body[mention["start"]:mention["end"]]))
            cursor = mention["end"]
        pieces.append(escape(body[cursor:end]))
        result.append(Paragraph(start, end, Markup("").join(pieces)))
    return result


def _mark(mention: dict, text: str) -> Markup:
    kind = _CLASS.sub("", mention.get("kind") or "other") or "other"
    # the value as the story page shows it beside the same words ("5 minutes 23 seconds", not "323 s")
    label = kind + (f": {shown_value(mention['value'], text)}" if mention.get("value") else "")
    return Markup('<mark class="m-{}" title="{}">{}</mark>').format(kind, label, text)


def snippet_html(snippet: str | None) -> Markup:
    """A search snippet with HIT markers as HTML: escaped first, then the hits wrapped in <mark>."""
    escaped = str(escape(snippet or ""))
    marked = _HIT.sub(lambda m: f"<mark>{m.group(1)}</mark>", escaped)
    return Markup(marked.replace(HIT_START, "").replace(HIT_END, ""))


def snippet_text(snippet: str | None) -> str:
    """A search snippet as plain text, its markers removed."""
    return (snippet or "").replace(HIT_START, "").replace(HIT_END, "")


def is_web_url(url: str | None) -> bool:
    """Whether a URL from an article may become a link: http or https only (never javascript: or data:)."""
    return bool(url) and re.match(r"(?i)https?://", url.strip()) is not None
