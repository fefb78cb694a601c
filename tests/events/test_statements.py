"""Public statements (CAMEO 01), coded only when asked for."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder import Coder

WHEN = dt.date(2014, 1, 8)


@pytest.fixture(scope="module")
def stating_coder():
    return Coder(statements=True)


def test_statements_are_off_by_default(coder):
    events = coder.code_text("The Iranian foreign minister said on Monday that the talks were constructive.", date=WHEN)
    assert events == []


def test_a_political_speaker_makes_a_statement(stating_coder):
    events = stating_coder.code_text(
        "The Iranian foreign minister said on Monday that the talks were constructive.", date=WHEN
    )
    assert len(events) == 1
    e = events[0]
    assert (e.event_type, e.cameo, e.cameo_root, e.quad_class) == ("STATEMENT", "010", "01", 1)
    assert e.source.cameo_code == "IRNGOV" and e.target is None
    assert e.evidence.trigger == "said" and "statement verb 'said'" in e.why


def test_a_denial_is_cameo_016(stating_coder):
    e = stating_coder.code_text("Russia denied on Tuesday that it had moved troops.", date=WHEN)[0]
    assert (e.event_type, e.cameo, e.goldstein) == ("STATEMENT", "016", -5.0)


def test_denying_an_accusation_is_cameo_016_and_plover_reject(stating_coder):
    # PLOVER has no statements; its manual suggests coding CAMEO 016 as REJECT
    events = stating_coder.code_text("Russia denied the report on Tuesday.", date=WHEN)
    assert [(e.event_type, e.cameo, e.goldstein, e.quad_class) for e in events] == [("REJECT", "016", -5.0, 3)]


def test_a_company_speaking_is_no_political_statement(stating_coder):
    assert stating_coder.code_text("Toyota said its profits rose by a third.", date=WHEN) == []


def test_the_reported_event_outranks_the_statement(stating_coder):
    events = stating_coder.code_text("The UN said Israeli jets attacked Gaza overnight.", date=WHEN)
    kinds = {e.event_type: e for e in events}
    assert set(kinds) == {"ASSAULT", "STATEMENT"}
    assert kinds["ASSAULT"].confidence > kinds["STATEMENT"].confidence
    assert kinds["STATEMENT"].source.cameo_code == "IGOUNO"


def test_talking_with_no_partner_is_a_statement(stating_coder):
    events = stating_coder.code_text("The Egyptian president talked about the economy in a speech.", date=WHEN)
    assert [(e.event_type, e.cameo) for e in events] == [("STATEMENT", "010")]
