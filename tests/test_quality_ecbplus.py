"""Quality floors on ECB+ (../shared/benchmarks/ecbplus), labelled public news: story grouping, and conflicts
found among changed values with few false ones. The full tables, and how they are measured, are the benchmarks'
(benchmarks/stories.py, benchmarks/reconcile.py); these tests hold the product above floors a little under
what those tables measure, so a change that loses quality fails here."""

from __future__ import annotations

import sys

import pytest

from conftest import BENCHMARKS, ROOT, need

sys.path.insert(0, str(ROOT / "benchmarks"))

# B³ F1 of a recluster at the product's link threshold on the test topics 18–35; measured 0.932 (stories v10,
# annotate v51; the same at stories v9, annotate v50; 0.934 with annotate v41, 0.935 with annotate v38, 0.911 with
# stories v2), against 0.874 for the TF-IDF average-link baseline.
STORIES_F1_FLOOR = 0.92
# The same, one document at a time in (published, id) order as `build` places later documents, at the product's
# join threshold, the one chosen on the dev topics 1–17; measured 0.937 (stories v8; 0.908 at v7's 0.3, 0.824 at the
# dev-chosen threshold before v3); 0.940 with annotate v38; 0.953 with stories v9 (a lost euro sign read);
# 0.944 with annotate v41 (a headline's roles read in sentence case move one topic's reports apart); 0.939 with
# annotate v50 (people given roles weigh more, and one topic's reports of a shooting and of its verdict stay apart);
# 0.944 with stories v10 (a column mainly about one player, reporting another's injury, stays with that injury).
SINGLE_PASS_F1_FLOOR = 0.94
# Changes drawn with seed 7 over all 35 topics (255 changes, names drawn from ECB+'s people): the share found
# between the changed sentence and a counterpart ECB+ annotates; measured 80.4 % (reconcile v115, annotate v55;
# 79.2 % at reconcile v110, 77.3 % at v96, 75.7 % at v87, 74.9 % at v81, 72.2 % at v72).
FOUND_FLOOR = 0.79
# False conflicts per unchanged story (those not read as real in benchmarks/reconcile_alarms.csv): measured
# 0.030 (reconcile v74); the aim is at most 0.1.
FALSE_PER_STORY_CEILING = 0.10

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def ecbplus():
    return need(BENCHMARKS / "ecbplus")


@pytest.fixture(scope="module")
def test_topics(ecbplus, tmp_path_factory):
    """The ECB+ test topics annotated in a store, and each document's gold story."""
    import stories as bench

    articles = bench.read_ecbplus(bench.TEST_TOPICS)
    database = bench._database(articles, tmp_path_factory.mktemp("ecbplus") / "ecbplus.db", annotate=True)
    yield database, {a.name: a.story for a in articles}
    database.close()


def test_story_grouping_floor_on_the_ecbplus_test_topics(test_topics):
    import stories as bench
    from corroborator.stories.decide import Settings

    database, gold = test_topics
    threshold = Settings().link_threshold
    predicted = bench.ours(database, [threshold], require_annotation=True)[threshold]
    precision, recall, f1 = bench.b_cubed(predicted, gold)
    assert f1 >= STORIES_F1_FLOOR, f"B³ F1 {f1:.3f} (P {precision:.3f}, R {recall:.3f}) fell below {STORIES_F1_FLOOR}"


def test_one_document_at_a_time_grouping_floor_on_the_ecbplus_test_topics(test_topics):
    import stories as bench
    from corroborator.stories.decide import Settings

    database, gold = test_topics
    threshold = Settings().join_threshold
    predicted = bench.ours(database, [threshold], require_annotation=True, single_pass=True)[threshold]
    precision, recall, f1 = bench.b_cubed(predicted, gold)
    assert f1 >= SINGLE_PASS_F1_FLOOR, (
        f"B³ F1 {f1:.3f} (P {precision:.3f}, R {recall:.3f}) fell below {SINGLE_PASS_F1_FLOOR}")


@pytest.fixture(scope="module")
def measured(ecbplus):
    import reconcile as bench

    return bench.measure(range(1, 36), per_story=4, seeds=[7])


def test_conflicts_found_among_changed_values_floor(measured):
    found = sum(1 for _, strict, *_ in measured.outcomes if strict) / len(measured.outcomes)
    assert len(measured.outcomes) > 200
    assert found >= FOUND_FLOOR, f"{found:.1%} of {len(measured.outcomes)} changes found, below {FOUND_FLOOR:.0%}"


def test_false_conflicts_per_unchanged_story_ceiling(measured):
    false = measured.false_per_story()
    assert false <= FALSE_PER_STORY_CEILING, (
        f"{false:.2f} false conflicts per unchanged story, above {FALSE_PER_STORY_CEILING}; "
        f"read the new ones with benchmarks/reconcile.py --alarms-only --sample 0")
