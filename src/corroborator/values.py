"""Typed values and how they compare: the heart of the product.

Times are intervals [start, end) with a precision; quantities are numbers with a
unit and an approximation. Both print as the value strings of the JSON contract
and parse back from them, so the reconcile stage can compare what annotate stored.

Time value strings (``TimeValue.format`` / ``parse_time``):

- ``2025`` year, ``2023-12`` month, ``2023-12-11`` day;
- ``2024-01-24T00:00+09:00`` minute, with the offset of the zone the text named
  (``+00:00`` for UTC, never ``Z``); ``2024-01-24T00:00`` when no zone was stated;
- intervals ``2024-01-15/2024-01-21`` (a week), ``1990/1999`` (a decade): both
  ends are written at the value's precision and both are inclusive.
- ``parse_time`` also accepts an RFC 9557 zone suffix, ``2024-01-24T00:00+09:00[Asia/Seoul]``.

Quantity value strings (``QuantityValue.format`` / ``parse_quantity``):
``[qualifier]number[-number][ unit]``

- qualifier: ``~`` about, ``>`` more than, ``>=`` at least, ``<`` less than,
  ``<=`` up to, ``<~`` almost/nearly (close to, below), ``>~`` just over (close to, above);
- numbers are plain decimals without grouping (``30000``, ``2500000``, ``2.5``);
- unit: ``s`` for durations, an ISO 4217 code for money (``100000 USD``),
  ``%`` written without a space (``9%``), ``pp`` for percentage points, the
  counted noun in the plural for counts (``30000 people``), nothing when unknown;
  a unit of measure is a count of that unit, named in full in the plural
  (``24 kilometres``, ``200 feet``, ``90 kilograms``, ``55 miles per hour``: see MEASURES);
- ranks are written ``No. 4`` (unit ``rank`` in the object).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

TIME_PRECISIONS = ("year", "month", "day", "minute", "unknown")
RELATIONS = ("equal", "contains", "within", "overlaps", "compatible", "conflict", "incomparable")

# Offsets in use on Earth, for saying whether a time whose zone is not stated can still match.
_MIN_OFFSET = timedelta(hours=-12)
_MAX_OFFSET = timedelta(hours=14)
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December")


@dataclass(frozen=True, slots=True)
class Comparison:
    """The verdict of comparing two values, with one line a person can check.

    relation is one of RELATIONS. direction says how the second value stands to
    the first when they differ: "higher"/"lower" for quantities, "later"/"earlier"
    for times, None when they do not differ or cannot be ordered.
    """

    relation: str
    explanation: str
    direction: str | None = None


# ---------------------------------------------------------------- times


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A time as an interval [start, end) with a precision.

    Dates (year, month, day precision) are naive: a calendar date as the text
    gives it. Minute values are aware when the text named a zone (``zone`` then
    holds its IANA name, e.g. "Asia/Seoul") and naive when it did not.
    An unresolved time has precision "unknown" and no interval.
    """

    start: datetime | None = None
    end: datetime | None = None
    precision: str = "unknown"
    zone: str | None = None

    @classmethod
    def unknown(cls) -> TimeValue:
        """A time that could not be resolved."""
        return cls()

    @classmethod
    def of_date(cls, day: date, precision: str = "day", last: date | None = None) -> TimeValue:
        """The year, month or day containing ``day`` (through ``last``, inclusive, for intervals)."""
        last = last or day
        start = _floor(datetime(day.year, day.month, day.day), precision)
        end = _next(_floor(datetime(last.year, last.month, last.day), precision), precision)
        return cls(start, end, precision)

    @classmethod
    def at(cls, moment: datetime, zone: str | None = None) -> TimeValue:
        """The minute starting at ``moment`` (aware or naive)."""
        moment = moment.replace(second=0, microsecond=0)
        return cls(moment, moment + timedelta(minutes=1), "minute", zone)

    @property
    def known(self) -> bool:
        return self.precision != "unknown" and self.start is not None

    @property
    def zone_known(self) -> bool:
        """True when the interval is anchored to a zone (aware), False for calendar dates and zoneless clock times."""
        return self.start is not None and self.start.tzinfo is not None

    @property
    def is_interval(self) -> bool:
        """True when the value spans more than one unit of its precision (a week, a decade)."""
        return self.known and _next(self.start, self.precision) != self.end

    def format(self) -> str | None:
        """The contract string: "2025", "2023-12", "2023-12-11", "2024-01-24T00:00+09:00", "a/b" intervals; None when unknown."""
        if not self.known:
            return None
        first = _format_point(self.start, self.precision)
        if not self.is_interval:
            return first
        last = _floor(self.end - timedelta(microseconds=1), self.precision)
        if self.precision == "minute":
            last = (self.end - timedelta(minutes=1))
        return f"{first}/{_format_point(last, self.precision)}"

    def describe(self) -> str:
        """A reader's rendering for explanations: "December 2023", "2023-12-11", "2024-01-24T00:00+09:00 (Seoul)"."""
        if not self.known:
            return "an unresolved time"
        if self.is_interval:
            return self.format()
        if self.precision == "month":
            return f"{_MONTH_NAMES[self.start.month - 1]} {self.start.year}"
        label = zone_label(self.zone)
        return f"{self.format()} ({label})" if label and self.precision == "minute" else self.format()


def _floor(moment: datetime, precision: str) -> datetime:
    if precision == "year":
        return moment.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    if precision == "month":
        return moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    if precision == "day":
        return moment.replace(hour=0, minute=0, second=0, microsecond=0)
    return moment.replace(second=0, microsecond=0)


def _next(moment: datetime, precision: str) -> datetime:
    """The start of the unit after the one starting at ``moment``."""
    if precision == "year":
        return moment.replace(year=moment.year + 1)
    if precision == "month":
        return moment.replace(year=moment.year + moment.month // 12, month=moment.month % 12 + 1)
    if precision == "day":
        return moment + timedelta(days=1)
    return moment + timedelta(minutes=1)


def _format_point(moment: datetime, precision: str) -> str:
    if precision == "year":
        return f"{moment.year:04d}"
    if precision == "month":
        return f"{moment.year:04d}-{moment.month:02d}"
    if precision == "day":
        return f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
    text = moment.strftime("%Y-%m-%dT%H:%M")
    offset = moment.utcoffset()
    return text if offset is None else text + _format_offset(offset)


def _format_offset(offset: timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def zone_label(zone: str | None) -> str | None:
    """The readable name of a zone for explanations: "Asia/Seoul" → "Seoul", "America/New_York" → "New York"."""
    if not zone:
        return None
    return zone.rsplit("/", 1)[-1].replace("_", " ")


_TIME_POINT = re.compile(
    r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})(?:T(?P<H>\d{2}):(?P<M>\d{2})(?::\d{2}(?:\.\d+)?)?"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?)?)?"
)
_ZONE_SUFFIX = re.compile(r"\[([^\]]+)\]$")


def _parse_point(text: str) -> tuple[datetime, str]:
    match = _TIME_POINT.fullmatch(text)
    if not match:
        raise ValueError(f"not a time value: {text!r}; expected forms like 2023, 2023-12, 2023-12-11, 2024-01-24T00:00+09:00")
    year, month, day = int(match["y"]), int(match["m"] or 1), int(match["d"] or 1)
    if match["H"] is None:
        precision = "day" if match["d"] else "month" if match["m"] else "year"
        return datetime(year, month, day), precision
    tzinfo = None
    if match["tz"]:
        tz = match["tz"].replace(":", "")
        if tz == "Z":
            tzinfo = timezone.utc
        else:
            sign = -1 if tz[0] == "-" else 1
            tzinfo = timezone(sign * timedelta(hours=int(tz[1:3]), minutes=int(tz[3:5])))
    return datetime(year, month, day, int(match["H"]), int(match["M"]), tzinfo=tzinfo), "minute"


def parse_time(value: str | None, precision: str | None = None, zone: str | None = None) -> TimeValue:
    """Parse a contract string back into a TimeValue; None, "" or precision "unknown" give an unknown time.

    ``precision`` (a Mention's) is checked against the string's own; ``zone`` names
    the zone of a minute value (a time Mention's key), for explanations.
    """
    if not value or precision == "unknown":
        return TimeValue.unknown()
    value = value.strip()
    suffix = _ZONE_SUFFIX.search(value)
    if suffix:
        zone = zone or suffix.group(1)
        value = value[: suffix.start()]
    first_text, _, last_text = value.partition("/")
    start, found = _parse_point(first_text)
    last, last_precision = _parse_point(last_text) if last_text else (start, found)
    if last_precision != found:
        raise ValueError(f"time interval {value!r} mixes precisions {found} and {last_precision}")
    if precision is not None and precision != found:
        raise ValueError(f"time value {value!r} has precision {found}, not {precision!r}")
    if found != "minute":
        zone = None
    return TimeValue(start, _next(last, found), found, zone)


def _relate(s1, e1, s2, e2) -> str:
    if s1 == s2 and e1 == e2:
        return "equal"
    if s1 <= s2 and e2 <= e1:
        return "contains"
    if s2 <= s1 and e1 <= e2:
        return "within"
    if s1 < e2 and s2 < e1:
        return "overlaps"
    return "conflict"


def _gap(a: TimeValue, b: TimeValue) -> str:
    """How far apart two disjoint times are, in the coarser of their units."""
    coarse = a.precision if TIME_PRECISIONS.index(a.precision) < TIME_PRECISIONS.index(b.precision) else b.precision
    sa, sb = _floor(a.start, coarse), _floor(b.start, coarse)
    if coarse == "year":
        n, unit = abs(sb.year - sa.year), "year"
    elif coarse == "month":
        n, unit = abs((sb.year - sa.year) * 12 + sb.month - sa.month), "month"
    elif coarse == "day":
        n, unit = abs((sb - sa).days), "day"
    else:
        minutes = abs(int((sb - sa).total_seconds()) // 60)
        hours, minutes = divmod(minutes, 60)
        return " ".join(p for p in (f"{hours} h" if hours else "", f"{minutes} min" if minutes else "") if p)
    return f"{n} {unit}{'' if n == 1 else 's'}"


def compare_times(a: TimeValue, b: TimeValue) -> Comparison:
    """Compare two times as intervals.

    equal/contains/within/overlaps/conflict follow interval logic (aware values are
    compared as moments, so midnight in Seoul equals 10:00 the day before in New
    York). A calendar date against an aware time is read on the time's own local
    calendar; when it does not match there but would in some zone (UTC-12:00 to
    UTC+14:00) the verdict is "compatible", because the date's zone is not stated.
    """
    if not (a.known and b.known):
        return Comparison("incomparable", f"{a.describe()} and {b.describe()} cannot be compared: a time is unresolved")
    da, db = a.describe(), b.describe()
    if a.zone_known != b.zone_known:
        return _compare_mixed(a, b)
    relation = _relate(a.start, a.end, b.start, b.end)
    direction = None
    if relation == "equal":
        if a.precision == "minute" and a.zone_known and a.start.utcoffset() != b.start.utcoffset():
            text = f"{da} and {db} are the same moment"
        else:
            text = f"{da} and {db} are the same {a.precision if a.precision != 'minute' else 'moment'}"
    elif relation == "contains":
        text = f"{da} contains {db}"
    elif relation == "within":
        text = f"{da} is within {db}"
    elif relation == "overlaps":
        text = f"{da} and {db} overlap"
    else:
        direction = "later" if b.start >= a.end else "earlier"
        text = f"{da} and {db} differ by {_gap(a, b)}; the second is {direction}"
    return Comparison(relation, text, direction)


def _compare_mixed(a: TimeValue, b: TimeValue) -> Comparison:
    """One value is aware (a clock time with a zone), the other is a calendar date or a zoneless clock time."""
    naive, aware = (a, b) if b.zone_known else (b, a)
    dn, dw = naive.describe(), aware.describe()
    local_start = aware.start.replace(tzinfo=None)
    local_end = aware.end.astimezone(aware.start.tzinfo).replace(tzinfo=None)
    left, right = (dn, dw) if naive is a else (dw, dn)
    if naive.precision != "minute":
        relation = _relate(naive.start, naive.end, local_start, local_end)
        if relation != "conflict":
            relation = relation if naive is a else {"contains": "within", "within": "contains"}.get(relation, relation)
            verb = {"equal": "is the same as", "contains": "contains", "within": "is within", "overlaps": "overlaps"}
            where = zone_label(aware.zone) or f"UTC{_format_offset(aware.start.utcoffset())}"
            return Comparison(relation, f"{left} {verb[relation]} {right}, reading the date in {where} time")
    # Offsets o at which the aware moment's wall time falls inside the naive interval.
    utc = aware.start.astimezone(timezone.utc).replace(tzinfo=None)
    low = max(naive.start - utc, _MIN_OFFSET)
    high = min(naive.end - utc, _MAX_OFFSET + timedelta(minutes=1))
    if low < high:
        last = high - timedelta(minutes=1)
        zones = f"at UTC{_format_offset(low)}" if low == last else f"from UTC{_format_offset(low)} to UTC{_format_offset(last)}"
        return Comparison("compatible", f"{left} and {right} can agree: {dw} falls within {dn} in zones {zones}; "
                                        f"the zone of {dn} is not stated")
    aware_later = utc + _MIN_OFFSET >= naive.end
    direction = ("later" if aware_later else "earlier") if naive is a else ("earlier" if aware_later else "later")
    return Comparison("conflict", f"{left} and {right} do not match in any time zone; the second is {direction}", direction)


# ---------------------------------------------------------------- quantities

# Tolerances. Each is the widest difference from the stated number that still agrees with it.
APPROX_TOLERANCE = 0.10
"""about, around, roughly, approximately, some, an estimated, "~", and numbers given
with a fraction in words ("five-and-a-half minutes"): ±10% of the stated value."""
NEAR_TOLERANCE = 0.15
"""almost, nearly, just under: up to 15% below the stated value (never above it);
just over: up to 15% above it (never below)."""
ROUNDING_TOLERANCE = 0.05
"""A bare round number stands for itself ± half a unit of its last significant digit,
capped at ±5% of the value: 30000 → ±1500 (not ±5000), 2.5 → ±0.05. Integers with
no trailing zero (323, 4) are exact, except percentages, measures and durations, which are read
as rounded to the unit (9% → ±0.45, 24 kilometres → ±0.5 km, four years → ±0.2 years). Reporters
round, but a different round figure is a different figure."""

_QUALIFIER_WORDS = {"": "", "~": "about", ">": "more than", ">=": "at least", "<": "less than",
                    "<=": "up to", "<~": "almost", ">~": "just over"}
# Units of measure, by their contract name: (dimension, size in the dimension's base unit — metres,
# kilograms, kilometres per hour, square metres). Figures in two units of one dimension are compared
# after converting; each keeps the rounding of the unit it was stated in ("15 miles" is 14.5-15.5 miles).
MEASURES: dict[str, tuple[str, Decimal]] = {
    "millimetres": ("length", Decimal("0.001")), "centimetres": ("length", Decimal("0.01")),
    "metres": ("length", Decimal(1)), "kilometres": ("length", Decimal(1000)),
    "inches": ("length", Decimal("0.0254")), "feet": ("length", Decimal("0.3048")),
    "yards": ("length", Decimal("0.9144")), "miles": ("length", Decimal("1609.344")),
    "nautical miles": ("length", Decimal(1852)),
    "grams": ("weight", Decimal("0.001")), "kilograms": ("weight", Decimal(1)), "tonnes": ("weight", Decimal(1000)),
    "ounces": ("weight", Decimal("0.028349523125")), "pounds": ("weight", Decimal("0.45359237")),
    "kilometres per hour": ("speed", Decimal(1)), "miles per hour": ("speed", Decimal("1.609344")),
    "knots": ("speed", Decimal("1.852")),
    "square metres": ("area", Decimal(1)), "square feet": ("area", Decimal("0.09290304")),
    "hectares": ("area", Decimal(10000)), "acres": ("area", Decimal("4046.8564224")),
    "square kilometres": ("area", Decimal(10**6)), "square miles": ("area", Decimal("2589988.110336")),
}


def measure(unit: str | None) -> tuple[str, Decimal] | None:
    """(dimension, size in base units) of a unit of measure, or None for any other unit."""
    return MEASURES.get(unit) if unit else None


def unit_key(unit: str | None) -> str | None:
    """What a unit measures, for telling figures of one thing from figures of another: a unit of
    measure gives its dimension ("miles" and "kilometres" are both "length"), any other unit itself, in lower case
    ("persons" counted as "people")."""
    found = measure(unit)
    if found:
        return found[0]
    return _SAME_NOUN.get(unit.casefold(), unit.casefold()) if unit else unit


_SAME_NOUN = {"persons": "people", "person": "people"}  # "killing 10 persons", "killing 10 people"


CURRENCIES = frozenset("USD EUR GBP JPY KRW CNY INR CAD AUD HKD SGD NZD CHF RUB BRL MXN ZAR TWD THB "
                       "PHP IDR VND MYR TRY SEK NOK DKK PLN".split())


@dataclass(frozen=True, slots=True)
class QuantityValue:
    """A number with a unit and an approximation, as the text states it.

    A single number has low == high; a range "20-30" has low < high; bounds leave
    one side infinite ("more than 200": low=200, high=inf, low_open). approximate
    marks "about" on a number or range, and "almost" / "just over" on a bound
    (which then means close to it on that side). unit: "s", a currency code, "%",
    "pp", "rank", a plural counted noun, or None when the text names none.
    """

    low: float
    high: float
    unit: str | None = None
    approximate: bool = False
    low_open: bool = False
    high_open: bool = False

    @classmethod
    def stated(cls, number: float, unit: str | None = None, qualifier: str = "", high: float | None = None) -> QuantityValue:
        """Build from a number (or a range up to ``high``) and a qualifier as in the value strings ("~", ">", "<~", ...)."""
        number = float(number)
        if high is not None and float(high) != number:
            low, high = sorted((number, float(high)))
            return cls(low, high, unit, approximate=qualifier == "~")
        if qualifier in ("", "~"):
            return cls(number, number, unit, approximate=qualifier == "~")
        if qualifier in (">", ">=", ">~"):
            return cls(number, math.inf, unit, approximate=qualifier == ">~", low_open=qualifier != ">=")
        if qualifier in ("<", "<=", "<~"):
            return cls(-math.inf, number, unit, approximate=qualifier == "<~", high_open=qualifier != "<=")
        raise ValueError(f"unknown quantity qualifier {qualifier!r}; use one of {', '.join(q for q in _QUALIFIER_WORDS if q)}")

    @property
    def kind(self) -> str:
        """duration, money, percent, rank or count, from the unit."""
        if self.unit == "s":
            return "duration"
        if self.unit in ("%", "pp"):
            return "percent"
        if self.unit == "rank":
            return "rank"
        if self.unit in CURRENCIES:
            return "money"
        return "count"

    @property
    def qualifier(self) -> str:
        if math.isinf(self.high) and not math.isinf(self.low):
            return ">~" if self.approximate else (">" if self.low_open else ">=")
        if math.isinf(self.low) and not math.isinf(self.high):
            return "<~" if self.approximate else ("<" if self.high_open else "<=")
        return "~" if self.approximate else ""

    @property
    def is_range(self) -> bool:
        return self.low != self.high and not (math.isinf(self.low) or math.isinf(self.high))

    @property
    def number(self) -> float:
        """The figure the text gives: the number, the bound, or the middle of a range."""
        if math.isinf(self.high):
            return self.low
        if math.isinf(self.low):
            return self.high
        return (self.low + self.high) / 2

    def _body(self) -> str:
        numbers = [x for x in (self.low, self.high) if not math.isinf(x)]
        text = "-".join(_plain(x) for x in dict.fromkeys(numbers))
        return self.qualifier + text

    def format(self) -> str:
        """The contract string: "330 s", "~330 s", ">200 flights", "<~300 students", "100000 USD", "9%", "No. 4"."""
        body = self._body()
        if self.unit == "rank":
            return f"No. {body}"
        if self.unit == "%":
            return f"{body}%"
        return f"{body} {self.unit}" if self.unit else body

    def describe(self, unit: bool = True, seconds: tuple[int, str] | None = None, words: str = "") -> str:
        """A reader's rendering: "about 30,000 people", "more than 200 flights", "nearly 4 years". A duration
        is told in `seconds`, a (size, name) unit, if given; else in the units its `words` name (see
        `_worded_units`); else in the largest unit it is a whole number of, or in two units ("5 minutes 23
        seconds") when that would be the second."""
        numbers = [x for x in (self.low, self.high) if not math.isinf(x)]
        if self.unit == "s" and unit and not seconds and words:
            if two := _in_two_units(self, words):
                return two
            seconds = _worded_unit(numbers, words)
        if self.unit == "s" and unit and not seconds and len(set(numbers)) == 1 and _in_seconds_only(numbers):
            words = _QUALIFIER_WORDS[self.qualifier]
            text = _duration_words(numbers[0], self.approximate)
            return f"{words} {text}" if words else text
        if self.unit == "s":
            size, name = seconds or _duration_unit(numbers)
            numbers = [x / size for x in numbers]
            if set(numbers) == {1.0} and name != "s":
                name = name[:-1]  # "1 year"
        text = "-".join(_grouped(x) for x in dict.fromkeys(numbers))
        words = _QUALIFIER_WORDS[self.qualifier]
        text = f"{words} {text}" if words else text
        if self.unit == "s" and unit:
            return f"{text} {name}"
        if not unit or not self.unit:
            return text
        if self.unit == "rank":
            return f"No. {text}"
        return f"{text}{'%' if self.unit == '%' else ' ' + self.unit}"

    def tolerance(self) -> tuple[float, float, bool, bool]:
        """The values this statement admits: (low, high, low_open, high_open), per the tolerances above."""
        low, high = self.low, self.high
        if math.isinf(high) and not math.isinf(low):
            if self.approximate:
                return low, low + NEAR_TOLERANCE * abs(low), True, False
            return low, math.inf, self.low_open, True
        if math.isinf(low) and not math.isinf(high):
            if self.approximate:
                return high - NEAR_TOLERANCE * abs(high), high, False, True
            floor = 0.0 if high >= 0 else -math.inf
            return floor, high, floor == -math.inf, self.high_open
        if self.approximate:
            return low - APPROX_TOLERANCE * abs(low), high + APPROX_TOLERANCE * abs(high), False, False
        r_low, r_high = _rounding(low, self.unit), _rounding(high, self.unit)
        return low - r_low, high + r_high, r_low > 0, r_high > 0

    def _reason(self) -> str | None:
        """The tolerance that applies to this statement, in words, or None for a bare number."""
        if self.qualifier == "~":
            return f"'about' (±{APPROX_TOLERANCE:.0%})"
        if self.qualifier == "<~":
            return f"'almost' (up to {NEAR_TOLERANCE:.0%} below)"
        if self.qualifier == ">~":
            return f"'just over' (up to {NEAR_TOLERANCE:.0%} above)"
        if self.qualifier:
            return f"the bound '{self.describe(unit=False)}'"
        return None


def _significant(x: float) -> str:
    """A converted figure to three significant digits, grouped: 24140.16 → "24,100", 60.96 → "61"."""
    if x == 0 or math.isinf(x):
        return _grouped(x)
    digits = 3 - int(math.floor(math.log10(abs(x)))) - 1
    return _grouped(round(x, digits) if digits > 0 else float(round(x, digits)))


def _plain(x: float) -> str:
    if x == int(x) and abs(x) < 1e18:
        return str(int(x))
    return format(Decimal(repr(x)).normalize(), "f")


def _grouped(x: float) -> str:
    if x == int(x) and abs(x) < 1e18:
        return f"{int(x):,}"
    whole, _, frac = _plain(x).partition(".")
    return f"{int(whole):,}.{frac}"


# Units a duration is stated in, in seconds (a Gregorian year and a twelfth of it as the month): a
# duration in seconds that is a whole number of one of them was stated in it, and rounds like it.
_TIME_UNITS = (60, 3600, 86400, 604800, 2629746, 31556952)
_TIME_UNIT_NAMES = {1: "s", 60: "minutes", 3600: "hours", 86400: "days", 604800: "weeks", 2629746: "months",
                    31556952: "years"}


def _rounding(x: float, unit_name: str | None = None) -> float:
    """Half a unit of the last significant digit of a round x, capped at ROUNDING_TOLERANCE of x."""
    if x == 0 or math.isinf(x):
        return 0.0
    text = _plain(abs(x))
    if unit_name == "s" and (stated := _duration_unit([abs(x)])[0]) > 1:
        unit = stated  # "four years" is 126,227,808 s, rounded to the year it was stated in
    elif "." in text:
        unit = 10.0 ** -len(text.split(".")[1])
    elif text.endswith("0") or unit_name in ("%", "pp") or measure(unit_name):
        unit = 10.0 ** (len(text) - len(text.rstrip("0")))
    else:
        return 0.0  # 323 s, 4th: an exact figure
    return min(unit / 2, ROUNDING_TOLERANCE * abs(x))


_QUANTITY = re.compile(
    r"(?P<q><~|>~|>=|<=|~|<|>|≈|≥|≤)?\s*(?P<a>-?\d+(?:\.\d+)?)(?:\s*-\s*(?P<b>-?\d+(?:\.\d+)?))?\s*(?P<unit>%|[^\d\s].*)?"
)


def parse_quantity(value: str) -> QuantityValue:
    """Parse a contract string ("~330 s", ">200 flights", "100000 USD", "9%", "No. 4") back into a QuantityValue."""
    text = value.strip()
    rank = text.startswith("No.")
    if rank:
        text = text[3:].strip()
    match = _QUANTITY.fullmatch(text)
    if not match:
        raise ValueError(f"not a quantity value: {value!r}; expected forms like 330 s, ~330 s, >200 flights, No. 4")
    qualifier = {"≈": "~", "≥": ">=", "≤": "<="}.get(match["q"] or "", match["q"] or "")
    unit = "rank" if rank else (match["unit"] or "").strip() or None
    high = float(match["b"]) if match["b"] else None
    return QuantityValue.stated(float(match["a"]), unit, qualifier, high)


def _includes(bounds: tuple[float, float, bool, bool], x: float) -> bool:
    low, high, low_open, high_open = bounds
    return (low < x or (low == x and not low_open)) and (x < high or (x == high and not high_open))


def _overlap(a: tuple[float, float, bool, bool], b: tuple[float, float, bool, bool]) -> bool:
    low, high = max(a[0], b[0]), min(a[1], b[1])
    if low < high:
        return True
    return low == high and _includes(a, low) and _includes(b, low)


def _meeting_point(a: tuple[float, float, bool, bool], b: tuple[float, float, bool, bool]) -> float | None:
    """The one figure where two intervals touch without overlapping (one ends where the other starts), if any."""
    if a[1] == b[0]:
        return a[1]
    if b[1] == a[0]:
        return b[1]
    return None


def _units_agree(a: QuantityValue, b: QuantityValue) -> str | None:
    """None when the units can be compared, else the reason why not."""
    if a.unit == b.unit or a.kind == b.kind == "count" and a.unit and b.unit and unit_key(a.unit) == unit_key(b.unit):
        return None  # "12 Magazines" and "31 magazines" count one thing, "10 persons" and "10 people" too
    if (first := measure(a.unit)) and (second := measure(b.unit)):
        return None if first[0] == second[0] else f"they measure different things ({first[0]} vs {second[0]})"
    if a.unit is None or b.unit is None:
        known = a.unit or b.unit
        return None if QuantityValue(0, 0, known).kind == "count" else f"one states {known}, the other no unit"
    if a.kind == b.kind == "money":
        return f"different currencies ({a.unit} vs {b.unit}), no exchange rate is applied"
    if a.kind == b.kind == "count":
        return f"they count different things ({a.unit} vs {b.unit})"
    return f"different kinds of quantity ({a.kind} vs {b.kind})"


def _plain_range_vs_figure(a: QuantityValue, b: QuantityValue) -> bool:
    """a is a stated range without approximation, b a number, range or approximate number (not a bound)."""
    return a.is_range and not a.approximate and b.qualifier in ("", "~")


def _pair(a: QuantityValue, b: QuantityValue, shared: str | None, words: tuple[str, str]) -> str:
    """ "about 30,000 vs 40,000 people": the two figures, with a shared unit said once."""
    if shared is None:
        return f"{a.describe()} vs {b.describe()}"
    if shared == "rank":
        return f"No. {a.describe(unit=False)} vs No. {b.describe(unit=False)}"
    if shared == "%":
        return f"{a.describe(unit=False)}% vs {b.describe(unit=False)}%"
    if shared == "s" and (common := _common_duration_unit(a, b, words)):  # "3 vs 4 weeks"
        return f"{a.describe(unit=False, seconds=common)} vs {b.describe(unit=False, seconds=common)} {common[1]}"
    if shared == "s":
        return f"{a.describe(words=words[0])} vs {b.describe(words=words[1])}"  # "5 minutes 23 seconds vs 6 minutes"
    return f"{a.describe(unit=False)} vs {b.describe(unit=False)} {shared}"


def _read(a: QuantityValue, b: QuantityValue, words: tuple[str, str]) -> tuple[str, str]:
    """Two figures as a reader writes them, durations in one unit: "about 25,000 people", "118 minutes"."""
    if a.unit == b.unit == "s" and (common := _common_duration_unit(a, b, words)):
        return a.describe(seconds=common), b.describe(seconds=common)
    if a.unit == b.unit == "s":
        return a.describe(words=words[0]), b.describe(words=words[1])
    return a.describe(), b.describe()


def _common_duration_unit(a: QuantityValue, b: QuantityValue, words: tuple[str, str]) -> tuple[int, str] | None:
    """The one unit two durations are told in: a unit their words name that fits both ("28 days" and "28 days"
    stay in days), else the largest unit both are whole numbers of ("3 vs 4 weeks"); None when each side's
    words name a unit of their own ("four weeks" and "28 days"), or when the one unit would be the second and
    they run a minute or more: each is then told in its own units."""
    if any(_in_two_units(v, w) for v, w in zip((a, b), words)):
        return None
    numbers = [x for v in (a, b) for x in (v.low, v.high) if not math.isinf(x)]
    named = {_worded_unit([x for x in (v.low, v.high) if not math.isinf(x)], w) for v, w in zip((a, b), words)}
    if len(named - {None}) > 1:
        return None
    if common := _worded_unit(numbers, " ".join(words)):
        return common
    return None if _in_seconds_only(numbers) else _duration_unit(numbers)


# Units of time a text names, largest first, in seconds: "five-and-a-half minute" is told in minutes.
_WORDED_UNITS = (("year", 31556952), ("month", 2629746), ("week", 604800), ("day", 86400), ("hour", 3600),
                 ("minute", 60))


def _worded_unit(seconds: list[float], words: str) -> tuple[int, str] | None:
    """The largest unit `words` name that gives each duration as at least one, with one decimal at most ("36
    million hours" stays in hours, "five-and-a-half minute" is 5.5 minutes), as (size, plural name)."""
    words = words.lower()
    for name, size in _WORDED_UNITS:
        if name in words and seconds and all(x >= size and float(x * 10 / size).is_integer() for x in seconds):
            return size, name + "s"
    return None


def _in_two_units(quantity: QuantityValue, words: str) -> str | None:
    """An exact duration as "5 minutes 23 seconds" when its words name both units and it fills them."""
    if quantity.low != quantity.high or quantity.approximate or math.isinf(quantity.low):
        return None
    seconds, words = quantity.low, words.lower()
    named = [(name, size) for name, size in (*_WORDED_UNITS, ("second", 1)) if name in words and seconds >= size]
    if len(named) < 2:
        return None
    (large, large_size), (small, small_size) = named[:2]
    whole, rest = divmod(seconds, large_size)
    if not rest or not float(rest / small_size).is_integer():
        return None
    return f"{_counted(whole, large)} {_counted(rest / small_size, small)}"


def _counted(count: float, name: str) -> str:
    return f"{_grouped(count)} {name if count == 1 else name + 's'}"


def _in_seconds_only(seconds: list[float]) -> bool:
    """Whether durations of a minute or more are whole numbers of no larger unit than the second, so that one
    unit for them all would be seconds ("323 s" beside "about 330 s")."""
    return _duration_unit(seconds)[0] == 1 and any(x >= 60 for x in seconds)


def _duration_words(x: float, approximate: bool) -> str:
    """A duration of a minute or more as a reader writes it: approximate, in the largest unit giving it one
    decimal at most ("about 5.5 minutes"); exact, in two units ("5 minutes 23 seconds")."""
    def named(count: float, size: int) -> str:
        name = _TIME_UNIT_NAMES[size] if size > 1 else "seconds"
        return f"{_grouped(count)} {name[:-1] if count == 1 else name}"

    larger = [u for u in reversed(_TIME_UNITS) if u <= x]
    if approximate:
        for size in larger:
            if float(x * 10 / size).is_integer():
                return named(x / size, size)
    large = larger[0]
    whole, rest = divmod(x, large)
    small = next((u for u in (*reversed(_TIME_UNITS), 1) if u < large and float(rest / u).is_integer()), 1)
    return f"{named(whole, large)} {named(rest / small, small)}" if rest else named(whole, large)


def _duration_unit(seconds: list[float]) -> tuple[int, str]:
    """The largest unit of time that every one of these durations is a whole number of, as (size, plural name)."""
    whole = [u for u in _TIME_UNITS if all(x % u == 0 for x in seconds)]
    size = max(whole, default=1)
    return size, _TIME_UNIT_NAMES[size]


def compare_quantities(a: QuantityValue, b: QuantityValue, words: tuple[str, str] = ("", "")) -> Comparison:
    """Compare two quantities under the tolerances above.

    equal: the same statement. contains/within/overlaps: stated ranges against
    each other or a number. compatible: the tolerances overlap ("more than 200"
    and "about 230"; "~330 s" and "323 s"). conflict: they do not ("about
    30,000" and "40,000"). incomparable: different units. direction says whether
    the second figure is higher or lower whenever the figures differ. `words`,
    the two figures' texts, choose the units a duration is told in.
    """
    reason = _units_agree(a, b)
    if reason:
        return Comparison("incomparable", f"{a.format()} and {b.format()} cannot be compared: {reason}")
    shared = a.unit if a.unit == b.unit else None
    # Two units of one dimension: b is read in a's unit, keeping the tolerance of the unit it was stated in.
    factor = float(measure(b.unit)[1] / measure(a.unit)[1]) if not shared and measure(a.unit) and measure(b.unit) else 1.0
    b_low, b_high = b.low * factor, b.high * factor
    converted = "" if factor == 1.0 else f" ({_significant(b.number * factor)} {a.unit})"
    b_number = b.number * factor
    direction = None if a.number == b_number else ("higher" if b_number > a.number else "lower")
    first, second = _read(a, b, words)
    if a.format() == b.format() or (a.qualifier == b.qualifier and a.low == b_low and a.high == b_high):
        return Comparison("equal", f"{first} and {second}{converted} are equal")
    if _plain_range_vs_figure(a, b) or _plain_range_vs_figure(b, a):
        relation = _relate(a.low, a.high, b_low, b_high)
        if relation in ("contains", "within", "overlaps"):
            verb = {"contains": "contains", "within": "is within", "overlaps": "overlaps"}[relation]
            return Comparison(relation, f"{first} {verb} {second}{converted}", direction)
    reasons = [r for r in (a._reason(), b._reason()) if r]
    low, high, low_open, high_open = b.tolerance()
    if _overlap(a.tolerance(), (low * factor, high * factor, low_open, high_open)):
        if not reasons:
            reasons = [f"rounding (±{ROUNDING_TOLERANCE:.0%} at most)"]
        return Comparison("compatible", f"{first} and {second}{converted} agree within {' and '.join(reasons)}",
                          direction)
    edge = _meeting_point(a.tolerance(), (low * factor, high * factor, low_open, high_open))
    if edge is not None and a.qualifier and b.qualifier:
        # "nearly 100 billion" and "over a hundred billion": two hedged figures that both say "about 100 billion".
        return Comparison("compatible", f"{first} and {second}{converted} are both hedged figures that meet "
                          f"at {_significant(edge)}", direction)
    rounded = any(_rounding(x, v.unit) for v in (a, b) for x in (v.low, v.high))
    if not reasons and rounded:
        reasons = [f"rounding (±{ROUNDING_TOLERANCE:.0%} at most)"]
    ra, rb = a.number, b_number
    spread = abs(ra - rb) / ((abs(ra) + abs(rb)) / 2) if (ra or rb) else 0.0
    share = f"{spread:.0%}" if spread >= 0.01 else f"{spread:.1%}"
    beyond = f"beyond {' and '.join(reasons)}" if reasons else "both exact"
    text = f"{_pair(a, b, shared, words)}{converted}: differ by {share}, {beyond}"
    if direction:
        text += f"; the second is {direction}"
    return Comparison("conflict", text, direction)
