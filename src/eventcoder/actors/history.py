"""Countries through time: an actor of a territory that was not yet independent on the event's
date is coded as an actor of the country it belonged to (``data/actors/territories.csv``)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from functools import cache
from importlib import resources

from eventcoder.records import Actor

__all__ = ["Territory", "as_of", "territories"]


@dataclasses.dataclass(frozen=True, slots=True)
class Territory:
    iso3: str
    part_of: str
    until: dt.date
    note: str


@cache
def territories() -> dict[str, Territory]:
    text = resources.files("eventcoder.data.actors").joinpath("territories.csv").read_text("utf-8")
    rows = csv.DictReader(io.StringIO("\n".join(ln for ln in text.splitlines() if not ln.startswith("#"))))
    return {
        r["iso3"]: Territory(r["iso3"], r["part_of"], dt.date.fromisoformat(r["until"]), r["note"])
        for r in rows
    }


def as_of(actor: Actor | None, when: dt.date | None) -> Actor | None:
    """``actor`` as coded on ``when``: Kosovar actors before 17 February 2008 are Serbian."""
    if actor is None or when is None or actor.country is None:
        return actor
    t = territories().get(actor.country)
    if t is None or when >= t.until:
        return actor
    code = actor.cameo_code
    if code and code.startswith(t.iso3):
        code = t.part_of + code[len(t.iso3) :]
    return dataclasses.replace(
        actor,
        country=t.part_of,
        cameo_code=code,
        why=f"{actor.why}; {t.iso3} coded as {t.part_of} before {t.until.isoformat()} ({t.note})",
    )
