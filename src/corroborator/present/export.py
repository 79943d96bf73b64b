"""The public JSON shapes (DESIGN.md, "The public contract"), built from stored data."""

from __future__ import annotations

from dataclasses import asdict

from corroborator.model import Document, Finding, Rejection
from corroborator.store import annotations as annotated
from corroborator.store import documents as stored
from corroborator.store import reconciled
from corroborator.store.db import Database


def document_record(document: Document) -> dict:
    """A document as the export and the API show it."""
    return {
        "id": document.id,
        "path": document.path,
        "url": document.url,
        "source": document.source,
        "authors": document.authors,
        "published": document.published,
        "title": document.title,
        "body": document.body,
        "words": document.words,
        "comments": document.comment_count,
        "duplicate_of": document.duplicate_of,
    }


def annotated_document_record(database: Database, document: Document) -> dict:
    """A document with its annotations: sentences, mentions and quotes (`doc ID --json`, `/api/documents/ID`)."""
    record = document_record(document)
    record["paths"] = stored.paths(database, document.id)
    record["comment_texts"] = document.comments
    annotation = annotated.annotation(database, document.id)
    record["sentences"] = [asdict(s) for s in annotation.sentences] if annotation else []
    record["mentions"] = [asdict(m) for m in annotation.mentions] if annotation else []
    record["quotes"] = [asdict(q) for q in annotation.quotes] if annotation else []
    return record


def rejection_record(rejection: Rejection) -> dict:
    return {"path": rejection.path, "reason": rejection.reason}


def finding_record(finding: Finding) -> dict:
    return {
        "verdict": finding.verdict,
        "statement": finding.statement,
        "attribute": finding.attribute,
        "evidence": [
            {"document": e.document, "sentence": e.sentence, "value": e.value, "source": e.source,
             "published": e.published, "start": e.start, "end": e.end, "value_text": e.value_text}
            for e in finding.evidence
        ],
        "explanation": finding.explanation,
    }


def story_full_record(database: Database, story_id: str) -> dict | None:
    """A story with everything the contract gives: documents, sources, related stories, findings, timeline, entities."""
    from corroborator.stories import story_record

    record = story_record(database, story_id)
    if record is None:
        return None
    record["findings"] = [finding_record(f) for f in reconciled.findings(database, record["id"])]
    record["timeline"] = [asdict(t) for t in reconciled.timeline(database, record["id"])]
    record["entities"] = [asdict(e) for e in reconciled.entities(database, record["id"])]
    return record


def export(database: Database) -> dict:
    """Everything in the store: every document, every rejected input and every story."""
    from corroborator.stories import list_stories

    return {
        "documents": [document_record(d) for d in stored.documents(database)],
        "rejected": [rejection_record(r) for r in stored.rejected(database)],
        "stories": [story_full_record(database, s.id) for s in list_stories(database)],
    }


def story_summaries(database: Database) -> list[dict]:
    """Every story with its documents, sources and how many findings of each verdict it has."""
    from collections import Counter

    from corroborator.stories import list_stories

    summaries = []
    for story in list_stories(database):
        record = story.as_dict()
        record["verdicts"] = dict(Counter(f.verdict for f in reconciled.findings(database, story.id)))
        summaries.append(record)
    return summaries


def _documents_by_id(database: Database, ids: list[str]) -> dict[str, dict]:
    return {d.id: document_record(d) for d in (stored.document(database, i) for i in ids) if d is not None}


def story_report(database: Database, story_id: str, format_: str, brief: bool = False) -> str | None:
    """One story as Markdown, HTML or JSON; None when there is no such story."""
    import json

    from corroborator.present.report import story_html, story_markdown

    story = story_full_record(database, story_id)
    if story is None:
        return None
    if format_ == "json":
        return json.dumps(story, ensure_ascii=False, indent=2)
    titles = _related_titles(database, story)
    if format_ == "html":
        return story_html(story, _documents_by_id(database, story["documents"]), titles)
    if brief:
        story = dict(story, findings=[f for f in story["findings"] if f["verdict"] != "single_source"], entities=[])
    return story_markdown(story, titles)


def _related_titles(database: Database, story: dict) -> dict[str, str]:
    from corroborator.stories import story_record

    return {r: (story_record(database, r) or {}).get("title", r) for r in story["related"]}


def all_stories_html(database: Database) -> str:
    """Every story in one standalone HTML page."""
    from corroborator.present.report import stories_html

    stories = [story_full_record(database, s["id"]) for s in story_summaries(database)]
    ids = [document_id for story in stories for document_id in story["documents"]]
    titles = {s["id"]: s["title"] for s in stories}
    return stories_html(stories, _documents_by_id(database, ids), titles)
