"""The units the reconcile stage compares: each sentence of a story with its words, entity keys and typed values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from corroborator.model import Annotation, Document, Mention, Quote
from corroborator.places import known_place
from corroborator.reconcile.nominal import dative_role, nominal_role
from corroborator.values import parse_time
from corroborator.verbs import event_stem, phrasal, stem, verb_stem

ENTITY_KINDS = frozenset({"person", "org", "place", "work", "event", "other"})
TIME_KINDS = frozenset({"date", "time"})
QUANTITY_KINDS = frozenset({"duration", "money", "count", "percent", "rank"})
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_STOP = frozenset(ENGLISH_STOP_WORDS) | {
    "said", "says", "say", "told", "according", "just", "also", "like", "would", "could", "including",
    "year", "years", "day", "days", "time", "week", "month", "today", "yesterday", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "percent", "per", "cent", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ago", "last", "next",
}
WEEKDAY = "weekday"  # the precision of a time that is only a day of the week, unresolved ("on Saturday", undated)
# The precision of a day or a month named without a year in an undated report ("April 15", "in September"): its
# value is ISO 8601's yearless form, "--04-15" or "--09".
CALENDAR = "calendar"
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH_DAY = re.compile(r"\b(" + "|".join(MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?"
                        r"(?:\s+(\d{1,2})(?:st|nd|rd|th)?\b)?|\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?("
                        + "|".join(MONTHS) + r")\b", re.I)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_NAME = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
ANCHOR_WINDOW = 5  # words either side of a value, within its clause, that say what it measures
# A page's own dates: "Published: June 9, 2017", "4 June 2016 Last updated at 09:42", "Friday, Apr 3, 2015 | Updated".
_DATELINE = re.compile(r"\s*(?:published|updated|posted|last updated|first published)\b|.*\b(?:last updated|first published)\b"
                       r"|.*\|\s*(?:updated|posted|published)\b", re.I)
# "Monday's quake", "Ford ’ s record": the name or the day owns what follows.
POSSESSIVE = re.compile(r"\s?['’]\s?s\b")
_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]—–]|\s-\s|\b(?:and|but|while|whereas|although|though|which|who|where|when|since|after|before)\b", re.I
)


def content_words(text: str) -> list[str]:
    """Stems of the content words of a text, in order."""
    return [stem(w) for w in _WORD.findall(text) if w.casefold() not in _STOP and len(w) > 2]


# Offices one person holds at a time in a story: "coroner Ned Colvin", "general manager Piet Lanner",
# "referee Sam Hale", "President Reyes". Two sources giving one office to two people disagree about who.
OFFICES = frozenset("""president coroner referee umpire manager coach director governor mayor sheriff judge captain
    commissioner chairman chairwoman ceo superintendent prosecutor spokesman spokeswoman spokesperson""".split())
_OFFICE_ABBREVIATIONS = {"gov": "governor", "capt": "captain"}
# Offices that are one office only with their department written before them: "Interior Secretary" and
# "Commerce Secretary" are two; a bare "secretary" is no office.
DEPARTMENT_OFFICES = frozenset({"secretary", "minister"})
# Words that make an office another office: a general manager is not the manager, a former president not the president.
OFFICE_QUALIFIERS = frozenset("general head assistant vice deputy chief executive interim acting former".split())
_OFFICE_BEFORE = re.compile(r"(?:([^\W\d_]+)\s+)?([^\W\d_]+)\.?\s*,?\s*$")


# After a name: ", the Gulls' head coach", " is out as Eastfield 88ers head coach"; the words between are a
# team's or a place's name (capitalised, or a possessive), never a clause ("Marsh, who hired the coach").
_OFFICE_AFTER = re.compile(
    r"(?:\s*,\s*(?:the\s+)?|\s+(?:is|was)\s+(?:out\s+)?as\s+(?:the\s+)?)"
    r"(?:(?:[A-Z0-9][\w.'’-]*|[\w.-]+['’]s?)\s+){0,3}?"
    r"(?:(?i:(" + "|".join(sorted(OFFICE_QUALIFIERS)) + r"))\s+)?(?i:(" + "|".join(sorted(OFFICES)) + r"))\b"
    r"(?!\s+[A-Z])")  # "Lindqvist, club president Lena Morrow said": the title of the name after it


def office_after(text: str, end: int) -> str | None:
    """The office written just after a name that ends at `end` of `text` ("head coach" for "Harold Brask
    is out as Harbor City Gulls head coach", "coach" for "Ned Hollis, the Gulls' coach,"), or None."""
    found = _OFFICE_AFTER.match(text, end)
    if not found:
        return None
    qualifier = (found.group(1) or "").casefold()
    head = found.group(2).casefold()
    return f"{qualifier} {head}" if qualifier else head


# An office to come: "President-elect Piet Lanner", "governor - elect Dana Ruiz". One person holds it at a time, and
# it is another office than the one held now.
_ELECT_BEFORE = re.compile(r"([^\W\d_]+)\s?[-‐]\s?elect\s*,?\s*$", re.I)


def office(text: str, start: int) -> str | None:
    """The office written just before a name that starts at `start` of `text` ("general manager" for
    "Gulls general manager Piet Lanner", "captain" for "Homicide Capt. Frank Doyle", "president-elect"), or None."""
    before = text[max(0, start - 40):start]
    if (elect := _ELECT_BEFORE.search(before)) and elect.group(1).casefold() in OFFICES:
        return f"{elect.group(1).casefold()}-elect"
    found = _OFFICE_BEFORE.search(before)
    head = found and _OFFICE_ABBREVIATIONS.get(found.group(2).casefold(), found.group(2).casefold())
    qualifier = found and (found.group(1) or "").casefold()
    if head in DEPARTMENT_OFFICES and found.group(1) and found.group(1)[0].isupper():
        return f"{qualifier} {head}"  # "Interior Secretary Harold Vance": the department makes the office
    if head not in OFFICES:
        return None
    return f"{qualifier} {head}" if qualifier in OFFICE_QUALIFIERS else head


@dataclass(slots=True)
class Value:
    """A typed value stated in a sentence, with the words around it that say what it measures."""

    kind: str
    value: str
    precision: str | None
    text: str
    start: int
    end: int
    anchors: frozenset[str]
    zone: str | None = None  # for times: the zone the text named (an IANA name)
    clause: tuple[int, int] = (0, 0)  # the clause around the value, as offsets in the body
    places: frozenset[str] = frozenset()  # place keys named in the same clause
    people: frozenset[str] = frozenset()  # people named in the same clause, as written: whose figure it is
    times: tuple[Value, ...] = ()  # other times stated in the same clause: when the figure held
    label: bool = False  # a possessive that names a thing rather than dates a statement ("Monday's quake")
    labelled: frozenset[str] = frozenset()  # the words of the thing a possessive names ("county cup final")
    conversions: tuple[Value, ...] = ()  # the same figure in other units, in brackets beside it ("€5 million ($6.5 million)")
    lead: tuple[str, ...] = ()  # the two words before it in the sentence, whatever they are ("operation since")


@dataclass(slots=True)
class Argument:
    """A name or a time that fills a role of a verb in a sentence ("Lena Morrow", subject of "entered"), or a
    name with the office written before it ("Piet Lanner", general manager: verb "general manager", role "office")."""

    verb: str  # the verb as written ("entered")
    stem: str  # its verb_stem, to find the same verb in other sentences ("enter")
    role: str  # subject, object, time, prep:<preposition>, or office
    kind: str  # the entity's kind, or "time"
    text: str  # the name or time as written
    key: str | None = None  # the entity's key
    value: Value | None = None  # the time, when it resolved to a day or a minute


@dataclass(slots=True)
class Unit:
    """One sentence of one document, ready to be compared with the sentences of other documents."""

    document: str
    witness: str  # documents of one outlet, and syndicated copies, share a witness
    source: str
    published: str | None
    published_precision: str | None
    index: int  # the sentence's position in its document
    start: int
    end: int
    text: str
    words: list[str]
    keys: dict[str, str] = field(default_factory=dict)  # entity key → kind
    names: dict[str, str] = field(default_factory=dict)  # entity key → surface text
    roles: dict[str, frozenset[str]] = field(default_factory=dict)  # entity key → the words around it
    values: list[Value] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    speakers: set[str] = field(default_factory=set)  # entity keys of the people quoted in the sentence
    arguments: list[Argument] = field(default_factory=list)  # names and times that fill a verb's role
    copy_of: str | None = None  # the document this one is a syndicated copy of


    @property
    def published_at(self) -> datetime | None:
        return datetime.fromisoformat(self.published) if self.published else None

    def reported_before(self, other: Unit) -> bool:
        """Whether this sentence was published before the other's, as far as both publication times tell."""
        mine, theirs = self.published_at, other.published_at
        if mine is None or theirs is None:
            return False
        return mine + (timedelta(days=1) if self.published_precision == "day" else timedelta(minutes=1)) <= theirs

    @property
    def checkable(self) -> bool:
        """Whether the sentence states something a reader could check: a name, a time, a figure or a quote."""
        return bool(self.keys or self.values or self.quotes)


def speaker_key(name: str, people: dict[str, str] | None = None) -> str:
    """A quoted speaker's entity key: the key of the person the document names so ("Yoon" is the
    "Yoon Ji-seok" named earlier), else the name folded as a person's key."""
    from corroborator.annotate.entities import entity_key

    for text, key in (people or {}).items():
        if text == name or (" " not in name and name in text.split()):
            return key
    return entity_key("person", name)


def named_by_witness(units: list[Unit], kinds: frozenset[str] | None = None) -> tuple[dict[str, set[str]], dict[str, str]]:
    """Each entity key of the given kinds (all, when None): the witnesses that name it, and the name it is
    first written under."""
    named: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for unit in units:
        for key, kind in unit.keys.items():
            if kinds is None or kind in kinds:
                named.setdefault(key, set()).add(unit.witness)
                names.setdefault(key, unit.names.get(key, key))
    return named, names


def witnesses(documents: list[Document]) -> dict[str, str]:
    """Each document's witness: one per outlet, with syndicated copies joined to their original's outlet."""
    parent = {d.id: d.id for d in documents}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_source: dict[str, str] = {}
    for d in documents:
        if d.duplicate_of in parent:
            union(d.id, d.duplicate_of)
        if d.source:
            key = d.source.casefold().strip()
            if key in by_source:
                union(d.id, by_source[key])
            else:
                by_source[key] = d.id
    return {d.id: find(d.id) for d in documents}


def common_words(units: list[Unit], share: float = 0.2) -> frozenset[str]:
    """Words in more than `share` of a story's sentences (at least three): too common to tie two values together."""
    counts: dict[str, int] = {}
    for unit in units:
        for word in set(unit.words) | {w for v in unit.values for w in v.anchors}:
            counts[word] = counts.get(word, 0) + 1
    limit = max(3, share * len(units))
    return frozenset(word for word, count in counts.items() if count >= limit)


def units(documents: list[Document], annotations: dict[str, Annotation]) -> list[Unit]:
    """Every sentence of the story's documents as a Unit."""
    witness_of = witnesses(documents)
    result = []
    for document in documents:
        annotation = annotations.get(document.id)
        if annotation is None:
            continue
        mentions = sorted(annotation.mentions, key=lambda m: m.start)
        people = {m.text: m.key for m in mentions if m.kind == "person" and m.key}
        for index, sentence in enumerate(annotation.sentences):
            inside = [m for m in mentions if m.start >= sentence.start and m.end <= sentence.end]
            unit = Unit(
                document=document.id,
                witness=witness_of[document.id],
                source=document.outlet,
                published=document.published,
                published_precision=document.published_precision,
                index=index,
                start=sentence.start,
                end=sentence.end,
                text=sentence.text,
                words=content_words(_blank(sentence.text, inside, sentence.start)),
                quotes=[q for q in annotation.quotes if q.start < sentence.end and q.end > sentence.start],
                copy_of=document.duplicate_of,
            )
            blanked = _blank(sentence.text, inside, sentence.start)
            for mention in inside:
                if mention.kind in TIME_KINDS and (_DATELINE.match(sentence.text) or not unit.words):
                    continue  # "Published: June 9, 2017", "WASHINGTON - April 27 -": the page's date, not an event's
                _add_mention(unit, mention, sentence.start, blanked)
            _glosses(unit)
            _situate(unit, inside)
            unit.speakers = {
                speaker_key(q.speaker, people) for q in unit.quotes if q.speaker and q.kind in ("speech", "written")
            }
            result.append(unit)
    return result


def _blank(text: str, mentions: list[Mention], offset: int) -> str:
    """The sentence with its names, times and figures blanked out: those are compared as keys and values."""
    chars = list(text)
    for m in mentions:
        if m.kind in ENTITY_KINDS or m.kind in TIME_KINDS or m.kind in QUANTITY_KINDS:
            for i in range(max(0, m.start - offset), min(len(chars), m.end - offset)):
                chars[i] = " "
    # A comma between a place and the place it lies in ("Mannheim, Germany", "Halifax, N.S.") writes one place;
    # it breaks no clause, so a time after it is read with the words before it.
    places = sorted((m for m in mentions if m.kind == "place"), key=lambda m: m.start)
    for first, second in zip(places, places[1:]):
        low, high = first.end - offset, second.start - offset
        if 0 <= low < high <= len(chars) and text[low:high].strip() == ",":
            for i in range(low, high):
                chars[i] = " "
    return "".join(chars)


def _clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the clause around a span of a sentence."""
    cuts = list(_CLAUSE_BREAK.finditer(text))
    left = max((m.end() for m in cuts if m.end() <= start), default=0)
    right = min((m.start() for m in cuts if m.start() >= end), default=len(text))
    return left, right


LEAD_WORDS = 2
_LEAD_WORD = re.compile(r"[^\W_]+")
_GLOSS_GAP = re.compile(r"\s*[(\[;]\s*")


def _glosses(unit: Unit) -> None:
    """Tie a figure to the figures that gloss it in brackets ("5 million euros ($6.5 million)", "5m euros
    (£4.3m; $6.5m)"): each states the same thing in other units, so a gloss takes the figure's clause and words."""
    groups: list[list[Value]] = []
    last = None
    for value in sorted(unit.values, key=lambda v: v.start):
        gap = unit.text[last.end - unit.start : value.start - unit.start] if last is not None else ""
        if groups and value.kind == groups[-1][0].kind == last.kind and _GLOSS_GAP.fullmatch(gap):
            value.anchors |= groups[-1][0].anchors
            value.clause = groups[-1][0].clause
            groups[-1].append(value)
        elif value.kind in QUANTITY_KINDS:
            groups.append([value])
        last = value
    for group in groups:
        for value in group:
            value.conversions = tuple(v for v in group if v is not value)
    _dated_glosses(unit)


_DATE_GLOSS_GAP = re.compile(r"\s*[(\[]\s*")


def _dated_glosses(unit: Unit) -> None:
    """A day glossed by its date in brackets ("died Sunday (March 9, 2008)") is one time: the date stands
    for both, with the words around the day. A day of the week the date does not fall on ("died Tuesday (March 9,
    2008)", a Sunday) is not one time with it: the sentence gives two days, and each is held against the others'."""
    times = sorted((v for v in unit.values if v.kind in TIME_KINDS), key=lambda v: v.start)
    for day, date in zip(times, times[1:]):
        gap = unit.text[day.end - unit.start : date.start - unit.start]
        if date.precision in ("day", "minute") and day.precision != date.precision and _DATE_GLOSS_GAP.fullmatch(gap):
            date.anchors |= day.anchors
            date.clause = day.clause
            if day.precision != WEEKDAY or weekday_of(date) in (None, weekday_of(day)):
                unit.values.remove(day)


def weekday_of(value: Value) -> int | None:
    """The day of the week a time names or falls on (Monday 0), when it says: a day of the week itself, or
    a day or a minute of the calendar."""
    if value.precision == WEEKDAY:
        return WEEKDAYS.index(value.value) if value.value in WEEKDAYS else None
    try:
        parsed = parse_time(value.value, value.precision, zone=value.zone)
    except ValueError:
        return None
    return parsed.start.weekday() if parsed.known and value.precision in ("day", "minute") else None


def _situate(unit: Unit, mentions: list[Mention]) -> None:
    """Give each value the places, the people and the other times named in its own clause."""
    for value in unit.values:
        low, high = value.clause
        inside = [m for m in mentions if m.start >= low and m.end <= high]
        # A "where" clause is about the place named right before it: "in Harwick, where a further 3,000
        # people queued".
        where = _WHERE.search(unit.text[: max(low - unit.start, 0)])
        before = [m for m in mentions if where and m.end - unit.start == where.start()]
        value.places = frozenset(_place_key(m) for m in inside + before if m.key and (
            m.kind == "place" or (m.kind == "org" and known_place(m.text))))
        value.people = frozenset(m.text for m in inside if m.kind == "person")
        value.times = tuple(v for v in unit.values if v is not value and v.kind in TIME_KINDS and low <= v.start and v.end <= high)


_WHERE = re.compile(r"\s*,\s*where\s*$", re.I)


def _place_key(mention: Mention) -> str:
    """A place's key, also when the tagger took the place for an organisation (org:thessaloniki is
    place:thessaloniki)."""
    return mention.key if mention.kind == "place" else "place:" + mention.key.partition(":")[2]


def calendar_value(text: str) -> str | None:
    """A yearless day or month as ISO 8601 writes it ("--04-15" for "April 15", "--09" for "September"), when
    the text names one month and no year; else None."""
    found = list(_MONTH_DAY.finditer(text))
    if len(found) != 1 or re.search(r"\d{4}", text):
        return None
    month_name, day, day_first, month_first = found[0].groups()
    month = next(i for i, name in enumerate(MONTHS, 1) if name.startswith((month_name or month_first).casefold()[:3]))
    day = day or day_first
    if day is None:
        return f"--{month:02d}"
    return f"--{month:02d}-{int(day):02d}" if 1 <= int(day) <= 31 else None


LABELLED_WORDS = 4  # words after a possessive day read as the thing it names


def _labelled(text: str, at: int) -> frozenset[str]:
    """The words of the thing a possessive day names, from `at` to the first little word: "Sunday's county
    cup final replay at Amberford" gives county, cup, final, replay (as stems)."""
    words = []
    for word in _LEAD_WORD.findall(text[at:at + 80])[:LABELLED_WORDS]:
        if word.casefold() in LITTLE_WORDS:
            break
        words.append(stem(word))
    return frozenset(words)


def written_words(text: str) -> frozenset[str]:
    """The stems of every word a text writes, stop words too ("fire"), read as `_labelled` reads a thing's words."""
    return frozenset(stem(word) for word in _LEAD_WORD.findall(text))


LITTLE_WORDS = frozenset("a an the of at in on near for to with and or against between by from that which".split())


# Verbs that only carry the event their object noun tells: "made an offer to X" is "offered to X".
LIGHT_VERBS = frozenset(verb_stem(w) for w in ("made", "extend", "submit"))


def _add_mention(unit: Unit, mention: Mention, offset: int, blanked: str) -> None:
    start, end = mention.start - offset, mention.end - offset
    left, right = _clause_span(blanked, start, end)
    before, after = blanked[left:start], blanked[end:right]
    near = content_words(before)[-ANCHOR_WINDOW:] + content_words(after)[:ANCHOR_WINDOW]
    if not near and mention.kind in TIME_KINDS:
        near = _words_of_its_verb(blanked, start, left, right, mention)
    # The verbs of one event read as one word around a value: "released ... on Saturday", "on Wednesday issued".
    anchors = frozenset(event_stem(word) for word in near)
    value = None
    stated, precision = mention.value, mention.precision
    if mention.kind in TIME_KINDS and not stated and (yearless := calendar_value(mention.text)):
        stated, precision = yearless, CALENDAR  # a day or a month with no year to resolve it by
    elif mention.kind in TIME_KINDS and not stated and len(named := _WEEKDAY_NAME.findall(mention.text)) == 1:
        stated, precision = named[0].title(), WEEKDAY  # a day of the week with no publication date to resolve it by
    if (mention.kind in TIME_KINDS or mention.kind in QUANTITY_KINDS) and stated:
        zone = mention.key if mention.kind in TIME_KINDS else None
        possessive = POSSESSIVE.match(unit.text, end)
        value = Value(mention.kind, stated, precision, mention.text, mention.start, mention.end, anchors,
                      zone, clause=(left + offset, right + offset), label=bool(possessive),
                      labelled=_labelled(unit.text, possessive.end()) if possessive else frozenset(),
                      lead=tuple(w.casefold() for w in _LEAD_WORD.findall(unit.text[:start])[-LEAD_WORDS:]))
        unit.values.append(value)
    light = (mention.kind == "person" and mention.key and mention.head and verb_stem(mention.head) in LIGHT_VERBS
             and mention.role.startswith("prep:") and nominal_role(unit.text, start, end))
    # "handed Jules Hollis a life sentence": whom the sentence was given, whatever role the parse gives the name.
    light = light or (mention.kind == "person" and mention.key and mention.role in (None, "", "object")
                      and dative_role(unit.text, start, end, mention.head or None))
    head, role = mention.head, mention.role
    if mention.kind == "person" and (said := _closing_attribution(unit.text, start, end)):
        head, role = said, "subject"
    if head and role and not light:
        is_time = mention.kind in TIME_KINDS
        verb = phrasal(head, unit.text)
        unit.arguments.append(Argument(
            verb, verb_stem(verb), role, "time" if is_time else mention.kind, mention.text,
            None if is_time else mention.key, value if is_time and mention.precision in ("day", "minute") else None,
        ))
    elif mention.kind == "person" and mention.key and (nominal := light or nominal_role(unit.text, start, end)):
        # "the arrest of Jules Hollis": whom "arrested" takes as object; "made an offer to Jules Hollis": whom the
        # offer went to, as "an offer to Jules Hollis" tells it, not whom something was made to.
        noun, event, role = nominal
        unit.arguments.append(Argument(noun, event, role, "person", mention.text, mention.key))
    if mention.kind == "person" and mention.key and (held := office(unit.text, start) or office_after(unit.text, end)):
        unit.arguments.append(Argument(held, f"office:{held}", "office", "person", mention.text, mention.key))
    if mention.kind in ENTITY_KINDS and mention.key:
        unit.keys.setdefault(mention.key, mention.kind)
        unit.names.setdefault(mention.key, mention.text)
        unit.roles[mention.key] = unit.roles.get(mention.key, frozenset()) | anchors


# A name closing a sentence as whoever said it: "…, club president Lena Morrow said late Tuesday." The parse may
# hang such a name on the verb before it, as if set beside the name there; not one owning or after a preposition ("A
# representative for Mr. Vale said").
_SAID_AFTER = re.compile(r"\s+(said|says)\b[^.;:!?\"“”]{0,30}[.!]?\s*$")
_NOT_THE_SAYER = re.compile(r"\b(?:for|of|to|by|with|from|about|and|or)\s+(?:[\w.'’-]+\s+){0,2}$", re.I)


def _closing_attribution(text: str, start: int, end: int) -> str | None:
    """The verb of saying ("said") whose subject is the name at [start, end) when the name closes its sentence as its
    attribution, after a comma ("…, club president Lena Morrow said late Tuesday."); else None."""
    found = _SAID_AFTER.match(text, end)
    if found is None or "," not in text[max(0, start - 40):start] or _NOT_THE_SAYER.search(text[max(0, start - 40):start]):
        return None
    return found.group(1)


_YEAR_WRITTEN = re.compile(r"\b(?:1[6-9]|20)\d\d\b")


def _words_of_its_verb(blanked: str, start: int, left: int, right: int, mention: Mention) -> list[str]:
    """The words a day of the week or of a month, standing alone in its clause, is read by: those around the verb the
    parse says it dates, in that verb's clause ("the leak began under the harbour at Port Tallis at 6:00 am (0400 GMT)
    on Monday, with ..."), as its own clause's words would be. Only words written in lower case: a capitalised word
    there is a title or a part of a name the tagger left ("President Reyes"), which says who, not what happened. A
    year or a month alone dates background as often as the event, so it borrows nothing."""
    month_day = _MONTH_DAY.search(mention.text)
    if not mention.head or mention.role != "time" or _YEAR_WRITTEN.search(mention.text) or not (
            _WEEKDAY_NAME.search(mention.text) or (month_day and (month_day.group(2) or month_day.group(3)))):
        return []
    found = [m for m in re.finditer(r"\b" + re.escape(mention.head) + r"\b", blanked) if not left <= m.start() < right]
    if not found:
        return []
    verb = min(found, key=lambda m: abs(m.start() - start))
    low, high = _clause_span(blanked, verb.start(), verb.end())
    lower = {stem(w) for w in _WORD.findall(blanked[low:high]) if w[0].islower()}
    words = (content_words(blanked[low:verb.start()])[-ANCHOR_WINDOW:]
             + content_words(blanked[verb.start():high])[:ANCHOR_WINDOW])
    return [w for w in words if w in lower]
