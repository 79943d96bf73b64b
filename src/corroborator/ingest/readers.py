"""Readers turn one input into a Document or a Rejection; archives turn one input into many inputs.

Both kinds are plugins: they register under the entry-point groups
`corroborator.readers` and `corroborator.archives`, and the built-in ones
register there the same way (see pyproject.toml). A reader is any object with
`name`, `suffixes`, `sniff(head: bytes) -> bool` and `read(item: Input) -> Document | Rejection`;
an archive has `name`, `suffixes`, `sniff(head)` and `expand(item) -> Iterator[Input | Rejection]`.
An optional `priority` (lower first, default 50) orders sniffing; `content_types` lists
the media types a reader takes from a container that states them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib.metadata import entry_points
from typing import Protocol

from corroborator.errors import Reason
from corroborator.ingest import decode as decoding
from corroborator.ingest.fingerprint import document_id
from corroborator.ingest.published import parse_published
from corroborator.ingest.text import METHOD as TEXT_METHOD
from corroborator.ingest.text import MIN_WORDS, read_layout, split_names, strip_title_suffix
from corroborator.model import Document, Input, Rejection

RECORD_TYPE = "application/x-corroborator-record"
_HTML_HEAD = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b", re.I | re.S)


class Reader(Protocol):
    name: str
    suffixes: tuple[str, ...]

    def sniff(self, head: bytes) -> bool: ...

    def read(self, item: Input) -> Document | Rejection: ...


class Archive(Protocol):
    name: str
    suffixes: tuple[str, ...]

    def sniff(self, head: bytes) -> bool: ...

    def expand(self, item: Input) -> Iterator[Input | Rejection]: ...


@cache
def readers() -> tuple[Reader, ...]:
    """Installed readers, built-in ones included, in registration order."""
    found = (ep.load() for ep in entry_points(group="corroborator.readers"))
    return tuple(sorted(found, key=lambda reader: getattr(reader, "priority", 50)))


@cache
def archives() -> tuple[Archive, ...]:
    """Installed archive formats, built-in ones included."""
    found = (ep.load() for ep in entry_points(group="corroborator.archives"))
    return tuple(sorted(found, key=lambda archive: getattr(archive, "priority", 50)))


def _matches(path: str, suffixes: tuple[str, ...]) -> bool:
    lower = path.lower().split("#", 1)[0]
    return any(lower.endswith(suffix) for suffix in suffixes)


def archive_for(path: str, head: bytes) -> Archive | None:
    """The archive format of an input, by its name, else by its first bytes."""
    for archive in archives():
        if _matches(path, archive.suffixes):
            return archive
    for archive in archives():
        if archive.sniff(head):
            return archive
    return None


def reader_for(item: Input) -> Reader | None:
    """The reader for one input: by content type, then by name, then by its first bytes."""
    head = item.data[:2048]
    for reader in readers():
        if item.content_type and item.content_type.split(";")[0].strip() in getattr(reader, "content_types", ()):
            return reader
    for reader in readers():
        if _matches(item.path, reader.suffixes):
            return reader
    for reader in readers():
        if reader.sniff(head):
            return reader
    return None


def read(item: Input) -> Document | Rejection:
    """Read one page-like input into a Document, or say in one line why not."""
    if not item.data.strip():
        return Rejection(item.path, Reason.EMPTY if not item.data else Reason.BLANK)
    if item.content_type != RECORD_TYPE and (kind := decoding.sniff_binary(item.data)):
        return Rejection(item.path, Reason.BINARY.format(kind=kind))
    reader = reader_for(item)
    if reader is None:
        suffix = item.path.rsplit(".", 1)[-1] if "." in item.path else "no suffix"
        return Rejection(item.path, Reason.UNKNOWN_FORMAT.format(suffix=suffix))
    return reader.read(item)


def _decoded(item: Input) -> str | Rejection:
    try:
        return decoding.decode(item.data, item.content_type).text
    except decoding.DecodeError as error:
        return Rejection(item.path, Reason.UNDECODABLE.format(charset=str(error)))


def _too_short(path: str, body: str) -> Rejection | None:
    words = len(body.split())
    if words == 0:
        return Rejection(path, Reason.NO_TEXT.format(words=0))
    if words < MIN_WORDS:
        return Rejection(path, Reason.TOO_SHORT.format(words=words, minimum=MIN_WORDS))
    return None


class TextReader:
    """Plain text and Markdown pages, read by their layout (see corroborator.ingest.text)."""

    name = "text"
    priority = 90  # the fallback: anything that decodes as text
    suffixes = (".txt", ".text", ".md", ".markdown")
    content_types = ("text/plain", "text/markdown")

    def sniff(self, head: bytes) -> bool:
        return decoding.sniff_binary(head) is None

    def read(self, item: Input) -> Document | Rejection:
        text = _decoded(item)
        if isinstance(text, Rejection):
            return text
        layout = read_layout(text)
        body = "\n\n".join(layout.paragraphs)
        if rejection := _too_short(item.path, body):
            return rejection
        return Document(
            id=document_id(body),
            path=item.path,
            body=body,
            title=layout.title,
            url=item.url,
            source=layout.source,
            authors=layout.authors,
            published=layout.published,
            published_precision=layout.published_precision,
            comments=layout.comments,
            comment_count=layout.comment_count,
            furniture=layout.furniture,
            method=TEXT_METHOD,
        )


class HtmlReader:
    """HTML pages: main text and metadata through trafilatura (see corroborator.ingest.html)."""

    name = "html"
    priority = 10
    suffixes = (".html", ".htm", ".xhtml", ".shtml")
    content_types = ("text/html", "application/xhtml+xml")

    def sniff(self, head: bytes) -> bool:
        return bool(_HTML_HEAD.match(head))

    def read(self, item: Input) -> Document | Rejection:
        from corroborator.ingest.html import read_html

        text = _decoded(item)
        if isinstance(text, Rejection):
            return text
        result = read_html(text, item.path, item.url)
        if isinstance(result, Document) and (rejection := _too_short(item.path, result.body)):
            return rejection
        return result


class RecordReader:
    """One article given as fields (a JSONL line): text or HTML plus the metadata the record states."""

    name = "record"
    priority = 0
    suffixes = ()
    content_types = (RECORD_TYPE,)
    method = "corroborator.record.v1"

    def sniff(self, head: bytes) -> bool:
        return False

    def read(self, item: Input) -> Document | Rejection:
        fields = item.fields or {}
        html, text = fields.get("html"), fields.get("text")
        if isinstance(html, str) and html.strip():
            page = HtmlReader().read(Input(item.path, html.encode("utf-8"), url=fields.get("url") or None))
            if isinstance(page, Rejection):
                return page
            document = page
        elif isinstance(text, str) and text.strip():
            paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", decoding.decode(text.encode("utf-8")).text)]
            body = "\n\n".join(p for p in paragraphs if p)
            if rejection := _too_short(item.path, body):
                return rejection
            document = Document(id=document_id(body), path=item.path, body=body, method=self.method)
        else:
            return Rejection(item.path, Reason.JSON_NO_TEXT)
        return _apply_fields(document, fields)


def _apply_fields(document: Document, fields: dict) -> Document:
    """What a record states outright wins over what was read from its page."""
    if isinstance(fields.get("url"), str) and fields["url"]:
        document.url = fields["url"]
    if isinstance(fields.get("source"), str) and fields["source"].strip():
        document.source = fields["source"].strip()
    authors = fields.get("authors") or fields.get("author")
    if isinstance(authors, str):
        document.authors = split_names(authors)
    elif isinstance(authors, list):
        document.authors = [a.strip() for a in authors if isinstance(a, str) and a.strip()]
    if isinstance(fields.get("published"), str) and (published := parse_published(fields["published"])):
        document.published, document.published_precision = published
    if isinstance(fields.get("title"), str) and fields["title"].strip():
        document.title = strip_title_suffix(fields["title"], document.source)
    if isinstance(fields.get("language"), str):
        document.language = fields["language"]
    return document


TEXT = TextReader()
HTML = HtmlReader()
RECORD = RecordReader()
