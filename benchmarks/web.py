"""The web app's speed on a big story: p50/p95 latency of the story page and the story JSON for a
500-document story, and requests per second with 2 uvicorn workers and 2 client connections.

The story is built by the real flow: 500 synthetic reports of the examples' Hollin earthquake
(sentences of the real examples' reports, reshuffled, with their figures varied and a line of their
own, from 100 invented outlets over two days) are ingested and built, and the benchmark checks that
the story stage put them all in one story. Latency is measured through uvicorn on 127.0.0.1 by a
client in another process, sequentially; each story is also rendered in-process without the cache,
which is what the first request after a build pays.

    python benchmarks/web.py                    # build in a temporary folder, then measure
    python benchmarks/web.py --db web-bench.db  # keep (or reuse) the built database
    python benchmarks/web.py --documents 100 --requests 200   # smaller
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SOURCES = [f"{town} {kind}" for town in ("Amberford", "Hollin", "Caskell", "Northgate", "Harbour", "Pacific", "Meridian",
                                          "Sorrel", "Brask", "Lirenia") for kind in
           ("Courier", "Herald", "Post", "Signal", "Ledger", "Times", "Tribune", "Observer", "Gazette", "Wire")]


# --------------------------------------------------------------------------- the corpus


def earthquake_sentences() -> list[str]:
    """Sentences of the examples' reports of the Hollin earthquake (their bodies as the ingest stage reads them)."""
    from corroborator.ingest import readers
    from corroborator.ingest.sources import files, inputs
    from corroborator.model import Document

    sentences = []
    for item in inputs(p for p in files([str(EXAMPLES)]) if isinstance(p, str) and "hollin" in p.lower() or "wire.jsonl" in str(p)):
        document = readers.read(item) if not isinstance(item, Exception) else None
        if isinstance(document, Document) and "hollin" in document.body.lower() and "brask" not in document.body.lower():
            for paragraph in document.body.split("\n\n"):
                sentences += [s.strip() for s in re.split(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])", paragraph) if len(s.split()) > 5]
    return list(dict.fromkeys(sentences))


def vary_numbers(sentence: str, rng: random.Random) -> str:
    """Some reports give other figures: each number is kept, or moved by a little."""
    def change(match: re.Match) -> str:
        text = match.group(0)
        if rng.random() < 0.75 or len(text) == 4:  # keep most figures, and years
            return text
        value = int(text.replace(",", ""))
        return f"{max(1, value + rng.choice([-2, -1, 1, 2, 3]) * max(1, value // 10)):,}"
    return re.sub(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+\b", change, sentence)


def synthetic_reports(count: int, seed: int = 7) -> list[dict]:
    """`count` JSONL records: reports of the Hollin earthquake, each from a reshuffled, varied pick of real sentences."""
    rng = random.Random(seed)
    pool = earthquake_sentences()
    lead = [s for s in pool if "magnitude" in s.lower()] or pool[:3]
    core = [s for s in pool if "Hollin" in s and s not in lead][:4]  # what every report of the event repeats
    records = []
    for number in range(count):
        picked = [rng.choice(lead), *core] + rng.sample(pool, k=min(len(pool), rng.randint(4, 8)))
        body = [vary_numbers(s, rng) for s in dict.fromkeys(picked)]
        body.append(f"This is report number {number} from our correspondent, filed at {rng.randint(1, 12)} o'clock "
                    f"with {rng.randint(2, 40)} photographs from the {rng.choice(['old town', 'market', 'station', 'hospital'])}.")
        hours = rng.uniform(0, 18)
        published = f"2025-03-{10 + int((5 + hours) // 24):02d}T{int(5 + hours) % 24:02d}:{rng.randint(0, 59):02d}:00+00:00"
        records.append({
            "url": f"https://news{number % 100}.example/quake/{number}", "source": SOURCES[number % len(SOURCES)],
            "title": f"Lirenia earthquake: {rng.choice(['toll rises', 'rescuers search rubble', 'Hollin digs out', 'quake kills'])} in Hollin",
            "published": published, "authors": [f"Reporter {number % 37}"],
            "text": "\n\n".join(" ".join(body[i:i + 2]) for i in range(0, len(body), 2)),
        })
    return records


def build_database(path: Path, count: int) -> str:
    """Ingest and build the synthetic reports; returns the id of the story holding them (asserted to be one)."""
    from corroborator.build import build
    from corroborator.ingest.pipeline import ingest_paths
    from corroborator.store.db import Database
    from corroborator.stories import list_stories

    corpus = path.parent / "web-bench.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in synthetic_reports(count)) + "\n", encoding="utf-8")
    with Database(path) as database:
        started = time.perf_counter()
        report = ingest_paths(database, [str(corpus)])
        built = build(database)
        stories = sorted(list_stories(database), key=lambda s: -len(s.documents))
        print(f"built {report.total} inputs ({dict(report.counts)}) in {time.perf_counter() - started:.0f} s; "
              f"stages {', '.join(f'{k} {v:.0f} s' for k, v in built.stages.items())}; "
              f"{len(stories)} stories, sizes {[len(s.documents) for s in stories[:5]]}", file=sys.stderr)
    return stories[0].id


# --------------------------------------------------------------------------- measuring


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(db_path: Path, workers: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    environment = dict(os.environ, CORROBORATOR_DB=str(db_path))
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "corroborator.web.app:app_from_environment", "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers), "--log-level", "warning", "--no-access-log"],
        env=environment,
    )
    base = f"http://127.0.0.1:{port}"
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/stories", timeout=2).status_code == 200:
                return process, base
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the server did not start")


def client_latencies(url: str, requests: int) -> list[float]:
    """Run in a separate client process: seconds per sequential GET over one keep-alive connection."""
    code = (
        "import httpx, json, sys, time\n"
        "url, n = sys.argv[1], int(sys.argv[2])\n"
        "times = []\n"
        "with httpx.Client(timeout=30) as c:\n"
        "    c.get(url).raise_for_status()\n"
        "    for _ in range(n):\n"
        "        t = time.perf_counter(); r = c.get(url); r.raise_for_status(); _ = r.content; times.append(time.perf_counter() - t)\n"
        "print(json.dumps(times))\n"
    )
    output = subprocess.run([sys.executable, "-c", code, url, str(requests)], capture_output=True, text=True, check=True)
    return json.loads(output.stdout)


def throughput(url: str, connections: int, seconds: float) -> float:
    """Requests per second from `connections` client processes, each GETting `url` in a loop for `seconds`."""
    code = (
        "import httpx, sys, time\n"
        "url, seconds = sys.argv[1], float(sys.argv[2])\n"
        "n = 0\n"
        "with httpx.Client(timeout=30) as c:\n"
        "    end = time.perf_counter() + seconds\n"
        "    while time.perf_counter() < end:\n"
        "        c.get(url).raise_for_status(); n += 1\n"
        "print(n)\n"
    )
    processes = [subprocess.Popen([sys.executable, "-c", code, url, str(seconds)], stdout=subprocess.PIPE, text=True)
                 for _ in range(connections)]
    return sum(int(p.communicate()[0]) for p in processes) / seconds


def uncached_render(db_path: Path, story_id: str, repeats: int) -> dict[str, list[float]]:
    """Seconds to read and render the story page, and to read and serialise the story JSON, with no cache."""
    from corroborator.present import export
    from corroborator.present.report import story_html
    from corroborator.store.db import Database
    from corroborator.web import queries

    timings: dict[str, list[float]] = {"page: read": [], "page: render": [], "json: read + dumps": []}
    with Database(db_path, readonly=True) as database:
        for _ in range(repeats):
            started = time.perf_counter()
            page = queries.story_page(database, story_id)
            read = time.perf_counter()
            story_html(page.story, page.documents, page.titles, standalone=False)
            timings["page: read"].append(read - started)
            timings["page: render"].append(time.perf_counter() - read)
            started = time.perf_counter()
            json.dumps(export.story_full_record(database, story_id), ensure_ascii=False)
            timings["json: read + dumps"].append(time.perf_counter() - started)
    return timings


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="build here (or reuse it when it exists)")
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--requests", type=int, default=300, help="sequential requests per latency figure")
    parser.add_argument("--seconds", type=float, default=10.0, help="duration of each throughput run")
    arguments = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="corroborator-web-bench-"))
    db_path = arguments.db or folder / "corroborator.db"
    if db_path.exists():
        from corroborator.store.db import Database
        from corroborator.stories import list_stories

        with Database(db_path, readonly=True) as database:
            story_id = max(list_stories(database), key=lambda s: len(s.documents)).id
    else:
        story_id = build_database(db_path, arguments.documents)

    from corroborator.present import export
    from corroborator.store.db import Database

    with Database(db_path, readonly=True) as database:
        story = export.story_full_record(database, story_id)
    evidence = sum(len(f["evidence"]) for f in story["findings"])
    print(f"story {story_id}: {len(story['documents'])} documents, {len(story['sources'])} sources, "
          f"{len(story['findings'])} findings with {evidence} pieces of evidence, {len(story['timeline'])} timeline events, "
          f"{len(story['entities'])} entities\n")

    rows = []
    for name, values in uncached_render(db_path, story_id, 20).items():
        rows.append((f"in-process, no cache — {name}", 20, percentile(values, .5), percentile(values, .95), None))
    process, base = start_server(db_path, workers=1)
    try:
        page_bytes = len(__import__("httpx").get(f"{base}/stories/{story_id}").content)
        json_bytes = len(__import__("httpx").get(f"{base}/api/stories/{story_id}").content)
        for label, path in (("GET /stories/{id}", f"/stories/{story_id}"), ("GET /api/stories/{id}", f"/api/stories/{story_id}"),
                            ("GET / (story list)", "/")):
            values = client_latencies(base + path, arguments.requests)
            rows.append((f"uvicorn, 1 worker — {label}", arguments.requests, percentile(values, .5), percentile(values, .95), None))
    finally:
        process.terminate()
        process.wait(10)
    process, base = start_server(db_path, workers=2)
    try:
        for label, path in (("GET /stories/{id}", f"/stories/{story_id}"), ("GET /api/stories/{id}", f"/api/stories/{story_id}")):
            rate = throughput(base + path, connections=2, seconds=arguments.seconds)
            rows.append((f"uvicorn, 2 workers, 2 connections — {label}", None, None, None, rate))
    finally:
        process.terminate()
        process.wait(10)

    print(f"page {page_bytes / 1e6:.1f} MB, JSON {json_bytes / 1e6:.1f} MB; {os.cpu_count()} cores\n")
    print(f"| {'what':<62} | {'n':>4} | {'p50 ms':>8} | {'p95 ms':>8} | {'req/s':>7} |")
    print(f"|{'-' * 64}|{'-' * 6}|{'-' * 10}|{'-' * 10}|{'-' * 9}|")
    for what, n, p50, p95, rate in rows:
        cell = lambda v, f: f.format(v) if v is not None else ""  # noqa: E731
        print(f"| {what:<62} | {cell(n, '{:d}'):>4} | {cell(p50 and p50 * 1000, '{:.1f}'):>8} | "
              f"{cell(p95 and p95 * 1000, '{:.1f}'):>8} | {cell(rate, '{:.0f}'):>7} |")


if __name__ == "__main__":
    main()
