"""Every message the web app and its API can answer with, in one place (errors as `{"detail": "..."}`)."""

from __future__ import annotations

from corroborator.errors import no_such_document, no_such_story  # noqa: F401  (re-exported for the views)

NOT_FOUND = "no such page: {path}"
READ_ONLY = "this server is read-only; start it with a write token (`corroborator serve --write-token …`) to ingest"
BAD_TOKEN = "missing or wrong write token; send `Authorization: Bearer TOKEN`"
UPLOAD_TOO_LARGE = "too large: the upload is over the {limit:,}-byte limit"
PAGE_TOO_LARGE = "too large: the page at {url} is over the {limit:,}-byte limit"
NO_UPLOAD = "send a file as multipart form field 'file', or JSON {\"url\": \"https://…\"}"
BAD_SOURCE = "the form field 'source' must be an outlet's name of at most {limit} characters"
BAD_SCHEME = "only http and https URLs can be fetched, not {scheme!r}"
NO_HOST = "the URL {url!r} has no host"
UNRESOLVABLE = "cannot resolve the host {host!r}: {error}"
REFUSED_ADDRESS = "refused: {host!r} resolves to {address}, a {kind} address; only public addresses are fetched"
TOO_MANY_REDIRECTS = "too many redirects (more than {limit}) from {url}"
FETCH_FAILED = "could not fetch {url}: {error}"
FETCH_STATUS = "could not fetch {url}: the server answered {status}"
EMPTY_QUERY = "the search needs at least one word: /api/search?q=WORDS"
NO_SEARCH_INDEX = "this database has no search index yet; run `corroborator build` (or serve it once writable) to add it"
INTERNAL = "internal error: {kind}; the server log has the details"


def no_such_page(path: str) -> str:
    return NOT_FOUND.format(path=path)
