"""The command line, as a user runs it: a real process, a real database file."""

import json
import os
import subprocess
import sys

from conftest import NEWS_SEED, REVIEW_SEED, article, need


def corroborator(*args, cwd, stdin=None, env=None):
    return subprocess.run(
        [sys.executable, "-m", "corroborator", *args],
        cwd=cwd, input=stdin, capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=120,
    )


def test_ingest_then_export_json_follows_the_contract(tmp_path):
    need(NEWS_SEED)
    result = corroborator("ingest", str(NEWS_SEED), str(REVIEW_SEED), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "corroborator.db").exists()
    exported = json.loads(corroborator("export", "--format", "json", cwd=tmp_path).stdout)
    assert set(exported) == {"documents", "rejected", "stories"}
    review = next(d for d in exported["documents"] if d["source"] == "Substack")
    assert set(review) == {"id", "path", "url", "source", "authors", "published", "title", "body", "words",
                           "comments", "duplicate_of"}
    assert review["path"] == str(REVIEW_SEED)
    assert review["authors"] == ["Jae-Ha Kim"]
    assert review["published"] == "2024-01-23T00:00:00+00:00"
    assert review["comments"] == 5


def test_rejections_are_shown_recorded_and_set_the_exit_status(tmp_path):
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "good.txt").write_text("Harbour Board Meets\n\n" + article())
    result = corroborator("ingest", str(tmp_path), cwd=tmp_path, env={"CORROBORATOR_DB": str(tmp_path / "x.db")})
    assert result.returncode == 3
    assert f"rejected {tmp_path / 'empty.html'}: empty" in result.stderr
    # Piped: no progress bar and no summary table on stdout.
    assert result.stdout == ""
    rejected = json.loads(corroborator("--db", str(tmp_path / "x.db"), "rejected", "--json", cwd=tmp_path).stdout)
    assert rejected == [{"path": str(tmp_path / "empty.html"), "reason": "empty: the input has no bytes"}]


def test_stdin_dash_reads_a_piped_page(tmp_path):
    result = corroborator("ingest", "-", cwd=tmp_path, stdin="Harbour Board Meets\n\n" + article())
    assert result.returncode == 0, result.stderr
    documents = json.loads(corroborator("documents", "--json", cwd=tmp_path).stdout)
    assert [d["title"] for d in documents] == ["Harbour Board Meets"]


def test_doc_shows_one_document_by_id_prefix(tmp_path):
    need(REVIEW_SEED)
    corroborator("ingest", str(REVIEW_SEED), cwd=tmp_path)
    document_id = json.loads(corroborator("documents", "--json", cwd=tmp_path).stdout)[0]["id"]
    shown = json.loads(corroborator("doc", document_id[:8], "--json", cwd=tmp_path).stdout)
    assert shown["id"] == document_id and shown["paths"] == [str(REVIEW_SEED)]
    missing = corroborator("doc", "ffffffffffff", cwd=tmp_path)
    assert missing.returncode == 1 and "no document with id" in missing.stderr


def test_reading_commands_on_a_missing_database_say_what_to_do(tmp_path):
    result = corroborator("documents", cwd=tmp_path)
    assert result.returncode == 1
    assert "no database at corroborator.db" in result.stderr
    assert not (tmp_path / "corroborator.db").exists()


def test_recluster_regroups_a_reconciled_store_and_reconciles_it_again(tmp_path):
    need(NEWS_SEED)
    assert corroborator("run", str(NEWS_SEED), str(REVIEW_SEED), cwd=tmp_path).returncode == 0
    before = json.loads(corroborator("stories", "--json", cwd=tmp_path).stdout)
    result = corroborator("recluster", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "2 documents in 1 story"
    after = json.loads(corroborator("stories", "--json", cwd=tmp_path).stdout)
    assert after == before and sum(after[0]["verdicts"].values()) > 0  # the same story, reconciled again


def test_run_piped_prints_the_markdown_as_written(tmp_path):
    need(NEWS_SEED)
    result = corroborator("run", str(NEWS_SEED), str(REVIEW_SEED), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    # An evidence value in brackets is Markdown text, not console markup to swallow; long lines stay whole.
    assert "unknown outlet" in result.stdout and "[about 5.5 minutes]: “The five-and-a-half minute video" in result.stdout
    assert "\n| 2023-12-11 | END NOTE: I know that this music video was filmed before V enlisted" in result.stdout


def test_run_lists_each_input_it_rejected_once_and_only_its_own(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "blank.txt").write_text("   \n")
    assert corroborator("ingest", str(tmp_path / "old"), cwd=tmp_path).returncode == 3
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "empty.html").write_bytes(b"")
    (tmp_path / "new" / "good.txt").write_text("Harbour Board Meets\n\n" + article())
    result = corroborator("run", str(tmp_path / "new"), cwd=tmp_path)
    assert result.returncode == 3, result.stderr
    shown = result.stdout + result.stderr
    assert shown.count("empty.html") == 1 and "1 rejected input" in result.stdout
    assert "blank.txt" not in shown  # rejected by an earlier ingest, not by this run


def test_terminal_tables_show_article_text_as_written():
    from rich.console import Console

    from corroborator.present import tables

    record = {"title": "Minister [sic] resigns", "authors": [], "source": "Wire [beta]", "published": None,
              "body": "“He [the minister] will go,” she said.", "comments": 0,
              "mentions": [{"kind": "person", "text": "[the minister]", "value": None, "precision": None, "key": None}],
              "quotes": [{"kind": "speech", "speaker": "she", "text": "He [the minister] will go,"}]}
    console = Console(width=200, record=True)
    console.print(tables.document_view(record))
    shown = console.export_text()
    assert shown.count("[the minister]") == 3 and "Minister [sic] resigns" in shown
    console.print(tables.stories_table([{"id": "s1", "title": "Quake [live] updates", "first_seen": None,
                                        "documents": ["d1"], "sources": ["a"], "verdicts": {}}]))
    assert "Quake [live] updates" in console.export_text()


def test_documents_table_shows_zoned_times_and_whole_ids_in_a_piped_width():
    from rich.console import Console

    from corroborator.model import Document
    from corroborator.present import tables

    documents = [
        Document(id="1f6cd349bb8b8a4b", path="a.txt", body="x", title="Earthquake kills at least 9 in Lirenia highlands",
                 source="Northgate Courier", published="2025-03-10T00:00:00+00:00", published_precision="day",
                 duplicate_of="4c351dd217566198"),
        Document(id="9b0c44d03fc12e54", path="b.html", body="y", title="Mirae’s ‘Salt Lantern’ gets a rapturous premiere",
                 source="Pacific Daily Signal", published="2025-02-18T16:20:00-08:00", published_precision="minute"),
    ]
    console = Console(width=140, record=True)  # the CLI's width when piped
    console.print(tables.documents_table(documents))
    shown = console.export_text()
    assert "4c351dd217566198" in shown and "2025-02-18 16:20 UTC-08:00" in shown
    assert max(len(line) for line in shown.splitlines()) <= 140


def test_empty_lists_say_so_in_one_line(tmp_path):
    (tmp_path / "good.txt").write_text("Harbour Board Meets\n\n" + article())
    assert corroborator("ingest", str(tmp_path / "good.txt"), cwd=tmp_path).returncode == 0
    assert corroborator("rejected", cwd=tmp_path).stdout == "No rejected inputs.\n"
    assert corroborator("stories", cwd=tmp_path).stdout.startswith("No stories yet: `corroborator build`")
    assert json.loads(corroborator("stories", "--json", cwd=tmp_path).stdout) == []


def test_source_names_the_outlet_of_pages_that_do_not_name_one(tmp_path):
    need(NEWS_SEED)
    (tmp_path / "pasted.txt").write_text("Harbour Board Meets\n\n" + article())
    result = corroborator("ingest", "--source", "Coastal Courier", str(tmp_path / "pasted.txt"), str(REVIEW_SEED),
                          cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    exported = json.loads(corroborator("export", "--format", "json", cwd=tmp_path).stdout)
    sources = {d["path"]: d["source"] for d in exported["documents"]}
    assert sources[str(tmp_path / "pasted.txt")] == "Coastal Courier"
    assert sources[str(REVIEW_SEED)] == "Substack"  # a page that names its outlet keeps it
