"""Bytes to text: declared charset first, then detection, then mojibake repair."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer
import ftfy

_MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"\x1a\x45\xdf\xa3", "a Matroska/WebM video"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
]
_BOMS = [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = bytes(range(0, 9)) + b"\x0b\x0e\x0f" + bytes(range(0x10, 0x20))
_CONTROL_TABLE = bytes.maketrans(b"", b"")


@dataclass(slots=True)
class Decoded:
    """Text decoded from bytes, and how it was decoded."""

    text: str
    charset: str
    repaired: bool  # mojibake or other encoding damage was repaired


class DecodeError(ValueError):
    """The bytes are not text; str(error) is the one-line reason."""


def sniff_binary(data: bytes) -> str | None:
    """What binary format the bytes look like, or None when they look like text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    head = data[:8192]
    if b"\x00" in head:
        return "binary data (it contains NUL bytes)"
    controls = len(head) - len(head.translate(_CONTROL_TABLE, _CONTROL))
    if head and controls / len(head) > 0.05:
        return "binary data (it is full of control characters)"
    return None


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset a BOM, an HTTP header, an XML declaration or an HTML meta tag declares."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    candidates = []
    if content_type and (m := _HEADER_CHARSET.search(content_type)):
        candidates.append(m.group(1))
    head = data[:4096]
    if m := _XML_ENCODING.search(head):
        candidates.append(m.group(1).decode("ascii"))
    if m := _META_CHARSET.search(head):
        candidates.append(m.group(1).decode("ascii"))
    for name in candidates:
        try:
            return codecs.lookup(name).name
        except LookupError:
            continue
    return None


def decode(data: bytes, content_type: str | None = None) -> Decoded:
    """Decode bytes by their declared charset, else UTF-8, else the detected one; repair mojibake.

    Raises DecodeError with the one-line reason when no charset fits.
    """
    declared = declared_charset(data, content_type)
    text, charset = None, None
    for name in [declared, "utf-8"] if declared else ["utf-8"]:
        try:
            text, charset = data.decode(name), name
            break
        except (UnicodeDecodeError, LookupError):
            continue
    if text is None:
        best = charset_normalizer.from_bytes(data[:1_000_000]).best()
        if best is None or best.encoding is None:
            raise DecodeError(declared or "none declared")
        charset = best.encoding
        text = data.decode(charset, errors="replace")
    text = text.lstrip("\ufeff")
    fixed = ftfy.fix_text(
        text,
        uncurl_quotes=False,
        unescape_html=False,
        fix_character_width=False,
        fix_latin_ligatures=False,
        normalization="NFC",
    )
    return Decoded(text=fixed, charset=charset, repaired=fixed != text)
