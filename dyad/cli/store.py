"""`dyad ingest`, `events`, `timeline`, `actors`, `show`, `export`: the store's
commands. Each parses options, calls one library function, prints."""

from __future__ import annotations

import csv
import io
import json
import sys
from typing import Any

import click

from dyad.cli import main
from dyad.cli.common import input_options, setup_logging
from dyad.config import Settings
from dyad.errors import InputError
from dyad.records import EVENT_TYPES, STATUSES
from dyad.store import EventFilter, open_store
from dyad.store.queries import EVENT_COLUMNS, event_rows
from dyad.store.rows import event_from_row


def db_option(func):
    return click.option(
        "--db", metavar="FILE", envvar="DYAD_DB", show_envvar=True,
        help="The store (DuckDB file). Default: ./dyad.duckdb.",
    )(func)


def filter_options(func):
    """The event filters shared by `events` and `export`."""
    options = [
        click.option("--dyad", metavar="A-B", help="Two country codes, either direction (ISR-RUS)."),
        click.option("--actor", metavar="NAME", help="Part of an actor's canonical name, either side (Putin)."),
        click.option("--country", metavar="CODE", help="A country code on either side (RUS)."),
        click.option("--type", "event_type", metavar="TYPE", help=f"PLOVER event type: {', '.join(EVENT_TYPES)}."),
        click.option("--since", metavar="DATE", help="Events dated on or after DATE (YYYY[-MM[-DD]])."),
        click.option("--until", metavar="DATE", help="Events dated on or before DATE (YYYY[-MM[-DD]]); --until 2016 ends 2016-12-31."),
        click.option("--status", type=click.Choice(STATUSES), help="happened, planned or negated."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _store(db: str | None):
    return open_store(Settings.load(db=db).db, read_only=True)


@main.command()
@input_options
@db_option
@click.option("--workers", type=int, metavar="N", help="Coding processes (default: one per core; 1: in this process).")
@click.option("--dictionary", "dictionaries", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Actor dictionary (CSV, YAML, PETRARCH actors or agents .txt), or PETRARCH verbs or discards .txt; repeatable.")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: on a terminal).")
def ingest(paths, published, max_bytes, model, verbose, db, workers, dictionaries, progress):
    """Code new and changed articles into the store.

    Documents already stored unchanged are skipped; a document whose content
    changed replaces its old events. Runs can be interrupted and run again:
    nothing is lost or counted twice. Exit status 1 when some input failed.

    \b
    Examples:
      dyad ingest articles/
      dyad ingest corpus.jsonl --db events.duckdb --workers 4
    """
    from dyad.ingest_run import ingest as run_ingest

    setup_logging(verbose)
    settings = Settings.load(db=db, model=model, published=published, dictionaries=dictionaries)
    show = progress if progress is not None else sys.stderr.isatty()
    report = run_ingest(
        paths, settings.db, settings, workers=workers, progress=show, max_bytes=max_bytes,
        on_failure=lambda failure: click.echo(f"dyad: skipped {failure}", err=True),
    )
    click.echo(report.summary())
    sys.exit(1 if report.failed else 0)


@main.command()
@db_option
@filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.option("--limit", type=int, default=100, show_default=True, help="At most N events; 0 for all.")
def events(db, dyad, actor, country, event_type, since, until, status, fmt, limit):
    """Events in the store, oldest first.

    In the table, n is the number of reports (sentences) of the event, and a
    date marked ~ is the publication date of an undated event's first report.
    Dates filter by the event's whole span: --since 2016 --until 2016 keeps
    events dated 2016, 2016-05 or 2016-05-09; --since 2016-06 leaves out an
    event dated only 2016.

    \b
    Examples:
      dyad events --dyad ISR-RUS --since 2016 --until 2016
      dyad events --actor Putin --type CONSULT --format jsonl
    """
    filters = EventFilter.of(dyad=dyad, actor=actor, country=country, event_type=event_type,
                             since=since, until=until, status=status, limit=limit or None)
    with _store(db) as store:
        rows = event_rows(store.con, filters)
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(_event_json(row), ensure_ascii=False))
    elif fmt == "csv":
        _write_csv(rows, EVENT_COLUMNS)
    else:
        click.echo(render_table(["id", "date", "type", "source", "target", "status", "n", "evidence"], [
            [r["event_id"], (r["date"] or "~" + (r["published"] or "?")), r["event_type"], _actor(r, "source"),
             _actor(r, "target"), r["status"], r["n_mentions"], _clip(r["evidence_text"], 60)]
            for r in rows
        ]))


@main.command()
@click.argument("a")
@click.argument("b")
@db_option
@click.option("--by", type=click.Choice(["month", "quarter", "year"]), default="month", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.option("--plot", type=click.Path(dir_okay=False), metavar="FILE", help="Also draw a chart (.png, .svg).")
def timeline(a, b, db, by, fmt, plot):
    """Events between two countries per period, in both directions: counts per
    QuadClass (1 verbal cooperation .. 4 material conflict) and mean Goldstein.

    \b
    Examples:
      dyad timeline ISR RUS --by quarter
      dyad timeline ISR RUS --by year --plot isr-rus.png
    """
    with _store(db) as store:
        result = store.timeline(a, b, by=by)
    rows = [{"period": r.period, "source": r.source, "target": r.target, "events": r.events,
             "quad1": r.quad_classes[0], "quad2": r.quad_classes[1], "quad3": r.quad_classes[2],
             "quad4": r.quad_classes[3], "goldstein_mean": r.goldstein_mean} for r in result.rows]
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row))
    elif fmt == "csv":
        _write_csv(rows, list(rows[0]) if rows else ["period"])
    else:
        click.echo(render_table(
            [by, "direction", "events", "Q1", "Q2", "Q3", "Q4", "Goldstein"],
            [[r["period"], f"{r['source']}->{r['target']}", r["events"], r["quad1"], r["quad2"], r["quad3"],
              r["quad4"], "" if r["goldstein_mean"] is None else f"{r['goldstein_mean']:+.2f}"] for r in rows],
        ))
    if result.imprecise:
        click.echo(f"dyad: {result.imprecise} events dated less precisely than a {by} are not counted", err=True)
    if plot:
        from dyad.store.plot import plot_timeline

        click.echo(f"dyad: chart written to {plot_timeline(result, plot)}", err=True)


@main.command()
@db_option
@click.option("--country", metavar="CODE", help="Only actors of this country code (RUS).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.option("--limit", type=int, default=100, show_default=True, help="At most N actors; 0 for all.")
def actors(db, country, fmt, limit):
    """Actors with the number of events they take part in, most active first.

    \b
    Examples:
      dyad actors
      dyad actors --country RUS --format csv > russian_actors.csv
    """
    with _store(db) as store:
        rows = [a.to_dict() for a in store.actors(country=country, limit=limit or None)]
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        _write_csv(rows, ["actor_id", "name", "country", "sector", "wikidata", "as_source", "as_target", "events"])
    else:
        click.echo(render_table(["name", "country", "sector", "events", "as source", "as target"], [
            [r["name"], r["country"] or "", r["sector"] or "", r["events"], r["as_source"], r["as_target"]] for r in rows
        ]))


@main.command()
@click.argument("event_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of text.")
def show(event_id, db, as_json):
    """One event with every report of it: sentence, document, title, date.

    \b
    Examples:
      dyad events --dyad ISR-RUS --limit 5     # find an event's id
      dyad show 3f9c2a1b0d4e5f67 --json
    """
    with _store(db) as store:
        detail = store.event(event_id)
    if detail is None:
        raise InputError(event_id, "no such event in the store")
    if as_json:
        click.echo(json.dumps(detail.to_dict(), ensure_ascii=False, indent=2))
        return
    e = detail.event
    click.echo(f"{e.id}  {e.event_type}{'/' + e.mode if e.mode else ''}  {e.status}  "
               f"date {e.date or 'unknown'}{' (publication date used)' if detail.date_estimated else ''}")
    click.echo(f"  source: {_actor_text(e.source)}\n  target: {_actor_text(e.target)}")
    if e.cameo:
        click.echo(f"  CAMEO {e.cameo}, QuadClass {e.quad_class}, Goldstein {e.goldstein}")
    if e.location:
        click.echo(f"  location: {e.location.name or e.location.text} {e.location.country or ''}".rstrip())
    click.echo(f"  {len(detail.mentions)} mentions in {detail.n_documents} documents:")
    for m in detail.mentions:
        click.echo(f"\n  [{m.event.doc_id}] {m.title or '(no title)'}  published {m.published or 'unknown'}")
        click.echo(f"    {m.event.evidence.text.strip()}")


@main.command(name="export")
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]),
              help="Default: from the file name's extension.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The file to write.")
@click.option("--mentions", is_flag=True, help="One row per mention (a sentence of a document) instead of per event.")
@click.option("--layout", type=click.Choice(["native", "polecat", "gdelt"]), default="native", show_default=True,
              help="Column layout; see docs/export-layouts.md.")
@filter_options
def export_command(db, fmt, output, mentions, layout, dyad, actor, country, event_type, since, until, status):
    """Write the store's events as JSON Lines, CSV or Parquet.

    \b
    Examples:
      dyad export -o events.parquet
      dyad export --format csv -o isr-rus.csv --dyad ISR-RUS --layout polecat
      dyad export -o mentions.jsonl --mentions
    """
    from dyad.export import export

    filters = EventFilter.of(dyad=dyad, actor=actor, country=country, event_type=event_type,
                             since=since, until=until, status=status)
    with _store(db) as store:
        report = export(store, output, fmt, layout=layout, mentions=mentions, filters=filters)
    click.echo(f"dyad: wrote {report.rows} {report.level} to {report.path} ({report.format}, {report.layout})", err=True)


def _event_json(row: dict[str, Any]) -> dict[str, Any]:
    return {**event_from_row(row).to_dict(), "date_estimated": row["date_estimated"], "published": row["published"],
            "n_mentions": row["n_mentions"], "n_documents": row["n_documents"]}


def _actor(row: dict[str, Any], side: str) -> str:
    name, country, sector = row[f"{side}_name"], row[f"{side}_country"], row[f"{side}_sector"]
    if not name:
        return "-"
    code = "/".join(p for p in (country, sector) if p)
    return f"{name} ({code})" if code else name


def _actor_text(actor) -> str:
    if actor is None:
        return "-"
    code = "/".join(p for p in (actor.country, actor.sector) if p)
    return f"{actor.name} ({code}) as \u201c{actor.text}\u201d" if code else f"{actor.name} as \u201c{actor.text}\u201d"


def _clip(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _write_csv(rows: list[dict[str, Any]], columns) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    click.echo(buffer.getvalue(), nl=False)


def render_table(headers: list[str], rows: list[list[Any]]) -> str:
    """A plain text table: a header, a rule, aligned columns (numbers right)."""
    cells = [[str(c) for c in headers]] + [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    numeric = [all(isinstance(row[i], (int, float)) for row in rows) and rows for i in range(len(headers))]

    def line(row: list[str]) -> str:
        return "  ".join(c.rjust(w) if numeric[i] else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))).rstrip()

    out = [line(cells[0]), "  ".join("-" * w for w in widths)] + [line(row) for row in cells[1:]]
    if not rows:
        out.append("(none)")
    return "\n".join(out)
