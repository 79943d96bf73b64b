"""Profiles: one source gives a stranger the description the other sources give one person.

A misnamed person keeps the rest of what the report says about them: "Dana Kowalczyk, the 1950s
cabaret singer who filled the dance halls of Port Alder, has died" against "Esther Quillon,
the cabaret singer whose records sold in every harbour town, has died"; "Dr Ines Halvorsen, 43, is
presumed dead" against "Dr Aldo Ricci, 43". The sentences may be worded too differently to align,
but the description travels with the person. Here each person's profile is read off the words
written beside their name — the age ("Aldo Ricci, 43,", "a 15-year-old boy, Tomas") and the
describing noun phrase of the apposition ("the Australian actor", "a night nurse", "who was a mother of 11"),
after the name, between commas or dashes, or set off before it ("the Ledger's medical correspondent, Dr. Ilse
Varga"); a noun with its count ("a mother of 11") tells one person apart as an age does — and a
person only one source names is set against the widely named person whose profile theirs matches.

Whose someone is travels with the person too: "Quillon's publicist, Ned Carrow" against two sources that give
"publicist Ned Carrow" beside Mara Quinn gives her publicist to a stranger (`client_findings`).

The rule is narrow: only a lone name (no other source writes anything that could be it) in a
sentence that does not name the person it stands for, and never someone the parse makes only a
speaker; only a match on an equal age, or on two describing words, that the other sources give
that person and give no other widely named person, and that no other person fits as well; an age
that differs, or a description with no word in common, rules a match out ("Ada Pell, 52, a
night nurse" is not the injured driver of 52); words that say only what many people in a
story are (a spokesman, a police officer) describe nobody.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from corroborator.model import Finding
from corroborator.reconcile.compare import may_be_one_person, name_words
from corroborator.reconcile.standins import (
    People,
    _common_words,
    lone_and_widely,
    only_speaker,
    person_conflict,
)
from corroborator.reconcile.units import Unit, content_words

_LETTERS = re.compile(r"[^\W\d_]+")
MIN_MATCH = 2  # describing words in common, or one equal age
AGE_WEIGHT = 2  # an equal age tells one person from the rest of a story as well as two describing words
MAX_COUNTERPARTS = 3  # sentences shown for the person the other sources describe so
_APPOSITION = re.compile(r"\s*,\s*([^,.;:()“”\"]{1,90})")
# An apposition set off by dashes ("Mireille Holt — who was a mother of 11 — was hit"; " - " in tokenised text).
_DASHED = re.compile(r"\s*(?:[–—]|\s-\s)\s*([^,.;:()“”\"–—]{1,90}?)\s*(?:[–—]|\s-\s|,)")
_WHO_WAS = re.compile(r"who\s+(?:is|was)\s+", re.I)  # "who was a mother of 11" describes as "a mother of 11" does
# How many someone is the parent of, or the like, after the noun: "a mother of 11", "a father of three".
_OF_COUNT = re.compile(r"\s+of\s+(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b", re.I)
_NUMBER_WORDS = {w: str(i) for i, w in enumerate("two three four five six seven eight nine ten eleven twelve".split(), 2)}
_AGE_AFTER = re.compile(r"^(?:(?:aged?|age of)\s+)?(\d{1,3})$", re.I)
# An age opening an apposition: "Martin Oakes, a 38-year-old Eastfield resident".
_AGE_OPENING = re.compile(r"^((?:the|an?)\s+)(\d{1,3})\s*-\s*year\s*-\s*old\s+", re.I)
_AGE_BEFORE = re.compile(r"\b(\d{1,3})\s*-\s*year\s*-\s*old\b[^,.;:]{0,40}$", re.I)
# An apposition that describes: "the jazz singer whose ...", "an Australian climber from Perth"; up to what it
# goes on to say of them.
_NOUN_PHRASE = re.compile(r"(?:the|an?)\s+(.+?)(?=\s+(?:who|whose|which|that|known|with|for|in|at|from|of|on|by)\b|$)",
                          re.I)
# A describing noun phrase set off before the name: "the Ledger's medical correspondent, Dr. Ilse Varga"; not a
# phrase after a preposition, which says when or where ("After the storm off the cape, the trawler Selkie").
_DESCRIBED_BEFORE = re.compile(r"(?:\b(?:the|an?)\s+|\b[\w.-]+['’]s?\s+)([^,.;:()“”\"]{1,60}?),\s*"
                               r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Sgt|Capt|Lt|Gen|Col|Rev)\.?\s+)?$")
_AFTER_PREPOSITION = re.compile(r"\b(?:after|before|during|in|on|at|with|for|of|from|by|since|amid|despite)\s*$", re.I)
# Words that say nothing about who someone is: what many people in one story are, or how they speak.
_PLAIN = frozenset(content_words("""said says told spokesman spokeswoman spokesperson official officials police officer
    officers man woman people source sources reporter reporters according statement former new""")) | {"dr", "mr", "mrs", "ms"}


@dataclass(slots=True)
class Profile:
    """What the sentences of one witness write beside one person's name."""

    ages: set[int] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    units: list[Unit] = field(default_factory=list)


def describe(unit: Unit, key: str) -> tuple[set[int], set[str]]:
    """The ages and the describing words a sentence writes beside a person's name: an age before it ("a 15-year-old
    boy, Tomas"), and the apposition after it ("Esther Quillon, the cabaret singer whose ...", "Aldo Ricci, 43,")."""
    name = unit.names.get(key, key)
    at = unit.text.find(name)
    if at < 0:
        return set(), set()
    ages, words = set(), set()
    before = unit.text[:at]
    if found := _AGE_BEFORE.search(before):
        ages.add(int(found.group(1)))
    elif (found := _DESCRIBED_BEFORE.search(before)) and not _AFTER_PREPOSITION.search(before, 0, found.start()):
        words |= set(content_words(found.group(1)))
    at += len(name)
    for _ in range(2):  # "Ada Pell, 52, a night nurse": an age, then what someone is
        if not (found := _APPOSITION.match(unit.text, at) or _DASHED.match(unit.text, at)):
            break
        apposition, at = found.group(1).strip(), found.end()
        if age := _AGE_AFTER.match(apposition):
            ages.add(int(age.group(1)))
            continue
        if age := _AGE_OPENING.match(apposition):
            ages.add(int(age.group(2)))
            apposition = age.group(1) + apposition[age.end():]
        if who := _WHO_WAS.match(apposition):
            apposition = apposition[who.end():]
        if noun_phrase := _NOUN_PHRASE.match(apposition):
            described = content_words(noun_phrase.group(1))
            words |= set(described)
            if described and (count := _OF_COUNT.match(apposition, noun_phrase.end())):
                words.add(f"{described[-1]} of {_NUMBER_WORDS.get(count.group(1).casefold(), count.group(1))}")
        break
    named = {w for other in unit.names.values() for w in content_words(other)}
    return ages, words - _PLAIN - named


def _lowercase(units: list[Unit]) -> set[str]:
    """The words the story writes in lower case."""
    return {w for u in units for w in _LETTERS.findall(u.text) if w.islower()}


def profile_findings(units: list[Unit], already: Iterable[Finding] = (), people: People | None = None) -> list[Finding]:
    """Conflicts where a lone name carries the age or the description the other sources give one person;
    `people` is the story's lone_and_widely, when the caller has it."""
    lone, widely, witnesses = people or lone_and_widely(units)
    if not lone or not widely:
        return []
    profiles: dict[tuple[str, str], Profile] = defaultdict(Profile)  # (person, witness) → profile
    for unit in units:
        for key, kind in unit.keys.items():
            if kind == "person" and (key in lone or key in widely):
                ages, words = describe(unit, key)
                profile = profiles[(key, unit.witness)]
                profile.ages |= ages
                profile.words |= words
                profile.units.append(unit)
    reported = {(e.document, e.start) for f in already if f.verdict == "conflict" for e in f.evidence}
    findings = []
    for (alone, witness), profile in sorted(profiles.items(), key=lambda item: item[0]):
        if alone not in lone or not (profile.ages or profile.words):
            continue
        if all(only_speaker(unit, alone) for unit in profile.units):
            continue  # a witness quoted by one outlet ("said Ada Pell, 52, a night nurse") is someone else
        matches = []
        for person in sorted(widely):
            others = [p for (k, w), p in profiles.items() if k == person and w != witness]
            ages = set().union(*(p.ages for p in others)) if others else set()
            words = set().union(*(p.words for p in others)) if others else set()
            # A word other widely named people are given too tells nobody apart.
            words -= {w for (k, _), p in profiles.items() if k in widely and k != person for w in p.words}
            if (profile.ages and ages and not profile.ages & ages) or (profile.words and words and not profile.words & words):
                continue  # another age, or a description with nothing in common: someone else
            score = AGE_WEIGHT * len(profile.ages & ages) + sum(_weight(w) for w in profile.words & words)
            if score >= MIN_MATCH:
                matches.append((score, person, profile.ages & ages, profile.words & words, others))
        if not matches:
            continue
        # One person written two ways ("Tomas Verinakis", "Thomas Verinakis") is one match, under
        # the name more sources use.
        matches.sort(key=lambda m: (-m[0], -len(witnesses[m[1]]), m[1]))
        names = {m[1]: next(u.names.get(m[1], m[1]) for p in m[4] for u in p.units) for m in matches}
        matches = [m for i, m in enumerate(matches) if not any(
            o[0] == m[0] and may_be_one_person(names[o[1]], names[m[1]]) for o in matches[:i])]
        if len(matches) > 1 and matches[1][0] == matches[0][0]:
            continue  # two people fit the description as well
        _, person, ages, words, others = matches[0]
        unit = profile.units[0]
        if (unit.document, unit.start) in reported or _names(unit, person, widely_named=others):
            continue
        findings.append(_finding(unit, alone, person, ages, words, others, len(witnesses[person])))
    return findings


def _weight(word: str) -> int:
    """How well a describing word tells one person from the rest of a story: a noun with its count ("mother of 11")
    as well as an age, another word one."""
    return AGE_WEIGHT if " of " in word else 1


# Whose someone is: "Quillon's publicist, Ned Carrow", "Vale's attorney, Alan Reyes" (a possessive, the noun of
# what they are to the owner, the name), and "her longtime publicist Ned Carrow", "attorney Alan Reyes" (the noun
# written straight before the name).
_OWNED_AS = r"\s*['’]\s*s?\s+(?:[a-z][\w-]*\s+){{0,2}}({noun})\s*,?\s*{name}\b"
_HELD_AS = re.compile(r"([A-Za-z][a-z]+)\s*,?\s*$")


def client_findings(units: list[Unit], already: Iterable[Finding] = (), people: People | None = None) -> list[Finding]:
    """Conflicts where a lone name is given as whose someone is ("Quillon's publicist, Ned Carrow") where two or more
    other sources give that someone, as the same ("publicist Ned Carrow"), beside one widely named person more often
    than beside any other: the one whose publicist, lawyer or agent they are. A sentence naming that person too is
    not held against them."""
    lone, widely, witnesses = people or lone_and_widely(units)
    if not lone or not widely:
        return []
    reported = {(e.document, e.start) for f in already if f.verdict == "conflict" for e in f.evidence}
    findings = []
    lowercase = _lowercase(units)
    for unit in units:
        if (unit.document, unit.start) in reported:
            continue
        for alone in [k for k in unit.keys if k in lone]:
            name = unit.names.get(alone, alone)
            if _common_words(name, lowercase, every=True):
                continue  # "Jail's lawyer, Alan Reyes": a word the story writes in lower case ("in jail"), no one
            for held in [k for k, kind in unit.keys.items() if kind == "person" and k in widely]:
                written = unit.names.get(held, held)
                found = re.search(re.escape(name) + _OWNED_AS.format(noun=r"[a-z]+", name=re.escape(written)), unit.text)
                if not found:
                    continue
                noun = found.group(1)
                clients: dict[str, list[Unit]] = defaultdict(list)
                for other in units:
                    if other.witness == unit.witness or held not in other.keys:
                        continue
                    at = other.text.find(other.names.get(held, held))
                    before = _HELD_AS.search(other.text[:max(at, 0)])
                    if at <= 0 or not before or before.group(1).casefold() != noun:
                        continue
                    for person, kind in other.keys.items():
                        if kind == "person" and person != held and person in widely:
                            clients[person].append(other)
                told = sorted(((len({u.witness for u in shown}), person) for person, shown in clients.items()), reverse=True)
                if not told or told[0][0] < 2 or (len(told) > 1 and told[1][0] == told[0][0]):
                    continue  # nobody, or two people as often: whose they are is not told alike
                person = told[0][1]
                shown = clients[person]
                if person in unit.keys or _names(unit, person, [Profile(units=shown)]):
                    continue
                other = shown[0].names.get(person, person)
                explanation = (f"{unit.source} names {name} as the one whose {noun} {written} is, where "
                               f"{len({u.witness for u in shown})} other sources give {written} as the {noun} of {other}; "
                               f"{len(witnesses[person])} sources name {other}, no other source names {name}")
                findings.append(person_conflict(unit, alone, name, person, shown[:MAX_COUNTERPARTS], explanation))
                reported.add((unit.document, unit.start))
                break
    return findings


def _names(unit: Unit, person: str, widely_named: list[Profile]) -> bool:
    """Whether the lone name's sentence names the person it would stand for, under any of their names."""
    if person in unit.keys:
        return True
    surnames = {name_words(u.names.get(person, person))[-1] for p in widely_named for u in p.units
                if name_words(u.names.get(person, person))}
    return bool(surnames & set(name_words(unit.text)))


def _finding(unit: Unit, alone: str, person: str, ages: set[int], words: set[str], others: list[Profile],
             sources: int) -> Finding:
    name = unit.names.get(alone, alone)
    shown = [p.units[0] for p in others][:MAX_COUNTERPARTS]
    other = shown[0].names.get(person, person)
    described = [f"aged {age}" for age in sorted(ages)] + [f"“{word}”" for word in sorted(words)]
    explanation = (
        f"{unit.source} names {name} with the description other sources give {other} ({', '.join(described)}); "
        f"{sources} sources name {other}, no other source names {name}"
    )
    return person_conflict(unit, alone, name, person, shown, explanation)
