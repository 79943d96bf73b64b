"""Story-wide figures and days: a count, an amount, a rank or a day several sources give alike, and the one
source that gives another.

Sentence alignment compares the figures of two sentences that say the same thing. Many figures sit
in sentences worded too differently to align: "the coast guard seized 14 trawlers" and "taking 31
trawlers out of the water". Here the story's figures are read by what they count and the words
around them instead: "trawlers" beside "seized", "$ million" beside "heist". When at least two
independent sources give one figure, one other source gives a figure it contradicts, and nobody
else in the story gives that other figure, the sources disagree about it.

The rule stays narrow. Figures that several sources give otherwise are several figures (a toll
through the day, two players' points). A source that also gives the majority's figure there, in a
sentence sharing words with theirs, tells of a second one; but a report giving the majority's day in one sentence
and another day beside the same words in another ("to open the harvest fair on Friday", "to open a harvest
fair Monday") dates one thing two ways, and its other day still stands out (as a lede day does). A sentence that
says a figure rose or was revised tells of an update. Figures of other times, places or people (`different_events`)
are never held against each other, and a figure of someone else is no second account that hides the odd one.

Days are read the same way, by the words around them ("host" beside "announced Friday" and "unveiled on
Monday"). A story runs over several days (the crime, the arrest, the statement), so a day needs three sources
before another day beside the same words stands out; a date written in full with its year ("December 15, 2013") does
not move with the story's days, so two sources writing it make another full date there stand out, and the same day
of the year with another year too, whatever words stand beside it. Years are read the same way ("the 1988
robberies", "robbing two banks on the coast road in 1986"); only words of rescheduling ("postponed", "now set
for") in the date's own clause tell of a date moved.

A report opens on its main event and the day of it, in its own words ("a fire on Tuesday destroyed the warehouse",
"flames gutted the old mill before dawn on Friday"): when three or more reports' ledes give one
day, the one lede that gives another, a day no other source gives, from a report that gives theirs nowhere, stands
out too (a report opening on a later step names the event's day, or tells of the event going on; naming the lede's
own thing by the others' day, "Sunday's election", is no later step, nor is a lede dating the verb the others' ledes
date, "rammed"); a lede's day naming a thing the others' ledes write of ("Monday night's fire") dates that event. Beside the same words, that day of the story needs only two sources
before another day there stands out. Reports date their news by the day it was said, too
("officials said Tuesday", "CNN reported Tuesday"): when three or more reports' opening sentences date that saying on
one day, the one dating it on another day stands out the same way; a saying is never set against an event's day.

A conflict over a time, found through one pair of sentences, also cites the other sources' sentences giving one of
its times beside a word of its sentences (`cite_same_values`): they tell the same thing in words of their own; a
conflict over a figure cites the same way.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from corroborator.model import Finding
from corroborator.reconcile.citing import cite_in_conflict
from corroborator.reconcile.compare import (
    AGREEING,
    attribute,
    compare_values,
    could_be_one,
    counted,
    dated_verbs,
    dimension,
    different_events,
    surname_written,
)
from corroborator.reconcile.findings import METHOD, evidence_of, of_last_week, one_day_of_the_year, written_as_bound
from corroborator.reconcile.units import TIME_KINDS, WEEKDAY, Unit, Value, written_words
from corroborator.verbs import NOT_EVENTS, REPORTING, verb_stem

MIN_WITNESSES = 3  # sources that must give a figure of the thing before one of them can stand out
# What a time frames, by its precision: a day (of the week, or resolved to the calendar), or a year (alone or with
# its month: "the 1967 slayings", "in October 2011").
TIME_FRAMES = {"weekday": "day", "day": "day", "year": "year", "month": "year"}
DAY_WITNESSES = 3  # sources that must give one time before another stands out (two raised false conflicts on ECB+),
# unless it is the day the ledes give the story (the main day of `figure_findings`), or a date written in full with
# its year set against another (`written_in_full`): then two
MAX_EVIDENCE = 12  # sentences shown for the majority side
# A rank is a figure too, framed like the others by a word beside it: "the No. 5 seed".
FIGURE_KINDS = frozenset({"count", "money", "duration", "percent", "rank"})
# Words that tell of a figure revised, not contradicted: "the death toll rose to 23".
_REVISED = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|increased|jumped|reached|revised|updated|now|toll)\b", re.I)
# Words that tell of a date moved, not contradicted: "the vote was postponed to March", "now set for June 2". A
# toll's words ("rose", "now" alone) say nothing of a date: "is now charged with robbing two banks in 1988".
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


def _gives(other: Value, value: Value) -> bool:
    """Whether a figure given elsewhere is `value` given again: one kind of figure, agreeing with it. A length is
    not given again by a bare number ("at least 50" hurt) nor a date; only by another length."""
    if other.kind != value.kind or dimension(other) != dimension(value):
        return False
    return _agree(value, other)


def _what(value: Value) -> str | None:
    """What a figure measures, as one label: the counted noun ("pirates"), an amount's currency, or the figure's
    kind. Sums in two currencies are two answers that never contradict each other ("60 million euros", "$66
    million"), so each currency is its own frame."""
    if value.kind == "count":
        what = counted(value)
        # A figure joined to its unit by a hyphen modifies a noun ("a 38-yard run"): one play, not the
        # game's "142 yards".
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
                continue  # "Monday's quake", "the 2014 Lanterns": the time names a thing
            what = (TIME_FRAMES.get(value.precision) if value.kind == "date"
                    else _what(value) if value.kind in FIGURE_KINDS else None)
            if what is None:
                continue
            for anchor in value.anchors:
                frames[(what, anchor)][unit.witness].append((unit, value))
            if written_in_full(value):
                # A date written in full is read beside its day of the year too, whatever the words around it: two
                # sources writing "8 October 2022" make a third's "8 October 2019" one date misstated.
                frames[(what, f"on {value.value[5:]}")][unit.witness].append((unit, value))
    return frames


def figure_findings(units: list[Unit], already: Iterable[Finding] = ()) -> list[Finding]:
    """Conflicts where one source gives a figure that contradicts the one several other sources give."""
    already = [f for f in already if f.verdict == "conflict"]
    reported = {(e.document, e.start) for f in already for e in f.evidence}
    given: dict[str, list[tuple[Unit, Value]]] = defaultdict(list)  # witness → every figure it gives, and where
    for unit in units:
        given[unit.witness].extend((unit, v) for v in unit.values if v.kind in FIGURE_KINDS or v.kind == "date")
    best: dict[tuple[str, int], tuple[Unit, Value, Value, list[tuple[Unit, Value]]]] = {}
    ledes = _ledes(units)
    lede_answers = _answers(ledes)
    main = _dominant(lede_answers, DAY_WITNESSES)  # the day of the story's main event, as its ledes give it
    for _, by_witness in sorted(_frames(units).items()):
        if len(by_witness) < MIN_WITNESSES:
            continue
        for unit, value, reference, majority in _outliers(by_witness, given, main and main.value):
            key = (unit.document, value.start)
            if (unit.document, unit.start) in reported and cite_in_conflict(
                    already, _finding(unit, value, reference, majority)):
                continue
            if key not in best or len(majority) > len(best[key][3]):
                best[key] = (unit, value, reference, majority)  # told once, beside the most sentences giving the figure
    sayings = _ledes(units, _saying_day)
    saying_answers = _answers(sayings)
    odd_ledes = list(_odd_lede_days(units, *_naming_ledes(units, ledes, lede_answers, main), given))
    odd_ledes += _odd_lede_days(units, sayings, saying_answers, _dominant(saying_answers, DAY_WITNESSES), given)
    for unit, value, reference, majority in odd_ledes:
        key = (unit.document, value.start)
        if (unit.document, unit.start) in reported and cite_in_conflict(
                already, _finding(unit, value, reference, majority)):
            continue
        if key not in best:
            best[key] = (unit, value, reference, majority)
    return [_finding(*found) for _, found in sorted(best.items())]


LEDE_SENTENCES = 5  # sentences at the top of a report where it tells its main event and the day of it
# Words that tell of an ongoing event's later day ("the hearing went on for a second day on Thursday").
_CONTINUED = re.compile(r"\b(?:continu\w*|resum\w*|again|(?:second|third|fourth|another|next)\s+(?:straight\s+)?"
                        r"(?:day|night))\b", re.I)
_YEAR_WRITTEN = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
LEDE_WORDS = 2  # words a report's lede must share with a lede giving the story's day to tell the same event


def _lede_day(units: list[Unit], events: frozenset[str] = frozenset()) -> tuple[Unit, Value] | None:
    """A report's main day: the first day its opening sentences give, unless it dates only a saying ("officials said
    Monday" tells when the news came, not when the event was), is a bound ("service is due back by Friday"), or is
    written with its year (a date of another time, "posted on Friday, April 3, 2015"); a day naming a thing
    ("Monday's quake") is passed over unless the thing is one of `events`, and a dateline ("Tue, 8 Mar 2016") is."""
    for unit in sorted(units, key=lambda u: u.start)[:LEDE_SENTENCES]:
        for value in sorted(unit.values, key=lambda v: v.start):
            if value.kind != "date" or TIME_FRAMES.get(value.precision) != "day":
                continue
            if value.label and not value.labelled & events:
                continue
            if _dateline(unit, value):
                break  # the report's stamp, not its lede: the lede comes after it
            if _YEAR_WRITTEN.search(value.text) or written_as_bound(unit, value):
                return None
            told = dated_verbs(unit, value) - _dialled(unit)
            if told and told <= NOT_EVENTS:
                return None
            return unit, value
    return None


_CALL = verb_stem("call")
_DIALLED = re.compile(r"\bcall(?:s|ed|ing)?\s+\d", re.I)


def _dialled(unit: Unit) -> set[str]:
    """The verb "call" when a sentence calls a number ("someone called 911 and reported a fire"): telephoning is a
    deed the story tells, not a saying or a naming ("called it a tragedy"), so it may date the event."""
    return {_CALL} if _DIALLED.search(unit.text) else set()


_LINE_WORDS = re.compile(r"[^\W\d_]+")
DATELINE_WORDS = 3  # words besides its date a line may have and still be only a dateline ("Tue Mar 8 2016, 14:05 hrs")


def _dateline(unit: Unit, value: Value) -> bool:
    """Whether a line is only a date written with its year, and a few words beside it (a weekday, a time of day, an
    outlet's initials): the stamp of a report's posting ("Tue, 8 Mar 2016"), which tells nothing that happened."""
    at, end = value.start - unit.start, value.end - unit.start
    rest = unit.text[:at] + " " + unit.text[end:]
    return bool(_YEAR_WRITTEN.search(value.text)) and len(_LINE_WORDS.findall(rest)) <= DATELINE_WORDS


def _saying_day(units: list[Unit]) -> tuple[Unit, Value] | None:
    """The day a report's opening sentences give for the saying of its news ("the Navy said Wednesday", "CNN reported
    Tuesday"), the first day there that dates only verbs of making something public: when the news came. Reports of
    one news date its saying alike, whatever the verb; a day written with its year, a bound or a day naming a thing
    is passed over."""
    for unit in sorted(units, key=lambda u: u.start)[:LEDE_SENTENCES]:
        for value in sorted(unit.values, key=lambda v: v.start):
            if value.kind != "date" or TIME_FRAMES.get(value.precision) != "day" or value.label:
                continue
            if _YEAR_WRITTEN.search(value.text) or written_as_bound(unit, value):
                continue
            told = dated_verbs(unit, value)
            if told and told <= REPORTING:
                return unit, value
    return None


def _ledes(units: list[Unit], day=None) -> dict[str, list[tuple[Unit, Value]]]:
    """Each source's reports' lede days (`_lede_day`), or the days `day` reads in their opening sentences."""
    by_document: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        by_document[unit.document].append(unit)
    ledes: dict[str, list[tuple[Unit, Value]]] = defaultdict(list)
    for members in by_document.values():
        if (found := (day or _lede_day)(members)) is not None:
            ledes[found[0].witness].append(found)
    return ledes


LEDE_SHARED = 2  # the ledes giving the story's day that must write a word for a day naming it to be the event's


def _naming_ledes(units: list[Unit], ledes: dict[str, list[tuple[Unit, Value]]], answers: list[_Answer],
                  main: _Answer | None):
    """The ledes, their answers and the main day again, now reading a day that names a thing as a report's lede day
    when the thing is a word LEDE_SHARED of the ledes giving the main day write: "the fire destroyed the mill
    Friday night" and "fire swept through the mill Friday" make "Monday night's fire at the mill" the report's
    day for the fire, the story's main event. Kept only when the same main day still stands."""
    if main is None:
        return ledes, answers, main
    majority = [u for w in main.witnesses for u, v in ledes[w] if _agree(v, main.value)]
    counts = Counter(word for u in majority for word in written_words(u.text))
    events = frozenset(word for word, n in counts.items() if n >= LEDE_SHARED)
    wider = _ledes(units, lambda members: _lede_day(members, events))
    wider_answers = _answers(wider)
    wider_main = _dominant(wider_answers, DAY_WITNESSES)
    if wider_main is None or not _agree(wider_main.value, main.value):
        return ledes, answers, main
    return wider, wider_answers, wider_main


def _odd_lede_days(units: list[Unit], ledes: dict[str, list[tuple[Unit, Value]]], answers: list[_Answer],
                   main: _Answer | None, given: dict[str, list[tuple[Unit, Value]]]):
    """The one report whose lede gives its main event another day than three or more reports' ledes give, a day no
    other source gives anywhere, while it gives theirs nowhere. Reports open on their main event and its day: a
    story's reports tell it in their own words ("the fire destroyed the warehouse Tuesday", "the warehouse burned to
    the ground Friday morning"), too far apart to align, yet the day in their ledes is the day of one event. A report
    that opens on a later step (the arraignment, a second day of testimony) names the event's day too, in a sentence
    of the ledes' matter, or tells of an event continuing; a lede of another matter shares no words with the
    others'. `ledes`: each source's (`_ledes`), `answers` the days they give, `main` the one three or more give
    (`_dominant`)."""
    if main is None or len(ledes) < DAY_WITNESSES + 1:
        return
    reference = main.value
    majority = [(u, v) for w in sorted(main.witnesses) for u, v in ledes[w] if _agree(v, reference)]
    events = _main_verbs(majority)
    for answer in answers[1:]:
        (witness,) = answer.witnesses
        unit, value = answer.unit, answer.value
        comparison = compare_values(value, reference)
        if comparison is None or comparison.relation != "conflict":
            continue
        if not _tells_main_event(unit, value, events) and any(
                _agree(reference, v) and not _names_the_lede(v, unit) and not _one_thing_two_days(u, v, unit, value)
                for u in units if u.witness == witness and _of_the_matter(u, majority)
                for v in u.values if v.kind == "date"):
            continue  # the report gives the main day too: its lede tells a later step (unless it tells the event)
        if any(_agree(value, v) for u in units if u.witness != witness for v in u.values
               if v.kind == "date" and not (written_as_bound(u, v) or of_last_week(v))):
            continue  # another source gives this day too (not as a bound, "until at least Monday", nor last week's)
        if _rescheduled(unit, value) or _CONTINUED.search(unit.text):
            continue
        if not _of_the_matter(unit, majority):
            continue  # a lede of another matter
        yield unit, value, reference, majority


MAIN_VERB_LEDES = 2  # ledes giving the story's day that must date one verb with it for that verb to be the main event


def _main_verbs(majority: list[tuple[Unit, Value]]) -> frozenset[str]:
    """The event verbs MAIN_VERB_LEDES or more sources' ledes date with the story's day ("drove their van into a
    watch shop on Monday"): the main event, in the ledes' words."""
    by_witness: dict[str, set[str]] = defaultdict(set)
    for unit, value in majority:
        by_witness[unit.witness] |= dated_verbs(unit, value) - NOT_EVENTS
    counts = Counter(verb for verbs in by_witness.values() for verb in verbs)
    return frozenset(verb for verb, n in counts.items() if n >= MAIN_VERB_LEDES)


_WORD = re.compile(r"[^\W\d_]+")
NEXT_WORDS = 3  # words either side of a day's own clause where a verb the parse does not tie to the day still is its


def _tells_main_event(unit: Unit, value: Value, events: frozenset[str]) -> bool:
    """Whether a lede tells the main event itself, not a later step: its day dates a verb of `events`, or, dating no
    event verb the parse finds, its own clause or the words just beside it write one ("Before dawn on Thursday,
    robbers drove a van through the front of a watch shop"). A report giving the story's day elsewhere
    then dates one event two ways; a lede of a later step dates its own verb ("was charged Thursday with driving …",
    "On Thursday, police charged a man with driving …")."""
    told = dated_verbs(unit, value) - NOT_EVENTS
    if told:
        return bool(told & events)
    low, high = (max(0, at - unit.start) for at in value.clause)
    near = (_WORD.findall(unit.text[:low])[-NEXT_WORDS:] + _WORD.findall(unit.text[low:high])
            + _WORD.findall(unit.text[high:])[:NEXT_WORDS])
    return bool({verb_stem(word) for word in near} & events)


SAME_THING_WORDS = 2  # words two days of one report must share around them to date one thing two ways


def _one_thing_two_days(unit: Unit, day: Value, other_unit: Unit, other: Value) -> bool:
    """Whether a report's two days, in two of its sentences, stand beside the same words: "on her way to open
    the harvest fair on Friday" and "driving out to open a harvest fair Monday" date one thing
    two ways, so the day the report gives with the other sources does not make its other day a second event or a
    later step. Two days in one sentence are two times ("voted Friday to rebuild the dairy that burned Tuesday")."""
    return (unit is not other_unit and day.kind == other.kind == "date"
            and len(day.anchors & other.anchors) >= SAME_THING_WORDS)


def _of_the_matter(unit: Unit, majority: list[tuple[Unit, Value]]) -> bool:
    """Whether a sentence tells of the matter the ledes giving the story's day tell: it shares LEDE_WORDS words or a
    name with one of them. A report giving that day in a sentence of another matter ("Moody's put Portugal's rating
    on review Wednesday" in a report of riots in Athens) does not give the main event that day."""
    return any(len(set(unit.words) & set(u.words)) >= LEDE_WORDS or unit.keys.keys() & u.keys.keys()
               for u, _ in majority)


def _shares_words(unit: Unit, majority: list[tuple[Unit, Value]]) -> bool:
    """Whether a sentence shares a word or a name with one of the majority's sentences."""
    return any(set(unit.words) & set(u.words) or unit.keys.keys() & u.keys.keys() for u, _ in majority)


def _names_the_lede(value: Value, lede: Unit) -> bool:
    """Whether a possessive day names the thing a report's lede tells ("go to the polls Wednesday in a parliamentary
    election", then "all the candidates in Sunday's election"): the report gives that one thing two days, and its
    lede's is no later step."""
    return value.label and bool(value.labelled & set(lede.words))


def _dominant(answers: list[_Answer], least: int) -> _Answer | None:
    """The one answer `least` or more sources give, when no other answer has two (`answers` most given first)."""
    if not answers or len(answers[0].witnesses) < least or any(len(a.witnesses) > 1 for a in answers[1:]):
        return None
    return answers[0]


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


def _outliers(by_witness: dict[str, list[tuple[Unit, Value]]], given: dict[str, list[tuple[Unit, Value]]],
              main: Value | None = None):
    answers = _answers(by_witness)
    first = answers[0].value
    least = 2 if first.kind != "date" or (main is not None and _agree(first, main)) or written_in_full(first) \
        else DAY_WITNESSES
    if (dominant := _dominant(answers, least)) is None:
        return  # no one figure most sources give, or several figures several sources give
    reference = dominant.value
    majority = [(u, v) for w in sorted(dominant.witnesses) for u, v in by_witness[w] if _agree(v, reference)]
    # Another person's figure ("Driver Rafe Lindell, who has driven for the depot for 22 years") is no
    # other account of this one, so it does not make the thing look told many ways.
    odd = [a for a in answers[1:] if (c := compare_values(a.value, reference)) is not None and c.relation == "conflict"
           and not all(_other_people(a.unit, u) for u, _ in majority)]
    if len(odd) != 1:
        return  # several other figures: the thing is told many ways (a toll through the day, early reports)
    (answer,) = odd
    (witness,) = answer.witnesses
    unit, value = answer.unit, answer.value
    if value.kind == "date" and not written_in_full(value) and not (main is not None and _agree(first, main)):
        least = DAY_WITNESSES  # two full dates fix the thing's date against another full date only, not a weekday
    if witness in dominant.witnesses or any(_gives(v, reference) and _shares_words(u, majority)
                                            and not _one_thing_two_days(u, v, unit, value) for u, v in given[witness]):
        # The source gives the majority's figure too, in a sentence sharing a word or a name with theirs: a second
        # figure of the thing (an earlier sentence). The figure in words of another matter ("remember the 12
        # summers I worked there") is no account of the thing, so it does not make the odd figure a second one.
        return
    if any(_gives(v, value) and not (v.kind == "date" and _agree(reference, v))
           for w, values in given.items() if w != witness for _, v in values):
        # Another source gives this figure too, somewhere; a date that meets both ("December 15" with no year, beside
        # "December 15, 2013" and "December 15, 2010") names the day without the year, and gives neither.
        return
    if value.kind == "date":
        if _rescheduled(unit, value) or any(_rescheduled(u, v) for u, v in majority):
            return  # a date moved
    elif _REVISED.search(unit.text) or any(_REVISED.search(u.text) for u, _ in majority):
        return  # a figure revised as reports came in
    # A majority sentence of another time, place or people tells of something else: it is no account of this
    # thing, neither for nor against the odd figure ("fans fill the stadium Sunday for a final the North sees as a
    # revenge" is placed in the North); the rest must still be enough sources.
    majority = [(u, v) for u, v in majority if not (different_events(value, v, unit, u) or _other_people(unit, u))]
    if len({u.witness for u, _ in majority}) < least:
        return
    if value.kind != "count" and len(value.anchors & reference.anchors) < 2 and not any(
            _same_people(unit, u) for u, _ in majority) and not one_day_of_the_year(value, reference):
        # A length of time or an amount needs more in common to be one figure: two words, or whose it is. One day of
        # the year written with two years ("December 15, 2013", "December 15, 2010") is one date misstated.
        return
    yield unit, value, reference, majority


def written_in_full(value: Value) -> bool:
    """Whether a time is a date written out with its day, month and year ("December 15, 2013"): unlike a weekday
    it does not move with the days a story runs over, so two sources writing it beside the same words fix the date
    of that thing."""
    return value.kind == "date" and value.precision == "day" and bool(_YEAR_WRITTEN.search(value.text))


def _rescheduled(unit: Unit, value: Value) -> bool:
    """Whether words of rescheduling stand in a date's own clause ("the vote was postponed to March"): words
    elsewhere in the sentence tell of something else ("the town voted Sunday …, but organisers said nothing had
    changed")."""
    low, high = value.clause
    return bool(_RESCHEDULED.search(unit.text, max(0, low - unit.start), max(0, high - unit.start)))


def _people(unit: Unit) -> list[str]:
    return [unit.names[k] for k, kind in unit.keys.items() if kind == "person" and k in unit.names]


def _other_people(a: Unit, b: Unit) -> bool:
    """Whether two sentences both name people and none in common: "Burke rushed for 63 yards", "Pratt rushed
    for 716 yards"."""
    first, second = _people(a), _people(b)
    if not (first and second) or any(could_be_one(x, y) for x in first for y in second):
        return False
    # A name the tagger missed in the other sentence is still written there ("Theo Walsh passed for …").
    return not any(surname_written(x, b.text) for x in first) and not any(surname_written(y, a.text) for y in second)


def _same_people(a: Unit, b: Unit) -> bool:
    """Whether two sentences name one person ("Dana Miller", "Miller")."""
    return any(could_be_one(x, y) for x in _people(a) for y in _people(b))


def cite_same_values(findings: list[Finding], units: list[Unit], common: frozenset[str] = frozenset()) -> None:
    """A conflict over a time, or over a figure, cites, from each source it does not cite yet, a sentence giving one of
    its sides' values beside a word its sentences write by theirs (`common` words left out): "his deadly 2022 rampage"
    stands with "a March 2022 rampage in the courthouse" against "a March 2019 rampage in the courthouse". A conflict
    is found through one pair of sentences, but the odd value stands against every report that gives the other there;
    a time naming a thing ("Monday's quake") is no time of it. A sentence naming a person both sides' sentences name,
    and writing one of their words anywhere or naming a thing they name, is cited for the side whose value it gives,
    whatever words stand by it: "Edith Vance, the number 2 man at the Bureau" stands with "Vance, the No. 2 official
    at the Bureau" against "Vance, the No. 3 official at the Bureau"."""
    at = {(unit.document, unit.start): unit for unit in units}
    for finding in findings:
        if finding.verdict != "conflict":
            continue
        sides = [(unit, value) for e in finding.evidence if (unit := at.get((e.document, e.start))) is not None
                 for value in unit.values if value.text == e.value_text
                 and (value.kind in TIME_KINDS or value.kind in FIGURE_KINDS)]
        if len(sides) < len(finding.evidence) or len({value.kind in TIME_KINDS for _, value in sides}) > 1:
            continue  # not a conflict over times alone, or over figures alone
        words = frozenset().union(*(value.anchors for _, value in sides)) - common
        people = _people_of_both_sides(sides)
        things = {key for unit, _ in sides for key, kind in unit.keys.items() if kind != "person"}
        cited = {e.document for e in finding.evidence}
        found = []
        for unit in units:
            if unit.document in cited:
                continue
            # A sentence naming the person the sides' sentences both name, and writing a word of theirs anywhere or
            # naming a thing they name, tells the same deed of them ("signed Dario Venn Wednesday" with "replaced him
            # by signing Dario Venn"; "the number 2 man at the agency" with "the No. 3 official at the agency").
            named = any(could_be_one(x, y) for x in people for y in _people(unit)) and bool(
                written_words(unit.text) & words or unit.keys.keys() & things)
            for value in unit.values:
                if not value.label and (value.anchors & words or named) and any(
                        _gives_side(value, side) for _, side in sides):
                    found.append(evidence_of(unit, value.value, value.text))
                    cited.add(unit.document)
                    break
        if found:
            cite_in_conflict([finding], Finding("conflict", finding.statement, finding.attribute,
                                                [finding.evidence[0], *found], finding.explanation, METHOD))


def _gives_side(value: Value, side: Value) -> bool:
    """Whether a value gives a conflict's side again: a day of the week and a date agree with no day in common
    ("Saturday", "October 8, 2011"), so only a weekday gives a weekday again; a figure gives one of the same
    measure ("No. 2" a rank, "23 pirates" a count of pirates)."""
    if side.kind in TIME_KINDS:
        return value.kind == "date" and (value.precision == WEEKDAY) == (side.precision == WEEKDAY) and _agree(
            value, side)
    return value.kind in FIGURE_KINDS and _what(value) == _what(side) and _agree(value, side)


def _people_of_both_sides(sides: list[tuple[Unit, Value]]) -> list[str]:
    """The people the first side's sentence names that a sentence giving another time names too."""
    if not sides:
        return []
    first, day = sides[0]
    others = [name for unit, value in sides[1:] if unit is not first and not _agree(value, day)
              for name in _people(unit)]
    return [name for name in _people(first) if any(could_be_one(name, other) for other in others)]


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
