"""Options and parameter types shared by several commands (one definition each)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

__all__ = ["IsoDate", "coder_mode", "dictionaries_option", "max_bytes_option", "mode_options"]


class IsoDate(click.ParamType):  # type: ignore[type-arg]  # generic only in click >= 8.2
    """A ``YYYY-MM-DD`` date; anything else is a usage error that shows the expected form."""

    name = "YYYY-MM-DD"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            self.fail(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2023-07-30", param, ctx)


def dictionaries_option(*, folders: bool = True) -> Callable[[F], F]:
    """``--dictionaries PATH`` (repeatable): PETRARCH/Phoenix actor or agent files to load;
    ``folders`` says whether a folder of them is accepted too."""
    what = "file or folder" if folders else "file"
    return click.option(
        "--dictionaries",
        multiple=True,
        type=click.Path(exists=True, dir_okay=folders, path_type=Path),
        metavar="PATH",
        help=f"PETRARCH/Phoenix .actors/.agents {what} loaded on top of the built-in base (repeatable).",
    )


def max_bytes_option(default: int, help: str) -> Callable[[F], F]:
    """``--max-bytes N``: refuse inputs larger than N bytes."""
    return click.option(
        "--max-bytes", type=click.IntRange(min=1), default=default, show_default=True, help=help
    )


def mode_options(func: F) -> F:
    """``--fast`` / ``--learned``: which event typing the coder uses (see README, Modes)."""
    func = click.option(
        "--learned",
        is_flag=True,
        help="Let the learned pair classifier vote on event types (needs eventcoder[ml]).",
    )(func)
    return click.option(
        "--fast",
        is_flag=True,
        help="Rules only (the default): lexicon and parse, no classifier.",
    )(func)


def coder_mode(fast: bool, learned: bool) -> dict[str, str]:
    """Coder keywords for --fast / --learned (neither: the coder's default, fast)."""
    if fast and learned:
        raise click.UsageError("--fast and --learned exclude each other; pick one")
    return {"mode": "learned"} if learned else {}


def statements_option(func: F) -> F:
    """``--statements``: also code public statements (CAMEO 01), which PLOVER leaves out."""
    return click.option(
        "--statements",
        is_flag=True,
        help="Also code public statements by political actors (CAMEO 01, event_type STATEMENT); PLOVER has none.",
    )(func)
