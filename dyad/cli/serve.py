"""`dyad serve`: the store over HTTP -- pages for people, a JSON API for programs."""

from __future__ import annotations

import ipaddress
import os

import click

from dyad.cli import main
from dyad.cli.store import db_option
from dyad.config import Settings


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. The default is reachable from this machine only.")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--allow-ingest", is_flag=True,
              help="Accept articles at POST /api/documents, with the bearer token in $DYAD_API_TOKEN.")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="URL",
              help="Let pages from this origin call the API (repeatable). Default: none.")
@click.option("--max-body", type=int, default=None, metavar="BYTES",
              help="Largest POST body accepted (default 5 MB).")
@click.option("--model", metavar="NAME_OR_PATH", envvar="DYAD_MODEL",
              help="spaCy pipeline for coding POSTed articles instead of the shipped one.")
@click.option("--dictionary", "dictionaries", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Actor or PETRARCH verb dictionary for coding POSTed articles; repeatable.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes (read-only only), each with its own copy of the index in memory.")
@click.option("-v", "--verbose", is_flag=True, help="Log every request.")
def serve(db, host, port, allow_ingest, cors_origins, max_body, model, dictionaries, workers, verbose):
    """Serve the store: pages at /, the JSON API at /api, its docs at /docs.

    Read-only unless --allow-ingest; then POST /api/documents codes and stores
    articles for clients that send `Authorization: Bearer $DYAD_API_TOKEN`
    (without --allow-ingest that path does not exist: 404).

    \b
    Examples:
      dyad serve --db events.duckdb
      DYAD_API_TOKEN=secret dyad serve --allow-ingest --port 8080
    """
    import uvicorn

    from dyad.api import create_app
    from dyad.api.app import MAX_BODY_BYTES, settle

    settings = Settings.load(db=db, model=model, dictionaries=dictionaries)
    if workers > 1 and allow_ingest:
        raise click.UsageError("--allow-ingest needs a single process (--workers 1): a store has one writer")
    token = os.environ.get("DYAD_API_TOKEN") if allow_ingest else None
    # Built here even with several workers: a missing store or a bad option fails now, in one line.
    app = create_app(settings.db, allow_ingest=allow_ingest, token=token, settings=settings,
                     cors_origins=cors_origins, max_body_bytes=max_body or MAX_BODY_BYTES)
    shown = f"[{host}]" if ":" in host else host
    mode = "ingest on" if allow_ingest else "read-only"
    click.echo(f"dyad: serving {settings.db} ({mode}) at http://{shown}:{port}/ -- API docs at /docs; Ctrl+C stops")
    if not _is_loopback(host):
        click.echo(f"dyad: warning: {host} can be reached from other machines", err=True)
    options = dict(host=host, port=port, log_level="info" if verbose else "warning", access_log=verbose,
                   server_header=False)
    if workers == 1:
        settle()
        uvicorn.run(app, **options)
        return
    app.state.service.close()
    os.environ.update(DYAD_DB=str(settings.db), DYAD_SERVE_CORS=" ".join(cors_origins))
    uvicorn.run("dyad.api.app:app_from_environment", factory=True, workers=workers, **options)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
