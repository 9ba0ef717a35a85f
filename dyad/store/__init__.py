"""The event store: an embedded DuckDB file of documents, mentions, merged
events and actors, with recorded migrations, one writer and typed queries.

    >>> import dyad
    >>> store = dyad.open("dyad.duckdb")
    >>> store.events(dyad="ISR-RUS", since="2016", until="2016")
"""

from dyad.store.queries import ActorCount, EventDetail, EventFilter, MentionRecord, Timeline, TimelineRow
from dyad.store.store import Store, open_store
from dyad.store.writer import CodedDocument, StoreWriter, WriteResult

__all__ = [
    "ActorCount", "CodedDocument", "EventDetail", "EventFilter", "MentionRecord", "Store", "StoreWriter",
    "Timeline", "TimelineRow", "WriteResult", "open_store",
]
