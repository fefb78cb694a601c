"""Countries through time: an actor of a territory that was not yet independent on the event's
date is coded as an actor of the country it belonged to (``data/actors/territories.csv``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import cache

from eventcoder.actors.codes import is_country_code
from eventcoder.datafiles import read_data_csv
from eventcoder.errors import ActorKBError
from eventcoder.records import Actor

__all__ = ["Territory", "as_of", "territories"]


@dataclasses.dataclass(frozen=True, slots=True)
class Territory:
    iso3: str
    part_of: str
    until: dt.date
    note: str


_FILE = "territories.csv"


@cache
def territories() -> dict[str, Territory]:
    """The territories table, checked as it is read (a bad code or date names file and line)."""
    out: dict[str, Territory] = {}
    for n, r in read_data_csv("actors", _FILE):
        for key in ("iso3", "part_of"):
            if not is_country_code(r.get(key) or ""):
                raise ActorKBError(f"{key} {r.get(key)!r} is not an ISO 3166 alpha-3 code", path=_FILE, line=n)
        try:
            until = dt.date.fromisoformat(r.get("until") or "")
        except ValueError:
            raise ActorKBError(f"until {r.get('until')!r} is not an ISO date", path=_FILE, line=n) from None
        out[r["iso3"]] = Territory(r["iso3"], r["part_of"], until, r.get("note") or "")
    return out


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
