"""Where inputs come from: paths, directories (recursively), globs and stdin, opened into Inputs."""

from __future__ import annotations

import glob
import gzip
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from corroborator.errors import Reason
from corroborator.ingest.readers import archive_for
from corroborator.model import Input, Rejection

DEFAULT_MAX_BYTES = 20_000_000
STDIN = "-"
_GLOB_CHARS = set("*?[")


def files(arguments: Iterable[str]) -> Iterator[str | Rejection]:
    """Expand command-line arguments into file paths in a stable order; a missing path is a Rejection."""
    for argument in arguments:
        if argument == STDIN:
            yield STDIN
        elif os.path.isdir(argument):
            for root, dirs, names in os.walk(argument):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if not name.startswith("."):
                        yield os.path.join(root, name)
        elif os.path.exists(argument):
            yield argument
        elif _GLOB_CHARS & set(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            if not matches:
                yield Rejection(argument, Reason.NOT_FOUND)
            for match in matches:
                yield from files([match])
        else:
            yield Rejection(argument, Reason.NOT_FOUND)


def inputs(paths: Iterable[str | Rejection], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Input | Rejection]:
    """Open every path (as `files` gives them) into Inputs: one per page file, one per record of an archive."""
    for path in paths:
        if isinstance(path, Rejection):
            yield path
        elif path == STDIN:
            yield from _open(Input("<stdin>", sys.stdin.buffer.read()), max_bytes)
        else:
            yield from _open_file(path, max_bytes)


def _open_file(path: str, max_bytes: int) -> Iterator[Input | Rejection]:
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
        size = os.path.getsize(path)
    except OSError as error:
        yield Rejection(path, Reason.UNREADABLE.format(error=error.strerror or error))
        return
    if (archive := archive_for(path, head)) is not None:
        yield from _expand(archive, Input(path, b""), max_bytes)
        return
    if size > max_bytes:
        yield Rejection(path, Reason.TOO_LARGE.format(size=size, limit=max_bytes))
        return
    yield from _open(Input(path, Path(path).read_bytes()), max_bytes)


def _open(item: Input, max_bytes: int) -> Iterator[Input | Rejection]:
    """Decompress a gzipped page, and expand an archive given as bytes (stdin)."""
    if item.data.startswith(b"\x1f\x8b") and (archive := archive_for(item.path, item.data[:4096])) is None:
        try:
            data = gzip.decompress(item.data)
        except (EOFError, OSError, zlib.error):
            yield Rejection(item.path, Reason.GZIP_TRUNCATED)
            return
        item = Input(item.path, data, url=item.url, content_type=item.content_type)
    if (archive := archive_for(_inner_name(item.path), item.data[:4096])) is not None:
        yield from _expand(archive, item, max_bytes)
    elif len(item.data) > max_bytes:
        yield Rejection(item.path, Reason.TOO_LARGE.format(size=len(item.data), limit=max_bytes))
    else:
        yield item


def _inner_name(path: str) -> str:
    return path[:-3] if path.lower().endswith(".gz") else path


def _expand(archive, item: Input, max_bytes: int) -> Iterator[Input | Rejection]:
    for record in archive.expand(item):
        if isinstance(record, Input) and len(record.data) > max_bytes:
            yield Rejection(record.path, Reason.TOO_LARGE.format(size=len(record.data), limit=max_bytes))
        else:
            yield record
