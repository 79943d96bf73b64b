"""The product's units of data: plain, typed records that every stage passes along.

Names follow the vocabulary of DESIGN.md. Nothing here touches the database;
the store turns these into rows and back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass(slots=True)
class Input:
    """Raw bytes of one input, before any reading: a file, a stdin stream, or one record of an archive."""

    path: str
    data: bytes
    # What the input says it is, when its container knows (a JSONL line's fields, a WARC record's URL).
    url: str | None = None
    content_type: str | None = None
    fields: dict | None = None


@dataclass(slots=True)
class Document:
    """One article, read and cleaned."""

    id: str
    path: str
    body: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    authors: list[str] = field(default_factory=list)
    # ISO 8601; timezone-aware when the page gives a zone, else midnight UTC with precision "day".
    published: str | None = None
    published_precision: str | None = None  # "day" or "minute" or None when unknown
    comments: list[str] = field(default_factory=list)  # reader comments' texts, kept apart from the body
    comment_count: int = 0  # may exceed len(comments): a page can say "5 thoughts on …" without the texts
    language: str | None = None
    duplicate_of: str | None = None
    furniture: list[str] = field(default_factory=list)  # page furniture set apart from the body
    method: str = ""  # name and version of the reader that produced it, e.g. "corroborator.html.v1"

    @property
    def words(self) -> int:
        return len(self.body.split())

    @property
    def outlet(self) -> str:
        """The source as a name: the stated outlet, else the URL's host, else a stand-in naming the document."""
        if self.source:
            return self.source
        host = (urlsplit(self.url).hostname or "").removeprefix("www.") if self.url else ""
        return host or f"unknown outlet ({self.id[:8]})"


@dataclass(slots=True)
class Rejection:
    """An input that did not become a document, and the one-line reason why."""

    path: str
    reason: str


@dataclass(slots=True)
class Sentence:
    """A sentence of a document's body, by character offsets into it."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Mention:
    """A typed span of a body: an entity, a time or a quantity, with its normalised value.

    kind is one of date, time, duration, money, count, percent, rank,
    person, org, place, work, event, other.
    value is a readable, parseable string ("2023-12-11", "~330 s", ">200", "30000 people");
    key is the normalised entity key that merges spelling variants across outlets.
    head and role say what the mention does in its clause, from the parse: the verb it belongs to
    ("entered") and how ("subject", "object", "time", or "prep:<preposition>"); None when it
    is not an argument of a verb (a name in a list, a possessive, a noun's modifier).
    """

    start: int
    end: int
    kind: str
    text: str
    value: str | None = None
    precision: str | None = None  # for times: year, month, day, minute, unknown
    key: str | None = None
    head: str | None = None
    role: str | None = None


@dataclass(slots=True)
class Quote:
    """A quotation in a body: its span, the words quoted, who said them, and how (speech, lyric, written, title)."""

    start: int
    end: int
    text: str
    speaker: str | None = None
    kind: str = "speech"


@dataclass(slots=True)
class Annotation:
    """Everything the annotate stage finds in one document."""

    document: str
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    method: str = ""


@dataclass(slots=True)
class Evidence:
    """One source's part in a finding: the sentence it states, and the value it gives."""

    document: str
    sentence: str
    value: str | None = None
    source: str | None = None
    published: str | None = None
    start: int | None = None  # the sentence's offsets in the document's body
    end: int | None = None
    value_text: str | None = None  # the value as the sentence words it, for highlighting


@dataclass(slots=True)
class Finding:
    """A verdict on a claim — corroborated, single_source, conflict, variant or update — with its evidence."""

    verdict: str
    statement: str
    attribute: str | None
    evidence: list[Evidence]
    explanation: str
    method: str = ""


@dataclass(slots=True)
class TimelineEvent:
    """A dated event of a story, merged across the documents that date it."""

    date: str
    precision: str
    event: str
    documents: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Entity:
    """An entity of a story under its normalised key, with the names outlets use for it."""

    key: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
