"""Find date and time expressions in one sentence and resolve them against the publication time.

Spans come from this module's own patterns (month names, numeric dates,
weekdays, relative words, clock times with zones) plus any spans the caller
passes (spaCy's DATE/TIME entities). Each span is resolved on its own, with
dateparser for calendar expressions and local rules where dateparser is weak
(relative periods, weekdays, year inference, clock times and zones), to a
TimeValue. Running text is never handed to dateparser's search: it turns
"9% in February" into a date.

Decisions, so that nothing is guessed silently:

- A date without a year takes the year that puts it on the side of the
  publication the clause's tense points to: the latest such date not after the
  publication day (one day of slack for time zones) for past or unmarked
  reporting, the earliest not before it for plans. "in March" in a January 2024
  plan is 2024-03; "December 11" in a January 2024 report is 2023-12-11.
- "last week", "this week", "next week" are Monday-to-Sunday weeks, written as
  day intervals ("2024-01-15/2024-01-21"); weekends are Saturday and Sunday.
- A weekday alone is the nearest such day on the tense's side of the
  publication day, which it may be; "last Tuesday" is strictly before it,
  "next Tuesday" strictly after.
- A year used as a modifier ("the 2024 Academy Awards") is still a year mention.
- A clock time takes its day from an adjacent date ("midnight KST on January
  24"), or from the only date in the sentence; with neither it stays unknown.
- Zones: KST Seoul, JST Tokyo, ET/PT/CT/MT the US zones with daylight saving,
  EST/EDT/PST/PDT/... their fixed offsets, GMT/UTC, BST British Summer Time,
  CET/CEST, IST India (+05:30), AEST/AEDT Sydney, HKT, SGT, "Seoul time" and
  the like, and "UTC+9". "local time" and a bare clock time stay zoneless.
  CST is not read as a zone (China or US Central).
- Numeric dates with both fields at most 12 and different ("11/12/2023") are
  ambiguous between day-first and month-first and stay unknown.
- Durations ("5-minutes", "the last 90 seconds", "two years") and ages are
  not times and are skipped, even when a caller passes them.
- Short numbers joined by a dash ("beat the Owls 27 - 20", "a 9-5 season") are
  a score or a record, not a date, even when a caller passes them.

A time Mention's key holds the IANA zone the text named (e.g. "Asia/Seoul"),
so explanations can say "Seoul"; parse_time(value, precision, zone=key) reads it back.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateparser.date import DateDataParser

from corroborator.model import Mention
from corroborator.values import TimeValue

METHOD = "corroborator.times.v1"

WEEKDAYS = {name: i for i, name in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}


# Zone words → (IANA name for explanations, fixed offset in hours or None to follow the zone's own rules).
ZONES: dict[str, tuple[str | None, float | None]] = {
    "KST": ("Asia/Seoul", 9), "JST": ("Asia/Tokyo", 9),
    "ET": ("America/New_York", None), "EST": ("America/New_York", -5), "EDT": ("America/New_York", -4),
    "CT": ("America/Chicago", None), "CDT": ("America/Chicago", -5),
    "MT": ("America/Denver", None), "MST": ("America/Denver", -7), "MDT": ("America/Denver", -6),
    "PT": ("America/Los_Angeles", None), "PST": ("America/Los_Angeles", -8), "PDT": ("America/Los_Angeles", -7),
    "GMT": ("UTC", 0), "UTC": ("UTC", 0), "BST": ("Europe/London", 1),
    "CET": ("CET", 1), "CEST": ("CET", 2), "IST": ("Asia/Kolkata", 5.5),
    "AEST": ("Australia/Sydney", 10), "AEDT": ("Australia/Sydney", 11),
    "HKT": ("Asia/Hong_Kong", 8), "SGT": ("Asia/Singapore", 8), "MSK": ("Europe/Moscow", 3),
    "seoul time": ("Asia/Seoul", None), "korea time": ("Asia/Seoul", None), "korean time": ("Asia/Seoul", None),
    "tokyo time": ("Asia/Tokyo", None), "japan time": ("Asia/Tokyo", None),
    "eastern time": ("America/New_York", None), "pacific time": ("America/Los_Angeles", None),
    "new york time": ("America/New_York", None), "london time": ("Europe/London", None),
}

_MONTH_NAMES = "January February March April May June July August September October November December".split()
_MONTH_ABBREVIATIONS = "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec".split()
# Capitalised or all capitals ("THURSDAY, JUNE 30, 2005" datelines); lowercase "may" and "march" are verbs.
_MONTH = (r"(?<![A-Za-z])(?:" + "|".join(_MONTH_NAMES + [m.upper() for m in _MONTH_NAMES] + _MONTH_ABBREVIATIONS
                                         + [m.upper() for m in _MONTH_ABBREVIATIONS]) + r")(?:\.|(?![A-Za-z]))")
_FULL_MONTH = (r"(?<![A-Za-z])(?:" + "|".join(n for m in _MONTH_NAMES if m != "May" for n in (m, m.upper()))
               + r")(?![A-Za-z])")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_ZONE = (r"(?:\(?(?:(?:UTC|GMT)\s?[+-]\s?\d{1,2}(?::?\d{2})?|" + "|".join(k for k in ZONES if k.isupper())
         + r")\)?(?![A-Za-z])|(?i:seoul|korean?|tokyo|japan|eastern|pacific|new york|london|local)\s+time)")
_CLOCK = (r"(?:(?P<word>(?i:midnight|noon|midday))|(?<![\d:])(?<!: )(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s?(?P<ap>(?i:[ap]\.\s?m\.|[ap]m))"
          r"(?![A-Za-z])|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?=\s*(?:" + _ZONE + r"|h\b|hrs\b)))"
          r"(?:\s*(?P<zone>" + _ZONE + r"))?")
_YEAR_MODIFIED_NOUNS = (
    "people persons students children kids men women fans travellers travelers passengers flights troops soldiers "
    "workers residents employees members cases deaths dead votes voters copies tickets homes houses cars units "
    "dollars euros won yen pounds rupees yuan miles kilometres kilometers km metres meters feet tons tonnes "
    "years months weeks days hours minutes seconds times"
).split()

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("numeric", re.compile(r"(?<![\d.])\d{4}[-./]\s?\d{1,2}[-./]\s?\d{1,2}(?!\d)|(?<![\d./])\d{1,2}[/.]\d{1,2}[/.]\d{4}(?!\d)")),
    ("calendar", re.compile(rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?:\s*[-–]\s*{_DAY})?(?:,?\s+\d{{4}}(?!\d))?")),
    ("calendar", re.compile(rf"(?:{_WEEKDAY},?\s+)?(?<!\d){_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+\d{{4}}(?!\d))?")),
    ("calendar", re.compile(rf"{_MONTH},?\s+(?:of\s+)?\d{{4}}(?!\d)")),
    ("calendar", re.compile(rf"(?:(?i:early|mid|late)[\s-]+)?{_FULL_MONTH}")),
    ("calendar", re.compile(r"\b(?:in|on|by|of|to|or|since|until|from|late|during|before|after|early|mid)[\s-]+(?P<span>May)\b")),
    ("relative", re.compile(r"(?i:\b(?:(?:earlier|later)\s+)?(?:today|tonight|yesterday|tomorrow)" + _PART_OF_DAY
                            + r"\b|\b(?:(?:earlier|later)\s+)?this\s+(?:morning|afternoon|evening)\b|\blast\s+night\b)")),
    ("relative", re.compile(r"(?i:\b(?:(?:earlier|later)\s+)?(?:last|this|next|the\s+coming)\s+(?:week|month|year|weekend)\b)")),
    ("relative", re.compile(r"(?i:\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|few|several)"
                            r"\s+(?:days?|weeks?|months?|years?)\s+ago\b)")),
    ("weekday", re.compile(rf"(?:\b(?i:last|this|next|coming)\s+)?{_WEEKDAY}{_PART_OF_DAY}\b")),
    ("decade", re.compile(r"(?<![\w'’])(?:1[89]|20)\d0s\b|(?<!\w)['’]\d0s\b")),
    ("year", re.compile(r"(?<![\w$€£¥₩.,#/-])(?:1[89]\d\d|20\d\d)(?![\w%]|[.,]\d|\s*(?i:percent|per cent))")),
    ("clock", re.compile(_CLOCK)),
]
_CLOCK_RX = re.compile(_CLOCK)
_QUANTITY_BEFORE = re.compile(r"\b(?:about|around|some|nearly|almost|over|than|least|to|up|roughly|approximately|no\.)$")
_WORD_AFTER = re.compile(r"[\s-]+([A-Za-z]+)")
_YEAR_IN = re.compile(r"(?<!\d)\d{4}(?!\d)")
_DURATION = re.compile(
    r"(?i)(?:\d|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"sixty|hundred|half|several|few|many)\b)[\w\s,.-]*?\b(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|"
    r"months?|years?|decades?|centuries|century)\b")
_NOT_DURATION = re.compile(r"(?i)\b(?:ago|from now|later|earlier|before|after)\b")
_AGE = re.compile(r"(?i)\byears?[\s-]old\b|\b\d+[\s-]year[\s-]old\b")
_BARE_NUMBER = re.compile(r"\s*\d{1,3}\s*")  # a number alone, too short for a year
# Two or three short numbers joined by dashes, with at most one word after: a score or a record ("won 27 - 20",
# "a 9-5 season", "(11 - 4)"), never a date, which names a month, a weekday or a year.
_SCORE = re.compile(r"\s*\(?\d{1,3}(?:\s?[-–]\s?\d{1,3}){1,2}\)?(?:\s+[a-z]+)?\s*")
_FUTURE = re.compile(
    r"(?i)\b(?:will|won['’]t|shall|(?:is|are|am|was|were)\s+(?:to|due|set to|expected to|scheduled|slated|going to|planning)"
    r"|expect(?:s|ed)? to|plans?\s+to|planned|planning|upcoming|forthcoming|set to|scheduled|slated|going to|gonna"
    r"|aims? to|intends? to|would|next|later this|coming)\b|['’]ll\b")
_PAST_IRREGULAR = (
    "was were had did ago last sank went came saw took said told gave began won left met held wrote became made found "
    "fell got knew led lost ran rose sent sold spoke stood thought broke brought bought caught drove flew grew hit "
    "kept paid heard felt fought built chose drew ate hid meant rang sang shot spent stole struck taught threw wore"
).split()
_PAST = re.compile(r"(?i)\b(?:" + "|".join(_PAST_IRREGULAR) + r"|\w{2,}(?<!e)(?<!hundr)ed)\b")
_MONTH_ONLY = re.compile(rf"(?:(?i:early|mid|late)[\s-]+)?{_MONTH}")
_CLAUSE_BREAK = re.compile(
    r"[,;:()\u2013\u2014]|\b(?:and|but|while|who|which|whereas|although|though|because|after|before|when|until|since)\b")
_LEADING = re.compile(r"(?i)^(?:(?:the|on|in|at|since|from|until|by|of|during|as of)\s+)+")
_TRAILING = re.compile(r"(?:['’]s|[\s,.;:])+$")
_CLOCK_DATE_GAP = re.compile(r"\s*,?\s*(?:on|at)?\s*")


class _Context:
    """What a span is resolved against: the publication day and the clause's tense."""

    __slots__ = ("day", "tense")

    def __init__(self, day: date | None, tense: str):
        self.day, self.tense = day, tense


@lru_cache(maxsize=256)
def _parser(base: date | None, prefer: str) -> DateDataParser:
    """dateparser, English only, one per publication day and tense (creating one costs a few milliseconds)."""
    settings = {"PREFER_DATES_FROM": prefer, "RETURN_TIME_AS_PERIOD": True, "PREFER_DAY_OF_MONTH": "first",
                "REQUIRE_PARTS": []}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=1024)
def _publication(published: str | None) -> date | None:
    """The publication day, on the calendar of the zone the publication time was given in."""
    if not published:
        return None
    try:
        return datetime.fromisoformat(published.strip().replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(published.strip()[:10])
        except ValueError:
            return None


def _span_tense(text: str, start: int, sentence: str | None, plans: list[tuple[int, int]] = ()) -> str:
    """The tense a span resolves by: the sentence's, as the caller read it from the parse, unless the span's
    own clause looks ahead ("Her agency said filming would begin in September": the saying is past, the
    September to come; "the tour opens on April 12, she said": a plan, as the caller's plans say); without
    the sentence's, the span's clause's and then the sentence's cues."""
    if any(a <= start < b for a, b in plans):
        return "future"
    if sentence is None:
        return _tense(text, start)
    if sentence != "future" and _FUTURE.search(text[_clause_start(text, start):start]):
        return "future"
    return sentence


def _clause_start(text: str, start: int) -> int:
    clause_start = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, start):
        clause_start = match.end()
    return clause_start


def _tense(text: str, start: int) -> str:
    """past or future for a span at ``start``: cues in its own clause first, then in the whole sentence."""
    clause = text[_clause_start(text, start):start]
    if _FUTURE.search(clause):
        return "future"
    if _PAST.search(clause):
        return "past"
    return "future" if _FUTURE.search(text) else "past"


def _week(day: date, weeks: int = 0) -> TimeValue:
    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=weeks)
    return TimeValue.of_date(monday, "day", last=monday + timedelta(days=6))


def _month_shift(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _infer_year(month: int, day: int | None, ctx: _Context) -> TimeValue:
    """The month (or month-day) on the side of the publication day the tense points to."""
    precision = "day" if day else "month"
    candidates = []
    for year in (ctx.day.year - 1, ctx.day.year, ctx.day.year + 1):
        try:
            candidates.append(date(year, month, day or 1))
        except ValueError:  # February 29 outside a leap year
            continue
    anchor = ctx.day if day else ctx.day.replace(day=1)
    slack = timedelta(days=1 if day else 0)
    if ctx.tense == "future":
        chosen = min((c for c in candidates if c >= anchor - slack), default=None)
    else:
        chosen = max((c for c in candidates if c <= anchor + slack), default=None)
    return TimeValue.of_date(chosen, precision) if chosen else TimeValue.unknown()


def _relative(text: str, ctx: _Context) -> TimeValue | None:
    """today, yesterday, last week, next month, earlier this year, last weekend, ..."""
    words = re.sub(r"^(?:earlier|later)\s+", "", text.lower()).split()
    if not words:
        return None
    head = words[0]
    day = ctx.day
    if head in ("today", "tonight") or (head == "this" and words[-1] in ("morning", "afternoon", "evening")):
        return TimeValue.of_date(day)
    if head == "yesterday" or words == ["last", "night"]:
        return TimeValue.of_date(day - timedelta(days=1))
    if head == "tomorrow":
        return TimeValue.of_date(day + timedelta(days=1))
    if words[-1] in ("week", "month", "year", "weekend") and head in ("last", "this", "next", "the"):
        shift = {"last": -1, "this": 0, "next": 1, "the": 1}[head]
        unit = words[-1]
        if unit == "week":
            return _week(day, shift)
        if unit == "weekend":
            saturday = day - timedelta(days=day.weekday()) + timedelta(weeks=shift, days=5)
            return TimeValue.of_date(saturday, "day", last=saturday + timedelta(days=1))
        if unit == "month":
            return TimeValue.of_date(_month_shift(day, shift), "month")
        return TimeValue.of_date(date(day.year + shift, 1, 1), "year")
    if words[-1] == "ago":
        return _ago(text, ctx)
    return None


def _ago(text: str, ctx: _Context) -> TimeValue:
    """"two weeks ago": dateparser finds the day, the unit sets the precision (weeks as Monday-to-Sunday weeks)."""
    data = _parser(ctx.day, "past").get_date_data(text)
    if data.date_obj is None:
        return TimeValue.unknown()
    found = data.date_obj.date()
    if data.period == "week":
        return _week(found)
    precision = data.period if data.period in ("day", "month", "year") else "day"
    return TimeValue.of_date(found, precision)


def _weekday(text: str, ctx: _Context) -> TimeValue:
    words = text.lower().split()
    target = next(WEEKDAYS[w] for w in words if w in WEEKDAYS)
    modifier = words[0] if words[0] not in WEEKDAYS else None
    back = (ctx.day.weekday() - target) % 7
    ahead = (target - ctx.day.weekday()) % 7
    if modifier == "last":
        return TimeValue.of_date(ctx.day - timedelta(days=back or 7))
    if modifier in ("next", "coming"):
        return TimeValue.of_date(ctx.day + timedelta(days=ahead or 7))
    if ctx.tense == "future":
        return TimeValue.of_date(ctx.day + timedelta(days=ahead))
    return TimeValue.of_date(ctx.day - timedelta(days=back))


def _decade(text: str, ctx: _Context) -> TimeValue:
    digits = re.sub(r"\D", "", text)
    if len(digits) == 4:
        first = int(digits)
    else:  # '90s: the latest such decade that has begun by the publication (or by 2000 without one)
        reference = ctx.day.year if ctx.day else 2000
        first = (reference // 100) * 100 + int(digits)
        if first > reference:
            first -= 100
    return TimeValue.of_date(date(first, 1, 1), "year", last=date(first + 9, 1, 1))


def _numeric(text: str) -> TimeValue:
    parts = [int(p) for p in re.split(r"[-./]\s?", text)]
    if parts[0] > 999:
        year, month, day = parts
    else:
        first, second, year = parts
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first or first == second:
            month, day = first, second
        else:  # 11/12/2023: November 12 or 11 December; the text does not say
            return TimeValue.unknown()
    try:
        return TimeValue.of_date(date(year, month, day))
    except ValueError:
        return TimeValue.unknown()


def _calendar(text: str, ctx: _Context) -> TimeValue:
    """Month names with or without day and year, through dateparser; the year inferred when the text has none."""
    clean = re.sub(r"(?i)^(?:early|mid|late)[\s-]+", "", text)
    range_end = None
    dash = re.search(r"\s*[-–]\s*(\d{1,2})(?:st|nd|rd|th)?", clean)
    if dash:  # "January 24-26": the first day through dateparser, the last day from the same month
        range_end = int(dash.group(1))
        clean = clean[: dash.start()] + clean[dash.end():]
    has_year = bool(_YEAR_IN.search(clean))
    if not has_year and ctx.day is None:
        return TimeValue.unknown()
    data = _parser(ctx.day, "future" if ctx.tense == "future" else "past").get_date_data(clean)
    if data.date_obj is None or data.period not in ("day", "month", "year"):
        return TimeValue.unknown()
    found = data.date_obj.date()
    if not has_year:
        value = _infer_year(found.month, found.day if data.period == "day" else None, ctx)
        if not value.known:
            return value
        found = value.start.date()
    else:
        value = TimeValue.of_date(found, data.period)
    if range_end and data.period == "day":
        try:
            return TimeValue.of_date(found, "day", last=found.replace(day=range_end))
        except ValueError:
            return TimeValue.unknown()
    return value


def _year(text: str) -> TimeValue:
    return TimeValue.of_date(date(int(_YEAR_IN.search(text).group()), 1, 1), "year")


def _zone(text: str | None) -> tuple[str | None, timezone | ZoneInfo | None]:
    """The zone a clock time names: (IANA name or None, tzinfo), or (None, None) when it names none."""
    if not text:
        return None, None
    key = text.strip("() ")
    offset = re.fullmatch(r"(?:UTC|GMT)\s?([+-])\s?(\d{1,2})(?::?(\d{2}))?", key)
    if offset:
        sign = -1 if offset.group(1) == "-" else 1
        delta = timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3) or 0))
        return None, timezone(sign * delta)
    name, hours = ZONES.get(key, ZONES.get(key.lower(), (None, None)))
    if name is None:
        return None, None
    if hours is None:
        return name, ZoneInfo(name)
    return name, timezone(timedelta(hours=hours))


def _clock(match: re.Match) -> tuple[time, str | None, timezone | ZoneInfo | None]:
    if match["word"]:
        clock = time(0, 0) if match["word"].lower() == "midnight" else time(12, 0)
    elif match["h24"] is not None:
        clock = time(int(match["h24"]), int(match["m24"]))
    else:
        hour = int(match["h"])
        if not 1 <= hour <= 12:
            raise ValueError("hour out of range for a.m./p.m.")
        hour = hour % 12 + (12 if match["ap"].lower().startswith("p") else 0)
        clock = time(hour, int(match["m"] or 0))
    return (clock, *_zone(match["zone"]))


def _date_part(text: str, ctx: _Context) -> TimeValue | None:
    """Resolve a date expression; None when the text is not one at all."""
    rules = (("relative", _relative), ("weekday", _weekday), ("decade", _decade))
    if _MONTH_ONLY.fullmatch(text):
        return _calendar(text, ctx)
    for rule, pattern in _PATTERNS:
        if rule == "clock" or not pattern.fullmatch(text):
            continue
        if rule == "numeric":
            return _numeric(text)
        if rule == "calendar":
            return _calendar(text, ctx)
        if rule == "year":
            return _year(text)
        if ctx.day is None and rule in ("relative", "weekday"):
            return TimeValue.unknown()
        resolved = dict(rules)[rule](text, ctx)
        return resolved if resolved is not None else TimeValue.unknown()
    return None


def _resolve(text: str, ctx: _Context, anchor: TimeValue | None = None) -> TimeValue | None:
    """One span to a TimeValue; None when it is not a date or time (a duration, an age)."""
    if _AGE.search(text) or (_DURATION.search(text) and not _NOT_DURATION.search(text)):
        return None
    if _BARE_NUMBER.fullmatch(text):
        return None  # "Yun, 44, a former documentary maker": an age, not 1944
    if _SCORE.fullmatch(text):
        return None
    clock = _CLOCK_RX.search(text)
    if clock is None:
        value = _date_part(text, ctx)
        if value is None:  # a span a caller passed that no rule knows: let dateparser try, never guess
            value = _fallback(text, ctx)
        return value
    rest = (text[: clock.start()] + " " + text[clock.end():]).strip(" ,")
    rest = re.sub(r"(?i)^(?:on|at)\s+|\s+(?:on|at)$", "", rest).strip(" ,")
    try:
        clock_time, zone_name, tzinfo = _clock(clock)
    except ValueError:
        return TimeValue.unknown()
    day = _date_part(rest, ctx) if rest else anchor
    if day is None or not day.known or day.precision != "day" or day.is_interval:
        return TimeValue.unknown()
    moment = datetime.combine(day.start.date(), clock_time, tzinfo)
    return TimeValue.at(moment, zone_name)


_ORDINAL_NUMBERS = {
    word: f"{i}{'st' if i in (1, 21, 31) else 'nd' if i in (2, 22) else 'rd' if i in (3, 23) else 'th'}"
    for i, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
        "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first twenty-second twenty-third "
        "twenty-fourth twenty-fifth twenty-sixth twenty-seventh twenty-eighth twenty-ninth thirtieth "
        "thirty-first".split(), start=1)
}
_ORDINAL_WORDS = re.compile(r"(?i)\b(?:" + "|".join(sorted(_ORDINAL_NUMBERS, key=len, reverse=True)) + r")\b")


def _fallback(text: str, ctx: _Context) -> TimeValue:
    """dateparser on a caller's span no local rule covers, accepting only calendar periods."""
    if not re.search(r"\d|" + _MONTH + "|" + _WEEKDAY, text):
        return TimeValue.unknown()  # "the summer", "recent years": no calendar anchor to resolve
    text = _ORDINAL_WORDS.sub(lambda m: _ORDINAL_NUMBERS[m.group().lower()], text)  # dateparser reads "5th", not "fifth"
    data = _parser(ctx.day, "future" if ctx.tense == "future" else "past").get_date_data(text)
    if data.date_obj is None or data.period not in ("day", "month", "year"):
        return TimeValue.unknown()
    if ctx.day is None and not _YEAR_IN.search(text):
        return TimeValue.unknown()
    return TimeValue.of_date(data.date_obj.date(), data.period)


_DIGITS = tuple("0123456789")
_MONTH_HINTS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Substrings (of the lowercased sentence) without which a rule cannot match: most sentences skip most rules.
_HINTS = {
    "numeric": _DIGITS, "decade": _DIGITS, "year": _DIGITS, "clock": (*_DIGITS, "midnight", "noon", "midday"),
    "calendar": _MONTH_HINTS, "weekday": ("day",), "relative": ("today", "tonight", "tomorrow", "yesterday", "night", "morning", "afternoon",
                                                              "evening", "week", "month", "year", "ago"),
}


def _spans(text: str) -> list[tuple[int, int]]:
    """Non-overlapping pattern matches, longest first."""
    found = []
    lower = text.lower()
    hinted = {rule for rule, hints in _HINTS.items() if any(h in lower for h in hints)}
    for rule, pattern in _PATTERNS:
        if rule not in hinted:
            continue
        for match in pattern.finditer(text):
            if rule == "year" and _year_is_quantity(text, match):
                continue
            found.append(match.span("span") if "span" in pattern.groupindex else match.span())
    found.sort(key=lambda s: (s[0] - s[1], s[0]))
    kept: list[tuple[int, int]] = []
    for start, end in found:
        if all(end <= s or start >= e for s, e in kept):
            kept.append((start, end))
    return sorted(kept)


def _year_is_quantity(text: str, match: re.Match) -> bool:
    """A four-digit number counting something ("2000 people", "about 1900") is not a year."""
    before = text[max(0, match.start() - 16): match.start()].lower().rstrip()
    if _QUANTITY_BEFORE.search(before):
        return True
    after = _WORD_AFTER.match(text, match.end())
    return bool(after) and after.group(1).lower() in _YEAR_MODIFIED_NOUNS


def _merge_clock_and_date(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join "midnight KST" + "on" + "January 24" and "January 24" + "at" + "6 p.m." into one span."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged:
            prev_start, prev_end = merged[-1]
            gap = text[prev_end:start]
            one_is_clock = bool(_CLOCK_RX.fullmatch(text[prev_start:prev_end])) != bool(
                _CLOCK_RX.fullmatch(text[start:end]))
            if one_is_clock and _CLOCK_DATE_GAP.fullmatch(gap):
                merged[-1] = (prev_start, end)
                continue
        merged.append((start, end))
    return merged


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading articles and prepositions and trailing possessives from a caller's span."""
    span = text[start:end]
    lead = _LEADING.match(span)
    if lead:
        start += lead.end()
    trail = _TRAILING.search(text[start:end])
    if trail:
        end = start + trail.start()
    return start, end


def find_times(
    text: str,
    published: str | None,
    published_precision: str | None = None,
    tense: str | None = None,
    candidates: list[tuple[int, int]] | None = None,
    plans: list[tuple[int, int]] = (),
) -> list[Mention]:
    """Date and time mentions in one sentence, resolved against the publication time (ISO 8601).

    tense is "past" or "future" when the caller knows it; otherwise each span
    takes it from its clause (will, is to, is expected to, plans, upcoming, next
    → future; else past). candidates are extra spans (spaCy DATE/TIME entities)
    resolved the same way; ones overlapping a pattern match are left to it.
    plans are spans the caller knows date a plan (a present-tense verb's time in a body sentence); a date
    starting inside one resolves ahead of the publication whatever the sentence's tense.
    Unresolvable spans are kept with value None and precision "unknown".
    """
    day = _publication(published) if published_precision != "unknown" else None
    resolved: list[tuple[int, int, TimeValue, bool]] = []
    for start, end in _merge_clock_and_date(text, _spans(text)):
        value = _resolve(text[start:end], _Context(day, _span_tense(text, start, tense, plans)))
        if value is not None:
            resolved.append((start, end, value, bool(_CLOCK_RX.search(text[start:end]))))
    for start, end in candidates or ():
        context = _Context(day, _span_tense(text, start, tense, plans))
        _add_candidate(text, *_trim(text, start, end), context, resolved)
    resolved.sort(key=lambda r: r[0])
    days = [(start, end, v) for start, end, v, is_clock in resolved
            if not is_clock and v.known and v.precision == "day" and not v.is_interval]
    mentions = []
    for start, end, value, is_clock in resolved:
        # A lone clock time takes the sentence's only date, unless that date tells of another event: one in a
        # relative clause ("at 9:15 p.m. near Brask, where a quake on Monday killed 16") or a day naming a thing
        # ("Monday's quake").
        if is_clock and not value.known and len(days) == 1 and not _dates_another_event(text, (start, end), days[0]):
            context = _Context(day, _span_tense(text, start, tense, plans))
            value = _resolve(text[start:end], context, anchor=days[0][2]) or value
        kind = "time" if value.precision == "minute" or (is_clock and not value.known) else "date"
        mentions.append(Mention(start, end, kind, text[start:end], value.format(), value.precision, value.zone))
    return mentions


_RELATIVE_CLAUSE = re.compile(r",\s*(?:where|which|who|whose|whom)\b", re.I)
_POSSESSIVE_DAY = re.compile(r"['’]s\b")


def _dates_another_event(text: str, clock: tuple[int, int], day: tuple[int, int, TimeValue]) -> bool:
    """Whether a sentence's date stands apart from its clock time: a relative clause opens after the clock time and
    holds the date, or the date is a possessive that names a thing ("Monday's earthquake")."""
    later = clock[1] <= day[0] and bool(_RELATIVE_CLAUSE.search(text, clock[1], day[0]))
    return later or bool(_POSSESSIVE_DAY.match(text, day[1]))


_FINENESS = {"unknown": -1, "year": 0, "month": 1, "day": 2, "minute": 3}


def _add_candidate(text: str, start: int, end: int, ctx: _Context, resolved: list) -> None:
    """A caller's span joins the pattern matches when it overlaps none, or replaces those it covers
    when it resolves more finely ("the fifth of December, 2023" over "December, 2023")."""
    if start >= end:
        return
    overlapping = [r for r in resolved if r[0] < end and start < r[1]]
    if overlapping and not all(start <= r[0] and r[1] <= end for r in overlapping):
        return
    value = _resolve(text[start:end], ctx)
    if value is None:
        return
    if overlapping:
        if not value.known or any(_FINENESS[value.precision] <= _FINENESS[r[2].precision] for r in overlapping):
            return
        for r in overlapping:
            resolved.remove(r)
    resolved.append((start, end, value, bool(_CLOCK_RX.search(text[start:end]))))
