"""The role a person fills in an event told by a noun rather than a verb: "the killing of Mara Quinn", "Mara
Quinn's arrest", "the escape by Dale Orme", "an offer to Rafe Dunmore".

The parse gives roles only to a verb's arguments; news tells many events by their noun. The noun is read as its
verb: the person after "of" fills the verb's object when the verb takes one ("the arrest of X": police arrested
X) and its subject when it does not ("the death of X": X died; "the resignation of X": X resigned); the person
after "by" is the subject ("the escape by X"); the person after "to" is the verb's "to" object ("an offer to X").
An owner ("X's arrest", "X's death") fills the role the noun tells of its owner: the one it happened to for
a noun of something done to someone, the one who did it for a deed ("X's decision", "X's offer").

A person a verb of giving takes before what it gives (the indirect object: "handed X a life sentence", "offered X
a contract") is whom the thing went to: the "to" object of the verb ("offered a contract to X"), or, when the thing
is an event noun, the role that noun gives the person after its preposition ("X's sentence", "an offer to X").
"""

from __future__ import annotations

import re

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from corroborator.verbs import verb_stem

OBJECT, SUBJECT = "object", "subject"

# Nouns of something done to someone, as the verb news writes for it: "of" and the owner name whom it was done to.
_DONE_TO = {
    "killing": "killed", "murder": "murdered", "slaying": "slain", "shooting": "shot", "assassination": "assassinated",
    "arrest": "arrested", "capture": "captured", "detention": "detained", "trial": "tried", "conviction": "convicted",
    "sentencing": "sentenced", "execution": "executed", "release": "released", "kidnapping": "kidnapped",
    "abduction": "abducted", "rescue": "rescued", "firing": "fired", "dismissal": "dismissed", "ouster": "ousted",
    "sacking": "sacked", "hiring": "hired", "appointment": "appointed", "nomination": "nominated",
    "selection": "selected", "signing": "signed", "replacement": "replaced", "election": "elected",
    "suspension": "suspended", "indictment": "indicted", "extradition": "extradited", "acquittal": "acquitted",
    "sentence": "sentenced", "arraignment": "arraigned",
}
# Nouns of something someone did, with no one it was done to: "of" and the owner name who did it.
_DONE_BY = {
    "death": "died", "resignation": "resigned", "retirement": "retired", "departure": "departed",
    "arrival": "arrived", "escape": "escaped", "disappearance": "disappeared", "surrender": "surrendered",
    "confession": "confessed",
}
# Deeds done to something or someone else: the owner is who did it ("X's offer to the player"), "to" whom it went.
_DEEDS = {"offer": "offered", "decision": "decided", "choice": "choose", "announcement": "announced"}

_WORD = r"[^\W\d_][\w'’.-]*"
# Words between the preposition and the name that describe the person ("the trial of 16-year-old X", "the
# firing of head coach X"): lower case, or figures, never a word of another phrase ("of", "and").
_DESCRIBING = r"(?:(?:-\s+)?(?!(?:of|by|to|and|or|the|a|an)\b)[a-z0-9][\w'’-]*\s+){0,3}"
_BEFORE = re.compile(rf"(?:\b(the|a|an|his|her|their|its)\s+)?\b({_WORD})\s+(of|by|to)\s+{_DESCRIBING}$", re.I)
# A death told as a life taken: "the blast that claimed the life of X", "took the lives of X and Y".
_LIFE_TAKEN = re.compile(rf"\b(?:claim|claimed|claims|claiming|take|takes|took|taking)\s+the\s+(life|lives)\s+of\s+"
                         rf"{_DESCRIBING}$", re.I)
# Verbs of giving, in every form, whose first object is whom the second went to ("gave X a ride").
_GIVING = ("give gives gave given giving hand hands handed handing offer offers offered offering award awards "
           "awarded awarding grant grants granted granting send sends sent sending pay pays paid paying "
           "promise promises promised promising").split()
_GIVEN_BY = re.compile(rf"\b({'|'.join(_GIVING)})\s+$", re.I)
# What follows the person: an age, a day ("handed X today four life sentences"), then the thing given, opened by
# a determiner or a figure.
_GIVEN = re.compile(r"(?:\s*,\s*\d{1,3}\s*,)?(?:\s+(?:today|yesterday|tonight|(?:on\s+)?[A-Z][a-z]+day))?"
                    r"\s+(?:a|an|the|his|her|their|its|another|\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
                    r"((?:\s+[a-z][\w'’-]*){1,4})")
_OWNER = re.compile(r"\s?['’]\s?s\b")
_PLURAL_OWNER = re.compile(r"['’](?=\s)")  # "Jules Hollis' arrest"
_NEXT_WORDS = re.compile(r"\s*([^\W\d_][\w-]*|[^\w\s]|$)")
_NEXT_LOWER = re.compile(r"\s+([a-z][\w-]*)")
OWNED_WORDS = 3  # words after an owner that can be the noun of its event, those before it describing it


def _modifies(text: str, end: int) -> bool:
    """Whether the name ending at `end` modifies a noun written after it ("the assassination of the Vale family
    boss": no Vale was killed); a verb in the past ("the killing of X sparked riots") or a little word ("and", "in")
    ends the name's phrase instead."""
    after = _NEXT_LOWER.match(text, end)
    return bool(after) and after.group(1) not in ENGLISH_STOP_WORDS and not after.group(1).endswith("ed")


def _described(words: str) -> bool:
    """Whether the words between a preposition and a name describe the person, no function word among them."""
    return not any(w.casefold() in ENGLISH_STOP_WORDS for w in words.split())


def nominal_role(text: str, start: int, end: int) -> tuple[str, str, str] | None:
    """(noun as written, verb stem, role) of the name at [start, end) of `text` in the event a noun tells, or None
    when the name fills no role of an event noun."""
    if (life := _LIFE_TAKEN.search(text[max(0, start - 80):start])) and not _modifies(text, end):
        return life.group(1), verb_stem("died"), SUBJECT  # whose life it took is who died
    found = _BEFORE.search(text[max(0, start - 80):start])
    if found and not _OWNER.match(text, end) and not _modifies(text, end):
        determiner, noun, preposition = found.group(1), found.group(2), found.group(3).casefold()
        if _described(found.group(0)[found.end(3) - found.start():]):
            read = _of_noun(noun, preposition, determiner is not None)
            if read:
                return read
    owner = _OWNER.match(text, end) or (_PLURAL_OWNER.match(text, end) if text[end - 1:end] in "sS" else None)
    if owner is None:
        return None
    words, at = [], owner.end()
    while len(words) <= OWNED_WORDS and (word := _NEXT_WORDS.match(text, at)) and word.group(1)[:1].isalpha():
        words.append(word.group(1))
        at = word.end()
    for i, word in enumerate(words[:OWNED_WORDS]):
        if not word[0].islower() or word.casefold() in ENGLISH_STOP_WORDS:
            return None  # "X's home in Alder", "X's The Road": no event of the owner's
        after = words[i + 1] if i + 1 < len(words) else None
        if after is None or not after[0].islower() or after.casefold() in ENGLISH_STOP_WORDS:
            return _of_owner(word)  # the phrase ends here: "X's reported choice for", not "X's death sentence"
    return None


def dative_role(text: str, start: int, end: int, head: str | None = None) -> tuple[str, str, str] | None:
    """(verb or noun as written, verb stem, role) of the name at [start, end) of `text` when a verb of giving takes
    it before the thing it gives, or None: "handed X four life sentences" is X's sentence, whom a court sentenced;
    "gave X an offer" an offer to X; "offered X a contract" whom the offer went to. `head`, the verb the parse gives
    the name, if any, must be that verb."""
    verb = _GIVEN_BY.search(text[max(0, start - 20):start])
    given = _GIVEN.match(text, end)
    if verb is None or given is None or (head is not None and head.casefold() != verb.group(1).casefold()):
        return None
    for word in given.group(1).split():
        if word.casefold() in ENGLISH_STOP_WORDS:
            break
        noun = word.casefold()
        noun = noun[:-1] if noun.endswith("s") and (noun[:-1] in _DONE_TO or noun[:-1] in _DEEDS) else noun
        if noun in _DONE_TO:
            return word, verb_stem(_DONE_TO[noun]), OBJECT
        if noun in _DEEDS:
            return word, verb_stem(_DEEDS[noun]), "prep:to"
    return verb.group(1), verb_stem(verb.group(1)), "prep:to"


def _of_noun(noun: str, preposition: str, determined: bool) -> tuple[str, str, str] | None:
    """The verb and role a noun gives the person written after its preposition."""
    word = noun.casefold()
    if word.endswith("s") and (word[:-1] in _DONE_TO or word[:-1] in _DEEDS):
        word = word[:-1]  # "the shootings of X and Y"
    if preposition == "by" and (word in _DONE_TO or word in _DONE_BY):
        return noun, verb_stem(_DONE_TO.get(word) or _DONE_BY[word]), SUBJECT
    if preposition == "to" and word in _DEEDS:
        return noun, verb_stem(_DEEDS[word]), "prep:to"
    if preposition != "of":
        return None
    if word in _DONE_TO:
        return noun, verb_stem(_DONE_TO[word]), OBJECT
    if word in _DONE_BY:
        return noun, verb_stem(_DONE_BY[word]), SUBJECT
    if determined and word.endswith("ing") and len(word) > 6:
        return noun, verb_stem(word), OBJECT  # "the beating of X": whom someone beat
    return None


def _of_owner(noun: str) -> tuple[str, str, str] | None:
    """The verb and role a noun gives its owner."""
    word = noun.casefold()
    if word in _DONE_TO:
        return noun, verb_stem(_DONE_TO[word]), OBJECT
    if word in _DONE_BY:
        return noun, verb_stem(_DONE_BY[word]), SUBJECT
    if word in _DEEDS:
        return noun, verb_stem(_DEEDS[word]), SUBJECT
    return None


# A day closing the phrase of an event noun: "the arrest of Lena Varo, 31, on Saturday", "the abduction of a shop
# owner in Arnford Monday night". What comes between the noun's "of" and the day describes whom it
# happened to (a name, an age, the place it happened), never a verb or a second phrase.
_NOUN_OF = re.compile(r"\b([a-z]+)\s+of\s+([^,;:()]{1,60}?)(?:\s*,\s*\d{1,3}\s*,)?\s+(?:on\s+)?$")
_WHERE = re.compile(r"\s+(?:in|at)(?:\s+[A-Z][\w.’'-]*)+$")
_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their", "its"})


def dated_noun(before: str) -> str | None:
    """The verb stem of the event noun whose phrase ends where a day begins (`before` is the text up to the day):
    "the killing of Tobias Ferreira on Friday" dates the killing, as "Tobias Ferreira was killed on Friday" does.
    None when the day closes no such phrase."""
    found = _NOUN_OF.search(before)
    if found is None or (verb := _DONE_TO.get(found.group(1)) or _DONE_BY.get(found.group(1))) is None:
        return None
    words = _WHERE.sub("", " " + found.group(2)).split()
    if not words or any(
            word.casefold() in ENGLISH_STOP_WORDS - _DETERMINERS or (word.islower() and word.endswith("ed"))
            for word in words):
        return None
    return verb_stem(verb)


# A day followed at once by the event it falls within: "a deputy said Wednesday during the clerk's arraignment",
# "testified Monday at the trial of Dale Orme". "During" or "at" sets what the sentence tells inside that event, so the
# day is the event's too; "in" does not ("arrested Monday in the killing of X" dates the arrest, not the killing).
_WITHIN_NOUN = re.compile(r"\s*(?:morning|afternoon|evening|night)?\s*,?\s*(?:during|at)\s+"
                          r"(?:(?:the|a|an|his|her|their|its)\s+)?(?:(?:[A-Z][\w-]*\s+)?[^\W\d_][\w-]*\s?['’]\s?s\s+)?"
                          r"(?P<noun>[a-z]+)\b")


def noun_dated_after(after: str) -> str | None:
    """The verb stem of the event noun a day is followed by after "during" or "at" (`after` is the text from the day's
    end): "said Wednesday during the clerk's arraignment" dates the arraignment. None when no such noun follows."""
    found = _WITHIN_NOUN.match(after)
    if found is None or (verb := _DONE_TO.get(found.group("noun")) or _DONE_BY.get(found.group("noun"))) is None:
        return None
    return verb_stem(verb)
