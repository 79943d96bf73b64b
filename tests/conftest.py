"""Shared fixtures: the real SQLite store in a temporary folder, and paths to shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborator.store.db import Database

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
BENCHMARKS = SHARED / "benchmarks"
EXAMPLES = ROOT / "examples"
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


def article(words: int = 60, seed: str = "harbour") -> str:
    """A plain body of distinct sentences, long enough to count as an article."""
    sentences = [
        f"The {seed} council met on day {i} to discuss the ferry timetable and the cost of repairs number {i}."
        for i in range(words // 15 + 1)
    ]
    return "\n\n".join(sentences)
