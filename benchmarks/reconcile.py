"""Reconcile benchmark on ECB+: conflicts found when a value is changed, false alarms when none is,
corroboration, and speed.

(a) Quality. Each ECB+ sub-topic is a story of several articles. A value in a sentence of one
    article — a number, a date or a person — is changed when a sentence of another article
    states it too, about the same thing: a mention in each sentence belongs to one gold
    cross-document chain of an event or a date, and the other sentence states a number or date
    that agrees, or names the same person. Numbers and dates are those the annotator finds; people
    are drawn from the gold annotation alone (a person chained across the documents and named in
    both sentences), so a name the annotator fails to tag is a change it misses. The number is
    scaled, the date moved, the name replaced by an invented one; the article is annotated again
    and the story reconciled. The change is found when a conflict finding holds the changed
    sentence (strict: together with a sentence that stated the value; loose: with any other
    article's sentence). Changes are drawn with several seeds (7 to 10 by default; a change two
    seeds draw is tried once); each seed's share is shown beside the pooled one, to show how much
    one draw of about 250 changes varies.
    Unchanged stories give the false-alarm rate: conflicts per story, with a sample to read. Conflicts
    already read are labelled in reconcile_alarms.csv, real disagreements between the sources or false
    alarms; the table counts a conflict not yet read as a false alarm.
(b) Speed. Stories reconciled per second, and the share of `build` time (annotate, stories,
    reconcile) that reconcile takes on the whole corpus.
(c) Corroboration. On the unchanged stories, every pair of sentences from two documents that one
    corroborated finding cites, where ECB+ annotates events in both: the share that mention one gold
    event (a mention of each in one cross-document chain). Sentences that state the same thing
    report the same event; a claim chained through sentences that each resemble the next does not.

    python benchmarks/reconcile.py            # everything (a few minutes on 2 cores)
    python benchmarks/reconcile.py --quick    # 8 topics
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ecbplus import Article, read_corpus, stories  # noqa: E402

from corroborator.annotate import annotate_documents, apply_aliases, learn_aliases, load_pipeline  # noqa: E402
from corroborator.ingest.fingerprint import document_id  # noqa: E402
from corroborator.model import Annotation, Document, Mention  # noqa: E402
from corroborator.reconcile import reconcile_story  # noqa: E402
from corroborator.reconcile.compare import AGREEING  # noqa: E402
from corroborator.values import compare_quantities, compare_times, parse_quantity, parse_time  # noqa: E402

NUMBER_KINDS = {"count", "money", "percent", "duration", "rank"}
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_BOUND = re.compile(r"\b(?:more|fewer|less) than\b|\b(?:over|under|at least|at most|as many as|up to)\b", re.I)
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]")
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_INVENTED = ["Dana Kowalczyk", "Marta Quillon", "Tobias Ferreira", "Ines Halvorsen", "Oskar Lindqvist"]


@dataclass(slots=True)
class Perturbation:
    story: str
    kind: str  # number, date or name
    article: str
    sentence: int
    before: str
    after: str
    start: int
    end: int
    counterparts: list[tuple[str, int]]  # (article, sentence) of other articles stating the value before the change
    value: str | None = None  # the value before the change, normalised ("2008-12-25", "26 pirates")


def to_document(article: Article, text: str | None = None) -> Document:
    body = article.text if text is None else text
    return Document(document_id(body), article.name, body, title=article.name, source=article.name, method="ecbplus")


def _in(mentions: list[Mention], span: tuple[int, int], kinds: set[str]) -> list[Mention]:
    return [m for m in mentions if span[0] <= m.start and m.end <= span[1] and m.kind in kinds]


def _same(a: Mention, b: Mention) -> bool:
    """Whether two mentions state one value (equal, or one within the other's approximation); an
    unresolved date ("on Tuesday" in an undated article) by the day and month names it gives."""
    if a.kind == "date" and (a.value is None or b.value is None):
        names = _calendar_words(a.text)
        return bool(names) and names == _calendar_words(b.text)
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


def _name_words(articles: list[Article]) -> set[str]:
    """Words the corpus writes capitalised inside a sentence more often than in lower case: the words
    of names ("Lohan", "Reid"), not a capitalised opening word ("Everyone", "Officials")."""
    upper: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for article in articles:
        for low, high in article.sentences:
            for match in list(_WORD.finditer(article.text, low, high))[1:]:
                word = match.group()
                (upper if word[0].isupper() else lower)[word.casefold().removesuffix("'s")] += 1
    return {word for word, count in upper.items() if count > lower[word]}


def _named_people(articles: list[Article]) -> dict[str, dict[int, list[tuple[int, int, str]]]]:
    """By article and sentence, the people the gold annotation marks and chains across documents where
    the text names them: (start, end, chain), the span trimmed to the name's words. A name is written
    in name words (capitalised inside sentences more often than not), and a one-word name is the first
    or last word of a fuller name of the same chain ("Lohan", "Lindsay"): "he", "the actress",
    "Everyone", "American" or "Mommy" are people the annotation marks, but no name to change."""
    proper = _name_words(articles)
    spans: dict[str, list[tuple[int, int, int, str, list[str]]]] = {}
    ends: dict[str, set[str]] = {}
    for article in articles:
        for markable in article.markables:
            if markable.tag != "HUMAN_PART_PER" or markable.m_id not in article.chains:
                continue
            found = list(_WORD.finditer(article.text, markable.start, markable.end))
            words = [m.group().casefold().removesuffix("'s") for m in found]
            if not words or not all(m.group()[0].isupper() and w in proper for m, w in zip(found, words)):
                continue
            chain = article.chains[markable.m_id]
            end = found[-1].end() - (2 if found[-1].group().endswith("'s") else 0)
            spans.setdefault(article.name, []).append((markable.sentence, found[0].start(), end, chain, words))
            if len(words) > 1:
                ends.setdefault(chain, set()).update((words[0], words[-1]))
    named: dict[str, dict[int, list[tuple[int, int, str]]]] = {}
    for article, found in spans.items():
        for sentence, start, end, chain, words in found:
            if len(words) > 1 or words[0] in ends.get(chain, ()):
                named.setdefault(article, {}).setdefault(sentence, []).append((start, end, chain))
    return named


def _calendar_words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[A-Za-z]+", text) if w.capitalize() in _MONTHS + _WEEKDAYS}


def changed(kind: str, text: str, rng: random.Random) -> str | None:
    """The value's text changed beyond any approximation: a number scaled, a date moved, a name replaced."""
    if kind == "number":
        if _BOUND.search(text):
            return None  # "more than 100" moved to "more than 203" still agrees with "more than 100"
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
    """Changes to try: a value in a sentence that another article's sentence states too, about the same thing.

    Two sentences are about the same thing when a mention in each belongs to one gold cross-document
    chain of an event (ACTION_, NEG_) or of a date (TIME_DATE). A number or date is one the annotator
    found, and the other sentence states it when it gives a number or date that agrees. A name is drawn
    from the gold annotation alone — a person the corpus marks and chains across documents, written as
    a proper name in both sentences — so how well the annotator tags people is measured, not assumed:
    a name it misses is a change it cannot find. Only such values are changed, so every change leaves
    two sources disagreeing in sentences that report one thing.
    """
    by_chain: dict[str, set[tuple[str, int]]] = {}
    for article in articles:
        for markable in article.markables:
            if markable.m_id in article.chains and markable.tag.startswith(("ACTION", "NEG", "TIME_DATE")):
                by_chain.setdefault(article.chains[markable.m_id], set()).add((article.name, markable.sentence))
    named = {a.name: a for a in articles}
    people = _named_people(articles)
    linked: dict[tuple[str, int], set[tuple[str, int]]] = {}
    for members in by_chain.values():
        for here in members:
            linked.setdefault(here, set()).update(there for there in members if there[0] != here[0])
    candidates: dict[tuple[str, int, int], tuple[str, Mention, set[tuple[str, int]]]] = {}
    for (name, sentence), others in sorted(linked.items()):
        span = named[name].sentences[sentence]
        for other, other_sentence in sorted(others):
            there_span = named[other].sentences[other_sentence]
            for kind, kinds in (("number", NUMBER_KINDS), ("date", {"date"})):
                there = _in(annotations[other].mentions, there_span, kinds)
                for mention in _in(annotations[name].mentions, span, kinds):
                    if any(_same(mention, m) for m in there):
                        entry = candidates.setdefault((name, sentence, mention.start), (kind, mention, set()))
                        entry[2].add((other, other_sentence))
            chained = {chain for _, _, chain in people.get(other, {}).get(other_sentence, ())}
            for start, end, chain in people.get(name, {}).get(sentence, ()):
                if chain in chained:
                    person = Mention(start, end, "person", named[name].text[start:end])
                    entry = candidates.setdefault((name, sentence, start), ("name", person, set()))
                    entry[2].add((other, other_sentence))
    found = []
    for (name, sentence, _), (kind, mention, counterparts) in sorted(candidates.items()):
        after = changed(kind, mention.text, rng)
        if after and after != mention.text:
            found.append(Perturbation(story, kind, name, sentence, mention.text, after, mention.start, mention.end,
                                      sorted(counterparts), mention.value))
    rng.shuffle(found)
    chosen, used = [], set()
    for p in found:  # at most one change per article and kind, so the sample spreads over the story
        if (p.article, p.kind) not in used and len(chosen) < per_story:
            chosen.append(p)
            used.add((p.article, p.kind))
    return chosen


@dataclass
class Measured:
    """What one run measures: each change's outcome (perturbation, strict, paired, loose, seeds that drew it),
    the conflicts on each unchanged story and their samples, corroboration, and time."""

    articles: list
    grouped: dict
    outcomes: list[tuple]
    false_alarms: dict[str, int]
    samples: list[tuple[str, object]]
    corroborations: int
    cited: int
    one_event: int
    annotate_seconds: float
    reconcile_seconds: float

    def false_per_story(self) -> float:
        """Conflicts on unchanged stories not read as real (unread ones count as false), per story."""
        real = sum(1 for story, finding in self.samples if reading(story, finding) == "real")
        return (sum(self.false_alarms.values()) - real) / len(self.false_alarms)


def run(quick: bool, per_story: int, seeds: list[int], console: Console, embed=None, sample: int = 12,
        alarms_only: bool = False) -> None:
    report(measure(range(1, 9) if quick else range(1, 36), per_story, [] if alarms_only else seeds, embed),
           seeds, console, sample, alarms_only)


def measure(topics: range, per_story: int, seeds: list[int], embed=None) -> Measured:
    """Annotate the topics' stories, reconcile them unchanged, then with each seed's changes."""
    articles = read_corpus(topics)
    grouped = stories(articles)
    nlp = load_pipeline()
    started = time.perf_counter()
    documents = {a.name: to_document(a) for a in articles}
    annotated = list(annotate_documents([documents[a.name] for a in articles], nlp=nlp))
    # As the build does: aliases learned from every document ("Mark Felt, known as 'Deep Throat'") join keys.
    aliases = learn_aliases(annotated, [documents[a.name].body for a in articles])
    annotations = {a.name: annotation for a, annotation in zip(articles, apply_aliases(annotated, aliases))}
    annotate_seconds = time.perf_counter() - started

    def reconcile(names_texts: dict[str, tuple[Document, Annotation]]):
        docs = [d for d, _ in names_texts.values()]
        return reconcile_story(docs, {d.id: a for d, a in names_texts.values()}, embed=embed)

    # Unchanged stories: false alarms, corroboration, and speed.
    false_alarms, samples, reconcile_seconds = {}, [], 0.0
    corroborations, cited, one_event = 0, 0, 0
    for story, members in grouped.items():
        started = time.perf_counter()
        result = reconcile({a.name: (documents[a.name], _keyed(annotations[a.name], documents[a.name])) for a in members})
        reconcile_seconds += time.perf_counter() - started
        conflicts = [f for f in result.findings if f.verdict == "conflict"]
        false_alarms[story] = len(conflicts)
        samples += [(story, f) for f in conflicts]
        corroborated = [f for f in result.findings if f.verdict == "corroborated"]
        corroborations += len(corroborated)
        by_id = {documents[a.name].id: a for a in members}
        for finding in corroborated:
            annotated, same = _cited_pairs(finding, by_id)
            cited, one_event = cited + annotated, one_event + same

    # Changed stories: each seed draws its own changes; a change two seeds draw is tried once.
    keyed = {a.name: _keyed(annotations[a.name], documents[a.name]) for a in articles}
    named = {a.name: a for a in articles}
    drawn: dict[tuple[str, int, str], tuple[Perturbation, list[int]]] = {}
    for seed in seeds:
        rng = random.Random(seed)
        for story, members in grouped.items():
            for p in perturbations(story, members, keyed, rng, per_story):
                drawn.setdefault((p.article, p.start, p.after), (p, []))[1].append(seed)
    outcomes = []
    for p, drawn_by in drawn.values():
        members = grouped[p.story]
        article = named[p.article]
        text = article.text[: p.start] + p.after + article.text[p.end:]
        document = to_document(article, text)
        (annotation,) = apply_aliases(annotate_documents([document], nlp=nlp), aliases)
        parts = {a.name: (documents[a.name], keyed[a.name]) for a in members}
        parts[article.name] = (document, _keyed(annotation, document))
        result = reconcile(parts)
        shift = len(p.after) - len(p.before)
        low, high = article.sentences[p.sentence]
        changed_span = (low, high + shift)
        right = [(documents[other].id, named[other].sentences[sentence]) for other, sentence in p.counterparts]
        strict = paired = loose = False
        for finding in result.findings:
            if finding.verdict != "conflict":
                continue
            mine = [e for e in finding.evidence if e.document == document.id and _overlaps((e.start, e.end), changed_span)]
            others = [e for e in finding.evidence if e.document != document.id]
            if mine and others:
                loose = True
                strict = strict or any(e.document == d and _overlaps((e.start, e.end), span) for e in others for d, span in right)
                paired = paired or any(_states(e.sentence, p.before) or (p.value and e.value == p.value)
                                       or (p.kind == "name" and _states(e.sentence, p.before.split()[-1]))
                                       for e in others)
        outcomes.append((p, strict, paired, loose, drawn_by))
    return Measured(articles, grouped, outcomes, false_alarms, samples, corroborations, cited, one_event,
                    annotate_seconds, reconcile_seconds)


def report(measured: Measured, seeds: list[int], console: Console, sample: int, alarms_only: bool) -> None:
    """The tables of one run."""
    outcomes, false_alarms, samples = measured.outcomes, measured.false_alarms, measured.samples
    articles, grouped = measured.articles, measured.grouped
    table = Table(title="(a) conflicts found among changed values (ECB+ stories)", title_justify="left",
                  caption="strict: the conflict holds the changed sentence and a sentence of another article that "
                          "stated the value about the same event (by ECB+'s event annotation); paired: and another "
                          "article's sentence that gives the value as it was before the change (its words, a name's "
                          "surname, or the same normalised value); loose: and any other article's sentence",
                  caption_justify="left")
    for column in ("change", "changes", "found (strict)", "found (paired)", "found (loose)"):
        table.add_column(column, justify="right" if column != "change" else "left")
    for kind in ("number", "date", "name", "all"):
        rows = [o for o in outcomes if kind == "all" or o[0].kind == kind]
        if rows:
            table.add_row(kind, *_found(rows))
    if outcomes:
        console.print(table)
    if len(seeds) > 1 and outcomes:
        spread = Table(title="(a) by seed: each seed's own draw of changes", title_justify="left",
                       caption="each seed draws its changes anew: the spread shows how much one draw varies",
                       caption_justify="left")
        for column in ("seed", "changes", "found (strict)", "found (paired)", "found (loose)"):
            spread.add_column(column, justify="right")
        for seed in seeds:
            spread.add_row(str(seed), *_found([o for o in outcomes if seed in o[4]]))
        console.print(spread)

    readings = [(story, finding, reading(story, finding)) for story, finding in samples]
    alarms = Table(title="(a) conflicts reported on unchanged stories", title_justify="left",
                   caption=f"real / false: as read by hand ({READINGS.name}); a conflict not yet read counts as false",
                   caption_justify="left")
    for column in ("stories", "conflicts", "real", "false", "not yet read", "false per story", "stories with any"):
        alarms.add_column(column, justify="right")
    total = sum(false_alarms.values())
    real = sum(1 for *_, r in readings if r == "real")
    unread = sum(1 for *_, r in readings if r is None)
    alarms.add_row(str(len(false_alarms)), str(total), str(real), str(total - real - unread), str(unread),
                   f"{(total - real) / len(false_alarms):.2f}", str(sum(1 for v in false_alarms.values() if v)))
    console.print(alarms)
    shown = sorted(readings, key=lambda r: r[2] is not None)  # the ones not yet read first
    for story, finding, read in shown[:sample] if sample else shown:
        console.print(f"[dim]{story} ({read or 'not yet read'})[/] {finding.explanation}", highlight=False)
        for evidence in finding.evidence[:2]:
            console.print(f"    [dim]{evidence.source}:[/] {evidence.sentence[:160]}", highlight=False)

    speed = Table(title="(b) speed", title_justify="left")
    for column in ("stories", "documents", "annotate s", "reconcile s", "stories/s (reconcile)"):
        speed.add_column(column, justify="right")
    speed.add_row(str(len(grouped)), str(len(articles)), f"{measured.annotate_seconds:.1f}",
                  f"{measured.reconcile_seconds:.1f}", f"{len(grouped) / measured.reconcile_seconds:.1f}")
    console.print(speed)
    if not alarms_only:
        build_share(articles, console)
    corroboration = Table(title="(c) corroborated findings on unchanged stories", title_justify="left",
                          caption="cited pairs: two documents' sentences one finding cites, both with ECB+ event "
                                  "annotations; one event: the share of them that mention one gold event",
                          caption_justify="left")
    for column in ("stories", "corroborated findings", "cited pairs", "one event"):
        corroboration.add_column(column, justify="right")
    corroboration.add_row(str(len(grouped)), str(measured.corroborations), str(measured.cited),
                          f"{measured.one_event / max(measured.cited, 1):.1%}")
    console.print(corroboration)


def _found(rows: list[tuple]) -> tuple[str, ...]:
    """The count of changes (perturbation, strict, paired, loose, ...) and the shares found each way."""
    return (str(len(rows)), *(f"{sum(o[i] for o in rows) / len(rows):.0%}" for i in (1, 2, 3)))


def _states(sentence: str, value: str) -> bool:
    """Whether a sentence writes a value as the changed sentence wrote it before the change ("Thursday",
    "Hasim Rahman"), as a whole word or words."""
    return re.search(rf"(?<!\w){re.escape(value)}(?!\w)", sentence, re.I) is not None


def _cited_pairs(finding, articles: dict[str, Article]) -> tuple[int, int]:
    """(pairs, pairs mentioning one gold event) among the finding's cited sentences of two documents
    that both carry ECB+ event annotations."""
    events = []
    for evidence in finding.evidence:
        article = articles[evidence.document]
        sentence = next((i for i, (low, high) in enumerate(article.sentences) if low <= evidence.start < high), None)
        chains = {
            article.chains[m.m_id] for m in article.markables
            if m.sentence == sentence and m.m_id in article.chains and m.tag.startswith(("ACTION", "NEG"))
        }
        if chains:
            events.append((evidence.document, chains))
    pairs = [(x, y) for i, x in enumerate(events) for y in events[i + 1:] if x[0] != y[0]]
    return len(pairs), sum(1 for (_, x), (_, y) in pairs if x & y)


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


READINGS = Path(__file__).with_name("reconcile_alarms.csv")


@cache
def _readings() -> dict[tuple[str, frozenset[str]], str]:
    with READINGS.open(newline="", encoding="utf-8") as handle:
        rows = csv.DictReader(handle)
        return {(row["story"], frozenset((row["first"], row["second"]))): row["reading"] for row in rows}


def reading(story: str, finding) -> str | None:
    """How a conflict on an unchanged story was read by hand, found by its first two values: "real",
    "false", or None when it has not been read."""
    values = frozenset(e.value_text or e.value or "" for e in finding.evidence[:2])
    return _readings().get((story, values))


def _keyed(annotation: Annotation, document: Document) -> Annotation:
    annotation.document = document.id
    return annotation


def _overlaps(a: tuple[int | None, int | None], b: tuple[int, int]) -> bool:
    return a[0] is not None and a[1] is not None and a[0] < b[1] and b[0] < a[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="topics 1-8 only")
    parser.add_argument("--per-story", type=int, default=4, help="changes tried per story")
    parser.add_argument("--seeds", default="7,8,9,10",
                        help="seeds that draw the changes, comma-separated (default: 7,8,9,10)")
    parser.add_argument("--embeddings", default="off", help="auto, off, or a model folder (default: off)")
    parser.add_argument("--sample", type=int, default=12, help="conflicts on unchanged stories to print (0: all)")
    parser.add_argument("--alarms-only", action="store_true",
                        help="only the unchanged stories: conflicts per story and speed, no changes, no build")
    args = parser.parse_args(argv)
    from corroborator.embeddings import load

    run(args.quick, args.per_story, [int(s) for s in args.seeds.split(",")], Console(width=140), embed=load(args.embeddings),
        sample=args.sample, alarms_only=args.alarms_only)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
