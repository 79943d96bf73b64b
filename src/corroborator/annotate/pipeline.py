"""The annotate stage's pure core: documents in, annotations (sentences, mentions, quotes) out.

No database here: annotate_documents streams documents through spaCy's nlp.pipe in batches
(optionally over several processes) and yields one Annotation per document, in order.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from corroborator.annotate.entities import find_entities
from corroborator.annotate.headlines import headline_roles
from corroborator.annotate.nlp import load_pipeline
from corroborator.annotate.quantities import find_quantities
from corroborator.annotate.quotes import find_quotes
from corroborator.annotate.roles import assign_roles
from corroborator.annotate.times import find_times
from corroborator.model import Annotation, Document, Mention, Sentence

# v2: mentions carry their verb and role; v3: figures glued to "euro", no time role for names;
# v4: units of measure, roles from a verb of their own sentence; v5: persons by a role noun opening
# a sentence, by an age in apposition; v6: persons by an age before the name, a reflexive, a paired
# person or a role noun in apposition; v7: a title before a name ("Capt. James Clark") keeps the
# name in its sentence; v8: a name after "running back" takes the role of the position, not of "running";
# v9: a number of one to three digits alone ("Yun, 44,") is not a year; v10: a sum written as one hyphenated
# word is money ("a two-million-euro booty", "$2.6 - million"); v11: a whole number and a fraction is one
# figure ("4 1/2 months", "4½ hours"); v12: a figure after a slash and a space ("41 / 2 months", text
# tokenised with spaces) is a denominator, not a count; v13: a name the parser makes the subject of "said"
# before it, followed by a clause with no subject of its own, is that clause's subject ("said Lena Varga, 40,
# will host": Varga hosts); v14: a name in the gerund after "a day after" (any length of time, "after" or
# "before") fills a role of that earlier or later event ("after:object"), not of the one the sentence tells;
# v15: a person's name ends before the verb a title-case headline runs it into ("Dana Kowalczyk Charged With");
# v16: a date in a clause that looks ahead is resolved forward in a sentence told in the past ("said filming
# would begin in September"); v17: a person's key leaves out an honorific before the name ("Dr Ilse Varga" and
# "Ilse Varga" share a key); v18: a time written between a subject and its verb dates the verb ("the Indian
# Navy on Tuesday arrested"), wherever the parse hangs it; v19: v17 undone (keys keep the honorific again): the
# joined keys split a story of the ECB+ test topics, and reconcile pairs "Dr Ilse Varga" with "Ilse Varga" itself.
# v20: a sentence the parser still opens on the name after a title is joined again; v21: a name the parse hangs on
# the day after it is its verb's subject ("Vellum Saturday took"); v22: an object two coordinated verbs share
# belongs to the first ("arrested and charged Sharron Smith"); v23: persons by the sentence for lone surnames and
# untagged names too, by a courtesy title, "and his", or a possessive only a person has ("Quillon's widow"); v24:
# persons by what only a person is or does: "Quillon, who", "Quillon died", "the death of Quillon".
# v29: a one-word name the document writes after "the" every time, once as the first word of a longer name, is
# that thing's short name, not a person's ("the Sewol victims" beside "the Sewol Ferry"); a lone clock time does
# not take a date of another event: one in a relative clause after it ("at 9:15 p.m. near Brask, where a quake on
# Monday killed 16") or a possessive day naming a thing ("Monday's quake"); a sentence the parser opens in mid-line
# after a word is the middle of the one before ("a song | so good that").
# v30: a capitalised title in mid-sentence makes the name after it a person's ("fired Coach Marta Quillon",
# "President-elect ..."). v31: also "Quillon was a suspect", "Quillon, a Boston native who ...", a name the model
# calls a place that died. v32: "N pounds" beside a sum in another currency or after "worth" is sterling.
# v33: a time a present-tense verb of a body sentence takes is a plan, resolved ahead of the publication
# ("Her tour opens in Busan on April 12, her agency said"); a headline (no full stop) keeps its past; a one-word
# entity the tagger reads as a common noun, capitalised only to open its sentence, is no name ("Credit should ...").
# v35: a subject's role is in the deed its sentence tells of: the infinitive it is to do ("is negotiating to direct",
# "was hired to direct"), or the noun "be" gives it ("will be the host" hosts).
# v36: a name a clause about a noun calls it ("the cyclist, who police identified as X, fled") fills the noun's role; a
# subject the parse gives the verb of a relative clause after it ("X, the singer whose ballads moved ..., has died")
# is the subject of the verb after the clause.
# v37: a full name the model calls an org or a place whose first word US census records give as a given name nine
# times in ten, that probablepeople reads as no firm's and that is no place, is a person ("Nadia Pellworth").
# v38: a sum's scale letter in upper case, as headlines write it ("$184M", "$1.2B"), scales it as "$184m" does.
# v39: a lone surname the model calls an org or a place, or leaves untagged, that the prose refers to as a person
# ("Kessington herself", "Kessington's publicist", "he" after it with no other person between) is a person.
# v40: a person's name in a title-case line ends where the line read in sentence case has a verb or an adverb
# ("Marta Quillon Overturns Species Rule"), and the line's roles come from that sentence-case reading.
# v41: short numbers joined by a dash ("won 27 - 20", "a 9-5 season") are a score or a record, never a date.
# v42: a lone surname the model leaves untagged that the prose refers to as a person is one even when a town of the
# gazetteer has that name ("Bexley herself"); a gazetteer name the model tags still stays no person.
# v44: a lone name the model calls an org or a place, or leaves untagged, that is arrested, handcuffed, jailed or
# imprisoned ("Kessington was arrested by the highway patrol") is a person, unless the parse gives the verb a second
# subject (a town ending an address: "Dara Welk, of Mill Lane, Harwick was arrested").
# v45: a bare day the parse hangs on a noun after a preposition dates the verb the preposition hangs on ("spoke at a
# news conference Saturday"), and a day of "be" followed by a clause of "when" dates that clause's verb.
# v46: a day written straight after a bound and a possessed noun ("convicted before his arrest on Friday") dates the
# noun's event, wherever the parse hangs it.
# v47: the v37 rule also makes a person of such a full name the model calls another thing or leaves untagged.
# v49: a lone surname a verb of wounding or murder takes ("he shot Kessington", "Kessington stabbed him"), or one
# charged with or convicted of a killing, is a person ("Kessington was shot" is not enough: a film is shot too).
# v50: where the parser runs a headline and a dateline into the first sentence, a name it gives no role of that
# sentence takes the role the sentence parsed alone gives it ("Retired boxer Ines Varga, ..., died on Monday").
# v51: a lone surname the model calls an org or a place, or leaves untagged, is a person when arrested, jailed or
# sentenced as the object ("police arrested Kessington") as well as the passive subject, sentenced, hospitalised,
# killed, pronounced dead or rushed to a hospital, or when it testifies, confesses or checks into a place.
# v52: capitals with full stops and no name after them ("U. S. agencies", "Harwick, N. Y.,") are no person's
# initials: the gazetteer's place, or else an institution.
# v53: a day of the week the parse hangs on a gerund after "for" dates the verb "for" follows ("was detained for
# fishing inside the reserve early Saturday": the arrest's day).
# v54: words the model calls a person's name that the document quotes as a title elsewhere are that work ("the
# sequel, Salt Harbour" beside "sequel 'Salt Harbour'"), unless the first word is a given name.
# v55: a quoted name given as what a person (or a "source") is known as, nicknamed or dubbed, or revealed oneself as,
# is a person, not a work ("the informant known as “Grey Lantern”"); a nickname beside the name it stands for keeps
# its own key when aliases are applied, as the value the sentence gives.
METHOD = "corroborator.annotate.v55"

TIME_LABELS = frozenset({"DATE", "TIME"})
QUANTITY_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})
TIME_KINDS = frozenset({"date", "time", "duration"})
# Values inside these entities are part of a name ("V", "The 100 Greatest Songs"), not values.
_NAME_KINDS = frozenset({"person", "work"})

_FUTURE_MARKERS = re.compile(
    r"\b(will|shall|should|won['’]t|['’]ll|going to|"
    r"(?:is|are|was|were) (?:set|due|scheduled|expected|slated|poised) to|"
    r"(?:is|are) to|plans? to|intends? to)\b",
    re.I,
)


def annotate_documents(
    documents: Iterable[Document], nlp=None, batch_size: int = 32, n_process: int = 1
) -> Iterator[Annotation]:
    """Annotate documents in a stream: sentences, entity/time/quantity mentions and quotes for each, in order."""
    nlp = nlp if nlp is not None else load_pipeline()
    pairs = ((document.body, document) for document in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield annotate_parsed(document, doc, nlp)


def annotate_parsed(document: Document, doc, nlp=None) -> Annotation:
    """Annotation of one document whose body spaCy has already parsed (by `nlp`, the annotation pipeline by
    default, which also reads title-case lines again in sentence case)."""
    nlp = nlp if nlp is not None else load_pipeline()
    body = document.body
    quotes = find_quotes(body, doc)
    titles = [(q.start, q.end) for q in quotes if q.kind == "title"]
    entities = find_entities(doc, titles, body, nlp)
    sentences = split_sentences(doc, body)
    names = _Spans([(m.start, m.end) for m in entities if m.kind in _NAME_KINDS] + titles)
    every_entity = _Spans([(m.start, m.end) for m in entities])
    candidates = _Spans([(e.start_char, e.end_char, e.label_) for e in doc.ents])
    quoted = _Spans([(q.start, q.end) for q in quotes if q.kind != "title"])
    values: list[Mention] = []
    for sentence in sentences:
        tense = sentence_tense(doc, sentence, quoted.overlapping(sentence.start, sentence.end))
        values += _values_in_sentence(doc, document, sentence, tense, names, every_entity, candidates)
    mentions = merge_mentions(entities, values, names.spans)
    assign_roles(doc, mentions, sentences, nlp)
    headline_roles(nlp, body, mentions)
    return Annotation(document=document.id, sentences=sentences, mentions=mentions, quotes=quotes, method=METHOD)


# --- sentences ----------------------------------------------------------------------------


def split_sentences(doc, body: str | None = None) -> list[Sentence]:
    """spaCy's sentences, also split at paragraph breaks and at line breaks before a capital, and trimmed."""
    body = doc.text if body is None else body
    sentences = []
    for sent in doc.sents:
        for start, end in _split_lines(body, sent.start_char, sent.end_char):
            while start < end and body[start].isspace():
                start += 1
            while end > start and body[end - 1].isspace():
                end -= 1
            if end > start:
                sentences.append(Sentence(start, end, body[start:end]))
    return sentences


def _split_lines(body: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Pieces of [start, end) cut at blank lines, and at single line breaks not followed by a lower-case letter
    (a hard-wrapped line goes on in lower case; a heading, a byline or a new paragraph does not)."""
    piece = start
    for match in re.finditer(r"\n[ \t]*(?:\n\s*)?", body[start:end]):
        cut = start + match.start()
        following = body[start + match.end() : start + match.end() + 1]
        if "\n" in match.group()[1:] or not following.islower():
            yield piece, cut
            piece = start + match.end()
    yield piece, end


def sentence_tense(doc, sentence: Sentence, quoted: list[tuple[int, int]] = ()) -> str | None:
    """ "past", "future" or None (present or unknown) for a sentence, from its verbs' tags and future markers.

    Words inside quotation marks (quoted spans in body offsets) do not count: in "“We will
    return,” she said on Monday" the report is in the past.
    """
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return None
    text = sentence.text
    for start, end in quoted:
        a, b = max(start, sentence.start) - sentence.start, min(end, sentence.end) - sentence.start
        if a < b:
            text = text[:a] + " " * (b - a) + text[b:]
    if _FUTURE_MARKERS.search(text):
        return "future"
    root = span.root
    if root.tag_.startswith("VB") or root.tag_ == "MD":
        verbs = [root] + [c for c in root.children if c.dep_ in ("aux", "auxpass")]
        if any(v.tag_ == "VBD" for v in verbs):
            return "past"
        if root.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in root.children):
            return "past"  # "V enlisted in December": the small model often tags a bare past as VBN
        return None
    # The parse found no verb at the root ("The band toured in May" read as a noun phrase).
    if any(
        t.tag_ == "VBD" or (t.tag_ == "VBN" and not any(c.dep_.startswith("aux") for c in t.children)) for t in span
    ):
        return "past"
    return None


_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s*$")
_REPORTING = frozenset({"say", "tell", "report", "announce", "confirm", "add", "note", "write", "state", "claim"})


def scheduled_times(doc, sentence: Sentence) -> list[tuple[int, int]]:
    """Spans (sentence offsets) of times a present-tense verb of a body sentence takes as its own: a plan
    ("Her tour opens in Busan on April 12, her agency said"; "The trial resumes Monday").

    A headline tells past events in the present ("Storm hits coast on January 9"); one is told apart by
    having no full stop. Reporting verbs in the present ("she says on Monday") tell of the saying, not a plan;
    a time inside a phrase hung on the verb ("remains in custody after her arrest on Monday") is the other
    event's.
    """
    if not _SENTENCE_END.search(sentence.text):
        return []
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return []
    plans = []
    for verb in span:
        if verb.tag_ not in ("VBZ", "VBP") or verb.dep_ in ("aux", "auxpass") or verb.lemma_ in _REPORTING:
            continue
        for child in verb.children:
            if child.dep_ in ("npadvmod", "tmod"):
                first, last = child.left_edge, child.right_edge
            elif child.dep_ == "prep":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if not objects:
                    continue
                first, obj = child, objects[0]
                # the day's own words after it ("April 12", "Friday, March 3"), not a phrase hung on it
                tail = [c.right_edge for c in obj.children if c.i > obj.i and c.dep_ in ("nummod", "compound", "appos")]
                last = max([obj, *tail], key=lambda t: t.i)
            else:
                continue
            start = max(first.idx, sentence.start) - sentence.start
            end = min(last.idx + len(last.text), sentence.end) - sentence.start
            plans.append((start, end))
    return plans


# --- times and quantities -----------------------------------------------------------------


class _Spans:
    """Spans (start, end, ...) sorted by start, answering "which overlap [a, b)?" without a full scan."""

    def __init__(self, spans: list[tuple]) -> None:
        self.spans = sorted(spans)
        self.starts = [s[0] for s in self.spans]
        self.longest = max((s[1] - s[0] for s in self.spans), default=0)

    def overlapping(self, a: int, b: int) -> list[tuple]:
        low = bisect.bisect_left(self.starts, a - self.longest)
        high = bisect.bisect_left(self.starts, b)
        return [s for s in self.spans[low:high] if s[1] > a]


def _values_in_sentence(
    doc, document: Document, sentence: Sentence, tense: str | None, names: _Spans, every_entity: _Spans,
    candidates: _Spans,
) -> list[Mention]:
    """Times and quantities of one sentence, offsets moved into the body."""
    base, limit = sentence.start, sentence.end
    time_candidates, quantity_candidates = [], []
    for ent_start, ent_end, label in candidates.overlapping(base, limit):
        start, end = max(ent_start, base), min(ent_end, limit)
        if names.overlapping(start, end):
            continue  # "Spring Day" in quotes is a song, not a date
        if label in TIME_LABELS:
            time_candidates.append((start - base, end - base))
        elif label in QUANTITY_LABELS:
            quantity_candidates.append((start - base, end - base, label))
    plans = scheduled_times(doc, sentence)
    times = find_times(sentence.text, document.published, document.published_precision, tense, time_candidates, plans)
    time_spans = [(m.start, m.end) for m in times]
    exclude = time_spans + [(a - base, b - base) for a, b in every_entity.overlapping(base, limit)]
    quantity_candidates = [c for c in quantity_candidates if not any(c[0] < b and a < c[1] for a, b in time_spans)]
    quantities = find_quantities(sentence.text, quantity_candidates, exclude)
    moved = []
    for mention in times + quantities:
        mention.start += base
        mention.end += base
        mention.text = document.body[mention.start : mention.end]
        moved.append(mention)
    return moved


def merge_mentions(entities: list[Mention], values: list[Mention], names) -> list[Mention]:
    """One list of mentions, sorted by position, without contradictory overlaps.

    - a time or quantity inside a person's name or a work's title is dropped ("V" is not five);
    - a time wins over a quantity it overlaps ("2024" in "January 23, 2024");
    - of two overlapping times (or two quantities) the longer stays;
    - a value nested inside an org, place or event ("the 2024 Academy Awards") stays beside it;
    - an entity inside a resolved time expression is dropped ("KST" is a zone, not a person).
    """
    kept: list[Mention] = []
    # A name inside a time expression is the model misreading it ("KST" in "midnight KST on February 21").
    times = [v for v in values if v.kind in ("date", "time") and v.value]
    misread = [e for e in entities if any(t.start <= e.start and e.end <= t.end and (t.end - t.start) > (e.end - e.start) for t in times)]
    if misread:
        entities = [e for e in entities if e not in misread]
        names = [(a, b) for a, b in names if not any(a == e.start and b == e.end for e in misread)]
    values = [v for v in values if not any(v.start < b and a < v.end for a, b in names)]
    ordered = sorted(values, key=lambda m: (m.kind not in TIME_KINDS, -(m.end - m.start), m.start))
    for mention in ordered:
        if any(mention.start < other.end and other.start < mention.end for other in kept):
            continue
        kept.append(mention)
    return sorted(entities + kept, key=lambda m: (m.start, -m.end, m.kind))
