"""The `dyad` command: one thin command per library function.

Each submodule defines its commands on the shared ``main`` group; importing
them here registers them.
"""

from __future__ import annotations

import sys

import click

from dyad import __version__
from dyad.errors import DyadError


class DyadGroup(click.Group):
    """Turns library errors into one readable line and exit status 2."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except DyadError as error:
            click.echo(f"dyad: error: {error}", err=True)
            sys.exit(2)


@click.group(cls=DyadGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dyad")
def main() -> None:
    """Dyad turns news articles into political event data: who did what to whom,
    when and where.

    \b
    Examples:
      dyad read article.txt                 # cleaned text, sentences, entities
      dyad extract articles/ -o events.jsonl
      dyad model evaluate                   # accuracy of the language pipeline
    """


def _register() -> None:
    # Imported for their side effect of adding commands to ``main``.
    from dyad.cli import read  # noqa: F401
    from dyad.cli import model  # noqa: F401
    from dyad.cli import extract  # noqa: F401
    from dyad.cli import evaluate  # noqa: F401
    from dyad.cli import store  # noqa: F401
    from dyad.cli import serve  # noqa: F401


_register()
