"""The questions a store answers, as functions of a DuckDB connection that
return typed records. The CLI prints them; an HTTP API or web page can
serve the same records as JSON."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import duckdb

from dyad.errors import InputError
from dyad.merge import parse_date
from dyad.records import EVENT_TYPES, STATUSES, Article, Event
from dyad.store.rows import RECORD_COLUMNS, arrow, event_from_row, events_from_table, first_row

# What a caller sees of an event row (block_key and actor ids stay inside).
EVENT_COLUMNS = ("event_id",) + RECORD_COLUMNS + (
    "date_estimated", "doc_id", "published", "n_mentions", "n_documents",
)
PERIODS = {"month": "month", "quarter": "quarter", "year": "year"}


@dataclass(frozen=True)
class EventFilter:
    """Which events: every field given narrows the selection.

    ``dyad`` is two country codes, either direction; ``actor`` a part of a
    canonical name (either side, any case); ``since``/``until`` dates as
    ``YYYY[-MM[-DD]]``, inclusive: an event counts when its date lies wholly
    inside. An event without a date is placed at its earliest report's
    publication date."""

    dyad: tuple[str, str] | None = None
    actor: str | None = None
    country: str | None = None
    event_type: str | None = None
    since: str | None = None
    until: str | None = None
    status: str | None = None
    doc_id: str | None = None
    limit: int | None = None

    @classmethod
    def of(cls, dyad: str | Sequence[str] | None = None, event_type: str | None = None, **others: Any) -> "EventFilter":
        """Checked and normalised filters; bad values raise InputError."""
        if "type" in others:
            event_type = event_type or others.pop("type")
        unknown = set(others) - {f for f in cls.__dataclass_fields__ if f not in ("dyad", "event_type")}
        if unknown:
            raise InputError("event filter", f"unknown filter {', '.join(sorted(unknown))}")
        return cls(dyad=_dyad(dyad), event_type=_choice(event_type, EVENT_TYPES, "type"), **{
            **others,
            "country": _country(others.get("country")),
            "status": _choice(others.get("status"), STATUSES, "status"),
            "since": _date(others.get("since"), "since"),
            "until": _date(others.get("until"), "until"),
        })

    def where(self) -> tuple[str, list[Any]]:
        """SQL condition on the events table (alias ``e``) and its parameters."""
        terms, params = ["TRUE"], []
        if self.dyad:
            a, b = self.dyad
            terms.append("((e.source_country = ? AND e.target_country = ?) OR (e.source_country = ? AND e.target_country = ?))")
            params += [a, b, b, a]
        if self.country:
            terms.append("(e.source_country = ? OR e.target_country = ?)")
            params += [self.country, self.country]
        if self.actor:
            terms.append("(contains(lower(e.source_name), ?) OR contains(lower(e.target_name), ?))")
            params += [self.actor.lower()] * 2
        for column, value in (("event_type", self.event_type), ("status", self.status), ("doc_id", self.doc_id)):
            if value:
                terms.append(f"e.{column} = ?")
                params.append(value)
        if self.since:
            terms.append("e.date_lo >= ?")
            params.append(parse_date(self.since)[0])
        if self.until:
            terms.append("e.date_hi <= ?")
            params.append(parse_date(self.until)[1])
        return " AND ".join(terms), params

    def sql(self, columns: str = "e.*") -> tuple[str, list[Any]]:
        where, params = self.where()
        order = "ORDER BY e.date_lo NULLS LAST, e.event_id"
        # Find the rows by the filter's columns alone, then read all their
        # columns: filtering while reading every column reads them all.
        if not self.limit:
            return (
                f"SELECT {columns} FROM events e WHERE e.rowid IN (SELECT e.rowid FROM events e WHERE {where}) {order}",
                params,
            )
        return (
            f"WITH firsts AS (SELECT e.rowid AS row_number, e.date_lo, e.event_id FROM events e WHERE {where}"
            f" {order} LIMIT {int(self.limit)})"
            f" SELECT {columns} FROM firsts f JOIN events e ON e.rowid = f.row_number"
            f" ORDER BY f.date_lo NULLS LAST, f.event_id"
        ), params


def _dyad(value: str | Sequence[str] | None) -> tuple[str, str] | None:
    if value is None or value == "":
        return None
    parts = value.split("-") if isinstance(value, str) else list(value)
    if len(parts) != 2 or not all(p.strip() for p in parts):
        raise InputError(f"dyad {value!r}", "expected two actor country codes joined by '-', like ISR-RUS")
    return _country(parts[0]), _country(parts[1])


def _country(value: str | None) -> str | None:
    return value.strip().upper() if value else None


def _choice(value: str | None, allowed: Sequence[str], what: str) -> str | None:
    if not value:
        return None
    normal = value.upper() if what == "type" else value.lower()
    if normal not in allowed:
        raise InputError(f"{what} {value!r}", f"not one of {', '.join(allowed)}")
    return normal


def _date(value: str | None, what: str) -> str | None:
    if not value:
        return None
    if parse_date(str(value)) is None:
        raise InputError(f"{what} {value!r}", "not a date like YYYY, YYYY-MM or YYYY-MM-DD")
    return str(value)


def select_events(con: duckdb.DuckDBPyConnection, filters: EventFilter) -> duckdb.DuckDBPyRelation:
    """The matching events as a relation (read it as rows, arrow or pandas)."""
    query, params = filters.sql(", ".join(f"e.{c}" for c in EVENT_COLUMNS))
    return con.sql(query, params=params)


def events(con: duckdb.DuckDBPyConnection, filters: EventFilter) -> list[Event]:
    return events_from_table(arrow(select_events(con, filters)))


def event_rows(con: duckdb.DuckDBPyConnection, filters: EventFilter) -> list[dict[str, Any]]:
    """Like ``events`` with the merge columns too (mentions, documents): for tables and JSON."""
    return arrow(select_events(con, filters)).to_pylist()


@dataclass(frozen=True)
class TimelineRow:
    period: str  # 2016-03, 2016-Q1 or 2016
    source: str
    target: str
    events: int
    quad_classes: tuple[int, int, int, int]  # counts of QuadClass 1..4
    goldstein_mean: float | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Timeline:
    a: str
    b: str
    by: str
    rows: tuple[TimelineRow, ...]
    imprecise: int = 0  # events whose date spans more than one period: left out
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "by": self.by, "imprecise": self.imprecise,
                "rows": [r.to_dict() for r in self.rows]}


def timeline(con: duckdb.DuckDBPyConnection, a: str, b: str, by: str = "month") -> Timeline:
    """Per period and direction (a->b, b->a): events per QuadClass and mean
    Goldstein value. Events dated less precisely than a period are counted in
    ``imprecise``, not spread over periods."""
    if by not in PERIODS:
        raise InputError(f"period {by!r}", f"not one of {', '.join(PERIODS)}")
    a, b = _country(a), _country(b)
    unit = PERIODS[by]
    rows = con.execute(f"""
        WITH d AS (
            SELECT source_country AS s, target_country AS t, quad_class, goldstein,
                   date_trunc('{unit}', date_lo) AS p_lo, date_trunc('{unit}', date_hi) AS p_hi
            FROM events
            WHERE (source_country = $a AND target_country = $b) OR (source_country = $b AND target_country = $a))
        SELECT p_lo, s, t, count(*),
               count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
               count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),
               avg(goldstein)
        FROM d WHERE p_lo = p_hi GROUP BY p_lo, s, t ORDER BY p_lo, s = $b, s""", {"a": a, "b": b}).fetchall()
    imprecise = first_row(con.execute(f"""
        SELECT count(*) FROM events
        WHERE ((source_country = $a AND target_country = $b) OR (source_country = $b AND target_country = $a))
          AND (date_lo IS NULL OR date_trunc('{unit}', date_lo) <> date_trunc('{unit}', date_hi))""",
        {"a": a, "b": b}))[0]
    return Timeline(a, b, by, tuple(
        TimelineRow(_period(p, by), s, t, n, (q1, q2, q3, q4), None if g is None else round(g, 3))
        for p, s, t, n, q1, q2, q3, q4, g in rows
    ), imprecise)


def _period(day, by: str) -> str:
    if by == "year":
        return f"{day.year:04d}"
    if by == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year:04d}-{day.month:02d}"


@dataclass(frozen=True)
class ActorCount:
    actor_id: str
    name: str
    country: str | None
    sector: str | None
    wikidata: str | None
    as_source: int
    as_target: int
    events: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def actors(con: duckdb.DuckDBPyConnection, country: str | None = None, limit: int | None = None) -> list[ActorCount]:
    """Actors with the number of events they act in (as source, as target, in all)."""
    query = """
        WITH sides AS (
            SELECT source_actor_id AS actor_id, 1 AS src, 0 AS tgt FROM events WHERE source_actor_id IS NOT NULL
            UNION ALL
            SELECT target_actor_id, 0, 1 FROM events WHERE target_actor_id IS NOT NULL),
        counts AS (SELECT actor_id, sum(src)::INT AS s, sum(tgt)::INT AS t FROM sides GROUP BY actor_id)
        SELECT a.actor_id, a.name, a.country, a.sector, a.wikidata, c.s, c.t, c.s + c.t
        FROM actors a JOIN counts c USING (actor_id)
        WHERE ($country IS NULL OR a.country = $country)
        ORDER BY c.s + c.t DESC, a.name, a.actor_id"""
    if limit:
        query += f" LIMIT {int(limit)}"
    return [ActorCount(*row) for row in con.execute(query, {"country": _country(country)}).fetchall()]


@dataclass(frozen=True)
class MentionRecord:
    """One report of an event: the event as coded in that document, and the document."""

    event: Event  # its id is the mention's id (the coder's event id)
    title: str | None
    published: str | None
    url: str | None
    outlet: str | None

    def to_dict(self) -> dict[str, Any]:
        return {**self.event.to_dict(), "document": {
            "title": self.title, "published": self.published, "url": self.url, "outlet": self.outlet}}


@dataclass(frozen=True)
class EventDetail:
    event: Event
    n_documents: int
    date_estimated: bool
    mentions: tuple[MentionRecord, ...]

    def to_dict(self) -> dict[str, Any]:
        return {**self.event.to_dict(), "date_estimated": self.date_estimated, "n_documents": self.n_documents,
                "mentions": [m.to_dict() for m in self.mentions]}


def event_detail(con: duckdb.DuckDBPyConnection, event_id: str) -> EventDetail | None:
    row = arrow(con.sql(
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE event_id = ?", params=[event_id]
    )).to_pylist()
    if not row:
        return None
    mentions = arrow(con.sql(
        "SELECT m.*, d.title, d.url, d.outlet FROM mentions m JOIN documents d USING (doc_id)"
        " WHERE m.event_id = ? ORDER BY coalesce(m.published, '9999'), m.doc_id, m.evidence_start, m.mention_id",
        params=[event_id],
    )).to_pylist()
    return EventDetail(
        event=event_from_row(row[0]),
        n_documents=row[0]["n_documents"],
        date_estimated=row[0]["date_estimated"],
        mentions=tuple(
            MentionRecord(event_from_row(m, "mention_id"), m["title"], m["published"], m["url"], m["outlet"])
            for m in mentions
        ),
    )


def document(con: duckdb.DuckDBPyConnection, doc_id: str) -> Article | None:
    row = first_row(con.execute(
        "SELECT doc_id, text, title, published, url, outlet, source_path FROM documents WHERE doc_id = ?", [doc_id]
    ))
    return Article(*row) if row else None


def count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    if table not in ("documents", "events", "mentions", "actors"):
        raise ValueError(table)
    return first_row(con.execute(f"SELECT count(*) FROM {table}"))[0]
