"""Named entities: typed, cleaned up for news prose, and given keys that merge spelling variants.

spaCy's small English pipeline finds the candidates; the rules here fix what it gets wrong
in entertainment and world news:

- a quoted title in Title Case is a work ("Love Wins All"), whatever spaCy called it;
- a one-letter stage name (V) is a person when the text treats it as one — "BTS's V",
  "V's character", "IU and V", "V enlisted" — and never the numeral of "Chapter V";
- a name right after a role noun ("K-pop star IU", "vocalist V", "Actress Nora Quaid" opening a
  sentence) is a person, and so is every other mention of that name in the document;
- a name with an age in apposition ("Marta Quillon, 61, opened fire") is a person;
- a full name the model calls an org or a place whose first word is nearly always a given name
  (US census records, as probablepeople ships them) and no word a firm's is a person ("Nadia Pellworth");
- a lone surname the model calls an org or a place, or leaves untagged, that the prose refers to as a person
  ("Kessington herself", "Kessington's publicist", "he" after it with no other person between), or of which the
  sentence tells what befalls or is done by a person only ("police arrested Kessington", "Kessington testified"), is a
  person;
- possessive endings, a leading "the" and line breaks are trimmed from spans.

entity_key folds case, hyphens, spaces, apostrophes, possessives and the romanisation
variants of Korean surnames, so "Um Tae Hwa", "Um Tae-hwa" and "Um Tae-Hwa" share one key.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from functools import cache

from corroborator.annotate.headlines import name_end
from corroborator.annotate.nlp import TITLES, load_pipeline
from corroborator.model import Mention
from corroborator.places import known_place
from corroborator.verbs import REPORTING, SPEAKING, verb_stem

KIND_OF_LABEL = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "WORK_OF_ART": "work",
    "EVENT": "event",
    "NORP": "other",
    "PRODUCT": "other",
    "LAW": "other",
    "LANGUAGE": "other",
}
ENTITY_KINDS = ("person", "org", "place", "work", "event", "other")

# Nouns that, written in lower case right before a name, say the name is a person's.
ROLE_NOUNS = frozenset(
    """singer singers vocalist vocalists rapper rappers idol idols star stars actor actors actress
    actresses director directors producer producers member members leader leader artist artists
    dancer dancers composer composers songwriter songwriters musician musicians president minister
    senator senators governor governors mayor chairman chairwoman spokesman spokeswoman spokesperson
    coach player players writer writers author authors novelist poet journalist reporter anchor host
    comedian model judge lawyer attorney officer officers sheriff detective pastor priest bishop
    maknae frontman frontwoman guitarist drummer bassist pianist painter photographer filmmaker
    designer chef ceo founder premier chancellor prosecutor suspect victim witness boyfriend
    girlfriend husband wife son daughter brother sister mother father champion challenger boxer quarterback
    receiver pitcher baseman linebacker deputy sergeant manager gunman teen teenager moviemaker inmate
    climber coroner lineman employee student nurse soldier""".split()
)
# Role nouns that, capitalised to open a sentence or as a title in mid-sentence, still introduce a person
# ("Actress Nora Quaid entered...", "fired Coach Jim Hale"), unlike "Star Wars" or "Host City Council".
SENTENCE_ROLE_NOUNS = frozenset(
    """singer rapper actor actress director producer coach filmmaker moviemaker president senator governor
    mayor spokesman spokeswoman judge champion quarterback deputy sergeant detective sheriff""".split()
)
# Words after which a capital letter is a numeral or a label, not a name ("a V sign").
_DETERMINERS = frozenset("a an the this that these those each every no any".split())
_POSSESSIVE_MARKS = ("'s", "’s", "'", "’")
# Capitals that are words or services before they are stage names: the article, the pronoun, the platform.
_NOT_LETTER_NAMES = frozenset("AIX")
_ROMAN = re.compile(r"[IVXLCDM]+")
# Cheap scans of the body, so that only the few tokens they hit are looked at.
_LONE_CAPITAL = re.compile(r"(?<![\w.’'-])[A-Z](?![\w-])")
_ROLE_NOUN = re.compile(r"\b(?:" + "|".join(sorted(ROLE_NOUNS, key=len, reverse=True)) + r")\b", re.I)
# "Marta Quillon, 61, opened fire": a name with an age in apposition is a person's; so is a name
# after an age ("36-year-old Marta Quillon", "36 - year - old" as some feeds space it).
_AGE_AFTER = re.compile(r",\s\d{1,3}\s?,(?!\d)")  # not "Heraklion, 10,000 people", "XP, Vista, 7,8"
_AGE_BEFORE = re.compile(r"\b\d{1,3}\s?-\s?years?\s?-\s?old\s+$")
_REFLEXIVE = frozenset({"herself", "himself"})

# Korean surnames and their romanisations; each variant maps to the first spelling.
_SURNAME_VARIANTS = [
    "cho jo joe jho cheo",
    "lee yi rhee ri rhie yee",
    "park pak bak bahk",
    "choi choe chey chwe",
    "kim gim ghim",
    "jung jeong chung cheong joung",
    "kang gang",
    "yoon yun",
    "jang chang",
    "lim im rim yim",
    "oh o",
    "shin sin",
    "seo suh",
    "kwon gwon",
    "ahn an",
    "yoo yu you",
    "jeon jun chun chon",
    "ko go koh",
    "moon mun",
    "son sohn",
    "bae pae",
    "baek paik paek",
    "heo huh hur",
    "noh no roh",
    "um eom uhm",
    "koo ku gu",
    "sung seong",
    "han",
    "hwang",
    "song",
    "hong",
    "yang",
    "ha",
    "won",
    "cha",
    "ryu ryoo",
    "nam",
    "min",
    "jin",
    "woo",
    "yeo",
    "byun byeon",
]
KOREAN_SURNAMES = {v: group.split()[0] for group in _SURNAME_VARIANTS for v in group.split()}
# One romanised Korean syllable: optional initial, vowel, optional final consonant.
_SYLLABLE = re.compile(
    r"(?:kk|tt|pp|ss|jj|ch|sh|[gkndtrlmbpsjh]|y|w)?"
    r"(?:ae|yae|eo|yeo|ye|oe|wa|wae|wo|we|wi|yo|you|yu|eu|ui|oo|ou|ee|ya|a|e|i|o|u)"
    r"(?:ng|n|l|m|k|p|t|g|b)?"
)


def fold(text: str) -> str:
    """Lower case, accents removed, apostrophes dropped, hyphens and punctuation turned into spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("’", "").replace("'", "").replace("‘", "")
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def strip_possessive(text: str) -> str:
    """'Christian Boltanski’s' -> 'Christian Boltanski'; "BTS'" -> 'BTS'."""
    return re.sub(r"(?<=\w)(?:['’]s|(?<=[sS])['’])$", "", text.strip()).strip()


def display_name(kind: str, text: str) -> str:
    """The name a mention gives: no leading 'the', possessive ending, or group's possessive before a person."""
    name = " ".join(text.split())
    name = strip_possessive(name)
    if kind != "work":
        name = re.sub(r"^(?:the|The)\s+", "", name)
    if kind == "person":
        # "BTS's V" / "BTS’ V": the person is V; the group stays in the mention's text as context.
        match = re.match(r"^.+?(?:['’]s|(?<=[sS])['’])\s+(\S.*)$", name)
        if match:
            name = match.group(1)
    return name


def group_context(text: str) -> str | None:
    """The group named before a person in "BTS's V" / "BTS’ V", or None."""
    match = re.match(r"^(.+?)(?:['’]s|(?<=[sS])['’])\s+\S", " ".join(text.split()))
    return match.group(1) if match else None


def _korean_given_name(pieces: list[str]) -> bool:
    """True when the pieces are romanised Korean syllables written apart ("Tae Hwa", "Won-sun")."""
    if not 2 <= len(pieces) <= 3:
        return False
    return all(_SYLLABLE.fullmatch(p) for p in pieces)


# McCune-Reischauer and Revised Romanisation spell one syllable differently: "Chi-sok" and "Ji-seok"
# are one name. Folding both to one spelling: vowels "eo"/"o" and "eu"/"u" alike, and the plain
# consonants that the older system writes voiceless (ch, k, t, p) as the newer one writes them.
_VOWEL_FOLD = (("eo", "o"), ("eu", "u"), ("oo", "u"), ("wo", "o"))
_INITIAL_FOLD = (("ch", "j"), ("k", "g"), ("t", "d"), ("p", "b"), ("sh", "s"))


# Korean surnames that are also common English names: "Joe Biden" and "Lee Harvey" are not Korean names.
_ALSO_ENGLISH = frozenset({"joe", "lee", "young", "may", "king", "moon", "song", "ha", "ma"})


def _two_syllables(word: str) -> list[str] | None:
    """A given name run together split into its two romanised syllables, when it splits one way only."""
    splits = [[word[:i], word[i:]] for i in range(1, len(word)) if _SYLLABLE.fullmatch(word[:i]) and _SYLLABLE.fullmatch(word[i:])]
    return splits[0] if len(splits) == 1 else None


def _syllable_key(syllable: str) -> str:
    """One romanised Korean syllable in a spelling both romanisation systems fold to."""
    for old, new in _INITIAL_FOLD:
        if syllable.startswith(old):
            syllable = new + syllable[len(old):]
            break
    for old, new in _VOWEL_FOLD:
        syllable = syllable.replace(old, new)
    return syllable[:-1] + "g" if syllable.endswith("k") else syllable


def entity_key(kind: str, text: str) -> str:
    """Normalised key of an entity mention: spelling variants of one name share it."""
    name = display_name(kind, text)
    if kind == "work":
        name = re.sub(r"^(?:the|The)\s+", "", name)
    words = fold(name).split()
    if kind == "person" and len(words) >= 2:
        pieces = name.split()
        # Surname first ("Cho Won-sun") or, in Western order, last ("Won-sun Cho").
        for surname, given_part in ((pieces[0], pieces[1:]), (pieces[-1], pieces[:-1])):
            folded = fold(surname)
            if folded not in KOREAN_SURNAMES:
                continue
            # Romanisation variants merge only when the given name is itself written the Korean
            # way, in syllables apart, so "Joe Biden" stays "joebiden".
            given = [fold(g) for g in re.split(r"[\s\-‐–]+", " ".join(given_part)) if fold(g)]
            if len(given) == 1 and folded not in _ALSO_ENGLISH:
                given = _two_syllables(given[0]) or given  # "Jiseok" is "Ji-seok" run together
            if _korean_given_name(given):
                return f"{kind}:{KOREAN_SURNAMES[folded]}{''.join(_syllable_key(g) for g in given)}"
    return f"{kind}:{''.join(words)}"


# --- finding entities in a parsed body ----------------------------------------------------


def find_entities(doc, titles: list[tuple[int, int]] = (), body: str | None = None, nlp=None) -> list[Mention]:
    """Entity mentions of a parsed body: spaCy's entities fixed for news, plus works named by quoted titles.
    `nlp` (the annotation pipeline by default) reads title-case lines again in sentence case."""
    body = doc.text if body is None else body  # Doc.text rebuilds the string on every access
    found: dict[tuple[int, int], str] = {}
    for start, end in titles:
        found[(start, end)] = "person" if _is_quoted_nickname(doc, body, start) else "work"
    for ent in doc.ents:
        kind = KIND_OF_LABEL.get(ent.label_)
        if kind is None:
            continue
        span = _trim(body, ent.start_char, _before_verb(ent) if kind == "person" else ent.end_char, kind)
        if span is None or any(_overlaps(span, t) for t in titles):
            continue
        if not any(c.isupper() for c in body[span[0] : span[1]]):
            continue  # "melancholic" tagged NORP: a name has a capital
        if kind != "person" and _common_noun_opening_a_sentence(ent, body):
            continue
        if kind == "person" and _initials_alone(body, *span):
            kind = "place" if known_place(re.sub(r"\s+", "", body[span[0] : span[1]])) else "org"
        found.setdefault(span, kind)
    # Words the text writes in lower case somewhere, and capitalised runs no entity covers: read once, for the rules
    # that make a person of a name the model calls something else or leaves untagged.
    lower = {token.lower_ for token in doc if token.is_lower}
    untagged = _untagged_names(doc, body, found)
    ruled = _role_named_persons(doc, body) + _persons_by_context(doc, body, found, untagged, lower)
    ruled += _persons_by_given_name(body, found, untagged)
    for span in ruled:
        _set_person(found, span)
    lettered = _letter_names(doc, body, found)
    for span in lettered:
        _set_person(found, span)
    # A pronoun is weaker evidence than a role noun: the mention it refers back to is a person, while the other
    # mentions of the word keep what the model and the document's votes make them.
    for span in _persons_by_reference(doc, body, found, lower):
        _set_person(found, span)
    _spread_persons(body, found, {display_name("person", body[a:b]) for a, b in ruled + lettered})
    _articled_names_are_things(body, found, {display_name("person", body[a:b]) for a, b in ruled + lettered})
    _end_headline_names(nlp, body, found)
    _titles_stay_works(body, found, titles)
    mentions = []
    for (start, end), kind in sorted(found.items()):
        text = body[start:end]
        mentions.append(Mention(start, end, kind, text, value=display_name(kind, text), key=entity_key(kind, text)))
    _short_names_take_full_keys(mentions)
    return mentions


def _titles_stay_works(body: str, found: dict[tuple[int, int], str], titles: list[tuple[int, int]]) -> None:
    """A run of words the model calls a person's that the document gives, quoted, as a title is that work wherever
    it is written: "sequel 'Salt Harbour'" in a headline, "the sequel, Salt Harbour" in the text. Only a name of two
    words or more whose first is never a given name: a film named after its hero ("Harry Lime", "Nixon") may be
    written beside the person. A quoted nickname (`_is_quoted_nickname`) is a person's, not a title."""
    quoted = {fold(body[a:b]) for a, b in titles if found.get((a, b)) == "work"}
    for (start, end), kind in list(found.items()):
        words = body[start:end].split()
        if kind == "person" and len(words) >= 2 and given_name_share(words[0]) == 0 and (
                fold(body[start:end]) in quoted):
            found[(start, end)] = "work"


# A quoted name given as what a person is known by is a nickname, not a work's title: "Owen Tarrant, who was known
# as “Grey Lantern”", "the informant known as “Grey Lantern”", "he revealed himself as “Grey Lantern”" (but "an area
# of Harwick known as “Little Cairo”" names a place).
_NICKNAME_CUE = re.compile(
    r"\b(?:(?P<verb>known(?=\s+as\b)|nicknamed|dubbed|code-?named)|(?:him|her)self(?=\s+as\b))"
    r"(?:\s+as)?,?\s+(?:[\w-]+\s+){0,4}?[\"“‘']\s*$"
)
# Nouns for a person whose name is kept back, who is known by a nickname: "the source known as “Grey Lantern”".
_UNNAMED_PERSON_NOUNS = frozenset({"source", "informant"})


def _is_quoted_nickname(doc, body: str, start: int) -> bool:
    """The quoted title at `start` is the nickname of a person: what a person, or a "source", is known as,
    nicknamed or dubbed, or what one revealed oneself as."""
    cue = _NICKNAME_CUE.search(body, max(0, start - 80), start)
    if cue is None:
        return False
    if cue.group("verb") is None:
        return True  # "revealed himself as"
    verb = doc.char_span(cue.start("verb"), cue.end("verb"), alignment_mode="expand")
    if verb is None:
        return False
    verb = verb.root
    if verb.dep_ in ("acl", "relcl"):
        named = verb.head  # "the source known as", "Tarrant, who was known as"
    else:
        named = next((child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")), None)
    if named is None:
        return False
    return named.ent_type_ == "PERSON" or _is_person_noun(named) or named.lower_ in _UNNAMED_PERSON_NOUNS


def _end_headline_names(nlp, body: str, found: dict[tuple[int, int], str]) -> None:
    """Persons' names of two words or more in title-case lines, cut where the line's verb or adverb begins
    ("President Marta Quillon Overturns Species Rule" names Marta Quillon)."""
    for (start, end), kind in list(found.items()):
        if kind != "person" or " " not in body[start:end]:
            continue
        nlp = nlp if nlp is not None else load_pipeline()
        cut = name_end(nlp, body, start, end)
        if cut < end:
            del found[(start, end)]
            found.setdefault((start, cut), kind)


def _common_noun_opening_a_sentence(ent, body: str) -> bool:
    """A one-word entity the tagger reads as a common noun, capitalised only where it opens the sentence
    ("Credit should also be given to director Ana Ruiz"): no name, as the document never writes it so inside
    a sentence."""
    if len(ent) != 1 or not ent[0].is_sent_start or ent[0].tag_ not in ("NN", "NNS"):
        return False
    return not re.search(rf"[\w,;:] {re.escape(ent.text)}\b", body)


_INITIALS = re.compile(r"(?:[A-Z]\.\s?){2,}")


def _initials_alone(body: str, start: int, end: int) -> bool:
    """Whether a span is capitals with full stops and no name follows them: an abbreviation written with spaces
    ("U. S. agencies", "Harwick, N. Y.,", "F. B. I. agents"), which the model takes for a person's initials. The
    gazetteer tells a place's; another is an institution's. Initials before a surname ("J. R. Ockley") are a name."""
    return bool(_INITIALS.fullmatch(body, start, end)) and not re.match(r"\s*[A-Z][a-z]", body[end : end + 3])


def _before_verb(ent) -> int:
    """Where a person's name ends when the tagger ran it into the verb after it, as it does in title-case
    headlines ("Ada Pell Charged With Three Counts Of Fraud", "Tom Reyes Directs New Film")."""
    verb = next((token for token in ent[1:] if token.tag_.startswith("VB")), None)
    return ent.end_char if verb is None else ent.doc[verb.i - 1].idx + len(ent.doc[verb.i - 1])


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _trim(body: str, start: int, end: int, kind: str | None = None) -> tuple[int, int] | None:
    """An entity span cut to its longest line, without a leading 'the' (or a role noun before a
    person's name: "Comedian Ellen Park") and without a trailing possessive."""
    text = body[start:end]
    if "\n" in text:
        offset, line = max(
            ((m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)), key=lambda p: len(p[1].strip())
        )
        start, end = start + offset, start + offset + len(line)
        text = body[start:end]
    while start < end and body[start].isspace():
        start += 1
        text = body[start:end]
    match = re.match(r"(?:the|The)\s+", text)
    if kind == "person" and not match:
        match = re.match(r"(\w+)\s+(?=[A-Z])", text)
        if match and match.group(1).lower() not in ROLE_NOUNS:
            match = None
    if match and len(text) > match.end():
        start += match.end()
        text = body[start:end]
    # The small model often stops a name at a hyphen ("Yoon Ji" of "Yoon Ji-seok"): take the rest of the word.
    if kind in ("person", "org", "place") and (rest := _HYPHENATED_REST.match(body, end)):
        end = rest.end()
        text = body[start:end]
    stripped = strip_possessive(text)
    end = start + len(stripped)
    while end > start and not body[end - 1].isalnum() and body[end - 1] not in ").!?":
        end -= 1
    return (start, end) if end > start else None


_HYPHENATED_REST = re.compile(r"-[^\W\d_]+(?:-[^\W\d_]+)*")


def _set_person(found: dict[tuple[int, int], str], span: tuple[int, int]) -> None:
    """Mark a span as a person, replacing the entities it overlaps (a quoted title still wins)."""
    for other, kind in list(found.items()):
        if not _overlaps(other, span):
            continue
        if kind == "work" or (kind == "person" and other[0] <= span[0] and span[1] <= other[1]):
            return
        if kind == "org" and span[0] <= other[0] and other[1] <= span[1] and other != span:
            continue  # "BTS" inside "BTS's V": the group stays an org of its own
        del found[other]
    found[span] = "person"


def _role_named_persons(doc, body: str) -> list[tuple[int, int]]:
    """Names written right after a role noun: "K-pop star IU", "BTS vocalist V"."""
    spans = []
    for match in _ROLE_NOUN.finditer(body):
        token = _token_at(doc, match.start())
        if token is None or token.text.lower() not in ROLE_NOUNS or not token.tag_.startswith("NN"):
            continue
        title = not token.text.islower() and token.text.lower() in SENTENCE_ROLE_NOUNS
        if not token.text.islower() and not (token.is_sent_start and title):
            if title and (name := _name_after_title(doc, body, token)) is not None:
                spans.append(name)
            continue  # "Star Wars", "Host City Council": a capitalised role noun is mostly part of a name
        end = token.i + 1
        while end < len(doc) and end - token.i <= 4 and _is_name_token(doc[end]) and not (
                end > token.i + 1 and doc[end].tag_.startswith("VB")):  # "Actor James Woods Dies at 77"
            end += 1
        if end > token.i + 1:
            last = doc[end - 1]
            if last.ent_type_ in _VALUE_LABELS:
                continue
            span = _trim(body, doc[token.i + 1].idx, last.idx + len(last.text.rstrip(".")))
            if span is not None:
                spans.append(span)
    return spans


_VALUE_LABELS = frozenset("DATE TIME CARDINAL ORDINAL MONEY QUANTITY PERCENT".split())


def _name_after_title(doc, body: str, token) -> tuple[int, int] | None:
    """The name a capitalised title introduces in mid-sentence ("Coach Marta Quillon", "President-elect Marta
    Quillon"): two or three proper nouns written as a person's name is, up to the end of the phrase they head."""
    first = token.i + 1
    if first + 1 < len(doc) and doc[first].text in "-‐" and doc[first + 1].lower_ in ("elect", "designate"):
        first += 2
    while first < len(doc) and (doc[first].lower_ in ROLE_NOUNS or doc[first].text.rstrip(".") in _TITLES):
        first += 1  # "Deputy Sheriff Jerry Hale", "Deputy Sgt. Jerry Hale": the last title is the name's
    end = first
    while end < len(doc) and end - first < 4 and doc[end].tag_ in ("NNP", "NNPS") and _is_name_token(doc[end]) and (
            doc[end].ent_type_ not in _VALUE_LABELS):  # not "Coach Jim Hale Saturday"
        end += 1
    if not 2 <= end - first <= 3 or (end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha):
        return None  # one word ("Judge Judy", "Star Wars"), or part of a longer title ("Director General")
    if any(t.ent_type_ == "PERSON" for t in doc[first:end]):
        return None  # the model found the name itself ("Director General Kenji Morita")
    start, stop = doc[first].idx, doc[end - 1].idx + len(doc[end - 1])
    return (start, stop) if _looks_like_a_name(body[start:stop]) else None


def _persons_by_context(doc, body: str, found: dict[tuple[int, int], str], untagged: list[tuple[int, int]],
                        lower: set[str]) -> list[tuple[int, int]]:
    """Names the small model calls an org or a place, or leaves untagged (of two words or three), that the
    sentence shows to be a person's: an age in apposition ("Marta Quillon, 61,") or before ("36-year-old
    Marta Quillon"), a reflexive object ("Marta Quillon checked herself into"), a person in the same pair
    ("producers Paul Edery and Marta Quillon"), a person noun in apposition or in the pair ("Marta Quillon,
    an Australian climber", "Kessington and two other victims"), a courtesy title ("Mr Kessington"), a
    possessive only a person has ("Kessington's widow", "Kessington's death"), "and his" / "and her"
    ("Kessington and his brother"). A lone word needs one of the signs other than a person it is paired
    with, which "the President and Congress" would give, and a person noun beside it in lower case ("Officer,
    Defence, said" is a desk). `untagged` are the document's capitalised runs no entity covers (`_untagged_names`),
    `lower` the words it writes in lower case."""
    persons = [span for span, kind in found.items() if kind == "person"]
    candidates = list(found.items()) + [(span, None) for span in untagged]
    spans = []
    for (start, end), kind in candidates:
        if kind not in ("org", "place", "other", None):
            continue
        text = body[start:end]
        lone = len(text.split()) == 1
        name = doc.char_span(start, end, alignment_mode="expand")
        if name is None or not len(name):
            continue
        root = name.root
        if root.dep_ in ("compound", "amod", "nmod"):
            continue  # "a 20-year-old Texas woman": the name is not the head of its phrase
        # A lone word the model calls "other" is mostly a people's ("Australian", "Republican"); one it leaves
        # untagged is as often a capitalised common word of a headline or a title as a name, unless the
        # sentence says what only a person is or does.
        if not (_looks_like_a_name(text) or (lone and kind in ("org", "place") and _looks_like_a_surname(text))):
            if lone and _looks_like_a_surname(text) and root.tag_ == "NNP" and _only_a_person(doc, name, kind, lower):
                spans.append((start, end))
            continue
        if "," not in text and _only_a_person(doc, name, kind, lower):
            spans.append((start, end))
            continue
        if _AGE_AFTER.match(body, end) or _AGE_BEFORE.search(body, max(0, start - 24), start):
            spans.append((start, end))
            continue
        if name.start > 0 and doc[name.start - 1].text.rstrip(".") in COURTESY_TITLES:
            spans.append((start, end))
            continue
        paired = [root.head] if root.dep_ in ("conj", "appos") else []
        paired += [child for child in root.children if child.dep_ in ("conj", "appos")]
        reflexive = root.dep_ in ("nsubj", "nsubjpass") and any(c.lower_ in _REFLEXIVE for c in root.head.children)
        with_person = not lone and any(
            any(a <= other.idx < b for a, b in persons) for other in paired if "conj" in (root.dep_, other.dep_)
        )
        # "Texas and its governor", "Summit and director Catherine Hardwicke": a role noun with an owner or
        # a name of its own is someone else's.
        with_role = any(
            _is_person_noun(other) and (other.text.islower() or not lone)
            and not any(c.dep_ == "poss" for c in other.children)
            and not (other.i + 1 < len(doc) and _is_name_token(doc[other.i + 1])) for other in paired)
        # "Kessington and his brother", said of the sentence's subject ("much admired in Lisbon and her
        # singing" is not said of Lisbon).
        with_his = root.dep_ in ("nsubj", "nsubjpass") and any(other.i > root.i and other.dep_ == "conj" and any(
            c.lower_ in ("his", "her") and c.dep_ == "poss" for c in other.children) for other in paired)
        owns = root.dep_ == "poss" and bool(_singulars(root.head) & PERSONAL_POSSESSIONS)
        if reflexive or with_person or with_role or with_his or owns:
            spans.append((start, end))
    return spans


# A first word that US census records give as a person's given name this often, or more, opens a person's name.
GIVEN_NAME_SHARE = 0.9


def _persons_by_given_name(body: str, found: dict[tuple[int, int], str],
                           untagged: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Names the small model calls an org, a place or another thing ("protest for Marta Quillon", a product), or
    leaves untagged, that are written as a person's full name: two or three capitalised words, none an
    institution's, whose first is nearly always a given name ("Marta Quillon"), that probablepeople's name tagger
    reads as a person's rather than a firm's ("Marta Foods Inc" is one), and that are no place, nor open on one
    ("Santa Rosa", "Georgia Tech"). `untagged` are the capitalised runs no entity covers (`_untagged_names`)."""
    spans = []
    candidates = list(found.items()) + [(span, None) for span in untagged]
    for (start, end), kind in candidates:
        text = body[start:end]
        if kind not in ("org", "place", "other", None) or not _looks_like_a_name(text):
            continue
        first = text.split()[0]
        if given_name_share(first) < GIVEN_NAME_SHARE or known_place(text) or known_place(first):
            continue
        if _tagged_as_person(text):
            spans.append((start, end))
    return spans


@cache
def _given_name_shares() -> dict[str, float]:
    # probablepeople ships, as a feature of its tagger, the share of US census records in which a word is a
    # given name rather than a surname (MARTA 0.99, MORGAN 0.28, SMITH 0).
    from probablepeople.ratios import ratios

    return ratios


def given_name_share(word: str) -> float:
    """How often US census records write a word as a given name rather than a surname: 0 when never or unknown."""
    return _given_name_shares().get(fold(word).upper(), 0)


def _tagged_as_person(text: str) -> bool:
    """Whether probablepeople's tagger reads a name as a person's, not a corporation's ("Kraft Foods")."""
    import probablepeople

    try:
        return probablepeople.tag(text)[1] == "Person"
    except probablepeople.RepeatedLabelError:
        return False


def _only_a_person(doc, name, kind: str | None, lower: set[str]) -> bool:
    """What the sentence says of a name that it says of people only: "who" after it ("Kessington, who played") or
    after a description in apposition, a verb of dying it is the subject of ("Kessington died"), custody, a sentence
    or a hospital it is taken to, or testifying (`_a_persons_deed`), a wounding or a murder done to it or by it
    (`_harmed_or_harming`), a person noun it is said to be ("Kessington was a suspect"), or a person's death it
    follows ("the murder of Kessington"). Not for a word the text writes in lower case too ("Actress dies at 91"
    beside "the actress"), a title before a name ("Secretary Dirk Hale died") or a word beside one ("Broadway's
    Songbird, Ada Pell, dies")."""
    root = name.root
    if any(word.lower_ in lower for word in name):
        return False
    after = doc[name.end] if name.end < len(doc) else None
    if after is not None and (_is_name_token(after) or after.lower_ == "of" or after.like_num):
        return False
    if any(c.dep_ in ("appos", "conj") and c.tag_ == "NNP" for c in root.children):
        return False  # "Singer and actress Ada Pell dies": a word said of the name beside it
    # "who" after the name, or after a description in apposition ("Kessington, a Boston native who played"); not
    # after a place of two words ("New Zealand, who beat France": a team).
    described = [c for c in root.children if c.dep_ == "appos" and c.tag_ in ("NN", "NNS")]
    relatives = [c for head in [root, *described] for c in head.children if c.dep_ == "relcl" and c.i > root.i]
    if root.tag_ == "NNP" and not any(c.dep_ == "det" for c in root.children) and not (
            kind == "place" and len(name) > 1) and any(
            c.lower_ in ("who", "whom", "whose") and c.i < relative.i for relative in relatives
            for c in list(relative.children) + [g for c in relative.children for g in c.children]):
        return True
    verb = root.head
    if root.dep_ == "nsubj" and verb.tag_.startswith("VB") and verb.lower_ in _DYING:
        return True
    if _a_persons_deed(name):
        return True
    if _harmed_or_harming(name):
        return True
    if root.dep_ == "nsubj" and verb.lower_ in _BEING and any(
            c.dep_ == "attr" and _is_person_noun(c) and not _singulars(c) & _ROLES_NOT_ONLY_PERSONS
            for c in verb.children):
        return True  # "Kessington was a suspect", "Kessington became the third manager sacked"
    return (root.dep_ == "pobj" and verb.lower_ == "of" and verb.head.tag_.startswith("NN")
            and verb.head.lower_ in _DEATHS)


def _a_persons_deed(name) -> bool:
    """Whether a lone surname is the one a verb tells of what befalls a person only, as its passive subject or its
    object: taken into custody, sentenced, hospitalised, killed ("Kessington was arrested", "police arrested
    Kessington", "a judge sentenced Kessington", "Kessington was pronounced dead", "Kessington was rushed to a
    hospital"), or what a person only does, as its subject: testifying, confessing, checking into a clinic
    ("Kessington testified", "Kessington has checked into a rehab facility"). Not what a firm undergoes or does too
    (charged, sued, fined; admitted, pleaded), nor where the parse gives the verb a second subject: "Dara Welk, of
    Mill Lane, Harwick was arrested" ends an address."""
    root = name.root
    verb = root.head
    if len(name) != 1 or not verb.tag_.startswith("VB"):
        return False
    word = verb.lower_
    if root.dep_ == "dobj":
        return word in _IN_CUSTODY
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.i != root.i for c in verb.children):
        return False
    if root.dep_ == "nsubjpass":
        return (word in _IN_CUSTODY or word in _DONE_TO_A_BODY
                or (word == "pronounced" and any(c.lower_ == "dead" for c in verb.children))
                or (word in _TAKEN and _to_a_hospital(verb)))
    if root.dep_ != "nsubj":
        return False
    return word in _DONE_BY_A_PERSON or (word in _CHECKING and any(
        c.dep_ == "prep" and c.lower_ == "into" for c in verb.children))


def _to_a_hospital(verb) -> bool:
    """Whether a verb of carrying goes "to" a hospital ("rushed to a hospital", "taken to Mercy Hospital")."""
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(
        g.dep_ == "pobj" and g.lower_ in ("hospital", "hospitals") for g in c.children) for c in verb.children)


def _harmed_or_harming(name) -> bool:
    """Whether a lone surname is the one a verb of wounding or murder takes as its object ("he shot Kessington",
    "Kessington was stabbed") or as its subject with a person, or "him" or "her", as its object ("Kessington shot
    Vesk"), or the one charged with or convicted of a killing ("Kessington was convicted of the murder"): deeds done
    to and by people only. Not a phrasal verb ("Kessington shot down the rumour") nor a film ("shot the film",
    "Kessington was shot in Prague")."""
    root = name.root
    verb = root.head
    if len(name) != 1 or not verb.tag_.startswith("VB"):
        return False
    if root.dep_ == "nsubjpass" and verb.lower_ in _CHARGED:
        return any(c.dep_ == "prep" and c.lower_ in ("of", "with") and any(
            g.dep_ == "pobj" and g.lower_ in _DEATHS for g in c.children) for c in verb.children)
    if verb.lower_ not in _HARMING or any(c.dep_ == "prt" for c in verb.children):
        return False
    if root.dep_ == "dobj" or (root.dep_ == "nsubjpass" and verb.lower_ not in _SHOOTING):
        return True
    return root.dep_ == "nsubj" and any(
        c.dep_ == "dobj" and (c.tag_ == "NNP" or c.lower_ in ("him", "her") or _is_person_noun(c))
        for c in verb.children)


def _persons_by_reference(doc, body: str, found: dict[tuple[int, int], str], lower: set[str]) -> list[tuple[int, int]]:
    """Lone surnames that the model calls an org or a place, or leaves untagged, and that the prose refers to as a
    person (see _referred_to_as_a_person); `lower` holds the words the text writes in lower case."""
    candidates = [span for span, kind in found.items() if kind in ("org", "place")]
    candidates += [span for span in _untagged_names(doc, body, found) if " " not in body[span[0] : span[1]]]
    spans = []
    for start, end in candidates:
        name = doc.char_span(start, end, alignment_mode="expand")
        if name is not None and len(name) == 1 and _referred_to_as_a_person(doc, name, body, found, lower):
            spans.append((start, end))
    return spans


def _referred_to_as_a_person(doc, name, body: str, found: dict[tuple[int, int], str], lower: set[str]) -> bool:
    """Whether the prose refers to a lone surname as a person: "Kessington herself announced", a possession only
    a person has ("Kessington's publicist", "Kessington's death sentence"), or "he" or "she" after it with no
    other person between ("placed Kessington on injured reserve after he hurt his knee"; "Kessington missed nine
    games. He is"). Not a place of the gazetteer that the model tags as a name here (a word it leaves untagged is
    read by the prose alone: many a town's name is a surname too), a word the text writes in lower case too, nor a
    word the model calls an org or a place elsewhere in the document (a firm is mentioned more than once)."""
    root = name.root
    text = body[name.start_char : name.end_char]
    if (len(name) != 1 or root.tag_ != "NNP" or not _looks_like_a_surname(text)
            or (root.ent_type_ and known_place(text)) or root.ent_type_ in _VALUE_LABELS or root.lower_ in lower
            or any(c.dep_ == "det" for c in root.children)):
        return False
    if any(body[a:b] == text and kind in ("org", "place") and a != name.start_char for (a, b), kind in found.items()):
        return False
    if any(c.lower_ in _REFLEXIVE and c.i == root.i + 1 for c in root.children):
        return True  # "Kessington herself announced the news"
    if root.dep_ == "poss" and (_singulars(root.head) & PERSONAL_POSSESSIONS or any(
            c.dep_ == "compound" and c.lower_ in _DEATHS for c in root.head.children)):
        return True
    return _gendered_pronoun_after(doc, name)


def _gendered_pronoun_after(doc, name) -> bool:
    """Whether "he", "she", "his" or "her" follows the name in its sentence, or "he" or "she" opens the next
    sentence after a name that is its subject, with no other person, person noun, name or "it" between them, nor
    a person before the name. Not after a name that says something: in "Microsoft said profits fell. He added",
    "he" is its spokesman."""
    sentence, root = name.sent, name.root
    if root.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False  # "In Buckhead, he committed", "conducted by the Sukanya, in her patrol" (a ship)
    if root.dep_ == "nsubj" and verb_stem(root.head.lower_) in SPEAKING | REPORTING:
        return False  # what a source says may speak of anyone: "Reuters reported, citing his aides"
    if any(_rival_antecedent(token) or _gendered(token) for token in doc[sentence.start : name.start]):
        return False
    after = list(doc[name.end : sentence.end])
    if root.dep_ in ("nsubj", "nsubjpass") and sentence.end < len(doc):
        after.append(doc[sentence.end])
    for token in after:
        if _gendered(token):
            return token.i < sentence.end or token.lower_ in ("he", "she")
        if _rival_antecedent(token) or token.lower_ in _NEUTER or (
                token.tag_ in ("NNP", "NNPS") and _is_name_token(token) and token.ent_type_ not in _VALUE_LABELS):
            return False
    return False


def _gendered(token) -> bool:
    """A pronoun that refers to a person only, and may refer to a clause's subject or object: not "him" or the
    object "her" ("police restrained him" is someone else)."""
    return token.lower_ in ("he", "she", "his") or (token.lower_ == "her" and token.dep_ == "poss")


def _rival_antecedent(token) -> bool:
    return token.ent_type_ == "PERSON" or _is_person_noun(token)


# Pronouns that refer to firms, teams and things as well as to people.
_NEUTER = frozenset("it its they their them".split())

# Verbs that only a person is the subject of in news prose ("Kessington died"; "Microsoft said" is not one).
_DYING = frozenset("die dies died".split())
# Verbs whose passive subject or object is a person only: taken into custody or sentenced ("Kessington was
# arrested", "police arrested Kessington", "a judge sentenced Kessington"); a firm is charged, sued or fined.
_IN_CUSTODY = frozenset("""arrest arrests arrested arresting handcuffed jail jails jailed imprison imprisons imprisoned
    sentence sentences sentenced""".split())
# Passive verbs said of a body, a person's ("Kessington was killed", "was hospitalized"); as the object a plan or a
# product is killed too ("the board killed the project"), so only the passive subject counts.
_DONE_TO_A_BODY = frozenset("killed slain wounded injured hospitalized hospitalised".split())
# Verbs of carrying whose passive subject, taken to a hospital, is a person ("Kessington was rushed to a hospital").
_TAKEN = frozenset("taken rushed airlifted flown transported".split())
# What a person does and a firm, a team or a place does not, said of its subject ("Kessington testified").
_DONE_BY_A_PERSON = frozenset("testify testifies testified testifying confess confesses confessed".split())
# Checking into a place is a guest's or a patient's deed ("Kessington has checked into a rehab facility").
_CHECKING = frozenset("check checks checked checking".split())
# Verbs that say what their subject is ("Kessington was a suspect"), and the role nouns that a team, a firm or a
# place can be as well ("Texas was a member", "Paris will be the host").
_BEING = frozenset("be is are was were been being become becomes became remain remains remained".split())
_ROLES_NOT_ONLY_PERSONS = frozenset(
    "member leader host champion challenger player producer star model victim witness founder manager".split())
# A death that is a person's, said of the name after "of" ("the killing of Kessington").
_DEATHS = frozenset("death murder killing slaying funeral burial assassination".split())
# Verbs of wounding and murder, whose doers and victims are people.
_HARMING = frozenset("""shoot shoots shot shooting stab stabs stabbed stabbing strangle strangles strangled strangling
    murder murders murdered murdering""".split())
_SHOOTING = frozenset("shoot shoots shot shooting".split())
# Verbs that bring a charge against their passive subject ("Kessington was convicted of the murder").
_CHARGED = frozenset("charged convicted accused indicted".split())


# Written right before a name, a courtesy title says it is a person's ("Mr Kessington", "Dr. Saskia Morwen").
COURTESY_TITLES = frozenset("Mr Mrs Ms Miss Mx Dr".split())
_TITLES = TITLES | COURTESY_TITLES  # "Sgt", "Gov", "Dr": abbreviated, each a title before a name
# Nouns that in apposition or in a pair with a name say it is a person's, beside the role nouns: they do not
# introduce a name written after them ("the man Americans trust").
_APPOSED_PERSON_NOUNS = frozenset(
    "man woman boy girl aide adviser advisor defendant doctor surgeon guard tackle".split())
PERSON_NOUNS = ROLE_NOUNS | _APPOSED_PERSON_NOUNS
# What a person has and a place or an institution has not, after a possessive ("Kessington's widow").
PERSONAL_POSSESSIONS = frozenset("""death funeral burial widow widower wife husband girlfriend boyfriend fiance fiancee
    mother father son daughter brother sister parent grandmother grandfather uncle aunt nephew niece publicist
    candidacy career retirement teammate""".split())


def _is_person_noun(token) -> bool:
    """A common noun that names a person's role or kind: "climber", "victims", "the man"."""
    return token.tag_.startswith("NN") and bool(_singulars(token) & PERSON_NOUNS)


def _singulars(token) -> set[str]:
    """The word in lower case, and without a plural ending (the pipeline runs no lemmatizer)."""
    word = token.lower_
    return {word, word[:-1]} if word.endswith("s") else {word}


def _untagged_names(doc, body: str, found: dict[tuple[int, int], str]) -> list[tuple[int, int]]:
    """Runs of one to three capitalised proper nouns that no entity covers ("Kessington escaped"), other than
    titles ("Senior Vice President")."""
    spans, run = [], []
    for token in [*doc, None]:
        if token is not None and token.tag_ in ("NNP", "NNPS") and not token.ent_type_ and _is_name_token(token):
            run.append(token)
            continue
        if 1 <= len(run) <= 3 and not any(_singulars(t) & PERSON_NOUNS for t in run):
            span = (run[0].idx, run[-1].idx + len(run[-1].text))
            if not any(_overlaps(span, other) for other in found):
                spans.append(span)
        run = []
    return spans


# Words that make a capitalised name an institution's or a place's, never a person's ("Oregon State Police").
INSTITUTION_WORDS = frozenset("""academy agency airport army association bank board bureau center centre church
    city club college commission committee company council county court department district force fund group
    guard hospital institute league ministry museum navy office party police prison school service society state
    station street team times township university""".split())


def _looks_like_a_name(text: str) -> bool:
    """Two or three capitalised words, as a person's name is written, none of them an institution's."""
    words = text.split()
    return (2 <= len(words) <= 3 and all(w[0].isupper() and w[1:].islower() for w in words if len(w) > 1)
            and not any(w.casefold() in INSTITUTION_WORDS for w in words))


def _looks_like_a_surname(text: str) -> bool:
    """One capitalised word, not an acronym nor an institution's word: "Kessington", not "CNN" or "Police"."""
    return (len(text) > 2 and text[0].isupper() and text[1:].isalpha() and not text.isupper()
            and any(c.islower() for c in text) and text.casefold() not in INSTITUTION_WORDS)


def _is_name_token(token) -> bool:
    text = token.text.rstrip(".") if len(token.text) == 2 else token.text
    return (
        bool(text) and text[0].isupper() and (text.isupper() or text.istitle() or "-" in text) and token.tag_ != "POS"
    )


def _token_at(doc, char: int):
    """The token that starts at a character offset, or None."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) and span[0].idx == char else None


def _letter_names(doc, body: str, found: dict[tuple[int, int], str]) -> list[tuple[int, int]]:
    """One-letter stage names (V) that the text treats as a person, and their other mentions in the document."""
    persons = {s for s, k in found.items() if k == "person"}
    candidates: dict[str, list] = {}
    evidence: set[str] = set()
    for match in _LONE_CAPITAL.finditer(body):
        token = _token_at(doc, match.start())
        if token is None:
            continue
        letter = token.text[:-1] if token.text.endswith(".") and len(token.text) == 2 else token.text
        if len(letter) != 1 or not letter.isupper() or letter in _NOT_LETTER_NAMES:
            continue
        if _numeral_context(token):
            continue
        candidates.setdefault(letter, []).append(token)
        if _person_evidence(token, persons):
            evidence.add(letter)
    spans = []
    for letter, tokens in candidates.items():
        if letter not in evidence:
            continue
        for token in tokens:
            start = _group_start(token)
            spans.append((start, token.idx + 1))
    return spans


def _numeral_context(token) -> bool:
    """True where the letter is a numeral or a label: 'Chapter V', 'World War V', 'Henry V', 'a V sign', 'V. Smith'."""
    doc = token.doc
    previous = doc[token.i - 1] if token.i > 0 else None
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if (
        previous is not None
        and previous.text[:1].isupper()
        and previous.tag_ in ("NNP", "NNPS", "NN", "NNS")
        and previous.idx + len(previous.text) == token.idx - 1
        and not (previous.text.isupper() and previous.ent_type_ == "ORG")  # "BTS V": a group, then its member
    ):
        return True
    if previous is not None and previous.lower_ in _DETERMINERS:
        return True
    if following is not None and following.idx == token.idx + len(token.text) and following.text[:1] in "-‐–0123456789":
        return True
    if token.text.endswith(".") and following is not None and following.text[:1].isupper():
        if following.tag_ in ("NNP", "NNPS") and not following.is_sent_start and not following.text.isupper():
            return True  # an initial: "V. Smith"
    if following is not None and following.like_num:
        return True
    return False


def _is_possessive(token) -> bool:
    return token.tag_ == "POS" or token.text in _POSSESSIVE_MARKS


def _person_evidence(token, persons: set[tuple[int, int]]) -> bool:
    """Signs that a one-letter token names a person: a possessive on either side, a verb it is subject of,
    a person it is coordinated with, or a role noun before it."""
    doc = token.doc
    previous = doc[token.i - 1] if token.i > 0 else None
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if previous is not None and _is_possessive(previous) and token.i >= 2 and doc[token.i - 2].text[:1].isupper():
        return True
    if following is not None and following.text in ("'s", "’s"):
        return True
    if previous is not None and previous.text in ROLE_NOUNS:
        return True
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.tag_.startswith("VB"):
        return True
    neighbours = [token.head] + list(token.children) if token.dep_ == "conj" else list(token.children)
    for other in neighbours:
        if other.dep_ in ("conj",) or token.dep_ == "conj":
            if any(s[0] <= other.idx < s[1] for s in persons):
                return True
            if (
                len(other.text) > 1
                and other.text[:1].isupper()
                and other.tag_ in ("NNP", "JJ")
                and not _ROMAN.fullmatch(other.text)
                and other.i != token.i
            ):
                return True  # "IU and V": names in a pair (but not "Parts IV and V")
    return False


def _group_start(token) -> int:
    """Start of "BTS’s V" when the letter follows a group's possessive, else the letter itself."""
    doc = token.doc
    if token.i >= 2 and _is_possessive(doc[token.i - 1]):
        owner = doc[token.i - 2]
        if owner.text[:1].isupper() and owner.idx + len(owner.text) == doc[token.i - 1].idx:
            return owner.idx
    return token.idx


def _spread_persons(body: str, found: dict[tuple[int, int], str], ruled: set[str]) -> None:
    """One sense per document: a name that is mostly a person, or that a rule showed to be one,
    is a person wherever else it appears; so is a lone surname of a fuller name ("Park's regime")."""
    names = {span: display_name("person", body[span[0] : span[1]]) for span in found}
    votes = Counter((names[span], kind) for span, kind in found.items())
    # Each full name ("Lindsay Holt") also votes for its first and last words being that person.
    parts = Counter(
        word
        for span, name in names.items()
        if found[span] == "person" and len(name.split()) >= 2
        for word in {name.split()[0], name.split()[-1]}
    )
    for span, kind in list(found.items()):
        name = names[span]
        if kind in ("person", "work"):
            continue
        person_votes = votes[(name, "person")]
        if name in ruled or person_votes > votes[(name, kind)]:
            found[span] = "person"
        elif parts[name] and (kind in ("org", "other") or person_votes + parts[name] > votes[(name, kind)]):
            found[span] = "person"  # "Park's regime" after "Park Geun-hye"
    # Names that spaCy missed everywhere but a role noun or a possessive showed to be persons.
    short = {n for n in ruled if len(n.split()) == 1 and len(n) >= 2 and n[0].isupper()}
    for name in short:
        for match in re.finditer(r"(?<![\w’'])" + re.escape(name) + r"(?![\w-])", body):
            span = (match.start(), match.end())
            if not any(_overlaps(span, s) for s in found):
                found[span] = "person"


_CAPITALISED_WORD = re.compile(r" [A-Z][a-z]+\b")


def _articled_names_are_things(body: str, found: dict[tuple[int, int], str], ruled: set[str]) -> None:
    """A one-word name the document writes after "the" every time, once at least as the first word of a longer
    name, is that thing's short name, not a person's: "the Sewol victims" beside "the Sewol Ferry" (a person's
    name takes no article). Names a rule showed to be a person's stay persons."""
    for span, kind in list(found.items()):
        name = body[span[0] : span[1]]
        if kind != "person" or " " in name or name in ruled:
            continue
        written = list(re.finditer(r"(?<![\w’'-])" + re.escape(name) + r"(?![\w-])", body))
        if (all(body[max(0, m.start() - 4) : m.start()].casefold() == "the " for m in written)
                and any(_CAPITALISED_WORD.match(body, m.end()) for m in written)):
            found[span] = "other"


def _short_names_take_full_keys(mentions: list[Mention]) -> None:
    """A one-word person ("Boltanski") takes the key of the one fuller name in the document it belongs to."""
    full: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.kind != "person":
            continue
        words = fold(mention.value or "").split()
        if len(words) >= 2:
            for word in {words[0], words[-1]}:
                full.setdefault(word, set()).add(mention.key)
    for mention in mentions:
        if mention.kind != "person":
            continue
        words = fold(mention.value or "").split()
        if len(words) == 1 and len(full.get(words[0], ())) == 1:
            mention.key = next(iter(full[words[0]]))


# --- aliases learned across the corpus ----------------------------------------------------

_NAME = r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
# Each pattern names the real (canonical) name and the alias it is known by.
_ALIAS_PATTERNS = [
    re.compile(
        rf"(?P<real>{_NAME}),?\s+\(?(?:better\s+|also\s+|popularly\s+|widely\s+)?known\s+(?:professionally\s+|"
        rf"mononymously\s+|simply\s+)?(?:by\s+(?:the\s+|his\s+|her\s+)?(?:stage\s+name\s+)?|as\s+)(?P<alias>{_NAME})"
    ),
    re.compile(rf"(?P<real>{_NAME}),?\s+\(?(?:aka|a\.k\.a\.?)\s+(?P<alias>{_NAME})"),
    re.compile(rf"(?P<alias>{_NAME}),\s+whose\s+(?:real|legal|birth|given|full)\s+name\s+is\s+(?P<real>{_NAME})"),
    re.compile(rf"(?P<alias>{_NAME}),?\s+\(?(?:real\s+name:?|born)\s+(?P<real>{_NAME})"),
]
# A nickname given in quotes after a descriptor, or a nickname or byname given outright; the real name must
# be a person's: "Owen Tarrant, who was known as the informant 'Grey Lantern'", "Tarrant, who leaked
# information under the moniker, “Grey Lantern,”", "Rafe Dunmore, nicknamed Rafezilla".
_NICKNAME_PATTERNS = [
    re.compile(
        rf"(?P<real>{_NAME}),?\s+(?:who\s+[^.;:\"“”]{{0,60}}?)?\b(?:(?:better\s+|also\s+|widely\s+)?known\s+as|"
        rf"nicknamed|dubbed|code-?named|under\s+the\s+(?:moniker|nickname|pseudonym|codename|name)),?\s+"
        rf"(?:[\w-]+\s+){{0,4}}?[\"“‘'](?P<alias>{_NAME}),?[\"”’']"
    ),
    re.compile(rf"(?P<real>{_NAME}),?\s+(?:who\s+(?:was|is)\s+)?(?:nicknamed|dubbed)\s+(?P<alias>{_NAME})"),
]
_PARENTHESES = re.compile(rf"(?P<a>{_NAME})\s*\(\s*(?P<b>{_NAME})\s*\)")


def _name_at(mentions, start: int, end: int, text: str) -> str:
    """The person mention ending (or starting) where a pattern's name does, which drops words
    the pattern swept up before the name ("Yesterday Kim Taehyung")."""
    for mention in mentions:
        if mention.kind == "person" and start <= mention.start and mention.end == end:
            return mention.value or mention.text
    return text


def _is_person_span(mentions, start: int, end: int) -> bool:
    return any(m.kind == "person" and m.start < end and start < m.end for m in mentions)


def learn_aliases(annotations, bodies) -> dict[str, str]:
    """Alias key -> canonical key, learned from appositions, nicknames and parentheses across the corpus.

    "Kim Taehyung, better known as V", "V (Kim Taehyung)", "V, whose real name is Kim Taehyung",
    "Owen Tarrant, who was known as the informant 'Grey Lantern'", "Rafe Dunmore, nicknamed Rafezilla".

    bodies is either a mapping from document id to body or a sequence parallel to annotations.
    The real name is canonical; an alias that two texts tie to different people is dropped, and one tied
    to one surname written two ways ("J. Owen Tarrant", "Owen Tarrant") takes the fullest.
    """
    pairs: dict[str, dict[str, str]] = {}  # alias key -> real key -> real name as written
    annotations = list(annotations)
    if isinstance(bodies, dict):
        texts = [bodies.get(a.document, "") for a in annotations]
    else:
        texts = list(bodies)
    for annotation, body in zip(annotations, texts):
        mentions = annotation.mentions
        for pattern in (*_ALIAS_PATTERNS, *_NICKNAME_PATTERNS):
            for match in pattern.finditer(body):
                if pattern in _NICKNAME_PATTERNS and not _is_person_span(mentions, *match.span("real")):
                    continue  # "Hurricane Sandy, dubbed Superstorm Sandy": a nickname is learned for a person only
                real = _name_at(mentions, *match.span("real"), match.group("real"))
                _add_pair(pairs, real, strip_possessive(match.group("alias")))
        for match in _PARENTHESES.finditer(body):
            a, b = match.group("a"), match.group("b")
            if not (_is_person_span(mentions, *match.span("a")) or _is_person_span(mentions, *match.span("b"))):
                continue
            a = _name_at(mentions, *match.span("a"), a)
            # The fuller name is the real one: "V (Kim Taehyung)", "Kim Taehyung (V)".
            real, alias = (a, b) if len(a.split()) > len(b.split()) else (b, a)
            if len(real.split()) > len(alias.split()):
                _add_pair(pairs, real, alias)
    aliases = {alias: key for alias, reals in pairs.items() if (key := _one_person(reals))}
    return {alias: _resolve(aliases, alias) for alias in aliases}


def _add_pair(pairs: dict[str, dict[str, str]], real: str, alias: str) -> None:
    real_key, alias_key = entity_key("person", real), entity_key("person", alias)
    if real_key != alias_key and len(fold(real)) > 1:
        pairs.setdefault(alias_key, {})[real_key] = real


def _one_person(reals: dict[str, str]) -> str | None:
    """The key of the real name an alias stands for: the fullest of the names texts tie it to, when they all
    share one surname ("J. Owen Tarrant", "Owen Tarrant"); None when they name different people."""
    surnames = {fold(name.split()[-1]) for name in reals.values()}
    if len(surnames) != 1:
        return None
    return max(reals, key=lambda key: (len(reals[key].split()), key))


def _resolve(aliases: dict[str, str], key: str) -> str:
    seen = {key}
    while key in aliases and aliases[key] not in seen:
        key = aliases[key]
        seen.add(key)
    return key


def apply_aliases(annotations, aliases: dict[str, str]) -> list:
    """Copies of the annotations with every mention key that is a learned alias replaced by its canonical key.

    A nickname in a sentence that also names the person it stands for keeps its own key: there it is what the
    person is called ("Owen Tarrant, known as “Grey Lantern”"), a value another source may give otherwise."""
    result = []
    for annotation in annotations:
        starts = [sentence.start for sentence in annotation.sentences]
        named: dict[int, list[str]] = {}  # sentence -> the persons it names by no alias ("Owen Tarrant", "Tarrant")
        for m in annotation.mentions:
            if m.kind == "person" and m.key and m.key not in aliases:
                named.setdefault(bisect_right(starts, m.start), []).append(m.key.removeprefix("person:"))
        mentions = []
        for m in annotation.mentions:
            real = aliases.get(m.key) if m.key else None
            if real is not None and any(real.endswith(name) for name in named.get(bisect_right(starts, m.start), ())):
                real = None  # the sentence names the person too, by the real name or its end ("J. Owen Tarrant")
            mentions.append(replace(m, key=real or m.key))
        result.append(replace(annotation, mentions=mentions))
    return result
