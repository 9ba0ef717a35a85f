"""``StoreService``: the store as the web application uses it.

Reads go to the read model (``dyad.api.readmodel``) and, for what it does not
hold, to DuckDB through one cursor per server thread. With ingestion on, the
service also owns the store's single writer: articles are coded and written
one request at a time, and the read model is rebuilt before the request
returns, so a client reads what it wrote.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from dyad.config import Settings
from dyad.errors import DyadError
from dyad.records import Article
from dyad.store import CodedDocument, StoreWriter, WriteResult, open_store
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
        return {"documents": self.documents, "events": self.events, "mentions": self.mentions, "actors": self.actors}


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
        # The store's own connection only makes cursors (DuckDB refuses a call on a
        # connection busy with another): one per reading thread, one to write.
        self._local = threading.local()
        self._cursors: list[duckdb.DuckDBPyConnection] = []
        self._lock = threading.Lock()  # guards making cursors
        self._write_lock = threading.Lock()  # one writing request at a time
        self._writer = StoreWriter(self._new_cursor(), str(db_path)) if allow_ingest else None
        self._coder = None
        self._warmers: list[threading.Thread] = []
        self.model = ReadModel.build(self.cursor())
        self._warm(self.model)

    # -- reading ---------------------------------------------------------------
    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's own DuckDB cursor (a connection is not shared between threads)."""
        cursor = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self._local.cursor = self._new_cursor()
        return cursor

    def _new_cursor(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            cursor = self.store.con.cursor()
            self._cursors.append(cursor)
            return cursor

    def overview(self) -> Overview:
        model = self.model
        return model.remember(("overview",), lambda: Overview(
            model.documents_count, model.n, model.mentions_count, queries.count(self.cursor(), "actors")))

    def actors(self, country: str | None = None, limit: int | None = None) -> list[ActorCount]:
        country = country.strip().upper() if country else None
        return self.model.remember(("actors", country, limit), lambda: queries.actors(self.cursor(), country, limit))

    def actors_json(self, country: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """``actors`` as JSON objects, made once per snapshot."""
        return self.model.remember(("actors-json", country, limit),
                                   lambda: [a.to_dict() for a in self.actors(country, limit)])

    def actor_records(self, name: str) -> list[ActorCount]:
        """The actors (one per country and sector) with this canonical name."""
        return [a for a in self.actors() if a.name == name]

    def event_detail(self, event_id: str) -> EventDetail | None:
        model = self.model
        row = model.event(event_id)
        if row is None:
            return None
        mention_ids = [event_id] if row["n_mentions"] == 1 else model.mention_ids_of_event(event_id)
        return web_queries.event_detail(row, web_queries.mentions(self.cursor(), mention_ids, model.documents_meta,
                                                                  model.alone))

    def document_detail(self, doc_id: str) -> DocumentDetail | None:
        article = web_queries.document(self.cursor(), doc_id)
        if article is None:
            return None
        model = self.model
        return web_queries.document_detail(self.cursor(), article, model.mentions_of_document(doc_id),
                                           model.documents_meta, model.alone)

    # -- writing ---------------------------------------------------------------
    def ingest(self, articles: list[Article]) -> list[WriteResult]:
        """Code the articles and store them in one batch; all or none are
        coded. Raises CodingFailed naming the articles the coder failed on."""
        from dyad.scale import code_chunk

        with self._write_lock:
            coded = code_chunk(self._load_coder(), articles)
            problems = [(a.doc_id, problem or "could not be coded")
                        for a, (events, problem) in zip(articles, coded) if events is None]
            if problems:
                raise CodingFailed(problems)
            results = self._writer.write([CodedDocument.of(a, events) for a, (events, _) in zip(articles, coded)])
            self.model = ReadModel.build(self.cursor())
            self._warm(self.model)
            return results

    def _warm(self, model: ReadModel) -> None:
        """Index the evidence words and count actors in the background, so that
        the first search or actors list does not wait for them."""
        def warm() -> None:
            try:
                model.text_index()
                self.actors_json(None, 100)
            except Exception:  # noqa: BLE001 - a failure here shows again, and is reported, on first use
                pass

        thread = threading.Thread(target=warm, name="dyad-warm", daemon=True)
        self._warmers = [t for t in self._warmers if t.is_alive()] + [thread]
        thread.start()

    def _load_coder(self):
        if self._coder is None:
            from dyad.pipeline import Coder

            self._coder = Coder(self.settings)
        return self._coder

    def close(self) -> None:
        for thread in self._warmers:  # a cursor busy warming cannot be closed
            thread.join()
        with self._lock:
            for cursor in self._cursors:
                cursor.close()
            self._cursors.clear()
        self.store.close()
