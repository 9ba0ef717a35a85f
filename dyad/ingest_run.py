"""``ingest``: code new and changed documents into a store, in parallel, resumably.

The main process reads the inputs, skips the documents the store already holds
unchanged (same doc_id, same content hash), hands the rest to worker
processes (each builds its own :class:`~dyad.pipeline.Coder` once), and is the
store's single writer: it commits the coded documents in small batches, one
transaction each. A run killed at any moment loses at most the batch in
flight; the next run codes those documents again and nothing is counted twice.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tqdm import tqdm

from dyad.config import Settings
from dyad.errors import InputError
from dyad.ingest import DEFAULT_MAX_BYTES, read_inputs
from dyad.records import Article
from dyad.scale import CHUNK_DOCS, code_in_workers
from dyad.store import CodedDocument, StoreWriter, open_store
from dyad.store.rows import content_hash

COMMIT_DOCS = 32  # documents per transaction at most
COMMIT_SECONDS = 2.0  # ... and no longer than this between commits
DOCS_PER_WORKER = 32  # by default, fewer documents than this per worker are coded in-process


@dataclass(frozen=True)
class IngestFailure:
    source: str  # the input (file, file:line) or doc_id
    problem: str

    def __str__(self) -> str:
        return f"{self.source}: {self.problem}"


@dataclass
class IngestReport:
    """What one run did. ``events`` counts the events coded in the new and
    replaced documents (before merging); ``store_*`` are the totals after."""

    new: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: int = 0
    events: int = 0
    seconds: float = 0.0
    workers: int = 1  # coding processes (1: in this process)
    failures: list[IngestFailure] = field(default_factory=list)
    store_documents: int = 0
    store_events: int = 0
    store_mentions: int = 0

    @property
    def documents(self) -> int:
        return self.new + self.unchanged + self.replaced + self.failed

    def summary(self) -> str:
        return (
            f"{self.documents} documents: {self.new} new, {self.unchanged} unchanged, {self.replaced} replaced, "
            f"{self.failed} failed; {self.events} events coded in {self.seconds:.1f} s"
            f"{f' by {self.workers} workers' if self.workers > 1 else ''}. "
            f"Store: {self.store_documents} documents, {self.store_events} events, {self.store_mentions} mentions."
        )

    def to_dict(self) -> dict:
        return {**asdict(self), "failures": [asdict(f) for f in self.failures]}


def ingest(
    paths: Sequence[str | Path],
    store_path: str | Path | None = None,
    settings: Settings | None = None,
    workers: int | None = None,
    progress: bool = True,
    on_failure: Callable[[IngestFailure], None] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> IngestReport:
    """Code the documents under ``paths`` that the store lacks or holds in an
    older form. ``workers``: processes (default: settings, 0 = one per core;
    1 codes in this process). ``on_failure`` hears of each failure as it happens."""
    started = time.monotonic()
    settings = settings or Settings.load()
    report = IngestReport()

    def fail(source: str, problem: str) -> None:
        failure = IngestFailure(source, problem)
        report.failed += 1
        report.failures.append(failure)
        if on_failure:
            on_failure(failure)

    with open_store(store_path or settings.db) as store:
        writer = store.writer()
        pending = _plan(read_inputs(paths, published=settings.published, max_bytes=max_bytes),
                        writer.content_hashes(), report, fail)
        bar = tqdm(total=len(pending), desc="ingest", unit="doc", disable=not progress, file=sys.stderr)
        batch: list[CodedDocument] = []
        last_commit = time.monotonic()
        report.workers = _worker_count(workers, settings, len(pending))
        for article, (events, problem) in code_in_workers(pending, settings, report.workers):
            if events is None:
                fail(article.source_path or article.doc_id, problem or "could not be coded")
            else:
                batch.append(CodedDocument.of(article, events))
            if len(batch) >= COMMIT_DOCS or time.monotonic() - last_commit > COMMIT_SECONDS:
                _commit(writer, batch, report, fail)
                last_commit = time.monotonic()
            bar.update(1)
            bar.set_postfix(events=report.events + sum(len(d.events) for d in batch), failed=report.failed)
        _commit(writer, batch, report, fail)
        bar.close()
        report.store_documents = store.documents_count()
        report.store_events = store.events_count()
        report.store_mentions = store.mentions_count()
    report.seconds = round(time.monotonic() - started, 2)
    return report


def _plan(items: Iterable[Article | InputError], stored: dict[str, str], report: IngestReport, fail) -> list[Article]:
    """The articles that need coding: new or changed, each doc_id's version
    once per distinct content (a repeated input adds nothing)."""
    pending: list[Article] = []
    seen: dict[str, str] = dict(stored)
    for item in items:
        if isinstance(item, InputError):
            fail(item.source, item.problem)
            continue
        digest = content_hash(item)
        if seen.get(item.doc_id) == digest:
            report.unchanged += 1
            continue
        seen[item.doc_id] = digest
        pending.append(item)
    return pending


def _commit(writer: StoreWriter, batch: list[CodedDocument], report: IngestReport, fail) -> None:
    if not batch:
        return
    sources = {d.article.doc_id: d.article.source_path or d.article.doc_id for d in batch}
    for result in writer.write(batch):
        if result.outcome == "failed":
            fail(sources[result.doc_id], result.problem or "could not be stored")
            continue
        setattr(report, result.outcome, getattr(report, result.outcome) + 1)
        report.events += result.events
    batch.clear()


def _worker_count(workers: int | None, settings: Settings, pending: int) -> int:
    """As asked (never more than there are chunks); by default one per core,
    but only as many as have ``DOCS_PER_WORKER`` documents each: a worker
    costs seconds to start (importing spaCy, loading the coder)."""
    chunks = -(-pending // CHUNK_DOCS)
    asked = workers if workers is not None else settings.workers
    if asked and asked > 0:
        return max(1, min(asked, chunks))
    return max(1, min(os.cpu_count() or 1, pending // DOCS_PER_WORKER))


