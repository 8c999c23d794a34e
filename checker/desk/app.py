"""The desk's ASGI app: the page, its assets, and the JSON API (`POST /api/check` and friends)."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncGenerator, Awaitable, Callable
from datetime import date
from importlib import resources
from pathlib import PurePath
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from checker.desk.service import (
    DOWNLOADS,
    Checked,
    Desk,
    Draft,
    Unreadable,
    display_name,
    read_upload,
)
from checker.document import MAX_BYTES
from checker.report import json as json_report

# A JSON body escapes what it carries (a newline is two bytes): room for that, and no more.
MAX_BODY = 2 * MAX_BYTES + 64 * 1024
LOOPBACK_NAMES = {"127.0.0.1", "localhost", "::1"}
_SURROGATE = re.compile("[\ud800-\udfff]")
ASSETS = {"/": ("index.html", "text/html; charset=utf-8"),
          "/desk.js": ("desk.js", "text/javascript; charset=utf-8"),
          "/desk.css": ("desk.css", "text/css; charset=utf-8")}  # fmt: skip
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
    "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class CheckRequest(BaseModel):
    """The JSON body of `POST /api/check`: the text, and optionally its date, order and name."""

    model_config = ConfigDict(extra="forbid", strict=True)

    text: str
    date: str | None = None
    date_order: str | None = None
    name: str | None = None


def error(status: int, message: str) -> JSONResponse:
    """An error as the API gives it: JSON with the status and a one-line message."""
    return JSONResponse({"status": status, "message": message}, status, headers=PAGE_HEADERS)


def release_date(text: str | None) -> date | None:
    """The `date` field: YYYY-MM-DD, or empty for the one the text gives."""
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Unreadable(422, f"date {text!r} is not a date in the form YYYY-MM-DD") from None


def date_order(text: str | None) -> str | None:
    """The `date_order` field: DMY, MDY, or empty for the one guessed from the text."""
    if not text:
        return None
    if text.upper() not in ("DMY", "MDY"):
        raise Unreadable(422, f"date_order {text!r} is not DMY or MDY")
    return text.upper()


async def body_of(request: Request) -> bytes:
    """The request's body, refused (413) past MAX_BODY before or while it arrives."""
    declared = request.headers.get("content-length", "")
    too_large = Unreadable(413, f"the request is larger than {MAX_BYTES // 2**20} MB (split it)")
    if declared.isdecimal() and int(declared) > MAX_BODY:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def media_type(request: Request) -> str:
    """The request's content type without its parameters."""
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def upload_of(request: Request, body: bytes) -> tuple[Draft, dict[str, str]]:
    """The file of a multipart body (field `file`) as a draft, and the other fields."""

    async def stream() -> AsyncGenerator[bytes, None]:
        yield body

    parser = MultiPartParser(request.headers, stream(), max_files=1, max_fields=8,
                             max_part_size=64 * 1024)  # fmt: skip
    try:
        form = await parser.parse()
    except MultiPartException as exc:
        raise Unreadable(422, f"the form cannot be read: {exc.message}") from None
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise Unreadable(422, "the form has no file (send it as the field `file`)")
    raw = await upload.read()
    await form.close()
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    return await run_in_threadpool(read_upload, upload.filename or "upload.txt", raw), fields


async def draft_of(request: Request) -> Draft:
    """The draft of a check: JSON `{text, date?, date_order?, name?}`, or a multipart file."""
    kind = media_type(request)
    if kind not in ("application/json", "multipart/form-data"):
        raise Unreadable(415, 'send JSON {"text": …} or a multipart form with a file')
    body = await body_of(request)
    if kind == "multipart/form-data":
        draft, fields = await upload_of(request, body)
        return Draft(draft.text, draft.name, release_date(fields.get("date")),
                     date_order(fields.get("date_order")), draft.source_map)  # fmt: skip
    try:
        data = json.loads(body)
    except ValueError as exc:  # UnicodeDecodeError is one too
        raise Unreadable(400, f"the body is not JSON: {problem(exc)}") from None
    try:
        given = CheckRequest.model_validate(data)
    except ValidationError as exc:
        raise Unreadable(422, f"the body is not a check request: {problem(exc)}") from None
    # A lone surrogate cannot be written back as UTF-8; U+FFFD keeps every offset in place.
    text = _SURROGATE.sub("\ufffd", given.text)
    name = display_name(_SURROGATE.sub("\ufffd", given.name)) if given.name else "<text>"
    return Draft(text, name, release_date(given.date), date_order(given.date_order))


def problem(exc: Exception) -> str:
    """The first thing wrong with a body, on one line."""
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "body"
        return f"{where}: {first['msg']}"
    return str(exc).splitlines()[0]


def checked_response(checked: Checked, body: str, media: str, **headers: str) -> Response:
    """A report, with the date order the draft was read with (the JSON document has no room)."""
    extra = {**PAGE_HEADERS, "X-Factcheck-Date-Order": checked.date_order, **headers}
    return Response(body, media_type=media, headers=extra)


def create_app(desk: Desk, allowed_hosts: set[str] | None = None) -> Starlette:
    """The app; `allowed_hosts` (None: any) are the names the Host header may give."""
    page = {path: resources.files("checker.desk").joinpath("static", name).read_bytes()
            for path, (name, _) in ASSETS.items()}  # fmt: skip

    async def asset(request: Request) -> Response:
        _, media = ASSETS[request.url.path]
        return Response(page[request.url.path], media_type=media, headers=PAGE_HEADERS)

    async def check(request: Request) -> Response:
        checked = await run_in_threadpool(desk.check, await draft_of(request))
        return checked_response(checked, json_report.render(checked.report), "application/json")

    async def read(request: Request) -> Response:
        if media_type(request) != "multipart/form-data":
            raise Unreadable(415, "send the file as a multipart form (field `file`)")
        draft, _ = await upload_of(request, await body_of(request))
        data = {"name": draft.name, "format": draft.source_map.format if draft.source_map
                else "text", "text": draft.text}  # fmt: skip
        return JSONResponse(data, headers=PAGE_HEADERS)

    async def download(request: Request) -> Response:
        fmt = request.path_params["format"]
        if fmt not in DOWNLOADS:
            raise Unreadable(404, f"no report format {fmt!r} (json, markdown or html)")
        checked = await run_in_threadpool(desk.check, await draft_of(request))
        text = await run_in_threadpool(desk.render, checked, fmt)
        stem = "draft" if checked.name.startswith("<") else PurePath(checked.name).stem
        filename = re.sub(r"[^\w.-]+", "_", f"{stem}.factcheck{DOWNLOADS[fmt]}")
        media = {"json": "application/json", "markdown": "text/markdown; charset=utf-8",
                 "html": "text/html; charset=utf-8"}[fmt]  # fmt: skip
        disposition = f'attachment; filename="{filename}"'
        return checked_response(checked, text, media, **{"Content-Disposition": disposition})

    async def unreadable(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Unreadable)
        return error(exc.status, exc.message)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return error(exc.status_code, f"{request.method} {request.url.path}: {exc.detail}")

    routes = [
        *(Route(path, asset, methods=["GET", "HEAD"]) for path in ASSETS),
        Route("/api/check", check, methods=["POST"]),
        Route("/api/read", read, methods=["POST"]),
        Route("/api/report/{format}", download, methods=["POST"]),
    ]
    handlers: dict[Any, Callable[[Request, Exception], Awaitable[Response]]] = {
        Unreadable: unreadable,
        HTTPException: http_error,
    }
    app = Starlette(routes=routes, exception_handlers=handlers)
    if allowed_hosts is not None:
        app.add_middleware(LocalOnly, allowed_hosts=allowed_hosts)
    return app


class LocalOnly:
    """Answers only requests addressed to this machine by name (a page elsewhere cannot use a
    DNS name of its own to reach the desk) and, for a POST, sent from the desk's own page."""

    def __init__(self, app: ASGIApp, allowed_hosts: set[str]) -> None:
        self.app = app
        self.allowed = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
            host = headers.get("host", "")
            if host_name(host) not in self.allowed:
                response = error(403, f"the desk answers only on {', '.join(sorted(self.allowed))}")
                await response(scope, receive, send)
                return
            origin = headers.get("origin")
            if scope["method"] == "POST" and origin and origin.split("://", 1)[-1] != host:
                response = error(403, "the desk takes checks only from its own page")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def host_name(host: str) -> str:
    """The name of a Host header without its port: `127.0.0.1`, `localhost`, `::1`."""
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
