"""Checks on the shipped named-actor data files (people and organisations YAML).

These read the YAML directly (no loader, no spaCy) so that a broken data file is reported
with its file name and entry, whatever state the resolver code is in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from importlib.resources import files
from typing import Any

import pycountry
import pytest
import yaml

ACTORS = files("eventcoder.data.actors")
EXTRA_COUNTRIES = {"PSE", "XKX"}
SECTORS = {
    "GOV", "MIL", "COP", "REB", "INS", "OPP", "PTY", "JUD", "LEG", "MED", "CVL", "REF", "BUS",
    "REL", "NGO", "IGO", "LAB", "EDU", "SPY", "HLH", "ELI", "UAF",
}
KINDS = {
    "igo", "ngo", "party", "armed_group", "media", "security_service", "government_body",
    "company", "religious", "legislature", "judiciary", "military",
}
# Single words that start sentences or appear capitalised in headlines; an alias equal to one
# of these would turn ordinary prose into an actor mention.
# Aliases and short names are matched case-insensitively by the loader, so none may be an
# ordinary English word or phrase (acronyms are matched case-sensitively and are exempt).
DANGEROUS_ALIASES = {
    "will", "may", "rice", "brown", "key", "major", "bush", "love", "rich", "young", "white",
    "black", "green", "hope", "grace", "price", "cash", "king", "queen", "prince", "president",
    "congress", "parliament", "government", "army", "police", "court", "party", "union", "the",
    "state", "house", "senate", "council", "ministry", "agency", "bank", "front", "movement",
    "pence", "tenet", "clapper", "wade", "talon", "mosquito", "barbecue", "downer", "lasso",
    "fed", "diet", "centre", "center", "meta", "quad", "dawn", "times", "the times", "guardian",
    "the guardian", "economist", "the economist", "telegraph", "the telegraph", "the hindu",
    "home office", "secret service", "amnesty", "inquirer", "nation", "independent", "azov",
    "memorial", "chapo", "power", "gates", "barr", "lynch", "haley", "kerry", "harris",
}
INTL_PREFIXES = {"IGO", "NGO", "IMG", "MNC"}


def _entries(kind: str) -> list[tuple[str, dict[str, Any]]]:
    folder = ACTORS / kind
    out: list[tuple[str, dict[str, Any]]] = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".yaml"):
            continue
        data = yaml.safe_load(item.read_text(encoding="utf-8"))
        assert isinstance(data, list), f"{kind}/{item.name}: top level must be a list"
        out.extend((f"{kind}/{item.name}", entry) for entry in data)
    return out


PEOPLE = _entries("people")
ORGS = _entries("organisations")


def _date(value: object, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    assert isinstance(value, str), f"{where}: date {value!r} is neither ISO text nor a date"
    return dt.date.fromisoformat(value)


def _valid_country(code: object) -> bool:
    if code is None:
        return True
    if not isinstance(code, str):
        return False
    return code in EXTRA_COUNTRIES or pycountry.countries.get(alpha_3=code) is not None


def _where(source: str, entry: dict[str, Any]) -> str:
    return f"{source}: {entry.get('name', '<no name>')!r}"


def _people_named(name: str) -> dict[str, Any]:
    matches = [e for _, e in PEOPLE if e["name"] == name]
    assert len(matches) == 1, f"expected one person called {name!r}, found {len(matches)}"
    return matches[0]


def test_kb_data_files_exist_for_every_region() -> None:
    names = {src.split("/")[1] for src, _ in PEOPLE + ORGS}
    for region in ("africa", "americas", "europe", "asia", "oceania", "central_asia"):
        assert f"{region}.yaml" in names
    assert "international.yaml" in {
        item.name for item in (ACTORS / "organisations").iterdir()
    }


def test_kb_data_people_have_required_keys_and_valid_roles() -> None:
    problems = []
    for source, entry in PEOPLE:
        where = _where(source, entry)
        if not isinstance(entry.get("name"), str) or not entry["name"].strip():
            problems.append(f"{where}: missing name")
        for key in ("aliases", "short", "acronyms"):
            if not isinstance(entry.get(key, []), list):
                problems.append(f"{where}: {key} must be a list")
        roles = entry.get("roles")
        if not isinstance(roles, list) or not roles:
            problems.append(f"{where}: needs a non-empty roles list")
            continue
        for role in roles:
            missing = {"country", "sectors", "title", "start", "end"} - set(role)
            if missing:
                problems.append(f"{where}: role {role!r} lacks {sorted(missing)}")
                continue
            if not _valid_country(role["country"]):
                problems.append(f"{where}: bad country {role['country']!r}")
            bad = set(role["sectors"]) - SECTORS
            if bad or not role["sectors"]:
                problems.append(f"{where}: bad sectors {role['sectors']!r}")
            start = _date(role["start"], where)
            end = _date(role["end"], where)
            if start and end and start > end:
                problems.append(f"{where}: role {role['title']!r} starts {start} after end {end}")
    assert not problems, "\n".join(problems[:30])


def test_kb_data_organisations_have_required_keys_and_valid_codes() -> None:
    problems = []
    for source, entry in ORGS:
        where = _where(source, entry)
        missing = {"name", "country", "sectors", "kind", "cameo_code"} - set(entry)
        if missing:
            problems.append(f"{where}: lacks {sorted(missing)}")
            continue
        if not _valid_country(entry["country"]):
            problems.append(f"{where}: bad country {entry['country']!r}")
        if set(entry["sectors"]) - SECTORS or not entry["sectors"]:
            problems.append(f"{where}: bad sectors {entry['sectors']!r}")
        if entry["kind"] not in KINDS:
            problems.append(f"{where}: bad kind {entry['kind']!r}")
        code = entry["cameo_code"]
        if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{3,15}", code):
            problems.append(f"{where}: bad cameo_code {code!r}")
        elif entry["country"] and not code.startswith(entry["country"]):
            problems.append(f"{where}: cameo_code {code} does not start with {entry['country']}")
        elif entry["country"] is None:
            prefix = entry.get("intl") or "IGO"
            if prefix not in INTL_PREFIXES or not code.startswith(prefix):
                problems.append(f"{where}: international code {code} needs an intl prefix {prefix}")
        if entry["kind"] == "igo" and not code.startswith("IGO"):
            problems.append(f"{where}: IGO cameo_code {code} must start with IGO")
        start = _date(entry.get("start"), where)
        end = _date(entry.get("end"), where)
        if start and end and start > end:
            problems.append(f"{where}: starts {start} after it ends {end}")
    assert not problems, "\n".join(problems[:30])


@pytest.mark.parametrize("kind", ["people", "organisations"])
def test_kb_data_canonical_names_are_unique(kind: str) -> None:
    entries = PEOPLE if kind == "people" else ORGS
    counts = Counter(entry["name"] for _, entry in entries)
    duplicates = sorted(name for name, n in counts.items() if n > 1)
    assert not duplicates, f"duplicate {kind} names: {duplicates}"


def test_kb_data_wikidata_ids_are_well_formed() -> None:
    bad = [
        _where(src, e)
        for src, e in PEOPLE + ORGS
        if e.get("wikidata") is not None and not re.fullmatch(r"Q[1-9]\d*", str(e["wikidata"]))
    ]
    assert not bad, bad


def test_kb_data_aliases_are_not_common_words() -> None:
    bad = []
    for source, entry in PEOPLE + ORGS:
        for alias in (entry.get("aliases") or []) + (entry.get("short") or []):
            if not isinstance(alias, str) or not alias.strip():
                bad.append(f"{_where(source, entry)}: empty alias")
            elif alias.lower() in DANGEROUS_ALIASES or alias.islower() or len(alias) < 3:
                bad.append(f"{_where(source, entry)}: alias {alias!r} is an ordinary word")
    assert not bad, "\n".join(bad)


def test_kb_data_has_at_least_1500_named_actors() -> None:
    assert len(PEOPLE) + len(ORGS) >= 1500


@pytest.mark.parametrize(
    ("name", "title", "start", "end"),
    [
        ("Angela Merkel", "Chancellor", "2005-11-22", "2021-12-08"),
        ("António Guterres", "Secretary-General of the United Nations", "2017-01-01", None),
        ("Barack Obama", "President", "2009-01-20", "2017-01-20"),
        ("Nelson Mandela", "President", "1994-05-10", "1999-06-14"),
        ("Narendra Modi", "Prime Minister", "2014-05-26", None),
        ("Jens Stoltenberg", "Secretary General of NATO", "2014-10-01", "2024-10-01"),
        ("Luiz Inácio Lula da Silva", "President", "2003-01-01", "2011-01-01"),
    ],
)
def test_kb_data_spot_check_offices(name: str, title: str, start: str, end: str | None) -> None:
    person = _people_named(name)
    spans = [
        (_date(r["start"], name), _date(r["end"], name))
        for r in person["roles"]
        if r["title"] == title
    ]
    expected = (dt.date.fromisoformat(start), dt.date.fromisoformat(end) if end else None)
    assert expected in spans, f"{name} as {title}: found {spans}"


def test_kb_data_spot_check_organisations() -> None:
    by_name = {e["name"]: e for _, e in ORGS}
    assert by_name["United Nations"]["cameo_code"] == "IGOUNO"
    assert by_name["United Nations"]["country"] is None
    assert by_name["Boko Haram"]["country"] == "NGA"
    assert "REB" in by_name["Boko Haram"]["sectors"]
    assert by_name["African National Congress"]["kind"] == "party"
