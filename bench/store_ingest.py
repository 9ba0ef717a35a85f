"""Ingest against extract: what storing, merging and resuming cost on top of coding.

Makes N articles of about 600 words as one JSON Lines file, then times the
steps below. The corpus (``--corpus``):

* ``ngec`` (the default when ../shared is there): NGEC's synthetic news stories,
  joined until an article has 600 words, so every article tells different
  events, as in a real corpus. The stories carry no licence: they are read at
  run time, only to measure speed, into a temporary folder deleted afterwards.
* ``examples``: the paragraphs of the bundled example articles, each article
  starting at a different paragraph. Past a few hundred articles every event is
  told hundreds of times, which makes merging the bottleneck: a worst case,
  like one wire story reprinted by every outlet.

Steps:

* extract: ``Coder.code_many`` over them in this process (the coder's load apart);
* ingest with 1 worker, and with 2 (``--workers``), each into a fresh store,
  coder loads included, as a user sees it;
* ingest again: every document unchanged;
* the writer alone: the coded documents written into a fresh store, and (with
  ``--big-store FILE``, e.g. the store ``bench/store_queries.py`` builds) into
  a copy of a large one, where merging must look among many mentions.

    python bench/store_ingest.py                      # 100 articles
    python bench/store_ingest.py --articles 2000 --workers 2
    python bench/store_ingest.py --corpus examples --articles 300
    python bench/store_ingest.py --big-store /tmp/dyad-bench-1000000.duckdb

Not a test: the numbers depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dyad.config import Settings  # noqa: E402
from dyad.ingest import read_inputs  # noqa: E402
from dyad.ingest_run import ingest  # noqa: E402
from dyad.scale import code_in_workers  # noqa: E402
from dyad.store import CodedDocument, open_store  # noqa: E402

EXAMPLES = ROOT / "examples" / "articles"
FIXTURES = ROOT / "tests" / "fixtures" / "store_articles"
NGEC = ROOT.parent / "shared" / "datasets" / "ngec-event-training"
NGEC_FILES = ("gpt_synthetic_events_2023-10-19_19.csv", "gpt_synthetic_events_2023-04-06.jsonl")


def ngec_corpus(path: Path, count: int, words: int) -> Path:
    from dyad.evaluation.ngec import _story_texts

    texts = [t for name in NGEC_FILES for t in _story_texts(NGEC / name) if t]
    # Past the last story (about 1.25 million words) the stories come round again in
    # reverse order, so that each article still differs from every other.
    stories = iter(texts + texts[::-1])
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            chosen, size = [], 0
            while size < words:
                story = next(stories, None)
                if story is None:
                    raise SystemExit(f"NGEC has too few stories for {count} articles of {words} words")
                chosen.append(story)
                size += len(story.split())
            published = f"20{16 + n % 6}-{1 + n % 12:02d}-{1 + n % 28:02d}"
            out.write(json.dumps({"id": f"bench-{n:05d}", "text": "\n\n".join(chosen), "published": published}) + "\n")
    return path


def make_corpus(path: Path, count: int, words: int) -> Path:
    folder = EXAMPLES if any(EXAMPLES.glob("*.txt")) else FIXTURES
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    paras = [" ".join(p.split()) for text in texts for p in text.split("\n\n") if len(p.split()) >= 8]
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            chosen, size, i = [], 0, n
            while size < words:
                chosen.append(paras[i % len(paras)])
                size += len(chosen[-1].split())
                i += 1
            published = f"20{16 + n % 6}-{1 + n % 12:02d}-{1 + n % 28:02d}"
            out.write(json.dumps({"id": f"bench-{n:05d}", "text": "\n\n".join(chosen), "published": published}) + "\n")
    return path


def timed(label: str, count: int, func):
    started = time.perf_counter()
    result = func()
    seconds = time.perf_counter() - started
    print(f"{label:44} {seconds:7.2f} s  {count / seconds:7.1f} docs/s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=("ngec", "examples"), default="ngec" if NGEC.is_dir() else "examples")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--big-store", type=Path, help="A large store to copy and write into.")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dyad-bench-ingest-"))
    try:
        build = ngec_corpus if args.corpus == "ngec" else make_corpus
        corpus = build(work / "corpus.jsonl", args.articles, args.words)
        articles = [a for a in read_inputs([corpus])]
        n = len(articles)
        print(f"{n} articles of ~{args.words} words ({args.corpus}) in {corpus}")
        from dyad.pipeline import Coder

        coder = timed("load the coder (once per process)", 1, lambda: Coder(Settings()))
        coded = timed("extract: code_many, 1 process", n, lambda: list(coder.code_many(articles)))
        print(f"   {sum(len(events) for _, events in coded)} events")
        for workers in sorted({1, args.workers}):
            # `dyad extract --workers N` and `dyad ingest --workers N` on the same articles,
            # each with its coders' start-up: the comparison issue 4 asks for
            start = time.perf_counter()
            extracted = sum(len(coded) or 0 for _, (coded, _) in code_in_workers(articles, Settings(), workers))
            extract_seconds = time.perf_counter() - start
            print(f"{'extract --workers ' + str(workers):45s} {extract_seconds:7.2f} s {n / extract_seconds:8.1f} docs/s")
            db = work / f"ingest-{workers}.duckdb"
            start = time.perf_counter()
            report = ingest([corpus], db, Settings(), workers=workers, progress=False)
            ingest_seconds = time.perf_counter() - start
            print(f"{'ingest --workers ' + str(workers) + ' (fresh store)':45s} {ingest_seconds:7.2f} s "
                  f"{n / ingest_seconds:8.1f} docs/s = {extract_seconds / ingest_seconds:.0%} of extract's speed")
            print(f"   extract: {extracted} events; ingest: {report.summary()}")
        timed("ingest again (all unchanged)", n, lambda: ingest([corpus], db, Settings(), workers=1, progress=False))
        docs = [CodedDocument.of(article, events) for article, events in coded]
        with open_store(work / "writer.duckdb") as store:
            timed("writer alone, fresh store, batches of 8", n,
                  lambda: [store.writer().write(docs[i:i + 8]) for i in range(0, n, 8)])
        if args.big_store:
            big = work / "big.duckdb"
            shutil.copy(args.big_store, big)
            with open_store(big) as store:
                print(f"   big store: {store.events_count():,} events, {store.mentions_count():,} mentions")
                timed("writer alone, big store, batches of 8", n,
                      lambda: [store.writer().write(docs[i:i + 8]) for i in range(0, n, 8)])
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
