"""The report's rendering of evidence values: what was compared, as a reader reads it."""

from __future__ import annotations

import pytest

from corroborator.present.report import counted, shown_value, span, story_html, story_markdown, when


@pytest.mark.parametrize("value, shown", [
    ("148320000000 s", "41,200,000 hours"),  # 41.2 million hours, stored in seconds
    ("~1800 s", "about 30 minutes"),
    ("2025-02-18", "2025-02-18"),
    (None, None),
])
def test_a_duration_is_shown_in_the_unit_it_is_a_whole_number_of(value, shown):
    assert shown_value(value) == shown


@pytest.mark.parametrize("value, shown", [
    ("~25000 people", "about 25,000 people"),
    (">=23 people", "at least 23 people"),
    (">80%", "more than 80%"),
    ("2500000 USD", "2,500,000 USD"),
    ("1200 square kilometres", "1,200 square kilometres"),
    ("1987", "1987"),  # a year, or a bare number, as written
    ("2025-03-10T21:15", "2025-03-10T21:15"),
    ("--03", "March, no year given"),  # "in March", in a report that gives no date
    ("--04-15", "April 15, no year given"),
    ("7 people were hurt in the blast", "7 people were hurt in the blast"),  # a quote
])
def test_a_figure_is_shown_as_a_reader_writes_it(value, shown):
    assert shown_value(value) == shown


@pytest.mark.parametrize("value, words, shown", [
    ("129600000000 s", "36 million hours", "36,000,000 hours"),  # not "1,500,000 days"
    ("2419200 s", "28 days", "28 days"),  # not "4 weeks"
    ("~330 s", "five-and-a-half minute", "about 5.5 minutes"),
    ("~1800 s", "half an hour", "about 30 minutes"),
    ("323 s", "5-minutes 23-seconds", "5 minutes 23 seconds"),  # beside another's "about 5.5 minutes"
    ("7320 s", "2 hours and 2 minutes", "2 hours 2 minutes"),
    ("61 s", "1 minute 1 second", "1 minute 1 second"),
    ("129600000000 s", None, "1,500,000 days"),
])
def test_a_duration_is_shown_in_the_unit_its_words_name(value, words, shown):
    assert shown_value(value, words) == shown


def test_the_markdown_and_html_reports_show_a_duration_readably():
    sentence = "The first film was viewed for 41.2 million hours in its first 28 days."
    story = {
        "id": "s1", "title": "Sequel ordered", "first_seen": None, "last_seen": None, "documents": ["d1"],
        "sources": ["Pacific Daily Signal"], "timeline": [], "entities": [], "related": [],
        "findings": [{
            "verdict": "single_source", "statement": sentence, "attribute": "duration",
            "explanation": "only Pacific Daily Signal states this",
            "evidence": [{"document": "d1", "sentence": sentence, "value": "148320000000 s", "source": "Pacific Daily Signal",
                          "published": None, "start": 0, "end": len(sentence), "value_text": "41.2 million hours"}],
        }],
    }
    assert "[41,200,000 hours]" in story_markdown(story)
    html = story_html(story, {"d1": {"id": "d1", "title": "Sequel ordered", "source": "Pacific Daily Signal"}})
    assert "41,200,000 hours" in html and "148320000000" not in html
    evidence = story["findings"][0]["evidence"][0]
    evidence.update(sentence="It logged 36 million hours of viewing.", value="129600000000 s", value_text="36 million hours")
    assert "[36,000,000 hours]" in story_markdown(story)
    html = story_html(story, {"d1": {"id": "d1", "title": "Sequel ordered", "source": "Pacific Daily Signal"}})
    assert "36,000,000 hours" in html and "1,500,000 days" not in html


def test_counts_take_the_number_of_their_noun():
    assert [counted(1, "story"), counted(2, "story"), counted(1, "source"), counted(1200, "document")] == [
        "1 story", "2 stories", "1 source", "1,200 documents"]


def test_a_story_of_one_day_shows_that_day_once():
    assert span("2024-01-23T00:00:00+00:00", "2024-01-23T00:00:00+00:00") == "2024-01-23"
    assert span("2025-03-10T07:40:00+02:00", "2025-03-10T19:45:00+00:00", day=True) == "2025-03-10"
    assert span("2025-03-10T07:40:00+02:00", "2025-03-11T00:00:00+00:00") == "2025-03-10 07:40 UTC+02:00 – 2025-03-11"
    assert [span(None, None), span(None, "2025-03-11T00:00:00+00:00")] == ["undated", "undated – 2025-03-11"]
    story = {"id": "s1", "title": "One day", "first_seen": "2024-01-23T00:00:00+00:00",
             "last_seen": "2024-01-23T00:00:00+00:00", "documents": ["d1"], "sources": ["Substack"], "timeline": [],
             "entities": [], "related": [], "findings": []}
    assert "2024-01-23 – 2024-01-23" not in story_markdown(story) and "); 2024-01-23. " in story_markdown(story)
    html = story_html(story, {"d1": {"id": "d1", "title": "One day", "source": "Substack"}})
    assert "2024-01-23 – 2024-01-23" not in html and "· 2024-01-23" in html


def test_publication_times_show_their_zone_so_outlets_in_different_zones_can_be_ordered():
    # 16:20 in Los Angeles is 09:20 the next morning in Seoul: written without zones, the later report looks earlier.
    assert when("2025-02-18T16:20:00-08:00") == "2025-02-18 16:20 UTC-08:00"
    assert when("2025-02-18T23:05:00+09:00") == "2025-02-18 23:05 UTC+09:00"
    assert when("2025-03-10T19:45:00+00:00") == "2025-03-10 19:45 UTC"
    assert when("2025-03-10T05:30:00+05:30") == "2025-03-10 05:30 UTC+05:30"
    assert when("2025-03-11T00:00:00+00:00") == "2025-03-11"  # only the day is known
    assert when("2025-03-10T07:40:00") == "2025-03-10 07:40" and when(None) == ""
    sentence = "The premiere drew a standing ovation."
    story = {"id": "s1", "title": "Premiere", "first_seen": "2025-02-18T23:05:00+09:00",
             "last_seen": "2025-02-18T16:20:00-08:00", "documents": ["d1", "d2"], "sources": ["Wire", "Signal"],
             "timeline": [], "entities": [], "related": [],
             "findings": [{"verdict": "corroborated", "statement": sentence, "attribute": None,
                           "explanation": "stated by 2 independent sources: Wire, Signal",
                           "evidence": [{"document": "d1", "sentence": sentence, "value": None, "source": "Wire",
                                         "published": "2025-02-18T23:05:00+09:00"},
                                        {"document": "d2", "sentence": sentence, "value": None, "source": "Signal",
                                         "published": "2025-02-18T16:20:00-08:00"}]}]}
    documents = {"d1": {"id": "d1", "title": "Premiere", "source": "Wire", "published": "2025-02-18T23:05:00+09:00"},
                 "d2": {"id": "d2", "title": "Ovation", "source": "Signal", "published": "2025-02-18T16:20:00-08:00"}}
    html = story_html(story, documents)
    assert "2025-02-18 16:20 UTC-08:00" in html and "2025-02-18 23:05 UTC+09:00" in html
    assert "2025-02-18 23:05 UTC+09:00 – 2025-02-18 16:20 UTC-08:00" in story_markdown(story)
