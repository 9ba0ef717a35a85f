"""What each page shows, as one record per page. The HTML page renders it and
its JSON twin under ``/api`` returns its ``to_dict()``: both call the same
function here, so they cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.concurrency import run_in_threadpool

from dyad.errors import InputError
from dyad.store.queries import ActorCount, EventDetail, Timeline
from dyad.store.web_queries import DocumentDetail, DyadCount, EventPage, detail_json, event_json, timeline_json
from dyad.web.highlight import CleanMap

from dyad.api.readmodel import EventQuery
from dyad.api.service import Overview, StoreService

MAX_CHART_PERIODS = 60


@dataclass(frozen=True)
class HomeView:
    counts: Overview
    dyads: tuple[DyadCount, ...]
    latest: tuple[dict[str, Any], ...]

    def to_dict(self) -> dict[str, Any]:
        return {"counts": self.counts.to_dict(), "dyads": [d.to_dict() for d in self.dyads],
                "latest": [event_json(r) for r in self.latest]}


async def searchable(service: StoreService, query: EventQuery) -> None:
    """Before a search: build the word index (once per snapshot) off the event loop."""
    if query.q and not service.model.text_ready:
        await run_in_threadpool(service.model.text_index)


def home(service: StoreService, dyads: int = 10, latest: int = 15) -> HomeView:
    model = service.model
    return model.remember(("home", dyads, latest), lambda: HomeView(
        service.overview(), tuple(model.dyads(dyads)), model.page(EventQuery(order="desc"), limit=latest).rows))


def events(service: StoreService, query: EventQuery, limit: int = 50, cursor: str | None = None) -> EventPage:
    return service.model.page(query, limit, cursor)


@dataclass(frozen=True)
class DyadView:
    a: str
    b: str
    timeline: Timeline  # the whole span, with the query's filters but not its dates
    events: EventPage

    def to_dict(self) -> dict[str, Any]:
        return {"dyad": f"{self.a}-{self.b}", "timeline": timeline_json(self.timeline), "events": self.events.to_dict()}


def parse_dyad(text: str) -> tuple[str, str]:
    parts = text.split("-")
    if len(parts) != 2 or not all(p.strip().isalpha() for p in parts):
        raise InputError(f"dyad {text!r}", "expected two country codes joined by '-', like ISR-RUS")
    return parts[0].strip().upper(), parts[1].strip().upper()


def dyad(service: StoreService, a: str, b: str, query: EventQuery, by: str | None = None,
         limit: int = 50, cursor: str | None = None) -> DyadView:
    model = service.model
    undated = EventQuery.of(**{**_fields(query), "since": None, "until": None, "dyad": None}, q=query.q,
                            actor_name=query.actor_name)
    by = by or _chart_period(model.timeline(a, b, "year", undated))
    listed = EventQuery.of(**{**_fields(query), "dyad": f"{a}-{b}"}, q=query.q, actor_name=query.actor_name,
                           order=query.order)
    return DyadView(a, b, model.timeline(a, b, by, undated), model.page(listed, limit, cursor))


def timeline(service: StoreService, a: str, b: str, by: str, query: EventQuery) -> Timeline:
    return service.model.timeline(a, b, by, query)


def _fields(query: EventQuery) -> dict[str, Any]:
    f = query.filters
    return {"actor": f.actor, "country": f.country, "type": f.event_type, "status": f.status,
            "since": f.since, "until": f.until, "dyad": f"{f.dyad[0]}-{f.dyad[1]}" if f.dyad else None}


def _chart_period(years: Timeline) -> str:
    """Months while they fit on a chart, then quarters, then years."""
    if not years.rows:
        return "month"
    first, last = int(years.rows[0].period), int(years.rows[-1].period)
    span = last - first + 1
    return "month" if span * 12 <= MAX_CHART_PERIODS else "quarter" if span * 4 <= MAX_CHART_PERIODS else "year"


@dataclass(frozen=True)
class ActorView:
    name: str
    records: tuple[ActorCount, ...]
    counterparts: tuple[tuple[str, int], ...]
    events: EventPage

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "records": [r.to_dict() for r in self.records],
                "counterparts": [{"name": n, "events": k} for n, k in self.counterparts],
                "events": self.events.to_dict()}


def actor(service: StoreService, name: str, limit: int = 50, cursor: str | None = None,
          order: str = "asc") -> ActorView | None:
    records = service.actor_records(name)
    if not records:
        return None
    page = service.model.page(EventQuery(actor_name=name, order=order), limit, cursor)
    return ActorView(name, tuple(records), tuple(service.model.counterparts(name)), page)


@dataclass(frozen=True)
class EventView:
    detail: EventDetail
    document: DocumentView | None  # the document of its first report

    def to_dict(self) -> dict[str, Any]:
        return detail_json(self.detail)


def event(service: StoreService, event_id: str) -> EventView | None:
    detail = service.event_detail(event_id)
    if detail is None:
        return None
    return EventView(detail, document(service, detail.event.doc_id))


@dataclass(frozen=True)
class DocumentView:
    detail: DocumentDetail
    clean: CleanMap

    def to_dict(self) -> dict[str, Any]:
        data = self.detail.to_dict()
        data["clean_text"] = self.clean.text
        for mention, item in zip(self.detail.mentions, data["mentions"]):
            evidence = mention.mention.event.evidence
            span = self.clean.span(evidence.start, evidence.end)
            item["clean_start"], item["clean_end"] = span if span else (None, None)
        return data


def document(service: StoreService, doc_id: str) -> DocumentView | None:
    detail = service.document_detail(doc_id)
    return None if detail is None else DocumentView(detail, CleanMap(detail.article.text))
