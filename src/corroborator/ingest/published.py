"""Publication times as pages and feeds state them, kept timezone-aware where a zone is given."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from dateutil import parser as dateutil_parser
from dateutil.tz import tzoffset

# Zone abbreviations seen in bylines; dateutil alone knows only UTC/GMT and the local zone.
ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3,
    "IST": 5.5, "PKT": 5, "ICT": 7, "WIB": 7, "SGT": 8, "HKT": 8, "CST": -6, "CDT": -5,
    "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
    "EST": -5, "EDT": -4, "ET": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "PT": -8,
}
_TZINFOS = {name: tzoffset(name, int(hours * 3600)) for name, hours in ZONES.items()}
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_LIKE = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{4}[./]\d{1,2}[./]\d{1,2}\b|\b\d{1,2}/\d{1,2}/\d{4}\b",
    re.I,
)
_TIME_OF_DAY = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*[ap]\.?m\.?\b", re.I)
_LABEL = re.compile(r"^\s*(?:published|posted|updated|last updated|first published|date)\s*(?:on|at)?\s*[:\-–—]?\s*", re.I)


def looks_like_date(line: str) -> bool:
    """Whether a short line holds a full calendar date (day, month and year)."""
    return bool(_DATE_LIKE.search(line))


def parse_published(text: str | None) -> tuple[str, str] | None:
    """Parse a stated publication time into (ISO 8601, precision), or None when it holds no full date.

    precision is "minute" when a time of day is stated, "day" otherwise; a date without a
    zone is written as midnight UTC with precision "day", the contract's form.
    """
    if not text or not text.strip():
        return None
    text = _LABEL.sub("", text.strip())
    iso = _from_iso(text)
    if iso is not None:
        return iso
    if not looks_like_date(text):
        return None
    try:
        moment = dateutil_parser.parse(text, fuzzy=True, tzinfos=_TZINFOS, default=datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return None
    return _result(moment, has_time=bool(_TIME_OF_DAY.search(text)))


def _from_iso(text: str) -> tuple[str, str] | None:
    candidate = text.strip().replace("Z", "+00:00") if text.strip().endswith("Z") else text.strip()
    try:
        moment = datetime.fromisoformat(candidate)
    except ValueError:
        return None
    return _result(moment, has_time=len(candidate) > 10)


def _result(moment: datetime, has_time: bool) -> tuple[str, str]:
    if not has_time:
        day = datetime(moment.year, moment.month, moment.day, tzinfo=timezone.utc)
        return day.isoformat(), "day"
    if moment.tzinfo is None:
        # A time of day with no zone: keep the day, since the moment cannot be placed.
        day = datetime(moment.year, moment.month, moment.day, tzinfo=timezone.utc)
        return day.isoformat(), "day"
    offset = moment.utcoffset() or timedelta(0)
    return moment.replace(tzinfo=timezone(offset), second=moment.second, microsecond=0).isoformat(), "minute"
