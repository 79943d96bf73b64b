"""Bytes to text: declared charset, detection, mojibake repair."""

import pytest

from corroborator.ingest.decode import declared_charset, decode, sniff_binary


def test_declared_meta_charset_wins_over_utf8():
    page = '<html><head><meta charset="windows-1252"></head><body>Caf\xe9 “open”</body></html>'.encode("cp1252")
    assert declared_charset(page) == "cp1252"
    assert "Café “open”" in decode(page).text


def test_undeclared_legacy_bytes_are_detected():
    text = "Le café de la gare a rouvert ses portes après trois années de travaux. " * 5
    decoded = decode(text.encode("cp1252"))
    assert "café" in decoded.text and "après" in decoded.text


def test_mojibake_is_repaired_and_curly_quotes_are_kept():
    broken = "The mayor’s café reopened".encode("utf-8").decode("cp1252").encode("utf-8")
    decoded = decode(broken)
    assert decoded.text == "The mayor’s café reopened"
    assert decoded.repaired


def test_http_header_charset_is_used():
    assert declared_charset(b"plain", "text/html; charset=ISO-8859-1") == "iso8859-1"


def test_utf16_with_bom_is_text_not_binary():
    data = "\ufeffHeadline\n\nBody".encode("utf-16")
    assert sniff_binary(data) is None
    assert decode(data).text.startswith("Headline")


@pytest.mark.parametrize("data,kind", [(b"%PDF-1.7 ...", "a PDF document"), (b"abc\x00\x00def", "binary data (it contains NUL bytes)")])
def test_binary_is_recognised(data, kind):
    assert sniff_binary(data) == kind
