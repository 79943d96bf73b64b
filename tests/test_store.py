"""The SQLite store: migrations, WAL, one transaction per batch, idempotent ingest, duplicates."""

import sqlite3

import pytest

from corroborator.ingest.pipeline import ingest_paths
from corroborator.model import Document
from corroborator.ingest.fingerprint import document_id
from corroborator.store import documents as stored
from corroborator.store.db import Database
from corroborator.store.migrations import MIGRATIONS

from conftest import article


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_migrations_are_recorded_and_the_file_is_in_wal_mode(database):
    assert database.applied_migrations() == [name for name, _ in MIGRATIONS]
    assert database.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_applies_no_migration_twice(tmp_path):
    path = tmp_path / "c.db"
    Database(path).close()
    with Database(path) as again:
        assert len(again.applied_migrations()) == len(MIGRATIONS)


def test_ingesting_the_same_input_twice_adds_nothing(tmp_path, database):
    path = _write(tmp_path, "a.txt", "Council Approves Budget\n\n" + article())
    first = ingest_paths(database, [path])
    second = ingest_paths(database, [path])
    assert first.counts["stored"] == 1
    assert second.counts == {"already_stored": 1}
    assert len(list(stored.documents(database))) == 1


def test_an_exact_copy_under_another_name_is_one_document_with_two_paths(tmp_path, database):
    body = article()
    a = _write(tmp_path, "a.txt", "Council Approves Budget\n\n" + body)
    b = _write(tmp_path, "b.txt", "Council Approves Budget | Politics\n\n" + body + "\n\nShare this:\n")
    report = ingest_paths(database, [a, b])
    assert report.counts == {"stored": 1, "exact_duplicate": 1}
    (document,) = stored.documents(database)
    assert stored.paths(database, document.id) == [a, b]


def test_a_syndicated_copy_points_at_its_original(tmp_path, database):
    body = article(200, "harbour")
    original = _write(tmp_path, "wire.txt", "Council Approves Budget\n\nWire Service\nMarch 3, 2025\n\n" + body)
    copy = _write(
        tmp_path, "copy.txt",
        "Council approves budget, says chair\n\nThe Gazette\nMarch 4, 2025\n\n" + body
        + "\n\nThe Gazette contributed reporting from the town hall.",
    )
    ingest_paths(database, [original, copy])
    by_path = {d.path: d for d in stored.documents(database)}
    assert by_path[original].duplicate_of is None
    assert by_path[copy].duplicate_of == by_path[original].id


def test_the_earlier_published_copy_becomes_the_original_whatever_the_order(tmp_path, database):
    body = article(200, "harbour")
    late = _write(tmp_path, "late.txt", "Budget Passes\n\nThe Gazette\nMarch 4, 2025\n\n" + body + "\n\nMore to follow.")
    early = _write(tmp_path, "early.txt", "Budget Passes\n\nWire Service\nMarch 3, 2025\n\n" + body)
    ingest_paths(database, [late])
    ingest_paths(database, [early])
    by_path = {d.path: d for d in stored.documents(database)}
    assert by_path[early].duplicate_of is None
    assert by_path[late].duplicate_of == by_path[early].id


def test_different_articles_are_not_near_duplicates(tmp_path, database):
    a = _write(tmp_path, "a.txt", "Budget Passes\n\n" + article(200, "harbour"))
    b = _write(tmp_path, "b.txt", "Quake Hits Coast\n\n" + article(200, "mountain"))
    ingest_paths(database, [a, b])
    assert all(d.duplicate_of is None for d in stored.documents(database))


def test_a_failed_batch_leaves_nothing_behind(database):
    good = Document(id=document_id("first body"), path="one", body="first body", method="test")
    broken = Document(id=document_id("second body"), path="two", body="second body", method="test")
    broken.authors = object()  # cannot be written: the whole batch must roll back
    with pytest.raises(TypeError):
        stored.write_batch(database, [good, broken])
    assert list(stored.documents(database)) == []
    assert database.connection.execute("SELECT COUNT(*) FROM signature_bands").fetchone()[0] == 0


def test_a_second_writer_waits_rather_than_corrupting(tmp_path):
    path = tmp_path / "c.db"
    with Database(path) as first, Database(path) as second:
        with first.transaction():
            second.connection.execute("PRAGMA busy_timeout = 50")
            with pytest.raises(sqlite3.OperationalError):
                second.connection.execute("BEGIN IMMEDIATE")


def test_a_copy_on_the_same_day_yields_to_the_shorter_body_whatever_the_order(tmp_path):
    body = article(200, "harbour")
    wire = "Budget Passes\n\nWire Service\nMarch 3, 2025 9:00 AM GMT\n\n" + body
    copy = "Budget Passes\n\nThe Gazette\nMarch 3, 2025\n\n" + body + "\n\nThe Gazette added reporting from the town hall."
    originals = set()
    for order in (["wire", "copy"], ["copy", "wire"]):
        with Database(tmp_path / f"{order[0]}.db") as database:
            paths = {"wire": _write(tmp_path, "wire.txt", wire), "copy": _write(tmp_path, "copy.txt", copy)}
            ingest_paths(database, [paths[name] for name in order])
            (original,) = [d for d in stored.documents(database) if d.duplicate_of is None]
            originals.add(original.path)
    assert originals == {str(tmp_path / "wire.txt")}


def test_a_wire_story_stored_after_its_copy_is_reported_as_the_original(tmp_path, database):
    body = article(200, "harbour")
    copy = _write(tmp_path, "copy.txt", "Budget Passes\n\nThe Gazette\nMarch 4, 2025\n\n" + body + "\n\nMore to follow.")
    wire = _write(tmp_path, "wire.txt", "Budget Passes\n\nWire Service\nMarch 3, 2025\n\n" + body)
    ingest_paths(database, [copy])
    report = ingest_paths(database, [wire])
    assert report.counts == {"original": 1}


def test_a_story_is_reconciled_again_when_its_documents_are_annotated_again(tmp_path):
    # A store built by an earlier version: its annotations carry an older method, so a build annotates the
    # documents again, and the stories reading those annotations must be reconciled again too.
    from corroborator.build import build

    body = "The Hollin town council approved the harbour plan on Monday. {} residents wrote in to support it."
    with Database(tmp_path / "c.db") as database:
        stored.write_batch(database, [
            Document("a", "a.txt", body.format("About 300"), source="Harbour Ledger", title="Hollin approves plan"),
            Document("b", "b.txt", body.format("About 300"), source="Meridian Wire", title="Hollin approves plan"),
        ])
        assert build(database).reconciled >= 1
        assert build(database).reconciled == 0
        with database.transaction() as connection:
            connection.execute("UPDATE annotations SET method = 'corroborator.annotate.v0'")
        report = build(database)
        assert report.annotated == 2 and report.reconciled >= 1
