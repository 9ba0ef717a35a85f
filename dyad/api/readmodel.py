"""The API's read model: the store's events held in memory, indexed for the
questions a web client asks -- filters, full-text search, cursor pages,
timelines, the most active dyads -- so that each answer costs a few
milliseconds on a store of millions of events.

It is a snapshot: built from the store once (``ReadModel.build``) and built
again after every write through the API. The SQL in ``dyad.store.queries``
stays the reference: tests check that both give the same answers.

Positions: events are numbered 0..n-1 in the store's list order (date_lo,
undated last, then event id); every filter yields sorted positions.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from dyad.api.indexes import (
    UNDATED, Cache, DocumentIndex, Groups, MentionIndex, TextIndex, Vocabulary, bisect, day, days, fixed_ids, iso,
    last_day, members,
)
from dyad.errors import InputError
from dyad.merge import parse_date
from dyad.store.queries import EVENT_COLUMNS, PERIODS, EventFilter, Timeline, TimelineRow
from dyad.store.web_queries import Cursor, DyadCount, EventPage, index_tables

MAX_LIMIT = 500


@dataclass(frozen=True)
class EventQuery:
    """An event list request: the CLI's filters (``EventFilter``) plus
    ``q`` (every word must occur in the evidence sentence, any case),
    ``actor_name`` (a canonical name, exactly) and the order."""

    filters: EventFilter = EventFilter()
    q: str | None = None
    actor_name: str | None = None
    order: str = "asc"

    @classmethod
    def of(cls, q: str | None = None, actor_name: str | None = None, order: str | None = None,
           **filters: Any) -> EventQuery:
        if order not in (None, "", "asc", "desc"):
            raise InputError(f"order {order!r}", "not one of asc, desc")
        filters = {k: v for k, v in filters.items() if v not in (None, "")}
        return cls(EventFilter.of(**filters), (q or "").strip() or None, actor_name or None, order or "asc")

    def key(self) -> tuple:
        return (self.filters, self.q, self.actor_name)


class ReadModel:
    """The events of one store at one moment; see the module's docstring."""

    def __init__(self, events: pa.Table, mentions: pa.Table, documents: pa.Table):
        self.n = events.num_rows
        rows = events.select(list(EVENT_COLUMNS))
        self._rows = rows.to_batches()[0] if self.n else pa.RecordBatch.from_pylist([], schema=rows.schema)
        self._lo = days(events["date_lo"].combine_chunks())
        self._hi = days(events["date_hi"].combine_chunks())
        self._ids = fixed_ids(events["event_id"].combine_chunks())
        self._by_id = np.argsort(self._ids, kind="stable")
        self._undated = int(np.searchsorted(self._lo, UNDATED))
        self.countries = Vocabulary()
        self._src_country = self.countries.encode(events["source_country"].combine_chunks())
        self._tgt_country = self.countries.encode(events["target_country"].combine_chunks())
        self.names = Vocabulary()
        self._src_name = self.names.encode(events["source_name"].combine_chunks())
        self._tgt_name = self.names.encode(events["target_name"].combine_chunks())
        self._names_lower = [w.lower() for w in self.names.words]
        self.types, self.statuses = Vocabulary(), Vocabulary()
        self._type = self.types.encode(events["event_type"].combine_chunks())
        self._status = self.statuses.encode(events["status"].combine_chunks())
        self._n_mentions = events["n_mentions"].combine_chunks().to_numpy().astype(np.int32)
        self._quad = events["quad_class"].combine_chunks().fill_null(0).to_numpy().astype(np.int8)
        goldstein = events["goldstein"].combine_chunks()
        self._goldstein = goldstein.fill_null(0.0).to_numpy().astype(np.float64)
        self._has_goldstein = goldstein.is_valid().to_numpy(zero_copy_only=False)
        k = max(len(self.countries.words), 1)
        both = (self._src_country >= 0) & (self._tgt_country >= 0)
        low, high = np.minimum(self._src_country, self._tgt_country), np.maximum(self._src_country, self._tgt_country)
        self._pair = np.where(both, low.astype(np.int64) * k + high, -1)
        self._by_pair = Groups(self._pair)
        self._by_src_country, self._by_tgt_country = Groups(self._src_country), Groups(self._tgt_country)
        self._by_src_name, self._by_tgt_name = Groups(self._src_name), Groups(self._tgt_name)
        self._by_type, self._by_status = Groups(self._type), Groups(self._status)
        self._mentions = MentionIndex(mentions)
        self._documents = DocumentIndex(documents)
        self._text: TextIndex | None = None
        self._text_lock = threading.Lock()
        # Sets of positions (large, many: one per filter combination) apart from
        # answers (small, few: timelines, rankings), so that the first never push out the second.
        self._matches = Cache(budget=64 << 20, size=512)
        self._answers = Cache(budget=64 << 20, size=4096)

    @classmethod
    def build(cls, con: duckdb.DuckDBPyConnection) -> ReadModel:
        return cls(*index_tables(con))

    def remember(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per model: answers about this snapshot never change."""
        return self._answers.get(("remembered",) + key, compute)

    # -- event lists -------------------------------------------------------------
    def page(self, query: EventQuery, limit: int = 50, cursor: str | None = None) -> EventPage:
        """One page of the events that match, in the query's order, after ``cursor``."""
        if not 1 <= limit <= MAX_LIMIT:
            raise InputError(f"limit {limit}", f"not between 1 and {MAX_LIMIT}")
        matched = self.matching(query)
        if cursor:
            after = Cursor.decode(cursor)
            if after.order != query.order:
                raise InputError("cursor", f"given out for order={after.order}, used with order={query.order}")
            boundary = self._position(after.day, after.event_id, "right" if query.order == "asc" else "left")
            cut = int(np.searchsorted(matched, boundary))
            remaining = matched[cut:] if query.order == "asc" else matched[:cut][::-1]
        else:
            remaining = matched if query.order == "asc" else matched[::-1]
        chosen = remaining[:limit]
        more = len(remaining) > limit
        following = self._cursor(chosen[-1], query.order) if more else None
        return EventPage(tuple(self.rows(chosen)), len(matched), following)

    def matching(self, query: EventQuery) -> np.ndarray:
        """Sorted positions of the events that match (cached: pages share it)."""
        return self._matches.get(("match",) + query.key(), lambda: self._match(query))

    def rows(self, positions: Iterable[int]) -> list[dict[str, Any]]:
        """Events rows (``EVENT_COLUMNS``) at these positions."""
        positions = np.asarray(list(positions) if not isinstance(positions, np.ndarray) else positions, dtype=np.int64)
        if not len(positions):
            return []
        return self._rows.take(pa.array(positions)).to_pylist()

    def event(self, event_id: str) -> dict[str, Any] | None:
        position = self._find(event_id)
        return None if position is None else self.rows([position])[0]

    def alone(self, mention_id: str) -> dict[str, Any] | None:
        """The events row of the event this mention is the only report of, if it is."""
        position = self._find(mention_id)
        if position is None or self._n_mentions[position] != 1:
            return None
        return self.rows([position])[0]

    def _find(self, event_id: str) -> int | None:
        key = event_id.encode("utf-8")
        at = bisect(self._ids, key, sorter=self._by_id)
        if at < self.n and self._ids[self._by_id[at]] == key:
            return int(self._by_id[at])
        return None

    def _position(self, day: int | None, event_id: str, side: str) -> int:
        """Where an event with this key is or would be in the list order."""
        day = UNDATED if day is None else day
        lo, hi = int(np.searchsorted(self._lo, day, "left")), int(np.searchsorted(self._lo, day, "right"))
        return lo + bisect(self._ids[lo:hi], event_id.encode("utf-8"), side)

    def _cursor(self, position: int, order: str) -> str:
        day = int(self._lo[position])
        return Cursor(order, None if day == UNDATED else day, self._ids[position].decode("utf-8")).encode()

    def _match(self, query: EventQuery) -> np.ndarray:
        """Start from the smallest set of candidates, then test the rest on them."""
        f = query.filters
        sets: list[np.ndarray] = []
        if f.dyad:
            sets.append(self._dyad_positions(*f.dyad))
        if f.country:
            sets.append(self._country_positions(f.country))
        if f.actor:
            sets.append(self._matches.get(("actor", f.actor.lower()), lambda: self._actor_positions(f.actor.lower())))
        if query.actor_name:
            code = self.names.get(query.actor_name)
            sets.append(np.union1d(self._by_src_name.get(code), self._by_tgt_name.get(code)))
        for groups, vocabulary, value in ((self._by_type, self.types, f.event_type),
                                          (self._by_status, self.statuses, f.status)):
            if value:
                sets.append(groups.get(vocabulary.get(value)))
        if query.q:
            sets.extend(self.text_index().positions(query.q))
        start, end = 0, self.n
        if f.since:
            start, end = int(np.searchsorted(self._lo, day(parse_date(f.since)[0]))), self._undated
        if f.until:
            end = min(end, int(np.searchsorted(self._lo, day(parse_date(f.until)[1]), "right")))
        sets.sort(key=len)
        if sets:
            found = sets[0]
            found = found[np.searchsorted(found, start):np.searchsorted(found, end)]
        else:
            found = np.arange(start, max(start, end), dtype=np.int32)
        for other in sets[1:]:
            found = found[members(found, other)]
        if f.until:
            found = found[self._hi[found] <= day(parse_date(f.until)[1])]
        return found

    def _dyad_positions(self, a: str, b: str) -> np.ndarray:
        ca, cb = self.countries.get(a), self.countries.get(b)
        if ca is None or cb is None:
            return np.zeros(0, dtype=np.int32)
        k = max(len(self.countries.words), 1)
        return self._by_pair.get(min(ca, cb) * k + max(ca, cb))

    def _country_positions(self, country: str) -> np.ndarray:
        code = self.countries.get(country)
        return np.union1d(self._by_src_country.get(code), self._by_tgt_country.get(code))

    def _actor_positions(self, needle: str) -> np.ndarray:
        codes = [i for i, name in enumerate(self._names_lower) if needle in name]
        parts = [g.get(c) for c in codes for g in (self._by_src_name, self._by_tgt_name)]
        return np.unique(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int32)

    @property
    def text_ready(self) -> bool:
        return self._text is not None

    def text_index(self) -> TextIndex:
        """The words of the evidence sentences, indexed on first use."""
        with self._text_lock:
            if self._text is None:
                self._text = TextIndex(self._rows.column(self._rows.schema.get_field_index("evidence_text")))
            return self._text

    # -- summaries ---------------------------------------------------------------
    def timeline(self, a: str, b: str, by: str = "month", query: EventQuery | None = None) -> Timeline:
        """As ``queries.timeline`` (per period and direction: events per
        QuadClass, mean Goldstein), over the events that also match ``query``."""
        if by not in PERIODS:
            raise InputError(f"period {by!r}", f"not one of {', '.join(PERIODS)}")
        a, b = a.strip().upper(), b.strip().upper()
        query = query or EventQuery()
        positions = self.matching(EventQuery(EventFilter.of(**{**_filter_fields(query.filters), "dyad": (a, b)}),
                                             query.q, query.actor_name))
        return self._answers.get(("timeline", a, b, by, query.key()), lambda: self._timeline(a, b, by, positions))

    def _timeline(self, a: str, b: str, by: str, positions: np.ndarray) -> Timeline:
        lo, hi = self._lo[positions], self._hi[positions]
        p_lo = _period_index(lo, by)
        precise = (lo != UNDATED) & (p_lo == _period_index(hi, by))
        positions, periods = positions[precise], p_lo[precise]
        reverse = (self._src_country[positions] == self.countries.get(b)) & (a != b)
        keys, groups = np.unique(periods * 2 + reverse, return_inverse=True)
        counts, quads, means = self._summaries(positions, groups, len(keys))
        rows = tuple(
            TimelineRow(_period_label(int(key // 2), by), *((b, a) if key % 2 else (a, b)), int(counts[i]),
                        quads[i], means[i])
            for i, key in enumerate(keys)
        )
        return Timeline(a, b, by, rows, int((~precise).sum()))

    def _summaries(self, positions: np.ndarray, groups: np.ndarray, n: int) -> tuple:
        """Per group of positions: events, events per QuadClass 1..4, mean Goldstein (None without values)."""
        counts = np.bincount(groups, minlength=n)
        by_quad = np.bincount(groups * 5 + self._quad[positions], minlength=n * 5).reshape(n, 5)[:, 1:]
        valid = self._has_goldstein[positions]
        sums = np.bincount(groups, weights=np.where(valid, self._goldstein[positions], 0.0), minlength=n)
        valued = np.bincount(groups, weights=valid, minlength=n)
        means = [round(float(s / v), 3) if v else None for s, v in zip(sums, valued)]
        return counts, [tuple(int(q) for q in row) for row in by_quad], means

    def dyads(self, limit: int = 20) -> list[DyadCount]:
        """The pairs of countries with the most events between them (either direction)."""
        return self._answers.get(("dyads", limit), lambda: self._dyads(limit))

    def _dyads(self, limit: int) -> list[DyadCount]:
        keys, counts = np.unique(self._pair[self._pair >= 0], return_counts=True)
        k = max(len(self.countries.words), 1)
        pairs = sorted((-int(n), *sorted((self.countries.words[int(key) // k], self.countries.words[int(key) % k])),
                        int(key)) for key, n in zip(keys, counts))[:limit]
        found = []
        for _, a, b, key in pairs:
            chosen = self._by_pair.get(key)
            n, quads, means = self._summaries(chosen, np.zeros(len(chosen), dtype=np.int64), 1)
            forward = int((self._src_country[chosen] == self.countries.get(a)).sum()) if a != b else len(chosen)
            found.append(DyadCount(a, b, len(chosen), forward, len(chosen) - forward, quads[0], means[0],
                                   iso(int(self._lo[chosen].min())), iso(last_day(self._hi[chosen]))))
        return found

    def counterparts(self, name: str, limit: int = 10) -> list[tuple[str, int]]:
        """The canonical names an actor has most events with, either side."""
        code = self.names.get(name)
        if code is None:
            return []
        others = np.concatenate([self._tgt_name[self._by_src_name.get(code)],
                                 self._src_name[self._by_tgt_name.get(code)]])
        others = others[(others >= 0) & (others != code)]
        keys, counts = np.unique(others, return_counts=True)
        order = np.lexsort((keys, -counts))[:limit]
        return [(self.names.words[int(keys[i])], int(counts[i])) for i in order]

    # -- mentions ------------------------------------------------------------------
    def mention_ids_of_event(self, event_id: str) -> list[str]:
        return self._mentions.of_event(event_id)

    def mentions_of_document(self, doc_id: str) -> list[tuple[str, str]]:
        """(mention id, merged event id) of each mention in the document."""
        return self._mentions.of_document(doc_id)

    @property
    def mentions_count(self) -> int:
        return self._mentions.n

    @property
    def documents_count(self) -> int:
        return self._documents.n

    def documents_meta(self, doc_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """doc id -> its title, url and outlet (``web_queries.DOCUMENT_META``)."""
        return self._documents.meta(doc_ids)


def _filter_fields(f: EventFilter) -> dict[str, Any]:
    return {name: getattr(f, name) for name in ("actor", "country", "event_type", "since", "until", "status")}


def _period_index(days: np.ndarray, by: str) -> np.ndarray:
    """A running number of the month, quarter or year of each day."""
    months = np.where(days == UNDATED, 0, days).astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    return {"month": months, "quarter": months // 3, "year": months // 12}[by]


def _period_label(index: int, by: str) -> str:
    if by == "year":
        return f"{1970 + index:04d}"
    if by == "quarter":
        return f"{1970 + index // 4:04d}-Q{index % 4 + 1}"
    return f"{1970 + index // 12:04d}-{index % 12 + 1:02d}"
