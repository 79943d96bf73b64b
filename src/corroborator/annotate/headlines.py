"""Names and roles in title-case lines, which the small English model reads poorly.

A headline capitalises its verbs and common nouns ("Dana Kowalczyk Overturns Species Rule"), so the tagger
takes them for more of the name and the parser finds no verb. Written in sentence case, the same line parses
as prose does: "Dana Kowalczyk overturns species rule" has a verb and its subject. This module asks the pipeline
about such a line rewritten in lower case, keeping the capitals of the names, and maps what it finds back.
Lower-casing keeps every offset, so the rewritten line's spans are the original's.
"""

from __future__ import annotations

import re

from corroborator.annotate.roles import ROLE_KINDS, TIME_KINDS, role_of
from corroborator.model import Mention

# Tags of a word, in sentence case, that end a name: a verb in the present ("Overturns"), a modal, an adverb
# ("Still", "Reportedly"). A past form is not among them: it is as often a surname ("Mark Felt").
_ENDS_A_NAME = frozenset({"VBZ", "MD", "RB"})
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_MIN_WORDS = 3  # content words a line needs before its capitals can tell title case
_SHARE = 0.75  # of them capitalised
_MIN_LENGTH = 4  # shorter words ("in", "of", "to", "and") are lower case in title case too


def title_case(line: str) -> bool:
    """Whether a line is written in title case: most of its words of four letters or more, after the first,
    capitalised ("Kowalczyk Wins Third Title in Harwick"), as a headline is and a sentence of prose is not."""
    words = [w for w in _WORD.findall(line)[1:] if len(w) >= _MIN_LENGTH]
    if len(words) < _MIN_WORDS:
        return False
    return sum(w[0].isupper() for w in words) >= _SHARE * len(words)


def line_of(body: str, start: int, end: int) -> tuple[int, int]:
    """The line of the body a span is in: from the newline before it to the one after it."""
    low = body.rfind("\n", 0, start) + 1
    high = body.find("\n", end)
    return low, len(body) if high < 0 else high


def _recased(body: str, low: int, high: int, keep: list[tuple[int, int]]) -> str:
    """The line [low, high) in sentence case: capitalised words lowered, except the first word, words written
    all in capitals ("HBO") and words inside a kept span (a name)."""
    line = body[low:high]
    out = list(line)
    for n, match in enumerate(_WORD.finditer(line)):
        word = match.group()
        start, end = low + match.start(), low + match.end()
        if n == 0 or word.isupper() or any(a < end and start < b for a, b in keep):
            continue
        out[match.start() : match.end()] = word.lower()
    return "".join(out)


def name_end(nlp, body: str, start: int, end: int) -> int:
    """Where a name a tagger found in a title-case line ends, when it ran on into the words after it
    ("Marta Quillon Overturns Species Rule"): before the first word after its first that, lowered with all the
    words after it, the tagger reads as a present-tense verb, a modal or an adverb, and that more words follow (a
    surname may look like a verb: "Maurice Cheeks,"). The span's own end otherwise, and outside title case."""
    low, high = line_of(body, start, end)
    if not title_case(body[low:high]):
        return end
    words = [m for m in _WORD.finditer(body, start, end)]
    for match in words[1:]:
        if not re.match(r"[ \t]+\w", body[match.end() : high]):
            continue  # a last word before a comma or the line's end is the name's own: "Hire Maurice Cheeks, Coach"
        text = _recased(body, low, high, [(start, match.start())])
        # Words before the name keep their capitals too: they may be a title ("President").
        text = body[low:start] + text[start - low :]
        doc = nlp(text)
        token = next((t for t in doc if t.idx == match.start() - low), None)
        if token is not None and token.tag_ in _ENDS_A_NAME:
            return len(body[:match.start()].rstrip())
    return end


def headline_roles(nlp, body: str, mentions: list[Mention]) -> None:
    """Set head and role of the entity and time mentions in title-case lines from the line parsed in sentence
    case, names kept capitalised: "Marta Quillon Wins Third Title in Harwick" is read as "Marta Quillon wins
    third title in Harwick", where Quillon is the subject of "wins"."""
    lines: dict[tuple[int, int], list[Mention]] = {}
    for mention in mentions:
        lines.setdefault(line_of(body, mention.start, mention.end), []).append(mention)
    for (low, high), inside in lines.items():
        if not title_case(body[low:high]) or not any(m.kind in ROLE_KINDS for m in inside):
            continue
        doc = nlp(_recased(body, low, high, [(m.start, m.end) for m in inside]))
        for mention in inside:
            if mention.kind not in ROLE_KINDS:
                continue
            found = role_of(doc, mention.start - low, mention.end - low)
            if found is None or (found[1] == "time" and mention.kind not in TIME_KINDS):
                mention.head = mention.role = None
                continue
            mention.head, mention.role = found[0], "time" if mention.kind in TIME_KINDS else found[1]
