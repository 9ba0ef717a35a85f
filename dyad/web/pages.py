"""The HTML pages. Each renders the record of one ``dyad.api.views``
function -- the same record its JSON twin under ``/api`` returns."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from dyad.api import views
from dyad.api import params as P
from dyad.api.service import StoreService
from dyad.merge import parse_date
from dyad.records import EVENT_TYPES, STATUSES
from dyad.web.chart import timeline_svg
from dyad.web.highlight import Mark, render, sentence_marks
from dyad.web.templating import path, query_url, render as render_template, static_files

router = APIRouter(include_in_schema=False)


def _service(request: Request) -> StoreService:
    return request.app.state.service


def _page(request: Request, template: str, status: int = 200, headers=None, **context: Any) -> HTMLResponse:
    html = render_template(template, request_path=request.url.path, event_types=EVENT_TYPES, statuses=STATUSES,
                           cursor=request.query_params.get("cursor"), **context)
    return HTMLResponse(html, status_code=status, headers=headers)


def error_page(request: Request, status: int, message: str, headers=None) -> HTMLResponse:
    return _page(request, "error.html", status=status, headers=headers, status_code=status, message=message)


@router.get("/", response_class=HTMLResponse)
async def home(request: Request):
    return _page(request, "home.html", view=views.home(_service(request)), twin="/api/overview")


@router.get("/events", response_class=HTMLResponse)
async def events(request: Request):
    values = P.read(request, P.EVENTS)
    params = P.shown(values, P.FILTERS)
    query = P.event_query(values)
    await views.searchable(_service(request), query)
    page = views.events(_service(request), query, values["limit"], values["cursor"])
    return _page(request, "events.html", page=page, params=params, twin=query_url("/api/events", params))


@router.get("/dyads", response_class=HTMLResponse)
async def dyads(request: Request):
    return _page(request, "dyads.html", dyads=_service(request).model.dyads(100), twin="/api/dyads?limit=100")


@router.get("/dyad/{dyad}", response_class=HTMLResponse)
async def dyad(request: Request, dyad: str):
    a, b = views.parse_dyad(dyad)
    values = P.read(request, P.DYAD_PAGE)
    params, by = P.shown(values, P.DYAD_FILTERS), values["by"]
    query = P.event_query(values)
    await views.searchable(_service(request), query)
    view = views.dyad(_service(request), a, b, query, by, values["limit"], values["cursor"])
    base = path("dyad", f"{a}-{b}")
    keep = {**params, "by": view.timeline.by}
    chart = timeline_svg(
        view.timeline,
        link=lambda period: query_url(base, keep, since=_period_bounds(period)[0], until=_period_bounds(period)[1])
        + "#events",
        selected=lambda period: _within(period, params.get("since"), params.get("until")),
    )
    return _page(request, "dyad.html", view=view, chart=chart, params=params, base=base, by=view.timeline.by,
                 twin=query_url(f"/api/dyads/{a}-{b}", {**params, "by": by}))


def _period_bounds(period: str) -> tuple[str, str]:
    """A chart period as since/until filters: 2016, 2016-Q2 (2016-04..2016-06), 2016-03."""
    if "-Q" in period:
        year, quarter = period.split("-Q")
        first = (int(quarter) - 1) * 3 + 1
        return f"{year}-{first:02d}", f"{year}-{first + 2:02d}"
    return period, period


def _within(period: str, since: str | None, until: str | None) -> bool:
    if not since and not until:
        return False
    first, last = (parse_date(p) for p in _period_bounds(period))
    lower, upper = parse_date(since) if since else None, parse_date(until) if until else None
    return (lower is None or first[0] >= lower[0]) and (upper is None or last[1] <= upper[1])


@router.get("/actors", response_class=HTMLResponse)
async def actors(request: Request):
    country = P.read(request, P.ACTORS)["country"]
    found = _service(request).actors(country, 500)
    return _page(request, "actors.html", actors=found, country=country or "",
                 twin=query_url("/api/actors", {"country": country, "limit": 500}))


@router.get("/actor/{name:path}", response_class=HTMLResponse)
async def actor(request: Request, name: str):
    values = P.read(request, P.ACTOR_PAGE)
    view = views.actor(_service(request), name, values["limit"], values["cursor"], values["order"])
    if view is None:
        raise HTTPException(404, f"No actor named “{name}” in the store.")
    return _page(request, "actor.html", view=view, twin=path("api", "actors", name))


@router.get("/event/{event_id}", response_class=HTMLResponse)
async def event(request: Request, event_id: str):
    view = views.event(_service(request), event_id)
    if view is None:
        raise HTTPException(404, f"No event “{event_id}” in the store.")
    detail, document = view.detail, view.document
    article = None
    if document is not None:
        primary = next((m for m in detail.mentions if m.event.doc_id == detail.event.doc_id), None)
        marks = _event_marks(primary.event if primary else detail.event, anchor="evidence")
        article = render(document.clean.text, document.clean.marks(marks))
    mentions = [(m, render(m.event.evidence.text, sentence_marks(m.event))) for m in detail.mentions]
    return _page(request, "event.html", detail=detail, event=detail.event, document=document, article=article,
                 mentions=mentions, twin=path("api", "events", event_id))


def _event_marks(event, anchor: str | None = None, links=()) -> list[Mark]:
    evidence = event.evidence
    if evidence.start is None or evidence.end is None:
        return []
    return [Mark(evidence.start, evidence.end, "evidence", anchor=anchor, links=tuple(links)),
            *sentence_marks(event, evidence.start)]


@router.get("/document/{doc_id:path}", response_class=HTMLResponse)
async def document(request: Request, doc_id: str):
    view = views.document(_service(request), doc_id)
    if view is None:
        raise HTTPException(404, f"No document “{doc_id}” in the store.")
    marks, by_sentence = [], {}
    for item in view.detail.mentions:
        evidence = item.mention.event.evidence
        by_sentence.setdefault((evidence.start, evidence.end), []).append(item)
    for items in by_sentence.values():
        first = items[0].mention.event
        links = [(f"{i.mention.event.event_type.lower()}", path("event", i.event_id)) for i in items]
        marks += _event_marks(first, anchor=f"m-{first.id}", links=links)
        for item in items[1:]:
            marks += sentence_marks(item.mention.event, item.mention.event.evidence.start or 0)
    text = render(view.clean.text, view.clean.marks(marks))
    return _page(request, "document.html", view=view, article=view.detail.article, text=text,
                 twin=path("api", "documents", doc_id))


@router.get("/static/{name}")
async def static(name: str):
    found = static_files().get(name)
    if found is None:
        raise HTTPException(404, "No such file.")
    content, media_type = found
    return Response(content, media_type=media_type, headers={"Cache-Control": "public, max-age=3600"})


@router.get("/favicon.ico")
async def favicon():
    return await static("favicon.svg")
