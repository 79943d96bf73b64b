"""Reading an upload without trusting its size: refused by its declared length before a byte is read,
and cut off as soon as what arrives passes the limit."""

from __future__ import annotations

from fastapi import HTTPException, Request
from starlette.datastructures import UploadFile

from corroborator.web import errors
from corroborator.web.schemas import MAX_SOURCE

FORM_OVERHEAD = 64 * 1024  # multipart boundaries and part headers around the file itself


async def limited_form(request: Request, max_bytes: int):
    """The request's multipart form, or 413 when the body is (or turns out to be) larger than allowed."""
    allowance = max_bytes + FORM_OVERHEAD
    _refuse_declared(request, allowance, max_bytes)
    received = 0

    async def receive():
        nonlocal received
        message = await request.receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > allowance:
                raise HTTPException(413, errors.UPLOAD_TOO_LARGE.format(limit=max_bytes))
        return message

    return await Request(request.scope, receive).form(max_files=1, max_fields=8)


async def upload_bytes(request: Request, max_bytes: int) -> tuple[str, bytes, str | None, str | None]:
    """(file name, bytes, content type) of the form's 'file' field, and its 'source' field (the outlet, when the page
    names none); 400 without a file or with a bad source, 413 when too large."""
    form = await limited_form(request, max_bytes)
    try:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise HTTPException(400, errors.NO_UPLOAD)
        source = form.get("source")
        if source is not None and (not isinstance(source, str) or len(source) > MAX_SOURCE):
            raise HTTPException(400, errors.BAD_SOURCE.format(limit=MAX_SOURCE))
        data = await upload.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise HTTPException(413, errors.UPLOAD_TOO_LARGE.format(limit=max_bytes))
        return upload.filename or "upload", data, upload.content_type, (source or "").strip() or None
    finally:
        await form.close()


async def limited_body(request: Request, max_bytes: int) -> bytes:
    """The raw body (a small JSON document), or 413 past `max_bytes`."""
    _refuse_declared(request, max_bytes, max_bytes)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > max_bytes:
            raise HTTPException(413, errors.UPLOAD_TOO_LARGE.format(limit=max_bytes))
    return bytes(body)


def _refuse_declared(request: Request, allowance: int, limit: int) -> None:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > allowance:
        raise HTTPException(413, errors.UPLOAD_TOO_LARGE.format(limit=limit))
