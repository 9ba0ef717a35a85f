"""The single writer: coded documents in, documents/mentions/events/actors out.

A batch of documents is one transaction: a run killed at any moment leaves
each document either fully stored (document, mentions, merged events) or not
at all. Writes are idempotent upserts keyed by doc_id and content hash: the
same document again changes nothing; a changed one replaces its mentions and
the events they were part of are merged again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import duckdb
import pyarrow as pa

from dyad import __version__
from dyad.errors import StoreError
from dyad.merge import DATE_WINDOW_DAYS, Mention, cluster, content_words, event_block_key, representative, same_event
from dyad.records import Article, Event
from dyad.store.rows import actor_id, arrow, content_hash, date_bounds, event_from_row, record_columns


@dataclass(frozen=True)
class CodedDocument:
    """One document as read and the events the coder found in it."""

    article: Article
    events: tuple[Event, ...]
    content_hash: str

    @classmethod
    def of(cls, article: Article, events: Sequence[Event]) -> "CodedDocument":
        return cls(article, tuple(events), content_hash(article))


@dataclass(frozen=True)
class WriteResult:
    doc_id: str
    outcome: str  # new | replaced | unchanged | failed
    events: int = 0
    problem: str | None = None


class StoreWriter:
    """The only code that writes to a store. Not thread-safe: one per store."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str):
        self._con = con
        self._path = path

    def content_hashes(self) -> dict[str, str]:
        """doc_id -> content hash of every stored document."""
        return dict(self._con.execute("SELECT doc_id, content_hash FROM documents").fetchall())

    def write(self, documents: Sequence[CodedDocument]) -> list[WriteResult]:
        """Store a batch in one transaction. If the batch fails, each document
        is tried alone, so one bad document fails alone."""
        try:
            return self._transaction(documents)
        except duckdb.Error as error:
            if len(documents) == 1:
                return [WriteResult(documents[0].article.doc_id, "failed", problem=f"cannot store: {error}")]
        return [result for doc in documents for result in self.write([doc])]

    def delete(self, doc_ids: Sequence[str]) -> int:
        """Remove documents with their mentions; their events are merged again."""
        with_docs = self._con.execute(
            "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [list(doc_ids)]
        ).fetchall()
        self._con.execute("BEGIN TRANSACTION")
        try:
            affected, stale = self._remove([row[0] for row in with_docs])
            self._recluster(affected, stale)
            self._con.execute("COMMIT")
        except duckdb.Error as error:
            self._con.execute("ROLLBACK")
            raise StoreError(f"{self._path}: cannot delete documents: {error}") from error
        return len(with_docs)

    def _transaction(self, documents: Sequence[CodedDocument]) -> list[WriteResult]:
        self._con.execute("BEGIN TRANSACTION")
        try:
            results = []
            for round_ in _rounds(documents):
                results.extend(self._write_round(round_))
            self._con.execute("COMMIT")
            return results
        except BaseException:
            self._con.execute("ROLLBACK")
            raise

    def _write_round(self, documents: Sequence[CodedDocument]) -> list[WriteResult]:
        ids = [d.article.doc_id for d in documents]
        stored = dict(self._con.execute(
            "SELECT doc_id, content_hash FROM documents WHERE doc_id IN (SELECT unnest(?))", [ids]
        ).fetchall())
        changed = [d for d in documents if stored.get(d.article.doc_id) != d.content_hash]
        affected, stale = self._remove([d.article.doc_id for d in changed if d.article.doc_id in stored])
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        mention_rows = [row for d in changed for row in _mention_rows(d)]
        self._insert("documents", [_document_row(d, len(_unique_events(d)), now) for d in changed])
        self._insert("mentions", mention_rows)
        for key, group in self._linked_groups(mention_rows):
            affected.setdefault(key, set()).add(group)
        self._recluster(affected, stale, {row["mention_id"] for row in mention_rows})
        return [_result(d, stored) for d in documents]

    def _remove(self, doc_ids: list[str]) -> tuple[dict[str, set[str]], set[str]]:
        """Delete documents and their mentions; returns the merge groups they
        were part of and the event ids that may no longer exist."""
        affected: dict[str, set[str]] = {}
        stale: set[str] = set()
        if not doc_ids:
            return affected, stale
        old = self._con.execute(
            "SELECT block_key, group_id, event_id FROM mentions WHERE doc_id IN (SELECT unnest(?))", [doc_ids]
        ).fetchall()
        for key, group, event in old:
            affected.setdefault(key, set()).add(group)
            stale.add(event)
        self._con.execute("DELETE FROM mentions WHERE doc_id IN (SELECT unnest(?))", [doc_ids])
        self._con.execute("DELETE FROM documents WHERE doc_id IN (SELECT unnest(?))", [doc_ids])
        return affected, stale

    def _linked_groups(self, new_rows: list[dict[str, Any]]) -> set[tuple[str, str]]:
        """(block key, group) of every stored mention that a new one is the same event as."""
        if not new_rows:
            return set()
        probe = pa.Table.from_pylist([{k: r[k] for k in _PROBE_COLUMNS} for r in new_rows], schema=_PROBE_SCHEMA)
        self._con.register("_probe", probe)
        try:
            found = self._con.execute(_CANDIDATES_SQL).fetchall()
        finally:
            self._con.unregister("_probe")
        new_by_id = {r["mention_id"]: _mention_of_row(r) for r in new_rows}
        linked = {(r["block_key"], r["mention_id"]) for r in new_rows}
        for new_id, *candidate in found:
            other = _mention_of_row(dict(zip(_CANDIDATE_COLUMNS, candidate)))
            if same_event(new_by_id[new_id], other):
                linked.add((other.key, candidate[_CANDIDATE_COLUMNS.index("group_id")]))
        return linked

    def _recluster(self, affected: dict[str, set[str]], stale: set[str], new: set[str] = frozenset()) -> None:
        """Merge again the mentions of the affected groups (``new``: the ids of
        mentions just inserted, in no event yet); rewrite their events."""
        if not affected and not stale:
            return
        # Filtering by lists, not joining a table: the lists use the block key index,
        # a join reads every column of every mention.
        groups = sorted({g for gs in affected.values() for g in gs})
        rows = [r for r in arrow(self._con.sql(
            "SELECT * FROM mentions WHERE block_key IN (SELECT unnest(?)) AND group_id IN (SELECT unnest(?))",
            params=[sorted(affected), groups],
        )).to_pylist() if r["group_id"] in affected[r["block_key"]]]
        by_id = {r["mention_id"]: r for r in rows}
        old_events = stale | {r["event_id"] for r in rows if r["mention_id"] not in new}
        updates, events = [], []
        for group_id, members in cluster(_mention_of_row(r) for r in rows):
            event_id = members[0].mention_id
            for m in members:
                row = by_id[m.mention_id]
                if (row["event_id"], row["group_id"]) != (event_id, group_id):
                    updates.append({"mention_id": m.mention_id, "event_id": event_id, "group_id": group_id})
            events.append(_event_row([by_id[m.mention_id] for m in members]))
        self._update_mentions(updates)
        old_actors = self._replace_events(old_events, events)
        self._sync_actors(events, old_actors)

    def _update_mentions(self, updates: list[dict[str, str]]) -> None:
        if not updates:
            return
        self._con.register("_updates", pa.Table.from_pylist(updates, schema=_UPDATE_SCHEMA))
        try:
            self._con.execute(
                "UPDATE mentions SET event_id = u.event_id, group_id = u.group_id"
                " FROM _updates u WHERE mentions.mention_id = u.mention_id"
            )
        finally:
            self._con.unregister("_updates")

    def _replace_events(self, old_ids: set[str], rows: list[dict[str, Any]]) -> set[str]:
        """Delete the old events, insert the new; returns the old events' actor ids."""
        old_actors: set[str] = set()
        if old_ids:  # events that may have changed or vanished
            ids = sorted(old_ids)
            for source, target in self._con.execute(
                "SELECT source_actor_id, target_actor_id FROM events WHERE event_id IN (SELECT unnest(?))", [ids]
            ).fetchall():
                old_actors.update(a for a in (source, target) if a)
            self._con.execute("DELETE FROM events WHERE event_id IN (SELECT unnest(?))", [ids])
        self._insert("events", rows)
        return old_actors

    def _sync_actors(self, events: list[dict[str, Any]], old_actors: set[str]) -> None:
        """Actors of the new events in; actors no event names any more out."""
        actors = {}
        for row in events:
            for side in ("source", "target"):
                if row[f"{side}_actor_id"]:
                    actors.setdefault(row[f"{side}_actor_id"], {
                        "actor_id": row[f"{side}_actor_id"], "name": row[f"{side}_name"],
                        "country": row[f"{side}_country"], "sector": row[f"{side}_sector"],
                        "wikidata": row[f"{side}_wikidata"],
                    })
        if actors:
            self._con.register("_actors", pa.Table.from_pylist(list(actors.values())))
            try:
                self._con.execute(
                    "INSERT INTO actors BY NAME SELECT * FROM _actors"
                    " WHERE actor_id NOT IN (SELECT actor_id FROM actors)"
                )
            finally:
                self._con.unregister("_actors")
        gone = sorted(old_actors - set(actors))
        if gone:
            self._con.execute(
                "DELETE FROM actors WHERE actor_id IN (SELECT unnest(?))"
                " AND actor_id NOT IN (SELECT source_actor_id FROM events WHERE source_actor_id IN (SELECT unnest(?)))"
                " AND actor_id NOT IN (SELECT target_actor_id FROM events WHERE target_actor_id IN (SELECT unnest(?)))",
                [gone, gone, gone],
            )

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        self._con.register("_rows", pa.Table.from_pylist(rows, schema=_SCHEMAS[table]))
        try:
            self._con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rows")
        finally:
            self._con.unregister("_rows")


def _rounds(documents: Sequence[CodedDocument]) -> list[list[CodedDocument]]:
    """Split a batch so that no round holds one doc_id twice (the later one
    then replaces the earlier, as it would in two runs)."""
    rounds: list[list[CodedDocument]] = []
    seen: list[set[str]] = []
    for doc in documents:
        doc_id = doc.article.doc_id
        index = next((i for i in range(len(rounds) - 1, -1, -1) if doc_id in seen[i]), -1) + 1
        if index == len(rounds):
            rounds.append([])
            seen.append(set())
        rounds[index].append(doc)
        seen[index].add(doc_id)
    return rounds


def _result(doc: CodedDocument, stored: dict[str, str]) -> WriteResult:
    doc_id = doc.article.doc_id
    if stored.get(doc_id) == doc.content_hash:
        return WriteResult(doc_id, "unchanged")
    return WriteResult(doc_id, "replaced" if doc_id in stored else "new", events=len(_unique_events(doc)))


def _unique_events(doc: CodedDocument) -> list[Event]:
    """The document's events with ids that are unique and never empty."""
    seen: set[str] = set()
    events = []
    for index, event in enumerate(doc.events):
        event_id = event.id or _derived_id(doc.article.doc_id, index, event)
        while event_id in seen:
            event_id = f"{event_id}~"
        seen.add(event_id)
        events.append(event.replace(id=event_id, doc_id=doc.article.doc_id))
    return events


def _derived_id(doc_id: str, index: int, event: Event) -> str:
    key = f"{doc_id}\x1f{index}\x1f{event.event_type}\x1f{event.evidence.start}\x1f{event.evidence.text}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _document_row(doc: CodedDocument, n_events: int, now: datetime) -> dict[str, Any]:
    a = doc.article
    return {
        "doc_id": a.doc_id, "content_hash": doc.content_hash, "title": a.title, "published": a.published,
        "url": a.url, "outlet": a.outlet, "source_path": a.source_path, "text": a.text,
        "n_events": n_events, "ingested_at": now, "dyad_version": __version__,
    }


def _mention_rows(doc: CodedDocument) -> list[dict[str, Any]]:
    published = doc.article.published
    pub_lo, pub_hi = date_bounds(published)
    rows = []
    for event in _unique_events(doc):
        date_lo, date_hi = date_bounds(event.date)
        rows.append({
            "mention_id": event.id, "doc_id": event.doc_id, "event_id": event.id, "group_id": event.id,
            "block_key": event_block_key(event), "published": published, "pub_lo": pub_lo, "pub_hi": pub_hi,
            "date_lo": date_lo, "date_hi": date_hi, **record_columns(event),
        })
    return rows


def _mention_of_row(row: dict[str, Any]) -> Mention:
    return Mention(
        mention_id=row["mention_id"], doc_id=row["doc_id"], key=row["block_key"], status=row["status"],
        date=row["date"], published=row["published"], start=row["evidence_start"] or 0,
        words=content_words(row["evidence_text"] or ""),
    )


def _event_row(members: list[dict[str, Any]]) -> dict[str, Any]:
    """The events row of one merged event; ``members`` earliest first."""
    first = members[0]
    merged = representative([event_from_row(r, "mention_id") for r in members])
    date_lo, date_hi = date_bounds(merged.date)
    estimated = date_lo is None
    if estimated:
        date_lo, date_hi = first["pub_lo"], first["pub_hi"]
    return {
        "event_id": first["mention_id"], "doc_id": first["doc_id"], "block_key": first["block_key"],
        "published": first["published"], "date_lo": date_lo, "date_hi": date_hi, "date_estimated": estimated,
        "n_mentions": len(members), "n_documents": len({r["doc_id"] for r in members}),
        "source_actor_id": actor_id(merged.source), "target_actor_id": actor_id(merged.target),
        **record_columns(merged),
    }


def _record_fields() -> list[tuple[str, pa.DataType]]:
    text, number, integer = pa.string(), pa.float64(), pa.int32()
    actor = [("text", text), ("name", text), ("country", text), ("sector", text), ("wikidata", text)]
    place = [("text", text), ("name", text), ("country", text), ("lat", number), ("lon", number)]
    return (
        [("event_type", text), ("mode", text), ("cameo", text), ("quad_class", integer), ("goldstein", number),
         ("status", text), ("date", text), ("date_text", text), ("confidence", number)]
        + [(f"source_{n}", t) for n, t in actor] + [(f"target_{n}", t) for n, t in actor]
        + [(f"location_{n}", t) for n, t in place]
        + [("evidence_text", text), ("evidence_start", integer), ("evidence_end", integer)]
    )


_S, _D = pa.string(), pa.date32()
_SCHEMAS = {
    "documents": pa.schema([
        ("doc_id", _S), ("content_hash", _S), ("title", _S), ("published", _S), ("url", _S), ("outlet", _S),
        ("source_path", _S), ("text", _S), ("n_events", pa.int32()), ("ingested_at", pa.timestamp("us")),
        ("dyad_version", _S),
    ]),
    "mentions": pa.schema([
        ("mention_id", _S), ("doc_id", _S), ("event_id", _S), ("group_id", _S), ("block_key", _S),
        ("published", _S), ("pub_lo", _D), ("pub_hi", _D), ("date_lo", _D), ("date_hi", _D),
    ] + _record_fields()),
    "events": pa.schema([
        ("event_id", _S), ("doc_id", _S), ("block_key", _S), ("published", _S), ("date_lo", _D), ("date_hi", _D),
        ("date_estimated", pa.bool_()), ("n_mentions", pa.int32()), ("n_documents", pa.int32()),
        ("source_actor_id", _S), ("target_actor_id", _S),
    ] + _record_fields()),
}
_UPDATE_SCHEMA = pa.schema([("mention_id", _S), ("event_id", _S), ("group_id", _S)])
_PROBE_COLUMNS = ("mention_id", "block_key", "date_lo", "date_hi", "pub_lo", "pub_hi")
_PROBE_SCHEMA = pa.schema([(name, _SCHEMAS["mentions"].field(name).type) for name in _PROBE_COLUMNS])
_CANDIDATE_COLUMNS = ("mention_id", "doc_id", "block_key", "group_id", "status", "date", "published",
                      "evidence_start", "evidence_text")
# Stored mentions that may be the same event as a new one: same block key and
# overlapping date spans, or (either undated) publication dates close enough.
# ``same_event`` then decides exactly.
_CANDIDATES_SQL = f"""
SELECT n.mention_id, {", ".join("m." + c for c in _CANDIDATE_COLUMNS)}
FROM _probe n JOIN mentions m ON m.block_key = n.block_key AND m.mention_id <> n.mention_id
WHERE (n.date_lo IS NOT NULL AND m.date_lo IS NOT NULL AND m.date_lo <= n.date_hi AND m.date_hi >= n.date_lo)
   OR ((n.date_lo IS NULL OR m.date_lo IS NULL)
       AND m.pub_lo <= n.pub_hi + INTERVAL {DATE_WINDOW_DAYS} DAY
       AND m.pub_hi >= n.pub_lo - INTERVAL {DATE_WINDOW_DAYS} DAY)
"""
