"""A recluster's grouping: every document against every other, not each against the stories before it.

A single pass (`decide`) settles each document when it arrives, against story centroids, so a story
is only as good as the order its documents came in. With the whole corpus at hand, a recluster
groups by average link instead: two groups merge while the mean similarity of their documents'
pairs clears `Settings.link_threshold`, the pair similarity being the one a single pass scores a
story with (`decide.blend` of words, entities and meaning; zero across event days or publication
times a single pass would not join either).

A low threshold keeps a story's documents together even when no single pair is close, but also
puts two events of one kind together (two injuries of one team's players, two wins that clinched
a playoff place). Those show in the group's shape: its two halves are each tight, and much closer
within than across. So each group is then split where its dendrogram's last merge joined halves
whose mean similarity across is below `Settings.split_ratio` times the looser half's own,
and the halves are looked at the same way in turn. Halves mainly about one person on one day are not
split: they are one event told from two sides (the shooting and, two days later, the charge).

Two events of one kind can also be told apart by whom they are about. When a group holds two sets of
documents, each mainly about one person (`features.lead_person`), the two people doing the same
thing in them (each the object of "arrested" in two documents or more), and one set hardly names the
other's person, the group is two events: a second player arrested a month after the first, whose
reports recall the first arrest but were never named in it. Documents about neither go with the
person they name more, or else the set they are closer to.

Cost: each document is compared in full with the few others that share the most weight of its
heaviest words and entity keys (found with sparse products, a block of documents at a time);
documents joined by a pair that clears the threshold form components (average link never merges
across them, since a mean above the threshold needs a pair above it), and each component is
clustered on its own, in time quadratic in its size. A component larger than `MAX_COMPONENT` is
cut with a stricter threshold first.

Everything here is pure: plain data in, plain data out, no database. Documents are handled in the
order of their ids, so the result does not depend on the order they were given in. Similarities are
computed many pairs at a time, with sparse and dense matrix products.
"""

from __future__ import annotations

import math

from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import ClusterNode, fcluster, linkage, to_tree
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform

from corroborator.stories import decide
from corroborator.stories.features import DocumentFeatures

MAX_COMPONENT = 3000  # documents clustered together at most; a larger component is cut at a stricter threshold
STRICTER = 0.05  # how much stricter each cut is
NEIGHBOURS = 30  # candidates compared in full with each document
MAX_POSTINGS = 500  # a term more documents than this have among their heaviest is not looked up
BLOCK = 2000  # documents whose candidates are found in one sparse product
LEAD_MIN = 2  # documents mainly about one person that make that person a story's lead, when merging two stories
LEAD_DOCUMENTS = 3  # documents mainly about one person that make a set of their own
LEAD_SHARE = 0.2  # ... and the least share of the group they must be
LEAD_NAMED = 0.4  # share of one set's documents naming the other's person above which the two are one event


@dataclass(slots=True)
class Member:
    """A document as the clustering sees it: its unit text and entity vectors (cut to as many terms and
    keys as a story's summary keeps), its event day, publication time, embedding and lede's sum."""

    id: str
    vector: dict[str, float]
    entities: dict[str, float]
    day: int | None = None
    published: float | None = None
    embedding: tuple[float, ...] | None = None
    lead: str | None = None
    lead_roles: frozenset[str] = frozenset()
    people: dict[str, float] = field(default_factory=dict)
    event_sum: tuple[str, float] | None = None

    @classmethod
    def of(cls, features: DocumentFeatures, rarity: dict[str, float]) -> Member:
        """What the clustering keeps of a document, its words weighed by `rarity`."""
        return cls(
            features.document,
            _heaviest(decide.text_vector(features, rarity), decide.CENTROID_TERMS),
            _heaviest(decide.entity_vector(features, rarity), decide.CENTROID_KEYS),
            features.event_day,
            features.published,
            features.embedding,
            features.lead,
            features.lead_roles,
            features.people,
            features.event_sum,
        )


def _heaviest(vector: dict[str, float], count: int) -> dict[str, float]:
    return {key: vector[key] for key in decide.top(vector, count)}


class _Corpus:
    """The members as matrices: text and entity vectors (sparse rows), embeddings (dense rows), and
    the event day and publication time of each (NaN when it has none)."""

    def __init__(self, members: list[Member], settings: decide.Settings):
        self.settings = settings
        self.members = members
        self.text = _rows([m.vector for m in members])
        self.entities = _rows([m.entities for m in members])
        self.has_entities = np.array([bool(m.entities) for m in members], dtype=bool)
        self.has_meaning = np.array([bool(m.embedding) for m in members], dtype=bool)
        width = max((len(m.embedding) for m in members if m.embedding), default=0)
        self.meaning = np.zeros((len(members), width))
        for i, member in enumerate(members):
            if member.embedding:
                self.meaning[i] = np.asarray(member.embedding) / (np.linalg.norm(member.embedding) or 1.0)
        self.day = np.array([np.nan if m.day is None else m.day for m in members], dtype=float)
        self.time = np.array([np.nan if m.published is None else m.published for m in members], dtype=float)
        named = sorted({m.event_sum[0] for m in members if m.event_sum})
        currencies = {currency: i for i, currency in enumerate(named)}
        self.currency = np.array([currencies[m.event_sum[0]] if m.event_sum else -1 for m in members])
        self.sum = np.array([math.log10(m.event_sum[1]) if m.event_sum else np.nan for m in members], dtype=float)

    def pairs(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """The similarity of each pair (first[k], second[k])."""
        text = np.asarray(self.text[first].multiply(self.text[second]).sum(axis=1)).ravel()
        shared = np.asarray(self.entities[first].multiply(self.entities[second]).sum(axis=1)).ravel()
        meaning = np.einsum("ij,ij->i", self.meaning[first], self.meaning[second])
        return self._score(text, shared, meaning, first, second)

    def square(self, indices: np.ndarray) -> np.ndarray:
        """The similarity of every pair of the given members, as a square matrix (1 on the diagonal)."""
        text = (self.text[indices] @ self.text[indices].T).toarray()
        shared = (self.entities[indices] @ self.entities[indices].T).toarray()
        meaning = self.meaning[indices] @ self.meaning[indices].T
        scores = self._score(text, shared, meaning, indices[:, None], indices[None, :])
        np.fill_diagonal(scores, 1.0)
        return scores

    def _score(self, text, shared, meaning, first, second) -> np.ndarray:
        settings = self.settings
        scores = decide.blend(
            text, shared, self.has_entities[first] & self.has_entities[second],
            np.maximum(0.0, decide.floored(meaning)), self.has_meaning[first] & self.has_meaning[second], settings,
        )
        # What a single pass's veto rules out (decide.compare): event days further apart than the
        # tolerance (the strict one when either document has a publication time), publication
        # times further apart than the active window, or ledes' sums of one currency more than
        # SUM_RATIO apart. A missing day, time or sum rules nothing out.
        dated = ~np.isnan(self.time[first]) | ~np.isnan(self.time[second])
        tolerance = np.where(dated, settings.day_tolerance, settings.undated_day_tolerance)
        with np.errstate(invalid="ignore"):
            apart = (np.abs(self.day[first] - self.day[second]) > tolerance) | (
                np.abs(self.time[first] - self.time[second]) > settings.window_days * 86400
            ) | ((self.currency[first] == self.currency[second])
                 & (np.abs(self.sum[first] - self.sum[second]) > math.log10(decide.SUM_RATIO)))
        return np.where(apart, 0.0, scores)


def _rows(vectors: list[dict[str, float]]) -> sparse.csr_matrix:
    columns: dict[str, int] = {}
    rows, cols, weights = [], [], []
    for i, vector in enumerate(vectors):
        for term, weight in vector.items():
            rows.append(i)
            cols.append(columns.setdefault(term, len(columns)))
            weights.append(weight)
    return sparse.csr_matrix((weights, (rows, cols)), shape=(len(vectors), max(len(columns), 1)))


def group(members: list[Member], settings: decide.Settings | None = None) -> list[list[str]]:
    """The documents' groups (lists of document ids, each in id order; groups ordered by their first id)."""
    settings = settings or decide.Settings()
    members = sorted(members, key=lambda m: m.id)
    corpus = _Corpus(members, settings)
    first, second = _candidates(members)
    edges = _Edges(len(members), first, second, corpus.pairs(first, second))
    groups = []
    for component in _components(np.arange(len(members)), edges, settings.link_threshold):
        groups.extend(_cluster(corpus, component))
    return sorted((sorted(members[i].id for i in g) for g in groups), key=lambda ids: ids[0])


@dataclass(slots=True)
class _Edges:
    """The candidate pairs of `size` members, (first[k], second[k]), and their similarities."""

    size: int
    first: np.ndarray
    second: np.ndarray
    scores: np.ndarray


def _components(indices: np.ndarray, edges: _Edges, threshold: float) -> list[np.ndarray]:
    """The members among `indices` joined, directly or through others, by a candidate pair whose
    similarity clears `threshold`; a component too large to cluster whole is cut again at a stricter
    threshold."""
    first, second, scores = edges.first, edges.second, edges.scores
    local = np.full(edges.size, -1)  # member → its position among `indices`, -1 when it is not one
    local[indices] = np.arange(len(indices))
    linked = (scores >= threshold) & (local[first] >= 0) & (local[second] >= 0)
    graph = sparse.coo_matrix(
        (np.ones(int(linked.sum())), (local[first[linked]], local[second[linked]])), shape=(len(indices),) * 2
    )
    _, labels = connected_components(graph, directed=False)
    result = []
    for label in np.unique(labels):
        component = indices[labels == label]
        if len(component) > MAX_COMPONENT:
            result.extend(_components(component, edges, threshold + STRICTER))
        else:
            result.append(component)
    return result


def _candidates(members: list[Member]) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (first[k], second[k]) worth comparing in full: for each member, the NEIGHBOURS others
    sharing the most weight of its heaviest words and entity keys (`decide.query_terms`). A term more
    than MAX_POSTINGS members have among theirs says little about which event a member covers and is
    not looked up, so the cost stays near linear in the corpus; the products run a block of rows at a time."""
    terms = _rows([
        {term: (m.entities[term.removeprefix(decide.KEY_PREFIX)] if term.startswith(decide.KEY_PREFIX)
                else m.vector[term]) for term in decide.query_terms(m.vector, m.entities)}
        for m in members
    ])
    postings = np.diff(terms.tocsc().indptr)
    terms = terms[:, np.flatnonzero(postings <= MAX_POSTINGS)]
    transposed = terms.T.tocsr()
    first, second = [], []
    for start in range(0, len(members), BLOCK):
        shared = (terms[start:start + BLOCK] @ transposed).tocsr()
        for offset in range(shared.shape[0]):
            begin, end = shared.indptr[offset], shared.indptr[offset + 1]
            others, weights = shared.indices[begin:end], shared.data[begin:end]
            elsewhere = others != start + offset
            others, weights = others[elsewhere], weights[elsewhere]
            nearest = others[np.lexsort((others, -weights))][:NEIGHBOURS]
            first.append(np.full(len(nearest), start + offset))
            second.append(nearest)
    if not first:
        return np.zeros(0, dtype=int), np.zeros(0, dtype=int)
    return np.concatenate(first), np.concatenate(second)


def _cluster(corpus: _Corpus, indices: np.ndarray) -> list[np.ndarray]:
    """Average-link groups of one component, each split where it joins two tight halves."""
    if len(indices) == 1:
        return [indices]
    scores = corpus.square(indices)
    distances = squareform(np.clip(1.0 - scores, 0.0, None), checks=False)
    threshold = corpus.settings.link_threshold
    labels = fcluster(linkage(distances, method="average"), t=1.0 - threshold, criterion="distance")
    result = []
    for label in np.unique(labels):
        result.extend(_cut(corpus, scores, indices, list(np.flatnonzero(labels == label))))
    return result


def _cut(corpus: _Corpus, scores: np.ndarray, indices: np.ndarray, inside: list[int]) -> list[np.ndarray]:
    """One group (`inside`, positions in `scores`, whose members are `indices`) cut where it joins two
    tight halves, then where two sets of it are about two people doing the same thing."""
    result = []
    for part in _split(scores, inside, corpus.settings, corpus.day[indices], [corpus.members[i].lead for i in indices]):
        result.extend(indices[one] for one in _by_lead(corpus, scores, indices, part))
    return result


def divide(members: list[Member], settings: decide.Settings | None = None) -> list[list[str]]:
    """One story's documents cut as a recluster cuts a group (two tight halves; two people doing the same
    thing), without grouping them again: the parts (lists of document ids, each in id order; parts ordered
    by their first id), one part when nothing cuts it. Time quadratic in the number of members."""
    settings = settings or decide.Settings()
    members = sorted(members, key=lambda m: m.id)
    if len(members) < 2:
        return [[m.id for m in members]]
    corpus = _Corpus(members, settings)
    indices = np.arange(len(members))
    parts = _cut(corpus, corpus.square(indices), indices, list(indices))
    return sorted((sorted(members[i].id for i in part) for part in parts), key=lambda ids: ids[0])


def one_story(first: list[Member], second: list[Member], settings: decide.Settings | None = None) -> bool:
    """Whether two stories' documents are one story as a recluster would see them: average link would merge
    them (the mean similarity of their pairs across clears `Settings.link_threshold`), they are not two tight
    halves as they stand (`_two_halves`), and nothing cuts the whole again (`divide`). Time quadratic in the
    number of members."""
    settings = settings or decide.Settings()
    leads = [_lead_of(story) for story in (first, second)]
    if None not in leads and leads[0] != leads[1]:
        return False
    members = sorted(first + second, key=lambda m: m.id)
    corpus = _Corpus(members, settings)
    indices = np.arange(len(members))
    scores = corpus.square(indices)
    firsts = {f.id for f in first}
    inside = np.array([m.id in firsts for m in members])
    across = scores[np.ix_(inside, ~inside)].mean()
    if across < settings.link_threshold:
        return False
    if _two_halves(scores, list(np.flatnonzero(inside)), list(np.flatnonzero(~inside)), across, corpus):
        return False
    return len(_cut(corpus, scores, indices, list(indices))) == 1


def _two_halves(scores: np.ndarray, first: list[int], second: list[int], across: float, corpus: _Corpus) -> bool:
    """Whether two stories, each large enough to be cut itself, are the two tight halves a recluster cuts apart
    (`_split`), taken as they are: the last merge of their dendrogram may only add an outlying report or two,
    which hides the halves from `_cut`."""
    settings = corpus.settings
    if min(len(first), len(second)) < 2 * settings.split_size:
        return False
    if _one_event(corpus.day, [m.lead for m in corpus.members], first, second, settings):
        return False
    return across < settings.split_ratio * min(_cohesion(scores, first), _cohesion(scores, second))


def _lead_of(members: list[Member]) -> str | None:
    counts = Counter(m.lead for m in members if m.lead is not None)
    if not counts:
        return None
    name, count = min(counts.items(), key=lambda item: (-item[1], item[0]))
    return name if count >= LEAD_MIN else None


def _split(scores: np.ndarray, indices: list[int], settings: decide.Settings, days: np.ndarray,
           leads: list[str | None]) -> list[list[int]]:
    """A group cut where its last average-link merge joined two halves that are each much tighter
    than the two are together, unless they are about one person on one day (`_one_event`); each half
    looked at the same way. `days` and `leads` are the event day and lead person of each position."""
    if len(indices) < 2 * settings.split_size:
        return [indices]
    inside = scores[np.ix_(indices, indices)]
    tree = to_tree(linkage(squareform(np.clip(1.0 - inside, 0.0, None), checks=False), method="average"))
    first, second = _leaves(tree.get_left(), indices), _leaves(tree.get_right(), indices)
    if min(len(first), len(second)) < settings.split_size:
        return [indices]
    across = scores[np.ix_(first, second)].mean()
    if _one_event(days, leads, first, second, settings):
        return [indices]
    if across < settings.split_ratio * min(_cohesion(scores, first), _cohesion(scores, second)):
        return _split(scores, first, settings, days, leads) + _split(scores, second, settings, days, leads)
    return [indices]


def _by_lead(corpus: _Corpus, scores: np.ndarray, indices: np.ndarray, part: list[int]) -> list[list[int]]:
    """A group cut in two where two sets of its documents are about two people doing the same thing and
    one set hardly names the other's person; each half looked at the same way. `part` holds positions
    in `scores`, whose members are `indices`."""
    members = [corpus.members[indices[position]] for position in part]
    sets: dict[str, list[int]] = {}
    for position, member in zip(part, members):
        if member.lead is not None:
            sets.setdefault(member.lead, []).append(position)
    ranked = sorted(sets, key=lambda name: (-len(sets[name]), name))
    if len(ranked) < 2 or len(sets[ranked[1]]) < max(LEAD_DOCUMENTS, LEAD_SHARE * len(part)):
        return [part]
    first, second = ranked[:2]
    roles = [Counter(role for p in sets[name] for role in corpus.members[indices[p]].lead_roles) for name in ranked[:2]]
    if not any(count >= 2 and roles[1][role] >= 2 for role, count in roles[0].items()):
        return [part]  # the two people do different things: the victim and the driver of one crash

    def naming(position: int, name: str) -> float:
        return corpus.members[indices[position]].people.get(name, 0.0)

    named = [sum(naming(p, other) > 0 for p in sets[name]) / len(sets[name]) for name, other in ((first, second), (second, first))]
    if min(named) > LEAD_NAMED:
        return [part]  # each set names the other's person: one event with two people in it
    halves: tuple[list[int], list[int]] = ([], [])
    side = dict.fromkeys(sets[first], 0) | dict.fromkeys(sets[second], 1)
    for position in part:
        if position in side:
            halves[side[position]].append(position)
            continue
        toward = naming(position, first) - naming(position, second)
        if toward == 0:
            toward = scores[position, sets[first]].mean() - scores[position, sets[second]].mean()
        halves[bool(toward < 0)].append(position)
    return _by_lead(corpus, scores, indices, halves[0]) + _by_lead(corpus, scores, indices, halves[1])


def _one_event(days: np.ndarray, leads: list[str | None], first: list[int], second: list[int],
               settings: decide.Settings) -> bool:
    """Whether two halves are one event told from two sides (the shooting and the charge): most of each
    half's documents point at a day, the halves' median days are within the tolerance, and the person
    their documents are mainly about most often is one person. Two people doing one thing on one day,
    or one person on two days, are still told apart by the halves' shape."""
    medians = []
    for half in (days[first], days[second]):
        if np.isnan(half).mean() > 0.5:
            return False  # most documents of the half name no day: the few that do say little about it
        medians.append(np.median(half[~np.isnan(half)]))
    if abs(medians[0] - medians[1]) > settings.day_tolerance:
        return False
    named = [Counter(leads[i] for i in half if leads[i] is not None) for half in (first, second)]
    if not all(named):
        return False
    return len({min(counts, key=lambda name: (-counts[name], name)) for counts in named}) == 1


def _leaves(node: ClusterNode, indices: list[int]) -> list[int]:
    return sorted(indices[i] for i in node.pre_order())


def _cohesion(scores: np.ndarray, indices: list[int]) -> float:
    """The mean similarity of a group's distinct pairs."""
    inside = scores[np.ix_(indices, indices)]
    count = len(indices)
    return float((inside.sum() - np.trace(inside)) / (count * (count - 1)))
