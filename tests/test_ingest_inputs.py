"""Inputs of every shape, and bad input: each gets a Document or a one-line reason, and the rest goes on."""

import gzip
import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corroborator.ingest.pipeline import ingest_paths
from corroborator.store import documents as stored

from conftest import article

HTML_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>{title} | World News</title>
<meta property="og:site_name" content="The Harbour Ledger"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>{paragraphs}</article>
<footer>© 2025 The Harbour Ledger</footer></body></html>"""


def html_page(title: str, seed: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in article(150, seed).split("\n\n"))
    return HTML_PAGE.format(title=title, paragraphs=paragraphs)


def _reasons(database) -> dict[str, str]:
    return {r.path: r.reason for r in stored.rejected(database)}


def test_empty_binary_and_missing_inputs_are_rejected_with_reasons_and_the_rest_is_kept(tmp_path, database):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n ")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "good.txt").write_text("Harbour Council Meets\n\n" + article())
    report = ingest_paths(database, [str(tmp_path), str(tmp_path / "nowhere.txt")])
    reasons = _reasons(database)
    assert report.counts["stored"] == 1
    assert reasons[str(tmp_path / "empty.txt")].startswith("empty")
    assert reasons[str(tmp_path / "blank.txt")].startswith("empty")
    assert reasons[str(tmp_path / "image.html")] == "binary: looks like a PNG image, not text"
    assert reasons[str(tmp_path / "nowhere.txt")].startswith("not found")
    assert all("\n" not in reason for reason in reasons.values())


def test_an_input_over_the_size_limit_is_rejected(tmp_path, database):
    path = tmp_path / "big.txt"
    path.write_text("Title\n\n" + article(400))
    ingest_paths(database, [str(path)], max_bytes=1000)
    (reason,) = _reasons(database).values()
    assert reason.startswith("too large:") and "1,000-byte limit" in reason


def test_a_too_short_text_is_not_an_article(tmp_path, database):
    path = tmp_path / "short.txt"
    path.write_text("Title\n\nJust a caption.\n")
    ingest_paths(database, [str(path)])
    assert _reasons(database)[str(path)].startswith("not an article")


def test_globs_expand_and_hidden_files_are_skipped(tmp_path, database):
    (tmp_path / "a.txt").write_text("Alpha Story\n\n" + article(60, "alpha"))
    (tmp_path / "b.txt").write_text("Beta Story\n\n" + article(60, "beta"))
    (tmp_path / ".hidden.txt").write_text("Hidden Story\n\n" + article(60, "hidden"))
    report = ingest_paths(database, [str(tmp_path / "*.txt")])
    assert report.counts["stored"] == 2


def test_jsonl_rejects_a_malformed_line_and_keeps_the_others(tmp_path, database):
    good = {"url": "https://ledger.example/a", "title": "Ferry Fares Rise | Local", "text": article(80, "ferry"),
            "published": "2025-03-14T08:30:00+09:00", "source": "The Harbour Ledger", "authors": ["Ana Lima"]}
    other = dict(good, url="https://ledger.example/b", text=article(80, "quake"), title="Quake Hits Coast")
    lines = [json.dumps(good), "{not json", json.dumps({"url": "https://ledger.example/c"}), "[1, 2]", json.dumps(other)]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    report = ingest_paths(database, [str(path)])
    assert report.counts["stored"] == 2
    reasons = _reasons(database)
    assert reasons[f"{path}:2"].startswith("malformed JSON line")
    assert reasons[f"{path}:3"].startswith("no text")
    assert reasons[f"{path}:4"] == "malformed JSON line: expected an object, got list"
    document = next(d for d in stored.documents(database) if d.url == "https://ledger.example/a")
    assert document.path == f"{path}:1"
    assert document.title == "Ferry Fares Rise"
    assert document.published == "2025-03-14T08:30:00+09:00"
    assert document.source == "The Harbour Ledger" and document.authors == ["Ana Lima"]


def _warc(records: list[tuple[str, str, str]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, content_type, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()), http_headers=headers))
    return buffer.getvalue()


def test_warc_html_responses_become_documents_and_other_records_are_skipped(tmp_path, database):
    data = _warc([
        ("https://ledger.example/ferry", "text/html; charset=utf-8", html_page("Ferry Fares Rise", "ferry")),
        ("https://ledger.example/logo.png", "image/png", "not a page"),
        ("https://ledger.example/quake", "text/html", html_page("Quake Hits Coast", "quake")),
    ])
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data)
    report = ingest_paths(database, [str(path)])
    assert report.counts["stored"] == 2
    urls = sorted(d.url for d in stored.documents(database))
    assert urls == ["https://ledger.example/ferry", "https://ledger.example/quake"]
    assert all(d.path.startswith(str(path) + "#") for d in stored.documents(database))


def test_a_truncated_warc_keeps_the_records_before_the_cut(tmp_path, database):
    first = _warc([("https://ledger.example/ferry", "text/html", html_page("Ferry Fares Rise", "ferry"))])
    second = _warc([("https://ledger.example/quake", "text/html", html_page("Quake Hits Coast", "quake"))])
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(first + second[: len(second) // 2])
    report = ingest_paths(database, [str(path)])
    assert report.counts["stored"] == 1
    assert _reasons(database)[str(path)].startswith("truncated archive")


def test_stdin_is_read_and_sniffed(tmp_path, database, monkeypatch):
    feed = json.dumps({"title": "From a Pipe", "text": article(80, "pipe")}) + "\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(feed.encode())))
    report = ingest_paths(database, ["-"])
    assert report.counts["stored"] == 1
    assert next(stored.documents(database)).path == "<stdin>:1"


def test_a_gzipped_page_is_read(tmp_path, database):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(html_page("Ferry Fares Rise", "ferry").encode()))
    ingest_paths(database, [str(path)])
    assert next(stored.documents(database)).title == "Ferry Fares Rise"
