"""Query parameters of the API, declared once: each one reads and checks
itself from a request and describes itself for the OpenAPI schema.

FastAPI's own parameter handling costs about as much per request as the
answer it serves (it re-examines the annotations every time); the list
endpoints run hot, so they read their parameters here. Bad values raise
InputError, which the app answers with 422 and the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.requests import Request

from dyad.api.readmodel import MAX_LIMIT, EventQuery
from dyad.errors import InputError
from dyad.records import EVENT_TYPES, STATUSES


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    kind: type = str
    default: Any = None
    choices: tuple[str, ...] = ()
    low: int | None = None
    high: int | None = None
    max_length: int = 200

    def read(self, request: Request) -> Any:
        raw = request.query_params.get(self.name)
        if raw is None or raw == "":
            return self.default
        if len(raw) > self.max_length:
            raise InputError(f"{self.name}", f"longer than {self.max_length} characters")
        if self.kind is int:
            return self._number(raw)
        if self.choices and raw not in self.choices:
            raise InputError(f"{self.name} {raw!r}", f"not one of {', '.join(self.choices)}")
        return raw

    def _number(self, raw: str) -> int:
        try:
            value = int(raw)
        except ValueError:
            raise InputError(f"{self.name} {raw!r}", "not a whole number") from None
        if (self.low is not None and value < self.low) or (self.high is not None and value > self.high):
            raise InputError(f"{self.name} {value}", f"not between {self.low} and {self.high}")
        return value

    def openapi(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "integer" if self.kind is int else "string"}
        if self.default is not None:
            schema["default"] = self.default
        if self.choices:
            schema["enum"] = list(self.choices)
        if self.low is not None:
            schema["minimum"] = self.low
        if self.high is not None:
            schema["maximum"] = self.high
        return {"name": self.name, "in": "query", "required": False, "description": self.description,
                "schema": schema}


def read(request: Request, params: tuple[Param, ...]) -> dict[str, Any]:
    return {p.name: p.read(request) for p in params}


def documented(params: tuple[Param, ...]) -> dict[str, Any]:
    """``openapi_extra`` for a route that reads these parameters itself."""
    return {"parameters": [p.openapi() for p in params]}


DYAD = Param("dyad", "Two country codes, either direction: ISR-RUS.", max_length=20)
ACTOR = Param("actor", "Part of an actor's canonical name, either side (any case).")
COUNTRY = Param("country", "A country code on either side: RUS.", max_length=3)
TYPE = Param("type", f"PLOVER event type: {', '.join(EVENT_TYPES)} (any case).", max_length=20)
STATUS = Param("status", "happened, planned or negated.", choices=STATUSES)
SINCE = Param("since", "Events dated on or after YYYY[-MM[-DD]].", max_length=10)
UNTIL = Param("until", "Events dated on or before YYYY[-MM[-DD]] (2016 ends 2016-12-31).", max_length=10)
Q = Param("q", "Words that must all occur in the evidence sentence (any case).", max_length=500)
ORDER = Param("order", "By date: oldest first (asc) or newest first (desc).", default="asc", choices=("asc", "desc"))
LIMIT = Param("limit", "Events per page.", int, 50, low=1, high=MAX_LIMIT)
CURSOR = Param("cursor", "The `next` cursor of the previous page (with the same filters).", max_length=400)
BY = Param("by", "Period: month, quarter or year.", choices=("month", "quarter", "year"))

FILTERS = (DYAD, ACTOR, COUNTRY, TYPE, STATUS, SINCE, UNTIL, Q, ORDER)
PAGE = (LIMIT, CURSOR)
EVENTS = FILTERS + PAGE
TIMELINE = (Param("a", "Country code: ISR.", max_length=3), Param("b", "Country code: RUS.", max_length=3),
            Param("by", BY.description, default="month", choices=BY.choices), ACTOR, TYPE, STATUS, Q)
DYAD_FILTERS = (ACTOR, TYPE, STATUS, SINCE, UNTIL, Q, ORDER)
DYAD_PAGE = (BY,) + DYAD_FILTERS + PAGE
ACTOR_PAGE = (ORDER,) + PAGE
ACTORS = (COUNTRY, Param("limit", "Actors at most.", int, 100, low=1, high=10_000))
DYADS = (Param("limit", "Pairs at most.", int, 20, low=1, high=1000),)


def event_query(values: dict[str, Any]) -> EventQuery:
    """The event filters among values ``read`` gave."""
    return EventQuery.of(**{p.name: values.get(p.name) for p in FILTERS})


def shown(values: dict[str, Any], params: tuple[Param, ...]) -> dict[str, Any]:
    """The values that differ from their defaults: what a link to the same view must carry."""
    return {p.name: values[p.name] for p in params if values.get(p.name) not in (None, "", p.default)}
