"""Issue 2 and 5 acceptance on the seed article in ../shared (skipped when it is absent)."""

from __future__ import annotations

import datetime as dt
import math

import pytest

PUBLISHED = dt.date(2023, 7, 30)


@pytest.fixture(scope="module")
def seed(shared_dir, coder):
    text = (shared_dir / "seed" / "factions-meeting-article.txt").read_text(encoding="utf-8")
    return text, coder.code_text(text, date=PUBLISHED, article_id="seed")


def _by(events, event_type, source_name=None, target_name=None):
    out = []
    for e in events:
        if e.event_type != event_type:
            continue
        if source_name and (e.source is None or source_name.lower() not in e.source.name.lower()):
            continue
        if target_name and (e.target is None or target_name.lower() not in e.target.name.lower()):
            continue
        out.append(e)
    return out


@pytest.mark.issue(2)
def test_seed_consult_among_factions(seed):
    _, events = seed
    consulting = {e.source.name for e in _by(events, "CONSULT") if e.source}
    assert {"Hamas", "Fatah"} <= consulting
    assert any("Popular Front" in name for name in consulting)


@pytest.mark.issue(2)
def test_seed_islamic_jihad_rejects_and_accuses(seed):
    _, events = seed
    reject = _by(events, "REJECT", "Islamic Jihad")
    assert reject and reject[0].cameo == "125"
    accuse = [e for e in _by(events, "ACCUSE", target_name="Palestinian Authority") if e.source]
    assert accuse and accuse[0].source.cameo_code.startswith("PSE")
    assert "PIJ" in accuse[0].source.cameo_code  # Mohammed Al-Hindi speaks for Islamic Jihad


@pytest.mark.issue(2)
def test_seed_israeli_assault_on_jenin(seed):
    _, events = seed
    assault = [e for e in _by(events, "ASSAULT") if e.source and e.source.country == "ISR"]
    jenin = [e for e in assault if e.target and e.target.country == "PSE" and "incursion" in e.evidence.trigger]
    assert jenin
    e = jenin[0]
    assert e.quad_class == 4 and e.goldstein <= -9


@pytest.mark.issue(2)
def test_seed_attendees_and_egypt(seed):
    _, events = seed
    with_egypt = [
        e
        for e in events
        if e.event_type in ("SUPPORT", "CONSULT")
        and {a.country for a in (e.source, e.target) if a} == {"PSE", "EGY"}
    ]
    assert with_egypt


@pytest.mark.issue(2)
def test_seed_evidence_slices_the_text_and_no_event_from_boilerplate(seed):
    text, events = seed
    short_link = text.index("Short link:")
    for e in events:
        ev = e.evidence
        assert text[ev.trigger_start : ev.trigger_end] == ev.trigger
        assert ev.trigger_start < short_link
        for actor in (e.source, e.target):
            if actor:
                assert text[actor.start : actor.end] == actor.text


@pytest.mark.issue(5)
def test_seed_jenin_assault_place_date_and_casualties(seed):
    _, events = seed
    e = next(e for e in events if e.event_type == "ASSAULT" and "incursion" in e.evidence.trigger)
    loc = e.location
    assert loc is not None and loc.lat is not None
    # within 10 km of Jenin (32.46 N, 35.30 E)
    km = 111 * math.hypot(loc.lat - 32.46, (loc.lon - 35.30) * math.cos(math.radians(32.46)))
    assert km < 10
    assert e.date is not None and e.date.year == 2023 and e.date.month == 7 and e.date.day <= 10
    assert e.date_precision in ("day", "week", "month")
    assert e.size is not None and e.size.killed == 13 and e.size.injured >= 100


@pytest.mark.issue(5)
def test_seed_meeting_is_in_egypt(seed):
    _, events = seed
    meeting = [e for e in _by(events, "CONSULT") if "participat" in e.evidence.trigger]
    assert meeting and all(e.location and e.location.country_code == "EGY" for e in meeting)
