"""The layout reader for articles saved as plain text or Markdown.

A page saved as text keeps its shape: a title line, a few short header lines
(byline, outlet, date), the body's paragraphs, then page furniture — share and
"also read" lines, a copyright line, the comment header ("5 thoughts on …"),
the readers' comments and the comment form. The reader finds each part by the
shape and wording of its lines and keeps only the body as the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corroborator.ingest.published import looks_like_date, parse_published

METHOD = "corroborator.text.v1"

_NUMBER_WORDS = {
    "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_COUNT = r"(\d[\d,]*|" + "|".join(_NUMBER_WORDS) + r")"
# "5 thoughts on “…”", "12 Comments", "One response to …": opens the comment section and counts it.
COMMENT_HEADER = re.compile(
    rf"^{_COUNT}\s+(?:thoughts?|comments?|responses?|replies|reply|reactions?)\b(?:\s+(?:on|to)\b.*)?:?$", re.I
)
COMMENT_SECTION = re.compile(
    r"^(?:leave a (?:reply|comment)|post a comment|add (?:a|your) comment|comments?|reader comments|"
    r"join the (?:conversation|discussion)|what do you think\??|discussion)\s*:?$",
    re.I,
)
COMMENT_FORM = re.compile(
    r"^(?:your email address will not be published|required fields are marked|cancel reply|"
    r"(?:name|email|e-mail|website|comment)\s*(?:\*|:)\s*$|save my name|notify me of|post comment|submit comment|"
    r"you must be logged in|log in to reply|reply$|like$|loading\.*$|report$)",
    re.I,
)
COMMENT_AUTHOR = re.compile(r"^(?P<name>[^.!?]{1,60}?)\s+(?:says|said|wrote)\s*:?$", re.I)
COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b)|all rights reserved", re.I)
# Lines that lead away from the article: always furniture when short.
SHARE = re.compile(
    r"^(?:also read|read also|read more|related(?: stories| articles| posts| news| coverage)?|recommended(?: for you)?|"
    r"more from|more stories|share this(?: article| story| post)?|click to (?:share|print|email)|like this|"
    r"you may also like|filed under|tags?\s*:|advertisement|sponsored content)\b",
    re.I,
)
# A share label in other words first ("Partager / Share this:").
SHARE_LABEL_END = re.compile(r"\bshare(?: this)?\s*:$", re.I)
# WordPress's like button.
LIKE = re.compile(r"^(?:like this:?|like loading\.*|be the first to like this\.?)$", re.I)
# Share buttons, each on a line of its own after "Share this:".
SHARE_BUTTON = re.compile(
    r"^(?:facebook|x|twitter|whatsapp|email|e-mail|linkedin|reddit|pinterest|telegram|threads|bluesky|mastodon|"
    r"print|copy link|more|tumblr|pocket|flipboard|messenger|sms)$",
    re.I,
)
# Labels that are furniture only as a label ("Share:", "Follow us | …") or standing alone.
LABEL = re.compile(
    r"^(?:share|share on|follow us|subscribe|sign up|newsletter|topics?|categories|trending|most read|watch|"
    r"photos?|image credit|photo credit|sponsored)\b(?:\s*[:|\-–—]|\s*$)",
    re.I,
)
# Byline parts that name an affiliation rather than a person ("By Ana Lima, Meridian Wire").
AFFILIATION = re.compile(
    r"\b(?:wire|news|press|agency|service|staff|bureau|correspondent|reporter|editor|desk|media|times|post|"
    r"herald|tribune|journal|gazette|courier|ledger|review|associated|reuters|afp|newsroom)\b",
    re.I,
)
BYLINE = re.compile(r"^(?:by|words by|written by|reported by|story by)\s+(?P<names>.+)$", re.I)
# A title tail made only of these words is a section label ("Movies News", "World | Asia").
_SECTION_WORDS = {
    "news", "opinion", "sport", "sports", "business", "entertainment", "movie", "movies", "music", "world",
    "tech", "technology", "culture", "lifestyle", "politics", "science", "health", "travel", "art", "arts",
    "books", "film", "films", "tv", "television", "local", "national", "international", "latest", "review",
    "reviews", "feature", "features", "blog", "magazine", "video", "videos", "live", "updates", "&", "and",
}
_TITLE_SEPARATORS = (" | ", " || ", " – ", " — ", " - ", " :: ", " · ")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*", re.I)
_HEADER_SPLIT = re.compile(r"\s+(?:\||·|•|—|–)\s+")
MIN_WORDS = 30
MAX_HEADER_WORDS = 10


@dataclass(slots=True)
class Layout:
    """The parts of a text page, as the layout reader found them."""

    title: str | None = None
    source: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    published_precision: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    comment_count: int = 0
    furniture: list[str] = field(default_factory=list)


def split_names(names: str) -> list[str]:
    """Split a byline's names ("A, B and C") into a list, without "By" and roles."""
    names = BYLINE.sub(r"\g<names>", names.strip())
    parts = [p.strip(" .*_") for p in _NAME_SPLIT.split(names)]
    return [p for p in parts if p and len(p.split()) <= 5 and not AFFILIATION.search(p)]


def strip_title_suffix(title: str, source: str | None = None) -> str:
    """Drop a section or outlet suffix from a headline ("… | Movies News", "… - The Daily Planet")."""
    title = title.strip()
    for separator in _TITLE_SEPARATORS:
        if separator not in title:
            continue
        head, _, tail = title.rpartition(separator)
        tail_words = tail.split()
        named = source is not None and tail.strip().casefold() == source.casefold()
        section = all(word.casefold() in _SECTION_WORDS for word in tail_words)
        # A pipe almost always separates site furniture; a dash only when the tail names a section or the outlet.
        if head and len(tail_words) <= 5 and (named or "|" in separator or section):
            return strip_title_suffix(head, source)
    return title


def _clean(line: str) -> str:
    line = re.sub(r"[^\S\n]+", " ", line).strip()  # no-break and other odd spaces become plain spaces
    line = re.sub(r"^#{1,6}\s+", "", line)  # Markdown headings
    if len(line) > 4 and line[:2] in ("**", "__") and line[-2:] == line[:2]:
        line = line[2:-2].strip()
    return line


def _is_header_line(line: str) -> bool:
    words = line.split()
    if not words or len(words) > MAX_HEADER_WORDS:
        return False
    if BYLINE.match(line) or looks_like_date(line):
        return True
    # A short line with no sentence punctuation at its end: an outlet name or a section label.
    return not re.search(r"[.!?:;”\"]$", line) and len(words) <= 6


def _read_header(lines: list[str], layout: Layout) -> int:
    """Consume byline, outlet and date lines; return how many lines were header."""
    used = 0
    for line in lines:
        if not _is_header_line(line):
            break
        for part in _HEADER_SPLIT.split(line):
            part = part.strip()
            if byline := BYLINE.match(part):
                layout.authors.extend(split_names(byline.group("names")))
            elif (published := parse_published(part)) is not None:
                layout.published, layout.published_precision = published
            elif layout.source is None and not re.search(r"\d", part):
                layout.source = part
            else:
                layout.furniture.append(part)
        used += 1
    return used


def _comment_count(line: str) -> int | None:
    m = COMMENT_HEADER.match(line)
    if not m:
        return None
    count = m.group(1).replace(",", "").lower()
    return int(count) if count.isdigit() else _NUMBER_WORDS[count]


def _read_comments(lines: list[str], layout: Layout) -> None:
    """Sort the comment section into counted comment texts and form furniture."""
    current: list[str] = []

    def close() -> None:
        if current:
            layout.comments.append("\n\n".join(current))
            current.clear()

    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if (count := _comment_count(line)) is not None:
            layout.comment_count = max(layout.comment_count, count)
            layout.furniture.append(line)
        elif COMMENT_SECTION.match(line) or COMMENT_FORM.match(line) or COPYRIGHT.search(line) or LIKE.match(line):
            close()
            layout.furniture.append(line)
        elif _is_comment_byline(line, following):
            close()  # a comment's author or date line starts the next comment
        else:
            current.append(line)
    close()
    if layout.comment_count == 0:
        layout.comment_count = len(layout.comments)


def _is_comment_byline(line: str, following: str) -> bool:
    """A commenter's name ("Sam says:", or a short name line before a date line) or a comment's date."""
    if COMMENT_AUTHOR.match(line) or (looks_like_date(line) and len(line.split()) <= 8):
        return True
    return len(line.split()) <= 4 and not re.search(r"[!?,;:]$", line) and looks_like_date(following)


def read_layout(text: str) -> Layout:
    """Find title, header, body paragraphs, comments and furniture in a page saved as text."""
    lines = [_clean(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    layout = Layout()
    if not lines:
        return layout
    first = lines[0]
    start = 0
    if len(first.split()) <= 30 and not re.search(r"[.!?]$", first.rstrip("”\"’'")):
        layout.title = first
        start = 1
    start += _read_header(lines[start:], layout)
    if layout.title:
        layout.title = strip_title_suffix(layout.title, layout.source)
    for index in range(start, len(lines)):
        line = lines[index]
        if _comment_count(line) is not None or COMMENT_SECTION.match(line) or COMMENT_FORM.match(line):
            _read_comments(lines[index:], layout)
            break
        if _is_furniture(line, layout.furniture[-1] if layout.furniture else None):
            layout.furniture.append(line)
        else:
            layout.paragraphs.append(line)
    return layout


def _is_furniture(line: str, previous: str | None) -> bool:
    """Copyright, share, "also read" and like lines; share buttons right after a share label."""
    words = len(line.split())
    if (COPYRIGHT.search(line) and words <= 20) or (SHARE.match(line) and words <= 25) or LIKE.match(line):
        return True
    return _is_share_label(line) or bool(SHARE_BUTTON.match(line) and previous and _is_share(previous))


def _is_share_label(line: str) -> bool:
    return bool(LABEL.match(line) or (len(line.split()) <= 5 and SHARE_LABEL_END.search(line)))


def _is_share(line: str) -> bool:
    return _is_share_label(line) or bool(SHARE.match(line) or SHARE_BUTTON.match(line))
