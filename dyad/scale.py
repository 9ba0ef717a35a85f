"""The coder on several cores: worker processes, each with its own
:class:`~dyad.pipeline.Coder` built once, fed small chunks of articles; results
come back in input order. ``dyad ingest`` and ``dyad extract`` both use it.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from itertools import islice

from dyad.config import Settings
from dyad.errors import DyadError
from dyad.records import Article, Event

CHUNK_DOCS = 4  # documents per task sent to a worker: small, so that progress flows

Coded = tuple[list[Event] | None, str | None]  # events, or the problem that stopped coding


def code_in_workers(articles: Iterable[Article], settings: Settings, workers: int) -> Iterator[tuple[Article, Coded]]:
    """Each article with its events (or its problem), in input order. One
    worker codes in this process; more start processes."""
    chunks = _chunks(articles, CHUNK_DOCS)
    if workers <= 1:
        from dyad.pipeline import Coder

        coder = Coder(settings)
        for chunk in chunks:
            yield from zip(chunk, code_chunk(coder, chunk))
        return
    # Each worker does its matrix products on its own core: OpenBLAS threads
    # in every worker would fight over the same cores. Workers read this at start.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    # spawn, not fork: a parent may hold an open DuckDB connection and its threads.
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_start_worker, initargs=(settings,)) as pool:
        for chunk, coded in _ordered(pool, chunks):
            yield from zip(chunk, coded)


def _ordered(pool, chunks: Iterator[list[Article]]) -> Iterator[tuple[list[Article], list[Coded]]]:
    """``pool.imap`` keeps order; the chunks are remembered as they are sent."""
    sent: list[list[Article]] = []

    def remember():
        for chunk in chunks:
            sent.append(chunk)
            yield chunk

    for index, coded in enumerate(pool.imap(_code_in_worker, remember())):
        yield sent[index], coded
        sent[index] = []  # done: let it go


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(islice(iterator, size)):
        yield chunk


def code_chunk(coder, articles: list[Article]) -> list[Coded]:
    """Code a few articles together; if that fails, one by one, so that only
    the article that breaks the coder is lost."""
    try:
        return [(events, None) for _, events in coder.code_many(articles)]
    except Exception:  # noqa: BLE001 - retried one by one below, where the failure is reported
        pass
    results: list[Coded] = []
    for article in articles:
        try:
            results.append((coder.code(article), None))
        except Exception as error:  # noqa: BLE001 - a coder bug on one document must not stop a run
            results.append((None, f"coding failed: {type(error).__name__}: {error}"))
    return results


# The coder of this worker process, built once by ``_start_worker`` (or why it
# could not be): a Pool worker has no other place to keep state between tasks.
_worker_coder = None
_worker_error: str | None = None


def _start_worker(settings: Settings) -> None:
    global _worker_coder, _worker_error
    from dyad.pipeline import Coder

    try:
        _worker_coder = Coder(settings)
    except Exception as error:  # noqa: BLE001 - a raising initializer makes Pool respawn workers forever
        _worker_error = f"{type(error).__name__}: {error}"


def _code_in_worker(articles: list[Article]) -> list[Coded]:
    if _worker_error is not None:
        raise DyadError(f"the coder could not start: {_worker_error}")
    return code_chunk(_worker_coder, articles)
