"""The web app and JSON API through ASGI (httpx via Starlette's TestClient), over databases built by the real flow."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():  # Starlette suggests httpx2 for its test client; httpx is what we have
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

from conftest import EXAMPLES, SEEDS, need
from corroborator import errors
from corroborator.build import build
from corroborator.ingest.pipeline import ingest_paths
from corroborator.store.db import Database
from corroborator.web import create_app
from corroborator.web.markup import marked_body

TOKEN = "test-write-token"
SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(2)>"


def hostile_records() -> list[dict]:
    """Two outlets' reports of one event, with markup and script in every field a page shows."""
    body = (
        "HARBOURTON — The Harbourton ferry Calder Star sank on Tuesday in the Sorrel Strait, the port authority said, "
        f"and {SCRIPT} rescuers pulled 41 passengers from the water. {IMAGE}\n\n"
        "Port director Ilsa Varn said the ferry had left Harbourton at 7:10 a.m. with 58 people on board and "
        "struck a reef in fog about twenty minutes later. \"We are searching the whole strait,\" Varn said.\n\n"
        "The coast guard sent three boats and a helicopter. Divers will inspect the wreck of the Calder Star on Wednesday."
    )
    other = body.replace("41 passengers", "39 passengers").replace("58 people", "60 people")
    return [
        {"url": "javascript:alert(3)", "title": f"{SCRIPT} Ferry Calder Star sinks in Sorrel Strait {IMAGE}",
         "source": "<b onmouseover=alert(4)>Evil Gazette</b>", "authors": [IMAGE],
         "published": "2025-04-01T12:00:00+00:00", "text": body},
        {"url": "https://harbourton-post.example/ferry", "title": "Ferry Calder Star sinks near Harbourton",
         "source": "Harbourton Post", "authors": ["Ana Reyes"], "published": "2025-04-01T14:00:00+00:00", "text": other},
    ]


def built(tmp_path_factory: pytest.TempPathFactory, name: str, paths: list[str]) -> Path:
    """A database built once per session by the real flow (ingest + build), shared by the web test modules."""
    folder = tmp_path_factory.getbasetemp() / f"web-{name}"
    path = folder / "corroborator.db"
    if not (folder / "built").exists():
        folder.mkdir(exist_ok=True)
        with Database(path) as database:
            ingest_paths(database, paths)
            build(database)
        (folder / "built").touch()
    return path


def hostile_file(folder: Path) -> Path:
    path = folder / "hostile.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in hostile_records()) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> Path:
    return built(tmp_path_factory, "corpus", [str(EXAMPLES), str(need(SEEDS))])


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.getbasetemp() / "web-hostile-input"
    folder.mkdir(exist_ok=True)
    return built(tmp_path_factory, "hostile", [str(hostile_file(folder))])


@pytest.fixture(scope="session")
def client(corpus_db) -> TestClient:
    return TestClient(create_app(str(corpus_db)))


@pytest.fixture(scope="session")
def hostile(hostile_db) -> TestClient:
    return TestClient(create_app(str(hostile_db)))


def story_id(client: TestClient, words: str) -> str:
    return next(s["id"] for s in client.get("/api/stories").json() if words.lower() in s["title"].lower())


# --- pages ------------------------------------------------------------------------------------


def test_story_list_shows_every_story_newest_first_with_counts(client):
    stories = client.get("/api/stories").json()
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    positions = [page.text.index(f'href="/stories/{s["id"]}"') for s in stories]
    assert positions == sorted(positions)
    dated = [s["last_seen"] for s in stories if s["last_seen"]]
    assert dated == sorted(dated, reverse=True)
    assert "verdict-conflict" in page.text and "corroborated" in page.text


def test_story_page_shows_findings_by_verdict_conflicts_first_with_evidence_linked_to_documents(client):
    story = client.get(f"/api/stories/{story_id(client, 'death toll')}").json()
    page = client.get(f"/stories/{story['id']}").text
    headings = re.findall(r'<h2 id="(\w+)"><span class="badge', page)
    assert headings[0] == "conflict" and headings.index("conflict") < headings.index("corroborated")
    assert '<mark class="value">' in page
    for section in ("timeline", "coverage", "entities", "documents"):
        assert f'id="{section}"' in page
    assert "<svg" in page
    for document in story["documents"]:
        assert f'href="/documents/{document}"' in page
    assert '<header class="top">' in page


def test_story_page_of_the_seeds_names_both_outlets(client):
    story = client.get(f"/api/stories/{story_id(client, 'Love Wins All')}").json()
    page = client.get(f"/stories/{story['id']}").text
    assert len(story["sources"]) == 2
    for source in story["sources"]:
        assert source in page


def test_story_page_answers_to_an_id_prefix_and_404s_unknown_ids(client):
    full = story_id(client, "death toll")
    assert client.get(f"/stories/{full[:8]}").status_code == 200
    missing = client.get("/stories/s000000000000000")
    assert missing.status_code == 404 and "no story with id" in missing.text and "<html" in missing.text


def test_a_prefix_of_several_ids_is_called_ambiguous_not_missing(client):
    # Every story id starts with "s": the prefix names more than one story, and saying there is none would mislead.
    ids = sorted(s["id"] for s in client.get("/api/stories").json())
    for url in ("/stories/s", "/api/stories/s"):
        answer = client.get(url)
        assert answer.status_code == 404 and "no story with id" not in answer.text
        assert "is the start of more than one story" in answer.text and ids[0] in answer.text
    assert "no story with id" in client.get("/api/stories/s000000000000000").text
    assert errors.no_such_document("9f", ["9f98", "9fa1"]) == (
        "'9f' is the start of more than one document's id (9f98, 9fa1); give more of the id")


def test_the_id_of_a_story_merged_into_another_still_answers_with_the_story_it_went_into(corpus_db, tmp_path):
    import sqlite3

    from corroborator.store import stories as story_store

    copy = tmp_path / "merged.db"
    with sqlite3.connect(corpus_db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    with Database(copy) as database:
        older, younger = [row[0] for row in database.connection.execute("SELECT id FROM stories ORDER BY id LIMIT 2")]
        moved = [document for document, _ in story_store.members(database, younger)]
        with database.transaction() as connection:
            for position, document in enumerate(moved, start=len(story_store.members(database, older))):
                story_store.move(connection, document, older, position, "test")
            story_store.retire(connection, younger, older)
    merged = TestClient(create_app(str(copy)))
    story = merged.get(f"/api/stories/{younger}").json()
    assert story["id"] == older and set(moved) <= set(story["documents"])
    assert merged.get(f"/stories/{younger}").status_code == 200
    assert younger not in {s["id"] for s in merged.get("/api/stories").json()}


def test_document_page_marks_mentions_by_kind_and_keeps_comments_apart(client):
    story = client.get(f"/api/stories/{story_id(client, 'Love Wins All')}").json()
    records = [client.get(f"/api/documents/{d}").json() for d in story["documents"]]
    record = max(records, key=lambda r: r["comments"])
    page = client.get(f"/documents/{record['id']}").text
    assert '<mark class="m-person"' in page and '<mark class="m-date"' in page
    body, comments = page.split('id="comments"')
    assert record["comments"] > 0
    for comment in record["comment_texts"]:
        assert comment[:30] not in body
    assert f'href="/stories/{story["id"]}"' in page


def test_a_marked_mention_shows_its_value_as_the_story_page_does():
    body = "The clip runs 4 minutes 10 seconds, about 25,000 fans watched."
    mentions = [{"start": 14, "end": 34, "kind": "duration", "value": "250 s"},
                {"start": 36, "end": 48, "kind": "count", "value": "~25000 fans"}]
    (paragraph,) = marked_body(body, mentions)
    assert 'title="duration: 4 minutes 10 seconds"' in paragraph.html
    assert 'title="count: about 25,000 fans"' in paragraph.html


def test_document_page_links_to_the_original_url(client):
    documents = client.get("/api/stories").json()
    record = next(
        r for r in (client.get(f"/api/documents/{d}").json() for s in documents for d in s["documents"]) if r["url"]
    )
    page = client.get(f"/documents/{record['id']}").text
    assert f'class="original" href="{record["url"]}"' in page


def test_unknown_document_and_unknown_route_are_404_pages(client):
    assert client.get("/documents/ffffffffffff").status_code == 404
    assert client.get("/no/such/page").status_code == 404


def test_rejected_page_lists_every_rejection_with_its_reason(client):
    rejections = client.get("/api/rejected").json()
    page = client.get("/rejected").text
    assert rejections
    for rejection in rejections:
        assert rejection["reason"].split(":")[0] in page


def test_search_finds_stories_and_documents_with_marked_snippets(client):
    page = client.get("/search", params={"q": "earthquake Hollin"}).text
    assert "<mark>" in page and "/stories/" in page and "/documents/" in page
    result = client.get("/api/search", params={"q": "earthq"}).json()  # the last word is a prefix
    assert result["stories"] and result["documents"]
    assert all("\ue000" not in hit["snippet"] for hit in result["documents"])


def test_search_takes_any_text_without_query_syntax_errors(client):
    for query in ['"', "AND OR NOT", "title:(x", "*", "NEAR(a b"]:
        assert client.get("/search", params={"q": query}).status_code == 200
    assert client.get("/api/search", params={"q": '")('}).status_code == 400


# --- API --------------------------------------------------------------------------------------


def test_api_shapes_are_the_exports(client, corpus_db):
    from corroborator.present import export

    with Database(corpus_db, readonly=True) as database:
        everything = export.export(database)
    by_id = {s["id"]: s for s in everything["stories"]}
    listed = client.get("/api/stories").json()
    assert {s["id"] for s in listed} == set(by_id)
    first = listed[0]
    assert client.get(f"/api/stories/{first['id']}").json() == by_id[first["id"]]
    assert set(first) >= {"id", "title", "first_seen", "last_seen", "documents", "sources", "related", "verdicts"}
    document = client.get(f"/api/documents/{everything['documents'][0]['id']}").json()
    assert everything["documents"][0].items() <= document.items()
    assert {"sentences", "mentions", "quotes"} <= set(document)
    assert client.get("/api/rejected").json() == everything["rejected"]
    with Database(corpus_db, readonly=True) as database:
        summaries = {s["id"]: s for s in export.story_summaries(database)}
    assert {s["id"]: s for s in listed} == summaries


def test_api_errors_are_json_with_fitting_status(client):
    for url, status in [("/api/stories/nope", 404), ("/api/documents/nope", 404), ("/api/nothing", 404),
                        ("/api/search", 422), ("/api/search?q=%20", 400), ("/api/search?q=x&limit=0", 422)]:
        response = client.get(url)
        assert response.status_code == status, url
        assert response.headers["content-type"] == "application/json"
        assert "detail" in response.json()


def test_openapi_is_served_and_described_offline(client):
    spec = client.get("/api/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}", "/api/documents/{document_id}", "/api/search", "/api/ingest"} <= set(spec["paths"])
    assert "Story" in spec["components"]["schemas"]
    page = client.get("/api/docs").text
    assert "/api/stories/{story_id}" in page and "cdn" not in page.lower() and "<script" not in page


def test_a_read_only_server_refuses_to_ingest(client):
    response = client.post("/api/ingest", json={"url": "https://example.com/"})
    assert response.status_code == 403 and "read-only" in response.json()["detail"]


# --- ingest through the API -------------------------------------------------------------------


@pytest.fixture
def writable(tmp_path) -> TestClient:
    return TestClient(create_app(str(tmp_path / "served.db"), write_token=TOKEN, max_upload_bytes=50_000))


def test_ingest_needs_the_write_token(writable):
    files = {"file": ("a.txt", b"words " * 100, "text/plain")}
    assert writable.post("/api/ingest", files=files).status_code == 401
    assert writable.post("/api/ingest", files=files, headers={"Authorization": "Bearer wrong"}).status_code == 401


def test_ingest_stores_an_uploaded_file_and_builds_its_story(writable):
    page = (EXAMPLES / "harbourledger_hollin_quake.html").read_bytes()
    response = writable.post("/api/ingest", files={"file": ("hollin.html", page, "text/html")},
                             headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["stored"] == 1 and result["build"]["annotated"] == 1
    stored = result["inputs"][0]
    assert stored["status"] == "stored" and stored["path"] == "upload:hollin.html" and stored["story"]
    assert writable.get(f"/api/stories/{stored['story']}").json()["documents"] == [stored["document"]]
    assert "Hollin" in writable.get(f"/documents/{stored['document']}").text
    found = writable.get("/api/search", params={"q": "Hollin"}).json()  # the search index follows every write
    assert [d["id"] for d in found["documents"]] == [stored["document"]] and found["stories"]
    again = writable.post("/api/ingest", files={"file": ("hollin.html", page, "text/html")},
                          headers={"Authorization": f"Bearer {TOKEN}"}).json()
    assert again["stored"] == 0 and again["inputs"][0]["status"] == "already_stored"


def test_ingest_records_a_rejected_upload_with_its_reason(writable):
    response = writable.post("/api/ingest", files={"file": ("tiny.txt", b"Too short.", "text/plain")},
                             headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200
    assert response.json()["rejected"][0]["reason"].startswith("not an article")
    assert writable.get("/api/rejected").json()[0]["path"] == "upload:tiny.txt"


def test_ingest_refuses_an_upload_over_the_limit_with_413(writable):
    big = {"file": ("big.txt", b"x" * 200_000, "text/plain")}
    response = writable.post("/api/ingest", files=big, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413 and "limit" in response.json()["detail"]
    just_over = {"file": ("over.txt", b"word " * 10_001, "text/plain")}  # over 50,000 bytes, within the form allowance
    response = writable.post("/api/ingest", files=just_over, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413


def test_ingest_refuses_an_upload_that_lies_about_its_length(writable):
    def chunks():
        boundary = b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.txt\"\r\n\r\n"
        yield boundary
        for _ in range(40):
            yield b"y" * 10_000
        yield b"\r\n--b--\r\n"

    response = writable.post("/api/ingest", content=chunks(), headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "multipart/form-data; boundary=b"})
    assert response.status_code == 413


def test_ingest_answers_bad_bodies_with_4xx(writable):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert writable.post("/api/ingest", content=b"hello", headers={**auth, "Content-Type": "text/plain"}).status_code == 415
    assert writable.post("/api/ingest", json={"link": "x"}, headers=auth).status_code == 422
    assert writable.post("/api/ingest", data={"other": "x"}, files={"f": ("a", b"b")}, headers=auth).status_code == 400


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost:8000/admin", "http://[::1]/", "http://10.0.0.7/", "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/", "http://224.0.0.1/", "http://[fe80::1]/",
    "http://[::ffff:127.0.0.1]/", "http://2130706433/",
])
def test_ingest_refuses_urls_of_private_link_local_and_loopback_addresses(writable, url):
    response = writable.post("/api/ingest", json={"url": url}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 400, response.text
    assert "refused" in response.json()["detail"]


def test_ingest_refuses_unresolvable_hosts_and_other_schemes(writable):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    response = writable.post("/api/ingest", json={"url": "http://no-such-host.invalid/"}, headers=auth)
    assert response.status_code == 400 and "cannot resolve" in response.json()["detail"]
    for url in ("file:///etc/passwd", "ftp://example.com/x", "gopher://x/"):
        response = writable.post("/api/ingest", json={"url": url}, headers=auth)
        assert response.status_code == 400 and "only http and https" in response.json()["detail"]


# --- hostile text -----------------------------------------------------------------------------


def _hostile_pages(hostile: TestClient) -> dict[str, str]:
    stories = hostile.get("/api/stories").json()
    assert len(stories) == 1, "the two hostile reports should make one story"
    story = stories[0]
    pages = {"/": None, f"/stories/{story['id']}": None, "/search?q=ferry": None, "/search?q=script": None}
    for document in story["documents"]:
        pages[f"/documents/{document}"] = None
    return {url: hostile.get(url).text for url in pages}


def test_hostile_text_is_escaped_on_every_page(hostile):
    pages = _hostile_pages(hostile)
    for url, text in pages.items():
        lowered = text.lower()
        assert "<script>alert" not in lowered, url
        assert "<img src=x" not in lowered, url
        assert "<b onmouseover" not in lowered, url
        assert 'href="javascript:' not in lowered, url
        assert "onerror=alert" not in lowered.replace("onerror=alert(2)&gt;", ""), url
    story_page = next(t for u, t in pages.items() if u.startswith("/stories/"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in story_page
    document_pages = [t for u, t in pages.items() if u.startswith("/documents/")]
    assert any("&lt;img src=x onerror=alert(2)&gt;" in t for t in document_pages)
    assert "&lt;b onmouseover=alert(4)&gt;Evil Gazette&lt;/b&gt;" in pages["/"]


def test_hostile_text_stays_text_in_the_json_api(hostile):
    story = hostile.get("/api/stories").json()[0]
    titles = [hostile.get(f"/api/documents/{d}").json()["title"] for d in story["documents"]]
    assert any(SCRIPT in t for t in titles)


def test_the_standalone_report_never_links_a_javascript_url(hostile_db):
    from corroborator.present import export

    with Database(hostile_db, readonly=True) as database:
        html = export.all_stories_html(database)
    assert 'href="javascript:' not in html.lower() and "<script>alert" not in html


def test_a_database_made_before_the_search_index_gets_it_filled_when_served(tmp_path):
    from corroborator.store.migrations import MIGRATIONS

    path = tmp_path / "old.db"
    with Database(path) as database:
        ingest_paths(database, [str(EXAMPLES / "northgate_brask_quake.txt")])
        with database.transaction() as connection:
            triggers = [f"{table}_search_{event}" for table in ("documents", "stories") for event in ("insert", "delete", "update")]
            for statement in ["DROP TABLE documents_search", "DROP TABLE stories_search",
                              *(f"DROP TRIGGER {t}" for t in triggers), "DELETE FROM migrations WHERE name = '0005_search'"]:
                connection.execute(statement)
        assert "0005_search" not in database.applied_migrations()
    client = TestClient(create_app(str(path)))
    with Database(path, readonly=True) as database:
        assert database.applied_migrations() == [name for name, _ in MIGRATIONS]
    assert client.get("/api/search", params={"q": "Brask"}).json()["documents"]


def test_ingest_names_the_outlet_of_an_upload_whose_page_names_none(writable):
    page = ("Harbour Board Meets\n\n" + " ".join(["The harbour board met on Tuesday to discuss the new pier."] * 8))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    response = writable.post("/api/ingest", files={"file": ("board.txt", page.encode(), "text/plain")},
                             data={"source": "  Coastal Courier "}, headers=auth)
    assert response.status_code == 200, response.text
    document = response.json()["inputs"][0]["document"]
    assert writable.get(f"/api/documents/{document}").json()["source"] == "Coastal Courier"
    too_long = writable.post("/api/ingest", files={"file": ("other.txt", page.encode(), "text/plain")},
                             data={"source": "x" * 201}, headers=auth)
    assert too_long.status_code == 400 and "source" in too_long.json()["detail"]
    by_url = writable.post("/api/ingest", json={"url": "https://example.com/a.html", "source": "x" * 201}, headers=auth)
    assert by_url.status_code == 422  # refused before anything is fetched
