"""A story's entity index: each entity under its key, with its kind, the names outlets use, and its documents."""

from __future__ import annotations

from collections import Counter

from corroborator.model import Annotation, Entity
from corroborator.reconcile.units import ENTITY_KINDS


def entity_index(annotations: list[Annotation]) -> list[Entity]:
    """Entities of the story, most mentioned first."""
    names: dict[str, Counter] = {}
    kinds: dict[str, Counter] = {}
    documents: dict[str, dict[str, None]] = {}
    for annotation in annotations:
        for mention in annotation.mentions:
            if mention.kind not in ENTITY_KINDS or not mention.key:
                continue
            names.setdefault(mention.key, Counter())[mention.text] += 1
            kinds.setdefault(mention.key, Counter())[mention.kind] += 1
            documents.setdefault(mention.key, {})[annotation.document] = None
    entities = []
    for key, counter in names.items():
        # The fullest of the common names reads best: "Um Tae-hwa" over "Um".
        name = max(counter, key=lambda text: (counter[text] >= max(counter.values()) / 2, len(text), counter[text]))
        entities.append(
            Entity(
                key=key,
                name=name,
                kind=kinds[key].most_common(1)[0][0],
                aliases=sorted(set(counter) - {name}),
                documents=list(documents[key]),
            )
        )
    return sorted(entities, key=lambda e: (-sum(names[e.key].values()), e.key))
