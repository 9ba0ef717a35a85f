"""``Store``: one DuckDB file of documents, mentions, events and actors."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from dyad.config import Settings
from dyad.errors import StoreError
from dyad.records import Article, Event
from dyad.store import queries
from dyad.store.rows import arrow
from dyad.store.schema import applied, migrate, pending
from dyad.store.writer import StoreWriter


class Store:
    """Questions about the stored events, and the single writer.

    Filters for ``events``, ``events_table`` and ``events_arrow``: ``dyad``
    ("ISR-RUS", either direction), ``actor`` (part of a name), ``country``,
    ``event_type``, ``since``, ``until``, ``status``, ``doc_id``, ``limit``
    (see :class:`dyad.store.queries.EventFilter`)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool = False):
        self.con = con
        self.path = path
        self.read_only = read_only
        self._writer: StoreWriter | None = None

    # -- questions -----------------------------------------------------------
    def events(self, **filters: Any) -> list[Event]:
        return queries.events(self.con, queries.EventFilter.of(**filters))

    def event_rows(self, **filters: Any) -> list[dict[str, Any]]:
        return queries.event_rows(self.con, queries.EventFilter.of(**filters))

    def events_table(self, **filters: Any) -> pd.DataFrame:
        return queries.select_events(self.con, queries.EventFilter.of(**filters)).df()

    def events_arrow(self, **filters: Any) -> pa.Table:
        return arrow(queries.select_events(self.con, queries.EventFilter.of(**filters)))

    def timeline(self, a: str, b: str, by: str = "month") -> queries.Timeline:
        return queries.timeline(self.con, a, b, by)

    def actors(self, country: str | None = None, limit: int | None = None) -> list[queries.ActorCount]:
        return queries.actors(self.con, country, limit)

    def event(self, event_id: str) -> queries.EventDetail | None:
        return queries.event_detail(self.con, event_id)

    def document(self, doc_id: str) -> Article | None:
        return queries.document(self.con, doc_id)

    def documents_count(self) -> int:
        return queries.count(self.con, "documents")

    def events_count(self) -> int:
        return queries.count(self.con, "events")

    def mentions_count(self) -> int:
        return queries.count(self.con, "mentions")

    def migrations(self) -> list[str]:
        return applied(self.con)

    # -- writing ---------------------------------------------------------------
    def writer(self) -> StoreWriter:
        """The one writer of this store."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        if self._writer is None:
            self._writer = StoreWriter(self.con, self.path)
        return self._writer

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(db: str | Path | None = None, read_only: bool = False) -> Store:
    """Open (or create) the store at ``db`` (default: settings' ``db``, i.e.
    ``$DYAD_DB`` or ``./dyad.duckdb``) and bring its schema up to date.
    ``read_only`` stores must exist; they are migrated first if they need it."""
    path = str(db or Settings.load().db)
    if read_only:
        if not Path(path).is_file():
            raise StoreError(f"{path}: no store there (`dyad ingest` creates one)")
        con = _connect(path, read_only=True)
        if not pending(con, path):
            return Store(con, path, read_only=True)
        con.close()
        _connect_and_migrate(path).close()
        return Store(_connect(path, read_only=True), path, read_only=True)
    return Store(_connect_and_migrate(path), path)


def _connect_and_migrate(path: str) -> duckdb.DuckDBPyConnection:
    if not Path(path).parent.exists():
        raise StoreError(f"{path}: folder {Path(path).parent} does not exist")
    if not Path(path).exists() or Path(path).stat().st_size == 0:
        _create(path)
    con = _connect(path, read_only=False)
    try:
        migrate(con, path)
    except StoreError:
        con.close()
        raise
    return con


def _create(path: str) -> None:
    """A new store appears whole: built beside its final name, then linked
    there, so that a run killed while creating it leaves no broken file (and
    two runs creating it at once keep the first)."""
    building = Path(f"{path}.creating-{os.getpid()}")
    for leftover in (building, Path(f"{building}.wal")):
        leftover.unlink(missing_ok=True)
    con = _connect(str(building), read_only=False)
    try:
        migrate(con, path)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    if Path(path).exists() and Path(path).stat().st_size == 0:
        Path(path).unlink()  # left by a run killed while creating it with an older Dyad
    try:
        os.link(building, path)
    except FileExistsError:
        pass  # another process created it first
    except OSError as error:
        raise StoreError(f"{path}: cannot create: {error.strerror or error}") from error
    finally:
        building.unlink(missing_ok=True)


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.IOException as error:
        if "lock" in str(error).lower():
            raise StoreError(
                f"{path}: in use by another process (while one writes, e.g. `dyad ingest`, no other may open it)"
            ) from error
        raise StoreError(f"{path}: cannot open: {error}") from error
    except duckdb.Error as error:
        raise StoreError(f"{path}: not a Dyad store: {error}") from error
