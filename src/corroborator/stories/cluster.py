"""A recluster's grouping: every document against every other, not each against the stories before it.

A single pass (`decide`) settles each document when it arrives, against story centroids, so a story
is only as good as the order its documents came in. With the whole corpus at hand, a recluster
groups by average link instead: two groups merge while the mean similarity of their documents'
pairs clears `Settings.link_threshold`, the pair similarity being the one a single pass uses
(words, entities, meaning; zero across event days or publication times too far apart).

A low threshold keeps a story's documents together even when no single pair is close, but also
puts two events of one kind together (two injuries of one team's players, two wins that clinched
a playoff place). Those show in the group's shape: its two halves are each tight, and much closer
within than across. So each group is then split where its dendrogram's last merge joined halves
whose mean similarity across is below `Settings.split_ratio` times the looser half's own,
and the halves are looked at the same way in turn.

Cost: candidate pairs come from an inverted index over each document's heaviest words and entity
keys; documents joined by a pair that clears the threshold form components (average link never
merges across them, since a mean above the threshold needs a pair above it), and each component
is clustered on its own, in time quadratic in its size. A component larger than `MAX_COMPONENT`
is cut with a stricter threshold first.

Everything here is pure: plain data in, plain data out, no database. Documents are handled in the
order of their ids, so the result does not depend on the order they were given in.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

import numpy as np
from scipy.cluster.hierarchy import ClusterNode, fcluster, linkage, to_tree
from scipy.spatial.distance import squareform

from corroborator.stories import decide
from corroborator.stories.features import DocumentFeatures

MAX_COMPONENT = 3000  # documents clustered together at most; a larger component is cut at a stricter threshold
STRICTER = 0.05  # how much stricter each cut is


@dataclass(slots=True)
class Member:
    """A document as the clustering sees it: its features and unit text and entity vectors."""

    features: DocumentFeatures
    vector: dict[str, float]
    entities: dict[str, float]

    @property
    def id(self) -> str:
        return self.features.document

    @classmethod
    def of(cls, features: DocumentFeatures, rarity: dict[str, float]) -> Member:
        """What the clustering keeps of a document, its words weighed by `rarity`: the vectors cut to as
        many terms and keys as a story's summary keeps, and of the features only what `decide.pair_score`
        reads (days, times, the embedding), so a corpus's members fit in memory."""
        vector = _heaviest(decide.text_vector(features, rarity), decide.CENTROID_TERMS)
        entities = _heaviest(decide.entity_vector(features, rarity), decide.CENTROID_KEYS)
        slim = replace(features, headline="", terms={}, entities={}, kinds={}, lede="")
        return cls(slim, vector, entities)


def _heaviest(vector: dict[str, float], count: int) -> dict[str, float]:
    return {key: vector[key] for key in sorted(vector, key=lambda key: (-vector[key], key))[:count]}


def group(members: list[Member], settings: decide.Settings | None = None) -> list[list[str]]:
    """The documents' groups (lists of document ids, each in id order; groups ordered by their first id)."""
    settings = settings or decide.Settings()
    members = sorted(members, key=lambda m: m.id)
    groups = []
    for component in _components(members, settings.link_threshold, settings):
        groups.extend(_cluster(component, settings))
    return sorted((sorted(m.id for m in g) for g in groups), key=lambda ids: ids[0])


def similarity(a: Member, b: Member, settings: decide.Settings) -> float:
    """How alike two documents are, as a single pass would score one against a story of the other;
    zero when their event days or publication times rule out one story."""
    return decide.pair_score(a.features, a.vector, a.entities, b.features, b.vector, b.entities, settings)


def _components(members: list[Member], threshold: float, settings: decide.Settings) -> list[list[Member]]:
    """The members joined, directly or through others, by a pair whose similarity clears `threshold`;
    a component too large to cluster whole is cut again at a stricter threshold."""
    parent = list(range(len(members)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    postings: dict[str, list[int]] = defaultdict(list)
    for i, member in enumerate(members):
        for term in decide.query_terms(member.vector, member.entities):
            postings[term].append(i)
    checked: set[tuple[int, int]] = set()
    for i, member in enumerate(members):
        for term in decide.query_terms(member.vector, member.entities):
            for j in postings[term]:
                if j <= i or (i, j) in checked:
                    continue
                checked.add((i, j))
                if root(i) != root(j) and similarity(member, members[j], settings) >= threshold:
                    parent[root(j)] = root(i)
    components: dict[int, list[Member]] = defaultdict(list)
    for i, member in enumerate(members):
        components[root(i)].append(member)
    result = []
    for component in components.values():
        if len(component) > MAX_COMPONENT:
            result.extend(_components(component, threshold + STRICTER, settings))
        else:
            result.append(component)
    return result


def _cluster(members: list[Member], settings: decide.Settings) -> list[list[Member]]:
    """Average-link groups of one component, each split where it joins two tight halves."""
    if len(members) == 1:
        return [members]
    scores = np.eye(len(members))
    for i in range(len(members)):
        for j in range(i + 1, len(members)):
            scores[i, j] = scores[j, i] = similarity(members[i], members[j], settings)
    distances = squareform(np.clip(1.0 - scores, 0.0, None), checks=False)
    labels = fcluster(linkage(distances, method="average"), t=1.0 - settings.link_threshold, criterion="distance")
    groups: dict[int, list[int]] = defaultdict(list)
    for index, label in enumerate(labels):
        groups[label].append(index)
    result = []
    for indices in groups.values():
        result.extend([members[i] for i in part] for part in _split(scores, indices, settings))
    return result


def _split(scores: np.ndarray, indices: list[int], settings: decide.Settings) -> list[list[int]]:
    """A group cut where its last average-link merge joined two halves that are each much tighter
    than the two are together; each half looked at the same way."""
    if len(indices) < 2 * settings.split_size:
        return [indices]
    inside = scores[np.ix_(indices, indices)]
    tree = to_tree(linkage(squareform(np.clip(1.0 - inside, 0.0, None), checks=False), method="average"))
    first, second = _leaves(tree.get_left(), indices), _leaves(tree.get_right(), indices)
    if min(len(first), len(second)) < settings.split_size:
        return [indices]
    across = scores[np.ix_(first, second)].mean()
    if across < settings.split_ratio * min(_cohesion(scores, first), _cohesion(scores, second)):
        return _split(scores, first, settings) + _split(scores, second, settings)
    return [indices]


def _leaves(node: ClusterNode, indices: list[int]) -> list[int]:
    return sorted(indices[i] for i in node.pre_order())


def _cohesion(scores: np.ndarray, indices: list[int]) -> float:
    """The mean similarity of a group's distinct pairs."""
    inside = scores[np.ix_(indices, indices)]
    count = len(indices)
    return float((inside.sum() - np.trace(inside)) / (count * (count - 1)))
