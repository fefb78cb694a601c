"""Countries through time: a territory's actors before its independence belong to its old state."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.actors.history import as_of, territories
from eventcoder.records import Actor


def _actor(country: str, code: str) -> Actor:
    return Actor(name="x", text="x", start=0, end=1, country=country, sectors=("REB",), cameo_code=code)


def test_kosovo_before_independence_is_serbia() -> None:
    before = as_of(_actor("XKX", "XKXREBKLA"), dt.date(1998, 3, 2))
    assert before is not None and before.country == "SRB" and before.cameo_code == "SRBREBKLA"
    assert "2008-02-17" in before.why
    after = as_of(_actor("XKX", "XKXREBKLA"), dt.date(2010, 1, 1))
    assert after is not None and after.country == "XKX"


def test_no_date_or_other_country_leaves_the_actor_alone() -> None:
    a = _actor("SSD", "SSDREB")
    assert as_of(a, None) is a
    b = _actor("FRA", "FRAREB")
    assert as_of(b, dt.date(1990, 1, 1)) is b


def test_every_territory_row_names_two_known_countries() -> None:
    import pycountry

    for t in territories().values():
        for code in (t.iso3, t.part_of):
            assert code == "XKX" or pycountry.countries.get(alpha_3=code) is not None, code


@pytest.mark.parametrize(
    ("text", "when", "side", "code"),
    [
        ("The Kosovo Liberation Army attacked Serbian police.", dt.date(1998, 3, 2), "source", "SRBREBKLA"),
        ("South Sudanese rebels attacked Sudanese troops.", dt.date(2000, 3, 2), "source", "SDNREB"),
        ("South Sudanese rebels attacked Sudanese troops.", dt.date(2015, 3, 2), "source", "SSDREB"),
    ],
)
def test_event_date_decides_the_country(coder, text, when, side, code) -> None:
    events = [e for e in coder.code_text(text, date=when) if e.event_type == "ASSAULT"]
    assert events and getattr(events[0], side).cameo_code == code


def test_a_bad_territory_row_names_the_file_and_line(monkeypatch, tmp_path) -> None:
    from eventcoder import datafiles
    from eventcoder.actors import history
    from eventcoder.errors import ActorKBError

    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "territories.csv").write_text(
        "# a comment\niso3,part_of,until,note\nXKX,SRB,2008-02-17,ok\nSSD,SDN,9 July 2011,bad date\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(datafiles.resources, "files", lambda _package: tmp_path)
    history.territories.cache_clear()
    try:
        with pytest.raises(ActorKBError, match=r"territories.csv:4: until '9 July 2011' is not an ISO date"):
            history.territories()
    finally:
        monkeypatch.undo()
        history.territories.cache_clear()
