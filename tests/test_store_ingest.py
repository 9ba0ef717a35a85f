"""`dyad ingest` with the real coder on hand-written articles: idempotence,
replacement, bad inputs, runs killed at random moments, parallel workers."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import dyad
from dyad.cli import main
from dyad.config import Settings
from dyad.store import open_store
from test_store_corpus import store_state

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "store_articles"
DYAD = Path(sys.executable).with_name("dyad")


def _coder_available() -> bool:
    try:
        from dyad.pipeline import Coder  # noqa: F401
    except ImportError:
        return False
    return True


pytestmark = pytest.mark.skipif(not _coder_available(), reason="dyad.pipeline (the coder) is not available")


def run_ingest(paths, db, workers=1, **options):
    from dyad.ingest_run import ingest

    return ingest([str(p) for p in paths], db, Settings(), workers=workers, progress=False, **options)


def state_of(db) -> dict:
    with open_store(db, read_only=True) as store:
        return store_state(store)


def kill_corpus(path: Path, copies: int) -> Path:
    """The fixture articles, ``copies`` times under different ids: one JSONL."""
    meta = {json.loads(line)["doc_id"]: json.loads(line) for line in (ARTICLES / "meta.jsonl").read_text().splitlines()}
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for name, record in meta.items():
                text = (ARTICLES / name).read_text(encoding="utf-8")
                out.write(json.dumps({"id": f"{copy}/{name}", "text": text, "published": record["published"]}) + "\n")
    return path


def run_and_kill(corpus: Path, db: Path, delay: float, after_progress: bool = True) -> bool:
    """Start `dyad ingest`, SIGKILL it (and its workers) ``delay`` seconds after
    its first document is coded (or after it started); True if it was still
    running then."""
    process = subprocess.Popen(
        [str(DYAD), "ingest", str(corpus), "--db", str(db), "--workers", "1", "--progress"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    seen = bytearray()
    reader = threading.Thread(target=lambda: [seen.extend(chunk) for chunk in iter(lambda: process.stderr.read1(256), b"")],
                              daemon=True)
    reader.start()
    deadline = time.monotonic() + 60
    while after_progress and process.poll() is None and not re.search(rb"\| *[1-9]\d*/\d+ \[", bytes(seen)):
        assert time.monotonic() < deadline, "ingest made no progress in 60 s"
        time.sleep(0.05)
    time.sleep(delay)
    running = process.poll() is None
    if running:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    reader.join(timeout=5)
    return running


def ingest_command(corpus: Path, db: Path, workers: int = 1) -> tuple[subprocess.CompletedProcess, tuple[int, ...]]:
    """`dyad ingest` run to the end: the process, and its summary's counts
    (documents, new, unchanged, replaced, failed)."""
    done = subprocess.run([str(DYAD), "ingest", str(corpus), "--db", str(db), "--workers", str(workers), "--no-progress"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    counts = re.search(r"(\d+) documents: (\d+) new, (\d+) unchanged, (\d+) replaced, (\d+) failed", done.stdout)
    return done, tuple(map(int, counts.groups()))


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The fixture articles ingested once, cleanly, in this process."""
    db = tmp_path_factory.mktemp("reference") / "ref.duckdb"
    report = run_ingest([ARTICLES], db)
    return db, report


def test_store_ingest_codes_every_article_with_its_metadata(reference):
    db, report = reference
    assert (report.new, report.unchanged, report.replaced, report.failed) == (4, 0, 0, 0)
    assert report.events == report.store_mentions > 0
    with open_store(db, read_only=True) as store:
        article = store.document("b.txt")
        assert article.published == "2016-06-07" and article.outlet == "Fixture Wire"
        assert article.text == (ARTICLES / "b.txt").read_text(encoding="utf-8")
        version = store.con.execute("SELECT DISTINCT dyad_version FROM documents").fetchall()
        assert version == [(dyad.__version__,)]


def test_store_ingest_twice_adds_nothing(reference, tmp_path):
    db = tmp_path / "s.duckdb"
    shutil.copy(reference[0], db)
    report = run_ingest([ARTICLES], db)
    assert (report.new, report.unchanged, report.replaced, report.events) == (0, 4, 0, 0)
    assert state_of(db) == state_of(reference[0])


def test_store_ingest_changed_document_replaces_its_events(reference, tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(ARTICLES, folder)
    db = tmp_path / "s.duckdb"
    shutil.copy(reference[0], db)
    path = folder / "c.txt"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "agreed to meet soon.", "agreed to meet soon. Putin invited Bennett to visit Moscow."), encoding="utf-8")
    report = run_ingest([folder], db)
    assert (report.new, report.unchanged, report.replaced) == (0, 3, 1)
    clean = tmp_path / "clean.duckdb"
    run_ingest([folder], clean)
    assert state_of(db) == state_of(clean)


def test_store_ingest_reports_a_bad_input_and_stores_the_rest(tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(ARTICLES, folder)
    (folder / "broken.jsonl").write_text('{"id": "x1", "text": "Putin met Bennett."}\n{not json\n', encoding="utf-8")
    heard = []
    report = run_ingest([folder], tmp_path / "s.duckdb", on_failure=heard.append)
    assert report.failed == 1 and report.new == 5
    assert [f.source for f in heard] == [f"{folder / 'broken.jsonl'}:2"]
    assert "not a JSON object" in heard[0].problem


def test_store_ingest_cli_names_the_bad_input_and_exits_1(runner, tmp_path):
    db = tmp_path / "s.duckdb"
    result = runner.invoke(
        main,
        ["ingest", str(ARTICLES / "a.txt"), str(tmp_path / "missing.txt"), "--db", str(db), "--workers", "1"],
    )
    assert result.exit_code == 1
    assert f"dyad: skipped {tmp_path / 'missing.txt'}: no such file or folder" in result.output
    assert "1 new, 0 unchanged, 0 replaced, 1 failed" in result.output


def test_store_ingest_killed_five_times_then_finished_equals_one_clean_run_with_two_workers(tmp_path):
    corpus = kill_corpus(tmp_path / "corpus.jsonl", copies=30)
    seed = random.randrange(10**6)
    rng = random.Random(seed)
    # The first run dies while starting (creating the store, loading the coder),
    # the others while coding and committing.
    delays = [round(rng.uniform(0.2, 3.0), 2)] + [round(rng.uniform(0.0, 1.5), 2) for _ in range(4)]
    db = tmp_path / "killed.duckdb"
    killed = [run_and_kill(corpus, db, delay, after_progress=n > 0) for n, delay in enumerate(delays)]
    assert any(killed), f"no run was still going when killed (seed {seed}, delays {delays})"
    finished, (documents, new, unchanged, replaced, failed) = ingest_command(corpus, db)
    # The clean run comes right after, in processes like the others, so that all
    # code with the coder as it is on disk now; it codes in two worker processes,
    # the killed runs in one: the stores must not differ either way.
    clean = tmp_path / "clean.duckdb"
    parallel, (expected, *_) = ingest_command(corpus, clean, workers=2)
    assert "by 2 workers" in parallel.stdout
    assert (documents, replaced, failed) == (expected, 0, 0), finished.stdout
    assert new + unchanged == expected
    assert state_of(db) == state_of(clean), f"seed {seed}, delays {delays}, killed while running: {killed}"


@pytest.mark.parametrize("workers", [1, 2], ids=["in-process", "workers"])
def test_store_ingest_coder_that_cannot_start_is_one_error_and_stores_nothing(runner, tmp_path, workers):
    db = tmp_path / "s.duckdb"
    corpus = kill_corpus(tmp_path / "corpus.jsonl", copies=3)  # enough for two workers
    result = runner.invoke(main, ["ingest", str(corpus), "--db", str(db), "--workers", str(workers),
                                  "--model", str(tmp_path / "no-such-model")])
    assert result.exit_code == 2
    assert "no-such-model" in result.output and "Traceback" not in result.output
    assert ("the coder could not start" in result.output) == (workers > 1)
    with open_store(db, read_only=True) as store:
        assert store.documents_count() == 0
