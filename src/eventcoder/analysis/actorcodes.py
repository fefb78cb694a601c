"""Reduce gold and predicted actors to comparable keys: (country, sector).

Gold actors come as codes: ISO3-ish codes with a sector (``"HUN"`` + ``"GOV"`` in plover_gsr) or
Phoenix/CAMEO strings (``"PSEREB"``, ``"IGOUNOMIL"``, ``"---GOV"``). The country is the first three
letters, mapped through ``data/ontology/country_code_aliases.csv`` (old CAMEO / COW codes such as
JAP, GMY, UK to ISO3); IGO/NGO/IMG/MNC-style prefixes and unknown codes are kept as they are;
``---`` and ``###`` mean "no country". The sector is the first known agent code
(``data/ontology/agent_codes.csv``) after the country.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from eventcoder.datafiles import read_data_csv
from eventcoder.errors import DataFileError
from eventcoder.records import Actor

__all__ = [
    "ActorKey",
    "load_agent_codes",
    "load_country_aliases",
    "normalise_country",
    "parse_actor_code",
    "predicted_key",
    "sector_matches",
]

_NO_COUNTRY = {"---", "###", ""}


@dataclass(frozen=True, slots=True)
class ActorKey:
    """What the scorer compares about an actor."""

    country: str | None
    sector: str | None = None


@cache
def load_country_aliases() -> dict[str, str]:
    """Old CAMEO/COW country code -> ISO 3166 alpha-3."""
    aliases: dict[str, str] = {}
    for lineno, row in read_data_csv("ontology", "country_code_aliases.csv"):
        code, iso3 = (row.get("code") or "").strip(), (row.get("iso3") or "").strip()
        if not code or len(iso3) != 3:
            raise DataFileError(
                f"expected 'code,iso3,...' with a 3-letter iso3, got {row!r}; fix the row",
                path="country_code_aliases.csv",
                line=lineno,
            )
        aliases[code.upper()] = iso3.upper()
    return aliases


@cache
def load_agent_codes() -> frozenset[str]:
    """The 3-letter sector codes recognised inside actor codes."""
    codes = set()
    for lineno, row in read_data_csv("ontology", "agent_codes.csv"):
        code = (row.get("code") or "").strip().upper()
        if len(code) != 3:
            raise DataFileError(
                f"agent code {code!r} is not 3 letters", path="agent_codes.csv", line=lineno
            )
        codes.add(code)
    return frozenset(codes)


def normalise_country(code: str | None) -> str | None:
    """ISO3 for a country code (aliases applied); None for missing/placeholder codes."""
    if code is None:
        return None
    code = code.strip().upper()
    if code in _NO_COUNTRY or set(code) <= {"-", "#", "*"}:
        return None
    return load_country_aliases().get(code, code)


def _sector(code: str | None) -> str | None:
    if not code:
        return None
    head = code.strip().upper()[:3]
    return head if head in load_agent_codes() else None


def parse_actor_code(code: str | None, *, sector: str | None = None) -> ActorKey:
    """Split a gold actor code into country and sector.

    ``"PSEREB"`` -> (PSE, REB); ``"IGOUNOMIL"`` -> (IGO, MIL); ``"---GOV"`` -> (None, GOV);
    ``"HUN-GOV"`` -> (HUN, GOV); ``"JAP"`` -> (JPN, None). An explicit ``sector`` (plover_gsr's
    ``sector`` field, e.g. ``"CVLalb"``) wins over one read from the code.
    """
    if code is None:
        return ActorKey(None, _sector(sector))
    raw = code.strip().upper()
    if " " in raw:  # free text where a code was expected: keep it opaque so it never matches
        return ActorKey(raw, _sector(sector))
    if "-" in raw.strip("-") and not raw.startswith("-"):
        country_part, _, rest = raw.partition("-")
        chunks = [rest]
    else:
        country_part, rest = raw[:3], raw[3:]
        chunks = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    if len(raw) == 2 and raw.isalpha():  # e.g. "UK"
        country_part, chunks = raw, []
    found = _sector(sector)
    if found is None:
        agents = load_agent_codes()
        found = next((c[:3] for c in chunks if c[:3] in agents), None)
    return ActorKey(normalise_country(country_part), found)


def predicted_key(actor: Actor | None) -> ActorKey | None:
    """Key of a predicted actor: its ISO3 country, else the country part of its CAMEO code.

    A code that starts with a sector (``"GOV"``, ``"REBMIL"``) and no ``country`` means no country.
    """
    if actor is None:
        return None
    parsed = parse_actor_code(actor.cameo_code) if actor.cameo_code else ActorKey(None)
    code = (actor.cameo_code or "").strip().upper()
    if not actor.country and code[:3] in load_agent_codes():
        # a sector-only code ("GOV" for "the president") names no country
        parsed = ActorKey(None, code[:3])
    country = normalise_country(actor.country) if actor.country else parsed.country
    sectors = [s.upper()[:3] for s in actor.sectors if s]
    sector = sectors[0] if sectors else parsed.sector
    return ActorKey(country, sector)


def sector_matches(gold: ActorKey, actor: Actor | None) -> bool:
    """True when the gold sector is among the predicted actor's sectors (or its code's sector); a
    gold code another version spells differently counts as eventcoder's (``agent_aliases``)."""
    if gold.sector is None or actor is None:
        return False
    from eventcoder.ontology import load_ontology

    wanted = load_ontology().agent_aliases.get(gold.sector, gold.sector)
    sectors = {s.upper()[:3] for s in actor.sectors if s}
    if actor.cameo_code:
        code = actor.cameo_code.upper()
        sectors.update(code[i : i + 3] for i in range(3, len(code), 3))
    return gold.sector in sectors or wanted in sectors
