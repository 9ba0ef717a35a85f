"""End-to-end speed of the event coder: articles per second through
``Coder.code_many`` (cleaning, parsing, mentions, triggers, dates), and the
process's peak memory.

The articles are about 600 words of real news prose, made at run time by
running through the paragraphs of the bundled examples (``examples/articles``)
or, where there are none, of the four seed articles in ``../shared``, each
article starting at a different paragraph. Nothing is copied into the repo.

    .venv/bin/python bench/extract_speed.py [--articles 60] [--words 600]

Target: at least 20 articles/s on the project's 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
SEEDS = ROOT.parent / "shared" / "acceptance" / "seeds"
TARGET = 20.0  # articles per second


def paragraphs(folder: Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    paras = [" ".join(p.split()) for text in texts for p in text.split("\n\n")]
    return [p for p in paras if len(p.split()) >= 8]  # prose, not captions or bylines


def make_articles(paras: list[str], count: int, words: int):
    """``count`` articles of at least ``words`` words, each starting at a
    different paragraph and cycling through all of them."""
    from dyad.records import Article

    articles = []
    for i in range(count):
        body, n, j = [], 0, (i * 7) % len(paras)
        while n < words:
            para = paras[j % len(paras)]
            body.append(para)
            n += len(para.split())
            j += 1
        articles.append(Article(doc_id=f"bench-{i:04d}", text="\n\n".join(body), published="2021-07-05"))
    return articles


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=60, help="articles to time (default 60)")
    parser.add_argument("--words", type=int, default=600, help="words per article (default 600)")
    parser.add_argument("--source", type=Path, help="folder of .txt articles (default: examples/articles, else the seeds)")
    parser.add_argument("--batch-size", type=int, default=None, help="spaCy batch size (default: Settings' default)")
    parser.add_argument("--workers", type=int, default=0, help="coding processes (default 0: one per core, as `dyad extract --workers 0`)")
    args = parser.parse_args(argv)

    source = args.source or (EXAMPLES if EXAMPLES.is_dir() else SEEDS)
    paras = paragraphs(source) if source.is_dir() else []
    if not paras:
        print(f"extract_speed: no .txt articles with prose in {source}", file=sys.stderr)
        return 2
    articles = make_articles(paras, args.articles, args.words)
    n_words = sum(len(a.text.split()) for a in articles)

    from dyad.config import Settings
    from dyad.pipeline import Coder

    start = time.perf_counter()
    coder = Coder(Settings.load(batch_size=args.batch_size))
    load_s = time.perf_counter() - start
    list(coder.code_many(make_articles(paras, 2, args.words)))  # warm-up: lazy tables, first batch

    start = time.perf_counter()
    n_events = sum(len(events) for _, events in coder.code_many(articles))
    seconds_one = time.perf_counter() - start

    from dyad.scale import CHUNK_DOCS, code_in_workers

    workers = args.workers or os.cpu_count() or 1
    settings = Settings.load(batch_size=args.batch_size)
    # Each run starts its own workers (seconds each, loading the pipeline): the
    # clock starts when the first chunk comes back, so start-up is not counted.
    coded, first, start = [], None, time.perf_counter()
    for item in code_in_workers(articles, settings, workers):
        coded.append(item)
        if first is None and len(coded) == CHUNK_DOCS:  # the first chunk is back
            first = (len(coded), time.perf_counter())
    startup = first[1] - start
    seconds = (time.perf_counter() - first[1]) * len(articles) / max(len(articles) - first[0], 1)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB (this process)
    worker_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    rate = len(articles) / seconds

    print(f"source:        {source} ({len(paras)} paragraphs)")
    print(f"articles:      {len(articles)} x ~{n_words // len(articles)} words ({n_words} words)")
    print(f"coder load:    {load_s:.1f} s")
    print(f"one process:   {seconds_one:.2f} s, {n_events} events, {len(articles) / seconds_one:.1f} articles/s")
    print(f"{workers} workers:     {seconds:.2f} s, {sum(len(e or []) for _, (e, _p) in coded)} events"
          f" (after {startup:.1f} s of start-up and first chunk)")
    print(f"throughput:    {rate:.1f} articles/s, {n_words / seconds:.0f} words/s ({workers} workers)")
    print(f"peak memory:   {peak_mib:.0f} MiB (max RSS, main process); {worker_peak:.0f} MiB (largest worker)")
    print(f"target:        >= {TARGET:.0f} articles/s: {'pass' if rate >= TARGET else 'FAIL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
