from __future__ import annotations

import pytest

from eventcoder.errors import DataFileError
from eventcoder.places import Gazetteer
from eventcoder.places.gazetteer import validate_region_row
from eventcoder.places.names import name_key


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("the West Bank", "west bank"),
        ("West-Bank", "west bank"),
        ("Al ‘Alamayn", "al alamayn"),
        ("U.S.", "=US"),
        ("us", "us"),
        ("St. Louis", "st louis"),
    ],
)
def test_name_key_normalises_spelling(written: str, key: str) -> None:
    assert name_key(written) == key


def test_gazetteer_has_small_towns_by_alternate_name(gazetteer: Gazetteer) -> None:
    towns = [m.place for m in gazetteer.lookup("El Alamein") if m.place.kind == "city"]
    assert towns and towns[0].country_code == "EGY"
    assert abs(towns[0].lat - 30.83) < 0.1 and abs(towns[0].lon - 28.95) < 0.1


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("West Bank", "PSE"),
        ("Gaza Strip", "PSE"),
        ("Darfur", "SDN"),
        ("Donbas", "UKR"),
        ("Crimea", "UKR"),
    ],
)
def test_gazetteer_knows_regions_of_its_own_list(
    gazetteer: Gazetteer, name: str, country: str
) -> None:
    places = [m.place for m in gazetteer.lookup(name)]
    assert any(p.country_code == country and p.kind == "region" for p in places)


@pytest.mark.parametrize("name", ["Strait of Hormuz", "Gulf of Aden", "Red Sea"])
def test_gazetteer_knows_waters(gazetteer: Gazetteer, name: str) -> None:
    waters = [m.place for m in gazetteer.lookup(name) if m.place.kind == "water"]
    assert waters and waters[0].feature_class == "H" and waters[0].lat is not None


@pytest.mark.parametrize(
    ("name", "iso3"),
    [("U.S.", "USA"), ("Britain", "GBR"), ("Russia", "RUS"), ("Kosovo", "XKX"), ("Syria", "SYR")],
)
def test_gazetteer_knows_country_names_and_aliases(
    gazetteer: Gazetteer, name: str, iso3: str
) -> None:
    countries = [m.place for m in gazetteer.lookup(name) if m.place.is_country]
    assert [c.country_code for c in countries] == [iso3]


def test_gazetteer_does_not_read_the_pronoun_us_as_a_country(gazetteer: Gazetteer) -> None:
    assert not any(m.place.is_country for m in gazetteer.lookup("us"))


def test_gazetteer_has_first_level_subdivisions(gazetteer: Gazetteer) -> None:
    states = [m.place for m in gazetteer.lookup("Virginia") if m.place.kind == "admin1"]
    assert states and states[0].country_code == "USA" and states[0].lat is not None


def test_gazetteer_country_lookup_by_code(gazetteer: Gazetteer) -> None:
    egypt = gazetteer.country("EGY")
    assert egypt is not None and egypt.name == "Egypt" and 22 < egypt.lat < 32


def test_region_row_with_bad_feature_class_names_field_and_fix() -> None:
    row = {
        "name": "Nowhere",
        "aliases": "",
        "lat": "1",
        "lon": "2",
        "country": "",
        "feature_class": "Q",
        "kind": "region",
    }
    with pytest.raises(DataFileError, match="unknown feature_class 'Q'.*use one of") as info:
        validate_region_row(row, path="regions.csv", line=7)
    assert info.value.line == 7


def test_region_row_with_bad_coordinates_is_reported() -> None:
    row = {
        "name": "Nowhere",
        "aliases": "",
        "lat": "north",
        "lon": "2",
        "country": "",
        "feature_class": "L",
        "kind": "region",
    }
    with pytest.raises(DataFileError, match="decimal degrees"):
        validate_region_row(row, path="regions.csv", line=3)
