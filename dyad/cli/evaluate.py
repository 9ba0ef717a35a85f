"""`dyad evaluate`: the event coder measured on every gold set, in one table."""

from __future__ import annotations

import json

import click

from dyad.cli import main
from dyad.cli.common import setup_logging
from dyad.config import Settings


@main.command()
@click.option("--shared", default="../shared", show_default=True, envvar="DYAD_SHARED", type=click.Path(),
              help="The shared/ checkout holding acceptance/, datasets/ and eval/.")
@click.option("--only", metavar="SETS", help="Comma-separated gold sets: seeds,plover,petrarch,ngec (default: all).")
@click.option("--limit", type=click.IntRange(min=1), metavar="N", help="Code at most N documents of each set.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object instead of a table.")
@click.option("--model", metavar="NAME_OR_PATH", envvar="DYAD_MODEL",
              help="spaCy pipeline to use instead of the shipped one.")
@click.option("-v", "--verbose", is_flag=True, help="Report each set as it starts.")
def evaluate(shared, only, limit, as_json, model, verbose):
    """Measure the event coder on every gold set and print one table.

    \b
    seeds     the four seed articles: P/R/F1, main-event recall, F1 with dates
              (scored by shared/eval/score.py)
    plover    PLOVER's 322 gold sentences: event-and-actors recall
    petrarch  PETRARCH2's unit-test sentences with its validation dictionaries:
              share of expected (source, target, CAMEO root) events produced
    ngec      NGEC synthetic stories (test split): document event-type macro-F1

    \b
    Examples:
      dyad evaluate
      dyad evaluate --only seeds,plover --limit 50
      dyad evaluate --shared /data/shared --json > evaluation.json
    """
    from dyad.evaluation import evaluate as run_evaluation
    from dyad.evaluation import parse_parts, render_table

    setup_logging(verbose)
    parts = parse_parts(only.split(",") if only else None)
    report = run_evaluation(shared, only=parts, limit=limit, settings=Settings.load(model=model))
    click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if as_json else render_table(report))
