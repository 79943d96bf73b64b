"""Annotation: speed of annotate_documents beside spaCy's pipeline alone, and recall of ECB+ markables.

Speed: documents and words per second on the same texts for spaCy's nlp.pipe with the
full en_core_web_sm pipeline, nlp.pipe with the components annotation keeps, and
corroborator's annotate_documents (which runs that pipe and then the rules), each with one
and two processes.

Quality: recall of ECB+ gold markables (topics 1-35; see the data's README). A gold
markable is found when one of our mentions of the matching family overlaps its character
span: TIME_* ↔ date/time/duration, LOC_* ↔ place, HUMAN_PART_* ↔ person/org. The same is
measured for spaCy's raw entities (DATE/TIME, GPE/LOC/FAC, PERSON/ORG/NORP) for comparison.
ECB+ marks pronouns and common nouns as participants ("her rep", "the victims"); names are
all annotation looks for, so HUMAN_PART recall is also broken down by subtype.

    python benchmarks/annotate.py              # all 772 documents (a few minutes on 2 cores)
    python benchmarks/annotate.py --limit 80   # a quick run on the first 80
    python benchmarks/annotate.py --repeat 3   # fastest of three rounds, on a busy machine
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ecbplus import DATA, Article, read_corpus  # noqa: E402
FAMILIES = {"TIME": ("date", "time", "duration"), "LOC": ("place",), "HUMAN_PART": ("person", "org")}
SPACY_FAMILIES = {"TIME": ("DATE", "TIME"), "LOC": ("GPE", "LOC", "FAC"), "HUMAN_PART": ("PERSON", "ORG", "NORP")}
# ECB+ locations are mostly facilities ("Promises Treatment Center"), which both tag as organisations:
# reported on an extra row, LOC counted as found by a place or an org.
LOOSE_LOC = ("LOC or org", ("place", "org"), ("GPE", "LOC", "FAC", "ORG"))


def family(tag: str) -> str | None:
    """TIME, LOC or HUMAN_PART for a markable's tag, else None."""
    return next((f for f in FAMILIES if tag.startswith(f + "_")), None)


def timed(label: str, run, n_process: int, articles: list[Article]) -> dict:
    """Run once with n_process processes; the result and its throughput."""
    start = time.perf_counter()
    result = run(n_process)
    seconds = time.perf_counter() - start
    return {
        "label": label,
        "processes": n_process,
        "seconds": seconds,
        "docs": len(articles) / seconds,
        "words": sum(a.words for a in articles) / seconds,
        "result": result,
    }


def recall(
    articles: list[Article], spans_per_article: list[dict[str, list[tuple[int, int]]]]
) -> tuple[Counter, Counter]:
    """Gold markables found / total, by family and by tag."""
    found, total = Counter(), Counter()
    for article, ours in zip(articles, spans_per_article):
        for markable in article.markables:
            markable_family = family(markable.tag)
            if markable_family is None:
                continue
            hit = any(s < markable.end and markable.start < e for s, e in ours.get(markable_family, ()))
            for name in (markable_family, markable.tag):
                total[name] += 1
                found[name] += hit
            if markable_family == "LOC":
                loose = any(s < markable.end and markable.start < e for s, e in ours.get(LOOSE_LOC[0], ()))
                total[LOOSE_LOC[0]] += 1
                found[LOOSE_LOC[0]] += loose
    return found, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=1, help="rounds of timing; the fastest of each is shown")
    args = parser.parse_args(argv)

    import spacy
    from rich.console import Console
    from rich.table import Table

    from corroborator.annotate import annotate_documents, load_pipeline
    from corroborator.annotate.nlp import DEFAULT_PIPELINES
    from corroborator.model import Document

    if not DATA.exists():
        print(f"ECB+ not found at {DATA}", file=sys.stderr)
        return 1
    articles = read_corpus(limit=args.limit)
    texts = [a.text for a in articles]
    documents = [Document(id=a.name, path=a.name, body=a.text) for a in articles]
    ours = load_pipeline()
    full = None
    for name in DEFAULT_PIPELINES:
        try:
            full = spacy.load(name)
            break
        except OSError:
            continue

    runners = [
        (
            f"spaCy nlp.pipe, full pipeline ({'+'.join(full.pipe_names)})",
            lambda n: list(full.pipe(texts, batch_size=args.batch_size, n_process=n)),
        ),
        (
            f"spaCy nlp.pipe, kept components ({'+'.join(ours.pipe_names)})",
            lambda n: list(ours.pipe(texts, batch_size=args.batch_size, n_process=n)),
        ),
        (
            "corroborator annotate_documents",
            lambda n: list(annotate_documents(documents, nlp=ours, batch_size=args.batch_size, n_process=n)),
        ),
    ]
    # On a shared machine the fastest of several interleaved rounds is the fairest figure.
    best: dict[tuple[int, str], dict] = {}
    for _ in range(args.repeat):
        for n_process in (1, 2):
            for label, run in runners:
                result = timed(label, run, n_process, articles)
                if (n_process, label) not in best or result["seconds"] < best[(n_process, label)]["seconds"]:
                    best[(n_process, label)] = result
    runs = list(best.values())

    console = Console(width=140)
    words = sum(a.words for a in articles)
    speed = Table(
        title=f"Annotation speed on ECB+ ({len(articles)} documents, {words:,} words, batch {args.batch_size}, "
        f"fastest of {args.repeat})"
    )
    for column in ("what", "processes", "seconds", "docs/s", "words/s"):
        speed.add_column(column, justify="left" if column == "what" else "right")
    for run in runs:
        speed.add_row(
            run["label"], str(run["processes"]), f"{run['seconds']:.1f}", f"{run['docs']:.1f}", f"{run['words']:,.0f}"
        )
    console.print(speed)

    annotations = next(r["result"] for r in runs if r["label"].startswith("corroborator"))
    spacy_docs = next(r["result"] for r in runs if "full" in r["label"])
    our_families = {**FAMILIES, LOOSE_LOC[0]: LOOSE_LOC[1]}
    spacy_families = {**SPACY_FAMILIES, LOOSE_LOC[0]: LOOSE_LOC[2]}
    our_spans = [
        {f: [(m.start, m.end) for m in a.mentions if m.kind in kinds] for f, kinds in our_families.items()}
        for a in annotations
    ]
    spacy_spans = [
        {f: [(e.start_char, e.end_char) for e in d.ents if e.label_ in labels] for f, labels in spacy_families.items()}
        for d in spacy_docs
    ]
    ours_found, total = recall(articles, our_spans)
    spacy_found, _ = recall(articles, spacy_spans)
    quality = Table(
        title="Recall of ECB+ gold markables (a markable is found when a mention of its family overlaps it)"
    )
    for column in ("markables", "gold", "spaCy entities", "corroborator mentions"):
        quality.add_column(column, justify="left" if column == "markables" else "right")
    top = [*FAMILIES, LOOSE_LOC[0]]
    names = top + sorted(t for t in total if t not in top)
    for name in names:
        quality.add_row(
            name if name in top else f"  {name}",
            f"{total[name]:,}",
            f"{spacy_found[name] / total[name]:.3f}",
            f"{ours_found[name] / total[name]:.3f}",
        )
    console.print(quality)
    return 0


if __name__ == "__main__":
    sys.exit(main())
