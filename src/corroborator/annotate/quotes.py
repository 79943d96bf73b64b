"""Quotations in a body: where they are, who said them, and how (speech, lyric, written, title).

Quotes are found over the whole body, not per sentence, because a quotation often runs
over several sentences and, by the usual convention, over several paragraphs (each one
opened with a quotation mark, only the last one closed). A quote's span is the quoted
words without their quotation marks, so ``body[quote.start:quote.end] == quote.text``.

A short quoted span in Title Case that names a work (“Love Wins All”) is kind ``title``:
the pipeline turns it into a work entity, and readers of quotes should skip it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from corroborator.model import Quote

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
OPEN_SINGLE = "‘‚‹"
CLOSE_SINGLE = "’›"

# Verbs that introduce what someone said or wrote, in the forms news prose uses.
SPEECH_VERBS = frozenset(
    """say says said saying tell tells told telling add adds added explain explains explained
    explaining state states stated note notes noted recall recalls recalled insist insists insisted
    ask asks asked asking reply replies replied answer answers answered claim claims claimed
    declare declares declared announce announces announced continue continues continued
    admit admits admitted argue argues argued warn warns warned write writes wrote writing
    tweet tweets tweeted post posts posted sing sings sang croon croons crooned remark remarks
    remarked recount recounts recounted confirm confirms confirmed shout shouts shouted
    whisper whispers whispered joke jokes joked describe describes described""".split()
)
_PRONOUNS = frozenset(
    "he she they it we i you his her their its our my your him them us me that which who whom this".split()
)
_MINOR_WORDS = frozenset(
    "a an and as at but by for from in into nor of off on onto or over per so the to up via with vs".split()
)

# Cues in the words around a quote that say how it was delivered.
_LYRIC_CUE = re.compile(
    r"\b(sings?|sang|sung|singing|croon\w*|chorus(es)?|lyrics?|lyrical|verses?|refrain|hook|"
    r"vocals?|vocalists?|chants?|chanted|raps?|rapped|rapping|the song goes|lines? of the song)\b",
    re.I,
)
_WRITTEN_CUE = re.compile(
    r'\b(sign language|signed (?:to|in)|signing|signs?\b[^.“”"]{0,40}?\b(?:read|reads)|'
    r"wrote|writes|written|writing|tweet\w*|posted|posts?|captions?|captioned|placards?|banners?|letters?|"
    r"messages?|texted|e-?mail(ed)?|statements?|Instagram|Twitter|Weverse|Facebook|TikTok|"
    r"Threads|blog)\b",
    re.I,
)
# ", she softly croons" — an attribution that ends a quote whose closing mark is missing.
_UNCLOSED_END = re.compile(
    r"[,.!?]?\s*,?\s+(?:he|she|they|we|I|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})\s+(?:\w+ly\s+)?"
    r"(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")\b"
)
_MAX_TITLE_WORDS = 8
# "Run away / Go with me", "again/Because": line breaks of a song written as slashes.
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:com|org|net|co|ly)/\S*")
_LYRIC_LINES = re.compile(r"\S\s+/\s+\S|[a-z,]/[A-Z]")
_DOUBLE_MARKS = re.compile(f'[{OPEN_DOUBLE}{CLOSE_DOUBLE}"\n]')
_SINGLE_MARKS = re.compile(f"[{OPEN_SINGLE}{CLOSE_SINGLE}'\n]")
# A paragraph break: a blank line, or a line break before anything but a lower-case letter
# (readers of web pages put one newline between paragraphs; hard-wrapped text goes on in lower case).
_BREAK = re.compile(r"\n(?:[ \t]*\n\s*|[ \t]*(?=[^a-z\s]))")
_MAX_SINGLE_QUOTE_CHARS = 300


@dataclass(slots=True)
class _Span:
    """A pair of quotation marks found in the body: the quoted words lie in [start, end)."""

    start: int
    end: int
    closed: bool
    nested: bool = False


def find_quotes(body: str, doc=None) -> list[Quote]:
    """Every quotation in a body, with its speaker where the text states one and its kind."""
    spans = _double_quoted(body)
    spans += _single_quoted(body, spans)
    spans.sort(key=lambda s: (s.start, -s.end))
    sentences = _Sentences(doc) if doc is not None else None
    quotes: list[Quote] = []
    for span in spans:
        text = body[span.start : span.end]
        if not text.strip():
            continue
        quote = _classify(body, span, text, sentences)
        if quote is not None:
            quotes.append(quote)
    _carry_lyric_kind(body, quotes)
    return quotes


# --- finding pairs of marks ---------------------------------------------------------------


def _is_opening_straight(body: str, i: int) -> bool:
    before = body[i - 1] if i > 0 else " "
    after = body[i + 1] if i + 1 < len(body) else " "
    return (before.isspace() or before in "([{—–-/" + OPEN_DOUBLE + OPEN_SINGLE) and not after.isspace()


def _is_closing_straight(body: str, i: int) -> bool:
    before = body[i - 1] if i > 0 else " "
    after = body[i + 1] if i + 1 < len(body) else " "
    if after in ",.;:!?" and before == " ":
        return True  # a mark set off by spaces before the punctuation that follows it: 'orchestra " , she said'
    return not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-" + CLOSE_DOUBLE + CLOSE_SINGLE)


def _paragraph_end(body: str, i: int) -> int:
    """Index of the end of the paragraph containing position i (a blank line or the body's end)."""
    match = _BREAK.search(body, i)
    return match.start() if match else len(body)


def _starts_paragraph(body: str, i: int) -> bool:
    line_start = body.rfind("\n", 0, i) + 1
    return not body[line_start:i].strip()


def _unclosed_end(body: str, start: int) -> int:
    """Where a quote whose closing mark is missing most likely ends."""
    stop = _paragraph_end(body, start)
    match = _UNCLOSED_END.search(body, start, stop)
    end = match.start() if match else stop
    while end > start and body[end - 1].isspace():
        end -= 1
    return end


def _double_quoted(body: str) -> list[_Span]:
    spans: list[_Span] = []
    open_at: int | None = None  # index just after the opening mark
    segment = 0  # start of the paragraph the open quote has reached
    continuation_mark: int | None = None
    break_end = 0
    for mark in _DOUBLE_MARKS.finditer(body):
        i, ch = mark.start(), mark.group()
        if ch == "\n" and i < break_end:
            continue  # the rest of a break already handled
        if open_at is not None and ch == "\n" and (brk := _BREAK.match(body, i)):
            break_end = brk.end()
            # The paragraph ends inside a quote. By convention a quotation that runs on opens the
            # next paragraph with a mark and does not close this one; otherwise the mark is missing.
            end = _unclosed_end(body, segment)
            following = brk.end()
            if end >= _paragraph_end(body, segment) and following < len(body) and body[following] in OPEN_DOUBLE + '"':
                continuation_mark, segment = following, following + 1
            else:
                spans.append(_Span(open_at, end, closed=False))
                open_at = None
            continue
        if i == continuation_mark:
            continuation_mark = None
            continue
        opening = ch in OPEN_DOUBLE or (ch == '"' and open_at is None and _is_opening_straight(body, i))
        closing = ch in CLOSE_DOUBLE or (ch == '"' and open_at is not None and _is_closing_straight(body, i))
        # A curly mark typed the wrong way round: shape and state say which it is.
        if opening and ch != '"' and open_at is not None and _is_closing_straight(body, i):
            opening, closing = False, True
        elif closing and ch != '"' and open_at is None and _is_opening_straight(body, i):
            opening, closing = True, False
        if opening:
            if open_at is not None:
                spans.append(_Span(open_at, _unclosed_end(body, segment), closed=False))
            open_at = segment = i + 1
        elif closing and open_at is not None:
            spans.append(_Span(open_at, i, closed=True))
            open_at = None
    if open_at is not None:
        spans.append(_Span(open_at, _unclosed_end(body, segment), closed=False))
    return [s for s in spans if s.end > s.start]


def _single_quoted(body: str, doubles: list[_Span]) -> list[_Span]:
    """Single-quoted spans: nested inside a double quote, or standing alone (British style)."""
    spans: list[_Span] = []
    open_at: int | None = None
    for mark in _SINGLE_MARKS.finditer(body):
        i, ch = mark.start(), mark.group()
        before = body[i - 1] if i > 0 else " "
        after = body[i + 1] if i + 1 < len(body) else " "
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe inside a word: it’s, Lee’s
        can_open = ch in OPEN_SINGLE or (ch == "'" and _is_opening_straight(body, i))
        can_close = (ch in CLOSE_SINGLE or ch == "'") and _is_closing_straight(body, i)
        if can_open and (after.isalpha() or after in '“"') and open_at is None:
            open_at = i + 1
        elif can_close and open_at is not None:
            if i - open_at <= _MAX_SINGLE_QUOTE_CHARS and "\n" not in body[open_at:i]:
                nested = any(d.start <= open_at and i <= d.end for d in doubles)
                spans.append(_Span(open_at, i, closed=True, nested=nested))
            open_at = None
        if open_at is not None and (i - open_at > _MAX_SINGLE_QUOTE_CHARS or ch == "\n"):
            open_at = None
    return spans


# --- what a quote is ----------------------------------------------------------------------


def is_title_like(text: str) -> bool:
    """True for a short span in Title Case ("Love Wins All", "No Man’s Land") that can name a work."""
    stripped = text.strip().rstrip(",")
    if not stripped or len(stripped) > 80 or "\n" in stripped or " / " in stripped:
        return False
    words = re.findall(r"[^\s—–]+", stripped)
    if not words or len(words) > _MAX_TITLE_WORDS:
        return False
    if stripped[-1] in ".;:" or re.search(r"[.;]\s", stripped):  # a subtitle after a colon is fine
        return False
    if not (stripped[0].isupper() or stripped[0].isdigit()):
        return False
    for word in words:
        core = word.strip("“”\"‘’'(),!?&")
        if not core or core[0].isdigit() or not core[0].isalpha():
            continue
        if core[0].islower() and core.lower() not in _MINOR_WORDS:
            return False
    # A lone pronoun ("It") names nothing.
    return not (len(words) == 1 and words[0].lower() in _PRONOUNS)


def _classify(body: str, span: _Span, text: str, sentences: _Sentences | None) -> Quote | None:
    if span.closed and _is_nickname(body, span, sentences):
        return None  # Nico “The Hook” Barzani: part of a name, neither a title nor a quote
    speaker, context = _speaker_and_context(body, span, sentences)
    if is_title_like(text) and (speaker is None or text.rstrip()[-1] not in ",.!?"):
        return Quote(span.start, span.end, text, speaker=None, kind="title")
    if span.nested:
        return None  # a quote inside a quote is part of the outer one
    words = text.split()
    if len(words) <= 3 and speaker is None and not re.search(r"[.!?,]$", text.strip()):
        return None  # a scare quote (“mountain”), not a quotation
    return Quote(span.start, span.end, text, speaker=speaker, kind=_kind(text, context))


def _is_nickname(body: str, span: _Span, sentences: _Sentences | None) -> bool:
    """A quoted span inside a person's name: Nico “The Hook” Barzani. spaCy either reads the
    whole name as a person, or a first name as one, with a capitalised surname after the quote."""
    if sentences is None:
        return False
    left, right = span.start - 1, span.end + 1
    for start, end in sentences.person_spans:
        if start < left and right < end:
            return True
        if end <= left and not body[end:left].strip() and re.match(r"\s+[A-Z][a-z]", body[right : right + 40]):
            return True
    return False


def _kind(text: str, context: list[tuple[str, str, int]]) -> str:
    """lyric, written or speech, from the quote's own shape and the cue nearest to it."""
    if _LYRIC_LINES.search(_URL.sub(" ", text)):
        return "lyric"  # lines of a song set out with slashes
    best: tuple[int, str] | None = None
    for around, side, gap in context:
        for pattern, kind in ((_LYRIC_CUE, "lyric"), (_WRITTEN_CUE, "written")):
            for match in pattern.finditer(around):
                distance = gap + (len(around) - match.end() if side == "before" else match.start())
                if best is None or distance < best[0]:
                    best = (distance, kind)
    return best[1] if best else "speech"


def _carry_lyric_kind(body: str, quotes: list[Quote]) -> None:
    """A quote with no cue and no speaker right after a lyric quote continues the song."""
    for previous, quote in zip(quotes, quotes[1:]):
        if previous.kind != "lyric" or quote.kind != "speech" or quote.speaker:
            continue
        between = body[previous.end : quote.start]
        if len(_BREAK.findall(between)) <= 1 and len(between) < 200:
            quote.kind = "lyric"


# --- speakers -----------------------------------------------------------------------------


class _Sentences:
    """Sentence lookup by character offset over a parsed body."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.sents = list(doc.sents)
        self.starts = [s.start_char for s in self.sents]
        self.person_spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]

    def index_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.starts, char) - 1)


def _speaker_and_context(body: str, span: _Span, sentences: _Sentences | None):
    """The stated speaker of a quote (or None) and the text around it to look for cues in.

    context is a list of (text, "before" or "after", characters between the text and the quote).
    """
    left_mark = span.start - 1
    right_mark = span.end + 1 if span.closed else span.end
    if sentences is None:
        before = body[max(0, span.start - 200) : left_mark]
        after = body[right_mark : right_mark + 200]
        return None, [(before, "before", 0), (after, "after", 0)]
    first = sentences.index_at(max(0, left_mark))
    last = sentences.index_at(max(0, right_mark - 1))
    first_sent = sentences.sents[first]
    last_sent = sentences.sents[min(last, len(sentences.sents) - 1)]
    before = body[first_sent.start_char : max(first_sent.start_char, left_mark)]
    after_end = last_sent.end_char
    # The sentence splitter may end a sentence at the closing mark: "“…,” she said."
    if after_end <= right_mark + 1 and last + 1 < len(sentences.sents):
        after_end = sentences.sents[last + 1].end_char
    after = body[right_mark:after_end]
    context = [(before, "before", 0), (after, "after", 0)]

    def outside(token) -> bool:
        return token.idx + len(token) <= left_mark or token.idx >= right_mark

    around = sentences.doc.char_span(first_sent.start_char, after_end, alignment_mode="expand")
    tokens = [t for t in around if outside(t)] if around is not None else []
    speaker = _speaker_from_tokens(tokens, span)
    if speaker is None and _starts_paragraph(body, left_mark) and not before.strip() and first > 0:
        # A quotation that opens its paragraph, introduced by the sentence before it:
        # "Boltanski explained the significance …" / "She said:"
        previous = sentences.sents[first - 1]
        gap = body[previous.end_char : left_mark]
        if len(_BREAK.findall(gap)) <= 1:
            speaker = _speaker_from_tokens(list(previous), span)
            context.append((previous.text, "before", max(0, left_mark - previous.end_char)))
    return speaker, context


def _speaker_from_tokens(tokens, span: _Span) -> str | None:
    """The subject of a speech verb, or the object of "according to", among the given tokens."""
    candidates = []
    for token in tokens:
        word = token.text.lower()
        if word == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
            for child in token.doc[token.i + 1].children:
                if child.dep_ == "pobj":
                    candidates.append((abs(token.idx - span.start), child))
        elif word in SPEECH_VERBS and token.tag_.startswith("VB"):
            for child in token.children:
                if child.dep_ == "nsubj":
                    candidates.append((min(abs(token.idx - span.start), abs(token.idx - span.end)), child))
    for _, head in sorted(candidates, key=lambda c: c[0]):
        name = _phrase(head)
        if name:
            return name
    return None


def _phrase(head) -> str | None:
    """The name or noun phrase headed by a token, without possessive endings; None for pronouns."""
    if head.lower_ in _PRONOUNS or head.tag_ in ("PRP", "PRP$", "WP", "WDT", "DT"):
        return None
    # "the fisherman Aldo Ricci said": the name beats the description.
    for ent in head.doc.ents:
        if head.left_edge.i <= ent.start and ent.end <= head.i + 1 and ent.label_ == "PERSON":
            return _strip_possessive(ent.text)
    for child in head.children:
        if child.dep_ == "appos" and child.tag_ in ("NNP", "NNPS") and not head.ent_type_:
            return _phrase(child)
    if head.ent_type_:
        ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
        if ent is not None:
            return _strip_possessive(ent.text)
    keep = [c for c in head.lefts if c.dep_ in ("compound", "amod", "det", "poss", "nmod", "case")]
    start = min([c.left_edge.i for c in keep] + [head.i])
    return _strip_possessive(head.doc[start : head.i + 1].text) or None


def _strip_possessive(text: str) -> str:
    return re.sub(r"(?:['’]s?)$", "", text.strip()).strip()
