"""Quotes on the real spaCy pipeline: marks, spans over sentences and paragraphs, speakers and kinds."""

from __future__ import annotations

import pytest

from corroborator.annotate import load_pipeline
from corroborator.annotate.quotes import find_quotes, is_title_like


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


def quotes(nlp, body):
    found = find_quotes(body, nlp(body))
    for quote in found:
        assert body[quote.start : quote.end] == quote.text
    return found


def only(found, kind=None):
    chosen = [q for q in found if kind is None or q.kind == kind]
    assert len(chosen) == 1, [(q.kind, q.text) for q in found]
    return chosen[0]


def test_quotes_straight_marks_with_said_after_the_speaker(nlp):
    quote = only(quotes(nlp, 'The harbour master said, "We will reopen the pier by spring."'))
    assert quote.text == "We will reopen the pier by spring."
    assert quote.kind == "speech" and quote.speaker == "The harbour master"


def test_quotes_curly_marks_with_said_before_the_speaker(nlp):
    quote = only(quotes(nlp, "“Nobody is leaving this valley,” said Maria Santos on Tuesday."))
    assert quote.text == "Nobody is leaving this valley,"
    assert quote.speaker == "Maria Santos"


def test_quotes_speaker_then_told(nlp):
    quote = only(quotes(nlp, "“The numbers are clear and they are final,” Paul Hartley told reporters."))
    assert quote.speaker == "Paul Hartley"


def test_quotes_according_to(nlp):
    body = "The mill will shut down, “because orders collapsed in the winter,” according to Helen Price."
    assert only(quotes(nlp, body)).speaker == "Helen Price"


def test_quotes_speaker_in_the_sentence_before_a_quoted_paragraph(nlp):
    body = (
        "In a long interview, Jonas Weber explained why the roof has no beams.\n\n"
        "“Every wall carries the roof. Nothing here is decorative. We wanted it plain.”"
    )
    quote = only(quotes(nlp, body))
    assert quote.speaker == "Jonas Weber"
    assert quote.text.count(".") == 3  # one quote over three sentences


def test_quotes_run_over_paragraphs_by_convention(nlp):
    body = (
        "“We counted every boat that came in. Most were empty.\n\n"
        "“By noon the harbour was silent,” the fisherman Aldo Ricci said."
    )
    quote = only(quotes(nlp, body))
    assert quote.text.startswith("We counted") and quote.text.endswith("silent,")


def test_quotes_nested_single_quoted_title_is_a_work_inside_a_speech_quote(nlp):
    body = "“She called the album ‘Glass Harbour’ and then she left town,” her manager said."
    found = quotes(nlp, body)
    assert only(found, "speech").speaker == "her manager"
    assert only(found, "title").text == "Glass Harbour"


def test_quotes_quoted_title_case_name_is_a_title_not_speech(nlp):
    found = quotes(nlp, "Her debut film “Quiet Harbor Lights” opened in forty cinemas.")
    assert only(found).kind == "title"


def test_quotes_nickname_inside_a_name_is_neither_title_nor_quote(nlp):
    assert quotes(nlp, "Prosecutors said Salvatore “The Hammer” Russo ran the docks for years.") == []


def test_quotes_after_singing_words_are_lyrics(nlp):
    found = quotes(nlp, "In the chorus she sings of her home: “Hold the lantern high, never let it fall.”")
    assert only(found).kind == "lyric"
    found = quotes(nlp, "“I kept your letters in the rain,” he croons over a soft piano.")
    assert only(found).kind == "lyric"


def test_quotes_with_lines_set_out_by_slashes_are_lyrics(nlp):
    found = quotes(nlp, "The bridge is the best part: “Carry me home / over the river / into the light.”")
    assert only(found).kind == "lyric"


def test_quotes_in_sign_language_posts_and_signs_are_written(nlp):
    body = "“Thank you for staying with us tonight,” the actor said in sign language."
    assert only(quotes(nlp, body)).kind == "written"
    body = "The council posted on Instagram: “All roads into the old town are closed until noon.”"
    assert only(quotes(nlp, body)).kind == "written"
    body = "A sign at the gate read “No visitors after dark, by order of the warden.”"
    assert only(quotes(nlp, body)).kind == "written"


def test_quotes_unclosed_mark_ends_at_the_attribution(nlp):
    found = quotes(nlp, "“We waited the whole night for news, she whispered, as the doors finally opened.")
    quote = only(found)
    assert quote.text == "We waited the whole night for news"


def test_quotes_unclosed_mark_ends_at_a_single_line_paragraph_break(nlp):
    body = "“Nobody told us the river would rise so fast\nThe council met again on Monday."
    assert only(quotes(nlp, body)).text == "Nobody told us the river would rise so fast"


def test_quotes_closing_mark_typed_the_wrong_way_round(nlp):
    quote = only(quotes(nlp, "“The gates open again at noon on Sunday“, the warden Ilse Brandt said."))
    assert quote.text == "The gates open again at noon on Sunday" and quote.speaker == "Ilse Brandt"


def test_quotes_scare_quotes_and_apostrophes_are_not_quotes(nlp):
    assert quotes(nlp, "The so-called “reform” failed within a month.") == []
    assert quotes(nlp, "The players’ union rejected the clubs’ offer and the league's plan.") == []


def test_is_title_like_accepts_titles_and_rejects_sentences():
    assert is_title_like("Love in the Time of Storms")
    assert is_title_like("No Man’s Land")
    assert not is_title_like("we will rebuild the bridge")
    assert not is_title_like("It Is Over. Go Home.")
