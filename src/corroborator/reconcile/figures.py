"""Story-wide figures and days: a count, an amount, a rank or a day several sources give alike, and the one
source that gives another.

Sentence alignment compares the figures of two sentences that say the same thing. Many figures sit
in sentences worded too differently to align: "the Indian navy captured 23 pirates" and "putting 49
pirates out of business". Here the story's figures are read by what they count and the words
around them instead: "pirates" beside "captured", "$ million" beside "heist". When at least two
independent sources give one figure, one other source gives a figure it contradicts, and nobody
else in the story gives that other figure, the sources disagree about it.

The rule stays narrow. Figures that several sources give otherwise are several figures (a toll
through the day, two players' points). A source that also gives the majority's figure there tells
of a second one. A sentence that says a figure rose or was revised tells of an update. Figures of
other times, places or people (`different_events`) are never held against each other, and a figure of
someone else is no second account that hides the odd one.

Days are read the same way, by the words around them ("host" beside "announced Friday" and "unveiled on
Monday"). A story runs over several days (the crime, the arrest, the statement), so a day needs three sources
before another day beside the same words stands out. Years are read the same way ("the 1967 slayings", "murdering two
women at an ice cream store in 1964"); only words of rescheduling ("postponed", "now set for") in the date's own
clause tell of a date moved.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from corroborator.model import Finding
from corroborator.reconcile.compare import (
    AGREEING,
    attribute,
    compare_values,
    could_be_one,
    counted,
    different_events,
    surname_written,
)
from corroborator.reconcile.findings import METHOD, evidence_of
from corroborator.reconcile.units import Unit, Value

MIN_WITNESSES = 3  # sources that must give a figure of the thing before one of them can stand out
# What a time frames, by its precision: a day (of the week, or resolved to the calendar), or a year (alone or with
# its month: "the 1967 slayings", "in October 2011").
TIME_FRAMES = {"weekday": "day", "day": "day", "year": "year", "month": "year"}
DAY_WITNESSES = 3  # sources that must give one time before another stands out (two raised false conflicts on ECB+)
MAX_EVIDENCE = 12  # sentences shown for the majority side
# A rank is a figure too, framed like the others by a word beside it: "the No. 5 seed".
FIGURE_KINDS = frozenset({"count", "money", "duration", "percent", "rank"})
# Words that tell of a figure revised, not contradicted: "the death toll rose to 23".
_REVISED = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|increased|jumped|reached|revised|updated|now|toll)\b", re.I)
# Words that tell of a date moved, not contradicted: "the vote was postponed to March", "now set for June 2". A
# toll's words ("rose", "now" alone) say nothing of a date: "is now accused of murdering two women in 1967".
_RESCHEDULED = re.compile(
    r"\b(?:postponed|rescheduled|moved|delayed|pushed\s+back|brought\s+forward|revised|updated|changed|"
    r"now\s+(?:be\s+)?(?:set|scheduled|planned|due|expected|slated))\b", re.I)


# A figure joined to its unit by a hyphen, as one that modifies a noun is written: "41-yard", "a one-yard".
_MODIFIER = re.compile(r"\w\s*-\s*[^\W\d_]+$")


@dataclass(slots=True)
class _Answer:
    """One figure as the sources give it: the first sentence giving it, and every source that does."""

    unit: Unit
    value: Value
    witnesses: set[str] = field(default_factory=set)


def _agree(first: Value, second: Value) -> bool:
    comparison = compare_values(first, second)
    return comparison is not None and comparison.relation in AGREEING


def _what(value: Value) -> str | None:
    """What a figure measures, as one label: the counted noun ("pirates"), an amount's currency, or the figure's
    kind. Sums in two currencies are two answers that never contradict each other ("85 million euros", "$108
    million"), so each currency is its own frame."""
    if value.kind == "count":
        what = counted(value)
        # A figure joined to its unit by a hyphen modifies a noun ("a 41-yard touchdown pass"): one play, not the
        # game's "364 yards".
        return f"{what} of one" if what and _MODIFIER.search(value.text) else what
    if value.kind == "money" and value.value:
        return f"money:{value.value.split()[-1]}"
    return value.kind


def _frames(units: list[Unit]) -> dict[tuple[str, str], dict[str, list[tuple[Unit, Value]]]]:
    """(what it measures, a word beside it) → witness → the sentences and figures."""
    frames: dict[tuple[str, str], dict[str, list[tuple[Unit, Value]]]] = defaultdict(lambda: defaultdict(list))
    for unit in units:
        for value in unit.values:
            if value.label:
                continue  # "Monday's quake", "the 2014 Oscars": the time names a thing
            what = (TIME_FRAMES.get(value.precision) if value.kind == "date"
                    else _what(value) if value.kind in FIGURE_KINDS else None)
            if what is None:
                continue
            for anchor in value.anchors:
                frames[(what, anchor)][unit.witness].append((unit, value))
    return frames


def figure_findings(units: list[Unit], already: Iterable[Finding] = ()) -> list[Finding]:
    """Conflicts where one source gives a figure that contradicts the one several other sources give."""
    reported = {(e.document, e.start) for f in already if f.verdict == "conflict" for e in f.evidence}
    given: dict[str, list[Value]] = defaultdict(list)  # witness → every figure it gives
    for unit in units:
        given[unit.witness].extend(v for v in unit.values if v.kind in FIGURE_KINDS or v.kind == "date")
    best: dict[tuple[str, int], tuple[Unit, Value, Value, list[tuple[Unit, Value]]]] = {}
    for _, by_witness in sorted(_frames(units).items()):
        if len(by_witness) < MIN_WITNESSES:
            continue
        for unit, value, reference, majority in _outliers(by_witness, given):
            key = (unit.document, value.start)
            if (unit.document, unit.start) not in reported and (key not in best or len(majority) > len(best[key][3])):
                best[key] = (unit, value, reference, majority)  # told once, beside the most sentences giving the figure
    return [_finding(*found) for _, found in sorted(best.items())]


def _answers(by_witness: dict[str, list[tuple[Unit, Value]]]) -> list[_Answer]:
    answers: list[_Answer] = []
    for witness, entries in sorted(by_witness.items()):
        for unit, value in entries:
            answer = next((a for a in answers if _agree(value, a.value)), None)
            if answer is None:
                answer = _Answer(unit, value)
                answers.append(answer)
            answer.witnesses.add(witness)
    return sorted(answers, key=lambda a: -len(a.witnesses))


def _outliers(by_witness: dict[str, list[tuple[Unit, Value]]], given: dict[str, list[Value]]):
    answers = _answers(by_witness)
    dominant = answers[0]
    least = DAY_WITNESSES if dominant.value.kind == "date" else 2
    if len(dominant.witnesses) < least or any(len(a.witnesses) > 1 for a in answers[1:]):
        return  # no one figure most sources give, or several figures several sources give
    reference = dominant.value
    majority = [(u, v) for w in sorted(dominant.witnesses) for u, v in by_witness[w] if _agree(v, reference)]
    # Another person's figure ("Dough mixer Andy Ryan, who has worked at the plant for nearly 30 years") is no
    # other account of this one, so it does not make the thing look told many ways.
    odd = [a for a in answers[1:] if (c := compare_values(a.value, reference)) is not None and c.relation == "conflict"
           and not all(_other_people(a.unit, u) for u, _ in majority)]
    if len(odd) != 1:
        return  # several other figures: the thing is told many ways (a toll through the day, early reports)
    (answer,) = odd
    (witness,) = answer.witnesses
    unit, value = answer.unit, answer.value
    if witness in dominant.witnesses or any(_agree(reference, v) for v in given[witness]):
        return  # the source gives the majority's figure too: a second figure of the thing (an earlier sentence)
    if any(_agree(value, v) for w, values in given.items() if w != witness for v in values):
        return  # another source gives this figure too, somewhere
    if value.kind == "date":
        if _rescheduled(unit, value) or any(_rescheduled(u, v) for u, v in majority):
            return  # a date moved
    elif _REVISED.search(unit.text) or any(_REVISED.search(u.text) for u, _ in majority):
        return  # a figure revised as reports came in
    # A majority sentence of another time, place or people tells of something else: it is no account of this
    # thing, neither for nor against the odd figure ("voters go to the polls Sunday in an election the West sees as a
    # test" is placed in the West); the rest must still be enough sources.
    majority = [(u, v) for u, v in majority if not (different_events(value, v, unit, u) or _other_people(unit, u))]
    if len({u.witness for u, _ in majority}) < least:
        return
    if value.kind != "count" and len(value.anchors & reference.anchors) < 2 and not any(
            _same_people(unit, u) for u, _ in majority):
        return  # a length of time or an amount needs more in common to be one figure: two words, or whose it is
    yield unit, value, reference, majority


def _rescheduled(unit: Unit, value: Value) -> bool:
    """Whether words of rescheduling stand in a date's own clause ("the vote was postponed to March"): words
    elsewhere in the sentence tell of something else ("the country voted Sunday …, but observers said nothing had
    changed")."""
    low, high = value.clause
    return bool(_RESCHEDULED.search(unit.text, max(0, low - unit.start), max(0, high - unit.start)))


def _people(unit: Unit) -> list[str]:
    return [unit.names[k] for k, kind in unit.keys.items() if kind == "person" and k in unit.names]


def _other_people(a: Unit, b: Unit) -> bool:
    """Whether two sentences both name people and none in common: "Thomas rushed for 63 yards", "Ivory rushed
    for 716 yards"."""
    first, second = _people(a), _people(b)
    if not (first and second) or any(could_be_one(x, y) for x in first for y in second):
        return False
    # A name the tagger missed in the other sentence is still written there ("Peyton Manning passed for …").
    return not any(surname_written(x, b.text) for x in first) and not any(surname_written(y, a.text) for y in second)


def _same_people(a: Unit, b: Unit) -> bool:
    """Whether two sentences name one person ("Yvonne Hiller", "Hiller")."""
    return any(could_be_one(x, y) for x in _people(a) for y in _people(b))


def _finding(unit: Unit, value: Value, reference: Value, majority: list[tuple[Unit, Value]]) -> Finding:
    sources = list(dict.fromkeys(u.source for u, _ in majority))
    comparison = compare_values(value, reference)
    explanation = (
        f"{unit.source} gives {value.text}, where {len(sources)} other sources ({', '.join(sources)}) give "
        f"{reference.text}: {comparison.explanation}; no other source gives {value.text}"
    )
    evidence = [evidence_of(unit, value.value, value.text)]
    evidence += [evidence_of(u, v.value, v.text) for u, v in majority[:MAX_EVIDENCE]]
    return Finding("conflict", unit.text, attribute(value), evidence, explanation, METHOD)
