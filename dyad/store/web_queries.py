"""Store queries for the HTTP API and the web pages, beside ``queries``.

The API keeps an in-memory index of the events (``dyad.api.readmodel``) so
that lists, filters and cursors stay fast on a large store; it is loaded with
``index_tables``. What it does not hold -- mentions, documents -- is looked up
here by primary key. Everything is a function of a DuckDB connection (or a
cursor of one) and returns typed records, as in ``queries``.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from dyad.errors import InputError
from dyad.records import Actor, Article, Event
from dyad.store.queries import EVENT_COLUMNS, EventDetail, MentionRecord, Timeline
from dyad.store.rows import ACTOR_PARTS, PLACE_PARTS, arrow, event_from_row

# The order of every event list: oldest first, undated last, ties by id.
EVENT_ORDER = "date_lo NULLS LAST, event_id"
# Columns the index keeps beside the event record: the date span it filters on.
INDEX_COLUMNS = EVENT_COLUMNS + ("date_lo", "date_hi")
ORDERS = ("asc", "desc")
DOCUMENT_META = ("doc_id", "title", "url", "outlet")
DocumentsMeta = Callable[[Sequence[str]], dict[str, dict[str, Any]]]  # doc ids -> their DOCUMENT_META


def index_tables(con: duckdb.DuckDBPyConnection) -> tuple[pa.Table, pa.Table, pa.Table]:
    """Every event (in ``EVENT_ORDER``), every mention's ids and every
    document's metadata (by id), for the API's index."""
    events = arrow(con.sql(f"SELECT {', '.join(INDEX_COLUMNS)} FROM events ORDER BY {EVENT_ORDER}"))
    mentions = arrow(con.sql("SELECT mention_id, event_id, doc_id FROM mentions ORDER BY mention_id"))
    documents = arrow(con.sql(f"SELECT {', '.join(DOCUMENT_META)} FROM documents ORDER BY doc_id"))
    return events.combine_chunks(), mentions.combine_chunks(), documents.combine_chunks()


def event_json(row: dict[str, Any]) -> dict[str, Any]:
    """An events row as the API shows it: the event record of the spec and
    how it was merged -- ``event_from_row(row).to_dict()`` plus the merge
    fields, as `dyad events --format jsonl` prints it, built straight from the
    row (a page of events is built for every request; ``dataclasses.asdict``
    costs ten times more). A test checks both give the same."""
    return {
        "id": row["event_id"], "doc_id": row["doc_id"], "event_type": row["event_type"], "mode": row["mode"],
        "cameo": row["cameo"], "quad_class": row["quad_class"], "goldstein": row["goldstein"],
        "status": row["status"] or "happened",
        "source": None if row["source_name"] is None else {k: row[c] for k, c in _SOURCE},
        "target": None if row["target_name"] is None else {k: row[c] for k, c in _TARGET},
        "date": row["date"], "date_text": row["date_text"],
        "location": None if row["location_text"] is None else {k: row[c] for k, c in _LOCATION},
        "evidence": {"text": row["evidence_text"] or "", "start": row["evidence_start"], "end": row["evidence_end"]},
        "confidence": row["confidence"] if row["confidence"] is not None else 0.5,
        "date_estimated": row["date_estimated"], "published": row["published"],
        "n_mentions": row["n_mentions"], "n_documents": row["n_documents"],
    }


_SOURCE = tuple((p, f"source_{p}") for p in ACTOR_PARTS)
_TARGET = tuple((p, f"target_{p}") for p in ACTOR_PARTS)
_LOCATION = tuple((p, f"location_{p}") for p in PLACE_PARTS)


def _dicts(con: duckdb.DuckDBPyConnection, query: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    cursor = con.execute(query, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def documents_meta(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """doc id -> its ``DOCUMENT_META``."""
    if not doc_ids:
        return {}
    marks = ", ".join("?" for _ in doc_ids)
    return {d["doc_id"]: d for d in _dicts(
        con, f"SELECT {', '.join(DOCUMENT_META)} FROM documents WHERE doc_id IN ({marks})", doc_ids)}


def mentions(con: duckdb.DuckDBPyConnection, mention_ids: Sequence[str], meta: DocumentsMeta | None = None,
             alone: Callable[[str], dict[str, Any] | None] | None = None) -> list[MentionRecord]:
    """The mentions with these ids, with their documents' metadata (from
    ``meta`` when given, else the store), in the order ``queries.event_detail``
    gives them (publication, document, offset).

    ``alone(mention_id)`` may give the events row of a mention that is its
    event's only one: the writer makes such an event the mention itself (same
    id, same record; see ``merge.representative``), so it is not read again."""
    if not mention_ids:
        return []
    known = [row for row in map(alone, mention_ids) if row is not None] if alone else []
    rest = [m for m in mention_ids if m not in {row["event_id"] for row in known}]
    marks = ", ".join("?" for _ in rest)  # a short IN list: DuckDB looks each up in the key index
    rows = _dicts(con, f"SELECT * FROM mentions WHERE mention_id IN ({marks})", rest) if rest else []
    rows += [{**row, "mention_id": row["event_id"]} for row in known]
    doc_ids = sorted({r["doc_id"] for r in rows})
    docs = meta(doc_ids) if meta else documents_meta(con, doc_ids)
    rows.sort(key=lambda m: (m["published"] or "9999", m["doc_id"], m["evidence_start"] or 0, m["mention_id"]))
    none = {"title": None, "url": None, "outlet": None}
    return [MentionRecord(event_from_row(m, "mention_id"), docs.get(m["doc_id"], none)["title"], m["published"],
                          docs.get(m["doc_id"], none)["url"], docs.get(m["doc_id"], none)["outlet"]) for m in rows]


def event_detail(row: dict[str, Any], mention_records: Sequence[MentionRecord]) -> EventDetail:
    """``queries.EventDetail`` from an events row and its mentions."""
    return EventDetail(event_from_row(row), row["n_documents"], row["date_estimated"], tuple(mention_records))


@dataclass(frozen=True)
class DocumentMention:
    """One event told in a document: where its sentence is, and which merged event it is part of."""

    mention: MentionRecord
    event_id: str

    def to_dict(self) -> dict[str, Any]:
        e = self.mention.event
        return {"mention_id": e.id, "event_id": self.event_id, "event_type": e.event_type, "mode": e.mode,
                "status": e.status, "date": e.date, "source": actor_json(e.source), "target": actor_json(e.target),
                "evidence": {"text": e.evidence.text, "start": e.evidence.start, "end": e.evidence.end}}


@dataclass(frozen=True)
class DocumentDetail:
    article: Article
    mentions: tuple[DocumentMention, ...]  # in text order

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {"id": a.doc_id, "title": a.title, "published": a.published, "url": a.url, "outlet": a.outlet,
                "text": a.text, "mentions": [m.to_dict() for m in self.mentions]}


def document_detail(con: duckdb.DuckDBPyConnection, article: Article, owners: Sequence[tuple[str, str]],
                    meta: DocumentsMeta | None = None,
                    alone: Callable[[str], dict[str, Any] | None] | None = None) -> DocumentDetail:
    """The document with its mentions; ``owners``: (mention id, its merged event's id) pairs."""
    event_of = dict(owners)
    found = mentions(con, list(event_of), meta, alone)
    found.sort(key=lambda m: (m.event.evidence.start or 0, m.event.id))
    return DocumentDetail(article, tuple(DocumentMention(m, event_of[m.event.id]) for m in found))


def document(con: duckdb.DuckDBPyConnection, doc_id: str) -> Article | None:
    """The stored document (``source_path`` left out: no file path leaves the server)."""
    row = con.execute("SELECT doc_id, text, title, published, url, outlet FROM documents WHERE doc_id = ?",
                      [doc_id]).fetchall()
    return Article(*row[0]) if row else None


# -- JSON forms of the store's records, built field by field: the records' own
# ``to_dict`` goes through ``dataclasses.asdict``, ten times slower, and the API
# builds these for every request. Tests check that both give the same.

def actor_json(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"text": actor.text, "name": actor.name, "country": actor.country, "sector": actor.sector,
            "wikidata": actor.wikidata}


def record_json(e: Event) -> dict[str, Any]:
    """``Event.to_dict()``."""
    place = e.location
    return {
        "id": e.id, "doc_id": e.doc_id, "event_type": e.event_type, "mode": e.mode, "cameo": e.cameo,
        "quad_class": e.quad_class, "goldstein": e.goldstein, "status": e.status,
        "source": actor_json(e.source), "target": actor_json(e.target), "date": e.date, "date_text": e.date_text,
        "location": None if place is None else {"text": place.text, "name": place.name, "country": place.country,
                                                "lat": place.lat, "lon": place.lon},
        "evidence": {"text": e.evidence.text, "start": e.evidence.start, "end": e.evidence.end},
        "confidence": e.confidence,
    }


def detail_json(detail: EventDetail) -> dict[str, Any]:
    """``EventDetail.to_dict()``."""
    return {**record_json(detail.event), "date_estimated": detail.date_estimated, "n_documents": detail.n_documents,
            "mentions": [{**record_json(m.event), "document": {
                "title": m.title, "published": m.published, "url": m.url, "outlet": m.outlet}}
                for m in detail.mentions]}


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    """``Timeline.to_dict()``."""
    return {"a": timeline.a, "b": timeline.b, "by": timeline.by, "imprecise": timeline.imprecise,
            "rows": [{"period": r.period, "source": r.source, "target": r.target, "events": r.events,
                      "quad_classes": list(r.quad_classes), "goldstein_mean": r.goldstein_mean}
                     for r in timeline.rows]}


@dataclass(frozen=True)
class DyadCount:
    """Two countries (alphabetical) and the events between them, both directions."""

    a: str
    b: str
    events: int
    a_to_b: int
    b_to_a: int
    quad_classes: tuple[int, int, int, int]
    goldstein_mean: float | None
    first: str | None  # first and last day of the events' dates
    last: str | None

    @property
    def key(self) -> str:
        return f"{self.a}-{self.b}"

    def to_dict(self) -> dict[str, Any]:
        return {"dyad": self.key, "a": self.a, "b": self.b, "events": self.events, "a_to_b": self.a_to_b,
                "b_to_a": self.b_to_a, "quad_classes": list(self.quad_classes), "goldstein_mean": self.goldstein_mean,
                "first": self.first, "last": self.last}


@dataclass(frozen=True)
class Cursor:
    """Where a page ended: the last event's sort key and the order. Opaque to
    clients (base64 of JSON); valid with the same filters only."""

    order: str
    day: int | None  # date_lo as days since 1970-01-01; None for undated
    event_id: str

    def encode(self) -> str:
        raw = json.dumps([self.order, self.day, self.event_id], separators=(",", ":")).encode("utf-8")
        return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")

    @classmethod
    def decode(cls, text: str) -> Cursor:
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            order, day, event_id = json.loads(raw.decode("utf-8"))
        except (binascii.Error, UnicodeDecodeError, ValueError, TypeError) as error:
            raise InputError(f"cursor {text[:40]!r}", "not a cursor this server gave out") from error
        if order not in ORDERS or not isinstance(event_id, str) or not (day is None or isinstance(day, int)):
            raise InputError(f"cursor {text[:40]!r}", "not a cursor this server gave out")
        return cls(order, day, event_id)


@dataclass(frozen=True)
class EventPage:
    """One page of an event list: rows as ``event_rows`` gives them, the
    number of events that match, and the cursor of the next page."""

    rows: tuple[dict[str, Any], ...]
    total: int
    next: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "next": self.next, "events": [event_json(r) for r in self.rows]}
