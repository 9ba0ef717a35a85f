"""What every command shares: input options, logging to stderr, error lines."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

import click

from dyad.errors import InputError
from dyad.ingest import DEFAULT_MAX_BYTES, read_inputs
from dyad.records import Article


class InputFailures:
    """Reports each unreadable input on stderr and remembers that some failed."""

    def __init__(self) -> None:
        self.count = 0

    def articles(self, items: Iterable[Article | InputError]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                self.report(item)
            else:
                yield item

    def report(self, error: Exception) -> None:
        self.count += 1
        click.echo(f"dyad: skipped {error}", err=True)

    def exit_code(self) -> int:
        return 1 if self.count else 0


def setup_logging(verbose: bool = False) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("dyad: %(levelname)s: %(message)s"))
    logger = logging.getLogger("dyad")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False


def input_options(func):
    """PATH... with --published, --max-bytes and --model, shared by read and extract."""
    options = [
        click.argument("paths", nargs=-1, required=True, type=click.Path()),
        click.option("--published", metavar="DATE", help="Publication date (YYYY[-MM[-DD]]) for inputs that have none."),
        click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
                     help="Largest single article file accepted."),
        click.option("--model", metavar="NAME_OR_PATH", envvar="DYAD_MODEL",
                     help="spaCy pipeline to use instead of the shipped one (installed name or folder)."),
        click.option("-v", "--verbose", is_flag=True, help="Also report skipped files and other notes."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def read_articles(paths, published, max_bytes, failures: InputFailures) -> Iterator[Article]:
    return failures.articles(read_inputs(paths, published=published, max_bytes=max_bytes))
