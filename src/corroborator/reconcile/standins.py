"""Stand-ins: one source names someone no other source names, where the others name one person.

Sentence alignment ties two sentences partly by the people they share, so a sentence that names
the wrong person loses exactly the tie that would have set it beside its counterpart: "Lumen Works
announced that Dana Kowalczyk will direct Glass Harbour" scores low against "Harlan Vos will direct
Glass Harbour". Here each sentence that names a person no other source names (under any form of the
name) is compared, with the people left out, with the sentences of other sources that name one
person several sources name: when it then says what one of them says, the sources disagree about
who it was.

The rule is narrow. Only people, written as full names (or as a surname the report never gives in full, and
then only in a very close sentence, a little less close when the parse gives it a role of its own), sharing no
word with another name in the story (a full name the tagger took for an organisation or a place, and the
gazetteer does not know, counts; a name of words the story writes in lower case, "Wild Card", does not);
only a sentence with one such lone name, which names neither the person it stands in for nor
anyone who could be them (two full names with different given names are two people, even
with one surname); only when the two sentences, people left out, are close (TF-IDF within the
story, or embeddings where installed; a place, organisation or work counts as one whatever kind the tagger
gave it in each) and share three content words, places, organisations,
works or values (two, when the sentences are very close: "Harlan Vos Won't Direct 'Glass Harbour'
Sequel"); and never for someone the parse makes only a speaker (a spokesman one outlet quotes
stands in for no one, nor does a spokeswoman or someone named only as the owner of something:
"eclipsed Marco Belan's record"). The parse's roles need not agree: a paraphrase moves the name
from verb to verb ("hired Dana Kowalczyk to direct", "Harlan Vos will direct"); when they do, a lone name in a
role of its own doing what the other sources' person does (the subject of "direct" in both, the one "arrested"
in both) needs a less close sentence, as does a lone name paired with someone the other sentence pairs with the
person ("reporters Tobias Ferreira and Rafe Costa", "reporters Nina Alder and Rafe Costa"), or given the office the
other sentence gives the person ("coach Tobias Ferreira said", "coach Harlan Pike said"); less close still when both
write that office after one name of what it is of ("The Quiet Harbor director Tobias Ferreira", "The Quiet Harbor
director Rafe Costa"): one film's director.

An office one person holds in the story's place and time tells who, however the sentences are worded: a lone
name given an office ("Interior Secretary Tobias Ferreira", "referee Dana Kowalczyk", "Alaska Governor Marta
Quillon", "President-elect Dana Kowalczyk") that two or more other sources give one widely named person, and no
one else, stands in for them, even beside another lone name (the office is given to one of them). Not a director,
a coach or a manager (a story names many units, teams and firms), and an office written after a place or an
organisation ("AMA president") only against sentences that write it too (a governor of another province is someone
else). Holders whose names are a letter apart in each word
("Kasim Morvani", "Qasim Morbani") are one person transliterated two ways.

Which other sentences such a conflict cites besides is `citing`'s to say.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from itertools import zip_longest

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from corroborator.annotate.roles import in_another_event
from corroborator.model import Finding
from corroborator.reconcile.align import EMBEDDING_WEIGHT, features
from corroborator.reconcile.compare import (
    _frames_of,
    _one_edit,
    figures_differ,
    in_parentheses,
    may_be_one_person,
    name_words,
    spelled_alike,
)
from corroborator.reconcile.findings import METHOD, evidence_of, named_by, unknown_names
from corroborator.reconcile.units import Unit, content_words, named_by_witness
from corroborator.verbs import NOT_EVENTS, SPEAKING, event_stem, verb_stem

THRESHOLD = 0.40  # similarity of the two sentences, people left out, at which they say the same thing (on ECB+,
# 0.45 found 7 of 781 changed names fewer and no false conflict fewer, once spokespeople and owners stand in for no one)
CLOSE = 0.5  # similarity, people left out, at which two sentences need one thing fewer in common
# A lone full name of no word the story writes in lower case (not "Wild Card", "Sun Tan Motel"), which the parse
# gives a role of its own (not one of a list: "where Lena Morrow, Tom Okafor and Saskia Halloran were treated")
# in a sentence set at the story's time, is a person standing in a role: a sentence this close says the same thing.
NAME_ONLY_THRESHOLD = 0.30
SURNAME_CLOSE = 0.6  # similarity a lone surname's sentence needs ("He grew up in Harwick and Dunmore" is no one)
# ... and one the parse gives a role of its own, in a sentence set at the story's time ("Sources say Varga,
# 41, wants a longer contract"); on ECB+, 0.40 took one changed name for another person's stand-in.
SURNAME_IN_ROLE = 0.45
# Embeddings close this much, people left out, say the same thing; less close, a lone name in a sentence of
# like meaning is as often someone else's part of the story ("Karim Nasser blamed the outage on the severed
# line", "Samir Haddad said the line was severed") or no person at all ("in the Wild Card round").
STANDIN_MEANING = 0.85
# A lone name in a role of its own that does what the other sources' person does in theirs, in the same role
# ("Tobias Ferreira needed just nine points", "Kessler needed 9 points"), needs less of the rest of the sentence.
# On ECB+, 0.25 found one changed name more and no false conflict; 0.20 and 0.15 took a player finishing with nine
# rebounds, or a running back placed on injured reserve, for another's stand-in.
SAME_DEED = 0.25
# A lone name given the office the other sentence gives the person, after the same name of what the office is of
# ("The Quiet Harbor director Oskar Lindqvist", "The Quiet Harbor director Rafe Costa"): one thing's one holder,
# so the rest of the sentence needs to say still less of the same.
SAME_TITLE = 0.20
MIN_SHARED = 3  # content words, places, organisations, works or values two sentences must share besides the people
MAX_COUNTERPARTS = 3  # sentences shown for the people the other sources name
_WORD = re.compile(r"[^\W\d_]+")
# A sentence set at a time before or after the story's tells of something else ("Earlier this year, Ines Halvorsen
# was charged with fraud at the port authority").
_ANOTHER_TIME = re.compile(r"\b(?:(?:earlier|later)\s+(?:this|that|last)|last|previous|the\s+(?:previous|following))\s+"
                           r"(?:year|month|season|decade|spring|summer|fall|autumn|winter)\b|\b(?:years|months)\s+"
                           r"(?:ago|earlier|before|later)\b", re.I)


def standin_findings(
    units: list[Unit],
    already: Iterable[Finding] = (),
    embed: Callable[[list[str]], np.ndarray] | None = None,
    people: People | None = None,
) -> list[Finding]:
    """Conflicts where a lone name stands where other sources name one widely named person; `people` is the
    story's lone_and_widely, when the caller has it."""
    lone, widely, witnesses = people or lone_and_widely(units)
    names = {k: u.names.get(k, k) for u in reversed(units) for k, kind in u.keys.items() if kind == "person"}
    untagged = _untagged(units) - lone
    people_named = list(names.values())
    names.update({k: u.names.get(k, k) for u in reversed(units) for k in u.keys if k in untagged})
    alone_in = {i: alone for i, u in enumerate(units) if (alone := _lone_in(u, lone, untagged))}
    if not alone_in or not widely:
        return []
    vectorizer = TfidfVectorizer(analyzer=lambda tokens: tokens, sublinear_tf=True)
    try:
        matrix = vectorizer.fit_transform([_without_people(u) for u in units])
    except ValueError:  # no tokens at all
        return []
    vectors = None if embed is None else np.asarray(embed([_masked(u) for u in units]), dtype=np.float32)
    naming: dict[str, list[int]] = defaultdict(list)
    for index, unit in enumerate(units):
        for key in unit.keys:
            if key in widely:
                naming[key].append(index)
    reported = {(e.document, e.start) for f in already if f.verdict == "conflict" for e in f.evidence}
    findings = []
    lowercase: set[str] | None = None  # the words the story writes in lower case, read once a lone name needs them
    for index, alone_here in alone_in.items():
        unit = units[index]
        if (unit.document, unit.start) in reported:
            continue
        if lowercase is None:
            lowercase = {w for u in units for w in _WORD.findall(u.text) if w.islower()}
        if len(alone_here) > 1:
            # Two lone names: the wording cannot tell which one stands in for whom, but an office one person holds
            # is given to one of them ("Tarsa Governor Tobias Ferreira, his wife Lena and a dozen volunteers").
            for alone in alone_here:
                if _may_stand_in(unit, alone, names[alone], units, lowercase, people_named) and (
                        held := _one_holder(unit, alone, units, names, widely)):
                    office, person, shown = held
                    findings.append(_finding(unit, alone, person, [units[j] for j in shown], len(witnesses[person]),
                                             office))
                    break
            continue
        (alone,) = alone_here
        if not _may_stand_in(unit, alone, names[alone], units, lowercase, people_named):
            continue
        surname = not _full_name(names[alone])
        best: tuple[float, str, list[int]] | None = None
        own_role = _own_role(unit, alone) and not _ANOTHER_TIME.search(unit.text)
        did = bool(deeds_of(unit, alone))
        plain_name = not surname and not _common_words(names[alone], lowercase) and own_role
        similarity = (matrix @ matrix[index].T).toarray().ravel()
        if vectors is not None:
            meaning = vectors @ vectors[index]
            similarity = np.maximum(similarity, np.where(meaning >= STANDIN_MEANING, EMBEDDING_WEIGHT * meaning, 0.0))
        for person in sorted(widely):
            if person in unit.keys or any(may_be_one_person(names[person], unit.names.get(k, k)) for k in unit.keys
                                          if unit.keys[k] == "person"):
                continue
            # A sentence where that person only speaks ("Owen Pratt reports that the Gulls") says nothing
            # of them another name could stand in for; nor, beside a lone name that does something ("was found
            # dead"), one where they only speak in their office ("Coroner Ned Colvin said").
            others = [j for j in naming[person] if units[j].witness != unit.witness and alone not in units[j].keys
                      and not only_speaker(units[j], person) and not (did and only_reports(units[j], person))]
            if not others:
                continue
            scores = similarity[others]
            bar = ((SURNAME_IN_ROLE if own_role else SURNAME_CLOSE) if surname
                   else NAME_ONLY_THRESHOLD if plain_name else THRESHOLD)
            deeds = deeds_of(unit, alone) | _relative_deeds(unit, alone) if own_role else set()
            offices = _offices(unit, alone) if own_role else set()
            close = [others[i] for i in scores.argsort()[::-1]
                     if scores[i] >= (min(bar, SAME_TITLE) if offices and _same_title(unit, alone, units[others[i]], person)
                                      else min(bar, SAME_DEED) if deeds & deeds_of(units[others[i]], person)
                                      or _same_pair(unit, alone, units[others[i]], person)
                                      or offices & _offices(units[others[i]], person) else bar)]
            close = [j for j in close if _shared(unit, units[j]) >= (MIN_SHARED - (similarity[j] >= CLOSE))
                     and not figures_differ(unit, units[j])]
            if close and (best is None or scores.max() > best[0]):
                best = (float(scores.max()), person, close)
        if best is not None:
            findings.append(_finding(unit, alone, best[1], [units[j] for j in best[2]], len(witnesses[best[1]])))
        elif held := _one_holder(unit, alone, units, names, widely):
            office, person, shown = held
            findings.append(_finding(unit, alone, person, [units[j] for j in shown], len(witnesses[person]), office))
    return findings


def _may_stand_in(unit: Unit, alone: str, name: str, units: list[Unit], lowercase: set[str], people_named) -> bool:
    """Whether a lone name may stand in for someone: a full name, or a surname its report never gives in full; not
    words the story writes in lower case ("the Wild Card round"), a fragment of another name, a name in parentheses,
    nor someone who only speaks or is only in another event."""
    if not _full_name(name) and not _unintroduced(name, unit, units, lowercase):
        return False
    if _common_words(name, lowercase, every=True):
        return False
    return not ((no_deed(unit, alone) and not _relative_deeds(unit, alone)) or _only_in_another_event(unit, alone)
                or _shares_word(name, people_named) or in_parentheses(unit, alone))


# Offices one person holds in a story's place and time, whoever writes of them: a director, a coach or a manager
# heads any of the many units, teams and firms a story names ("second-unit director Mira Castell").
ONE_HOLDER = frozenset("president governor mayor sheriff coroner referee umpire secretary minister".split())
# The capitalised word written just before an office: whose office it is ("Alaska Gov.", "AMA president").
_OFFICE_OF = re.compile(r"([A-Z][\w'’-]*)\s+(?:[\w-]+\s+)?[\w-]+\.?\s*,?\s*$")


def _one_holder(unit: Unit, alone: str, units: list[Unit], names: dict[str, str],
                widely: set[str]) -> tuple[str, str, list[int]] | None:
    """The widely named person the other sources alone give the lone name's office, and their sentences giving
    it: "Interior Secretary Tobias Ferreira announced" where six sources write "Interior Secretary Harold Vance".
    An office written after a place or an organisation ("AMA president") must be written so by the others."""
    held = {x.stem for x in unit.arguments
            if x.key == alone and x.role == "office" and _office_word(x.stem) in ONE_HOLDER}
    at = unit.text.find(unit.names.get(alone, alone))
    found = _OFFICE_OF.search(unit.text[max(0, at - 40):at]) if at > 0 else None
    owner = found.group(1) if found and content_words(found.group(1)) else None  # not "As" opening the sentence
    for stem in sorted(held):
        holders: dict[str, list[int]] = defaultdict(list)
        for j, other in enumerate(units):
            if other.witness != unit.witness and (not owner or re.search(rf"\b{re.escape(owner)}\b", other.text)):
                for x in other.arguments:
                    if x.role == "office" and x.stem == stem and x.kind == "person" and x.key and x.key != alone:
                        holders[x.key].append(j)
        people = sorted(holders, key=lambda k: (-len(holders[k]), k))
        if not people or people[0] not in widely:
            continue
        person = people[0]
        if not _one_name([names.get(k, k) for k in people]):
            continue  # two people given the office: two of them, or one after the other
        if any(may_be_one_person(names.get(person, person), unit.names.get(k, k)) for k, kind in unit.keys.items()
               if kind == "person"):
            continue
        # A sentence of each spelling first: the reader sees the others agree on one person however they write them.
        shown = [j for turn in zip_longest(*(holders[k] for k in people)) for j in turn if j is not None]
        if len({units[j].witness for j in shown}) >= 2:
            return stem.removeprefix("office:"), person, shown
    return None


def _title(unit: Unit, key: str) -> list[str]:
    """The words written straight before a name up to its office, of the office's owner too ("The Quiet Harbor
    director", "Salt Road's director"), casefolded: up to four words, from a capitalised one (the owner's name)."""
    name = unit.names.get(key, key)
    at = unit.text.find(name)
    if at <= 0:
        return []
    found = re.search(r"((?:[^\W\d_][\w'’-]*['’]?\s+){2,4})$", unit.text[max(0, at - 60):at])
    words = _WORD.findall(found.group(1)) if found else []
    while words and not words[0][:1].isupper():
        words = words[1:]  # from the owner's name on: "the Salt Road director" is of "Salt Road"
    return [w.casefold() for w in words]


def _same_title(unit: Unit, alone: str, other: Unit, person: str) -> bool:
    """Whether two sentences give the lone name and the person one office after one name of what it is of ("The
    Quiet Harbor director"): the office's word and at least one word of its owner's name, the same in both."""
    mine, theirs = _title(unit, alone), _title(other, person)
    if len(mine) < 2 or len(theirs) < 2 or mine[-1] != theirs[-1] or mine[-1] not in _offices(unit, alone):
        return False
    return mine[-2] == theirs[-2] and any(w[:1].isupper() for w in _WORD.findall(unit.text) if w.casefold() == mine[-2])


def _offices(unit: Unit, key: str) -> set[str]:
    """The offices a sentence gives a person, by their last word ("head coach" is a coach)."""
    return {_office_word(x.stem, elect=True) for x in unit.arguments
            if x.key == key and x.role == "office" and not x.stem.startswith("office:spokes")}


def _office_word(stem: str, elect: bool = False) -> str:
    """The office an office stem names, its last word: one elected and not yet sworn in holds it as one person
    ("President-elect Tobias Ferreira" is the one president-elect), so "-elect" is dropped unless `elect` keeps the
    office to come apart from the office itself."""
    word = stem.removeprefix("office:").split()[-1]
    return word if elect else word.removesuffix("-elect")


def _one_name(names: list[str]) -> bool:
    """Whether every name may be the first one's, or is spelled like one that may ("Kasim Morvani" and
    "Qasim Morbani": one name transliterated two ways)."""
    joined = names[:1]
    rest = names[1:]
    while rest:
        alike = [n for n in rest if may_be_one_person(names[0], n) or any(_spelled_like(j, n) for j in joined)]
        if not alike:
            return False
        joined += alike
        rest = [n for n in rest if n not in alike]
    return True


def _spelled_like(first: str, second: str) -> bool:
    """Whether two names are one name written two ways: each word the same, or a letter apart and of four
    letters or more ("Kasim Morvani", "Qasim Morbani")."""
    a, b = name_words(first), name_words(second)
    return len(a) == len(b) and all(x == y or min(len(x), len(y)) >= 4 and _one_edit(x, y) for x, y in zip(a, b))


def deeds_of(unit: Unit, key: str) -> set[tuple[str, str]]:
    """The events the parse makes a person a party to, with their role: no saying, being or having, no office."""
    return {(stem, role) for stem, role in _frames_of(unit, key)
            if stem not in NOT_EVENTS and not stem.startswith("office:") and not in_another_event(role)}


# A relative clause written right after a name, and its verb: "said the champion Vesk, who improved his record".
_WHO = r"\s*,\s*who\s+(?:(?:also|then|later)\s+)?([a-z]+)"


def _relative_deeds(unit: Unit, key: str) -> set[tuple[str, str]]:
    """What a relative clause after a person's name tells they did, when the parse gives the name only another verb
    ("I'm satisfied," said Vesk, who improved his record to 30-2): the clause's verb, with the name its subject.
    Not a verb of saying or being ("who is", "who said"), nor a perfect ("who has worked there for 30 years"), which
    tells the person's past, not the story's event."""
    name = unit.names.get(key)
    found = re.search(re.escape(name) + _WHO, unit.text) if name else None
    if found is None or verb_stem(found.group(1)) in NOT_EVENTS:
        return set()
    return {(verb_stem(found.group(1)), "subject")}


# What may stand between the two names of a pair: "and", after an age in apposition ("Ada Lind, 20, and Rui Costa").
_AND = r"\s*(?:,\s*\d{1,3}\s*)?,?\s+and\s+"


def _same_pair(unit: Unit, alone: str, other: Unit, person: str) -> bool:
    """Whether the lone name is paired with someone ("reporters Tobias Ferreira and Rafe Costa") whom the
    other sentence pairs with the person ("reporters Nina Alder and Rafe Costa"): the pair's other half
    the same, the two sentences tell of one pair."""
    for partner, kind in unit.keys.items():
        if kind != "person" or partner == alone or not _paired(unit, alone, partner):
            continue
        written = unit.names.get(partner, partner)
        if any(k != person and of_kind == "person" and _paired(other, person, k)
               and (k == partner or may_be_one_person(written, other.names.get(k, k)))
               for k, of_kind in other.keys.items()):
            return True
    return False


def _paired(unit: Unit, first: str, second: str) -> bool:
    """Whether a sentence writes two names as a pair, "X and Y" either way round."""
    a, b = re.escape(unit.names.get(first, first)), re.escape(unit.names.get(second, second))
    return re.search(rf"(?<!\w)(?:{a}{_AND}{b}|{b}{_AND}{a})(?!\w)", unit.text) is not None


def _common_words(name: str, lowercase: set[str], every: bool = False) -> bool:
    """Whether a name has a word (with `every`, only words) the story also writes in lower case: "Wild Card"
    (the wild card round)."""
    return (all if every else any)(w.casefold() in lowercase for w in _WORD.findall(name))


def _own_role(unit: Unit, key: str) -> bool:
    """Whether the parse gives a person a role no other name in the sentence fills: not one of a list."""
    roles = _frames_of(unit, key)
    return bool(roles) and not any(x.key != key and x.kind != "time" and (x.stem, x.role) in roles for x in unit.arguments)


def _unintroduced(name: str, unit: Unit, units: list[Unit], lowercase: set[str]) -> bool:
    """Whether a one-word name is a surname its document never gives in full: "Halvorsen died in prison custody"
    in a report that names no Halvorsen otherwise is someone no source introduces, not a known person's short name.
    A word the story also writes in lower case ("State", "the state") is no surname."""
    if len(name.split()) != 1 or not name[:1].isupper() or not name[1:].islower():
        return False
    word = name.casefold()
    if word in lowercase:
        return False
    return not any(
        other.document == unit.document and word in name_words(full) and len(name_words(full)) > 1
        for other in units for full in other.names.values()
    )


def _lone_in(unit: Unit, lone: set[str], untagged: set[str]) -> list[str]:
    """The sentence's lone people; when it names none, its lone full names the tagger did not take for people."""
    return [k for k in unit.keys if k in lone] or [k for k in unit.keys if k in untagged]


def _untagged(units: list[Unit]) -> set[str]:
    """Full names one source gives that the tagger took for an organisation or a place but that may be a
    person's ("Marta Quillon" as an organisation), under no name another source uses."""
    return set(unknown_names(units, named_by(units)[0]))


People = tuple[set[str], set[str], dict[str, set[str]]]  # lone people, widely named people, who names each


def lone_and_widely(units: list[Unit]) -> People:
    """The people only one source names (under no name another source uses), the people two or more
    sources name, and the sources (witnesses) that name each person."""
    witnesses, names = named_by_witness(units, frozenset({"person"}))
    widely = {k for k, w in witnesses.items() if len(w) >= 2}
    lone = {
        k for k, w in witnesses.items() if len(w) == 1
        and not any(may_be_one_person(names[k], names[o]) or spelled_alike(names[k], names[o])
                    for o in witnesses if o != k and witnesses[o] - w)
    }
    return lone, widely, witnesses


def _shared(unit: Unit, other: Unit) -> int:
    """What two sentences share besides their people: content words (the verbs of one event as one: "arrested",
    "apprehended"), places, organisations or works, and values both state ("2014" in "X to host 2014 Lanterns" and
    "Y picked to host 2014 Lanterns")."""
    keys = {_unkinded(k) for k, kind in unit.keys.items() if kind != "person"}
    keys &= {_unkinded(k) for k, kind in other.keys.items() if kind != "person"}
    values = sum(1 for v in unit.values if any(
        v.kind == w.kind and v.value == w.value and v.precision == w.precision for w in other.values))
    return len({event_stem(w) for w in unit.words} & {event_stem(w) for w in other.words}) + len(keys) + values


def _without_people(unit: Unit) -> list[str]:
    """A sentence's features with the people taken out: what it says of whoever it names. A place, organisation
    or work counts by its name whatever kind the tagger gave it ("Glass Harbour" is a work in one report and a place
    in another), a name of one word meets the word another report leaves untagged ("Ember", "ember"), and the verbs
    of one event meet, as reporters write either ("fled … was apprehended", "escaped … was arrested")."""
    return [_unkinded(t[1:]) if t.startswith("§") else event_stem(t) for t in features(unit)
            if not (t.startswith("§") and unit.keys.get(t[1:]) == "person")]


def _unkinded(key: str) -> str:
    """A key without its kind."""
    return key.split(":", 1)[-1]


def _masked(unit: Unit) -> str:
    """The sentence with every person's name written as one placeholder."""
    text = unit.text
    for key, kind in unit.keys.items():
        if kind == "person":
            text = text.replace(unit.names.get(key, key), "someone")
    return text


def _full_name(name: str) -> bool:
    """Whether a name is written as a person's full name: two or more capitalised words of letters."""
    words = name.split()
    return len(words) >= 2 and all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words)


def _shares_word(name: str, others) -> bool:
    """Whether another name in the story shares a word with this one: a fragment of a longer name, not a person."""
    words = set(name.casefold().split())
    return any(other != name and words & set(other.casefold().split()) for other in others)


def only_speaker(unit: Unit, key: str) -> bool:
    """Whether the parse makes the person only someone who said something: a spokesman's office is no more
    (a coroner's is). Being named ("the man accused is Ines Halvorsen") is no saying."""
    return _only(unit, key, SPEAKING) and not any(x.key == key and spoken_of(unit, x.verb) for x in unit.arguments)


def only_reports(unit: Unit, key: str) -> bool:
    """Whether the parse makes the person only someone who said something, in an office or not: "Coroner Ned
    Colvin said" tells what the coroner reported, not what the coroner did."""
    roles = _frames_of(unit, key)
    return bool(roles) and all(stem in SPEAKING or stem.startswith("office:") for stem, _ in roles)


def no_deed(unit: Unit, key: str) -> bool:
    """Whether the parse makes the person only someone who said something or, in a sentence that names someone
    else too, only someone who was something ("defensive end Sam Hale (shoulder) was full" in an injury list; the
    one person a sentence names is what it tells of: "Tobias Ferreira is in talks to direct the sequel"), or the
    sentence gives them a spokesperson's office ("Department of Corrections spokeswoman Ana Lima said"), or
    names them only as the owner of something ("He eclipsed Marco Belan's franchise record"): none of them stands in for
    someone the story tells of."""
    if any(stem.startswith("office:spokes") for stem, _ in _frames_of(unit, key)):
        return True
    name = unit.names.get(key)
    if name and not _frames_of(unit, key) and re.search(rf"{re.escape(name)}\s*['’]\s*s\b", unit.text):
        return True
    alone = not any(kind == "person" and k != key for k, kind in unit.keys.items())
    return _only(unit, key, SPEAKING if alone else NOT_EVENTS)


def _only(unit: Unit, key: str, stems: frozenset[str]) -> bool:
    roles = {(stem, role) for stem, role in _frames_of(unit, key) if not stem.startswith("office:spokes")}
    return bool(roles) and all(stem in stems for stem, _ in roles)


def spoken_of(unit: Unit, verb: str) -> bool:
    """Whether a verb of saying or thinking is written as what others say or think of someone ("an injured cat, thought
    to be the household's pet", "Vance is believed to want a trade"): whom the parse makes its subject is talked
    about, not speaking (nor doing anything the parse shows)."""
    return verb_stem(verb) in SPEAKING and re.search(rf"\b{re.escape(verb)}\s+to\s+(?:be|have)\b", unit.text) is not None


def _only_in_another_event(unit: Unit, key: str) -> bool:
    """Whether the parse gives the person roles only in an event before or after the one the sentence tells
    ("one day after placing Owen Pratt on injured reserve, the Gulls lost another running back")."""
    roles = _frames_of(unit, key)
    return bool(roles) and all(in_another_event(role) for _, role in roles)


def _finding(unit: Unit, alone: str, person: str, counterparts: list[Unit], sources: int,
             office: str | None = None) -> Finding:
    name = unit.names.get(alone, alone)
    other = counterparts[0].names.get(person, person)
    shown: dict[str, Unit] = {}
    for counterpart in counterparts:  # closest first: each source's closest sentence
        shown.setdefault(counterpart.witness, counterpart)
    if office:
        explanation = (f"{unit.source} names {name} the {office}, where {counterparts[0].source} names {other}; "
                       f"{sources} sources name {other}, no other source names {name}")
    else:
        explanation = (
            f"{unit.source} names {name} where {counterparts[0].source} names {other}, in sentences that say the "
            f"same thing with the names swapped; {sources} sources name {other}, no other source names {name}"
        )
    return person_conflict(unit, alone, name, person, list(shown.values())[:MAX_COUNTERPARTS], explanation)


def person_conflict(unit: Unit, alone: str, name: str, person: str, shown: list[Unit], explanation: str) -> Finding:
    """A conflict over who: the sentence naming someone no other source names (`alone`, written `name`),
    then the other sources' sentences that name `person`."""
    evidence = [evidence_of(unit, alone, name)]
    written = next((u.names[person] for u in shown if person in u.names), person)
    for u in shown:  # a sentence writing the person another way ("Qasim Morbani" for "Kasim Morvani") gives its way
        key = person if person in u.keys else next((k for k, kind in u.keys.items() if kind == "person" and (
            may_be_one_person(written, u.names.get(k, k)) or _spelled_like(written, u.names.get(k, k)))), person)
        evidence.append(evidence_of(u, key, u.names.get(key, key)))
    return Finding("conflict", unit.text, "person", evidence, explanation, METHOD)
