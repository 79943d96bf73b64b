"""What the stories stage reads from one document: plain features, computed without the database.

A document becomes content-word counts (the headline and lede count extra, since that is where an
outlet names the event), entity keys with their kinds, the day or days its time mentions point
at (the event's date, not the publication's), its publication time, and its headline; and the
person it is mainly about, with what the parse says that person does in it (the object of
"arrested", the subject of "resigned"), which tells two events of one kind apart: another player
arrested, another player put on injured reserve; and the sum of money its lede names first, which tells
a 2 million euro heist from an 85 million euro one in the same street (also when a feed lost the euro sign and
wrote "e85 million").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from corroborator.model import Annotation, Document
from corroborator.values import parse_quantity
from corroborator.verbs import NOT_EVENTS, verb_stem

ENTITY_KINDS = frozenset({"person", "org", "place", "work", "event", "other"})
TIME_KINDS = frozenset({"date", "time"})
HEADLINE_WEIGHT = 3.0
LEDE_WEIGHT = 1.5
LEDE_CHARACTERS = 400
# Event days are looked for from a month before publication to a day after it: older dates are
# background ("in 1987"), later ones are plans ("her tour begins in April").
EVENT_DAYS_BEFORE = 30
EVENT_DAYS_AFTER = 1
# The person a document is mainly about weighs this much at least (about three mentions, or two in the lede)
# and this much more than anyone else it names.
LEAD_WEIGHT = 2.0
LEAD_MARGIN = 0.3
LEAD_ROLES = frozenset({"subject", "object"})
# A lede's sum below this is mostly a price or a rate ("$15 a share"), not what the event is worth.
EVENT_SUM_FLOOR = 1000.0
# Currencies worth between half a US dollar and two for decades: sums in any of them compare with sums in another
# within the factor stories.decide.SUM_RATIO allows (60 million euros, 66 million dollars, 52 million pounds).
NEAR_DOLLAR = frozenset({"USD", "EUR", "GBP", "CHF", "CAD", "AUD", "NZD", "SGD"})
# A sum whose currency sign a feed lost and wrote as a letter glued to the figure: "e85 million" (€), "p74million"
# (£), "e75m". Only with a scale word after it, so a letter and a number alone ("e85", a fuel) are not money.
_LOST_SIGN = re.compile(r"(?<![\w$€£.,-])(?P<sign>[ep])(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
                        r"\s?(?P<scale>million|billion|bn|mn|(?<=\d)m)\b")
_LOST_CURRENCY = {"e": "EUR", "p": "GBP"}
_SCALE = {"million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}

# Function words and the words every news story uses; they say nothing about which event it is.
STOP_WORDS = frozenset(
    """a about above after again against all almost also although always am among an and another any
    are around as at be became because been before being below between both but by can could did do
    does doing done down during each either else even ever every few for from further had has have
    having he her here hers herself him himself his how however i if in into is it its itself just
    last least less like made make many may me might more most much must my myself near neither never
    new next no nor not now of off often on once one only onto or other others our ours ourselves out
    over own per perhaps put rather same says said say saying see seen several she should since so
    some still such than that the their theirs them themselves then there these they this those
    though through thus till to too toward towards under until up upon us very via was we well were
    what whatever when where whether which while who whom whose why will with within without would
    yet you your yours yourself told tells according reported reports report including include
    includes included added adds week weeks day days today yesterday tomorrow time times year years
    month months monday tuesday wednesday thursday friday saturday sunday morning evening night
    afternoon early late later earlier ago two three four five six seven eight nine ten first second
    third get got go going went come came take took makes told asked want wanted know known think
    back way ways part lot lots thing things something anything nothing everything someone people
    news story stories article read reading click share comment comments image images photo photos
    http https www com html""".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass(slots=True)
class DocumentFeatures:
    """One document as the stories stage sees it."""

    document: str
    headline: str
    terms: dict[str, float]  # content word → weighted count
    entities: dict[str, float] = field(default_factory=dict)  # entity key → weighted count
    kinds: dict[str, str] = field(default_factory=dict)  # entity key → its most frequent kind
    event_days: dict[int, float] = field(default_factory=dict)  # proleptic ordinal day → weight
    published: float | None = None  # seconds since the epoch
    published_iso: str | None = None
    source: str = ""
    duplicate_of: str | None = None
    lede: str = ""  # the body up to the end of the lede: what an embedding of the document reads
    embedding: tuple[float, ...] | None = None  # unit vector of headline and lede, when embeddings are on
    people: dict[str, float] = field(default_factory=dict)  # the people it names, by surname → weight
    lead: str | None = None  # surname of the person the document is mainly about, when one stands out
    lead_roles: frozenset[str] = frozenset()  # "verb stem:role" the parse gives the lead ("arrest:object")
    # The first sum of money its lede names, by currency, those near the dollar as one: ("~USD", 2e6), ("JPY", 5e8).
    event_sum: tuple[str, float] | None = None

    @property
    def event_day(self) -> int | None:
        """The day the document's time mentions point at most (ties: the earlier day)."""
        return primary_day(self.event_days)

    @property
    def time(self) -> float | None:
        """When the document was published, for the active window; None when it does not say (an
        undated report is kept apart from other events by its event days alone, not by its age)."""
        return self.published


def embedding_text(features: DocumentFeatures) -> str:
    """What an embedding of the document reads: the headline and the lede, where the event is named
    (a sentence-transformers model reads a few hundred words at most anyway)."""
    return f"{features.headline}\n{features.lede}".strip()


def primary_day(days: dict[int, float]) -> int | None:
    if not days:
        return None
    return min(days, key=lambda day: (-days[day], day))


def words(text: str) -> list[str]:
    """Content words of a text: lower case, possessives and plural endings trimmed, stop words dropped."""
    result = []
    for word in _WORD.findall(text.lower()):
        word = re.sub(r"['’]s?$", "", word).replace("’", "'")
        word = _singular(word)
        if len(word) > 2 and word not in STOP_WORDS:
            result.append(word)
    return result


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s")):
        return word[:-1]
    return word


def parse_published(value: str | None) -> float | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


def _day_of(value: str | None, precision: str | None) -> int | None:
    """The day an ISO time value names, when it names one ("2023-12-11", "2024-01-24T00:00+09:00")."""
    if not value or len(value) < 10 or precision in ("year", "month", "week", "season", "decade"):
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def extract(document: Document, annotation: Annotation | None) -> DocumentFeatures:
    """The stories features of a document and its annotation (None when it has not been annotated)."""
    headline = (document.title or "").strip()
    body = document.body
    lede_end = _lede_end(body)
    terms: Counter[str] = Counter()
    for word in words(headline):
        terms[word] += HEADLINE_WEIGHT
    for word in words(body[:lede_end]):
        terms[word] += LEDE_WEIGHT
    for word in words(body[lede_end:]):
        terms[word] += 1.0
    published = parse_published(document.published)
    features = DocumentFeatures(
        document=document.id,
        headline=headline,
        terms={term: round(1.0 + math.log(count), 4) for term, count in terms.items()},
        published=published,
        published_iso=document.published,
        source=document.outlet,
        duplicate_of=document.duplicate_of,
        lede=body[:lede_end],
    )
    if annotation is not None:
        _add_mentions(features, document, annotation, lede_end)
    return features


def _lede_end(body: str) -> int:
    """Where the lede ends: the end of the sentence that crosses LEDE_CHARACTERS."""
    if len(body) <= LEDE_CHARACTERS:
        return len(body)
    stop = re.search(r"[.!?]['\"”’]?\s", body[LEDE_CHARACTERS:])
    return LEDE_CHARACTERS + (stop.end() if stop else 0)


def entity_key(key: str) -> str:
    """An entity key without its kind prefix: spaCy may call one name a person in one sentence and
    an org in the next ("person:hollin", "place:hollin"); for grouping they are one entity."""
    kind, colon, rest = key.partition(":")
    return rest if colon and kind in ENTITY_KINDS and rest else key


def _add_mentions(features: DocumentFeatures, document: Document, annotation: Annotation, lede_end: int) -> None:
    entities: Counter[str] = Counter()
    people: Counter[str] = Counter()
    kinds: dict[str, Counter[str]] = {}
    days: Counter[int] = Counter()
    published_day = None
    if features.published is not None:
        published_day = datetime.fromtimestamp(features.published, timezone.utc).date().toordinal()
    rank = 0
    # The lede's sums by where they stand: the first one that is what the event is worth is its sum.
    sums = [(match.start(), money_sum(f"{float(match['number'].replace(',', '')) * _SCALE[match['scale']]:.0f} "
                                      f"{_LOST_CURRENCY[match['sign']]}"))
            for match in _LOST_SIGN.finditer(document.body, 0, lede_end)]
    for mention in sorted(annotation.mentions, key=lambda m: m.start):
        weight = LEDE_WEIGHT if mention.start < lede_end else 1.0
        if mention.kind in ENTITY_KINDS and mention.key:
            key = entity_key(mention.key)
            entities[key] += weight
            kinds.setdefault(key, Counter())[mention.kind] += 1
            if mention.kind == "person" and (name := surname(mention.text)):
                people[name] += weight
        elif mention.kind == "money" and mention.start < lede_end:
            sums.append((mention.start, money_sum(mention.value)))
        elif mention.kind in TIME_KINDS:
            day = _day_of(mention.value, mention.precision)
            if day is None:
                continue
            if published_day is not None and not (
                published_day - EVENT_DAYS_BEFORE <= day <= published_day + EVENT_DAYS_AFTER
            ):
                continue
            # News puts the event first; later dates are mostly background ("Monday's quake"), so each
            # later mention weighs less than the one before it.
            days[day] += weight / (1 + rank) ** 2
            rank += 1
    features.event_sum = next((found for _, found in sorted(sums, key=lambda pair: pair[0]) if found), None)
    features.entities = {key: round(1.0 + math.log(count), 4) for key, count in entities.items()}
    features.kinds = {key: counts.most_common(1)[0][0] for key, counts in kinds.items()}
    features.event_days = {day: round(weight, 4) for day, weight in days.items()}
    features.people = {name: round(1.0 + math.log(count), 4) for name, count in people.items()}
    features.lead = lead_person(features.people)
    if features.lead is not None:
        features.lead_roles = frozenset(
            f"{stem}:{mention.role}" for mention in annotation.mentions
            if mention.kind == "person" and mention.head and mention.role in LEAD_ROLES
            and surname(mention.text) == features.lead and (stem := verb_stem(mention.head)) not in NOT_EVENTS
        )


def money_sum(value: str | None) -> tuple[str, float] | None:
    """A money mention's sum by currency, those NEAR_DOLLAR as one ("~2000000 EUR" gives ("~USD", 2000000.0),
    "500000000 JPY" gives ("JPY", 500000000.0)); None without a currency or below EVENT_SUM_FLOOR."""
    try:
        quantity = parse_quantity(value or "")
    except ValueError:
        return None
    if not quantity.unit or not math.isfinite(quantity.number) or quantity.number < EVENT_SUM_FLOOR:
        return None
    return ("~USD" if quantity.unit in NEAR_DOLLAR else quantity.unit), quantity.number


_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_AFTER_SURNAME = frozenset({"jr", "sr", "ii", "iii", "iv", "s"})


def surname(name: str) -> str | None:
    """A person's surname as written, in lower case: "Marcus Doyle", "Doyle" and "Doyle's" give "doyle";
    "Marcus Joseph Oyelaran Jr." gives "oyelaran"."""
    words = [w.casefold() for w in _NAME_WORD.findall(name.replace("’", "'").removesuffix("'s"))]
    while words and words[-1] in _AFTER_SURNAME:
        words.pop()
    return words[-1] if words else None


def lead_person(people: dict[str, float]) -> str | None:
    """The person a document is mainly about: the heaviest, when heavy enough and clear of anyone else."""
    ranked = sorted(people.items(), key=lambda item: (-item[1], item[0]))
    if not ranked or ranked[0][1] < LEAD_WEIGHT:
        return None
    rival = ranked[1][1] if len(ranked) > 1 else 0.0
    return ranked[0][0] if ranked[0][1] - rival >= LEAD_MARGIN else None
