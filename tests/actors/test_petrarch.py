"""Importing PETRARCH/Phoenix dictionaries: fictional validation actors, dates, broken lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventcoder.actors import ActorResolver, load_actor_kb
from eventcoder.actors.petrarch import read_actors_file, read_agents_file

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _codes(resolver, nlp, text: str, when=None) -> dict[str, str | None]:
    return {m.actor.text: m.actor.cameo_code for m in resolver.find_mentions(nlp(text), when=when)}


def test_petrarch_validate_fictional_actors_resolve(validate_resolver, nlp) -> None:
    codes = _codes(validate_resolver, nlp, "Arnor has accused Gondor of hiding the stolen ring.")
    assert codes["Arnor"] == "ARN"
    assert codes["Gondor"] == "GON"


def test_petrarch_validate_synonym_resolves(validate_resolver, nlp) -> None:
    codes = _codes(validate_resolver, nlp, "Envoys from Minas Tirith rode north.")
    assert codes["Minas Tirith"] == "GON"


@pytest.mark.parametrize(
    ("when", "code"),
    [
        (dt.date(1990, 1, 1), "HOB"),
        (dt.date(1997, 3, 1), "HOBGOV"),
        (dt.date(2005, 1, 1), "HOBREB"),
    ],
)
def test_petrarch_dated_codes_follow_the_date(validate_resolver, nlp, when, code) -> None:
    codes = _codes(validate_resolver, nlp, "Gollum denied the charges.", when)
    assert codes["Gollum"] == code


def test_petrarch_agents_combine_with_actor_code(validate_resolver, nlp) -> None:
    codes = _codes(validate_resolver, nlp, "Gondor soldiers crossed the river.")
    assert codes["Gondor soldiers"] == "GONMIL"


def test_petrarch_broken_lines_are_reported_and_rest_loads() -> None:
    entries, problems = read_actors_file(
        FIXTURES / "broken.actors.txt", known_codes=frozenset({"GOV", "REB"})
    )
    names = {e.names[0] for e in entries}
    assert {"ZORBLAX REPUBLIC", "QUUX MCFOO", "FLIMFLAM FRONT"} <= names
    lines = {p.line: p.message for p in problems}
    assert "before any entry" in lines[2]
    assert "2020xx01" in lines[12]
    assert "unbalanced" in lines[15]
    assert all(str(p).startswith(str(FIXTURES / "broken.actors.txt")) for p in problems)


def test_petrarch_broken_entry_keeps_its_good_codes() -> None:
    entries, _ = read_actors_file(
        FIXTURES / "broken.actors.txt", known_codes=frozenset({"GOV", "MIL"})
    )
    person = next(e for e in entries if e.names[0] == "BROKEN DATES PERSON")
    assert person.role_on(dt.date(2020, 6, 1)).code == "ZRBMIL"


def test_petrarch_agents_file_reads_nouns_and_reports_problems() -> None:
    nouns, problems = read_agents_file(FIXTURES / "broken.agents.txt")
    phrases = {n.phrase: n.sectors for n in nouns}
    assert phrases["glorp workers"] == ("LAB",)
    assert phrases["moon guards"] == ("MIL",)
    assert {p.line for p in problems} == {5, 6, 7}


def test_petrarch_kb_collects_problems_from_a_directory(tmp_path, nlp) -> None:
    for name in ("broken.actors.txt", "broken.agents.txt"):
        (tmp_path / name).write_text(
            (FIXTURES / name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    (tmp_path / "notes.txt").write_text("not a dictionary [XXX\n", encoding="utf-8")
    kb = load_actor_kb(extra_dictionaries=[tmp_path])
    assert len(kb.problems) == 6
    resolver = ActorResolver(kb, nlp)
    codes = _codes(resolver, nlp, "The Zorblax Republic thanked Zorblaxian moon guards.")
    assert codes["Zorblax Republic"] == "ZRB"
    assert codes["Zorblaxian moon guards"] == "ZRBMIL"


@pytest.mark.shared
def test_petrarch_phoenix_dictionaries_load(shared_dir, nlp) -> None:
    paths = sorted((shared_dir / "dictionaries").glob("Phoenix.*.actors.txt"))
    kb = load_actor_kb(extra_dictionaries=paths)
    assert sum(e.imported for e in kb.entries) > 20000
    resolver = ActorResolver(kb, nlp)
    actors = resolver.lookup("Yasser Arafat", when=dt.date(2000, 1, 1))
    assert actors[0].cameo_code == "PSEGOV"
