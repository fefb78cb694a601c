from __future__ import annotations

from pathlib import Path

import pytest
from _analysis_fakes import FakeCoder, actor, event

from eventcoder.analysis import evaluate
from eventcoder.errors import ConfigError
from eventcoder.records import Actor

FIXTURES = Path(__file__).parent / "fixtures"
PAIRS = FIXTURES / "pairs_mini.jsonl"

P1 = "Ruritania condemned Freedonia over the border raid."
P2 = "The rebels freed the hostages they had held in Freedonia."
P3 = "Freedonia sent aid to Ruritania and later thanked Ruritania."
P4 = "Ruritania's army attacked the town."


@pytest.fixture
def coder() -> FakeCoder:
    return FakeCoder(
        pairs={
            P1: event("ACCUSE", source=actor("RUR"), target=actor("FRE")),
            P2: event("RETREAT"),
            P3: event("AGREE"),
            P4: None,
        }
    )


def test_pairs_given_actors_scores(coder):
    report = evaluate(PAIRS, coder, given_actors=True)
    f = report.figures
    assert report.kind == "pairs"
    assert report.n == 4
    assert f["n_pairs"] == 4
    assert f["accuracy"] == 0.5
    assert f["per_type"]["YIELD"]["f1"] == 1.0  # RETREAT counts as the old YIELD
    assert f["per_type"]["ACCUSE"]["f1"] == 1.0
    assert f["per_type"]["AID"]["recall"] == 0.0
    assert f["per_type"]["AGREE"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}
    assert f["macro_f1"] == 0.5  # mean over the four gold types present
    assert f["micro_f1"] == pytest.approx(0.5714, abs=1e-4)
    assert report.confusion is not None
    assert report.confusion.as_dict()["AID"] == {"AGREE": 1}
    assert report.confusion.as_dict()["ASSAULT"] == {"NONE": 1}


def test_pairs_pass_marked_spans_to_code_pair(coder):
    evaluate(PAIRS, coder, given_actors=True)
    calls = {text: (src, tgt) for text, src, tgt in coder.pair_calls}
    src, tgt = calls[P3]
    assert P3[src[0] : src[1]] == "Freedonia"
    assert tgt == (P3.index("Ruritania"), P3.index("Ruritania") + len("Ruritania"))
    assert calls[P4][1] is None


def test_pairs_bad_gold_lines_are_reported(coder):
    report = evaluate(PAIRS, coder)
    assert len(report.bad_lines) == 2
    assert "bad_lines=2" in report.summary
    assert report.to_dict()["bad_lines"]["count"] == 2


def test_pairs_worst_confusions_list_examples(coder):
    worst = evaluate(PAIRS, coder).worst_confusions(5)
    cells = {(w["gold"], w["predicted"]) for w in worst}
    assert cells == {("AID", "AGREE"), ("ASSAULT", "NONE")}
    aid = next(w for w in worst if w["gold"] == "AID")
    assert aid["examples"][0]["id"] == "p3"
    assert aid["examples"][0]["predicted"]["type"] == "AGREE"


def test_pairs_without_given_actors_code_whole_sentences():
    src_span = (0, len("Ruritania"))
    coder = FakeCoder(
        by_text={
            P1: [
                event("SUPPORT", confidence=0.9),
                event(
                    "ACCUSE",
                    source=Actor(
                        name="Ruritania",
                        text="Ruritania",
                        start=src_span[0],
                        end=src_span[1],
                        country="RUR",
                    ),
                    confidence=0.2,
                ),
            ]
        }
    )
    report = evaluate(PAIRS, coder, given_actors=False)
    assert coder.pair_calls == []
    # the event whose source overlaps the marked source wins over the more confident one
    assert report.figures["per_type"]["ACCUSE"]["recall"] == 1.0


def test_coder_failure_is_counted_not_raised():
    coder = FakeCoder(pairs={P1: event("ACCUSE")}, fail_on=[P2])
    report = evaluate(PAIRS, coder)
    assert [f["id"] for f in report.coder_failures] == ["p2"]
    assert report.n == 4


def test_given_actors_refused_for_end_to_end_files():
    with pytest.raises(ConfigError, match="--given-actors"):
        evaluate(FIXTURES / "end2end_mini.jsonl", FakeCoder(), given_actors=True)


def test_pairs_with_given_actors_tell_the_coder_the_event_is_known(coder):
    # a pair set is a typing task: each pair takes part in an event
    evaluate(PAIRS, coder, given_actors=True)
    assert coder.events_known and all(coder.events_known)
