"""The JSON API under /api: the export's shapes, errors as {"detail": "..."}, and ingest with a write token."""

from __future__ import annotations

import json
import secrets

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError

from corroborator.present import export
from corroborator.present.report import templates
from corroborator.store import documents as stored
from corroborator.store import stories as story_store
from corroborator.store.db import Database
from corroborator.web import errors, queries, schemas, uploads
from corroborator.web.app import read_database
from corroborator.web.fetch import FetchError, fetch
from corroborator.web.ingest import ingest_bytes

router = APIRouter(prefix="/api")

MAX_JSON_BYTES = 64 * 1024
_404 = {404: {"model": schemas.Detail, "description": "no such story or document"}}


def _json(content) -> Response:
    """JSON as the export writes it (UTF-8, not ASCII-escaped), without re-encoding through pydantic."""
    return Response(json.dumps(content, ensure_ascii=False).encode(), media_type="application/json")


@router.get("/stories", responses={200: {"model": list[schemas.StorySummary]}}, summary="Every story, newest first")
def stories(database: Database = Depends(read_database)):
    """Every story with its documents, sources, related stories and how many findings of each verdict."""
    return _json(queries.stories_newest_first(database))


@router.get("/stories/{story_id}", responses={200: {"model": schemas.Story}, **_404}, summary="One story in full")
def story(story_id: str, request: Request, database: Database = Depends(read_database)):
    """One story (by id or an unambiguous prefix): documents, sources, related, findings, timeline, entities."""
    version = queries.story_version(database, story_id)
    if version is None:
        raise HTTPException(404, errors.no_such_story(story_id, story_store.starting(database, story_id)))

    def make() -> Response:
        return _json(export.story_full_record(database, version[0]))

    return request.app.state.renders.get_or_make(("json", *version), make)


@router.get("/documents/{document_id}", responses={200: {"model": schemas.AnnotatedDocument}, **_404},
            summary="One document with its annotations")
def document(document_id: str, database: Database = Depends(read_database)):
    """One document (by id or an unambiguous prefix) with its sentences, mentions, quotes and comments."""
    found = stored.document(database, document_id)
    if found is None:
        raise HTTPException(404, errors.no_such_document(document_id, stored.starting(database, document_id)))
    return _json(export.annotated_document_record(database, found))


@router.get("/search", responses={200: {"model": schemas.SearchResult}, 400: {"model": schemas.Detail},
                                  503: {"model": schemas.Detail}}, summary="Full-text search")
def search(q: str = Query(..., max_length=500, description="words that must all appear; the last may be a prefix"),
           limit: int = Query(20, ge=1, le=200), database: Database = Depends(read_database)):
    """Stories whose title, and documents whose title or body, hold every word of `q`, best match first."""
    if queries.match_expression(q) is None:
        raise HTTPException(400, errors.EMPTY_QUERY)
    try:
        return _json(queries.search(database, q, limit))
    except queries.SearchUnavailable:
        raise HTTPException(503, errors.NO_SEARCH_INDEX) from None


@router.get("/rejected", responses={200: {"model": list[schemas.Rejection]}}, summary="Every rejected input")
def rejected(database: Database = Depends(read_database)):
    """Every input that did not become a document, with its one-line reason."""
    return _json(queries.rejected(database))


def require_writer(request: Request) -> None:
    """403 on a read-only server, 401 without the right `Authorization: Bearer TOKEN`."""
    token = request.app.state.settings.write_token
    if token is None:
        raise HTTPException(403, errors.READ_ONLY)
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(401, errors.BAD_TOKEN, headers={"WWW-Authenticate": "Bearer"})


_INGEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {"type": "object", "required": ["file"], "properties": {
                    "file": {"type": "string", "format": "binary"},
                    "source": {"type": "string", "maxLength": schemas.MAX_SOURCE,
                               "description": "the outlet, when the page names none"},
                }}
            },
            "application/json": {"schema": schemas.IngestURL.model_json_schema()},
        },
    }
}


@router.post(
    "/ingest", status_code=200, openapi_extra=_INGEST_BODY, summary="Ingest an upload or a URL (write token)",
    responses={200: {"model": schemas.IngestResult}, **{c: {"model": schemas.Detail} for c in (400, 401, 403, 413, 415, 422, 502)}},
    dependencies=[Depends(require_writer)],
)
async def ingest(request: Request):
    """Store an uploaded file (multipart field `file`: a page, JSONL or WARC) or the page at a public URL
    (JSON `{"url": …}`), then build; answers what became of each input. Needs `Authorization: Bearer TOKEN`.
    An optional `source` (form field, or JSON key) names the outlet of pages that do not name their own."""
    settings = request.app.state.settings
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        name, data, content_type, source = await uploads.upload_bytes(request, settings.max_upload_bytes)
        path, url = f"upload:{name}", None
    elif kind == "application/json":
        try:
            target = schemas.IngestURL.model_validate_json(await uploads.limited_body(request, MAX_JSON_BYTES))
        except ValidationError as error:
            raise RequestValidationError(error.errors()) from None
        try:
            page = await run_in_threadpool(fetch, target.url, settings.max_upload_bytes)
        except FetchError as error:
            raise HTTPException(error.status, str(error)) from None
        path, url, data, content_type = page.url, page.url, page.data, page.content_type
        source = (target.source or "").strip() or None
    else:
        raise HTTPException(415, errors.NO_UPLOAD)
    result = await run_in_threadpool(ingest_bytes, settings.db_path, path, data, url, content_type,
                                     settings.max_upload_bytes, source)
    return _json(result)


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def docs(request: Request):
    """The API described from its OpenAPI document, as a page that needs nothing from the network."""
    return templates().get_template("api_docs.html").render(standalone=False, openapi=request.app.openapi())
