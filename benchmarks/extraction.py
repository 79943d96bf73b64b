"""Main-text and metadata extraction: corroborator's read_html beside the libraries a user would otherwise pick.

Runs every extractor on the same pages in one run and prints, per page type:
word-level precision / recall / F1 of the main text, title / author / date
accuracy, the share of pages corroborator rejects as not an article, and speed.

Data: ../shared/benchmarks/wcxb/dev (gzipped HTML + ground truth JSON) and
../shared/benchmarks/readability/test/test-pages (source.html, expected.html,
expected-metadata.json).

    python benchmarks/extraction.py               # everything
    python benchmarks/extraction.py --limit 100   # first 100 pages of each set
    python benchmarks/extraction.py --jobs 4      # worker processes
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import sys
import time
import warnings
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
EXTRACTORS = ["corroborator", "trafilatura", "trafilatura-precision", "readability-lxml", "resiliparse"]
_WORD = re.compile(r"\w+")


@dataclass
class Page:
    """One labelled page: where its HTML is, its page type and what a correct extraction gives."""

    name: str
    group: str  # page type, or "readability" for Mozilla's test pages (all articles)
    html_path: str
    url: str | None
    text: str
    title: str | None
    author: str | None
    date: str | None


@dataclass
class Output:
    text: str = ""
    title: str | None = None
    author: str | None = None
    date: str | None = None
    rejected: bool = False


# ---------------------------------------------------------------- data


def load_wcxb(root: Path, limit: int | None) -> list[Page]:
    """wcxb dev pages, page type from metadata.json (falling back to the ground truth's own label)."""
    types = {k: v.get("page_type") for k, v in json.loads((root / "metadata.json").read_text())["files"].items()}
    pages = []
    for truth_path in sorted((root / "dev" / "ground-truth").glob("*.json"))[:limit]:
        data = json.loads(truth_path.read_text())
        truth = data["ground_truth"]
        group = types.get(truth_path.stem) or data.get("_internal", {}).get("page_type", {}).get("primary", "unknown")
        pages.append(
            Page(
                name=f"wcxb/{truth_path.stem}",
                group=group,
                html_path=str(root / "dev" / "html" / f"{truth_path.stem}.html.gz"),
                url=data.get("url"),
                text=truth.get("main_content") or "",
                title=truth.get("title"),
                author=truth.get("author"),
                date=truth.get("publish_date"),
            )
        )
    return pages


def load_readability(root: Path, limit: int | None) -> list[Page]:
    """Mozilla Readability's test pages; the expected article HTML is turned into text."""
    pages = []
    for folder in sorted(p for p in root.iterdir() if (p / "source.html").exists())[:limit]:
        meta = json.loads((folder / "expected-metadata.json").read_text())
        pages.append(
            Page(
                name=f"readability/{folder.name}",
                group="readability",
                html_path=str(folder / "source.html"),
                url=None,
                text=html_to_text((folder / "expected.html").read_text(encoding="utf-8", errors="replace")),
                title=meta.get("title"),
                author=meta.get("byline"),
                date=meta.get("publishedTime"),
            )
        )
    return pages


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment with block elements on their own lines."""
    import lxml.html

    if not html.strip():
        return ""
    tree = lxml.html.fromstring(html)
    for node in tree.iter("script", "style", "noscript"):
        node.drop_tree()
    blocks = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "pre", "blockquote",
              "section", "article", "figcaption", "dd", "dt", "table", "ul", "ol"}
    for node in tree.iter():
        if isinstance(node.tag, str) and node.tag in blocks:
            node.tail = "\n" + (node.tail or "")
    return re.sub(r"\n\s*\n+", "\n\n", tree.text_content()).strip()


def read_page_html(page: Page) -> str:
    if page.html_path.endswith(".gz"):
        with gzip.open(page.html_path, "rt", encoding="utf-8", errors="replace") as handle:
            return handle.read()
    return Path(page.html_path).read_text(encoding="utf-8", errors="replace")


# ---------------------------------------------------------------- extractors


def run_corroborator(html: str, page: Page) -> Output:
    from corroborator.ingest.html import read_html
    from corroborator.model import Rejection

    result = read_html(html, page.name, page.url)
    if isinstance(result, Rejection):
        return Output(rejected=True)
    return Output(result.body, result.title, "; ".join(result.authors) or None, result.published)


def _trafilatura(html: str, page: Page, **options) -> Output:
    import trafilatura

    result = trafilatura.bare_extraction(html, url=page.url, with_metadata=True, **options)
    if result is None:
        return Output()
    return Output(result.text or "", result.title, result.author, result.date)


def run_trafilatura(html: str, page: Page) -> Output:
    return _trafilatura(html, page)


def run_trafilatura_precision(html: str, page: Page) -> Output:
    return _trafilatura(html, page, favor_precision=True)


def run_readability(html: str, page: Page) -> Output:
    from readability import Document

    document = Document(html)
    return Output(html_to_text(document.summary()), document.short_title())


def run_resiliparse(html: str, page: Page) -> Output:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    tree = HTMLTree.parse(html)
    return Output(extract_plain_text(tree, main_content=True), tree.title or None)


RUNNERS = {
    "corroborator": run_corroborator,
    "trafilatura": run_trafilatura,
    "trafilatura-precision": run_trafilatura_precision,
    "readability-lxml": run_readability,
    "resiliparse": run_resiliparse,
}


# ---------------------------------------------------------------- scoring


def word_prf(predicted: str, reference: str) -> tuple[float, float, float]:
    """Word-level precision, recall and F1 over lower-cased \\w+ tokens (multiset overlap), as wcxb scores."""
    pred = Counter(_WORD.findall(predicted.lower()))
    ref = Counter(_WORD.findall(reference.lower()))
    if not ref:
        return (1.0, 1.0, 1.0) if not pred else (0.0, 0.0, 0.0)
    if not pred:
        return 0.0, 0.0, 0.0
    overlap = sum((pred & ref).values())
    p, r = overlap / sum(pred.values()), overlap / sum(ref.values())
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _tokens(text: str | None) -> list[str]:
    return _WORD.findall((text or "").casefold())


def title_exact(predicted: str | None, truth: str) -> bool:
    """Equal after case-folding and dropping punctuation."""
    return bool(predicted) and _tokens(predicted) == _tokens(truth)


def title_contains(predicted: str | None, truth: str) -> bool:
    """Either title contains the other (a kept site suffix or a shortened headline still counts)."""
    a, b = " ".join(_tokens(predicted)), " ".join(_tokens(truth))
    return bool(a and b) and (a in b or b in a)


def author_match(predicted: str | None, truth: str) -> bool:
    """At least half the name tokens are shared, measured against the longer of the two."""
    a, b = set(_tokens(predicted)) - {"by"}, set(_tokens(truth)) - {"by"}
    return bool(a and b) and len(a & b) / max(len(a), len(b)) >= 0.5


def date_match(predicted: str | None, truth: str) -> bool:
    """The same calendar day, as the page states it (the date part of the ISO string)."""
    from dateutil import parser

    if not predicted:
        return False
    try:
        truth_day = parser.parse(truth).date().isoformat()
    except (ValueError, OverflowError):
        return False
    return predicted[:10] == truth_day


def score(page: Page, name: str, output: Output, seconds: float) -> dict:
    p, r, f = word_prf(output.text, page.text)
    row = {"page": page.name, "group": page.group, "extractor": name, "p": p, "r": r, "f1": f,
           "rejected": output.rejected, "empty": not output.text.strip(), "seconds": seconds}
    if page.title:
        row["title_exact"] = title_exact(output.title, page.title)
        row["title_contains"] = title_contains(output.title, page.title)
    if page.author:
        row["author"] = author_match(output.author, page.author)
    if page.date:
        row["date"] = date_match(output.date, page.date)
    return row


def evaluate(page: Page) -> list[dict]:
    """Every extractor on one page, each timed on its own."""
    warnings.filterwarnings("ignore")
    import logging

    logging.disable(logging.CRITICAL)
    html = read_page_html(page)
    rows = []
    for name in EXTRACTORS:
        start = time.perf_counter()
        try:
            output = RUNNERS[name](html, page)
        except Exception:  # a library failing on a page scores zero on it, like an empty output
            output = Output()
        rows.append(score(page, name, output, time.perf_counter() - start))
    return rows


# ---------------------------------------------------------------- report


def _mean(values) -> float:
    values = list(values)
    return statistics.fmean(values) if values else float("nan")


def report(rows: list[dict], console) -> None:
    from rich.table import Table

    groups = sorted({r["group"] for r in rows}, key=lambda g: (g != "article", g == "readability", g))
    by = defaultdict(list)
    for row in rows:
        by[(row["group"], row["extractor"])].append(row)
        if row["group"] != "readability":
            by[("wcxb: all types", row["extractor"])].append(row)
    groups.append("wcxb: all types")

    table = Table(title="Main text: word-level F1 (mean over pages; corroborator's rejected pages count as empty)")
    for column in ["page type", "pages", "corroborator", "corr. kept only", "corr. rejected",
                   "trafilatura", "trafilatura-precision", "readability-lxml", "resiliparse"]:
        table.add_column(column, justify="left" if column == "page type" else "right")
    for group in groups:
        ours = by[(group, "corroborator")]
        kept = [r for r in ours if not r["rejected"]]
        table.add_row(
            group, str(len(ours)), f"{_mean(r['f1'] for r in ours):.3f}",
            f"{_mean(r['f1'] for r in kept):.3f}", f"{100 * _mean(r['rejected'] for r in ours):.1f}%",
            *[f"{_mean(r['f1'] for r in by[(group, e)]):.3f}" for e in EXTRACTORS[1:]],
        )
    console.print(table)

    table = Table(title="Main text: word-level precision / recall")
    table.add_column("page type")
    for name in EXTRACTORS:
        table.add_column(name, justify="right")
    for group in groups:
        table.add_row(group, *[
            f"{_mean(r['p'] for r in by[(group, e)]):.3f} / {_mean(r['r'] for r in by[(group, e)]):.3f}" for e in EXTRACTORS
        ])
    console.print(table)

    table = Table(title="Metadata accuracy on labelled pages (title exact | title contained | author | date on the day)")
    table.add_column("pages")
    for name in EXTRACTORS:
        table.add_column(name, justify="right")
    for group in ["article", "readability", "wcxb: all types"]:
        cells = []
        for name in EXTRACTORS:
            rs = by[(group, name)]

            def share(key):
                labelled = [r[key] for r in rs if key in r]
                return f"{100 * _mean(labelled):.0f}%" if labelled else "-"

            no_meta = name in ("readability-lxml", "resiliparse")
            cells.append(f"{share('title_exact')} | {share('title_contains')} | "
                         + ("- | -" if no_meta else f"{share('author')} | {share('date')}"))
        table.add_row(group, *cells)
    labelled = {k: sum(k in r for r in rows if r["extractor"] == "corroborator" and r["group"] == "article")
                for k in ("title_exact", "author", "date")}
    console.print(table)
    console.print(f"wcxb articles labelled: {labelled['title_exact']} titles, {labelled['author']} authors, "
                  f"{labelled['date']} dates")

    table = Table(title="Speed (single process, sum of per-page times; includes parsing)")
    table.add_column("extractor")
    table.add_column("docs/s", justify="right")
    table.add_column("median ms/page", justify="right")
    for name in EXTRACTORS:
        seconds = [r["seconds"] for r in rows if r["extractor"] == name]
        table.add_row(name, f"{len(seconds) / sum(seconds):.1f}", f"{1000 * statistics.median(seconds):.1f}")
    console.print(table)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each data set")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    parser.add_argument("--data", type=Path, default=DATA, help="folder holding wcxb/ and readability/")
    parser.add_argument("--dump", type=Path, default=None, help="write per-page scores as JSON lines here")
    args = parser.parse_args(argv)

    from rich.console import Console

    console = Console(width=200)
    if not args.data.exists():
        console.print(f"benchmark data not found at {args.data}; pass --data")
        return 1
    pages = load_wcxb(args.data / "wcxb", args.limit) + load_readability(
        args.data / "readability" / "test" / "test-pages", args.limit
    )
    console.print(f"{len(pages)} pages, {len(EXTRACTORS)} extractors, {args.jobs} jobs")
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        rows = [row for page_rows in pool.map(evaluate, pages, chunksize=4) for row in page_rows]
    console.print(f"done in {time.perf_counter() - start:.0f} s")
    if args.dump:
        args.dump.write_text("".join(json.dumps(r) + "\n" for r in rows))
    report(rows, console)
    return 0


if __name__ == "__main__":
    sys.exit(main())
