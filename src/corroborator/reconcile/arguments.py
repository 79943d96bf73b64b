"""Story-wide roles: who did it and when, as every source tells it, and the one source that tells it otherwise.

Sentence alignment finds contradictions between two sentences that say the same thing. Many
contradictions sit in sentences worded too differently to align: "Actress Lena Morrow entered
Harbourton Rest" and "Marta Quillon has entered the Harbourton Rest clinic". Here the story's sentences are
read by role instead: for each verb and role (the subject of "enter", the time of "die"), what
each source names. When at least two independent sources name one person (or day), and exactly
one other source names someone (or a day) that none of them does, in that same role and
nowhere else in the story, the sources disagree about that role of the event.

The rule is deliberately narrow: a role that several sources fill differently (people hired,
several days of a trial) is not one role of one event, a sentence that lists several names in
a role is a list, reporting verbs ("said", "told") are not events (but whom someone "asked" to do something
is a request's role), whom "killed" takes as object is who "died" ("gunmen killed Mara Quinn", "Mara Quinn
died": one role, the person who died), whom "named", "nominated" or "picked" takes as object is whom "hired"
does ("was named coach", "nominated Mara Quinn as surgeon general"), and another day for a verb
counts only in a sentence that names whom the others make its subject or object ("a climber who
fell on Friday" is not "Rowan Hale fell on Saturday").

With only two sources filling a person's role, neither is a majority; they still disagree when each names someone
only it names, in a sentence naming no one else and telling the rest alike (three content words in common, no
other day for the verb, no other figures).

One person under several names ("Carl Dunmore", "W. Carl Dunmore", "Dunmore") is one answer. A source
that elsewhere gives the majority's answer itself usually tells of a second event, but not when
the other person is named in that one sentence only, by no other source, in no other year: a
stranger in the role its own report gives to someone else.

A time is also read by who acted: "the coast guard seized 14 trawlers on Saturday", "the coast
guard stopped a raid on Saturday" and "the coast guard on Tuesday held 14 trawlers" give three
days to one party's deeds, whatever the verbs, and the same rule picks out the one day that stands
alone. One party does several things on several days, so here the majority needs three sources,
and a day of announcing ("announced last week") is left out. A participle that opens a clause of its
own ("…, stopping the former champion on Tuesday") is done by the sentence's one subject.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from corroborator.annotate.roles import in_another_event
from corroborator.model import Evidence, Finding
from corroborator.reconcile.citing import cite_in_conflict
from corroborator.reconcile.compare import (
    AGREEING,
    compare_values,
    could_be_one,
    figures_differ,
    may_be_one,
    may_be_one_person,
    name_words,
    same_counts,
    spelled_alike,
    zone_apart,
)
from corroborator.reconcile.findings import METHOD, evidence_of
from corroborator.reconcile.units import WEEKDAYS, Argument, Unit, content_words, weekday_of
from corroborator.verbs import NOT_EVENTS, verb_stem

MIN_WITNESSES = 3  # sources that must fill the role before one of them can stand out
MANY_DAYS_SUPPORT = 2  # sources for the most given day, per other day, beyond two, before lone other days stand out
DOER_SUPPORT = 3  # sources that must agree on when one party acted, whatever the verbs, before another day stands out
ONE_AGAINST_ONE_SHARED = 3  # content words two lone sources' sentences share, besides the names, to tell one thing
MAX_EVIDENCE = 12  # sentences shown for the majority side
QUOTE_WORDS = 12  # words that tell one quoted statement from another
_WORDS = re.compile(r"[^\W\d_]{2,}")
_DAYS = tuple(day.casefold() for day in WEEKDAYS)
_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
_EARLIER_CLAUSE = re.compile(r"\b(?:after|before|since|until|when|while)\s+(?:\S+\s+){0,3}$", re.I)
# What comes before a participle that opens a clause of its own, done by the sentence's subject: a comma, or a
# word like "after" ("after checking in").
_CLAUSE_OPENING = r"(?:,|\b(?:after|before|while|since|by|when|upon|without))"
_ASK = verb_stem("asked")
_DEATH = verb_stem("died")
_APPOINTMENT = verb_stem("hired")
# Verbs whose object is whom a post went to, news using them interchangeably for one appointment: whom a president
# "named", "nominated" or "picked" ("chose", "tapped") and whom a club "hired" ("appointed") is one appointee.
_APPOINTING = frozenset(verb_stem(w) for w in ("named", "nominated", "picked", "hired"))
_KILLING = frozenset({"kill", "kills", "killed", "killing"})  # a death's verbs whose subject is who caused it
DIED = "died"  # the role of whom a death's verb tells died, subject of "died" or object of "killed"
_WEEKDAY_WORD = re.compile(r"\b(?:" + "|".join(_DAYS) + r")\b", re.I)
# Verbs whose subject is whoever made something public: several parties do, so who did is no contradiction
# (when it happened still is one).
ANNOUNCING = frozenset(verb_stem(w) for w in """announce announced confirm confirmed warn warned urge urged insist
    insisted deny denied reveal revealed tweet tweeted post posted""".split())


def _weekday(argument: Argument) -> int | None:
    """The day of the week a time names or falls on, when it says."""
    if argument.value is not None:
        return weekday_of(argument.value)
    words = argument.text.casefold().split()
    found = [_DAYS.index(w) for w in words if w in _DAYS]
    return found[0] if len(found) == 1 else None


def _filler(argument: Argument) -> str | None:
    """What fills the role, as one comparable label: an entity key, a day, or a day of the week."""
    if argument.kind != "time":
        return argument.key
    if argument.value is not None:
        return argument.value.value
    weekday = _weekday(argument)
    return None if weekday is None else f"weekday:{_DAYS[weekday]}"


def _one_name(kind: str, first: str, second: str) -> bool:
    """Whether two names may be one entity's, a name spelled two ways ("Varn", "Varne") included."""
    return may_be_one(kind, first, second) or spelled_alike(first, second)


def _agree(first: Argument, second: Argument) -> bool:
    """Whether two fillers of one role can be the same person, place (or one within the other) or time;
    a name spelled two ways ("Varn", "Varne") is one name here."""
    if first.kind != "time":
        return first.key == second.key or _one_name(first.kind, first.text, second.text)
    if first.value is not None and second.value is not None:
        comparison = compare_values(first.value, second.value)
        return comparison is None or comparison.relation != "conflict"
    dated = first if first.value is not None else second
    if ((first.value is None) != (second.value is None) and _YEAR.search(dated.text)
            and not _WEEKDAY_WORD.search(dated.text)):
        return True  # a date written with its year is rarely this week's: "scored his first basket on Nov. 19, 2005"
    a, b = _weekday(first), _weekday(second)
    if a is None or b is None or a == b:
        return True
    return zone_apart(first.text, WEEKDAYS[a], second.text, WEEKDAYS[b]) or zone_apart(
        second.text, WEEKDAYS[b], first.text, WEEKDAYS[a])  # "03:15 GMT Friday" may be Thursday where it happened


def _frames(units: list[Unit]) -> dict[tuple[str, str, str], dict[str, list[tuple[Unit, Argument]]]]:
    """(verb stem, role, kind) → witness → the sentences and arguments that fill it; lists left out."""
    frames: dict[tuple[str, str, str], dict[str, list[tuple[Unit, Argument]]]] = defaultdict(lambda: defaultdict(list))
    for unit in units:
        here: dict[tuple[str, str | None, str, str], list[Argument]] = defaultdict(list)
        # Words several outlets quote are one witness's, whoever they credit them to: one statement, known
        # by its first words.
        quoted = [(words, " ".join(_WORDS.findall(words.casefold())[:QUOTE_WORDS])) for words in (
            unit.text[max(q.start - unit.start, 0):q.end - unit.start] for q in unit.quotes
            if q.kind in ("speech", "written"))]
        for argument in unit.arguments:
            if (argument.stem in NOT_EVENTS and not _asked_to(unit, argument)) or _filler(argument) is None:
                continue
            if argument.role == "office":
                continue  # a story has many coaches and directors (a Hall of Fame coach, the other team's manager)
            if in_another_event(argument.role):
                continue  # "after placing Owen Pratt on injured reserve": an event before the one told
            if argument.kind != "time" and argument.stem in ANNOUNCING:
                continue
            if _role(argument) == DIED and re.search(rf"\balso\s+{re.escape(argument.verb)}\b", unit.text, re.I):
                continue  # "mobsters Ivo Brask and Lev Moran also died there": more deaths beside the one told
            quote = next((statement for words, statement in quoted if argument.text in words), None)
            here[(_stem(argument), quote, _role(argument), argument.kind)].append(argument)
            if argument.kind == "time" and quote is None and argument.stem not in ANNOUNCING:  # when its subject did it
                for doer in _doers(unit, argument):
                    here[(f"@{doer.key}", None, "time", "time")].append(argument)
        for (stem, quote, role, kind), arguments in here.items():
            if len({_filler(a) for a in arguments}) == 1:  # several names in one role of one sentence: a list
                voice = unit.witness if quote is None else f"quoted: {quote}"
                frames[(stem, role, kind)][voice].append((unit, arguments[0]))
    return frames


def _stem(argument: Argument) -> str:
    """The verb's stem as the event has it: whom a team or a president "named" coach, "nominated" or "picked" is
    whom they hired ("named Mara Quinn coach", "nominated Mara Quinn", "hired Mara Quinn"); who did it is left
    apart (a president nominates, a club hires)."""
    return _APPOINTMENT if argument.stem in _APPOINTING and argument.role != "subject" else argument.stem


def _role(argument: Argument) -> str:
    """The role a name fills, as the event has it: whom "killed" takes as object and whom "died" (or "passed away")
    takes as subject are one role, the person who died ("gunmen killed Mara Quinn", "Mara Quinn died")."""
    if argument.stem == _DEATH and (
            (argument.role == "object" and argument.verb.casefold() in _KILLING)
            or (argument.role == "subject" and argument.verb.casefold() not in _KILLING)):
        return DIED
    return argument.role


def _asked_to(unit: Unit, argument: Argument) -> bool:
    """Whether a name is whom someone asked to do something ("The mayor has asked Dr Mara Quinn to be health
    commissioner"): a request put to them is an event of the story, where a question put to them is saying."""
    return argument.role == "object" and argument.stem == _ASK and bool(re.search(
        rf"\b{re.escape(argument.verb)}\b[^.;:]*?{re.escape(argument.text)}[^.;:]*?\bto\s+[a-z]+", unit.text))


def _doers(unit: Unit, time: Argument) -> list[Argument]:
    """Who did what a time dates: the subject of its verb, or, for a participle opening a clause of its own
    ("Solano beat Ray Tolliver in the final, ending the holder's run on Saturday"; "after
    signing in on Thursday, Halloran entered the race"), the one person or organisation that is the subject of
    the sentence's other verbs."""
    def acting(argument: Argument) -> bool:
        return (argument.role == "subject" and argument.key is not None and argument.kind in ("person", "org")
                and argument.stem not in NOT_EVENTS)
    own = [a for a in unit.arguments if a.stem == time.stem and a.verb == time.verb and acting(a)]
    if own or not time.verb.endswith("ing") or not re.search(rf"{_CLAUSE_OPENING}\s+{re.escape(time.verb)}\b",
                                                             unit.text, re.I):
        return own  # "the crowd was stopping traffic", "the man stopping traffic": the participle has a doer of its own
    others = {a.key: a for a in unit.arguments if acting(a)}
    return list(others.values()) if len(others) == 1 else []


def argument_findings(units: list[Unit], already: Iterable[Finding] = ()) -> list[Finding]:
    """Conflicts where one source fills a role of the story's event differently from the sources that agree on it."""
    named_by: dict[str, set[str]] = defaultdict(set)  # a name as written → the sources that write it
    for unit in units:
        for name in unit.names.values():
            named_by[name].add(unit.witness)
    already = [f for f in already if f.verdict == "conflict"]
    reported = {(e.document, e.start) for f in already for e in f.evidence}
    findings = []
    for (stem, _, kind), by_witness in sorted(_frames(units).items()):
        if len(by_witness) < MIN_WITNESSES:
            if len(by_witness) == 2 and kind == "person":
                findings += [f for f in _one_against_one(by_witness, named_by, units)
                             if not {(e.document, e.start) for e in f.evidence} & reported]
            continue
        # One party's deeds fall on several days (walked the red carpet on Tuesday, announced a tour last
        # week): a day stands out among them only against three sources or more.
        for finding in _outliers(by_witness, named_by, units, DOER_SUPPORT if stem.startswith("@") else 2):
            if (finding.evidence[0].document, finding.evidence[0].start) not in reported:
                findings.append(finding)
            else:
                cite_in_conflict(already, finding)
    return findings


def _outliers(by_witness: dict[str, list[tuple[Unit, Argument]]], named_by: dict[str, set[str]],
              units: list[Unit], least: int = 2) -> list[Finding]:
    answers = _answers(by_witness)
    dominant = answers[0]
    support = len(dominant.witnesses)
    if support < least or (len(answers) > 1 and len(answers[1].witnesses) == support):
        return []  # no single answer most sources give
    reference = dominant.argument
    # A source that also gives the majority's answer tells of a second event beside it (the quake on
    # Sunday, an aftershock on Monday): its other answer does not make the role one filled many ways.
    odd = [answer for answer in answers[1:] if not _agree(answer.argument, reference) and (
        _named_once(answer, units, by_witness) or not all(_gives(by_witness[w], reference) for w in answer.witnesses))]
    if any(1 < answer.spelled_most and 2 * answer.spelled_most >= support for answer in odd):
        return []  # several sources give another answer too, near as many as the most given: filled many ways
    if reference.kind == "time" and len(odd) != 1 and not (
            odd and all(len(a.witnesses) == 1 for a in odd) and support >= MANY_DAYS_SUPPORT * len(odd) + 2):
        return []  # several days for one role: more than one event (a trial's days, a tour's dates); unless the
        # other days are each one source's, far outnumbered (six sources say Carl Dunmore died on Thursday, one says
        # Friday, one Sunday)
    findings = []
    for answer in odd:
        if len(answer.witnesses) > 1:
            continue  # "Brask" in one source, "Harold Brask" in another: not one source alone
        (witness,) = answer.witnesses
        unit, argument = answer.unit, answer.argument
        if argument.kind != "time" and _named_elsewhere(argument.text, unit.witness, named_by):
            continue  # other sources name this one too, in some other role
        if argument.kind == "person" and any(_other_figures(unit, u) for w, entries in by_witness.items() if w != witness
                                             for u, a in entries if _agree(a, reference)):
            continue  # "Pratt had missed three games", "Doyle missed four games": two players, two lines of figures
        if argument.kind == "time" and not _names_whose(unit, argument, by_witness, witness):
            continue  # "a climber who fell on Friday" is not the Rowan Hale the others say fell on Saturday
        findings.append(_finding(unit, argument, witness, reference, by_witness))
    return findings


def _other_figures(unit: Unit, other: Unit) -> bool:
    """Whether a sentence counts a noun otherwise than another does, none of the other's counts of it the same
    ("three games" against "four games"); a count the other also gives among others ("two suspended bans" against
    "five suspended bans and two bans for life") is one the two share."""
    counts: dict[int, list] = defaultdict(list)
    for x, _, comparison in same_counts(unit, other):
        counts[id(x)].append(None if comparison is None else comparison.relation)
    return any("conflict" in relations and "equal" not in relations for relations in counts.values())


def _one_against_one(by_witness: dict[str, list[tuple[Unit, Argument]]], named_by: dict[str, set[str]],
                     units: list[Unit]) -> list[Finding]:
    """Two sources alone fill a person's role of one verb, each with someone only it names (a relative who shares a
    surname, "Luca Ricci", is someone else), in sentences that name no one else and share the rest of what they
    tell: "Dr Aldo Ricci is presumed dead after vanishing from a ridge on Mt Corran" against "Piet Varga has
    been presumed dead after slipping from Mount Corran". No majority says who, but the two reports disagree."""
    entries = [e for w, e in sorted(by_witness.items())]
    if any(len(e) != 1 for e in entries):
        return []
    (first, a), (second, b) = entries[0][0], entries[1][0]
    if a.key is None or b.key is None or _agree(a, b):
        return []
    for unit, argument in ((first, a), (second, b)):
        if (any(argument.key in u.keys and u.witness != unit.witness for u in units)
                or any(may_be_one_person(argument.text, name) for name, sources in named_by.items()
                       if sources - {unit.witness} and set(name_words(name)) & set(name_words(argument.text)))
                or sum(kind == "person" for kind in unit.keys.values()) != 1):
            return []  # someone the other source names too, or a sentence naming several people
    times = [[t for t in u.arguments if t.kind == "time" and t.stem == x.stem] for u, x in ((first, a), (second, b))]
    if any(not _agree(t, u) for t in times[0] for u in times[1]) or figures_differ(first, second):
        return []  # two players placed on injured reserve, on Tuesday and on Wednesday: two events
    names = set(content_words(f"{a.text} {b.text}"))
    if len((set(content_words(first.text)) & set(content_words(second.text))) - names) < ONE_AGAINST_ONE_SHARED:
        return []
    role = f"“{a.role[5:]}” object" if a.role.startswith("prep:") else a.role
    role = f"{role} of “{a.verb}”" if _role(a) != DIED else f"one who died (“{a.verb}”)"
    explanation = (f"{second.source} names {b.text} as the {role}, where {first.source} names {a.text}; no other "
                   f"source names either, and neither names the other's")
    evidence = [_evidence(second, b), _evidence(first, a)]
    return [Finding("conflict", second.text, "person", evidence, explanation, METHOD)]


@dataclass(slots=True)
class _Answer:
    """One way the sources fill a role: a person under all the names they write ("Carl Dunmore", "W. Carl Dunmore",
    "Dunmore"), or one day, with the sources that give it and its first sentence."""

    unit: Unit
    argument: Argument
    witnesses: set[str] = field(default_factory=set)
    spelled_most: int = 0  # the sources that give it under its most given name


_ONE_UNDER_NAMES = frozenset({"person", "time"})  # kinds whose agreeing fillers are one answer; "Democratic Party"
# and "Communist Party" share a word but are two parties


def _answers(by_witness: dict[str, list[tuple[Unit, Argument]]]) -> list[_Answer]:
    """The role's answers, the one most sources give first; a filler joins the first, most given answer it
    agrees with."""
    first_of: dict[str, tuple[Unit, Argument]] = {}
    witnesses: dict[str, set[str]] = defaultdict(set)
    for witness, entries in by_witness.items():
        for unit, argument in entries:
            label = _filler(argument)
            witnesses[label].add(witness)
            first_of.setdefault(label, (unit, argument))
    answers: list[_Answer] = []
    for label in sorted(witnesses, key=lambda label: (-len(witnesses[label]), label)):
        unit, argument = first_of[label]
        answer = next((a for a in answers if argument.kind in _ONE_UNDER_NAMES and _agree(argument, a.argument)), None)
        if answer is None:
            answer = _Answer(unit, argument)
            answers.append(answer)
        answer.witnesses |= witnesses[label]
        answer.spelled_most = max(answer.spelled_most, len(witnesses[label]))
    return sorted(answers, key=lambda answer: -len(answer.witnesses))


def _named_once(answer: _Answer, units: list[Unit], by_witness: dict[str, list[tuple[Unit, Argument]]]) -> bool:
    """Whether a person is named in one sentence of one source only, a sentence of no year but the story's."""
    if answer.argument.kind != "person" or len(answer.witnesses) != 1:
        return False
    years = {year for w, entries in by_witness.items() if w not in answer.witnesses
             for u, _ in entries for year in _YEAR.findall(u.text)}
    if set(_YEAR.findall(answer.unit.text)) - years:
        return False  # "the record set by Vic Orme of the Lancers in 1961": another time's deed
    at = answer.unit.text.find(answer.argument.text)
    if at >= 0 and _EARLIER_CLAUSE.search(answer.unit.text[:at]):
        return False  # "after Luca Ferri was placed on injured reserve": a deed before the one told
    return sum(answer.argument.key in u.keys for u in units) == 1


def _gives(entries: list[tuple[Unit, Argument]], reference: Argument) -> bool:
    """Whether a source fills the role, somewhere, as the majority does."""
    return any(_agree(a, reference) for _, a in entries)


def _names_whose(unit: Unit, argument: Argument, by_witness: dict[str, list[tuple[Unit, Argument]]], witness: str) -> bool:
    """Whether a sentence giving another time for a verb names whom the verb is about, as the other sources do:
    the people they make its subject or object; True when they name nobody there."""
    people = {
        (x.key, x.text) for w, entries in by_witness.items() if w != witness for u, _ in entries for x in u.arguments
        if x.stem == argument.stem and x.role in ("subject", "object") and x.kind == "person" and x.key
    }
    if not people:
        return True
    if (not any(kind == "person" for kind in unit.keys.values()) and len(by_witness) > 3
            and all(_one_name("person", text, other) for _, text in people for _, other in people)
            and not re.search(rf"\b(?:a|an|another|one)\s+(?:[\w-]+\s+){{0,3}}(?:who|that)\s+(?:\w+\s+)?"
                              rf"{re.escape(argument.verb)}\b", unit.text, re.I)):
        return True  # "the Million Dollar Mermaid ... died Sunday": nobody named, the others name one person only,
        # and no "a climber who fell on Friday" (somebody else)
    return any(key in unit.keys or any(could_be_one(text, name) for name in unit.names.values()) for key, text in people)


def _named_elsewhere(name: str, witness: str, named_by: dict[str, set[str]]) -> bool:
    """Whether a source other than `witness` names someone who may be `name` ("Tolliver", "Ray Tolliver")."""
    words = set(_WORDS.findall(name.casefold()))
    return any(
        (words & set(_WORDS.findall(other.casefold()))) and could_be_one(name, other)
        for other, sources in named_by.items() if sources - {witness}
    )


def _cited_as(filler: Argument, reference: Argument) -> bool:
    """Whether a filler agreeing with the story's answer is cited as giving it: a relative the answer shares a
    surname with ("His wife, Ruth Vance, died in 1999" beside "Harold Vance died Thursday") is not."""
    return filler.kind != "person" or filler.key == reference.key or may_be_one_person(filler.text, reference.text)


def _finding(unit: Unit, argument: Argument, witness: str, reference: Argument, by_witness) -> Finding:
    majority = [(u, a) for w, entries in sorted(by_witness.items()) if w != witness
                for u, a in entries if _agree(a, reference) and _cited_as(a, reference)]
    sources = list(dict.fromkeys(u.source for u, _ in majority))
    role = f"“{argument.role[5:]}” object" if argument.role.startswith("prep:") else argument.role
    role = f"{role} of “{argument.verb}”" if _role(argument) != DIED else f"one who died (“{argument.verb}”)"
    if argument.kind == "time":
        explanation = (
            f"{unit.source} gives {argument.text} as the time of “{argument.verb}”, where {len(sources)} other "
            f"sources ({', '.join(sources)}) give {reference.text}"
        )
        if argument.value is not None and reference.value is not None:
            comparison = compare_values(argument.value, reference.value)
            if comparison is not None and comparison.relation not in AGREEING:
                explanation += f": {comparison.explanation}"
        attribute = "date"
    else:
        explanation = (
            f"{unit.source} names {argument.text} as the {role}, where {len(sources)} other sources "
            f"({', '.join(sources)}) name {reference.text}; no other source names {argument.text}"
        )
        if _gives(by_witness[witness], reference):
            explanation += f"; {unit.source} itself names {reference.text} in that role elsewhere"
        attribute = argument.kind
    evidence = [_evidence(unit, argument)] + [_evidence(u, a) for u, a in majority[:MAX_EVIDENCE]]
    return Finding("conflict", unit.text, attribute, evidence, explanation, METHOD)


def _evidence(unit: Unit, argument: Argument) -> Evidence:
    value = argument.value.value if argument.value is not None else (argument.key or argument.text)
    return evidence_of(unit, value, argument.text)
