"""Acceptance on the lead's seed article (../shared/seed): the actors it names resolve right."""

from __future__ import annotations

import datetime as dt

import pytest

WHEN = dt.date(2023, 7, 30)


@pytest.fixture(scope="module")
def seed_mentions(shared_dir, nlp, resolver):
    text = (shared_dir / "seed" / "factions-meeting-article.txt").read_text(encoding="utf-8")
    doc = nlp(text)
    return doc, resolver.find_mentions(doc, when=WHEN)


def _codes(found, surface: str) -> set[str | None]:
    return {m.actor.cameo_code for m in found if m.actor.text == surface}


@pytest.mark.parametrize(
    ("surface", "code"),
    [
        ("Hamas", "PSEREBHMS"),
        ("Fatah", "PSEPTYFTH"),
        ("PFLP", "PSEREBPFL"),
        ("Popular Front for the Liberation of Palestine", "PSEREBPFL"),
        ("Islamic Jihad Movement", "PSEREBPIJ"),
        ("Mohammed Al-Hindi", "PSEREBPIJ"),
        ("Palestinian Authority", "PSEGOV"),
        ("PLO", "PSEGOVPLO"),
        ("Palestine Liberation Organization", "PSEGOVPLO"),
        ("Egypt", "EGY"),
        ("MENA", "EGYMED"),
        ("Abbas", "PSEGOV"),
        ("Palestinian President Abbas", "PSEGOV"),
        ("Israeli occupation forces", "ISRMIL"),
        ("settlers", "ISRCVL"),
        ("Israeli government", "ISRGOV"),
    ],
)
def test_seed_article_actor_codes(seed_mentions, surface: str, code: str) -> None:
    _, found = seed_mentions
    assert code in _codes(found, surface), f"{surface!r}: {_codes(found, surface)}"


def test_seed_article_the_movement_refers_to_islamic_jihad(seed_mentions) -> None:
    _, found = seed_mentions
    movements = [m.actor for m in found if m.actor.text == "the movement"]
    assert len(movements) == 2
    for actor in movements:
        assert actor.resolution == "coreference"
        assert actor.name == "Palestinian Islamic Jihad"
        assert "'the movement' -> Palestinian Islamic Jihad (sentence" in actor.why


def test_seed_article_abbas_role_is_dated(seed_mentions) -> None:
    _, found = seed_mentions
    abbas = next(m.actor for m in found if m.actor.text == "Abbas")
    assert abbas.name == "Mahmoud Abbas"
    assert "2005-01-15..present on 2023-07-30" in abbas.why


def test_seed_article_offsets_match_text(seed_mentions) -> None:
    doc, found = seed_mentions
    assert found
    for m in found:
        assert doc.text[m.actor.start : m.actor.end] == m.actor.text
