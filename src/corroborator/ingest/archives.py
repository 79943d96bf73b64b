"""Archives hold many articles: JSONL (an article a line) and WARC (HTML response records).

Each record becomes its own input, so a bad line or record is rejected alone
and the rest of the archive is kept. Archives are read as streams, so their
size does not matter; the size limit applies to each record.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator

from corroborator.errors import Reason
from corroborator.ingest.readers import RECORD_TYPE
from corroborator.model import Input, Rejection

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _open(item: Input):
    """A binary stream over the archive: the bytes given, or the file at its path."""
    if item.data:
        import io

        return io.BytesIO(item.data)
    return open(item.path, "rb")


class JsonlArchive:
    """JSON Lines: one article object a line with url, title, text or html, published, source, authors."""

    name = "jsonl"
    suffixes = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")

    def sniff(self, head: bytes) -> bool:
        first = head.lstrip().split(b"\n", 1)[0].strip()
        return first.startswith(b"{") and first.endswith(b"}")

    def expand(self, item: Input) -> Iterator[Input | Rejection]:
        with _open(item) as raw:
            stream = gzip.open(raw) if item.path.lower().endswith(".gz") else raw
            number = 0
            try:
                for number, line in enumerate(stream, start=1):
                    if line.strip():
                        yield self._record(f"{item.path}:{number}", line)
            except (EOFError, OSError, zlib.error) as error:
                yield Rejection(item.path, Reason.ARCHIVE_TRUNCATED.format(records=number, error=error))

    def _record(self, path: str, line: bytes) -> Input | Rejection:
        try:
            fields = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            return Rejection(path, Reason.JSON_MALFORMED.format(error=_first_line(error)))
        if not isinstance(fields, dict):
            return Rejection(path, Reason.JSON_NOT_OBJECT.format(kind=type(fields).__name__))
        url = fields.get("url") if isinstance(fields.get("url"), str) else None
        return Input(path, line, url=url, content_type=RECORD_TYPE, fields=fields)


class WarcArchive:
    """WARC and WARC.gz: every HTML response record is an input; other records are skipped."""

    name = "warc"
    suffixes = (".warc", ".warc.gz", ".arc", ".arc.gz")
    priority = 10

    def sniff(self, head: bytes) -> bool:
        if head.startswith(b"\x1f\x8b"):
            try:
                head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head)
            except zlib.error:
                return False
        return head.startswith(b"WARC/")

    def expand(self, item: Input) -> Iterator[Input | Rejection]:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        records = 0
        with _open(item) as stream:
            try:
                for record in ArchiveIterator(stream):
                    if record.rec_type != "response":
                        continue
                    content_type = record.http_headers.get_header("Content-Type") if record.http_headers else None
                    if not content_type or content_type.split(";")[0].strip().lower() not in _HTML_TYPES:
                        continue
                    url = record.rec_headers.get_header("WARC-Target-URI")
                    data = record.content_stream().read()
                    if getattr(record.raw_stream, "limit", 0) > 0:
                        # Fewer bytes than the record's Content-Length: the archive was cut here.
                        missing = f"the record for {url} lacks {record.raw_stream.limit:,} bytes"
                        yield Rejection(item.path, Reason.ARCHIVE_TRUNCATED.format(records=records, error=missing))
                        return
                    records += 1
                    path = f"{item.path}#{record.rec_headers.get_header('WARC-Record-ID') or records}"
                    yield Input(path, data, url=url, content_type=content_type)
            except ArchiveLoadFailed as error:
                kind = Reason.ARCHIVE_TRUNCATED if records else Reason.ARCHIVE_BROKEN
                yield Rejection(item.path, kind.format(records=records, error=_first_line(error)))
            except (EOFError, OSError, zlib.error, ValueError) as error:
                yield Rejection(item.path, Reason.ARCHIVE_TRUNCATED.format(records=records, error=_first_line(error)))


def _first_line(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:200]


JSONL = JsonlArchive()
WARC = WarcArchive()
