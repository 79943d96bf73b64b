"""The web app and JSON API over one SQLite file: `create_app` builds it, `serve` runs it with uvicorn.

Reads open the file read-only, a connection per request. Writes (ingest through the API) exist only
when the app is given a write token, and then go through the store's transactions like the CLI's.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException

from corroborator import __version__
from corroborator.errors import CorroboratorError
from corroborator.ingest.sources import DEFAULT_MAX_BYTES
from corroborator.store.db import Database
from corroborator.store.migrations import MIGRATIONS
from corroborator.web import errors
from corroborator.web.cache import Renders

log = logging.getLogger("corroborator.web")

DB_VARIABLE, TOKEN_VARIABLE, UPLOAD_VARIABLE = "CORROBORATOR_DB", "CORROBORATOR_WRITE_TOKEN", "CORROBORATOR_MAX_UPLOAD_BYTES"


@dataclass(slots=True, frozen=True)
class Settings:
    """What one app serves: the file, the write token (None: read-only) and the upload limit."""

    db_path: str
    write_token: str | None
    max_upload_bytes: int


def create_app(db_path: str, write_token: str | None = None, max_upload_bytes: int = DEFAULT_MAX_BYTES) -> FastAPI:
    """The web app and JSON API over the SQLite file at `db_path`; ingest through the API needs `write_token`."""
    from corroborator.web import api, pages

    prepare_database(db_path, writable=bool(write_token))
    app = FastAPI(
        title="corroborator",
        version=__version__,
        description="Stories, findings and documents from many outlets' coverage, claim by claim. "
        "Every response is the shape of `corroborator export --format json`.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.settings = Settings(str(db_path), write_token or None, max_upload_bytes)
    app.state.renders = Renders()
    app.include_router(pages.router)
    app.include_router(api.router)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _internal_error)
    return app


def app_from_environment() -> FastAPI:
    """The app for `uvicorn --factory` (several worker processes): settings from the environment."""
    return create_app(
        os.environ.get(DB_VARIABLE, "corroborator.db"),
        os.environ.get(TOKEN_VARIABLE) or None,
        int(os.environ.get(UPLOAD_VARIABLE) or DEFAULT_MAX_BYTES),
    )


def serve(
    db_path: str, host: str = "127.0.0.1", port: int = 8000, write_token: str | None = None,
    max_upload_bytes: int = DEFAULT_MAX_BYTES, workers: int = 1,
) -> None:
    """Run the web app with uvicorn until interrupted (`corroborator serve`)."""
    import uvicorn

    if workers > 1:  # worker processes build their own app from the environment
        prepare_database(db_path, writable=bool(write_token))
        os.environ.update({DB_VARIABLE: str(db_path), UPLOAD_VARIABLE: str(max_upload_bytes)})
        if write_token:
            os.environ[TOKEN_VARIABLE] = write_token
        uvicorn.run("corroborator.web.app:app_from_environment", factory=True, host=host, port=port, workers=workers)
    else:
        uvicorn.run(create_app(db_path, write_token, max_upload_bytes), host=host, port=port)


def prepare_database(db_path: str, writable: bool) -> None:
    """Create (when writable) or check the file, and apply pending migrations (the search index) when it can."""
    if writable:
        Database(db_path).close()
        return
    with Database(db_path, readonly=True) as database:  # raises CorroboratorError when there is no file
        applied = set(database.applied_migrations())
    if applied >= {name for name, _ in MIGRATIONS}:
        return
    try:
        Database(db_path).close()
    except (sqlite3.OperationalError, CorroboratorError, OSError) as error:
        log.warning("cannot migrate %s (%s); search stays unavailable until it is", db_path, error)


def read_database(request: Request) -> Iterator[Database]:
    """A read-only connection for one request (SQLite connections are not shared across threads)."""
    database = Database(request.app.state.settings.db_path, readonly=True)
    try:
        yield database
    finally:
        database.close()


def wants_json(request: Request) -> bool:
    return request.url.path == "/api" or request.url.path.startswith("/api/")


async def _http_error(request: Request, error: HTTPException):
    detail = error.detail
    if error.status_code == 404 and detail == "Not Found":
        detail = errors.no_such_page(request.url.path)
    if wants_json(request):
        return JSONResponse({"detail": detail}, status_code=error.status_code, headers=getattr(error, "headers", None))
    from corroborator.web.pages import render

    return HTMLResponse(render("error.html", status=error.status_code, detail=detail), status_code=error.status_code,
                        headers=getattr(error, "headers", None))


async def _validation_error(request: Request, error: RequestValidationError):
    if wants_json(request):
        return JSONResponse({"detail": jsonable_encoder(error.errors())}, status_code=422)
    from corroborator.web.pages import render

    detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
    return HTMLResponse(render("error.html", status=422, detail=detail), status_code=422)


async def _internal_error(request: Request, error: Exception):
    log.exception("error while answering %s", request.url.path, exc_info=error)
    detail = errors.INTERNAL.format(kind=type(error).__name__)
    if wants_json(request):
        return JSONResponse({"detail": detail}, status_code=500)
    from corroborator.web.pages import render

    return HTMLResponse(render("error.html", status=500, detail=detail), status_code=500)
