"""The in-memory indexes the read model is made of: codes for strings,
positions by code, words of the evidence, mentions and documents by id, and a
small cache. Each works on numpy/Arrow arrays, never row by row."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from datetime import date as Date
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from dyad.errors import InputError

UNDATED = np.iinfo(np.int32).max  # date_lo/date_hi of an undated event: sorts last, passes no date test
EPOCH = Date(1970, 1, 1)
_WORD = re.compile(r"[^\W_]+")
_TOKEN_SPLIT = r"[^\p{L}\p{N}]+"  # the same words, in RE2 for Arrow


class Groups:
    """Positions by code: ``get(code)`` is the sorted positions where ``codes == code``."""

    def __init__(self, codes: np.ndarray):
        self.order = np.argsort(codes, kind="stable").astype(np.int32)
        ordered = codes[self.order]
        keys, starts = np.unique(ordered, return_index=True)
        ends = np.append(starts[1:], len(ordered))
        self.spans = {int(k): (int(s), int(e)) for k, s, e in zip(keys, starts, ends) if k >= 0}

    def get(self, code: int | None) -> np.ndarray:
        start, end = self.spans.get(code, (0, 0)) if code is not None else (0, 0)
        return self.order[start:end]

    def codes(self) -> Iterable[int]:
        return self.spans.keys()


class Vocabulary:
    """Strings <-> small integer codes, shared by the columns that hold the same kind of value."""

    def __init__(self) -> None:
        self.code: dict[str, int] = {}
        self.words: list[str] = []

    def encode(self, column: pa.Array) -> np.ndarray:
        if len(column) == 0:
            return np.zeros(0, dtype=np.int32)
        encoded = pc.dictionary_encode(column)
        lookup = [self._add(w) for w in encoded.dictionary.to_pylist()] + [-1]
        return np.asarray(lookup, dtype=np.int32)[encoded.indices.fill_null(len(lookup) - 1).to_numpy()]

    def _add(self, word: str) -> int:
        if word not in self.code:
            self.code[word] = len(self.words)
            self.words.append(word)
        return self.code[word]

    def get(self, word: str | None) -> int | None:
        return self.code.get(word) if word is not None else None


class Cache:
    """A small LRU of computed answers, bounded by the bytes of the arrays it
    holds; a model never changes, so nothing in it goes stale."""

    def __init__(self, budget: int = 64 << 20, size: int = 512):
        self._items: OrderedDict = OrderedDict()
        self._weights: dict = {}
        self._budget, self._size, self._used = budget, size, 0
        self._lock = threading.Lock()

    def get(self, key: Any, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()
        weight = value.nbytes if isinstance(value, np.ndarray) else 1024
        with self._lock:
            if key not in self._items and weight <= self._budget // 4:
                self._items[key], self._weights[key] = value, weight
                self._used += weight
            while self._items and (self._used > self._budget or len(self._items) > self._size):
                old, _ = self._items.popitem(last=False)
                self._used -= self._weights.pop(old)
        return value


def days(column: pa.Array) -> np.ndarray:
    return column.cast(pa.int32()).fill_null(UNDATED).to_numpy().astype(np.int32)


def day(value: Date) -> int:
    return (value - EPOCH).days


def iso(day: int) -> str | None:
    """The ISO date of a day number; None for undated."""
    return None if day == UNDATED else Date.fromordinal(EPOCH.toordinal() + int(day)).isoformat()


def last_day(days: np.ndarray) -> int:
    dated = days[days != UNDATED]
    return int(dated.max()) if len(dated) else UNDATED


def fixed_ids(column: pa.Array) -> np.ndarray:
    """Strings as a numpy array of fixed-width bytes (NUL-padded: sorts as DuckDB sorts VARCHAR)."""
    if len(column) == 0:
        return np.zeros(0, dtype="S1")
    width = max(pc.max(pc.binary_length(column.cast(pa.binary()))).as_py() or 1, 1)
    try:
        fixed = pc.utf8_rpad(column, width=width, padding="\x00").cast(pa.binary()).cast(pa.binary(width))
    except pa.ArrowInvalid:  # some id is not ASCII: characters and bytes differ in number
        return np.array([value.encode("utf-8") for value in column.to_pylist()], dtype=f"S{width}")
    return np.frombuffer(fixed.buffers()[1], dtype=f"S{width}", count=len(fixed), offset=fixed.offset * width)


def bisect(keys: np.ndarray, key: bytes, side: str = "left", sorter: np.ndarray | None = None) -> int:
    """``np.searchsorted`` for one key of fixed-width ``keys``. A key wider
    than the array would make numpy copy the whole array to compare; no
    stored key is that long, so the key's first ``width`` bytes sort the same
    (every stored key equal to them is a prefix of it: smaller)."""
    width = keys.dtype.itemsize
    if len(key) > width:
        key, side = key[:width], "right"
    return int(np.searchsorted(keys, key, side, sorter=sorter))


def members(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """Which of ``values`` are in ``sorted_set``."""
    if not len(sorted_set):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_set, values), len(sorted_set) - 1)
    return sorted_set[at] == values


class TextIndex:
    """Word -> sorted positions of the evidence sentences that hold it."""

    def __init__(self, evidence: pa.Array):
        words = pc.split_pattern_regex(pc.utf8_lower(evidence.fill_null("")), _TOKEN_SPLIT)
        owners = pc.list_parent_indices(words).to_numpy().astype(np.int32)
        encoded = pc.dictionary_encode(pc.list_flatten(words))
        codes = encoded.indices.to_numpy().astype(np.int32)
        order = np.argsort(codes, kind="stable")  # positions stay ascending within a word
        codes, owners = codes[order], owners[order]
        keep = np.ones(len(codes), dtype=bool)
        keep[1:] = (codes[1:] != codes[:-1]) | (owners[1:] != owners[:-1])
        self._owners = owners[keep]
        keys, starts = np.unique(codes[keep], return_index=True)
        ends = np.append(starts[1:], len(self._owners))
        vocabulary = encoded.dictionary.to_pylist()
        self._spans = {vocabulary[k]: (int(s), int(e)) for k, s, e in zip(keys, starts, ends) if vocabulary[k]}

    def positions(self, q: str) -> list[np.ndarray]:
        """One sorted set of positions per word of ``q`` (an unknown word: an empty set)."""
        words = _WORD.findall(q.lower())
        if not words:
            raise InputError(f"q {q!r}", "no words to search for")
        return [self._owners[slice(*self._spans.get(w, (0, 0)))] for w in dict.fromkeys(words)]


class MentionIndex:
    """Mention ids by merged event and by document."""

    def __init__(self, mentions: pa.Table):
        self.n = mentions.num_rows
        self._ids = fixed_ids(mentions["mention_id"].combine_chunks())
        self._event = fixed_ids(mentions["event_id"].combine_chunks())
        self._doc = fixed_ids(mentions["doc_id"].combine_chunks())
        self._by_event = np.argsort(self._event, kind="stable")
        self._by_doc = np.argsort(self._doc, kind="stable")

    def of_event(self, event_id: str) -> list[str]:
        return [self._ids[i].decode("utf-8") for i in self._lookup(self._event, self._by_event, event_id)]

    def of_document(self, doc_id: str) -> list[tuple[str, str]]:
        return [(self._ids[i].decode("utf-8"), self._event[i].decode("utf-8"))
                for i in self._lookup(self._doc, self._by_doc, doc_id)]

    @staticmethod
    def _lookup(keys: np.ndarray, order: np.ndarray, key: str) -> np.ndarray:
        raw = key.encode("utf-8")
        lo, hi = bisect(keys, raw, "left", order), bisect(keys, raw, "right", order)
        return order[lo:hi]


class DocumentIndex:
    """Each document's metadata by id."""

    def __init__(self, documents: pa.Table):
        self.n = documents.num_rows
        self._ids = fixed_ids(documents["doc_id"].combine_chunks())
        self._rows = documents.to_batches()[0] if self.n else None

    def meta(self, doc_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        found = {}
        for doc_id in doc_ids:
            key = doc_id.encode("utf-8")
            at = bisect(self._ids, key)
            if at < self.n and self._ids[at] == key:
                found[doc_id] = self._rows.slice(at, 1).to_pylist()[0]
        return found
