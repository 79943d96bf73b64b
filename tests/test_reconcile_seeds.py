"""The founding example end to end: the two seed articles become one story with the findings a reader expects."""

from __future__ import annotations

import pytest

from corroborator.present.export import story_full_record
from corroborator.stories import list_stories

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def story(seeds_database):
    (only,) = list_stories(seeds_database)
    return story_full_record(seeds_database, only.id)


def _with(findings, *words):
    return [f for f in findings if any(all(w in e["sentence"] for w in words) for e in f["evidence"])]


def test_the_seeds_form_one_story_from_two_sources(story):
    assert len(story["documents"]) == 2
    assert len(story["sources"]) == 2


def test_the_director_is_corroborated_by_both_under_either_spelling(story):
    (finding,) = _with(story["findings"], "director Um Tae")
    assert finding["verdict"] == "corroborated"
    assert len({e["document"] for e in finding["evidence"]}) == 2
    assert "Um Tae Hwa" in finding["explanation"] and "Um Tae-hwa" in finding["explanation"]


def test_the_two_durations_are_aligned_without_conflict(story):
    (finding,) = _with(story["findings"], "5-minutes 23-seconds")
    assert finding["verdict"] == "corroborated"
    assert {e["value"] for e in finding["evidence"]} == {"~330 s", "323 s"}


def test_vs_enlistment_dec_2023_and_december_11_do_not_conflict(story):
    findings = _with(story["findings"], "enlisted")
    assert findings and all(f["verdict"] == "corroborated" for f in findings)
    assert {e["value"] for f in findings for e in f["evidence"]} >= {"2023-12", "2023-12-11"}


def test_spring_day_is_single_source_to_the_review(story):
    findings = _with(story["findings"], "Spring Day")
    assert findings and all(f["verdict"] == "single_source" for f in findings)
    assert {e["source"] for f in findings for e in f["evidence"]} == {"Substack"}


def test_the_march_tour_is_single_source_to_the_news_item(story):
    (finding,) = _with(story["findings"], "embark on a tour in March")
    assert finding["verdict"] == "single_source"
    assert finding["evidence"][0]["source"] != "Substack"


def test_no_conflict_is_reported_between_the_seeds(story):
    assert [f for f in story["findings"] if f["verdict"] == "conflict"] == []


def test_the_timeline_holds_the_dated_events(story):
    dates = {event["date"] for event in story["timeline"]}
    assert {"2023-12-11", "2023-12-27", "2024-01-23", "2025-03", "2014-04"} <= dates
    enlistment = next(e for e in story["timeline"] if e["date"] == "2023-12-11")
    assert len(enlistment["documents"]) == 2


def test_the_entity_index_merges_spellings(story):
    people = {e["key"]: e for e in story["entities"] if e["kind"] == "person"}
    director = next(e for e in people.values() if "Um Tae" in e["name"])
    assert {director["name"], *director["aliases"]} >= {"Um Tae Hwa", "Um Tae-hwa"}
    assert len(director["documents"]) == 2
