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
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import duckdb
import pyarrow as pa

from dyad.errors import InputError
from dyad.records import Article
from dyad.store.queries import EVENT_COLUMNS, EventDetail, MentionRecord
from dyad.store.rows import arrow, event_from_row

# The order of every event list: oldest first, undated last, ties by id.
EVENT_ORDER = "date_lo NULLS LAST, event_id"
# Columns the index keeps beside the event record: the date span it filters on.
INDEX_COLUMNS = EVENT_COLUMNS + ("date_lo", "date_hi")
ORDERS = ("asc", "desc")


def index_tables(con: duckdb.DuckDBPyConnection) -> tuple[pa.Table, pa.Table]:
    """Every event (in ``EVENT_ORDER``) and every mention's ids, for the API's index."""
    events = arrow(con.sql(f"SELECT {', '.join(INDEX_COLUMNS)} FROM events ORDER BY {EVENT_ORDER}"))
    mentions = arrow(con.sql("SELECT mention_id, event_id, doc_id FROM mentions ORDER BY mention_id"))
    return events.combine_chunks(), mentions.combine_chunks()


def event_json(row: dict[str, Any]) -> dict[str, Any]:
    """An events row as the API shows it: the event record of the spec and
    how it was merged (as `dyad events --format jsonl` prints it)."""
    return {**event_from_row(row).to_dict(), "date_estimated": row["date_estimated"], "published": row["published"],
            "n_mentions": row["n_mentions"], "n_documents": row["n_documents"]}


def mentions(con: duckdb.DuckDBPyConnection, mention_ids: Sequence[str]) -> list[MentionRecord]:
    """The mentions with these ids, with their documents' metadata, in the
    order ``queries.event_detail`` gives them (publication, document, offset)."""
    if not mention_ids:
        return []
    marks = ", ".join("?" for _ in mention_ids)  # a literal IN list: DuckDB looks each up in the key index
    rows = arrow(con.sql(f"SELECT * FROM mentions WHERE mention_id IN ({marks})", params=list(mention_ids))).to_pylist()
    doc_ids = sorted({r["doc_id"] for r in rows})
    docs = {d[0]: d[1:] for d in con.execute(
        f"SELECT doc_id, title, url, outlet FROM documents WHERE doc_id IN ({', '.join('?' for _ in doc_ids)})",
        doc_ids).fetchall()} if doc_ids else {}
    rows.sort(key=lambda m: (m["published"] or "9999", m["doc_id"], m["evidence_start"] or 0, m["mention_id"]))
    return [MentionRecord(event_from_row(m, "mention_id"), docs.get(m["doc_id"], (None,) * 3)[0],
                          m["published"], *docs.get(m["doc_id"], (None,) * 3)[1:]) for m in rows]


def mention_events(con: duckdb.DuckDBPyConnection, mention_ids: Sequence[str]) -> dict[str, str]:
    """mention id -> the id of the merged event it belongs to."""
    if not mention_ids:
        return {}
    marks = ", ".join("?" for _ in mention_ids)
    return dict(con.execute(f"SELECT mention_id, event_id FROM mentions WHERE mention_id IN ({marks})",
                            list(mention_ids)).fetchall())


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
                "status": e.status, "date": e.date, "source": e.source.to_dict() if e.source else None,
                "target": e.target.to_dict() if e.target else None, "evidence": e.evidence.to_dict()}


@dataclass(frozen=True)
class DocumentDetail:
    article: Article
    mentions: tuple[DocumentMention, ...]  # in text order

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {"id": a.doc_id, "title": a.title, "published": a.published, "url": a.url, "outlet": a.outlet,
                "text": a.text, "mentions": [m.to_dict() for m in self.mentions]}


def document_detail(con: duckdb.DuckDBPyConnection, article: Article, mention_ids: Sequence[str]) -> DocumentDetail:
    found = mentions(con, mention_ids)
    owners = mention_events(con, [m.event.id for m in found])
    found.sort(key=lambda m: (m.event.evidence.start or 0, m.event.id))
    return DocumentDetail(article, tuple(DocumentMention(m, owners.get(m.event.id, m.event.id)) for m in found))


def document(con: duckdb.DuckDBPyConnection, doc_id: str) -> Article | None:
    """The stored document (``source_path`` left out: no file path leaves the server)."""
    row = con.execute("SELECT doc_id, text, title, published, url, outlet FROM documents WHERE doc_id = ?",
                      [doc_id]).fetchall()
    return Article(*row[0]) if row else None


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
        return {"dyad": self.key, **asdict(self)}


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
    def decode(cls, text: str) -> "Cursor":
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
