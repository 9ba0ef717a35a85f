"""``POST /api/documents``: code articles sent as JSON and store them.

Mounted only when the server was started with ingestion on (otherwise the
path does not exist: 404). The token is checked before the body is read;
the body is read up to the size limit (413 beyond); every article is checked
before any is coded, and all are coded before any is stored, so a bad
article (422) leaves the store as it was.
"""

from __future__ import annotations

import hmac
import json

from fastapi import APIRouter, HTTPException, Request
from pydantic import TypeAdapter, ValidationError
from starlette.concurrency import run_in_threadpool

from dyad.api import schemas
from dyad.api.responses import JSON
from dyad.api.service import CodingFailed, StoreService
from dyad.clean import pick_title
from dyad.records import Article

router = APIRouter(prefix="/api", tags=["ingest"])

_ARTICLE = schemas.ArticleIn.model_json_schema()
_ARTICLES = TypeAdapter(list[schemas.ArticleIn])


@router.post(
    "/documents",
    response_model=schemas.IngestReport,
    summary="Code and store articles (only with --allow-ingest, with the bearer token)",
    responses={401: {"model": schemas.Problem, "description": "No bearer token."},
               403: {"model": schemas.Problem, "description": "Wrong token."},
               413: {"model": schemas.Problem, "description": "Body over the size limit."},
               422: {"model": schemas.Problem, "description": "An article is not valid: nothing was stored."}},
    openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
        "schema": {"anyOf": [_ARTICLE, {"type": "array", "items": _ARTICLE}]}}}}},
)
async def post_documents(request: Request):
    """One article (`{"id", "text", "title"?, "published"?, "url"?, "outlet"?}`) or a list of them.
    An id already stored with other content is replaced; the same content again changes nothing."""
    _check_token(request)
    articles = _articles(await _read_body(request, request.app.state.max_body_bytes))
    service: StoreService = request.app.state.service
    try:
        results = await run_in_threadpool(service.ingest, articles)
    except CodingFailed as error:
        raise HTTPException(422, [{"id": doc_id, "problem": problem} for doc_id, problem in error.problems]) from error
    failed = any(r.outcome == "failed" for r in results)
    return JSON({"documents": [{"id": r.doc_id, "outcome": r.outcome, "events": r.events, "problem": r.problem}
                               for r in results], "store": service.overview().to_dict()},
                status_code=500 if failed else 200)


def _check_token(request: Request) -> None:
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HTTPException(401, "this endpoint needs 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode("utf-8"), request.app.state.token.encode("utf-8")):
        raise HTTPException(403, "the token is not valid")


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"the body is over the limit of {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"the body is over the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _articles(body: bytes) -> list[Article]:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise HTTPException(422, f"the body is not JSON: {error}") from error
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not data:
        raise HTTPException(422, "expected an article object or a non-empty list of them")
    try:
        parsed = _ARTICLES.validate_python(data)
    except ValidationError as error:
        raise HTTPException(422, [_problem(data, e) for e in error.errors(include_url=False)]) from error
    ids = [a.id for a in parsed]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise HTTPException(422, [{"id": i, "problem": "the same id twice in one request"} for i in repeated])
    return [Article(doc_id=a.id, text=a.text.replace("\r\n", "\n"), title=a.title or pick_title(a.text),
                    published=a.published, url=a.url, outlet=a.outlet) for a in parsed]


def _problem(data: list, error: dict) -> dict:
    index, *where = error["loc"]
    item = data[index] if isinstance(index, int) and index < len(data) else None
    doc_id = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else None
    field = ".".join(str(w) for w in where) or "article"
    return {"article": index, "id": doc_id, "problem": f"{field}: {error['msg']}"}
