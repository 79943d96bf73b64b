"""Words as the stages compare them: a light English stem, and verbs folded so that every form of one
verb, and the verbs news uses interchangeably for one event, meet in one stem.

Stories (who did what, in each document) and reconcile (which sentences date or name one event) both
read verbs this way.
"""

from __future__ import annotations

import re

# Words news uses interchangeably for one thing, folded to one stem.
SYNONYMS = {"earthquake": "quake", "earthquakes": "quake", "tremor": "quake", "dead": "death", "died": "death",
            "killed": "death", "killing": "death", "kill": "death", "deaths": "death", "fatalities": "death",
            "injured": "injur", "injuring": "injur", "injuries": "injur", "hurt": "injur", "wounded": "injur",
            "kilometers": "kilometre", "kilometer": "kilometre", "kilometres": "kilometre", "km": "kilometre",
            "premiered": "premiere", "premiere": "premiere", "debuted": "premiere", "succumbed": "death",
            "succumbs": "death", "passed away": "death", "passes away": "death", "pass away": "death",
            "passing away": "death"}
# A fire starting, as news words it ("a fire broke out", "the shed caught fire", "flames erupted"), and a driver
# stopped by police ("was pulled over", "was stopped"): one event, whichever words each source uses.
SYNONYMS |= {f"{verb} {particle}": folded for verbs, particle, folded in (
    ("break breaks broke breaking", "out", "erupt"), ("catch catches caught catching", "fire", "erupt"),
    ("pull pulls pulled pulling", "over", "stop")) for verb in verbs.split()}
# Particles that make a verb another one ("passed away" is a death, "passed" alone is not).
_PARTICLES = ("away", "out", "fire", "over")


def stem(word: str) -> str:
    """A light English stem: enough to match "enlisted"/"enlists", "films"/"film", "killing"/"killed"."""
    word = word.casefold().replace("’", "'").removesuffix("'s").strip("'-")
    if word in SYNONYMS:
        return SYNONYMS[word]
    if word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh")) and len(word) >= 6:
        return word[:-2]
    for suffix, replacement in (("ies", "y"), ("ing", ""), ("ed", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4 and not word.endswith("ss"):
            return word[: -len(suffix)] + replacement
    return word


_DOUBLED = re.compile(r"([bdfgklmnprtz])\1$")


def _verb_form_stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)]
            break
    word = word.removesuffix("e") if len(word) > 3 else word
    return _DOUBLED.sub(r"\1", word) if len(word) > 3 else word


# Verbs news uses interchangeably for one event, and their nouns, each group folded to its first verb's stem:
# "Vellum issued an update on Wednesday" and "Vellum released an update on Saturday" date one release;
# "fired the coach on Saturday" and "notified him of his dismissal Tuesday" date one firing; "passed", "eclipsed" and
# "overtook" a record holder tell one going past.
EVENT_VERBS = [
    "release issue",
    "fire dismiss sack oust dismissal ouster",
    "arrest detain apprehend detention nab capture",
    "foil thwart repel",
    "sever cut damage",
    "hire appoint appointment",
    "pick choose select tap selection",
    "strike hit jolt rock shake shook struck",
    "escape flee fled",
    "charge indict indictment",
    "resign quit resignation",
    "schedule plan slate",
    "destroy gut raze",
    "place put",
    "disrupt hamper interrupt",
    "pass surpass eclipse overtake overtook overtaken",
]
# Verbs that "re-" makes the same deed done again: whom a club "rehired" or "reappointed" it hired, whom police
# "rearrested" or "recaptured" they arrested. Not "rescheduled" (a date moved) nor "resigned" or "released".
_AGAIN = re.compile(r"re-?([a-z]{3,})")
_EVENT_STEMS = {_verb_form_stem(verb): _verb_form_stem(group.split()[0]) for group in EVENT_VERBS for verb in group.split()}


_DONE_AGAIN = frozenset(_verb_form_stem(group.split()[0]) for group in EVENT_VERBS if group.split()[0] in ("hire", "arrest"))


def verb_stem(word: str) -> str:
    """A verb's form-free stem, so that every form of one verb meets: "stopped", "stops" and "stopping"
    give "stop"; "placed", "places" and "place" give "plac"; "hired" and "hire" give "hir"; verbs of one
    event meet too ("issued" and "released" give "releas")."""
    word = word.casefold().replace("’", "'")
    if word in SYNONYMS:
        return SYNONYMS[word]
    stem = _verb_form_stem(word)
    if stem not in _EVENT_STEMS and (again := _AGAIN.fullmatch(stem)) and _EVENT_STEMS.get(again.group(1)) in _DONE_AGAIN:
        stem = again.group(1)  # "rehired", "re-hired": hired again, and hired
    return _EVENT_STEMS.get(stem, stem)


def phrasal(verb: str, text: str) -> str:
    """A verb as a sentence writes it, with the particle after it when the two are one verb of their own: "passed
    away" in "Mara Quinn passed away Thursday", "broke out" in "a fire broke out"; not "broke out of" a jail."""
    for particle in _PARTICLES:
        if f"{verb.casefold()} {particle}" in SYNONYMS and re.search(
                rf"\b{re.escape(verb)}\s+{particle}\b(?!\s+of\b)", text, re.I):
            return f"{verb} {particle}"
    return verb


# Verbs that report or link rather than name an event.
_SAYING = """say said says tell told report reported reports add added note noted state stated"""
NOT_EVENTS = frozenset(verb_stem(w) for w in (_SAYING + """ write wrote quote quoted claim claimed explain
    explained ask asked believe believed think thought know knew known according describe described call called
    be is was were are been being have has had do does did get got""").split())
# Verbs of speaking, writing or thinking: what a source quoted does, not what a story tells of.
SPEAKING = NOT_EVENTS - frozenset(verb_stem(w) for w in """be is was were are been being have has had do does did get
    got""".split())
# Verbs of making something public: two sources dating the saying of one thing date one statement, whichever
# verb each uses ("officials announced Saturday", "police said Saturday").
REPORTING = frozenset(verb_stem(w) for w in (_SAYING + " announce announced confirm confirmed disclose disclosed "
                                              "reveal revealed").split())


def event_stem(word: str) -> str:
    """A word's event stem when it is a verb or noun of one of EVENT_VERBS ("dismissal" gives "fir"), else the
    word itself."""
    return _EVENT_STEMS.get(_verb_form_stem(word), word)
