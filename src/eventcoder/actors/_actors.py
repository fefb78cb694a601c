"""Build ``Actor`` records (with their ``why``) from knowledge-base candidates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Span

from eventcoder.actors._index import Cand
from eventcoder.actors.codes import build_code
from eventcoder.actors.kb import ActorEntry, CountryEntry, Role, SectorNoun
from eventcoder.actors.places import PlaceHit
from eventcoder.records import Actor

__all__ = [
    "entry_actor",
    "from_cand",
    "kind_of",
    "place",
    "role_titled",
    "sector_actor",
    "unresolved",
]

#: The PETRARCH null code: the name is known but must not be coded.
NULL_CODE = "---"


def _on(when: dt.date | None) -> str:
    return f"on {when.isoformat()}" if when else "with no date (most recent role)"


def kind_of(entry: ActorEntry) -> str:
    """Mention kind of an entry: its own kind, or for imported entries a guess from the code."""
    if not entry.imported:
        return entry.kind
    if entry.code and len(entry.code) == 3 and entry.country == entry.code and not entry.roles:
        return "country"
    return "person" if any(r.start or r.end for r in entry.roles) else "organisation"


def entry_actor(
    entry: ActorEntry,
    text: str,
    start: int,
    end: int,
    *,
    when: dt.date | None,
    resolution: str,
    how: str,
    said: str | None = None,
    title: str | None = None,
) -> Actor | None:
    """The entry coded on ``when``; None when the dictionary gives it no code on that date.

    ``said`` is the part of ``text`` that names the entry (default: all of it). ``title`` is
    the title written before the name ("President"): when no role covers ``when`` (or there is
    no date), the role with that title is taken, since the text says the person holds it."""
    role = entry.role_on(when)
    titled = None
    if title and (when is None or role is None or role not in entry.roles):
        titled = role_titled(entry, title)
        if titled is not None:
            role = titled
    if role is None or role.code == NULL_CODE:
        return None
    why = f"{how} '{said or text}' of {entry.name}"
    if titled is not None:
        why += f"; title '{title}' names the role {role.describe()}"
    elif entry.roles or entry.kind == "person":
        if role in entry.roles:
            why += f"; role {role.describe()} {_on(when)}"
        else:
            why += f"; no role {_on(when)}, default code {role.code}"
    why += f" ({entry.source})"
    return Actor(
        name=entry.name,
        text=text,
        start=start,
        end=end,
        country=role.country,
        sectors=role.sectors,
        cameo_code=role.code,
        wikidata=entry.wikidata,
        resolution=resolution,
        why=why,
    )


def role_titled(entry: ActorEntry, title: str) -> Role | None:
    """The entry's role named by ``title`` (same title first, then one containing all its
    words: "Foreign Minister" ~ "Minister of Foreign Affairs"), the most recent on ties."""
    words = _title_words(title)
    if not words:
        return None
    same: list[Role] = []
    containing: list[Role] = []
    for role in entry.roles:
        if not role.title or role.code == NULL_CODE:
            continue
        have = _title_words(role.title)
        if have == words:
            same.append(role)
        elif set(words) <= set(have) and not (set(have) & _TITLE_QUALIFIERS - set(words)):
            containing.append(role)
    pool = same or containing
    if not pool:
        return None
    return max(pool, key=lambda r: (r.end or dt.date.max, r.start or dt.date.min))


#: Words that make a different office of the same title ("Vice President" is not "President").
_TITLE_QUALIFIERS = frozenset({"vice", "deputy", "acting", "assistant", "under", "former", "elect"})


def _title_words(title: str) -> tuple[str, ...]:
    text = title.lower().replace("-", " ").replace(".", " ")
    return tuple(w for w in text.split() if w not in ("the", "of", "and", "for"))


def country_actor(
    c: CountryEntry,
    text: str,
    start: int,
    end: int,
    *,
    sectors: tuple[str, ...] = (),
    resolution: str = "exact",
    why: str,
) -> Actor:
    return Actor(
        name=c.name,
        text=text,
        start=start,
        end=end,
        country=c.iso3,
        sectors=sectors,
        cameo_code=build_code(c.iso3, sectors),
        wikidata=c.wikidata if not sectors else None,
        resolution=resolution,
        why=why,
    )


@dataclass(frozen=True, slots=True)
class Nationality:
    """What a nationality word contributes to a group actor: code prefix, country, name."""

    code: str
    country: str | None
    name: str

    @classmethod
    def of(cls, ref: CountryEntry | ActorEntry) -> Nationality:
        if isinstance(ref, CountryEntry):  # named by its adjective: "Israeli government"
            return cls(ref.iso3, ref.iso3, ref.demonyms[0] if ref.demonyms else ref.name)
        # a dictionary country ("ARNOR_ [ARN]") is its own country, even when not ISO
        country = ref.country or (ref.code if is_nationality_entry(ref) else None)
        return cls(ref.code or "", country, ref.name)


def is_nationality_entry(entry: ActorEntry) -> bool:
    """An imported dictionary entry that names a country-like actor ("GONDOR [GON]")."""
    return entry.imported and entry.code is not None and len(entry.code) == 3 and not entry.roles


def sector_actor(
    noun: SectorNoun, nat: Nationality | None, text: str, start: int, end: int, *, why: str
) -> Actor:
    """Nationality (optional) + sector noun -> a group actor, resolution "sector-noun"."""
    iso3 = nat.country if nat else None
    prefix = nat.code if nat else None
    sectors = noun.sectors
    code = "".join(sectors) + (prefix or "") if noun.prefix else build_code(prefix, sectors)
    name = f"{nat.name} {noun.phrase}" if nat else noun.phrase
    return Actor(
        name=name,
        text=text,
        start=start,
        end=end,
        country=iso3,
        sectors=sectors,
        cameo_code=code,
        resolution="sector-noun",
        why=why,
    )


def from_cand(cand: Cand, text: str, start: int, end: int, *, when: dt.date | None) -> Actor | None:
    """One candidate as a stand-alone actor (None for titles, anaphora and group nouns)."""
    ref = cand.ref
    if cand.kind == "entry":
        assert isinstance(ref, ActorEntry)
        how = {"exact": "name", "surname": "surname"}.get(cand.resolution, "alias")
        resolution = "alias" if cand.resolution == "surname" else cand.resolution
        return entry_actor(ref, text, start, end, when=when, resolution=resolution, how=how)
    if isinstance(ref, CountryEntry):
        if cand.kind == "country":
            why = f"country name '{text}' -> {ref.iso3}"
            return country_actor(ref, text, start, end, resolution=cand.resolution, why=why)
        if cand.kind == "seat":
            why = f"seat of government '{text}' -> {ref.iso3} {'/'.join(cand.sectors)}"
            return country_actor(
                ref, text, start, end, sectors=cand.sectors, resolution="alias", why=why
            )
        if cand.kind == "people":
            why = f"'{text}' names the people of {ref.iso3} -> civilians (CVL)"
            return country_actor(
                ref, text, start, end, sectors=("CVL",), resolution="sector-noun", why=why
            )
        if cand.kind == "demonym":
            why = f"demonym '{text}' -> {ref.iso3}"
            return country_actor(ref, text, start, end, resolution="alias", why=why)
    if cand.kind == "sector":
        assert isinstance(ref, SectorNoun)
        if ref.needs_country or ref.group:
            return None
        why = f"sector noun '{text}' -> {'/'.join(ref.sectors)} (no country in the phrase)"
        return sector_actor(ref, None, text, start, end, why=why)
    return None


def place(span: Span, hit: PlaceHit) -> Actor:
    return Actor(
        name=hit.name,
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        country=hit.country,
        cameo_code=hit.country,
        resolution="place",
        why=f"place '{span.text}' is {hit.name} in {hit.country} "
        + (f"(GeoNames {hit.geonameid})" if hit.geonameid else "(first-level subdivision)"),
    )


def unresolved(span: Span, label: str) -> Actor:
    return Actor(
        name=span.text,
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        country=None,
        resolution="unresolved",
        why=f"spaCy {label} '{span.text}' is not in the actor knowledge base",
    )
