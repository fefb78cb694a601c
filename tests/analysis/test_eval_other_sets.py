from __future__ import annotations

from pathlib import Path

import pytest
from _analysis_fakes import FakeCoder, actor, event, place

from eventcoder.analysis import evaluate

FIXTURES = Path(__file__).parent / "fixtures"

M_A = "Gunmen killed four guards in the capital, police said."
M_B = "Farmers marched on the ministry after talks with officials."


def test_multicoder_root_agreement_and_relevance():
    coder = FakeCoder(
        by_text={
            M_A: [event("ASSAULT", cameo="190", confidence=0.8)],
            M_B: [
                event("CONSULT", cameo="040", confidence=0.9),
                event("PROTEST", cameo="141", confidence=0.3),
            ],
        }
    )
    report = evaluate(FIXTURES / "multicoder_mini.jsonl", coder)
    f = report.figures
    assert report.n == 4  # the row nobody coded is skipped
    assert f["rows_with_majority"] == 2
    assert f["root_agreement"] == 0.5  # best event of M_B is CONSULT (04), majority says 14
    assert f["root_agreement_any"] == 1.0
    assert (f["root_agreement_events"], f["rows_with_majority_events"]) == (0.5, 2)
    assert f["relevance_accuracy"] == 0.75  # the second row of M_A has no majority events
    assert coder.coded[M_A] == 1  # repeated sentences are coded once


T1 = "Ruritania's army shelled Freedonia."
T2 = "Officials said the talks went well."


def test_penta_classes_from_best_event():
    coder = FakeCoder(
        by_text={T2: [event("CONSULT", cameo="010")]},  # a statement: class 0
        pairs={T1: event("ASSAULT", cameo="190", source=actor("RUR"))},
    )
    report = evaluate(FIXTURES / "penta_mini.jsonl", coder)
    assert report.n == 3
    assert report.figures["accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    assert report.figures["coded_with_given_actors"] == 2
    text, src, tgt = next(call for call in coder.pair_calls if call[0] == T1)
    assert text[src[0] : src[1]] == "Ruritania's army"
    assert text[tgt[0] : tgt[1]] == "Freedonia"
    assert report.confusion is not None
    assert report.confusion.as_dict()["1"] == {"0": 1}


L1 = "Troops fired on protesters in Nowhereville on Monday."
L2 = "Police arrested two men in Elsewhere."
L3 = "Rebels attacked a convoy."


def test_location_accuracy_with_repaired_gold_offsets():
    where = L1.index("Nowhereville")
    fired = (L1.index("fired"), L1.index("fired") + 5)
    coder = FakeCoder(
        by_text={
            L1: [
                event("ASSAULT", trigger=(0, 6), location=place("Monday", 46, 52)),
                event("ASSAULT", trigger=fired, location=place("Nowhereville", where, where + 12)),
            ],
            L2: [event("COERCE", trigger=(7, 15))],
            L3: [event("ASSAULT", trigger=(7, 15), location=place("Somewhere", 0, 3))],
        }
    )
    report = evaluate(FIXTURES / "location_mini.jsonl", coder)
    f = report.figures
    assert f["gold_with_location"] == 3
    assert f["location_accuracy"] == pytest.approx(1 / 3, abs=1e-4)
    assert f["no_location_rate"] == pytest.approx(1 / 3, abs=1e-4)
    assert f["no_event_rate"] == pytest.approx(1 / 3, abs=1e-4)
    assert f["spurious_location_rate"] == 1.0
    assert report.summary.startswith("location_mini: n=4 location_accuracy=0.33")
