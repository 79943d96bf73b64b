"""Find quantities in one sentence: durations, money, counts, percentages and ranks.

Each mention's value is a QuantityValue contract string ("~330 s", "100000 USD",
"<~300 students", "9%", "No. 4"); its span covers the approximation word, the
number and the unit or counted noun ("almost 300 teenage students").

Decisions:

- Numbers: digits with grouping and decimals, scale words and abbreviations
  ("1.2 million", "3.5bn", "$200MM"; "m", "k", "b" (or, in headlines, "M", "K",
  "B": "$184M") only after a currency sign,
  and a glued "m" without one is metres unless a counted noun follows), and words
  ("twelve million", "one hundred and twenty", "five-and-a-half", "half a
  million", "a dozen"). Fractions and dozens in words mark the figure as
  approximate ("five-and-a-half minutes" is ~330 s).
- Approximation words before the number: about, around, roughly,
  approximately, some, an estimated, close to → "~"; nearly, almost, just under
  → "<~"; just over → ">~"; more than, over, above, in excess of, upwards of →
  ">"; at least, no fewer than → ">="; fewer than, less than, under, below → "<";
  up to, as many as, as much as, at most, no more than → "<=".
- Ranges: "between 20 and 30", "from 20 to 30", "20-30", "20 to 30"; a scale
  on the second number applies to the first ("2 to 3 million").
- Durations are seconds; months and years use their average lengths
  (30.436875 and 365.2425 days). Parts add up ("5-minutes 23-seconds" is 323 s).
  A duration followed by "ago" is a time, and ages ("23-year-old") are skipped.
- Money takes a currency code from a sign or word: "$" is USD, "US$" USD,
  "C$" CAD, "A$" AUD, "HK$" HKD, "S$" SGD, "€" EUR, "£" GBP, "¥" JPY, "₩" KRW,
  "₹"/"Rs" INR, and "dollars", "euros", "won", "yen", "yuan", "rupees". "pounds"
  alone is a weight, not sterling, unless it converts a sum in another currency
  next to it ("98 million euros (84 million pounds)") or values a thing ("paintings
  worth 84 million pounds", "valued at"); "pounds of" is always a weight.
- Units of measure (length, weight, speed, area), glued or spaced ("24km",
  "2,000ft", "60 metres", "75 mph"), make a count of the unit under its full
  plural name ("24 kilometres"); values.MEASURES converts between them. Feet
  and inches together ("5 feet 11 inches", "6-foot-9") are read as inches.
  "tons" stays a counted noun: short, long and metric tons differ.
- A count needs its noun: the first plural word within three words after the
  number ("30,000 travellers", "almost 300 teenage students" → students), or
  after "of" for a number in words ("a dozen of the victims" → victims). A
  number with no unit and no noun is reported only when it carries an
  approximation word or a scale ("about 230", "twelve million"), unit None.
- "dozens/hundreds/thousands/millions of N" are counts over the range they
  name (hundreds: 200-999).
- Not quantities: years ("2014", "the 2024 Academy Awards"), days of dates
  ("December 11"), clock times, numbers inside spans passed as ``exclude``
  (the caller's time mentions), identifiers ("COVID-19", "G7").
- Ranks: "No. 4", "#4", "number four spot", "fourth place", "ranked 4th",
  "top 10" (No. <=10).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from corroborator.model import Mention
from corroborator.values import QuantityValue

# v3: units of measure, "$200MM"; v4: no figure after "/ "; v5: "pounds" beside another sum
METHOD = "corroborator.quantities.v5"

_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
           "bn": 10**9, "mn": 10**6, "tn": 10**12, "mm": 10**6, "m": 10**6, "k": 10**3, "b": 10**9}
_ORDINALS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())}
_NUMBER_WORD = "|".join(sorted([*_SMALL, *_TENS, "hundred", "thousand", "million", "billion", "trillion",
                                "dozen", "half", "quarter"], key=len, reverse=True))
_NUMBER_WORDS = frozenset(_NUMBER_WORD.split("|"))
_WORDS_RX = re.compile(
    rf"(?i)\b(?:an?[\s-]+)?(?:{_NUMBER_WORD})(?:(?:[\s-]+and)?(?:[\s-]+an?)?[\s-]+(?:{_NUMBER_WORD}))*\b")
_DIGITS_RX = re.compile(
    r"(?:(?<![\w.,/])|(?<=(?i:euro)))(?<![A-Za-z]-)(?<!/\s)(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?!\d|,\d|\.\d)"
    r"(?:(?:\s?-\s?|\s)?(?P<scale>(?i:hundred|thousand|million|billion|trillion))\b|\s?(?P<abbr>bn|mn|tn|MM)\b|(?P<letter>[mkbMKB])\b)?")

# A whole number and a fraction: "4 1/2 months", "4½ hours", "½ mile". A fraction alone in digits ("1/2") is
# too often a date or a score to read.
_GLYPHS = {"½": Decimal("0.5"), "¼": Decimal("0.25"), "¾": Decimal("0.75"), "⅓": Decimal(1) / 3, "⅔": Decimal(2) / 3}
_FRACTION_RX = re.compile(r"(?<![\w.,/])(?:(?P<whole>\d{1,3})\s+(?P<num>[1-7])/(?P<den>[2-8])|(?P<wholeg>\d{1,3})?"
                          r"(?P<glyph>[½¼¾⅓⅔]))(?![\d/])")
_YEAR_LIKE = re.compile(r"1[89]\d\d|20\d\d|2100")
_LETTERS = re.compile(r"[a-z]+")
_LONE_FRACTION = re.compile(r"(?i)(?:an?\s+)?(?:half|quarter)")
_SCALE_WORDS = re.compile(r"(?i)thousand|million|billion|trillion")
_NEXT_WORD = re.compile(r"[\s-]+([A-Za-z][A-Za-z'’-]*)")
_SECONDS = {"second": 1, "sec": 1, "minute": 60, "min": 60, "hour": 3600, "hr": 3600, "day": 86400,
            "week": 604800, "month": Decimal("2629746"), "year": Decimal("31556952")}
_DURATION_UNIT = re.compile(r"(?i)(?:\s|-)?(?P<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\b"
                            r"(?:-long|\s+long)?")
_HALF_DURATION = re.compile(
    r"(?i)\b(?:half\s+an?\s+(?P<half>hour|minute)|an?\s+(?P<unit>hour|minute)\s+and\s+a\s+half)\b")
_DURATION_JOIN = re.compile(r"(?i)\s*,?\s*(?:and\s+)?")
_NOT_A_DURATION = re.compile(r"(?i)^(?:\s+(?:ago|old|from now|earlier|later)\b|-old\b)")
_PERCENT = re.compile(r"(?i)\s?(?:%|percent\b|per cent\b|pct\b)|\s(?P<pp>percentage points?)\b")
_CURRENCY_PREFIX = re.compile(r"(?:US\$|C\$|A\$|HK\$|S\$|NZ\$|\$|€|£|¥|₩|₹|\bRs\.?|\b(?:USD|EUR|GBP|JPY|KRW|CNY|INR|RMB)\b)\s?$|\b(?i:euro)$")
_PREFIX_CODES = {"US$": "USD", "$": "USD", "C$": "CAD", "A$": "AUD", "HK$": "HKD", "S$": "SGD", "NZ$": "NZD",
                 "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₹": "INR", "euro": "EUR", "Euro": "EUR", "Rs": "INR", "Rs.": "INR", "RMB": "CNY"}
_CURRENCY_SUFFIX = re.compile(
    r"(?i)(?:\s|\s?-\s?)(?P<word>US dollars|dollars?|euros?|pounds sterling|won|yen|yuan|renminbi|rupees|swiss francs|"
    r"USD|EUR|GBP|JPY|KRW|CNY|INR)\b")
_SUFFIX_CODES = {"us dollars": "USD", "dollars": "USD", "dollar": "USD", "euro": "EUR", "euros": "EUR", "pounds sterling": "GBP",
                 "won": "KRW", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR", "swiss francs": "CHF"}
# Units of measure after a number, glued or not ("24km", "2,000ft", "60 metres", "6-foot"), by the
# contract name values.MEASURES gives them; longer names first. Words in any case, abbreviations in lower case.
_MEASURE_NAMES = [
    ("kilometres per hour", r"(?i:kilomet(?:re|er)s?\s+(?:per|an)\s+hour)|km\s?/\s?h|kph|kmh|km\s+per\s+hour"),
    ("miles per hour", r"(?i:miles?\s+(?:per|an)\s+hour)|mph"),
    ("knots", r"(?i:knots?)|kts"),
    ("square kilometres", r"(?i:square\s+kilomet(?:re|er)s?)|(?:sq\.?|square)\s?km|km2|km²"),
    ("square miles", r"(?i:square\s+miles?)|sq\.?\s?mi(?:les?)?"),
    ("square metres", r"(?i:square\s+met(?:re|er)s?)|sq\.?\s?m|m2|m²"),
    ("square feet", r"(?i:square\s+f(?:ee|oo)t)|sq\.?\s?ft"),
    ("hectares", r"(?i:hectares?)|ha"),
    ("acres", r"(?i:acres?)"),
    ("nautical miles", r"(?i:nautical\s+miles?)|nmi"),
    ("kilometres", r"(?i:kilomet(?:re|er)s?)|kms?"),
    ("centimetres", r"(?i:centimet(?:re|er)s?)|cm"),
    ("millimetres", r"(?i:millimet(?:re|er)s?)|mm"),
    ("metres", r"(?i:met(?:re|er)s?)|m"),
    ("miles", r"(?i:miles?)|mi"),
    ("feet", r"(?i:feet|foot)|ft"),
    ("inches", r"(?i:inch(?:es)?)"),
    ("yards", r"(?i:yards?)|yds?"),
    ("kilograms", r"(?i:kilogram(?:me)?s?|kilos?)|kgs?"),
    ("grams", r"(?i:gram(?:me)?s?)|g"),
    ("tonnes", r"(?i:(?:metric\s+)?tonnes?|metric\s+tons?)"),
    ("pounds", r"(?i:pounds?)|lbs?"),
    ("ounces", r"(?i:ounces?)|oz"),
]
_MEASURE = re.compile(
    r"(?:\s|-)?(?:" + "|".join(f"(?P<m{i}>{pattern})" for i, (_, pattern) in enumerate(_MEASURE_NAMES)) + r")(?![\w²])"
)
# "5 feet 11 inches", "6-foot-9": a height in feet and inches, read as inches.
_INCHES_AFTER_FEET = re.compile(
    r"(?i)[\s-]+(?:and\s+)?(?P<n>\d{1,2}(?:\.\d+)?)[\s-]*inch(?:es)?\b|(?<=foot)-(?P<h>\d{1,2})(?![\w.])")
# "a dozen of the victims", "hundreds of": the noun a words-number counts comes after "of".
_OF_NOUN = re.compile(r"(?i)\s+of(?:\s+(?:the|their|his|her))?(?=\s)")
_OF_NUMBER_WORD = re.compile(r"(?i)(?:dozen|hundred|thousand|million|billion)s?$")

_QUALIFIERS = [
    ("~", r"about|around|approximately|roughly|some|an estimated|estimated|close to|circa|c\.|~"),
    ("<~", r"nearly|almost|just under|just shy of"),
    (">~", r"just over|just above|slightly more than|a little over"),
    (">=", r"at least|no fewer than|no less than|a minimum of"),
    (">", r"more than|over|above|in excess of|upwards of|greater than"),
    ("<=", r"up to|as many as|as much as|at most|no more than|a maximum of"),
    ("<", r"fewer than|less than|under|below"),
]
_QUALIFIER_RX = [(q, re.compile(rf"(?i)\b(?:{words})\s*$|(?:{words})$")) for q, words in _QUALIFIERS]
_RANGE_JOIN = re.compile(r"(?i)\s*(?:-|–|—|to|and)\s*(?:US\$|\$|€|£|¥|₩)?")
_RANGE_OPEN = re.compile(r"(?i)\b(?:between|from)\s+$")
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_DATE_BEFORE = re.compile(rf"\b{_MONTH}\s+$")
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}(?![a-z])|^\s?(?i:[ap]\.?m\b\.?)|^:\d|^(?:st|nd|rd|th)\b")
_VAGUE = re.compile(r"(?i)\b(?:(?P<outer>dozens|hundreds|tens)\s+of\s+)?(?P<word>dozens|hundreds|thousands|millions|billions)"
                    r"\s+of\b")
_VAGUE_RANGES = {"dozens": (24, 143), "hundreds": (200, 999), "thousands": (2000, 9999),
                 "millions": (2 * 10**6, 10**9 - 1), "billions": (2 * 10**9, 10**12 - 1)}
_VAGUE_FACTORS = {"dozens": (24, 143), "hundreds": (200, 999), "tens": (20, 99)}
_VAGUE_BASES = {"dozens": 12, "hundreds": 100, "thousands": 1000, "millions": 10**6, "billions": 10**9}
_STOP = frozenset("the a an of in on at to for and or but is are was were who that which from by with as than more "
                  "less per each have has had will would this these those their his her its our others".split())
_IRREGULAR_PLURALS = frozenset("people men women children police staff personnel crew cattle sheep deer fish feet "
                               "teeth mice geese youth clergy".split())
_COUNT_NOUNS_FOR_YEARS = frozenset(
    "people persons students children kids men women fans travellers travelers passengers flights troops soldiers "
    "workers residents employees members cases deaths votes voters copies tickets homes houses cars units".split())
_ORDINAL = rf"(?:{'|'.join(_ORDINALS)}|\d+(?:st|nd|rd|th))"
_RANK_PATTERNS = [
    re.compile(r"\bNo\.\s?(?P<n>\d+)\b|(?<![\w&])#(?P<n2>\d+)\b"),
    re.compile(rf"(?i)\bnumber\s+(?P<n>\d+|{'|'.join(list(_SMALL)[1:])})\b(?!\s+of\b)"),
    re.compile(rf"(?i)\b(?P<n>{_ORDINAL})[\s-]+(?:place|spot|position)\b"),
    re.compile(rf"(?i)\b(?:ranked|ranks|ranking|placed|finished|came in)\s+(?:at\s+)?(?:the\s+)?(?P<n>{_ORDINAL})\b"),
    re.compile(r"(?i)\btop\s+(?P<top>\d+|three|five|ten|twenty)\b"),
]


@dataclass(slots=True)
class _Number:
    start: int
    end: int
    value: Decimal
    approximate: bool = False
    scaled: bool = False
    letter: str | None = None  # m/k/b (M/K/B in headlines) after digits: a scale only after a currency sign
    plain_year: bool = False  # four digits, no grouping, 1800-2100: probably a year
    factor: Decimal = Decimal(1)  # the scale word's multiplier ("million": 10**6)


def words_to_number(text: str) -> tuple[Decimal, bool] | None:
    """"five-and-a-half" → (5.5, True), "twelve million" → (12000000, False); the flag marks fractions and dozens."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t and t != "and"]
    total, current, approximate, seen = Decimal(0), Decimal(0), False, False
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token in ("a", "an"):
            if following in ("hundred", "dozen", *_SCALES) and current == 0:
                current = Decimal(1)
            continue
        seen = True
        if token in _SMALL:
            current += _SMALL[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token in ("half", "quarter"):
            current += Decimal("0.5") if token == "half" else Decimal("0.25")
            approximate = True
        elif token == "dozen":
            current = (current or 1) * 12
            approximate = True
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in _SCALES:
            total += (current or 1) * _SCALES[token]
            current = Decimal(0)
    if not seen:
        return None
    return total + current, approximate


def _numbers(text: str, exclude: list[tuple[int, int]]) -> list[_Number]:
    found: list[_Number] = []
    for match in _DIGITS_RX.finditer(text):
        raw = match["num"].replace(",", "")
        value = Decimal(raw)
        scale = (match["scale"] or match["abbr"] or "").lower()
        factor = Decimal(100 if scale == "hundred" else _SCALES.get(scale, 1))
        value *= factor
        plain_year = not scale and _YEAR_LIKE.fullmatch(match["num"]) is not None
        end = match.end() if (scale or match["letter"]) else match.end("num")
        found.append(_Number(match.start(), end, value, scaled=bool(scale), letter=match["letter"],
                             plain_year=plain_year, factor=factor))
    words = set(_LETTERS.findall(text.lower()))
    for match in _WORDS_RX.finditer(text) if words & _NUMBER_WORDS else ():
        parsed = words_to_number(match.group())
        if parsed is None or _LONE_FRACTION.fullmatch(match.group()):
            continue
        value, approximate = parsed
        scales = _SCALE_WORDS.findall(match.group())
        factor = Decimal(_SCALES[scales[-1].lower()]) if scales else Decimal(1)
        found.append(_Number(match.start(), match.end(), value, approximate, bool(scales), factor=factor))
    for match in _FRACTION_RX.finditer(text):
        if match["glyph"]:
            part = _GLYPHS[match["glyph"]]
        elif int(match["num"]) < int(match["den"]):
            part = Decimal(match["num"]) / Decimal(match["den"])
        else:
            continue
        value = Decimal(match["whole"] or match["wholeg"] or 0) + part
        found = [n for n in found if not (n.start < match.end() and match.start() < n.end)]
        found.append(_Number(match.start(), match.end(), value.quantize(Decimal("0.01")).normalize(), True))
    found = [n for n in found if not any(n.start < e and s < n.end for s, e in exclude)]
    return sorted(found, key=lambda n: n.start)


def _in_date(text: str, number: _Number) -> bool:
    return bool(_DATE_BEFORE.search(text, max(0, number.start - 12), number.start)
                or _DATE_AFTER.search(text[number.end:number.end + 16]))


def _qualifier(text: str, start: int) -> tuple[str, int]:
    for symbol, pattern in _QUALIFIER_RX:
        match = pattern.search(text, max(0, start - 24), start)
        if match:
            return symbol, match.start()
    return "", start


def _counted_noun(text: str, end: int) -> tuple[str, int] | None:
    """The first plural noun within three words after ``end``: ("students", end of the noun)."""
    position, skipped_capital = end, False
    for _ in range(3):
        match = _NEXT_WORD.match(text, position)
        if not match:
            return None
        word = match.group(1)
        lower = word.lower()
        if lower in _STOP:
            return None
        position = match.end()
        if lower in _IRREGULAR_PLURALS or (
            len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is", "'s", "’s"))
        ):
            # "The 100 Greatest Songs": a title, not a count
            if skipped_capital and word[0].isupper():
                return None
            return (word if word[0].isupper() else lower), position
        skipped_capital = skipped_capital or word[0].isupper()
    return None


def _measure(text: str, end: int) -> tuple[str, int] | None:
    """The unit of measure right after a number ending at ``end``: (its contract name, where it ends)."""
    match = _MEASURE.match(text, end)
    if not match:
        return None
    index = next(int(name[1:]) for name, value in match.groupdict().items() if value is not None)
    return _MEASURE_NAMES[index][0], match.end()


def _feet_and_inches(text: str, end: int) -> tuple[Decimal, int] | None:
    """Inches after "N feet" ending at ``end`` ("11 inches", the "-9" of "6-foot-9"): (inches, where they end)."""
    match = _INCHES_AFTER_FEET.match(text, end)
    if not match or Decimal(match["n"] or match["h"]) >= 12:
        return None
    return Decimal(match["n"] or match["h"]), match.end()


def _duration(text: str, numbers: list[_Number], i: int) -> tuple[Decimal, bool, int, int] | None:
    """Seconds, approximate, end offset and how many numbers a duration starting at numbers[i] uses."""
    total, approximate, used, position = Decimal(0), False, 0, numbers[i].end
    previous = None
    while i + used < len(numbers):
        number = numbers[i + used]
        if used:
            join = _DURATION_JOIN.match(text, position)
            if join.end() != number.start:
                break
        unit = _DURATION_UNIT.match(text, number.end)
        if not unit:
            break
        name = unit["unit"].lower().rstrip("s")
        seconds = _SECONDS[name]
        if previous is not None and seconds >= previous:
            break
        if _NOT_A_DURATION.match(text[unit.end("unit"):]):
            return None
        total += number.value * seconds
        approximate = approximate or number.approximate
        previous, position, used = seconds, unit.end(), used + 1
    return (total, approximate, position, used) if used else None


_RANK_HINTS = ("no.", "#", "number", "place", "spot", "position", "rank", "placed", "finished", "came in", "top")


def _ranks(text: str) -> list[tuple[int, int, QuantityValue]]:
    found = []
    lower = text.lower()
    if not any(h in lower for h in _RANK_HINTS):
        return found
    for pattern in _RANK_PATTERNS:
        for match in pattern.finditer(text):
            if match.groupdict().get("top"):
                parsed = words_to_number(match["top"]) if not match["top"].isdigit() else (Decimal(match["top"]), False)
                found.append((match.start(), match.end(), QuantityValue.stated(float(parsed[0]), "rank", "<=")))
                continue
            group = "n" if match["n"] else "n2"
            raw = match[group].lower()
            if raw.isdigit():
                number = int(raw)
            elif raw in _ORDINALS:
                number = _ORDINALS[raw]
            elif raw[:-2].isdigit():
                number = int(raw[:-2])
            else:
                number = int(words_to_number(raw)[0])
            # "ranked 4th": the mention is the ordinal; elsewhere the whole phrase ("No. 4", "fourth place")
            span = match.span(group) if pattern is _RANK_PATTERNS[3] else match.span()
            found.append((*span, QuantityValue.stated(number, "rank")))
    return found


def _half_durations(text: str) -> list[tuple[int, int, QuantityValue]]:
    """"half an hour" (~1800 s), "a minute and a half" (~90 s): fractions of one unit, in words."""
    found = []
    for match in _HALF_DURATION.finditer(text):
        unit = (match["half"] or match["unit"]).lower()
        seconds = _SECONDS[unit] * (Decimal("0.5") if match["half"] else Decimal("1.5"))
        found.append((match.start(), match.end(), QuantityValue.stated(float(seconds), "s", "~")))
    return found


def _vague(text: str) -> list[tuple[int, int, QuantityValue]]:
    """"hundreds of fans", "tens of thousands of people": counts over the range the words name."""
    found = []
    for match in _VAGUE.finditer(text):
        low, high = _VAGUE_RANGES[match["word"].lower()]
        if match["outer"]:  # "tens of thousands": 20-99 thousands
            factor_low, factor_high = _VAGUE_FACTORS[match["outer"].lower()]
            base = _VAGUE_BASES[match["word"].lower()]
            low, high = factor_low * base, factor_high * base + base - 1
        determiner = re.match(r"\s+(?:the|their|his|her)\b", text[match.end():])
        noun = _counted_noun(text, match.end() + (determiner.end() if determiner else 0))
        if noun:
            found.append((match.start(), noun[1], QuantityValue.stated(low, noun[0], high=high)))
    return found


# "the death toll rose to 13", "the number of injured stood at 40": a running count named before its figure.
_RUNNING_COUNT = re.compile(
    r"(?i)\b(?:toll|number\s+of\s+(?:dead|injured|missing|deaths|casualties|victims))"
    r"\b(?:[^.;:]|(?<=\d)\.(?=\d)){0,110}?\b(?:rose|risen|rises|climbed|climbs|increased|jumped|reached|reaches|stood|stands|is|was|"
    r"has\s+risen|now)\b(?:\s+(?:to|at))?\s*$"
)


def _after_running_count(text: str, start: int) -> bool:
    """Whether a bare figure is the value of a running count named just before it ("the death toll rose to 13").

    The figure keeps no unit: the toll names what is counted, so it compares with "9 people".
    """
    return _RUNNING_COUNT.search(text[max(0, start - 160) : start]) is not None


# A sum in a currency, by sign or word, that "N pounds" stands beside as its conversion (`_sterling`).
_OTHER_SUM = re.compile(
    r"(?:(?:US\$|C\$|A\$|HK\$|S\$|NZ\$|\$|€|¥|₩|₹|\b(?i:euro)|\b(?:USD|EUR|JPY|CNY|INR)\s?)[\d.,]*\d|"
    r"\d[\d.,]*(?:\s?-?\s?(?i:hundred|thousand|million|billion|trillion))?\s?-?\s?(?i:dollars?|euros?|yen|yuan|rupees))"
    r"(?:\s?(?i:hundred|thousand|million|billion|trillion|bn|mn|m)\b)?")
# What may stand between a sum and its conversion: brackets, a comma, "or", "about".
_CONVERSION_GAP = re.compile(r"(?i)[\s(),;/-]*(?:(?:or|about|around|roughly|some|nearly|almost|approximately)\s+)?\(?")
_VALUED = re.compile(r"(?i)\b(?:worth|valued\s+at)\s+(?:\S+\s+){0,2}$")


def _sterling(text: str, start: int, end: int) -> bool:
    """Whether "N pounds" (text[start:end]) is a sum in sterling, not a weight: it converts a sum in another currency
    next to it ("98 million euros (84 million pounds)", "5,000 pounds ($7,000)") or values something at it ("worth
    84 million pounds"). "pounds of" is a weight ("500 pounds of copper wire worth $3,000"), and so is "a 300-pound
    man", singular."""
    if not text[start:end].endswith("pounds") or re.match(r"\s+of\b", text[end:]):
        return False
    if _VALUED.search(text[max(0, start - 40):start]):
        return True
    for other in _OTHER_SUM.finditer(text):
        gap = text[other.end():start] if other.end() <= start else text[end:other.start()] if other.start() >= end else None
        if gap is not None and _CONVERSION_GAP.fullmatch(gap):
            return True
    return False


def _quantity_at(text: str, numbers: list[_Number], i: int) -> tuple[int, int, QuantityValue, int] | None:
    """The quantity starting with numbers[i]: (start, end, value, numbers used), or None."""
    first = numbers[i]
    if _in_date(text, first):
        return None
    currency_match = _CURRENCY_PREFIX.search(text, max(0, first.start - 6), first.start)
    currency = _PREFIX_CODES.get(currency_match.group().strip(), currency_match.group().strip()) if currency_match else None
    start = currency_match.start() if currency_match else first.start
    low, high, used, end = first.value, None, 1, first.end
    glued_unit = None
    if first.letter and not currency:
        # "600m": metres, unless a counted noun follows ("2m people", millions); "5k", "3b": nothing known
        if first.letter != "m" or _counted_noun(text, first.end):  # "600M", "2M users": millions, of no known unit
            return None
        glued_unit = "metres"
    elif first.letter:
        low = low * _SCALES[first.letter.lower()]
    if i + 1 < len(numbers):
        join = _RANGE_JOIN.match(text, first.end)
        second = numbers[i + 1]
        opener = _RANGE_OPEN.search(text, max(0, start - 10), start)
        if join and join.end() == second.start and ("and" not in join.group().lower() or opener) and not _in_date(text, second):
            high = second.value * (_SCALES[second.letter.lower()] if second.letter and currency else 1)
            if second.scaled and not first.scaled:
                low *= second.factor
            used, end = 2, second.end
            if opener:
                start = opener.start()
    qualifier, qualifier_start = _qualifier(text, start)
    if high is None:
        start = qualifier_start
    approximate = first.approximate or (used == 2 and numbers[i + 1].approximate)
    if qualifier == "" and approximate:
        qualifier = "~"
    unit = currency or glued_unit
    if unit is None:
        suffix = _CURRENCY_SUFFIX.match(text, end)
        percent = _PERCENT.match(text, end)
        if percent:
            unit, end = ("pp" if percent["pp"] else "%"), percent.end()
        elif suffix:
            word = suffix["word"]
            unit, end = _SUFFIX_CODES.get(word.lower(), word.upper()), suffix.end()
        elif measured := _measure(text, end):
            unit, end = measured
            if unit == "pounds" and _sterling(text, start, end):
                unit = "GBP"
            inches = _feet_and_inches(text, end) if unit == "feet" and high is None else None
            if inches:
                low, end = low * 12 + inches[0], inches[1]
                unit, used = "inches", 1 + sum(1 for n in numbers[i + 1:] if n.start < end)
        elif high is None:
            duration = _duration(text, numbers, i)
            if duration:
                seconds, approx, end, used = duration
                qualifier = qualifier or ("~" if approx else "")
                return start, end, QuantityValue.stated(float(seconds), "s", qualifier), used
            if _DURATION_UNIT.match(text, end):
                return None  # "two years ago", "23-year-old"
    if unit is None:
        noun = _counted_noun(text, end)
        of = _OF_NOUN.match(text, end) if not noun and _OF_NUMBER_WORD.search(text, first.start, first.end) else None
        noun = noun or (of and _counted_noun(text, of.end()))
        if noun and (not first.plain_year or qualifier or noun[0] in _COUNT_NOUNS_FOR_YEARS):
            unit, end = noun
        elif not (qualifier or first.scaled or _after_running_count(text, start)):
            return None  # a bare number or range ("BTS's 7", a score "3-1"): nothing says what it counts
    return start, end, QuantityValue.stated(float(low), unit, qualifier, None if high is None else float(high)), used


def find_quantities(
    text: str,
    candidates: list[tuple[int, int, str]] | None = None,
    exclude: list[tuple[int, int]] | None = None,
) -> list[Mention]:
    """Quantity mentions in one sentence: duration, money, count, percent, rank.

    candidates are spaCy's CARDINAL/QUANTITY/MONEY/PERCENT/ORDINAL spans with
    their label; this module's own patterns cover those forms, so a candidate
    only adds a mention when a number inside it forms a quantity the scan left
    out. exclude lists spans (the sentence's time mentions) whose numbers are
    not quantities.
    """
    exclude = list(exclude or [])
    found: list[tuple[int, int, QuantityValue]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e, _ in found) and all(end <= s or start >= e for s, e in exclude)

    for start, end, value in _ranks(text) + _vague(text) + _half_durations(text):
        if free(start, end):
            found.append((start, end, value))
    numbers = _numbers(text, exclude + [(s, e) for s, e, _ in found])
    i = 0
    while i < len(numbers):
        result = _quantity_at(text, numbers, i)
        if result and free(result[0], result[1]):
            start, end, value, used = result
            found.append((start, end, value))
            i += used
        else:
            i += 1
    for start, end, _label in candidates or ():
        if not free(start, end):
            continue
        inner = [n for n in _numbers(text, exclude) if start <= n.start < end]
        for j in range(len(inner)):
            result = _quantity_at(text, inner, j)
            if result and free(result[0], result[1]):
                found.append(result[:3])
    found.sort(key=lambda f: f[0])
    return [Mention(s, e, v.kind, text[s:e], v.format()) for s, e, v in found]
