"""The HTML pages: each view reads through `queries` and renders a template; nothing else."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from corroborator.present.report import VERDICTS, story_html, templates
from corroborator.store import documents as stored
from corroborator.store import stories as story_store
from corroborator.store.db import Database
from corroborator.web import errors, queries
from corroborator.web.app import read_database

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)


def render(template: str, **context) -> str:
    """A page of the web app (standalone=False: site header, links inside the app)."""
    return templates().get_template(template).render(standalone=False, link_prefix="", VERDICT_ORDER=VERDICTS, **context)


@router.get("/")
def story_list(database: Database = Depends(read_database)):
    return render("index.html", stories=queries.stories_newest_first(database))


@router.get("/stories/{story_id}")
def story_page(story_id: str, request: Request, database: Database = Depends(read_database)):
    version = queries.story_version(database, story_id)
    if version is None:
        raise HTTPException(404, errors.no_such_story(story_id, story_store.starting(database, story_id)))

    def make() -> str:
        page = queries.story_page(database, version[0])
        return story_html(page.story, page.documents, page.titles, standalone=False)

    return request.app.state.renders.get_or_make(("page", *version), make)


@router.get("/documents/{document_id}")
def document_page(document_id: str, database: Database = Depends(read_database)):
    page = queries.document_page(database, document_id)
    if page is None:
        raise HTTPException(404, errors.no_such_document(document_id, stored.starting(database, document_id)))
    return render("document.html", page=page, document=page.record)


@router.get("/rejected")
def rejected_page(database: Database = Depends(read_database)):
    return render("rejected.html", rejected=queries.rejected(database))


@router.get("/search")
def search_page(q: str = Query("", max_length=500), database: Database = Depends(read_database)):
    try:
        result = queries.search(database, q)
    except queries.SearchUnavailable:
        raise HTTPException(503, errors.NO_SEARCH_INDEX) from None
    return render("search.html", query=q, result=result)
