"""``StoreService``: the store as the web application uses it.

Reads go to the read model (``dyad.api.readmodel``) and, for what it does not
hold, to DuckDB through one cursor per server thread. With ingestion on, the
service also owns the store's single writer: articles are coded and written
one request at a time, and the read model is rebuilt before the request
returns, so a client reads what it wrote.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import duckdb

from dyad.config import Settings
from dyad.errors import DyadError
from dyad.records import Article
from dyad.store import CodedDocument, WriteResult, open_store
from dyad.store import queries, web_queries
from dyad.store.queries import ActorCount, EventDetail
from dyad.store.web_queries import DocumentDetail

from dyad.api.readmodel import ReadModel


@dataclass(frozen=True)
class Overview:
    documents: int
    events: int
    mentions: int
    actors: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class CodingFailed(DyadError):
    """Some articles of a request could not be coded: nothing was stored."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__("; ".join(f"{doc_id}: {problem}" for doc_id, problem in problems))


class StoreService:
    """Read model, read cursors and (when ``allow_ingest``) the writer of one store."""

    def __init__(self, db_path: str | Path, allow_ingest: bool = False, settings: Settings | None = None):
        self.allow_ingest = allow_ingest
        self.settings = settings or Settings.load(db=str(db_path))
        self.store = open_store(db_path, read_only=not allow_ingest)
        self._local = threading.local()
        self._cursors: list[duckdb.DuckDBPyConnection] = []
        self._lock = threading.Lock()  # guards cursor creation
        self._write_lock = threading.Lock()  # one writing request at a time
        self._coder = None
        self.model = ReadModel.build(self.store.con)

    # -- reading ---------------------------------------------------------------
    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's own DuckDB cursor (a connection is not shared between threads)."""
        cursor = getattr(self._local, "cursor", None)
        if cursor is None:
            with self._lock:
                cursor = self.store.con.cursor()
                self._cursors.append(cursor)
            self._local.cursor = cursor
        return cursor

    def overview(self) -> Overview:
        model = self.model
        return model.remember(("overview",), lambda: Overview(
            queries.count(self.cursor(), "documents"), model.n, model.mentions_count,
            queries.count(self.cursor(), "actors")))

    def actors(self, country: str | None = None, limit: int | None = None) -> list[ActorCount]:
        country = country.strip().upper() if country else None
        return self.model.remember(("actors", country, limit), lambda: queries.actors(self.cursor(), country, limit))

    def actor_records(self, name: str) -> list[ActorCount]:
        """The actors (one per country and sector) with this canonical name."""
        return [a for a in self.actors() if a.name == name]

    def event_detail(self, event_id: str) -> EventDetail | None:
        model = self.model
        row = model.event(event_id)
        if row is None:
            return None
        return web_queries.event_detail(row, web_queries.mentions(self.cursor(), model.mention_ids_of_event(event_id)))

    def document_detail(self, doc_id: str) -> DocumentDetail | None:
        article = web_queries.document(self.cursor(), doc_id)
        if article is None:
            return None
        return web_queries.document_detail(self.cursor(), article, self.model.mention_ids_of_document(doc_id))

    # -- writing ---------------------------------------------------------------
    def ingest(self, articles: list[Article]) -> list[WriteResult]:
        """Code the articles and store them in one batch; all or none are
        coded. Raises CodingFailed naming the articles the coder failed on."""
        from dyad.ingest_run import code_chunk

        with self._write_lock:
            coded = code_chunk(self._load_coder(), articles)
            problems = [(a.doc_id, problem or "could not be coded")
                        for a, (events, problem) in zip(articles, coded) if events is None]
            if problems:
                raise CodingFailed(problems)
            results = self.store.writer().write([CodedDocument.of(a, events) for a, (events, _) in zip(articles, coded)])
            self.model = ReadModel.build(self.store.con)
            return results

    def _load_coder(self):
        if self._coder is None:
            from dyad.pipeline import Coder

            self._coder = Coder(self.settings)
        return self._coder

    def close(self) -> None:
        with self._lock:
            for cursor in self._cursors:
                cursor.close()
            self._cursors.clear()
        self.store.close()
