"""The JSON API: read-only questions about the store. Each handler parses its
parameters, calls one function of ``dyad.api.views`` and returns its record."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request

from dyad.api import params as P
from dyad.api import schemas, views
from dyad.api.responses import JSON
from dyad.api.service import StoreService
from dyad.store.web_queries import detail_json, timeline_json

INVALID = {422: {"model": schemas.Problem, "description": "A parameter is not valid: `detail` says which and why."}}
MISSING = {**INVALID, 404: {"model": schemas.Problem, "description": "Not in the store."}}
router = APIRouter(prefix="/api", tags=["events"], responses=INVALID)

def service_of(request: Request) -> StoreService:
    return request.app.state.service


def page_json(request: Request, page) -> dict:
    data = page.to_dict()
    data["next_url"] = str(request.url.include_query_params(cursor=page.next)) if page.next else None
    return data


@router.get("/overview", response_model=schemas.Home, summary="Counts, the most active dyads, the latest events")
async def overview(request: Request):
    """The home page's data."""
    return JSON(views.home(service_of(request)).to_dict())


@router.get("/events", response_model=schemas.EventPage, summary="Events, filtered, a page at a time",
            openapi_extra=P.documented(P.EVENTS))
async def events(request: Request):
    """Events in a stable order (by date, undated last, then id). Follow `next` for more."""
    values = P.read(request, P.EVENTS)
    query = P.event_query(values)
    await views.searchable(service_of(request), query)
    return JSON(page_json(request, views.events(service_of(request), query, values["limit"], values["cursor"])))


@router.get("/events/{event_id}", responses=MISSING, response_model=schemas.EventDetail,
            summary="One event with all its mentions")
async def event(request: Request, event_id: Annotated[str, Path(max_length=200)]):
    detail = service_of(request).event_detail(event_id)
    if detail is None:
        raise HTTPException(404, f"no event {event_id!r} in the store")
    return JSON(detail_json(detail))


@router.get("/documents/{doc_id:path}", responses=MISSING, response_model=schemas.Document,
            summary="One document: its text, cleaned text, and where its events are told")
async def document(request: Request, doc_id: Annotated[str, Path(max_length=500)]):
    view = views.document(service_of(request), doc_id)
    if view is None:
        raise HTTPException(404, f"no document {doc_id!r} in the store")
    return JSON(view.to_dict())


@router.get("/timeline", response_model=schemas.Timeline, summary="Events between two countries per period",
            openapi_extra=P.documented(P.TIMELINE))
async def timeline(request: Request):
    """Per period and direction: events per QuadClass (1 verbal cooperation .. 4 material conflict) and the
    mean Goldstein value. Events dated less precisely than a period are counted in `imprecise` only.
    `a` and `b` are required."""
    values = P.read(request, P.TIMELINE)
    if not values["a"] or not values["b"]:
        raise HTTPException(422, "a and b (two country codes) are required")
    query = P.event_query(values)
    await views.searchable(service_of(request), query)
    return JSON(timeline_json(views.timeline(service_of(request), values["a"], values["b"], values["by"], query)))


@router.get("/actors", response_model=list[schemas.ActorCount], summary="Actors, most active first",
            openapi_extra=P.documented(P.ACTORS))
async def actors(request: Request):
    values = P.read(request, P.ACTORS)
    return JSON(service_of(request).actors_json(values["country"], values["limit"]))


@router.get("/actors/{name:path}", responses=MISSING, response_model=schemas.ActorDetail,
            summary="One actor (by canonical name): its records, counterparts and events",
            openapi_extra=P.documented(P.ACTOR_PAGE))
async def actor(request: Request, name: Annotated[str, Path(max_length=300)]):
    values = P.read(request, P.ACTOR_PAGE)
    view = views.actor(service_of(request), name, values["limit"], values["cursor"], values["order"])
    if view is None:
        raise HTTPException(404, f"no actor named {name!r} in the store")
    data = view.to_dict()
    data["events"] = page_json(request, view.events)
    return JSON(data)


@router.get("/dyads", response_model=list[schemas.DyadCount], summary="The most active pairs of countries",
            openapi_extra=P.documented(P.DYADS))
async def dyads(request: Request):
    limit, model = P.read(request, P.DYADS)["limit"], service_of(request).model
    return JSON(model.remember(("dyads-json", limit), lambda: [d.to_dict() for d in model.dyads(limit)]))


@router.get("/dyads/{dyad}", responses=MISSING, response_model=schemas.DyadDetail,
            summary="One dyad: its timeline and its events (the dyad page's data)",
            openapi_extra=P.documented(P.DYAD_PAGE))
async def dyad(request: Request, dyad: Annotated[str, Path(max_length=20, description="ISR-RUS")]):
    """The timeline covers the whole span (with the filters, but not `since`/`until`); the events follow
    all filters. Without `by`, the period is chosen so that the chart stays readable."""
    a, b = views.parse_dyad(dyad)
    values = P.read(request, P.DYAD_PAGE)
    query = P.event_query(values)
    await views.searchable(service_of(request), query)
    view = views.dyad(service_of(request), a, b, query, values["by"], values["limit"], values["cursor"])
    data = view.to_dict()
    data["events"] = page_json(request, view.events)
    return JSON(data)
