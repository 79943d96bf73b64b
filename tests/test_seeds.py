"""The founding example: the two seed articles, read from ../shared/seeds."""

import pytest

from corroborator.ingest.pipeline import read
from corroborator.model import Document, Input

from conftest import NEWS_SEED, REVIEW_SEED, need


def _read(path) -> Document:
    need(path)
    document = read(Input(str(path), path.read_bytes()))
    assert isinstance(document, Document), document
    return document


@pytest.fixture(scope="module")
def news():
    return _read(NEWS_SEED)


@pytest.fixture(scope="module")
def review():
    return _read(REVIEW_SEED)


def test_news_item_title_has_no_section_suffix(news):
    assert news.title == "IU And BTS’ V Bring A Searing Tale Of Love And Loss In ‘Love Wins All’"


def test_news_item_body_starts_at_its_dateline(news):
    assert news.body.startswith("New Delhi: K-pop star IU once again gives a heart-rending")


def test_news_item_body_is_complete_and_free_of_the_comment_form(news):
    assert news.body.endswith("V enlisted in the military in Dec 2023 and is expected to return in March 2025.")
    assert "Leave a Reply" not in news.body and "email address" not in news.body
    assert news.comment_count == 0


def test_review_metadata(review):
    assert review.title == "IU’s Evocative “Love Wins All” Music Video (featuring V) is Thought-Provoking"
    assert review.authors == ["Jae-Ha Kim"]
    assert review.source == "Substack"
    assert review.published.startswith("2024-01-23")
    assert review.published_precision == "day"
    assert review.comment_count == 5


def test_review_body_is_complete_and_free_of_footer_and_comment_form(review):
    assert review.body.startswith("The K-pop idol and actress IU released her latest single")
    assert review.body.endswith("It is a must-see.")
    for furniture in ("All Rights Reserved", "thoughts on", "Leave a Reply", "Required fields", "By Jae-Ha Kim"):
        assert furniture not in review.body
    # Quoted passages inside the body (the Boltanski interview) stay in it.
    assert "There is no more individuality.”" in review.body
