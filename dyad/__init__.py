"""Dyad: an offline political event coder."""

__version__ = "0.1.0"


def open(db=None):  # noqa: A001 - dyad.open(db) reads like the builtin, on purpose
    """The event store at ``db`` (default ``$DYAD_DB`` or ./dyad.duckdb): a
    :class:`dyad.store.Store` with ``events()``, ``timeline()``, ``actors()``..."""
    from dyad.store import open_store

    return open_store(db)
