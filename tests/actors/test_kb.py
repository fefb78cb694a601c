"""The built-in actor knowledge base: entries, dated roles, countries, sector nouns."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.actors import load_actor_kb
from eventcoder.errors import ActorKBError


@pytest.fixture(scope="module")
def kb():
    return load_actor_kb()


def test_kb_builtin_is_loaded_once(kb) -> None:
    assert load_actor_kb() is kb


@pytest.mark.parametrize(
    ("entry_id", "code"),
    [
        ("hamas", "PSEREBHMS"),
        ("palestinian-islamic-jihad", "PSEREBPIJ"),
        ("palestinian-authority", "PSEGOV"),
        ("mena", "EGYMED"),
        ("idf", "ISRMIL"),
        ("arab-league", "IGOARL"),
        ("islamic-salvation-front", "DZAOPPFIS"),
        ("salafist-group-for-preaching-and-combat", "DZAREBGSP"),
    ],
)
def test_kb_organisation_codes(kb, entry_id: str, code: str) -> None:
    assert kb.entry(entry_id).code == code


@pytest.mark.parametrize(
    ("when", "code"),
    [
        (dt.date(1997, 1, 1), "ISRGOV"),  # first term
        (dt.date(2001, 1, 1), "ISRPTY"),  # between offices: default
        (dt.date(2022, 1, 1), "ISROPP"),  # opposition leader
        (dt.date(2023, 7, 30), "ISRGOV"),  # third term
    ],
)
def test_kb_role_is_chosen_by_date(kb, when: dt.date, code: str) -> None:
    assert kb.entry("benjamin-netanyahu").role_on(when).code == code


def test_kb_role_ends_on_its_end_date(kb) -> None:
    assad = kb.entry("bashar-al-assad")
    assert assad.role_on(dt.date(2024, 12, 8)).code == "SYRGOV"
    assert assad.role_on(dt.date(2025, 1, 1)).code == "SYRELI"


@pytest.mark.parametrize(
    ("person", "when", "code"),
    [
        ("antonio-guterres", dt.date(2010, 1, 1), "IGOHCR"),  # UN refugee agency
        ("antonio-guterres", dt.date(2023, 10, 20), "IGOUNO"),  # Secretary-General of the UN
        ("ban-ki-moon", dt.date(2012, 1, 1), "IGOUNO"),
        ("sergey-lavrov", dt.date(2000, 1, 1), "RUSGOV"),  # Russia's ambassador to the UN
        ("mahmoud-abbas", dt.date(2000, 1, 1), "PSEPTYFTH"),  # a Fatah leader before his offices
        ("mahmoud-abbas", dt.date(2023, 7, 30), "PSEGOV"),
    ],
)
def test_kb_an_international_office_takes_its_organisation_code(kb, person, when, code) -> None:
    assert kb.entry(person).role_on(when).code == code


def test_kb_person_role_in_an_organisation_takes_its_code(kb) -> None:
    role = kb.entry("mohammed-al-hindi").role_on(dt.date(2023, 7, 30))
    assert role.code == "PSEREBPIJ"
    assert "Deputy Secretary-General" in role.title


def test_kb_countries_cover_iso_and_demonyms(kb) -> None:
    assert len(kb.countries) >= 249
    egypt = kb.country("EGY")
    assert "Egyptian" in egypt.demonyms and "Egyptians" in egypt.people
    assert ("Cairo", ("GOV",)) in egypt.seats
    assert kb.country("MMR").names[:2] == ("Myanmar", "Burma")
    assert "US" in kb.country("USA").acronyms


def test_kb_sector_nouns_include_plurals(kb) -> None:
    phrases = {(n.phrase, n.sectors) for n in kb.sector_nouns}
    assert ("soldiers", ("MIL",)) in phrases
    assert ("settlers", ("CVL",)) in phrases
    assert ("policemen", ("COP",)) in phrases
    assert ("ruling parties", ("GOV", "PTY")) in phrases  # PLOVER's GOV includes governing parties
    assert ("workers", ("LAB",)) in phrases  # the PLOVER agent list: employees, labourers
    assert ("aid workers", ("NGO",)) in phrases


def test_kb_sector_noun_with_an_unknown_further_sector_is_an_error(tmp_path) -> None:
    from eventcoder.actors._builtin import _read_sectors
    from eventcoder.errors import ActorKBError

    bad = tmp_path / "sectors.yaml"
    bad.write_text("sectors:\n  GOV:\n    label: government\n    nouns: [{noun: ruling party, also: [XYZ]}]\n")
    with pytest.raises(ActorKBError, match="ruling party.*XYZ"):
        _read_sectors(bad)


def test_kb_missing_dictionary_path_is_an_error(tmp_path) -> None:
    with pytest.raises(ActorKBError, match="does not exist"):
        load_actor_kb(extra_dictionaries=[tmp_path / "nope.actors"])


def test_kb_cache_builds_once_then_loads(tmp_path, monkeypatch) -> None:
    from eventcoder.actors import _cache

    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(tmp_path))
    calls = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"built": len(calls)}

    first = _cache.load_or_build("probe", build, sources=())
    second = _cache.load_or_build("probe", build, sources=())
    assert first == second == {"built": 1}
    assert len(calls) == 1
    assert list(tmp_path.glob("actors-probe-*.pickle"))
