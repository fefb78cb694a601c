"""The actor knowledge base: typed records and the loader that combines the sources.

Sources, in order (later ones take precedence for the same name):

1. the built-in base in ``eventcoder/data/actors`` (``countries.csv``, ``sectors.yaml``,
   ``organisations/*.yaml``, ``people/*.yaml``; formats are described in each file's header),
   read once per process;
2. PETRARCH/Phoenix ``.actors`` and ``.agents`` dictionaries given by the caller
   (see :mod:`eventcoder.actors.petrarch`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

__all__ = [
    "ActorEntry",
    "ActorKB",
    "AnaphorRule",
    "CountryEntry",
    "ImportProblem",
    "Role",
    "SectorNoun",
    "Title",
    "load_actor_kb",
]


@dataclass(frozen=True, slots=True)
class Role:
    """An office or code an actor holds between two dates (both inclusive; None = open)."""

    code: str | None
    country: str | None
    sectors: tuple[str, ...]
    title: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    org: str | None = None  # id of the organisation entry the role belongs to

    def covers(self, when: dt.date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)

    def describe(self) -> str:
        """``President of PSE 2005-01-15..present`` style text for ``why``."""
        what = self.title or (self.code or "no code")
        where = f" of {self.country}" if self.country and self.title else ""
        if self.start is None and self.end is None:
            return f"{what}{where}"
        start = self.start.isoformat() if self.start else "..."
        end = self.end.isoformat() if self.end else "present"
        return f"{what}{where} {start}..{end}"


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """A named actor: an organisation, a person, or an imported dictionary entry."""

    id: str
    name: str
    kind: str  # "organisation" or "person"
    country: str | None
    sectors: tuple[str, ...]
    code: str | None  # default code (None: no code outside the roles)
    names: tuple[str, ...] = ()  # matched case-insensitively; the first is the canonical name
    acronyms: tuple[str, ...] = ()  # matched case-sensitively
    short: tuple[str, ...] = ()  # short names (surnames) matched alone
    roles: tuple[Role, ...] = ()
    wikidata: str | None = None
    source: str = ""  # file (and line) the entry came from
    imported: bool = False  # from a PETRARCH dictionary (takes precedence over the base)
    start: dt.date | None = None
    end: dt.date | None = None

    def role_on(self, when: dt.date | None) -> Role | None:
        """The role that applies on ``when``.

        With a date: the first role covering it (dictionary order), else the default.
        Without a date: the default code for imported entries, else the most recent role.
        """
        if when is not None:
            for role in self.roles:
                if role.covers(when):
                    return role
            return self.default_role()
        if self.imported and self.code is not None:
            return self.default_role()
        if self.roles:
            return max(self.roles, key=lambda r: (r.end or dt.date.max, r.start or dt.date.min))
        return self.default_role()

    def default_role(self) -> Role | None:
        if self.code is None and not self.country and not self.sectors:
            return None
        return Role(code=self.code, country=self.country, sectors=self.sectors)


@dataclass(frozen=True, slots=True)
class CountryEntry:
    """A country or territory with the words that name it."""

    iso3: str
    name: str
    names: tuple[str, ...]  # case-insensitive names (ISO names, aliases)
    acronyms: tuple[str, ...]  # case-sensitive ("US", "UK")
    demonyms: tuple[str, ...]  # adjectives ("Egyptian")
    people: tuple[str, ...]  # plural nouns ("Egyptians")
    seats: tuple[tuple[str, tuple[str, ...]], ...]  # (name, sectors): ("the Kremlin", ("GOV",))
    wikidata: str | None = None
    regions: tuple[str, ...] = ()  # places inside the country ("West Bank")


@dataclass(frozen=True, slots=True)
class SectorNoun:
    """A noun phrase that signals a sector ("occupation forces" -> MIL)."""

    phrase: str
    sectors: tuple[str, ...]
    needs_country: bool = False
    prefix: bool = False  # PETRARCH ``NGO~``: the code goes before the country
    group: bool = False  # a group noun without a sector ("factions")
    source: str = ""
    imported: bool = False  # from a PETRARCH .agents file (takes precedence over the base)


@dataclass(frozen=True, slots=True)
class Title:
    """A title that introduces a person's name ("President", "Foreign Minister")."""

    phrase: str
    sectors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AnaphorRule:
    """Phrases that refer back to an earlier actor, and which actors they may refer to."""

    phrases: tuple[str, ...]
    kinds: tuple[str, ...]
    sectors: tuple[str, ...] = ()
    window: int = 1
    subject: bool = False
    adjacent: bool = False
    plural: bool = False
    own_subject: bool = False
    singular_groups: bool = False  # a group antecedent must be a singular noun ("the army", not "troops")


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """A dictionary line that could not be read; the rest of the file still loads."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class ActorKB:
    """Everything the resolver matches against. Build with :func:`load_actor_kb`."""

    entries: tuple[ActorEntry, ...]
    countries: tuple[CountryEntry, ...]
    sector_nouns: tuple[SectorNoun, ...]
    titles: tuple[Title, ...]
    anaphora: tuple[AnaphorRule, ...]
    sector_labels: dict[str, str] = field(default_factory=dict)
    #: nouns of acts whose sector-noun modifier is the actor ("police crackdown", "army offensive")
    act_nouns: frozenset[str] = frozenset()
    #: plural nouns for the citizens of a country that an ethnicity may modify ("Turkish Cypriots")
    civic_peoples: frozenset[str] = frozenset()
    known_codes: frozenset[str] = frozenset()  # sector codes recognised inside actor codes
    problems: tuple[ImportProblem, ...] = ()
    sources: tuple[str, ...] = ()

    def entry(self, entry_id: str) -> ActorEntry:
        """The entry with this id; raises KeyError naming it."""
        for e in self.entries:
            if e.id == entry_id:
                return e
        raise KeyError(f"no actor entry with id {entry_id!r}")

    def country(self, iso3: str) -> CountryEntry | None:
        for c in self.countries:
            if c.iso3 == iso3:
                return c
        return None

    def extended(
        self,
        *,
        entries: Sequence[ActorEntry] = (),
        sector_nouns: Sequence[SectorNoun] = (),
        problems: Sequence[ImportProblem] = (),
        sources: Sequence[str] = (),
    ) -> ActorKB:
        """A copy with more entries, nouns and problems added after the current ones."""
        return replace(
            self,
            entries=self.entries + tuple(entries),
            sector_nouns=self.sector_nouns + tuple(sector_nouns),
            problems=self.problems + tuple(problems),
            sources=self.sources + tuple(sources),
        )


def load_actor_kb(extra_dictionaries: Iterable[str | Path] = ()) -> ActorKB:
    """The built-in actor base plus PETRARCH/Phoenix dictionaries on top.

    Each path in ``extra_dictionaries`` is a file or a directory; in a directory the files whose
    names contain ``actors`` or ``agents`` are read. The built-in part is loaded once per
    process. Malformed dictionary lines do not stop loading: they are listed in
    ``ActorKB.problems``. Raises ActorKBError when the built-in data is malformed or a path
    does not exist.

    Example:
        >>> kb = load_actor_kb()
        >>> kb.entry("hamas").code
        'PSEREBHMS'
    """
    from eventcoder.actors._builtin import load_builtin_kb
    from eventcoder.actors.petrarch import import_dictionaries

    kb = load_builtin_kb()
    paths = [Path(p) for p in extra_dictionaries]
    if not paths:
        return kb
    return import_dictionaries(kb, paths)
