"""Comparing what two sentences of one claim state: their typed values, and the entities in the same role.

Values are matched one to one between the two sentences before they are
compared, so "enlisted in Dec 2023 … return in March 2025" against "enlisted on
December 11 … death on December 27" pairs December with December and leaves
the return date alone. Two values are about the same thing when the words
around them overlap, or when each sentence states only one value of that kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from corroborator.places import nested, one_region
from corroborator.reconcile.games import one_game_day
from corroborator.reconcile.units import (
    CALENDAR,
    MONTHS,
    POSSESSIVE,
    QUANTITY_KINDS,
    WEEKDAY,
    WEEKDAYS,
    Unit,
    Value,
)
from corroborator.values import (
    Comparison,
    compare_quantities,
    compare_times,
    measure,
    parse_quantity,
    parse_time,
    unit_key,
)
from corroborator.verbs import NOT_EVENTS, REPORTING, stem

AGREEING = frozenset({"equal", "contains", "within", "compatible"})
# Words that say a figure is a revision of an earlier one rather than a different account.
REVISION_WORDS = frozenset(
    "rose rise risen rises rising climbed climb climbs increased increase grew grown jumped reached now updated "
    "revised later latest new toll".split()
)
# What a running count measures: a later, higher figure of these is an update.
RUNNING_COUNTS = frozenset(
    "death toll injur missing casualty casualties displaced evacuat rescu arrest case infect confirm homeless "
    "affect victim".split()
)


@dataclass(slots=True)
class Match:
    """Two values, one from each sentence, taken to state the same attribute, and how they compare."""

    first: Value
    second: Value
    comparison: Comparison
    attribute: str
    anchored: bool  # the words around the two values overlap


def family(value: Value) -> str:
    return "time" if value.kind in ("date", "time") else value.kind


def compare_values(a: Value, b: Value) -> Comparison | None:
    """Compare two typed values of one family, or None when they cannot be read."""
    try:
        if WEEKDAY in (a.precision, b.precision):
            return compare_weekdays(a, b)
        if CALENDAR in (a.precision, b.precision):
            return compare_calendar(a, b)
        if family(a) == "time":
            return compare_times(parse_time(a.value, a.precision, zone=a.zone), parse_time(b.value, b.precision, zone=b.zone))
        return compare_quantities(parse_quantity(a.value), parse_quantity(b.value), words=(a.text, b.text))
    except ValueError:
        return None


def compare_weekdays(a: Value, b: Value) -> Comparison:
    """Compare two times that are only days of the week ("on Saturday" in an undated report), by name.

    A weekday against a calendar date is incomparable: with no publication date, nothing says which
    week the weekday falls in."""
    if a.precision != b.precision:
        return Comparison("incomparable", f"{a.text} and {b.text}: an unplaced day of the week against a date")
    if a.value == b.value:
        return Comparison("equal", f"both say {a.value}")
    for zoned, other in ((a, b), (b, a)):
        if zone_apart(zoned.text, zoned.value, other.text, other.value):
            return Comparison("compatible", f"{zoned.text} is {other.value} in a zone behind or ahead of it")
    for night, morning in ((a, b), (b, a)):
        if _NIGHT.search(night.text) and not _DAYTIME.search(morning.text) and _next_day(night.value) == morning.value:
            return Comparison("compatible", f"{night.text} runs into the small hours of {morning.value}")
    return Comparison("conflict", f"{a.value} and {b.value} are different days of the week")


def compare_calendar(a: Value, b: Value) -> Comparison:
    """Compare times of which one is only a day or a month with no year ("April 15" in an undated report) by
    their month and day: "April 15" and "December 15, 2013" are different days whatever the year."""
    first, second = _month_day(a), _month_day(b)
    if first is None or second is None:
        return Comparison("incomparable", f"{a.text} and {b.text}: a day with no year against a time with no day")
    (month_a, day_a), (month_b, day_b) = first, second
    if month_a != month_b and not (day_a and day_b):
        return Comparison("conflict", f"{a.text} and {b.text} are different months")
    if month_a != month_b or (day_a and day_b and day_a != day_b):
        return Comparison("conflict", f"{a.text} and {b.text} are different days of the year")
    if day_a == day_b:
        return Comparison("equal", f"both say {a.text if day_a else MONTHS[month_a - 1].title()}")
    return Comparison("contains", f"{MONTHS[month_a - 1].title()} contains {a.text if day_a else b.text}")


def _month_day(value: Value) -> tuple[int, int | None] | None:
    """(month, day or None) of a yearless value ("--04-15") or of a dated one at day or month precision."""
    if value.precision == CALENDAR:
        parts = value.value.strip("-").split("-")
    elif value.precision in ("day", "month", "minute"):
        parts = value.value[5:10].split("-")
    else:
        return None
    return int(parts[0]), (int(parts[1]) if len(parts) > 1 and value.precision != "month" else None)


_NIGHT = re.compile(r"\b(?:night|overnight)\b", re.I)
_DAYTIME = re.compile(r"\b(?:afternoon|evening|night|noon|midday)\b", re.I)


def _next_day(weekday: str, step: int = 1) -> str:
    return WEEKDAYS[(WEEKDAYS.index(weekday) + step) % 7]


# A clock time written in a named zone ("03:15 GMT Friday"): the day is that zone's; where the reader's day was
# named without a zone, the same moment may fall on the day before (early hours) or after (late hours).
_ZONED_CLOCK = re.compile(r"\b(\d{1,2})[:.]\d{2}\s*(?:GMT|UTC|BST|CES?T|[ECMP][SD]T)\b")


def zone_apart(zoned: str, day: str, other: str, other_day: str) -> bool:
    """Whether a day written with a clock time in a named zone ("03:15 GMT Friday") may be the day next to it that
    another text names without a zone ("Thursday"): the day before for the early hours, the day after for the late."""
    clock = _ZONED_CLOCK.search(zoned)
    return bool(clock) and not _ZONED_CLOCK.search(other) and other_day == _next_day(
        day, -1 if int(clock.group(1)) < 12 else 1)


def attribute(value: Value) -> str:
    """What a value measures, in words: "date", "duration", "count of people", "money"."""
    if family(value) == "time":
        return "date" if value.precision != "minute" else "time"
    if value.kind == "count":
        unit = _unit(value)
        if dimension := measure(unit):
            return dimension[0]  # "length", whether in miles or kilometres
        return f"count of {unit}" if unit else "count"
    return value.kind


def match_values(a: Unit, b: Unit, verbatim: bool = False) -> list[Match]:
    """Pair a's values with b's, one to one (a figure and its conversion in brackets count as one): agreeing and
    well-anchored pairs first. In one sentence told twice (`verbatim`), two values after the same two words
    stand in one place ("operation since January", "operation since September"), even where a clause begins
    before them and leaves them no words around."""
    options = []
    for va in a.values:
        for vb in b.values:
            if family(va) != family(vb) or family(va) not in ("time", *QUANTITY_KINDS):
                continue
            if family(va) == "time" and "unknown" in (va.precision, vb.precision):
                continue
            comparison = compare_values(va, vb)
            if comparison is None or comparison.relation == "incomparable":
                continue
            overlap = len(va.anchors & vb.anchors) + converted_alike(va, vb) + (verbatim and same_place(va, vb))
            # Two times the parse makes the time of one event verb stand in one place, whatever words are near
            # them: "On Monday, the guild named Ferreira …" and "Ferreira was named on Friday …".
            overlap += family(va) == "time" and bool((dated_verbs(a, va) & dated_verbs(b, vb)) - NOT_EVENTS)
            # Two days of one final score both sentences give are the day of one game, whatever verbs tell it:
            # "outlasted the Hawks 51-50 Friday", "which defeated the Hawks 51-50 on Monday".
            overlap += family(va) == "time" and one_game_day(a, va, b, vb)
            alone = _only_of_family(a, va) and _only_of_family(b, vb)
            # A bare figure ("rose to 13") is held against a counted one only by shared words; one count of a
            # thing equal to another's ("two touchdowns"), or one length of time agreeing with another's ("seven
            # years", "around seven years"), is the same figure, even with no words around it.
            equal = (comparison.relation == "equal" and counted(va) is not None
                     or va.kind == "duration" and comparison.relation in AGREEING)
            # Each sentence's one count of a noun, beside another noun both count alike ("142 yards and two
            # scores", "142 yards and 5 scores"), is paired too: one line of figures.
            once = (counted(va) is not None and only_of_noun(a, va) and only_of_noun(b, vb)
                    and counted(va) not in (nouns := counted_alike(a, b)) and bool(nouns))
            if not overlap and not (counted(va) == counted(vb) and (alone or equal or once)):
                continue
            agree = comparison.relation in AGREEING
            options.append(((agree, overlap, alone), va, vb, comparison, overlap > 0))
    options.sort(key=lambda option: option[0], reverse=True)
    partner: dict[int, Value] = {}  # value id → the value it is matched with
    matches = []
    for _, va, vb, comparison, anchored in options:
        if not (_free(va, vb, partner) or _free(vb, va, partner)):
            continue
        partner.setdefault(id(va), vb)
        partner.setdefault(id(vb), va)
        matches.append(Match(va, vb, comparison, attribute(va), anchored))
    return matches


def dated_verbs(unit: Unit, value: Value) -> set[str]:
    """The stems of the verbs whose time the parse says a time value is."""
    return {x.stem for x in unit.arguments if x.kind == "time" and x.text == value.text}


def one_party_dated(a: Unit, first: Value, b: Unit, second: Value) -> bool:
    """Whether two times date one deed done by or to one person: the parse makes each the time of one event verb and
    gives that verb the same person in the same role in both sentences ("a speeding van killed Dana Pell in May", "the
    driver who killed Dana Pell last September"). An organisation does one deed many times (a company releasing
    patches, a team signing players), so it ties no two days."""
    deeds = (dated_verbs(a, first) & dated_verbs(b, second)) - NOT_EVENTS
    return any(
        x.stem == y.stem and x.stem in deeds and x.role == y.role and x.role in ("subject", "object")
        and x.kind == y.kind == "person" and could_be_one(x.text, y.text)
        for x in a.arguments for y in b.arguments
    )


def _free(value: Value, other: Value, partner: dict[int, Value]) -> bool:
    """Whether `value` may be matched with `other`: it is not matched yet, and `other` is not either or is
    matched with the figure `value` converts in brackets. A figure and its conversion are one figure, so both
    meet the other sentence's one figure ("fell around 3,400ft (609 metres)" against "fell about 600m")."""
    if id(value) in partner:
        return False
    taken = partner.get(id(other))
    return taken is None or any(value is x for x in taken.conversions)


def same_place(a: Value, b: Value) -> bool:
    """Whether two values come after the same two words of their sentences, or open them after the same word or
    none ("Between 1991 and 1998, …", "Between 1988 and 1998, …")."""
    return a.lead == b.lead


def converted_alike(a: Value, b: Value) -> bool:
    """Whether two figures are glossed by agreeing figures in another unit: "$5.4 million (five million euros)"
    and "a five-million-euro ($6.5-million) haul" state one sum, converted differently."""
    for x in a.conversions:
        for y in b.conversions:
            if x.kind == y.kind and (comparison := compare_values(x, y)) is not None and comparison.relation in AGREEING:
                return True
    return False


def same_counts(a: Unit, b: Unit):
    """Each pair of counts, one from each sentence, of one counted noun ("16 points", "20 points"), with how
    they compare (None when they cannot be)."""
    for x in a.values:
        if x.kind != "count" or (noun := counted(x)) is None:
            continue
        for y in b.values:
            if y.kind == "count" and counted(y) == noun:
                yield x, y, compare_values(x, y)


def figures_differ(a: Unit, b: Unit) -> bool:
    """Whether two sentences count one noun differently ("16 points", "20 points"): two lines of figures, so
    two people in one role of them are two people, not one named two ways."""
    return any(c is not None and c.relation == "conflict" for _, _, c in same_counts(a, b))


def _unit(value: Value) -> str | None:
    return value.value.split(" ", 1)[1] if value.kind == "count" and " " in value.value else None


def dimension(value: Value) -> str | None:
    """The dimension of a count's unit of measure ("length" for miles and km), or None for any other count."""
    found = measure(_unit(value))
    return found[0] if found else None


def counted(value: Value) -> str | None:
    """What a count counts: its noun, or the dimension of its unit of measure ("length" for miles and km)."""
    return unit_key(_unit(value))


def counted_alike(a: Unit, b: Unit) -> set[str]:
    """The nouns two sentences give equal counts of ("364 yards" in both)."""
    return {counted(x) for x, _, c in same_counts(a, b) if c is not None and c.relation == "equal"}


def whose(unit: Unit, value: Value) -> frozenset[str]:
    """The people whose figure a figure is: those its clause names, else (its clause naming nobody) the one person
    the sentence makes the subject of its verbs ("Kessler passed Orpe … while posting 43 points")."""
    if value.people:
        return value.people
    subjects = {x.text for x in unit.arguments if x.role == "subject" and x.kind == "person"}
    return frozenset(subjects) if len(subjects) == 1 else frozenset()


def only_of_noun(unit: Unit, value: Value) -> bool:
    """Whether a count is its sentence's only count of what it counts."""
    return value.kind == "count" and sum(1 for v in unit.values if v.kind == "count" and counted(v) == counted(value)) == 1


def _only_of_family(unit: Unit, value: Value) -> bool:
    return sum(1 for v in unit.values if family(v) == family(value)) == 1


def different_events(a: Value, b: Value, a_unit: Unit, b_unit: Unit) -> bool:
    """Whether two figures plainly belong to different events or people: their clauses are dated apart,
    placed apart or name different people ("Orpe scored nine points", "Kessler had 20 points"), or
    one is dated a year or more before the other report ("since 1987, when 31 people died"), or they come from
    polls credited to different pollsters."""
    if a.times and b.times and all(_apart(x, y) for x in a.times for y in b.times):
        return True
    if a.places and b.places and not a.places & b.places:
        return True
    if a.people and b.people and not any(could_be_one(x, y) for x in a.people for y in b.people):
        return True  # one player's 20 points and another's nine
    if _other_polls(a, a_unit, b, b_unit):
        return True  # two pollsters' polls: two samples, two measurements
    return _historical(a, a_unit, b_unit) or _historical(b, b_unit, a_unit)


_POLL = re.compile(r"\b(?:poll|survey)s?\b", re.I)
POLLSTER_BEFORE = 30  # characters before "poll" where its maker's name stands ("a Gallup poll", "Kuma's survey")


def pollsters(value: Value, unit: Unit) -> list[str]:
    """The names a poll or survey that gives a figure is credited to: those written between the word "poll" (or
    "survey") and the figure, or just before that word ("a poll for the Daily Ledger found 61 percent", "a Norland
    Institute survey put it at 58 percent"); none when the sentence tells of no poll before the figure."""
    at = value.start - unit.start
    polls = list(_POLL.finditer(unit.text, 0, max(at, 0)))
    if not polls:
        return []
    span = unit.text[max(0, polls[-1].start() - POLLSTER_BEFORE): at]
    return [name for name in unit.names.values() if name and name in span]


def _other_polls(a: Value, a_unit: Unit, b: Value, b_unit: Unit) -> bool:
    """Whether two figures come from polls credited to different makers: each its own sample, asked its own
    question, so 61 percent in one and 54 percent in the other do not contradict each other."""
    first, second = pollsters(a, a_unit), pollsters(b, b_unit)
    return bool(first and second) and not any(could_be_one(x, y) for x in first for y in second)


def _historical(value: Value, unit: Unit, other: Unit) -> bool:
    """A figure dated (in its clause, else its sentence) a year or more before the other report, which names no such date."""
    times = value.times or tuple(v for v in unit.values if family(v) == "time")
    if not times or not other.published:
        return False
    reported = parse_time(other.published[:10], "day")
    if not all(_years_before(t, reported) for t in times):
        return False
    return not any(family(v) == "time" and not _apart(v, t) for v in other.values for t in times)


def _apart(x: Value, y: Value) -> bool:
    comparison = compare_values(x, y)
    return comparison is not None and comparison.relation == "conflict"


def _years_before(time: Value, reported) -> bool:
    try:
        value = parse_time(time.value, time.precision, zone=time.zone)
    except ValueError:
        return False
    return value.known and reported.known and (reported.start - value.end).days >= 365


def is_update(match: Match, earlier: Unit, later: Unit) -> bool:
    """Whether a differing figure in `later` (published after `earlier`) revises the earlier one.

    Only running counts (a toll, the injured, the missing) and figures the later sentence marks
    as revised ("rose to", "now") are updates; a date or a name that changes is a conflict.
    """
    if family(match.first) == "time":
        return False
    later_words = set(later.words)
    anchors = match.first.anchors | match.second.anchors
    return bool(later_words & REVISION_WORDS) or bool(anchors & RUNNING_COUNTS)


ROLE_WORDS = 2  # distinctive words two names must share around them to stand in one role


@dataclass(slots=True)
class RoleConflict:
    """Different entities named in the same role by two sentences that otherwise say the same thing."""

    kind: str
    first: str  # entity key in the first sentence
    second: str  # entity key in the second sentence
    spelled: bool = False  # the two names differ by one letter: one name spelled two ways, not two entities
    framed: bool = False  # the parse gives both names one role of one event verb, or makes both owners of one thing
    picked: bool = False  # picked out of several people on a side as the one pair in one role


def role_conflicts(a: Unit, b: Unit, common: frozenset[str] = frozenset(),
                   unknown: frozenset[str] = frozenset()) -> list[RoleConflict]:
    """Entities of one kind that only one of two aligned sentences names, each in the other's role.

    Only a lone differing entity on each side counts (of several people on a side, the one pair the parse
    gives one role of one event verb, marked `picked`), only when the parse makes both names the same
    role of the same verb (the subject of "died") or the same office ("general manager
    Piet Lanner said", "general manager Dana Kowalczyk confirmed") or the same partner, someone both sentences name,
    in a pair joined by "and" ("Alice Brandt and Nina Holm") or the words around the two share ROLE_WORDS
    distinctive words, never when the parse gives both names roles and no role is the
    same (the one fired and the one hired), and never when the two names can be one ("Peter J.
    Lomax" and "Peter Lomax", "California" and "Southern California"): sentences that list
    different people, or name one person two ways, or one place and a place within it ("Athens",
    "Greece"), are not contradicting each other.
    """
    conflicts = []
    for kind in ("person", "place", "org", "work"):
        only_a = [k for k, kd in a.keys.items() if kd == kind and k not in b.keys and not in_parentheses(a, k)]
        only_b = [k for k, kd in b.keys.items() if kd == kind and k not in a.keys and not in_parentheses(b, k)]
        if kind == "person" and only_a and only_b:
            # One person written two ways on the two sides ("Dr Ilse Varga", "Ilse Varga") is nobody's stand-in.
            alike = {(ka, kb) for ka in only_a for kb in only_b
                     if could_be_one(a.names.get(ka, ka), b.names.get(kb, kb))}
            if len(only_a) + len(only_b) > 2 and alike:
                paired_a, paired_b = {ka for ka, _ in alike}, {kb for _, kb in alike}
                only_a = [k for k in only_a if k not in paired_a]
                only_b = [k for k in only_b if k not in paired_b]
        if kind == "person" and len(only_a) + len(only_b) == 1:
            only_a = only_a or _mistaken_person(a, b, only_b[0], unknown)
            only_b = only_b or _mistaken_person(b, a, only_a[0], unknown)
        picked = False
        if kind == "person" and only_a and only_b and len(only_a) + len(only_b) > 2:
            # More people on a side ("Constable Owen Marsh says the dismissed clerk, Dana Kowalczyk, 61,
            # fired first"): the one pair the parse gives one role of one event verb.
            framed = [(ka, kb) for ka in only_a for kb in only_b
                      if any(stem not in NOT_EVENTS for stem, _ in _frames_of(a, ka) & _frames_of(b, kb))]
            if picked := len(framed) == 1:
                only_a, only_b = [framed[0][0]], [framed[0][1]]
        if len(only_a) == 1 and len(only_b) == 1:
            ka, kb = only_a[0], only_b[0]
            if may_be_one(kind, a.names.get(ka, ka), b.names.get(kb, kb)):
                continue
            if _possessive(a, ka) != _possessive(b, kb):
                continue  # "Kessler broke Orpe's record", "Paul Kessler broke the record": other roles
            if _added_by_also(a, ka) or _added_by_also(b, kb):
                continue  # "Agent Lyle also represents Corbin", "Lyle represented Dace": one more client, not another's
            frames = _frames_of(a, ka), _frames_of(b, kb)
            if frames[0] and frames[1] and not frames[0] & frames[1]:
                continue  # the parse gives both names roles, and no role is the same one
            same_frame = any(stem not in NOT_EVENTS or (role == "subject" and _one_object(a, b, stem))
                             for stem, role in frames[0] & frames[1])
            # The speakers of one quotation: '"We are delighted …," producers Greta Lindqvist and Theo Banks said'.
            same_frame = same_frame or (_said(frames[0] & frames[1]) and _one_quotation(a, b))
            # The owners of one thing: "Nina Brandt's church in Port Alder", "Marta Quillon's church in Port Alder".
            same_frame = same_frame or bool(_owned(a, ka) & _owned(b, kb))
            # The partner of one person in a pair both sentences list: "the bodies of Alice Brandt and Nina Holm",
            # "the bodies of Alice Brandt, 58, and Ruth Kessler, 20".
            partnered = kind == "person" and bool(_partner_of(a, ka, b) & _partner_of(b, kb, a))
            if (same_frame or partnered
                    or len((a.roles.get(ka, frozenset()) & b.roles.get(kb, frozenset())) - common) >= ROLE_WORDS):
                conflicts.append(RoleConflict(kind, ka, kb, spelled_alike(a.names.get(ka, ka), b.names.get(kb, kb)),
                                              same_frame, picked))
    if unknown and not any(c.kind == "person" for c in conflicts):
        conflicts += _mistaken_in_frame(a, b, unknown)
    return conflicts


def _mistaken_in_frame(a: Unit, b: Unit, unknown: frozenset[str]) -> list[RoleConflict]:
    """The one pair, among other people on the sides, of a person and a name in `unknown` the tagger took for a
    place or an organisation that the parse gives one role of one event verb ("King decided to fire Lindqvist",
    "the club fired Ned Hollis"), in sentences that do not write each other's name; or none."""
    def candidates(unit: Unit, other: Unit) -> tuple[list[str], list[str]]:
        named = [k for k in unit.keys if k not in other.keys and not in_parentheses(unit, k)]
        return ([k for k in named if unit.keys[k] == "person"],
                [k for k in named if unit.keys[k] in ("place", "org") and k in unknown])
    people_a, mistaken_a = candidates(a, b)
    people_b, mistaken_b = candidates(b, a)
    framed = [(ka, kb) for ka, kb in [*((x, y) for x in mistaken_a for y in people_b),
                                      *((x, y) for x in people_a for y in mistaken_b)]
              if any(stem not in NOT_EVENTS for stem, _ in _frames_of(a, ka) & _frames_of(b, kb))]
    if len(framed) != 1:
        return []
    ka, kb = framed[0]
    first, second = a.names.get(ka, ka), b.names.get(kb, kb)
    writes_other = set(name_words(first)[-1:]) & set(name_words(b.text)) or (
        set(name_words(second)[-1:]) & set(name_words(a.text)))
    if may_be_one("person", first, second) or _possessive(a, ka) != _possessive(b, kb) or writes_other:
        return []  # one person named two ways, other roles, or a sentence that names the other's person itself
    return [RoleConflict("person", ka, kb, False, True, True)]


def _mistaken_person(unit: Unit, other: Unit, person: str, unknown: frozenset[str]) -> list[str]:
    """The one name of `unit` the tagger took for a place or an organisation that may stand for the
    person the other sentence names: a name in `unknown` (one source's, no known place), in a sentence
    that does not write that person's surname itself; or none."""
    surname = name_words(other.names.get(person, person))[-1:]
    if surname and surname[0] in name_words(unit.text):
        return []
    found = [k for k, kind in unit.keys.items() if kind in ("place", "org") and k in unknown and k not in other.keys
             and not in_parentheses(unit, k)]
    return found if len(found) == 1 else []


_PAIRED_AGE = r"(?:\s*,\s*\d{1,3}\s*,)?"  # "Alice Brandt, 58, and Nina Holm, 20"


def _partner_of(unit: Unit, key: str, other: Unit) -> set[tuple[str, str]]:
    """The people, named by both sentences, that a sentence pairs a name with by "and", with the side they stand
    on ("Alice Brandt and Nina Holm": Nina Holm's partner is Alice Brandt, before her)."""
    name = re.escape(unit.names.get(key, key))
    found = set()
    for shared, kind in unit.keys.items():
        if kind != "person" or shared == key or shared not in other.keys:
            continue
        partner = re.escape(unit.names.get(shared, shared))
        if re.search(rf"\b{partner}{_PAIRED_AGE}\s+and\s+{name}\b", unit.text):
            found.add((shared, "before"))
        if re.search(rf"\b{name}{_PAIRED_AGE}\s+and\s+{partner}\b", unit.text):
            found.add((shared, "after"))
    return found


def in_parentheses(unit: Unit, key: str) -> bool:
    """Whether the sentence writes an entity alone in parentheses: an affiliation or a gloss ("Tom Burke
    (Alder State)"), not a name standing in a role."""
    return "(" in unit.text and re.search(rf"\(\s*{re.escape(unit.names.get(key, key))}\s*\)", unit.text) is not None


_PLURAL_POSSESSIVE = re.compile(r"['’](?=\s)")


def _possessive(unit: Unit, key: str) -> bool:
    """Whether a sentence names an entity only as an owner ("Ford's record", "Rafe Dunmore ’ s record",
    "Owens' run")."""
    name = unit.names.get(key, key)
    ends = [m.end() for m in re.finditer(re.escape(name), unit.text)]
    owner = _PLURAL_POSSESSIVE if name.endswith("s") else None
    return bool(ends) and all(
        POSSESSIVE.match(unit.text, end) or (owner and owner.match(unit.text, end)) for end in ends
    )


_OWNED = re.compile(r"\s?['’]\s?s\s+((?:[^\W\d_]+\s+){0,1}[^\W\d_]+)")


def _owned(unit: Unit, key: str) -> set[str]:
    """The stems of the words a sentence writes right after a name's possessive ("summer" and "house" for
    "Nina Brandt's summer house"); none when the name is no owner."""
    name = unit.names.get(key, key)
    found = set()
    for at in (m.end() for m in re.finditer(re.escape(name), unit.text)):
        if owned := _OWNED.match(unit.text, at):
            found |= {stem(w) for w in owned.group(1).split() if w.casefold() not in _STOP_OWNED}
    return found


_STOP_OWNED = frozenset("the a an and or of in on at to for with".split())


def _said(frames: set[tuple[str, str]]) -> bool:
    """Whether (verb stem, role) pairs make someone the one who said something."""
    return any(stem in REPORTING and role == "subject" for stem, role in frames)


_WORDS = re.compile(r"\w+")
_STATEMENTS = frozenset({"speech", "written"})
QUOTED_WORDS = 6  # words a quotation needs to be one statement, not a phrase any two people may say


def quote_words(text: str) -> list[str]:
    """A quotation's words, in lower case, as two quotations are compared."""
    return [w.casefold() for w in _WORDS.findall(text)]


def _one_quotation(a: Unit, b: Unit) -> bool:
    """Whether two sentences quote one statement, word for word: one quotation, or a stretch of it, of
    QUOTED_WORDS words or more."""
    for x in a.quotes:
        for y in b.quotes:
            if x.kind in _STATEMENTS and y.kind in _STATEMENTS:
                first, second = sorted((quote_words(x.text), quote_words(y.text)), key=len)
                if len(first) >= QUOTED_WORDS and " ".join(first) in " ".join(second):
                    return True
    return False


def _one_object(a: Unit, b: Unit, stem: str) -> bool:
    """Whether two sentences give a verb one person as its object: "The mayor has asked Ilse Varga to be health
    commissioner", "Dana Kowalczyk has asked Dr Ilse Varga to join": asking someone is a deed, not a saying."""
    objects = [[x.text for x in u.arguments if x.stem == stem and x.role == "object" and x.kind == "person"]
               for u in (a, b)]
    return any(could_be_one(x, y) for x in objects[0] for y in objects[1])


def _added_by_also(unit: Unit, key: str) -> bool:
    """Whether the sentence makes a name the object of a verb that "also" comes before ("also represents
    Corbin"): one more of the verb's objects, beside those other sentences name, not one in their place."""
    return any(x.key == key and x.role == "object" and re.search(rf"\balso {re.escape(x.verb)}\b", unit.text)
               for x in unit.arguments)


def _frames_of(unit: Unit, key: str) -> set[tuple[str, str]]:
    """The (verb stem, role) pairs the parse gives an entity in a sentence."""
    return {(x.stem, x.role) for x in unit.arguments if x.key == key}


_NAME_PART = re.compile(r"[^\W\d_]+", re.UNICODE)
_TITLES = frozenset("mr mrs ms dr sir st the of de van von der la le".split())


def may_be_one(kind: str, first: str, second: str) -> bool:
    """Whether two names of one kind may name one entity, or (places) one lies within the other: the gazetteer's
    "Athens" in "Greece", or a street in any town ("Elm Street" and "Dunmore": the street may run through it)."""
    return could_be_one(first, second) or (kind == "place" and (
        nested(first, second) or one_region(first, second) or _thoroughfare(first) != _thoroughfare(second)))


def _thoroughfare(name: str) -> bool:
    """Whether a place's name is a street's or a road's ("117th Street", "Elm Ave.", "Route 9" is not)."""
    words = _NAME_PART.findall(name.casefold())
    return bool(words) and words[-1] in _THOROUGHFARES


# The last word of a street's or a road's name, written out or cut short.
_THOROUGHFARES = frozenset("""street st avenue ave road rd boulevard blvd lane ln drive dr highway hwy parkway pkwy
    expressway freeway turnpike""".split())


def name_words(name: str) -> list[str]:
    """A name's words of two letters or more, in lower case, titles and particles left out."""
    return list(_name_words(name))


@lru_cache(maxsize=1 << 16)
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(w for w in _NAME_PART.findall(name.casefold()) if w not in _TITLES and len(w) > 1)


@lru_cache(maxsize=1 << 16)  # a story compares every name with every other
def could_be_one(first: str, second: str) -> bool:
    """Whether two names may name one entity: one's words within the other's, or the same surname."""
    a, b = name_words(first), name_words(second)
    if not a or not b:
        return True
    if _initials(first, second) or _initials(second, first):
        return True
    return set(a) <= set(b) or set(b) <= set(a) or a[-1] == b[-1]

def may_be_one_person(name: str, other: str) -> bool:
    """Whether two names may name one person: as `could_be_one`, except that two full names whose
    given names differ are two people ("John Ashby" and his sister "Katie Ashby"; "Kathryn" and
    "Katie" may be one), and a name without a word of two letters ("L. A.") says nothing either way."""
    words, others = name_words(name), name_words(other)
    if not words or not others:
        return False
    if len(words) >= 2 and len(others) >= 2 and words[0][:3] != others[0][:3]:
        return False
    return could_be_one(name, other)


def surname_written(name: str, text: str) -> bool:
    """Whether a person's surname is written in a text, tagged or not ("Theo Walsh passed for …")."""
    words = name.split()
    return bool(words) and re.search(rf"\b{re.escape(words[-1])}\b", text) is not None


def spelled_alike(first: str, second: str) -> bool:
    """Whether two names are one name spelled two ways: the same words but one, and that one a letter
    apart ("Halvern Advisers" and "Halvern Advisors", "Varn" and "Varne"); never for words under four letters."""
    a, b = _NAME_PART.findall(first.casefold()), _NAME_PART.findall(second.casefold())
    if len(a) != len(b):
        return False
    differing = [(x, y) for x, y in zip(a, b) if x != y]
    return len(differing) == 1 and min(map(len, differing[0])) >= 4 and _one_edit(*differing[0])


def _one_edit(x: str, y: str) -> bool:
    """Whether y is x with one letter changed, added, dropped, or two neighbours swapped."""
    if abs(len(x) - len(y)) > 1:
        return False
    if len(x) > len(y):
        x, y = y, x
    start = next((i for i, (p, q) in enumerate(zip(x, y)) if p != q), len(x))
    if len(x) < len(y):
        return x[start:] == y[start + 1:]
    swapped = start + 1 < len(x) and x[start] == y[start + 1] and x[start + 1] == y[start]
    return x[start + 1:] == y[start + 1:] or (swapped and x[start + 2:] == y[start + 2:])


def _initials(short: str, long: str) -> bool:
    """Whether `short` is written in the initials of `long` ("THR", "The Hollywood Reporter")."""
    letters = short.replace(".", "").strip()
    if not (2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()):
        return False
    words = [w for w in _NAME_PART.findall(long) if w.casefold() not in ("of", "and", "for")]
    return letters.casefold() in ("".join(w[0] for w in words).casefold(),
                                  "".join(w[0] for w in words if w.casefold() != "the").casefold())


def same_person_written(first: str, second: str) -> bool:
    """Whether two names are one person's written two ways: one letter apart, or one a longer form
    of the other with the same first and last word."""
    a, b = name_words(first), name_words(second)
    return spelled_alike(first, second) or (len(a) >= 2 and len(b) >= 2 and a[0] == b[0] and a[-1] == b[-1])
