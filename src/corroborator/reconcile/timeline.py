"""A story's timeline: its dated events, merged across the sources that date them."""

from __future__ import annotations

from corroborator.model import TimelineEvent
from corroborator.reconcile.compare import AGREEING, compare_values, family
from corroborator.reconcile.units import Unit, Value

DATED = ("year", "month", "day", "minute")
_FINER = {precision: rank for rank, precision in enumerate(DATED)}
EVENT_CHARS = 200
SHARED_WORDS = 3  # content words two sentences giving one date share to tell one event


def _event_text(unit: Unit) -> str:
    text = unit.text.strip()
    return text if len(text) <= EVENT_CHARS else text[: EVENT_CHARS - 1].rsplit(" ", 1)[0] + "…"


def timeline(claims: list[list[Unit]]) -> list[TimelineEvent]:
    """Every dated event of the story, in date order.

    Within a claim, agreeing dates are one event dated by the finest of them ("Dec 2023" and
    "December 11" give 2023-12-11), and a sentence that gives one date twice dates one event;
    across claims, events with the same date are merged when the words around the dates overlap
    or their sentences share SHARED_WORDS content words.
    """
    events: list[tuple[Value, list[Unit]]] = []
    for claim in claims:
        local: list[tuple[Value, list[Unit]]] = []
        for unit in claim:
            for value in unit.values:
                if family(value) != "time" or value.precision not in DATED:
                    continue
                for index, (other, units) in enumerate(local):
                    comparison = compare_values(value, other)
                    if not (comparison and comparison.relation in AGREEING):
                        continue
                    if any(u is unit for u in units):
                        if comparison.relation == "equal":
                            break  # the sentence's own second wording of one date ("last year ... in 2024")
                        continue
                    if units[0].document != unit.document and value.anchors & other.anchors:
                        if _FINER[value.precision] > _FINER[other.precision]:
                            local[index] = (value, units)
                        units.append(unit)
                        break
                else:
                    local.append((value, [unit]))
        events.extend(local)
    merged: list[tuple[Value, list[Unit]]] = []
    for value, units in events:
        same = next((entry for entry in merged if entry[0].value == value.value
                     and (entry[0].anchors & value.anchors or _told_alike(entry[1], units))), None)
        if same is not None:
            same[1].extend(units)
        else:
            merged.append((value, list(units)))
    result = [
        TimelineEvent(
            date=_date(value),
            precision=value.precision,
            event=_event_text(_teller(value, units)),
            documents=list(dict.fromkeys(u.document for u in units)),
        )
        for value, units in merged
    ]
    return sorted(result, key=lambda e: (e.date, -_FINER[e.precision]))


def _teller(value: Value, units: list[Unit]) -> Unit:
    """The sentence an event is told by: the earliest report that gives its date as dated ("midnight KST on
    February 21" for 2025-02-21T00:00+09:00, not another source's "this week")."""
    giving = [u for u in units if any(v.value == value.value for v in u.values)] or units
    return min(giving, key=lambda u: (u.published or "9999", u.document))


def _told_alike(first: list[Unit], second: list[Unit]) -> bool:
    """Whether two groups of sentences share SHARED_WORDS content words: "The region's last deadly quake, in
    1987, killed 31 people" and "Its last deadly earthquake, in 1987, killed 31 people" tell one event."""
    return len({w for u in first for w in u.words} & {w for u in second for w in u.words}) >= SHARED_WORDS


def _date(value: Value) -> str:
    return value.value
