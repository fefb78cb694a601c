"""``eventcoder eval``: score the coder against a gold JSON-lines file."""

from __future__ import annotations

import json
from pathlib import Path

import click

from eventcoder.cli.options import coder_mode, dictionaries_option, mode_options, statements_option

_HELP = """Score the coder against GOLD (a gold JSON-lines file) and print the figures.

\b
What is scored is detected from the file's fields:
  pairs       (plv_dev)  event type for a given source/target pair (<s>/<t> markers)
  end2end     (plover_gsr, petr*)  code sentences, match events to gold events
  multicoder  CAMEO root vs the human majority; event/no-event relevance
  penta       5 classes (Phoenix PentaClass): 0 statement or appeal, 1-4 quad class
  location    does the event nearest the gold trigger get the gold place span

\b
Scoring rules:
  * Older PLOVER labels: YIELD -> CONCEDE or RETREAT, DEMAND -> REQUEST,
    DISAPPROVE -> ACCUSE or REJECT, FIGHT -> ASSAULT, INVESTIGATE -> ACCUSE; a
    prediction of any mapped type is correct and counted under the gold label.
  * Gold with only a CAMEO code: mapped to PLOVER through the ontology. CAMEO
    root 01 (statements) or no PLOVER type = no event.
  * End to end, events in a sentence are matched greedily; levels: type,
    type+source, type+source+target (countries: ISO3 after mapping old CAMEO/COW
    codes; a compound source "USA;JOR" matches any member; a null target matches
    a null target or another member of the compound source). Predicted events
    sharing trigger and type are one group (one
    true or false positive).
  * Actor match: among type-matched events, share with the right source/target
    country and sector.
  * Penta: class of the best event's CAMEO root; no event or a statement = 0.
  * Unparseable gold lines are counted and reported, never fatal.

Example: eventcoder eval ../shared/eval/plv_dev.jsonl --given-actors --limit 200
"""


@click.command("eval", help=_HELP)
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--given-actors/--no-given-actors",
    default=None,
    help="Pass the gold source/target spans to the coder (pairs, penta). Default: when the file has them.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of tables.")
@click.option(
    "--limit", type=click.IntRange(min=1), default=None, help="Score only the first N lines."
)
@click.option(
    "--errors",
    type=click.IntRange(min=0),
    default=0,
    help="List the N most frequent confusions with examples.",
)
@dictionaries_option(folders=False)
@mode_options
@statements_option
def command(
    gold: Path,
    given_actors: bool | None,
    as_json: bool,
    limit: int | None,
    errors: int,
    dictionaries: tuple[Path, ...],
    fast: bool,
    learned: bool,
    statements: bool,
) -> None:
    from eventcoder.analysis import evaluate, render_text
    from eventcoder.coder import Coder

    coder = Coder(dictionaries=list(dictionaries), statements=statements, **coder_mode(fast, learned))
    report = evaluate(gold, coder, given_actors=given_actors, limit=limit)
    if as_json:
        click.echo(json.dumps(report.to_dict(errors=errors), ensure_ascii=False))
    else:
        click.echo(render_text(report, errors=errors), nl=False)

