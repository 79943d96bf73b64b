"""What a conflict cites: every report it contradicts, not only the sentence it was found against.

A conflict is found through one pair of sentences, or one story-wide reading, but a value no other source gives
stands against every report that tells the same thing otherwise. Five readings add those reports' sentences to
a conflict already found, after its own evidence:

- a story-wide reading (roles, figures, days) that finds a sentence and value already in conflict again adds the
  sentences it cites for the story's answer (`cite_in_conflict`);
- a conflict over who cites each other source's sentence that aligns with the lone name's sentence and names the
  person it stands in for (`cite_all_naming`);
- and the other sources' sentences that give that person the lone name's deed, or else its office, aligned or not
  (`with_same_deeds`): they are where the sources say who did it, or who holds it;
- and the other sources' sentences that agree with the lone name's on a figure (a corroborated finding holds both)
  and name that person, from a source cited already for another sentence too (`with_same_figures`): they tell the
  same thing and say who did it;
- and last, from each source still not cited, the sentence naming that person that shares the most words with the
  lone name's, though worded too differently to align (`cite_all_naming` with `worded`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from corroborator.model import Evidence, Finding
from corroborator.reconcile.align import Pair
from corroborator.reconcile.compare import (
    _frames_of,
    may_be_one_person,
    name_words,
    same_person_written,
    surname_written,
)
from corroborator.reconcile.findings import ALSO_CITED, WEAK_ALIGN, cited_as, evidence_of
from corroborator.reconcile.standins import MAX_COUNTERPARTS, People, deeds_of
from corroborator.reconcile.units import Unit

MAX_CITED = 13  # evidence a conflict shows once a story-wide reading adds to it: the odd sentence and twelve others
# Text similarity at which another source's sentence naming the person a lone name stands in for is cited: any words
# shared beyond chance tell the same deed in other words ("Dana Tremblay is taking over the director's chair for the
# sequel", "Harlan Vos will direct the sequel"); the conflict is found already, so this only shows whom each says.
NAMING_WORDED = 0.08


def _cite(finding: Finding, evidence: Evidence) -> None:
    """Add a piece of evidence to a conflict; a source its explanation does not name yet is named at its end
    with the value it gives ("…; also cited: Valley Times (“Thursday”)"), so the explanation's count of sources is
    not taken for all there are, and the reader sees which side each one takes."""
    finding.evidence.append(evidence)
    source = evidence.source or evidence.document
    if source and source not in finding.explanation:
        named = cited_as(source, evidence.value_text)
        finding.explanation += f", {named}" if ALSO_CITED in finding.explanation else f"{ALSO_CITED}{named}"


def cite_in_conflict(conflicts: list[Finding], found: Finding, most: int = MAX_CITED) -> bool:
    """A conflict found again, by a story-wide reading, for a sentence and value an earlier finding already holds in
    conflict: the value stands against every source that reading cites too, so the earlier finding cites their
    sentences as well (those it does not cite yet, up to `most` pieces of evidence in all), after its own.

    Whether an earlier finding held that value: a sentence in conflict over another of its values is not."""
    lone = found.evidence[0]
    for finding in conflicts:
        if any(e.document == lone.document and e.start == lone.start and (
                e.value == lone.value or (e.value_text and e.value_text == lone.value_text)) for e in finding.evidence):
            cited = {(e.document, e.start) for e in finding.evidence}
            for evidence in found.evidence[1:]:
                if (evidence.document, evidence.start) not in cited and len(finding.evidence) < most:
                    _cite(finding, evidence)
                    cited.add((evidence.document, evidence.start))
            return True
    return False


def cite_all_naming(findings: list[Finding], units: list[Unit], scored: list[Pair], worded: bool = False) -> None:
    """Add to each conflict over who the sentences it contradicts that its producer did not cite.

    A conflict over who is found through one pair of sentences (or a few, the closest by one measure), but a
    name no other source uses stands against every report that tells the same thing of the person the others
    name. Each sentence of another source that aligns with the lone name's sentence, if only weakly (WEAK_ALIGN: the
    person is cited, not a value compared), and names that person
    (by the key or the name the cited sentences give, or a form of the name a letter apart or with the same first
    and last word), and not the lone one, is cited too, after the evidence already given.

    With `worded`, instead, from each source not cited yet, the sentence sharing the most words with the lone
    name's (text similarity NAMING_WORDED) that names the person: a report telling the deed in other words still names
    whom it was. This comes last, after the sentences giving the person the same deed (`with_same_deeds`)."""
    if not any(f.verdict == "conflict" and f.attribute == "person" for f in findings):
        return  # most stories: no conflict over who, so no partners to work out
    at = {(u.document, u.start): i for i, u in enumerate(units)}
    witnesses: dict[str, set[str]] = {}
    for unit in units:
        for key in unit.keys:
            witnesses.setdefault(key, set()).add(unit.witness)
    partners: dict[int, list[tuple[float, int]]] = {}
    for pair in scored:
        aligned = pair.worded >= WEAK_ALIGN
        if (not worded and aligned) or (worded and not aligned and pair.text >= NAMING_WORDED):
            partners.setdefault(pair.a, []).append((pair.text, pair.b))
            partners.setdefault(pair.b, []).append((pair.text, pair.a))
    for finding in findings:
        if finding.verdict != "conflict" or finding.attribute != "person":
            continue
        cited = [(at.get((e.document, e.start)), e) for e in finding.evidence]
        if any(i is None for i, _ in cited):
            continue
        keyed = [(i, e, _person_key(units[i], e)) for i, e in cited]
        # The lone name: one source's key, or a name the parse gave no key ("Quillon" untagged in a swap).
        odd = [(i, e) for i, e, k in keyed if k is None or len(witnesses[k]) == 1]
        person_keys = {k for _, _, k in keyed if k is not None and len(witnesses[k]) > 1}
        others = {units[i].names.get(k, k) for i, _, k in keyed if k in person_keys}
        if len(odd) != 1 or not others or not odd[0][1].value_text:
            continue
        (index, lone), = odd
        shown = {i for i, _ in cited}
        # In story order; with `worded`, the closest first, since each source gives one sentence.
        order = (lambda p: (-p[0], p[1])) if worded else (lambda p: p[1])
        for _, j in sorted(partners.get(index, ()), key=order):
            unit = units[j]
            if j in shown or unit.witness == units[index].witness or re.search(
                    rf"\b{re.escape(lone.value_text)}\b", unit.text):
                continue
            if worded and (unit.witness in {units[i].witness for i in shown} or len(finding.evidence) >= MAX_CITED):
                continue
            named = [k for k, kind in unit.keys.items() if kind == "person" and (k in person_keys or any(
                unit.names.get(k, k) == other or same_person_written(unit.names.get(k, k), other) for other in others))]
            if len(named) == 1:
                _cite(finding, evidence_of(unit, named[0], unit.names.get(named[0], named[0])))
                shown.add(j)


def _person_key(unit: Unit, evidence: Evidence) -> str | None:
    """The entity key of the person a piece of evidence names: its value when that is a key of the sentence, else
    the key the sentence writes as the evidence's words."""
    if evidence.value in unit.keys:
        return evidence.value
    return next((k for k, name in unit.names.items() if name in (evidence.value_text, evidence.value)), None)


def with_same_deeds(findings: list[Finding], units: list[Unit], people: People) -> None:
    """Show, with each conflict over who between a lone name and a widely named person, the other sources'
    sentences that give that person the deed the lone name is given: "Tom Reyes died Thursday" beside
    "Carl Dunmore died on Friday" and "Dunmore died at his home", not only the sentence it was found against; then those
    giving them the lone name's office ("The Quiet Harbor director Dana Tremblay", "director Harlan Vos")."""
    at = {(u.document, u.start): u for u in units}
    for finding in findings:
        if (against := _lone_against_widely(finding, at, people)) is None:
            continue
        unit, key, person, name, shown = against
        deeds = deeds_of(unit, key)
        offices = _offices(unit, key)
        most = len(finding.evidence) + MAX_COUNTERPARTS
        # Sentences giving the person the lone name's deed first, then those giving them its office only.
        for given, of in ((deeds, deeds_of), (offices, _offices)):
            for other, doer in _giving(units, given, of, person, name):
                if other.witness not in shown and len(finding.evidence) < most:
                    shown.add(other.witness)
                    _cite(finding, evidence_of(other, doer, other.names.get(doer, doer)))


def with_same_figures(findings: list[Finding], units: list[Unit], people: People) -> None:
    """Show, with each conflict over who between a lone name and a widely named person, the other sources' sentences
    that agree with the lone name's sentence on a figure and name that person ("Tom Reyes threw for 288 yards" beside
    "Varn threw for 288 yards and two touchdowns"): a corroborated finding holds both sentences, so they tell one
    thing, and the other source says who did it. Cited after the evidence already given, one sentence a source; a
    source cited already through a sentence that agrees on no figure ("Varn completed his first nine passes") gives
    this one too, as it is the one that tells the same thing."""
    at = {(u.document, u.start): u for u in units}
    agreed = [f for f in findings if f.verdict == "corroborated" and f.attribute]
    for finding in findings:
        if (against := _lone_against_widely(finding, at, people)) is None:
            continue
        unit, key, person, name, _ = against
        figures = [f for f in agreed if any((e.document, e.start) == (unit.document, unit.start) for e in f.evidence)]
        telling = {(e.document, e.start) for f in figures for e in f.evidence}
        cited = {(e.document, e.start) for e in finding.evidence}
        # The sources whose cited sentence already agrees on a figure with the lone name's, or is the lone name's.
        shown = {other.witness for place in cited & telling if (other := at.get(place))} | {unit.witness}
        for figure in figures:
            for evidence in figure.evidence:
                other = at.get((evidence.document, evidence.start))
                if other is None or other.witness in shown or (other.document, other.start) in cited \
                        or key in other.keys or len(finding.evidence) >= MAX_CITED \
                        or re.search(rf"\b{re.escape(unit.names.get(key, key))}\b", other.text):
                    continue
                if (doer := _naming(other, person, name)) is not None:
                    shown.add(other.witness)
                    _cite(finding, evidence_of(other, *doer))


def _lone_against_widely(finding: Finding, at: dict[tuple[str, int], Unit], people: People
                         ) -> tuple[Unit, str, str, str, set[str]] | None:
    """For a conflict over who between one lone name and one widely named person: the lone name's sentence, its
    key, the person's key, the person's fullest name in the finding ("W. Carl Dunmore", not "Dunmore": his wife
    Ruth Dunmore died too) and the sources the finding already cites; None for any other finding."""
    lone, widely, _ = people
    if finding.verdict != "conflict" or finding.attribute != "person":
        return None
    named = [(unit, _key_of(unit, e.value_text), e.value_text) for e in finding.evidence
             if (unit := at.get((e.document, e.start)))]
    alone = [(unit, key) for unit, key, _ in named if key in lone]
    others = {key for _, key, _ in named if key in widely}
    if len(alone) != 1 or len(others) != 1:
        return None
    (unit, key), (person,) = alone[0], others
    name = max((name for _, k, name in named if k == person), key=lambda name: len(name_words(name)))
    return unit, key, person, name, {u.witness for u, _, _ in named}


def _naming(unit: Unit, person: str, name: str) -> tuple[str, str] | None:
    """Where a sentence names the person (key, name as written): by their key or a name that may be theirs, a full
    name the tagger took for an organisation included, or else by their surname left untagged ("Varn threw for …")
    when no one tagged there bears it."""
    for k, kind in unit.keys.items():
        written = unit.names.get(k, k)
        if (kind == "person" and (k == person or _one_person(name, written))) or (
                kind == "org" and len(name_words(written)) >= 2 and name_words(written) == name_words(name)):
            return k, written
    words = name.split()
    if words and surname_written(name, unit.text) and not any(
            name_words(words[-1])[-1:] == name_words(unit.names.get(k, k))[-1:]
            for k, kind in unit.keys.items() if kind == "person"):
        return person, words[-1]
    return None


def _giving(units: list[Unit], given: set[tuple[str, str]], of: Callable[[Unit, str], set[tuple[str, str]]],
            person: str, name: str) -> Iterable[tuple[Unit, str]]:
    """The sentences that give the person (under any of their names: "Dunmore", "W. Carl Dunmore") one of the deeds or
    offices `given`, as `of` reads them, with the person's key there."""
    if not given:
        return
    for other in units:
        for k, kind in other.keys.items():
            if kind == "person" and given & of(other, k) and (k == person or _one_person(name, other.names.get(k, k))):
                yield other, k
                break


def _offices(unit: Unit, key: str) -> set[tuple[str, str]]:
    """The offices the parse gives a person ("Interior Secretary", "President-elect")."""
    return {(stem, role) for stem, role in _frames_of(unit, key) if stem.startswith("office:")}


def _one_person(name: str, other: str) -> bool:
    """Whether two names may name one person, a name written as the other's last words included ("Van Dorn",
    "Pieter Van Dorn": a surname of two words)."""
    words, others = name_words(name), name_words(other)
    shorter, longer = sorted((words, others), key=len)
    return may_be_one_person(name, other) or (bool(shorter) and longer[-len(shorter):] == shorter)


def _key_of(unit: Unit, name: str | None) -> str | None:
    """The key of the person a sentence names as written."""
    return next((k for k, kind in unit.keys.items() if kind == "person" and unit.names.get(k, k) == name), None)
