"""Swaps: one sentence told by two sources, word for word, with one name in it swapped for another.

"In 2008, Solano stopped Quillon in the 11th round" against "In 2008, Solano stopped Tolliver in the
11th round": the sentences are one sentence, and where one names Tolliver the other names someone
else. The small tagger often does not know a rare name for a person's ("Quillon" tagged as nothing, or
as a place), so the comparison of entity keys cannot see the swap; the words can. Here two aligned
sentences are compared word by word, and a single swapped stretch, one side of it a person several
sources name, the other a capitalised name, is a conflict.

Endings two sentences go on with differently are left out, a name in them too. A changed stretch may carry,
after the name, a few lower-case words (the verb told another way: "Harlow, 88, passed away" against "Dunmore
died"); the name leading it on both sides is then the swap. A stretch that opens on one name spelled two ways
("Ansel Varn was killed after slipping", "Ansel Varne died when he slipped") is no second name changed.

Two sentences are looked at when they align, or when most of their words are the same (a line every outlet
prints weighs little in TF-IDF, so its copies align poorly with each other).

The rule is narrow: only sentences that are mostly the same words (three quarters or more of the words besides
the names, in order; punctuation, and words one sentence goes on with where the other ends, left out) and
not title-case headlines; only one stretch with a name in it differs; only when the other name is one source's alone, written
like a name (capitalised words, no pronoun, no word of the first name, no form of any name another
source uses, not the same name a letter apart, not a word the story writes in lower case and capitalises only to open
the sentence), and the person is named by two or more sources. Two sources
that alone name the two people may disagree too, when the name is the only difference between their sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher

from corroborator.model import Finding
from corroborator.reconcile.align import ALIGN, Pair
from corroborator.reconcile.compare import could_be_one, name_words, spelled_alike
from corroborator.reconcile.standins import People, lone_and_widely, person_conflict
from corroborator.reconcile.units import MONTHS, WEEKDAYS, Unit

SAME_WORDS = 0.75  # share of the two sentences' words besides the swapped name that must match, in order
MIN_TEXT = 0.3  # TF-IDF similarity below which two sentences are not one sentence told twice
SHARED_WORDS = 0.6  # ... unless this share of all their words is in both (words every outlet prints weigh little)
MAX_NAME_WORDS = 3
HEADLINE_SHARE = 0.7  # capitalised share of a sentence's longer words above which it is a title-case headline
_TOKEN = re.compile(r"[^\W_][\w'’.-]*")  # words, and names with their dots ("U.S.", "Jr."); punctuation is no word
_NOT_NAMES = frozenset("""he she they it we i you his her their its him them this that these those the a an
    mr mrs ms dr officials police authorities""".split()) | {w.casefold() for w in WEEKDAYS + MONTHS}


def swap_findings(units: list[Unit], scored: list[Pair], already: Iterable[Finding] = (),
                  people: People | None = None) -> list[Finding]:
    """Conflicts where two sources tell one sentence word for word, one naming a widely named person and
    the other, in that person's place, a name no other source uses; `people` is the story's
    lone_and_widely, when the caller has it."""
    _, widely, witnesses = people or lone_and_widely(units)
    written_by: dict[str, set[str]] = {}  # each word of every name, folded → the witnesses that write it
    for unit in units:
        for name in unit.names.values():
            for word in name_words(name):
                written_by.setdefault(word, set()).add(unit.witness)
    # A word the story writes in lower case and no entity's name holds is an ordinary word, capitalised only where
    # it opens a sentence: "At the bridge, crews said" puts no one named "At" in the place of "Rosa Delmar said".
    ordinary = {t for unit in units for t in _TOKEN.findall(unit.text) if t.islower()} - written_by.keys()
    reported = {(e.document, e.start) for f in already if f.verdict == "conflict" for e in f.evidence}
    found: dict[tuple[str, str], Finding] = {}
    apart: set[frozenset[tuple[str, int]]] = set()
    tokens: dict[int, list[str]] = {}
    words: dict[int, set[str]] = {}

    def tokens_of(unit: Unit) -> list[str]:
        if id(unit) not in tokens:
            tokens[id(unit)] = _TOKEN.findall(unit.text)
            words[id(unit)] = {_folded(t) for t in tokens[id(unit)]}
        return tokens[id(unit)]

    for pair in scored:
        if pair.worded < ALIGN or pair.text < MIN_TEXT:
            # A sentence every outlet prints word for word has little weight in any of its words, so its copies
            # score low; they are still one sentence when most of their words are the same.
            a, b = units[pair.a], units[pair.b]
            tokens_of(a), tokens_of(b)  # and their sets of words
            x, y = words[id(a)], words[id(b)]
            if min(len(x), len(y)) < SHARED_WORDS * max(len(x), len(y)) or len(x & y) < SHARED_WORDS * len(x | y):
                continue
        for first, second in ((units[pair.a], units[pair.b]), (units[pair.b], units[pair.a])):
            persons = {key for key, kind in first.keys.items() if kind == "person"}
            if not persons:
                continue
            a_tokens, b_tokens = tokens_of(first), tokens_of(second)
            swap = _swap(first, second, widely, a_tokens, b_tokens, ordinary) if persons & widely else None
            if swap is None and persons - widely:
                # Two sources alone: one sentence, every other word the same, a name each.
                swap = _swap(first, second, persons - widely, a_tokens, b_tokens, ordinary, exact=True)
            if swap is None:
                continue
            person, stranger = swap
            if (second.document, second.start) in reported or not _lone(stranger, second.witness, written_by, first):
                continue
            key = (second.document, stranger)
            told = frozenset(((first.document, first.start), (second.document, second.start)))
            if key not in found and told not in apart:
                found[key] = _finding(second, stranger, first, person, len(witnesses[person]))
                apart.add(told)  # one disagreement, told once, whichever sentence holds the stranger
    return list(found.values())


def _swap(named: Unit, other: Unit, widely: set[str], a: list[str], b: list[str], ordinary: set[str] = frozenset(),
          exact: bool = False) -> tuple[str, str] | None:
    """(person key, the other sentence's name in their place) when `other` (tokens `b`) is `named` (tokens `a`)
    word for word but for one stretch, where `named` writes a widely named person and `other` a capitalised
    name; else None. A word in `ordinary` opening `other` is no part of a name. With `exact`, the person may be
    named by `named`'s source alone, and the stretch must be the sentences' only difference."""
    folded_a, folded_b = [_folded(t) for t in a], [_folded(t) for t in b]
    matcher = SequenceMatcher(None, folded_a, folded_b, autojunk=False)
    if matcher.real_quick_ratio() < SAME_WORDS / 2 or matcher.quick_ratio() < SAME_WORDS / 2:
        return None  # not one sentence, even if a long name were half of it
    if _headline(named.text) or _headline(other.text):
        return None  # "Gulls Clinch Playoff Berth": every word capitalised, none of them a name by that
    both = set(folded_a) & set(folded_b)
    changed = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    # Other differences may be figures and lower-case words ("died yesterday", "died on Thursday"), never another
    # name; a name both sentences write, moved, is no change, nor are words one sentence goes on with where the
    # other ends (a sentence split at "Solano!" against the whole of it).
    named_changes = [
        op for op in changed
        if not (op[0] != "replace" and (op[2] == len(a) and op[4] == len(b) or op[1] == op[3] == 0))
        and any(_name_word(t) and _folded(t) not in both for t in a[op[1]:op[2]] + b[op[3]:op[4]])
        and not _name_lengthened(op, a, b, both) and not _spelled_two_ways(op, a, b)
    ]
    spelled = sum(_spelled_two_ways(op, a, b) for op in changed)  # words of a name spelled two ways, in both
    endings = _tail(changed, a, b)  # words one sentence goes on with where the other ends
    if len(named_changes) > 1 and named_changes[-1][0] == "replace" and named_changes[-1][2] == len(a) and (
            named_changes[-1][4] == len(b)):
        # Two sentences that go on differently after the one thing they both tell ("… and struck him with a bat,
        # then ran toward the house of Paul Riva", "… and hit him, breaking his arm"): a name in the
        # endings stands in no slot of the other's.
        *named_changes, (_, e1, e2, f1, f2) = named_changes
        endings += e2 - e1 + f2 - f1
    if len(named_changes) != 1 or named_changes[0][0] != "replace" or (exact and len(changed) != 1):
        return None
    _, i1, i2, j1, j2 = _leading_names(named_changes[0], a, b)
    # The words besides the swapped name are the same, mostly, and in order: the name's own words do not count
    # (in "Lawyer: X checks into rehab facility" the name is a third of the sentence), nor do the words one
    # sentence goes on with where the other ends.
    matched = sum(block.size for block in matcher.get_matching_blocks())
    if 2 * matched < SAME_WORDS * (len(a) + len(b) - (i2 - i1) - (j2 - j1) - endings - spelled):
        return None
    mine = " ".join(a[i1:i2])
    theirs = [t.removesuffix(".") if len(t) > 3 else t for t in b[j1:j2]]  # a sentence's full stop is no part of a name
    theirs[-1:] = [re.sub(r"['’]s?$", "", t) for t in theirs[-1:]]  # nor is the possessive: "Rosa Delmar's lawyer"
    if j1 == 0 and theirs and theirs[0].casefold() in ordinary:
        theirs = theirs[1:]  # "At", capitalised only as the sentence's first word
    if not 1 <= len(theirs) <= MAX_NAME_WORDS or not all(_name_word(t) for t in theirs):
        return None
    people = [k for k, kind in named.keys.items() if kind == "person" and k in widely
              and name_words(mine) and set(name_words(mine)) <= set(name_words(named.names.get(k, k)))]
    if len(people) != 1:
        return None
    stranger = " ".join(theirs)
    if could_be_one(stranger, named.names.get(people[0], people[0])) or spelled_alike(stranger, mine):
        return None  # one person named two ways ("Ansel Varn", "Ansel Varne")
    return people[0], stranger


def _name_lengthened(change: tuple, a: list[str], b: list[str], both: set[str]) -> bool:
    """Whether a change only adds words to the front of a name both sentences write: "the West Harwick fire
    station" against "the Harwick fire station" names one place, written longer."""
    op, i1, i2, j1, j2 = change
    added, after = (a[i1:i2], a[i2:i2 + 1]) if op == "delete" else (b[j1:j2], b[j2:j2 + 1]) if op == "insert" else ([], [])
    return bool(added and after) and all(_name_word(t) for t in added) and _name_word(after[0]) and (
        _folded(after[0]) in both)


def _spelled_two_ways(change: tuple, a: list[str], b: list[str]) -> int:
    """The words, on both sides, of one name spelled two ways that a changed stretch opens on, whatever follows it
    ("Ansel Varn was killed after slipping" against "Ansel Varne died when he slipped" names one man, told in
    other words); 0 when the stretch opens on no such name."""
    op, i1, i2, j1, j2 = change
    k = next((n for n, t in enumerate(a[i1:i2]) if not _name_word(t)), i2 - i1)
    m = next((n for n, t in enumerate(b[j1:j2]) if not _name_word(t)), j2 - j1)
    alike = op == "replace" and k > 0 and m > 0 and spelled_alike(" ".join(a[i1:i1 + k]), " ".join(b[j1:j1 + m]))
    return k + m if alike else 0


def _leading_names(change: tuple, a: list[str], b: list[str]) -> tuple:
    """A replaced stretch narrowed to the names that lead it on both sides, when the rest of it is lower-case
    words and figures on both: in "Barzani died while in prison" against "Lindqvist dies in prison" the name
    swapped is "Barzani" for "Lindqvist", the verb only told in another tense."""
    op, i1, i2, j1, j2 = change
    k = next((n for n, t in enumerate(a[i1:i2]) if not _name_word(t)), i2 - i1)
    m = next((n for n, t in enumerate(b[j1:j2]) if not _name_word(t)), j2 - j1)
    rest = a[i1 + k:i2] + b[j1 + m:j2]
    # Only a few words each side, and no pronoun: "Fans cheered him as a hero for saving" is no name
    # in the place of "Lomax saved", whose person is the "him".
    few = max(i2 - i1 - k, j2 - j1 - m) <= MAX_NAME_WORDS
    if k and m and rest and few and not any(t[:1].isupper() or t.casefold() in _NOT_NAMES for t in rest):
        return op, i1, i1 + k, j1, j1 + m
    return change


def _tail(changed: list[tuple], a: list[str], b: list[str]) -> int:
    """The words one sentence goes on with where the other ends ("… died in hospital late on March 4")."""
    return sum(i2 - i1 + j2 - j1 for op, i1, i2, j1, j2 in changed
               if op != "replace" and i2 == len(a) and j2 == len(b))


def _folded(token: str) -> str:
    """A word as the two sentences are matched on: in lower case, without a full stop after it."""
    return token.casefold().removesuffix(".")


def _headline(text: str) -> bool:
    """Whether a sentence is written in title case, as headlines are."""
    words = [w for w in _TOKEN.findall(text) if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= HEADLINE_SHARE * len(words)


def _name_word(token: str) -> bool:
    return token[:1].isupper() and token[1:2].islower() and token.casefold() not in _NOT_NAMES


def _lone(name: str, witness: str, written_by: dict[str, set[str]], named: Unit) -> bool:
    """Whether only `witness` writes any word of the name, and the other sentence writes none."""
    words = name_words(name)
    return bool(words) and all(written_by.get(w, {witness}) <= {witness} for w in words) and not (
        set(words) & set(name_words(named.text)))


def _finding(unit: Unit, stranger: str, counterpart: Unit, person: str, sources: int) -> Finding:
    other = counterpart.names.get(person, person)
    named = f"{sources} sources name {other}, no other source names {stranger}" if sources > 1 else \
        "no other source names either"
    explanation = (
        f"{unit.source} names {stranger} where {counterpart.source} names {other}, in the same sentence word for "
        f"word; {named}"
    )
    return person_conflict(unit, stranger, stranger, person, [counterpart], explanation)
