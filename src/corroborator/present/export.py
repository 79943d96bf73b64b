"""The public JSON shapes (DESIGN.md, "The public contract"), built from stored data."""

from __future__ import annotations

from corroborator.model import Document, Rejection
from corroborator.store import documents as stored
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


def rejection_record(rejection: Rejection) -> dict:
    return {"path": rejection.path, "reason": rejection.reason}


def export(database: Database) -> dict:
    """Everything in the store: every document, every rejected input and every story."""
    return {
        "documents": [document_record(d) for d in stored.documents(database)],
        "rejected": [rejection_record(r) for r in stored.rejected(database)],
        "stories": [],
    }
