"""What a mention does in its clause: the verb it is an argument of, and how.

"Actress Lena Morrow entered Harbourton Rest Clinic on Thursday" gives Lena Morrow the role
subject of "entered", the center object of "entered", and Thursday time of "entered".
Reconcile compares these across sources: when every other source names Lena Morrow as the one
who entered and one source names someone else, or dates the entry to another day, that is
a contradiction about one role of one event.

Only arguments of a verb get a role. A name inside another noun phrase ("Reid's
representative", "the Reid family") has none: it does not fill the verb's role itself.
"""

from __future__ import annotations

from bisect import bisect_right

from corroborator.annotate.times import WEEKDAYS
from corroborator.model import Mention, Sentence
from corroborator.verbs import NOT_EVENTS, REPORTING, verb_stem

ROLE_KINDS = frozenset({"person", "org", "place", "work", "date", "time"})
TIME_KINDS = frozenset({"date", "time"})
# Dependency labels of spaCy's English parser, and the role they give.
_ROLES = {"nsubj": "subject", "nsubjpass": "object", "dobj": "object", "attr": "object", "npadvmod": "time"}
_PASS_THROUGH = frozenset({"appos", "conj"})  # "Owen Pratt, 37, ..." or "X and Y": the head's role
# A player's position written before the name, which the parser reads as a verb and its particle: in
# "placed running back Marcus Doyle on injured reserve Wednesday" Doyle is the object of "placed" and
# Wednesday its time, not of "running". The name takes the role the position word has.
_POSITION_ROLES = {"xcomp": "object", "ccomp": "object", "advcl": "object", "dobj": "object", "nsubjpass": "object",
                   "csubj": "subject", "nsubj": "subject"}
_MAX_STEPS = 4
_BE = frozenset({"be", "is", "are", "was", "were", "been", "being", "am"})
_NOT_DONE = frozenset({"try", "tries", "tried", "trying", "attempt", "attempts", "attempted", "attempting", "fail",
                       "fails", "failed", "failing"})  # verbs whose infinitive may never have been done
_SORTING = frozenset({"a", "an", "another"})  # "was a suspect" sorts; "will be the host" tells the deed
_RELATIVE_WORDS = frozenset({"who", "whose", "whom", "which"})
_COMMON_NOUNS = frozenset({"NN", "NNS"})
SEQUENCE = frozenset({"after", "before"})  # "a day after placing X": X's role is marked "after:object"
_OTHER_STEP = SEQUENCE | {"since", "until", "following"}


def _is_verb(token) -> bool:
    # A split possessive ("Okafor ’ s") can come back tagged as a verb "s": no verb has one letter.
    return token.tag_.startswith("VB") and len(token.text) > 1 and token.text.isalpha()


def role_of(doc, start: int, end: int) -> tuple[str, str, int] | None:
    """(verb, role, the verb's offset) of the span [start, end) of the parsed `doc`, or None when it is
    no verb's argument."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    if (noun := _bounding_noun(doc, span)) is not None:
        return noun.text.lower(), "time", noun.idx  # "convicted before his arrest on Friday": the arrest's day
    for _ in range(_MAX_STEPS):
        dep = token.dep_
        if dep in _PASS_THROUGH and token.head is not token:
            token = token.head
            continue
        if dep == "pobj":
            preposition = token.head
            verb = preposition.head
            if _names_the_noun(token, preposition, verb):
                token = verb.head  # "the cyclist, who police identified as Marco Belan, fled": Belan fled
                continue
            if _position(verb):
                verb = verb.head
            if _dated_subject(token, preposition, verb):
                verb = verb.head  # "Warship INS Sukanya on Sunday foiled": the parse hangs the day on the ship
            if not _is_verb(verb) or preposition is token:
                return None
            role = "subject" if preposition.dep_ == "agent" else f"prep:{preposition.text.lower()}"
            if _is_time(token):
                verb = _deed_of_being(_reason_for(verb, span), token)
            return verb.text.lower(), role, verb.idx
        if _position(token.head):
            position = token.head
            # The name written right after the position holds it, whatever label the parser gave the name
            # ("placed rookie running back Owen Pratt" can come back as an adverb of "running").
            holder = token.i == position.i + 2 or span.start == position.i + 2
            if dep not in _ROLES and not holder:
                return None
            if holder and position.dep_ in _PASS_THROUGH:
                token = position  # "Tom Burke and running back J.J. Okafor": the role Burke has
                continue
            role = _POSITION_ROLES.get(position.dep_) if holder else _ROLES[dep]
            verb = position.head
            return (verb.text.lower(), role, verb.idx) if role and verb is not position and _is_verb(verb) else None
        if dep == "npadvmod" and _is_time(token) and token.head.tag_ in _COMMON_NOUNS:
            verb = _verb_of_noun(token.head)  # "pulled a gun during a transfer Monday": the day dates "pulled"
            if verb is None:
                return None
            verb = _deed_of_being(verb, token)
            return verb.text.lower(), "time", verb.idx
        if dep == "compound" and _subject_before_day(token):
            verb = token.head.head  # "Vellum Saturday took the unusual step": the parse hangs Vellum on the day
            return verb.text.lower(), "subject", verb.idx
        if dep in _ROLES and _is_verb(token.head):
            verb = (_reported(token) if dep == "nsubj" else None) or token.head
            if dep == "nsubj":
                verb = _past_relative_clause(token, verb)
                if verb is None:
                    return None
            if dep == "dobj":
                verb = _first_of_shared(verb)
            role = _ROLES[dep]
            if dep in ("nsubj", "nsubjpass"):
                verb, role = _what_the_subject_does(verb, role)
            if role == "time" and _is_time(token):
                verb = _deed_of_being(_reason_for(verb, span), token)
            return verb.text.lower(), _earlier(verb, role), verb.idx
        return None
    return None


_NOUN_TAGS = frozenset({"NN", "NNS", "HYPH"})
_MAX_NOUN = 3  # tokens of the noun a possessive names ("re - arrest" is three)
_MAX_OWNER = 3  # tokens of a name before "'s" ("after Tom Reyes's arrest")


def _bounding_noun(doc, span):
    """The noun a time written straight after it dates, when a bound word and a possessive come before the noun
    ("convicted before his arrest on Friday", "freed after Tom Reyes's release Monday"): the parse may hang the day on
    the verb the bound belongs to, but the day is the noun's event's. None otherwise."""
    if not _is_time(span.root):
        return None
    at = span.start - 1
    if at >= 0 and doc[at].tag_ == "IN" and doc[at].lower_ not in _OTHER_STEP:
        at -= 1  # "on Friday", "Tuesday": the day with or without its preposition
    if at < 0 or doc[at].tag_ not in _COMMON_NOUNS:
        return None
    noun, first = doc[at], at
    while first - 1 >= 0 and at - first + 1 < _MAX_NOUN and doc[first - 1].tag_ in _NOUN_TAGS:
        first -= 1
    owner = first - 1
    if owner >= 0 and doc[owner].tag_ == "POS":
        owner -= 1
        lowest = max(0, owner - _MAX_OWNER + 1)
        while owner > lowest and doc[owner - 1].tag_ == "NNP":
            owner -= 1
        owner = owner if doc[owner].tag_ == "NNP" else -1
    elif owner < 0 or doc[owner].tag_ != "PRP$":
        return None
    return noun if owner >= 1 and doc[owner - 1].lower_ in _OTHER_STEP else None


def _what_the_subject_does(verb, role: str):
    """The verb, and role, a subject has in the deed its sentence tells of: in "Mara Quinn is negotiating to direct
    the sequel", "Mara Quinn has been hired to direct it" or "has been brought in to present it" she is who directs or
    presents; in "Mara Quinn will be the presenter of the gala" she is who presents (the noun after "be" names
    the deed).
    Not so where the infinitive is another's ("persuaded Tom Reyes to stay"), is not done ("tried to return the
    kick"), is hearsay ("is believed to be seeking"), or only says what the deed was for ("checked in to begin a
    stay"); a passive infinitive makes the subject its object ("is expected to be sentenced"), and a noun after
    "a" only sorts the subject ("was a suspect")."""
    for _ in range(_MAX_STEPS):
        clauses = ("xcomp", "advcl") if role == "object" else ("xcomp",)  # "was brought in to present", passive
        deed = next((c for c in verb.children if c.dep_ in clauses and _is_verb(c)
                     and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                     and not any(a.dep_ in ("nsubj", "nsubjpass") for a in c.children)), None)
        if (deed is not None and verb.lower_ not in _NOT_DONE and verb_stem(verb.text) not in NOT_EVENTS
                and not any(c.dep_ in ("dobj", "dative") for c in verb.children)):
            verb, role = deed, "object" if any(a.dep_ == "auxpass" for a in deed.children) else "subject"
            continue
        noun = next((c for c in verb.children if c.dep_ == "attr" and c.tag_ in ("NN", "NNS")), None)
        if (verb.lower_ in _BE and role == "subject" and noun is not None
                and not any(c.dep_ == "det" and c.lower_ in _SORTING for c in noun.children)):
            return noun, "subject"
        break
    return verb, role


def _is_time(token) -> bool:
    """Whether the tagger reads a token as part of a date or a time."""
    return token.ent_type_ in ("DATE", "TIME")


def _verb_of_noun(noun):
    """The verb a noun hangs on through a preposition, or None: a day the parse hangs on the noun before it
    ("pulled a gun during a transfer Monday", "spoke at a news conference Saturday") dates what the verb tells, for
    such a noun takes no bare day of its own. Not through a word that opens another step of the story: in "charged
    after a shooting at a party Friday" the day is the shooting's."""
    preposition = noun.head
    if (noun.dep_ == "pobj" and preposition.dep_ == "prep" and preposition.lower_ not in _OTHER_STEP
            and _is_verb(preposition.head)):
        return preposition.head
    return None


def _deed_of_being(verb, day):
    """The verb of a clause of "when" that follows a day the parse hangs on a form of "be": "Tom Reyes was at home
    Monday when he heard the shots" tells that he heard them on Monday; being at home is no event. Otherwise the
    verb itself."""
    if verb.lower_ not in _BE:
        return verb
    return next((c for c in verb.children if c.dep_ == "advcl" and c.i > day.i and _is_verb(c)
                 and any(w.dep_ == "advmod" and w.lower_ == "when" for w in c.children)), verb)


def _reason_for(verb, day):
    """The verb a gerund after "for" gives the reason of, when the parse hangs a day of the week on the gerund: in
    "the skipper was detained for fishing inside the reserve early Saturday" the day is the arrest's, told with its
    reason (a day of the week is the time of the deed the sentence reports; an older time, "fined for dumping waste
    in 2019", is the reason's own). Otherwise the verb itself."""
    preposition = verb.head
    if (verb.tag_ == "VBG" and verb.dep_ == "pcomp" and preposition.lower_ == "for" and preposition.dep_ == "prep"
            and _is_verb(preposition.head) and any(t.lower_ in WEEKDAYS for t in day)):
        return preposition.head
    return verb


def _dated_subject(token, preposition, noun) -> bool:
    """Whether a time hangs on the subject it stands between and that subject's verb ("the Indian Navy on
    Tuesday arrested 23 pirates"): it dates the verb, not the subject."""
    return (_is_time(token) and noun.dep_ == "nsubj" and noun.i < preposition.i
            and preposition.i < noun.head.i and _is_verb(noun.head))


def _subject_before_day(token) -> bool:
    """Whether a name the parse makes part of the day written straight after it is its verb's subject: in
    "Vellum Saturday took the unusual step" the verb has no subject of its own."""
    day, verb = token.head, token.head.head
    return (_is_time(day) and token.i < day.i and day.dep_ == "npadvmod" and _is_verb(verb)
            and day.i < verb.i and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children))


def _names_the_noun(name, preposition, verb) -> bool:
    """Whether a name is what a clause about a noun calls it ("the cyclist, who police identified as Marco Belan",
    "the suspect, identified as Marco Belan"): the name is the noun, and fills the noun's role."""
    noun = verb.head
    return (preposition.lower_ == "as" and verb.dep_ in ("relcl", "acl") and noun is not verb
            and noun.tag_.startswith("NN") and noun.i < verb.i < name.i)


def _past_relative_clause(name, verb):
    """The verb a subject name goes with when the parse gives it the verb of a relative clause written after it:
    in "Rosa Delmar, the singer whose ballads moved a generation, has died" the parse may make Delmar the subject
    of "moved" and "died" a second verb of hers; she died, and what moved a generation was her ballads. None when
    the sentence has no such second verb; the verb itself when no relative word stands between name and verb."""
    relative = next((t for t in name.doc[name.i + 1:verb.i] if t.lower_ in _RELATIVE_WORDS), None)
    if relative is None or any(t.dep_ == "relcl" for t in name.doc[relative.i:verb.i]):
        return verb  # "Smith, who was arrested Tuesday, told police": the clause has a verb of its own
    return next((c for c in verb.children if c.dep_ == "conj" and c.i > verb.i and _is_verb(c)
                 and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)), None)


def _first_of_shared(verb):
    """The first of verbs that share one object: in "police arrested and charged Ada Pell" the parse gives
    Pell to "charged" alone; both were done to her, and the first tells the event."""
    first = verb
    while first.dep_ == "conj" and _is_verb(first.head) and first.head.i < first.i and not any(
            c.dep_ in ("dobj", "nsubjpass") for c in first.head.children):
        first = first.head
    return first


def _reported(token):
    """The verb a name is the subject of when the parser makes it the subject of the saying verb before it:
    in "the guild said Tobias Ferreira, 40, will host the gala" Ferreira hosts, and the clause after the
    name ("will host") has no subject of its own. None when the name is the one who said it."""
    said = token.head
    if said.i > token.i or verb_stem(said.text) not in REPORTING:
        return None
    clause = next((c for c in said.children if c.dep_ == "ccomp" and c.i > token.i and _is_verb(c)), None)
    if clause is None and said.head is not said and said.head.i > token.i and _is_verb(said.head):
        clause = said.head  # the parser may hang "said" from the clause instead
    if clause is None or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
        return None
    return clause


def in_another_event(role: str) -> bool:
    """Whether a role is one in an event before or after the one its sentence tells ("after:object")."""
    return role.partition(":")[0] in SEQUENCE


def _earlier(verb, role: str) -> str:
    """The role, marked as one in another event when its verb is the gerund after a length of time and
    "after" or "before": in "one day after placing Owen Pratt on injured reserve, the Gulls lost another
    running back" Pratt was placed on another day than the one the sentence is about, so he fills no role
    of the placing another source dates to that day. Without the length of time the gerund is mostly the
    event itself, told as the cause ("retains his belts after stopping Ray Tolliver")."""
    sequence = verb.head
    if (role != "time" and verb.dep_ == "pcomp" and sequence.lower_ in SEQUENCE
            and any(child.dep_ == "npadvmod" for child in sequence.children)):
        return f"{sequence.lower_}:{role}"
    return role


def _position(token) -> bool:
    """Whether a token is the first word of a player's position the parser reads as a verb ("running back")."""
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return token.lower_ == "running" and following is not None and following.lower_ == "back"


def assign_roles(doc, mentions: list[Mention], sentences: list[Sentence] | None = None, nlp=None) -> None:
    """Set head and role on the entity and time mentions that are arguments of a verb of their own
    sentence (the parser may run a dateline into the sentence after it: "Monday 16 September 2013"
    is no time of that sentence's "killed"). Where the parser ran the lines before into a sentence, a mention it
    gives no role in that sentence takes the role the sentence parsed alone gives it, when `nlp` is given."""
    starts = [s.start for s in sentences or ()]
    alone: dict[int, list[Mention]] = {}
    for mention in mentions:
        if mention.kind not in ROLE_KINDS:
            continue
        found = role_of(doc, mention.start, mention.end)
        at = bisect_right(starts, mention.start)
        if found is not None and starts and bisect_right(starts, found[2]) != at:
            found = None
        if found is None:
            if nlp is not None and at and mention.kind not in TIME_KINDS and _run_into(doc, sentences[at - 1]):
                alone.setdefault(at - 1, []).append(mention)
            continue
        _set_role(mention, found)
    for index, inside in alone.items():
        sentence = sentences[index]
        parsed = nlp(doc.text[sentence.start:sentence.end])
        for mention in inside:
            found = role_of(parsed, mention.start - sentence.start, mention.end - sentence.start)
            if found is not None:
                _set_role(mention, found)


def _run_into(doc, sentence: Sentence) -> bool:
    """Whether the parser read a sentence as the end of one begun on the lines before it (a headline and a
    dateline run into the first sentence)."""
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].sent.start_char < sentence.start


def _set_role(mention: Mention, found: tuple[str, str, int]) -> None:
    verb, role, _ = found
    if role == "time" and mention.kind not in TIME_KINDS:
        return  # a name parsed as an adverb of time ("fired coach Ned Hollis on Saturday"): a misparse
    mention.head = verb
    mention.role = "time" if mention.kind in TIME_KINDS else role
