"""`dyad extract`: articles in, event records (JSON Lines) out."""

from __future__ import annotations

import json
import os
import sys

import click
from tqdm import tqdm

from dyad.cli import main
from dyad.cli.common import InputFailures, input_options, read_articles, setup_logging
from dyad.config import Settings
from dyad.errors import InputError
from dyad.scale import code_in_workers


@main.command()
@input_options
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", show_default="stdout",
              help="Where to write the events (JSON Lines).")
@click.option("--dictionary", "dictionaries", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Actor dictionary (CSV, YAML, PETRARCH actors or agents .txt), or PETRARCH verbs or discards .txt; repeatable.")
@click.option("--workers", type=int, default=1, show_default=True, metavar="N",
              help="Coding processes; 0: one per core. Output order stays the input order.")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: when writing to a file).")
def extract(paths, published, max_bytes, model, verbose, output, dictionaries, workers, progress):
    """Code articles into event records: who did what to whom, when and where.

    Writes one JSON object per event, in input order, as spec/event-record.md
    defines it. The same input always gives the same events and ids.

    \b
    Examples:
      dyad extract article.txt
      dyad extract articles/ -o events.jsonl --published 2021-07-05
      dyad extract corpus.jsonl --dictionary my_actors.csv -o events.jsonl --workers 0
    """
    setup_logging(verbose)
    settings = Settings.load(model=model, published=published, dictionaries=dictionaries)
    failures = InputFailures()
    articles = read_articles(paths, published, max_bytes, failures)
    show = progress if progress is not None else output is not sys.stdout and sys.stderr.isatty()
    bar = tqdm(desc="coding", unit=" docs", disable=not show, file=sys.stderr)
    n_events = 0
    for article, (events, problem) in code_in_workers(articles, settings, workers or os.cpu_count() or 1):
        if problem:
            failures.report(InputError(article.doc_id, problem))
            continue
        for event in events:
            output.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        n_events += len(events)
        bar.update(1)
        bar.set_postfix(events=n_events)
    bar.close()
    sys.exit(failures.exit_code())
