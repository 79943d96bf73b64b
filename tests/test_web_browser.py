"""End to end in headless Chromium (Debian's system browser, driven by Playwright): the story pages of the
seeds and of examples/, a click through to a document, hostile text that must stay inert, and screenshots."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT
from test_web import hostile_db, corpus_db  # noqa: F401  (session fixtures: databases built by the real flow)

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--no-first-run", "--disable-sync", "--disable-dev-shm-usage"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """uvicorn serving the app over one database on 127.0.0.1, in a background thread."""

    def __init__(self, db_path: Path):
        import uvicorn

        from corroborator.web import create_app

        self.port = free_port()
        config = uvicorn.Config(create_app(str(db_path)), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package (pip install playwright)")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


# The timeline labels, as the browser lays them out, that do not lie wholly inside their SVG's frame.
LABELS_OUTSIDE_THEIR_FRAME = """() => [...document.querySelectorAll('.timeline svg')].flatMap(svg =>
    [...svg.querySelectorAll('text')].filter(text => {
        const box = text.getBBox();
        return box.x < 0 || box.x + box.width > svg.viewBox.baseVal.width;
    }).map(text => text.textContent))"""


def story_link(page, base: str, words: str):
    page.goto(base + "/")
    return page.get_by_role("link", name=words).first


def test_story_page_of_the_examples_in_chromium_and_through_to_a_document(page, corpus_db, screenshots):
    with Server(corpus_db) as base:
        link = story_link(page, base, "death toll rises")
        page.screenshot(path=screenshots / "stories.png", full_page=True)
        link.click()
        page.wait_for_url("**/stories/*")
        assert page.locator("h2#conflict").is_visible()
        assert page.locator(".finding.conflict mark.value").count() >= 2
        assert page.locator(".timeline svg circle").count() >= 2
        assert page.evaluate(LABELS_OUTSIDE_THEIR_FRAME) == []
        assert page.locator("table.matrix .yes").count() >= 2
        page.screenshot(path=screenshots / "story-earthquake.png", full_page=True)
        page.screenshot(path=screenshots / "story-earthquake-top.png")
        if os.environ.get("CORROBORATOR_SCREENSHOTS") == "docs":
            (ROOT / "docs").mkdir(exist_ok=True)
            shutil.copy(screenshots / "story-earthquake-top.png", ROOT / "docs" / "story-page.png")
        page.locator("h2#documents + table a").first.click()
        page.wait_for_url("**/documents/*")
        assert page.locator(".body mark").count() > 5
        assert page.locator("#comments").is_visible()
        page.screenshot(path=screenshots / "document.png", full_page=True)
        page.goto(base + "/search?q=earthquake")
        assert page.locator(".hit mark").count() >= 1
        page.screenshot(path=screenshots / "search.png", full_page=True)
    assert page.errors == [] and page.dialogs == []


def test_story_page_of_the_seeds_in_chromium(page, corpus_db, screenshots):
    with Server(corpus_db) as base:
        story_link(page, base, "Love Wins All").click()
        page.wait_for_url("**/stories/*")
        sources = page.locator("h1 + p.muted + p .value-tag").all_inner_texts()
        assert len(sources) == 2
        page.screenshot(path=screenshots / "story-seeds.png", full_page=True)
        page.locator("h2#documents + table a").last.click()
        page.wait_for_url("**/documents/*")
        assert page.locator("h1").inner_text()
        page.screenshot(path=screenshots / "document-seeds.png", full_page=True)


def test_hostile_text_fires_no_dialog_in_chromium(page, hostile_db, screenshots):
    with Server(hostile_db) as base:
        page.goto(base + "/")
        page.get_by_role("link").filter(has_text="Ferry").first.click()
        page.wait_for_url("**/stories/*")
        assert "<script>alert(1)</script>" in page.locator("body").inner_text()
        page.screenshot(path=screenshots / "hostile-story.png", full_page=True)
        for link in page.locator("h2#documents + table a").all():
            link.hover()
        urls = [base + "/", page.url, base + "/search?q=ferry"]
        urls += [base + href for href in page.locator("h2#documents + table a").evaluate_all("links => links.map(a => a.getAttribute('href'))")]
        for url in urls:
            page.goto(url)
            page.mouse.move(10, 10)
            for mark in page.locator("mark, .value-tag, h1").all()[:40]:
                mark.hover()
            page.wait_for_timeout(100)
        page.screenshot(path=screenshots / "hostile-document.png", full_page=True)
        assert page.evaluate("document.querySelectorAll('script, img').length") == 0
    assert page.dialogs == [], f"a dialog fired: {page.dialogs}"
    assert page.errors == []
