"""``create_app``: the FastAPI application -- JSON API, HTML pages, offline API docs.

Read-only over the store unless ``allow_ingest``; then ``POST /api/documents``
exists and needs ``Authorization: Bearer <token>``. No CDN, no CORS unless
origins are given, no stack trace ever reaches a client.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from dyad import __version__
from dyad.config import Settings
from dyad.errors import DyadError, InputError
from dyad.api.service import StoreService
from dyad.api.responses import JSON, SecurityHeaders, wants_html

log = logging.getLogger("dyad.api")

MAX_BODY_BYTES = 5 * 1024 * 1024
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def create_app(
    db_path: str | Path,
    allow_ingest: bool = False,
    token: str | None = None,
    *,
    settings: Settings | None = None,
    cors_origins: Sequence[str] = (),
    max_body_bytes: int = MAX_BODY_BYTES,
) -> FastAPI:
    """The application over the store at ``db_path`` (opened now; a missing
    read-only store is an error). With ``allow_ingest`` a ``token`` is required."""
    if allow_ingest and not token:
        raise DyadError("ingestion over HTTP needs a token: set DYAD_API_TOKEN")
    service = StoreService(db_path, allow_ingest=allow_ingest, settings=settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        service.close()
        gc.unfreeze()  # see settle(): let the last collection free what the server held

    app = FastAPI(
        title="Dyad", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
        description="Political events coded from news articles: who did what to whom, when and where. "
                    "Every HTML page has a JSON twin under /api.",
        default_response_class=JSON,
    )
    app.state.service = service
    app.state.token = token
    app.state.max_body_bytes = max_body_bytes
    _middleware(app, cors_origins)
    _error_handlers(app)

    from dyad.api import docs, routes
    from dyad.web import pages

    app.include_router(routes.router)
    if allow_ingest:
        from dyad.api import ingest

        app.include_router(ingest.router)
    app.include_router(docs.router)
    app.include_router(pages.router)
    return app


def app_from_environment() -> FastAPI:
    """A read-only app over ``$DYAD_DB``: what each worker process builds when
    ``dyad serve --workers N`` runs several (uvicorn imports it by name)."""
    origins = [o for o in os.environ.get("DYAD_SERVE_CORS", "").split(" ") if o]
    app = create_app(Settings.load().db, cors_origins=origins)
    settle()
    return app


def settle() -> None:
    """Once a server process has started: what exists now (modules, the read
    model) lives as long as the process, so the collector's full passes need
    not walk it again. Each such pass took ~100 ms -- a stall of every request
    in flight -- and now takes well under 1 ms."""
    gc.collect()
    gc.freeze()


def _middleware(app: FastAPI, cors_origins: Sequence[str]) -> None:
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET"])

    app.add_middleware(SecurityHeaders, headers=SECURITY_HEADERS)


def _error_handlers(app: FastAPI) -> None:
    from dyad.web.pages import error_page

    def problem(request: Request, status: int, detail, headers=None) -> Response:
        if wants_html(request):
            return error_page(request, status, detail if isinstance(detail, str) else "The request is not valid.",
                              headers=headers)
        return JSON({"detail": detail}, status_code=status, headers=headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException):
        return problem(request, error.status_code, error.detail, getattr(error, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError):
        detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in error.errors()]
        if wants_html(request):
            return problem(request, 422, "; ".join(f"{'.'.join(map(str, d['loc'][1:]))}: {d['msg']}" for d in detail))
        return JSON({"detail": detail}, status_code=422)

    @app.exception_handler(InputError)
    async def bad_input(request: Request, error: InputError):
        return problem(request, 422, str(error))

    @app.exception_handler(Exception)
    async def server_error(request: Request, error: Exception):
        # The trace goes to the server's log, never to the client.
        log.error("%s %s failed", request.method, request.url.path, exc_info=error)
        return problem(request, 500, "Internal error: the server could not answer this request.")
