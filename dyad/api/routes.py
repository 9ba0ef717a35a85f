"""The JSON API: read-only questions about the store. Each handler parses its
parameters, calls one function of ``dyad.api.views`` and returns its record."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from dyad.api import schemas, views
from dyad.api.readmodel import MAX_LIMIT, EventQuery
from dyad.api.responses import JSON
from dyad.api.service import StoreService
from dyad.store.web_queries import detail_json, timeline_json

router = APIRouter(prefix="/api", tags=["events"])

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Events per page.")]
Cursor = Annotated[str | None, Query(description="The `next` cursor of the previous page (same filters).")]
Order = Annotated[Literal["asc", "desc"], Query(description="By date: oldest first (asc) or newest first (desc).")]
Period = Annotated[Literal["month", "quarter", "year"], Query(description="Period of the timeline.")]


def service_of(request: Request) -> StoreService:
    return request.app.state.service


async def filters(
    dyad: Annotated[str | None, Query(description="Two country codes, either direction: ISR-RUS.")] = None,
    actor: Annotated[str | None, Query(description="Part of an actor's canonical name, either side.")] = None,
    country: Annotated[str | None, Query(description="A country code on either side.")] = None,
    type: Annotated[str | None, Query(description="PLOVER event type (CONSULT, ACCUSE, ...).")] = None,
    status: Annotated[str | None, Query(description="happened, planned or negated.")] = None,
    since: Annotated[str | None, Query(description="Dated on or after YYYY[-MM[-DD]].")] = None,
    until: Annotated[str | None, Query(description="Dated on or before YYYY[-MM[-DD]] (2016 ends 2016-12-31).")] = None,
    q: Annotated[str | None, Query(description="Words that must all occur in the evidence sentence (any case).")] = None,
    order: Order = "asc",
) -> EventQuery:
    return EventQuery.of(dyad=dyad, actor=actor, country=country, type=type, status=status, since=since,
                         until=until, q=q, order=order)


def page_json(request: Request, page) -> dict:
    data = page.to_dict()
    data["next_url"] = str(request.url.include_query_params(cursor=page.next)) if page.next else None
    return data


@router.get("/overview", response_model=schemas.Home, summary="Counts, the most active dyads, the latest events")
async def overview(request: Request):
    """The home page's data."""
    return JSON(views.home(service_of(request)).to_dict())


@router.get("/events", response_model=schemas.EventPage, summary="Events, filtered, a page at a time")
async def events(request: Request, query: Annotated[EventQuery, Depends(filters)], limit: Limit = 50,
           cursor: Cursor = None):
    """Events in a stable order (by date, undated last, then id). Follow `next` for more."""
    await views.searchable(service_of(request), query)
    return JSON(page_json(request, views.events(service_of(request), query, limit, cursor)))


@router.get("/events/{event_id}", response_model=schemas.EventDetail, summary="One event with all its mentions")
async def event(request: Request, event_id: Annotated[str, Path(max_length=200)]):
    detail = service_of(request).event_detail(event_id)
    if detail is None:
        raise HTTPException(404, f"no event {event_id!r} in the store")
    return JSON(detail_json(detail))


@router.get("/documents/{doc_id:path}", response_model=schemas.Document,
            summary="One document: its text, cleaned text, and where its events are told")
async def document(request: Request, doc_id: Annotated[str, Path(max_length=500)]):
    view = views.document(service_of(request), doc_id)
    if view is None:
        raise HTTPException(404, f"no document {doc_id!r} in the store")
    return JSON(view.to_dict())


@router.get("/timeline", response_model=schemas.Timeline, summary="Events between two countries per period")
async def timeline(request: Request, a: Annotated[str, Query(max_length=3, description="Country code: ISR.")],
             b: Annotated[str, Query(max_length=3, description="Country code: RUS.")], by: Period = "month",
             actor: str | None = None, type: str | None = None, status: str | None = None, q: str | None = None):
    """Per period and direction: events per QuadClass (1 verbal cooperation .. 4 material conflict) and the
    mean Goldstein value. Events dated less precisely than a period are counted in `imprecise` only."""
    query = await filters(actor=actor, type=type, status=status, q=q)
    await views.searchable(service_of(request), query)
    return JSON(timeline_json(views.timeline(service_of(request), a, b, by, query)))


@router.get("/actors", response_model=list[schemas.ActorCount], summary="Actors, most active first")
async def actors(request: Request, country: Annotated[str | None, Query(max_length=3)] = None,
           limit: Annotated[int, Query(ge=1, le=10_000)] = 100):
    return JSON(service_of(request).actors_json(country, limit))


@router.get("/actors/{name:path}", response_model=schemas.ActorDetail,
            summary="One actor (by canonical name): its records, counterparts and events")
async def actor(request: Request, name: Annotated[str, Path(max_length=300)], limit: Limit = 50, cursor: Cursor = None,
          order: Order = "asc"):
    view = views.actor(service_of(request), name, limit, cursor, order)
    if view is None:
        raise HTTPException(404, f"no actor named {name!r} in the store")
    data = view.to_dict()
    data["events"] = page_json(request, view.events)
    return JSON(data)


@router.get("/dyads", response_model=list[schemas.DyadCount], summary="The most active pairs of countries")
async def dyads(request: Request, limit: Annotated[int, Query(ge=1, le=1000)] = 20):
    return JSON([d.to_dict() for d in service_of(request).model.dyads(limit)])


@router.get("/dyads/{dyad}", response_model=schemas.DyadDetail,
            summary="One dyad: its timeline and its events (the dyad page's data)")
async def dyad(request: Request, dyad: Annotated[str, Path(max_length=20, description="ISR-RUS")],
         by: Period | None = None, limit: Limit = 50, cursor: Cursor = None, actor: str | None = None,
         type: str | None = None, status: str | None = None, since: str | None = None, until: str | None = None,
         q: str | None = None, order: Order = "asc"):
    """The timeline covers the whole span (with the filters, but not `since`/`until`); the events follow
    all filters. Without `by`, the period is chosen so that the chart stays readable."""
    a, b = views.parse_dyad(dyad)
    query = await filters(actor=actor, type=type, status=status, since=since, until=until, q=q, order=order)
    await views.searchable(service_of(request), query)
    view = views.dyad(service_of(request), a, b, query, by, limit, cursor)
    data = view.to_dict()
    data["events"] = page_json(request, view.events)
    return JSON(data)
