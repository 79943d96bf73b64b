"""Reconcile benchmark on ECB+: conflicts found when a value is changed, false alarms when none is, and speed.

(a) Quality. Each ECB+ sub-topic is a story of several articles. A sentence of one article
    that has a counterpart in another (a mention in each belongs to one cross-document
    coreference chain) and states a value of the same kind as its counterpart — a number,
    a date or a person — gets that value changed: the number scaled, the date moved, the
    name replaced by an invented one. The article is annotated again and the story
    reconciled; the change is found when a conflict finding holds the changed sentence
    (strict: together with its counterpart; loose: with any other article's sentence).
    Unchanged stories give the false-alarm rate: conflicts per story, with a sample to read.
(b) Speed. Stories reconciled per second, and the share of `build` time (annotate, stories,
    reconcile) that reconcile takes on the whole corpus.

    python benchmarks/reconcile.py            # everything (a few minutes on 2 cores)
    python benchmarks/reconcile.py --quick    # 8 topics
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ecbplus import Article, read_corpus, stories  # noqa: E402

from corroborator.annotate import annotate_documents, load_pipeline  # noqa: E402
from corroborator.ingest.fingerprint import document_id  # noqa: E402
from corroborator.model import Annotation, Document, Mention  # noqa: E402
from corroborator.reconcile import reconcile_story  # noqa: E402
from corroborator.reconcile.compare import AGREEING  # noqa: E402
from corroborator.values import compare_quantities, compare_times, parse_quantity, parse_time  # noqa: E402

NUMBER_KINDS = {"count", "money", "percent", "duration", "rank"}
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_INVENTED = ["Dana Kowalczyk", "Marta Quillon", "Tobias Ferreira", "Ines Halvorsen", "Oskar Lindqvist"]


@dataclass(slots=True)
class Perturbation:
    story: str
    kind: str  # number, date or name
    article: str
    counterpart: str
    sentence: int
    counterpart_sentence: int
    before: str
    after: str
    start: int
    end: int
    stated: bool  # the counterpart sentence states the same value before the change


def to_document(article: Article, text: str | None = None) -> Document:
    body = article.text if text is None else text
    return Document(document_id(body), article.name, body, title=article.name, source=article.name, method="ecbplus")


def _in(mentions: list[Mention], span: tuple[int, int], kinds: set[str]) -> list[Mention]:
    return [m for m in mentions if span[0] <= m.start and m.end <= span[1] and m.kind in kinds]


def _same(a: Mention, b: Mention) -> bool:
    """Whether two mentions state one value (equal, or one within the other's approximation)."""
    if a.value is None or b.value is None:
        return False
    try:
        if a.kind == "date":
            relation = compare_times(parse_time(a.value, a.precision), parse_time(b.value, b.precision)).relation
        else:
            relation = compare_quantities(parse_quantity(a.value), parse_quantity(b.value)).relation
    except ValueError:
        return False
    return relation in AGREEING


def changed(kind: str, text: str, rng: random.Random) -> str | None:
    """The value's text changed beyond any approximation: a number scaled, a date moved, a name replaced."""
    if kind == "number":
        match = _DIGITS.search(text)
        if not match:
            return None
        number = float(match.group().replace(",", ""))
        new = number * 2 + 3 if number < 1000 else number * 1.7
        new_text = f"{new:,.0f}" if "," in match.group() or new >= 1000 else (f"{new:g}")
        return text[: match.start()] + new_text + text[match.end():]
    if kind == "date":
        if match := _YEAR.search(text):
            return text[: match.start()] + str(int(match.group()) - 3) + text[match.end():]
        for names, shift in ((_MONTHS, 4), (_WEEKDAYS, 3)):
            for index, name in enumerate(names):
                if name in text:
                    return text.replace(name, names[(index + shift) % len(names)], 1)
        return None
    return rng.choice(_INVENTED) if " " in text else rng.choice(_INVENTED).split()[1]


def perturbations(story: str, articles: list[Article], annotations: dict[str, Annotation], rng: random.Random,
                  per_story: int) -> list[Perturbation]:
    """Candidate changes: a value in a sentence whose counterpart in another article states the same kind of value."""
    found = []
    by_chain: dict[str, list[tuple[Article, int]]] = {}
    for article in articles:
        for markable in article.markables:
            # Counterparts are sentences that mention one event (ACTION_/NEG_ chains), not merely one participant.
            if markable.m_id in article.chains and markable.tag.startswith(("ACTION", "NEG")):
                by_chain.setdefault(article.chains[markable.m_id], []).append((article, markable.sentence))
    seen = set()
    for members in by_chain.values():
        for a, sa in members:
            for b, sb in members:
                if a.name == b.name or (a.name, sa, b.name, sb) in seen:
                    continue
                seen.add((a.name, sa, b.name, sb))
                mentions_a = annotations[a.name].mentions
                mentions_b = annotations[b.name].mentions
                span_a, span_b = a.sentences[sa], b.sentences[sb]
                for kind, kinds in (("number", NUMBER_KINDS), ("date", {"date"}), ("name", {"person"})):
                    here, there = _in(mentions_a, span_a, kinds), _in(mentions_b, span_b, kinds)
                    if kind == "name":
                        keys = {m.key for m in there}
                        here = [m for m in here if m.key in keys]
                    if not here or not there:
                        continue
                    mention = here[0]
                    after = changed(kind, mention.text, rng)
                    if after and after != mention.text:
                        stated = kind == "name" or any(_same(mention, other) for other in there)
                        found.append(Perturbation(story, kind, a.name, b.name, sa, sb, mention.text, after,
                                                  mention.start, mention.end, stated))
    rng.shuffle(found)
    chosen, used = [], set()
    for p in found:  # at most one change per article and kind, so the sample spreads over the story
        if (p.article, p.kind) not in used and len(chosen) < per_story:
            chosen.append(p)
            used.add((p.article, p.kind))
    return chosen


def run(quick: bool, per_story: int, seed: int, console: Console, embed=None, sample: int = 12,
        alarms_only: bool = False) -> None:
    topics = range(1, 9) if quick else range(1, 36)
    articles = read_corpus(topics)
    grouped = stories(articles)
    nlp = load_pipeline()
    started = time.perf_counter()
    documents = {a.name: to_document(a) for a in articles}
    annotations = {}
    for article, annotation in zip(articles, annotate_documents([documents[a.name] for a in articles], nlp=nlp)):
        annotations[article.name] = annotation
    annotate_seconds = time.perf_counter() - started

    def reconcile(names_texts: dict[str, tuple[Document, Annotation]]):
        docs = [d for d, _ in names_texts.values()]
        return reconcile_story(docs, {d.id: a for d, a in names_texts.values()}, embed=embed)

    # Unchanged stories: false alarms, and speed.
    false_alarms, samples, reconcile_seconds = {}, [], 0.0
    for story, members in grouped.items():
        started = time.perf_counter()
        result = reconcile({a.name: (documents[a.name], _keyed(annotations[a.name], documents[a.name])) for a in members})
        reconcile_seconds += time.perf_counter() - started
        conflicts = [f for f in result.findings if f.verdict == "conflict"]
        false_alarms[story] = len(conflicts)
        samples += [(story, f) for f in conflicts]

    # Changed stories.
    rng = random.Random(seed)
    outcomes = []
    for story, members in {} if alarms_only else grouped.items():
        keyed = {a.name: _keyed(annotations[a.name], documents[a.name]) for a in members}
        for p in perturbations(story, members, keyed, rng, per_story):
            article = next(a for a in members if a.name == p.article)
            text = article.text[: p.start] + p.after + article.text[p.end:]
            document = to_document(article, text)
            (annotation,) = annotate_documents([document], nlp=nlp)
            parts = {a.name: (documents[a.name], keyed[a.name]) for a in members}
            parts[article.name] = (document, _keyed(annotation, document))
            result = reconcile(parts)
            shift = len(p.after) - len(p.before)
            low, high = article.sentences[p.sentence]
            changed_span = (low, high + shift)
            counterpart = next(a for a in members if a.name == p.counterpart)
            counterpart_id = documents[counterpart.name].id
            other_span = counterpart.sentences[p.counterpart_sentence]
            strict = loose = False
            for finding in result.findings:
                if finding.verdict != "conflict":
                    continue
                mine = [e for e in finding.evidence if e.document == document.id and _overlaps((e.start, e.end), changed_span)]
                others = [e for e in finding.evidence if e.document != document.id]
                if mine and others:
                    loose = True
                    strict = strict or any(e.document == counterpart_id and _overlaps((e.start, e.end), other_span) for e in others)
            outcomes.append((p, strict, loose))

    table = Table(title="(a) conflicts found among changed values (ECB+ stories)", title_justify="left",
                  caption="stated: the counterpart sentence states the same value before the change, so the change "
                          "leaves two sources disagreeing (a changed name always has one)", caption_justify="left")
    for column in ("change", "changes", "found (strict)", "found (loose)", "stated", "found (strict)", "found (loose)"):
        table.add_column(column, justify="right" if column != "change" else "left")

    def shares(rows: list) -> list[str]:
        if not rows:
            return ["0", "-", "-"]
        return [str(len(rows)), f"{sum(o[1] for o in rows) / len(rows):.0%}", f"{sum(o[2] for o in rows) / len(rows):.0%}"]

    for kind in ("number", "date", "name", "all"):
        rows = [o for o in outcomes if kind == "all" or o[0].kind == kind]
        if rows:
            table.add_row(kind, *shares(rows), *shares([o for o in rows if o[0].stated]))
    if outcomes:
        console.print(table)

    alarms = Table(title="(a) conflicts reported on unchanged stories", title_justify="left")
    alarms.add_column("stories", justify="right")
    alarms.add_column("conflicts", justify="right")
    alarms.add_column("per story", justify="right")
    alarms.add_column("stories with any", justify="right")
    total = sum(false_alarms.values())
    alarms.add_row(str(len(false_alarms)), str(total), f"{total / len(false_alarms):.2f}",
                   str(sum(1 for v in false_alarms.values() if v)))
    console.print(alarms)
    for story, finding in samples[:sample] if sample else samples:
        console.print(f"[dim]{story}[/] {finding.explanation}", highlight=False)
        for evidence in finding.evidence[:2]:
            console.print(f"    [dim]{evidence.source}:[/] {evidence.sentence[:160]}", highlight=False)

    speed = Table(title="(b) speed", title_justify="left")
    for column in ("stories", "documents", "annotate s", "reconcile s", "stories/s (reconcile)"):
        speed.add_column(column, justify="right")
    speed.add_row(str(len(grouped)), str(len(articles)), f"{annotate_seconds:.1f}", f"{reconcile_seconds:.1f}",
                  f"{len(grouped) / reconcile_seconds:.1f}")
    console.print(speed)
    if not alarms_only:
        build_share(articles, console)


def build_share(articles: list[Article], console: Console) -> None:
    """The whole build on the corpus, stage by stage, from a real SQLite file."""
    from corroborator.build import build
    from corroborator.store import documents as stored
    from corroborator.store.db import Database

    with tempfile.TemporaryDirectory() as folder, Database(Path(folder) / "corroborator.db") as database:
        stored.write_batch(database, [to_document(a) for a in articles])
        report = build(database)
    total = sum(report.stages.values())
    table = Table(title="(b) build time by stage (all documents, one process)", title_justify="left")
    for column in ("stage", "seconds", "share"):
        table.add_column(column, justify="right" if column != "stage" else "left")
    for stage, seconds in report.stages.items():
        table.add_row(stage, f"{seconds:.1f}", f"{seconds / total:.0%}")
    console.print(table)


def _keyed(annotation: Annotation, document: Document) -> Annotation:
    annotation.document = document.id
    return annotation


def _overlaps(a: tuple[int | None, int | None], b: tuple[int, int]) -> bool:
    return a[0] is not None and a[1] is not None and a[0] < b[1] and b[0] < a[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="topics 1-8 only")
    parser.add_argument("--per-story", type=int, default=4, help="changes tried per story")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--embeddings", default="off", help="auto, off, or a model folder (default: off)")
    parser.add_argument("--sample", type=int, default=12, help="conflicts on unchanged stories to print (0: all)")
    parser.add_argument("--alarms-only", action="store_true",
                        help="only the unchanged stories: conflicts per story and speed, no changes, no build")
    args = parser.parse_args(argv)
    from corroborator.embeddings import load

    run(args.quick, args.per_story, args.seed, Console(width=140), embed=load(args.embeddings),
        sample=args.sample, alarms_only=args.alarms_only)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
