"""The reconcile stage: a story's sentences aligned into claims, a finding per claim, a timeline and an entity index.

`reconcile_story` is pure: it takes the story's documents and their annotations
and returns plain data, so it runs the same in-process, in a pool, or on a
distributed engine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from corroborator.model import Annotation, Document, Entity, Finding, TimelineEvent
from corroborator.reconcile.align import claims as group_claims
from corroborator.reconcile.align import pairs
from corroborator.reconcile.arguments import argument_findings
from corroborator.reconcile.citing import cite_all_naming, with_same_deeds, with_same_figures
from corroborator.reconcile.entities import entity_index
from corroborator.reconcile.figures import cite_same_values, figure_findings
from corroborator.reconcile.findings import METHOD, claim_findings, lyric_variants, value_findings
from corroborator.reconcile.profiles import client_findings, profile_findings
from corroborator.reconcile.standins import lone_and_widely, standin_findings
from corroborator.reconcile.swaps import swap_findings
from corroborator.reconcile.timeline import timeline
from corroborator.reconcile.units import common_words
from corroborator.reconcile.units import units as story_units

VERDICT_ORDER = ("conflict", "update", "variant", "corroborated", "single_source")


@dataclass(slots=True)
class Reconciled:
    """What the reconcile stage says of one story."""

    findings: list[Finding] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    method: str = METHOD


def reconcile_story(
    documents: list[Document],
    annotations: dict[str, Annotation],
    embed: Callable[[list[str]], np.ndarray] | None = None,
) -> Reconciled:
    """Align the story's sentences into claims and judge each; date its events; index its entities."""
    units = story_units(documents, annotations)
    scored = pairs(units, embed=embed)
    groups = group_claims(units, scored)
    common = common_words(units)
    findings, covered = value_findings(units, scored, common)
    findings += argument_findings(units, findings)
    findings += figure_findings(units, findings)
    cite_same_values(findings, units, common)
    people = lone_and_widely(units)  # who only one source names, who several do: read once for the three below
    findings += standin_findings(units, findings, embed=embed, people=people)
    findings += profile_findings(units, findings, people=people)
    findings += client_findings(units, findings, people=people)
    findings += swap_findings(units, scored, findings, people=people)
    cite_all_naming(findings, units, scored)
    for group in groups:
        findings.extend(claim_findings([units[i] for i in group], covered=bool(covered.intersection(group))))
    variants = lyric_variants(units, findings)
    told = {(e.document, e.start) for finding in variants for e in finding.evidence}
    findings = [f for f in findings if not (f.verdict == "single_source" and
                                            all((e.document, e.start) in told for e in f.evidence))] + variants
    with_same_deeds(findings, units, people)
    with_same_figures(findings, units, people)
    cite_all_naming(findings, units, scored, worded=True)
    findings.sort(key=lambda f: (VERDICT_ORDER.index(f.verdict), -len(f.evidence)))
    return Reconciled(
        findings=findings,
        timeline=timeline([[units[i] for i in group] for group in groups]),
        entities=entity_index([annotations[d.id] for d in documents if d.id in annotations]),
    )
