from __future__ import annotations

from pathlib import Path

import pytest
from _analysis_fakes import FakeCoder, actor, event

from eventcoder.analysis import evaluate

FIXTURES = Path(__file__).parent / "fixtures"
E2E = FIXTURES / "end2end_mini.jsonl"

E1 = "Ruritania and Freedonia agreed to reopen their border."
E2 = "Japan demanded that Germany withdraw the envoy."
E3 = "Freedonian troops shelled a Ruritanian village."
E4 = "The weather in Ruritania was mild on Tuesday."
E5 = "A Ruritanian minister said talks would go on."


def _coder() -> FakeCoder:
    agreed = (E1.index("agreed"), E1.index("agreed") + 6)
    return FakeCoder(
        by_text={
            # one event per member of the compound source, same trigger: one group
            E1: [
                event(
                    "AGREE",
                    source=actor(code="RURGOV", sectors=("GOV",)),
                    target=actor(code="FREGOV"),
                    trigger=agreed,
                ),
                event(
                    "AGREE",
                    source=actor(code="FREGOV", sectors=("GOV",)),
                    target=actor(code="RURGOV"),
                    trigger=agreed,
                ),
            ],
            E2: [event("REQUEST", source=actor("JPN"), target=actor("DEU"))],
            E3: [
                event(
                    "ASSAULT",
                    source=actor(code="FREMIL", sectors=("MIL",)),
                    target=actor(code="FRE"),
                )
            ],
            # a fanned-out group that matches nothing is one false positive
            E4: [event("PROTEST", source=actor("RUR")), event("PROTEST", source=actor("FRE"))],
        }
    )


@pytest.fixture(scope="module")
def report():
    return evaluate(E2E, _coder())


def test_end_to_end_type_level(report):
    t = report.figures["type"]
    assert (t["tp"], t["fp"], t["fn"]) == (3, 1, 0)


def test_end_to_end_source_level(report):
    t = report.figures["type_source"]
    assert (t["tp"], t["fp"], t["fn"]) == (3, 1, 0)


def test_end_to_end_target_level_uses_aliases_and_reciprocal_targets(report):
    t = report.figures["type_source_target"]
    # E1 reciprocal (null gold target, target = other member) and E2 (GMY == DEU) match; E3 does not
    assert (t["tp"], t["fp"], t["fn"]) == (2, 2, 1)
    assert report.figures["f1_type_source_target"] == pytest.approx(0.5714, abs=1e-4)


def test_end_to_end_old_labels_counted_under_gold_label(report):
    per_type = report.figures["per_type"]
    assert per_type["DEMAND"]["f1"] == 1.0
    assert "REQUEST" not in per_type
    assert per_type["PROTEST"]["precision"] == 0.0
    assert report.figures["macro_f1"] == 1.0


def test_end_to_end_no_event_sentences(report):
    assert report.figures["no_event_sentences"] == 2  # E4 and the statement-only E5
    assert report.figures["no_event_sentences_with_predictions"] == 1
    assert report.confusion is not None
    assert report.confusion.as_dict()["NONE"] == {"PROTEST": 1}


def test_end_to_end_actor_match_rates(report):
    rates = report.figures["actor_match"]
    assert rates["n_type_matched"] == 3
    assert rates["source_country"] == 1.0
    assert rates["target_country"] == pytest.approx(2 / 3, abs=1e-4)
    assert (rates["source_sector"], rates["source_sector_n"]) == (1.0, 2)
    assert (rates["target_sector"], rates["target_sector_n"]) == (0.0, 1)


def test_end_to_end_separate_events_without_shared_trigger_are_false_positives():
    coder = FakeCoder(
        by_text={
            E2: [
                event("REQUEST", source=actor("JPN"), target=actor("DEU"), trigger=(6, 14)),
                event("REQUEST", source=actor("JPN"), target=actor("DEU"), trigger=(30, 38)),
            ]
        }
    )
    report = evaluate(E2E, coder, limit=2)
    t = report.figures["type"]
    assert (t["tp"], t["fp"], t["fn"]) == (1, 1, 1)


def test_end_to_end_summary_and_json(report):
    data = report.to_dict(errors=3)
    assert data["n"] == 5
    assert data["summary"].startswith("end2end_mini: n=5 macro_f1=1.00 micro_f1=0.86")
    assert {
        "macro_f1",
        "micro_f1",
        "per_type",
        "confusion",
        "sentences_per_s",
        "errors",
    } <= data.keys()
