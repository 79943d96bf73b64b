"""Shared fixtures: the real SQLite store in a temporary folder, and paths to shared data."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from corroborator.store.db import Database

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
BENCHMARKS = SHARED / "benchmarks"
EXAMPLES = ROOT / "examples"
EXPECTED_EXAMPLES = ROOT / "tests" / "expected" / "examples.json"
NEWS_SEED = SEEDS / "000_c3ea8a8a61ac157e.txt"
REVIEW_SEED = SEEDS / "003_392f450d39c9b5af.txt"


def need(path: Path) -> Path:
    """Skip the test when shared data is not beside the checkout (it is in CI)."""
    if not path.exists():
        pytest.skip(f"{path} is not present; it lives in ../shared beside the project")
    return path


@pytest.fixture
def database(tmp_path: Path) -> Database:
    with Database(tmp_path / "corroborator.db") as db:
        yield db


_NOUNS = "council ferry harbour budget storm bridge school market river festival museum railway court hospital".split()
_VERBS = "approved delayed reviewed funded opposed praised inspected closed reopened expanded".split()
_PLACES = "Portsmouth Aberdeen Cork Bergen Lisbon Gdansk Riga Tallinn Bilbao Genoa Split Varna".split()


def article(words: int = 60, seed: str = "harbour") -> str:
    """A plain body of varied sentences, long enough to count as an article; another seed gives another text."""
    rng = random.Random(seed)
    sentences, count = [], 0
    while count < words:
        sentence = (
            f"The {rng.choice(_NOUNS)} board in {rng.choice(_PLACES)} {rng.choice(_VERBS)} the "
            f"{rng.choice(_NOUNS)} plan on day {rng.randint(1, 28)} after {rng.randint(2, 900)} residents wrote in."
        )
        sentences.append(sentence)
        count += len(sentence.split())
    return "\n\n".join(sentences)


@pytest.fixture(scope="session")
def seeds_database(tmp_path_factory):
    """The two seeds, run through the whole flow (ingest and build) into a real SQLite file."""
    from corroborator.build import build
    from corroborator.ingest.pipeline import ingest_paths

    need(NEWS_SEED)
    with Database(tmp_path_factory.mktemp("seeds") / "corroborator.db") as db:
        ingest_paths(db, [str(NEWS_SEED), str(REVIEW_SEED)])
        build(db)
        yield db


@pytest.fixture(scope="session")
def examples_database(tmp_path_factory):
    """The sample corpus, run through the whole flow into a real SQLite file."""
    from corroborator.build import build
    from corroborator.ingest.pipeline import ingest_paths

    with Database(tmp_path_factory.mktemp("examples") / "corroborator.db") as db:
        ingest_paths(db, [str(EXAMPLES)])
        build(db)
        yield db
