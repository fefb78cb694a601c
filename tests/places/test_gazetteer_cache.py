from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.places import Gazetteer, Place, _cache
from eventcoder.places.names import name_key


def _tiny() -> Gazetteer:
    town = Place(
        "Testville", "city", "EGY", 30.0, 31.0, "P", geonameid=1, admin1="EG.01", population=9000
    )
    country = Place("Egypt", "country", "EGY", 29.0, 31.0, "A", geonameid=2, population=100)
    return Gazetteer.from_entries(
        [
            (name_key("Testville"), town, True),
            (name_key("Test Town"), town, False),
            (name_key("Egypt"), country, True),
        ]
    )


@pytest.fixture()
def counted_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    builds: list[int] = []

    def fake_build(*, min_city_population: int = 5000) -> Gazetteer:
        builds.append(min_city_population)
        return _tiny()

    monkeypatch.setattr(Gazetteer, "build", staticmethod(fake_build))
    return builds


def test_gazetteer_is_saved_once_and_loaded_after(
    tmp_path: Path, monkeypatch, counted_builds
) -> None:
    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(tmp_path))
    first = _cache.load_or_build(min_city_population=5000)
    second = _cache.load_or_build(min_city_population=5000)
    assert counted_builds == [5000]
    assert len(list(tmp_path.glob("gazetteer.*.marshal"))) == 1
    (match,) = second.lookup("Test Town")
    assert match.place == first.lookup("Test Town")[0].place and match.primary is False
    assert second.country("EGY") is not None and second.country("EGY").name == "Egypt"  # type: ignore[union-attr]


def test_unwritable_cache_folder_only_costs_a_rebuild(
    tmp_path: Path, monkeypatch, counted_builds
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(blocker))
    gazetteer = _cache.load_or_build(min_city_population=5000)
    assert gazetteer.lookup("Testville")
    _cache.load_or_build(min_city_population=5000)
    assert counted_builds == [5000, 5000]


def test_corrupt_cache_file_is_rebuilt(tmp_path: Path, monkeypatch, counted_builds) -> None:
    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(tmp_path))
    _cache.load_or_build(min_city_population=5000)
    (path,) = tmp_path.glob("gazetteer.*.marshal")
    path.write_bytes(b"not marshal data")
    assert _cache.load_or_build(min_city_population=5000).lookup("Testville")
    assert counted_builds == [5000, 5000]
