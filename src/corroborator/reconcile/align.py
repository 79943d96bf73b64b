"""Claims: sentences from different documents that state the same thing.

Two sentences are scored by the content words and entity keys they share
(TF-IDF cosine within the story, keys weighted above words), optionally by
sentence embeddings, and by typed values that agree. Pairs above a threshold
are joined greedily, strongest first, into claims; a claim takes at most one
sentence from each document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

import math
import re

from corroborator.reconcile.compare import (
    attribute,
    compare_values,
    could_be_one,
    counted,
    counted_alike,
    dimension,
    one_party_dated,
    whose,
)
from corroborator.reconcile.games import final_scores, one_final_score, scores
from corroborator.reconcile.units import CALENDAR, QUANTITY_KINDS, TIME_KINDS, WEEKDAY, Unit, Value
from corroborator.values import compare_quantities, compare_times, parse_quantity, parse_time

ALIGN = 0.38  # pair score at or above which two sentences state the same thing
KEY_WEIGHT = 2  # an entity key counts as this many words
AGREEING = {"equal", "contains", "within", "compatible"}
SPEAKER_BONUS = 0.3  # two quotes of one speaker: not one claim by that alone, but close to it
ORDER_OF_MAGNITUDE = 10  # figures further apart than this factor measure different things
MAX_BUCKET = 200  # sentences sharing a value bucket beyond which the value is too common to align by
EMBEDDING_WEIGHT = 0.6  # an embedding similarity counts as this much text similarity (benchmarks/reconcile.py)
# Sentences of one story are close in meaning far more often than they state one thing: "began a career in
# nursing in 1962" and "ended her nursing career in 1971" embed close, but are two steps of one life. For
# two sentences to contradict each other (differing values, another name in one role) the embedding counts
# only when they also share words (this text similarity) and embed this close; otherwise their words,
# values and roles alone must align them (benchmarks/reconcile.py: false conflicts on unchanged stories).
MEANING_WORDS = 0.25
MEANING_CLOSE = 0.65
# Sums this close ("$2.5 million", "$2.6 million"; "$25 million", "roughly $22 million") may be one sum rounded or
# converted on another day: they do not tell a misstated sum that ties two sentences (`sum_bonus`).
SUM_DRIFT = 1.15
OPENING = 1  # a document's opening: its first two sentences (a headline and the lede, or the lede and the next)
CHUNK = 2048  # rows of the similarity product computed at once, to keep memory flat on long stories


@dataclass(slots=True)
class Pair:
    """Two sentences' scores: text (words and keys), embedding (or None), and typed values that agree."""

    a: int
    b: int
    text: float
    embedding: float | None = None
    values: float = 0.0  # bonus for typed values that agree, by how distinctive they are
    figures: float = 0.0  # bonus for counts of one thing that differ in a line of figures, or one sum (`figure_bonus`)
    days: float = 0.0  # bonus for two days of one deed told with another detail alike (`day_bonus`)
    roles: float = 0.0  # bonus for rare entities named in the same role
    speaker: float = 0.0  # bonus for quotes of one speaker

    @property
    def score(self) -> float:
        return self._with(self.text if self.embedding is None else max(self.text, EMBEDDING_WEIGHT * self.embedding))

    @property
    def worded(self) -> float:
        """The score by which the two sentences may contradict each other: as `score`, but the embedding
        counts only where the sentences also share words and are close in meaning (MEANING_WORDS,
        MEANING_CLOSE). Meaning alone aligns sentences and lets their values agree, never differ."""
        if self.embedding is None or (self.text >= MEANING_WORDS and self.embedding >= MEANING_CLOSE):
            return self.score
        return self._with(self.text)

    def _with(self, similarity: float) -> float:
        """The score from a similarity of the sentences themselves, with the bonuses of their values, roles and
        speaker."""
        return similarity + min(self.values + self.figures + self.days, 0.5) + min(self.roles, 0.3) + self.speaker


def features(unit: Unit) -> list[str]:
    """The tokens a sentence is compared by: its content words and, weighted, its entity keys."""
    return unit.words + [f"§{key}" for key in unit.keys for _ in range(KEY_WEIGHT)]


def text_similarity(units: list[Unit], floor: float) -> dict[tuple[int, int], float]:
    """Cosine similarity of every pair of sentences from different documents, where it is at least `floor`."""
    if len(units) < 2:
        return {}
    vectorizer = TfidfVectorizer(analyzer=lambda tokens: tokens, sublinear_tf=True, min_df=1)
    try:
        matrix = vectorizer.fit_transform([features(u) for u in units])
    except ValueError:  # no tokens at all
        return {}
    documents = np.array([u.document for u in units])
    result = {}
    for first in range(0, len(units), CHUNK):
        block = (matrix[first : first + CHUNK] @ matrix.T).tocoo()
        for row, col, value in zip(block.row, block.col, block.data):
            i = first + int(row)
            j = int(col)
            if i < j and value >= floor and documents[i] != documents[j]:
                result[(i, j)] = float(value)
    return result


def _agrees(a, b) -> bool:
    if a.kind in TIME_KINDS and b.kind in TIME_KINDS:
        if {a.precision, b.precision} & {None, "unknown", "year", WEEKDAY, CALENDAR}:
            return False  # a bare year agrees with too much to tie two sentences together
        first, second = parse_time(a.value, a.precision, zone=a.zone), parse_time(b.value, b.precision, zone=b.zone)
        return compare_times(first, second).relation in AGREEING
    if a.kind == b.kind and a.kind in QUANTITY_KINDS:
        try:
            return compare_quantities(parse_quantity(a.value), parse_quantity(b.value)).relation in AGREEING
        except ValueError:
            return False
    return False


def _buckets(value: Value) -> list[tuple]:
    """Where a value is filed for finding values that may agree with it: its own bucket and the neighbours."""
    if value.kind in TIME_KINDS:
        if value.precision in ("month", "day", "minute") and value.value[:7].count("-") == 1:
            return [("time", value.value[:7])]
        return []
    try:
        quantity = parse_quantity(value.value)
    except ValueError:
        return []
    number = abs(quantity.number)
    if not math.isfinite(number) or number == 0:
        return []
    step = round(math.log(number, 1.25))
    return [(value.kind, quantity.unit, step + offset) for offset in (-1, 0, 1)]


# How much an agreeing value of each kind says that two sentences state the same thing.
VALUE_BONUS = {"duration": 0.4, "money": 0.4, "count": 0.25, "percent": 0.25, "rank": 0.2, "minute": 0.3, "day": 0.2, "month": 0.1}


def _game_scores(unit: Unit) -> set[tuple[int, int]]:
    """The game scores a sentence gives beside any of its days: two sentences sharing one give one game's day (each
    day read once, not once for every day of the other sentence)."""
    return set().union(*(scores(unit, day) for day in unit.values if day.kind in TIME_KINDS))


def game_figure_bonus(a: Unit, b: Unit) -> float:
    """The bonus of one person's figure in one game misstated: two sentences giving one final score, each with one
    figure, a count of one noun, the same person's in both, the two differing ("Rafe Ondrej rushed for 112 yards as
    the Pelicans held off the Miners 24-17", "Ondrej's 240 yards and the 24-17 result were a sideshow beside the
    groundskeeper's farewell"). The score ties the sentences as an
    agreeing figure would, and the misstated figure as a misstated sum does (`sum_bonus`); the pair is then one
    figure (`findings._same_figure`). Worded apart, such sentences would otherwise never meet."""
    figures_a, figures_b = _figures(a), _figures(b)
    if len(figures_a) != 1 or len(figures_b) != 1 or not one_final_score(a, b):
        return 0.0
    (va,), (vb,) = figures_a, figures_b
    if va.kind != "count" or counted(va) is None or counted(va) != counted(vb):
        return 0.0
    comparison, ratio = compare_values(va, vb), _ratio(va, vb)
    if comparison is None or comparison.relation != "conflict" or ratio is None or ratio >= ORDER_OF_MAGNITUDE:
        return 0.0
    if not any(could_be_one(x, y) for x in whose(a, va) for y in whose(b, vb)):
        return 0.0
    return 2 * VALUE_BONUS["count"]


def value_bonus(a: Unit, b: Unit) -> float:
    """Sum of the bonuses of a's typed values that have an agreeing value in b, and of a final score both give."""
    # A final score both give beside their days tells one game, as an agreeing figure would ("beat the Hawks, 27-20,
    # on Sunday", "a 27-20 win over the Hawks on Thursday"); a team's record beside no day ties nothing.
    bonus = VALUE_BONUS["count"] if _game_scores(a) & _game_scores(b) else 0.0
    for va in a.values:
        if any(_agrees(va, vb) for vb in b.values):
            bonus += VALUE_BONUS.get(va.precision if va.kind in TIME_KINDS else va.kind, 0.0)
    return bonus


def figure_bonus(a: Unit, b: Unit) -> float:
    """Sum of the bonuses of a's counts that b gives differently, when the two give an equal count of another noun:
    one line of figures told twice with one figure changed ("Redl carried 25 times for 96 yards and two
    scores", "Redl ran for 142 yards and two scores") still tells one thing, or a misstated
    figure would keep its sentence from the sentences it contradicts. A count of one noun alike is needed: sentences
    agreeing on a share ("70 percent" of the buildings) may count different villages."""
    bonus = sum_bonus(a, b) or count_bonus(a, b)
    if not counted_alike(a, b):
        return bonus
    for va in a.values:
        if va.kind != "count" or any(_agrees(va, vb) for vb in b.values):
            continue
        if any(_differs(va, vb) for vb in b.values):
            bonus += VALUE_BONUS["count"]
    return bonus


def _currency(value: Value) -> str | None:
    return value.value.split()[-1] if value.kind == "money" and value.value else None


def only_sum(unit: Unit, value: Value) -> bool:
    """Whether a sum is its sentence's only sum in its currency."""
    return sum(1 for v in unit.values if _currency(v) == _currency(value)) == 1


def _ratio(a: Value, b: Value) -> float | None:
    """How many times the larger of two figures is the smaller; None when either cannot be read or is zero."""
    try:
        first, second = abs(parse_quantity(a.value).number), abs(parse_quantity(b.value).number)
    except ValueError:
        return None
    return max(first, second) / min(first, second) if min(first, second) > 0 else None


def sum_bonus(a: Unit, b: Unit) -> float:
    """The bonus of a sum each sentence gives once in one currency, beside one word, the two differing by more than
    rounding: one sum misstated ("took watches valued at 40 million euros", "seized watches worth 90 million euros")
    still ties the sentences that tell it, as an agreeing sum would, or a misstated sum would keep its sentence from
    the sentences it contradicts."""
    for va in a.values:
        if _currency(va) is None or not only_sum(a, va) or any(_agrees(va, vb) for vb in b.values):
            continue
        if any(_currency(vb) == _currency(va) and only_sum(b, vb) and _differs(va, vb, floor=SUM_DRIFT)
               for vb in b.values):
            return VALUE_BONUS["count"]
    return 0.0


def count_bonus(a: Unit, b: Unit) -> float:
    """The bonus of a count of one noun that is the only figure of each of two documents' openings (`OPENING`),
    beside one word, the two differing by more than rounding: an opening tells the story's main figure, so one
    misstated ("nets 14 poachers", "28 poachers held") still ties the sentences that tell it, as
    `sum_bonus` ties a misstated sum. Deeper in articles, or beside other figures ("60 percent of the farms in
    9 valleys"), such counts are as often two things counted."""
    figures_a, figures_b = _figures(a), _figures(b)
    if a.index > OPENING or b.index > OPENING or len(figures_a) != 1 or len(figures_b) != 1:
        return 0.0
    (va,), (vb,) = figures_a, figures_b
    if counted(va) is None or dimension(va) is not None or counted(va) != counted(vb):
        return 0.0  # a noun counted; lengths and weights measured are weighed story-wide (`figure_findings`)
    if not _differs(va, vb, floor=SUM_DRIFT):
        return 0.0
    return VALUE_BONUS["count"]


def _figures(unit: Unit) -> list[Value]:
    return [v for v in unit.values if v.kind in QUANTITY_KINDS]


def _differs(a: Value, b: Value, floor: float | None = None) -> bool:
    """Whether two figures of one thing, beside one word, differ (by less than an order of magnitude; and, given a
    `floor`, more than that many times apart)."""
    if a.kind != b.kind or not a.anchors & b.anchors or attribute(a) != attribute(b):
        return False
    comparison = compare_values(a, b)
    if comparison is None or comparison.relation != "conflict":
        return False
    ratio = _ratio(a, b)
    return ratio is not None and ratio < ORDER_OF_MAGNITUDE and (floor is None or ratio > floor)


def day_bonus(a: Unit, b: Unit) -> float:
    """The bonus of two days that differ as the time of one deed done by or to one person in both sentences
    (`one_party_dated`): "a speeding van killed Dana Pell in May" and "the driver who killed Dana Pell last
    September" tell one killing, so a misstated day still ties the sentences, as an agreeing day would. A deed
    alone is not enough: one story tells many deeds of one kind (two signings, two wins) on different days."""
    for va in a.values:
        if va.kind not in TIME_KINDS:
            continue
        for vb in b.values:
            if vb.kind not in TIME_KINDS or not one_party_dated(a, va, b, vb):
                continue
            comparison = compare_values(va, vb)
            if comparison is not None and comparison.relation == "conflict":
                return VALUE_BONUS["day"]
    return 0.0


def role_bonus(a: Unit, b: Unit, rarity: dict[str, float]) -> float:
    """Entities both sentences name with overlapping words around them, weighted by how rare they are in the story."""
    return sum(0.25 * rarity.get(key, 0.0) for key in a.keys.keys() & b.keys.keys() if a.roles.get(key, frozenset()) & b.roles.get(key, frozenset()))


def key_rarity(units: list[Unit]) -> dict[str, float]:
    """Each entity key's rarity in the story, from 0 (in every sentence) to 1 (in one)."""
    counts: dict[str, int] = {}
    for unit in units:
        for key in unit.keys:
            counts[key] = counts.get(key, 0) + 1
    total = max(len(units), 2)
    return {key: math.log(total / count) / math.log(total) for key, count in counts.items()}


def pairs(units: list[Unit], embed: Callable[[list[str]], np.ndarray] | None = None) -> list[Pair]:
    """Scored pairs of sentences from different documents that may state the same thing."""
    text = text_similarity(units, floor=0.08)
    candidates = {key: Pair(*key, text=value) for key, value in text.items()}
    # Sentences with typed values that may agree are candidates even with few words in common;
    # values are bucketed (times by month, quantities by unit and magnitude) so this stays near-linear.
    buckets: dict[tuple, set[int]] = {}
    for index, unit in enumerate(units):
        for value in unit.values:
            for bucket in _buckets(value):
                buckets.setdefault(bucket, set()).add(index)
    # Sentences giving one final score and one figure each may tell one person's figure in that game
    # (`game_figure_bonus`), however few words they share.
    for index, unit in enumerate(units):
        if len(_figures(unit)) == 1:
            for score in final_scores(unit):
                buckets.setdefault(("final score", score), set()).add(index)
    for members in buckets.values():
        if len(members) > MAX_BUCKET:
            continue  # a value half the story states ties nothing together; words will
        members = sorted(members)
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if units[i].document != units[j].document and (i, j) not in candidates:
                    candidates[(i, j)] = Pair(i, j, text=0.0)
    # Quotes of one speaker in two documents may be one utterance in two translations.
    by_speaker: dict[str, list[int]] = {}
    for index, unit in enumerate(units):
        for speaker in unit.speakers:
            by_speaker.setdefault(speaker, []).append(index)
    for members in by_speaker.values():
        if len(members) > MAX_BUCKET:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if units[i].document != units[j].document:
                    candidates.setdefault((i, j), Pair(i, j, text=0.0)).speaker = SPEAKER_BONUS
    if embed is not None and len(units) > 1:
        vectors = np.asarray(embed([u.text for u in units]), dtype=np.float32)
        for pair in candidates.values():
            pair.embedding = float(vectors[pair.a] @ vectors[pair.b])
        # Paraphrases share meaning more than words: close sentences are candidates whatever their wording.
        for (i, j), similarity in close_in_meaning(units, vectors, floor=ALIGN / EMBEDDING_WEIGHT).items():
            candidates.setdefault((i, j), Pair(i, j, text=0.0, embedding=similarity))
    rarity = key_rarity(units)
    for pair in candidates.values():
        pair.values = value_bonus(units[pair.a], units[pair.b])
        pair.figures = figure_bonus(units[pair.a], units[pair.b]) + game_figure_bonus(units[pair.a], units[pair.b])
        pair.days = day_bonus(units[pair.a], units[pair.b])
        pair.roles = role_bonus(units[pair.a], units[pair.b], rarity)
    return [p for p in candidates.values() if p.score > 0]


def close_in_meaning(units: list[Unit], vectors: np.ndarray, floor: float) -> dict[tuple[int, int], float]:
    """Pairs of sentences from different documents whose embeddings' cosine is at least `floor`."""
    documents = np.array([u.document for u in units])
    result = {}
    for first in range(0, len(units), CHUNK):
        block = vectors[first : first + CHUNK] @ vectors.T
        rows, cols = np.nonzero(block >= floor)
        for row, col in zip(rows.tolist(), cols.tolist()):
            i = first + row
            if i < col and documents[i] != documents[col]:
                result[(i, col)] = float(block[row, col])
    return result


def claims(units: list[Unit], scored: list[Pair], threshold: float = ALIGN) -> list[list[int]]:
    """Group sentences into claims: strongest pairs first, at most one sentence per document in a claim.

    Two claims join only when their sentences align on average (average link: the mean score of
    every pair across them, a pair never scored counting as nothing, clears `threshold`), so that a
    claim holds sentences that say the same thing as one another, not a chain in which each
    sentence says the same as the next (a director's background, his shoot on an island, his film
    without spectacle). Every sentence ends up in exactly one claim; a sentence aligned with no
    other is a claim of its own.
    """
    by_pair = pair_scores(scored)
    claim_of = list(range(len(units)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(units))}
    documents: dict[int, set[str]] = {i: {units[i].document} for i in range(len(units))}
    for pair in sorted(scored, key=lambda p: (-p.score, p.a, p.b)):
        if pair.score < threshold:
            break
        ca, cb = claim_of[pair.a], claim_of[pair.b]
        if ca == cb or documents[ca] & documents[cb]:
            continue
        across = [by_pair.get((min(i, j), max(i, j))) for i in members[ca] for j in members[cb]]
        if sum(p.score for p in across if p is not None) < threshold * len(across):
            continue
        keep, gone = min(ca, cb), max(ca, cb)
        for index in members[gone]:
            claim_of[index] = keep
        members[keep].extend(members.pop(gone))
        documents[keep] |= documents.pop(gone)
    return [sorted(group) for _, group in sorted(members.items())]


def pair_scores(scored: list[Pair]) -> dict[tuple[int, int], Pair]:
    """Scored pairs by their (smaller, larger) sentence indexes."""
    return {(p.a, p.b): p for p in scored}

