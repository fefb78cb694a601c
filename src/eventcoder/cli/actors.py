"""``eventcoder actors lookup NAME``: show how a name resolves to actor codes, and why."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from eventcoder.cli.options import IsoDate, dictionaries_option
from eventcoder.records import to_jsonable

__all__ = ["command"]


_IsoDate = IsoDate


@click.group("actors")
def command() -> None:
    """Inspect the actor knowledge base.

    Example: eventcoder actors lookup "Abu Mazen" --date 2023-07-30
    """


@command.command("lookup")
@click.argument("name")
@click.option(
    "--date",
    "when",
    type=_IsoDate(),
    default=None,
    help="Date the roles apply on (default: most recent role).",
)
@dictionaries_option(folders=True)
@click.option(
    "--json", "as_json", is_flag=True, help="Print JSON (a list of actors) instead of lines."
)
def lookup(name: str, when: dt.date | None, dictionaries: tuple[Path, ...], as_json: bool) -> None:
    """Print every way NAME resolves: code, country, sectors, resolution and why.

    Exits with status 1 when the name is unknown.

    Example: eventcoder actors lookup "Israeli occupation forces" --date 2023-07-30
    """
    from eventcoder.actors import ActorResolver, load_actor_kb
    from eventcoder.nlp import load_pipeline

    kb = load_actor_kb(extra_dictionaries=list(dictionaries))
    for problem in kb.problems:
        click.echo(f"warning: {problem}", err=True)
    resolver = ActorResolver(kb, load_pipeline())
    actors = resolver.lookup(name, when=when)
    if not actors:
        raise click.ClickException(
            f"{name!r} is not a known actor name, demonym, sector noun or place"
            + (" (looked in the built-in base and the given dictionaries)" if dictionaries else "")
            + "; check the spelling or add it to a dictionary with --dictionaries"
        )
    if as_json:
        click.echo(json.dumps(to_jsonable(actors), ensure_ascii=False, indent=2))
        return
    for actor in actors:
        sectors = "/".join(actor.sectors) or "-"
        click.echo(
            f"{actor.cameo_code or '-':<12} {actor.name}  country={actor.country or '-'} "
            f"sectors={sectors} wikidata={actor.wikidata or '-'} [{actor.resolution}] {actor.why}"
        )
