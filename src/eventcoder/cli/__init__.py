"""Command-line interface: ``eventcoder <verb>``.

Each verb lives in its own module and exposes ``command`` (a click command or group). The CLI is
a thin shell over the library: it parses options, calls library functions, and turns
``EventcoderError`` into a one-line message with exit status 1 (click's usage errors exit 2).
"""

from __future__ import annotations

import importlib
import sys

import click

from eventcoder.errors import EventcoderError

#: Modules under eventcoder.cli that define a ``command``; order is the order in --help.
COMMAND_MODULES = ("code", "run", "eval", "actors")


class _Group(click.Group):
    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except EventcoderError as exc:
            raise click.ClickException(str(exc)) from None
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            sys.exit(130)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="eventcoder")
def main() -> None:
    """eventcoder: code news text into PLOVER/CAMEO political events with evidence."""


for _name in COMMAND_MODULES:
    _mod = importlib.import_module(f"eventcoder.cli.{_name}")
    main.add_command(_mod.command)
