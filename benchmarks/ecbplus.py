"""Reading ECB+ (../shared/benchmarks/ecbplus) for the benchmarks: text rebuilt from tokens, with offsets.

Each document comes back with its text (lightly detokenised), sentences and
markables as character spans, and the cross-document coreference chains its
mentions belong to. A file `N_Mecbplus.xml` belongs to sub-topic "ecbplus" of
topic N and `N_Mecb.xml` to "ecb"; a sub-topic is one story. In the ecbplus
files sentence 0 is the source URL, not text, and is left out.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "ecbplus" / "ECB+"
_NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", "%", ")", "]", "}", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "”", "’s"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "“"}
_NAME = re.compile(r"(?P<topic>\d+)_(?P<number>\d+)(?P<sub>ecbplus|ecb)\.xml$")


@dataclass(slots=True)
class Markable:
    """An annotated mention: its tag (e.g. TIME_DATE, HUMAN_PART_PER, ACTION_OCCURRENCE), span and sentence."""

    m_id: str
    tag: str
    start: int
    end: int
    sentence: int


@dataclass(slots=True)
class Article:
    """One ECB+ document, with the story (topic and sub-topic) it belongs to."""

    name: str
    topic: int
    subtopic: str
    text: str
    sentences: list[tuple[int, int]] = field(default_factory=list)  # character spans, by sentence number order
    sentence_numbers: list[int] = field(default_factory=list)
    markables: list[Markable] = field(default_factory=list)
    chains: dict[str, str] = field(default_factory=dict)  # m_id → cross-document chain id

    @property
    def story(self) -> str:
        return f"{self.topic}{self.subtopic}"

    @property
    def words(self) -> int:
        return len(self.text.split())

    def sentence_of(self, start: int) -> int | None:
        """Index (into `sentences`) of the sentence holding a character offset."""
        for index, (low, high) in enumerate(self.sentences):
            if low <= start < high:
                return index
        return None


def read_article(path: Path) -> Article:
    """Rebuild a document's text from its tokens and locate its sentences, markables and coreference chains."""
    match = _NAME.search(path.name)
    root = ET.parse(path).getroot()
    skip_zero = match.group("sub") == "ecbplus"
    pieces: list[str] = []
    spans: dict[str, tuple[int, int, int]] = {}
    sentences: dict[int, list[int]] = {}
    length, sentence, previous, before_previous, quote_open = 0, None, None, None, False
    for token in root.iter("token"):
        number = int(token.get("sentence"))
        if skip_zero and number == 0:
            continue
        word = token.text or ""
        if word in ('"', "``", "''"):  # straight quotes alternate: an opening one, then a closing one
            word = {"``": "“", "''": "”"}.get(word, "”" if quote_open else "“")
            quote_open = word == "“"
        word = {"-LRB-": "(", "-RRB-": ")"}.get(word, word)
        if sentence is not None and number != sentence:
            separator = "\n\n"
        elif previous is None or word in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER:
            separator = ""
        elif _inside_number(before_previous, previous, word):
            separator = ""
        else:
            separator = " "
        pieces.append(separator)
        length += len(separator)
        spans[token.get("t_id")] = (length, length + len(word), number)
        span = sentences.setdefault(number, [length, length])
        span[1] = length + len(word)
        pieces.append(word)
        length += len(word)
        sentence, previous, before_previous = number, word, previous
    numbers = sorted(sentences)
    article = Article(
        name=path.name,
        topic=int(match.group("topic")),
        subtopic=match.group("sub"),
        text="".join(pieces),
        sentences=[tuple(sentences[n]) for n in numbers],
        sentence_numbers=numbers,
    )
    markables = root.find("Markables")
    for element in markables if markables is not None else ():
        anchors = [spans[a.get("t_id")] for a in element.iter("token_anchor") if a.get("t_id") in spans]
        if anchors:
            article.markables.append(
                Markable(element.get("m_id"), element.tag, min(a[0] for a in anchors), max(a[1] for a in anchors),
                         numbers.index(anchors[0][2]))
            )
    relations = root.find("Relations")
    for relation in relations if relations is not None else ():
        if relation.tag == "CROSS_DOC_COREF":
            for source in relation.iter("source"):
                article.chains[source.get("m_id")] = relation.get("note") or relation.get("r_id")
    return article


def _inside_number(first: str | None, mark: str | None, word: str) -> bool:
    """Whether three tokens are one number or clock time the corpus split apart: "5" "." "4",
    "$2" "." "5", "£1" "." "7m", "100" "," "000", "2" "," "000ft", "8" ":" "24am"."""
    if not first or not first[-1:].isdigit() or not word[:1].isdigit():
        return False
    if mark == ".":
        return re.fullmatch(r"\d+(?:m|bn|mn|k|MM)?", word) is not None
    if mark == ",":
        return word[:3].isdigit() and not word[3:4].isdigit()
    if mark == ":":
        return len(word) >= 2 and word[:2].isdigit()
    return False


def read_corpus(topics=range(1, 36), limit: int | None = None) -> list[Article]:
    """Every document of the given topics, in a stable order."""
    paths = sorted(
        (p for p in DATA.glob("*/*.xml") if int(p.parent.name) in set(topics)),
        key=lambda p: (int(p.parent.name), p.name),
    )
    return [read_article(p) for p in paths[:limit]]


def stories(articles: list[Article]) -> dict[str, list[Article]]:
    """Articles grouped into gold stories (topic and sub-topic)."""
    grouped: dict[str, list[Article]] = {}
    for article in articles:
        grouped.setdefault(article.story, []).append(article)
    return grouped
