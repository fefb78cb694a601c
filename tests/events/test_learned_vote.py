"""The vote between lexicon and classifier, and the coder's modes (no torch needed)."""

from __future__ import annotations

import pytest

from eventcoder.errors import ConfigError
from eventcoder.events.learned import LEXICON_BONUS, vote


def _probs(**kw):
    labels = ["AGREE", "CONSULT", "ACCUSE", "ASSAULT", "NONE"]
    base = {k: 0.0 for k in labels}
    base.update(kw)
    return base


def test_vote_keeps_lexicon_type_when_close():
    v = vote(_probs(ACCUSE=0.40, ASSAULT=0.40 + LEXICON_BONUS / 2), "ACCUSE")
    assert v.event_type == "ACCUSE" and not v.changed


def test_vote_overrides_lexicon_when_classifier_is_sure():
    v = vote(_probs(ACCUSE=0.05, ASSAULT=0.90), "ACCUSE")
    assert v.event_type == "ASSAULT" and v.changed
    assert "overrides lexicon ACCUSE" in v.explain()


def test_vote_none_drops_only_when_allowed():
    probs = _probs(NONE=0.9, CONSULT=0.05)
    assert vote(probs, "CONSULT").event_type == "NONE"
    assert vote(probs, "CONSULT", allow_none=False).event_type == "CONSULT"


class _SureOfNone:
    """A stand-in classifier that is sure the marked pair is no event."""

    def predict(self, texts):
        return [_probs(NONE=0.8, ACCUSE=0.15, AGREE=0.05) for _ in texts]


def test_judge_pair_names_a_type_when_the_event_is_known():
    from eventcoder.events.learned import LearnedTyper

    typer = LearnedTyper(_SureOfNone())
    text = "Ruritania told Freedonia it would not sign."
    src, tgt = (0, 9), (15, 24)
    assert typer.judge_pair(text, src, tgt, None).event_type == "NONE"
    known = typer.judge_pair(text, src, tgt, None, allow_none=False)
    assert known.event_type == "ACCUSE" and known.probability == 0.15


def test_coder_rejects_unknown_mode():
    from eventcoder import Coder

    with pytest.raises(ConfigError, match="unknown mode 'quick'"):
        Coder(mode="quick")


def test_fast_mode_has_no_classifier():
    from eventcoder.coder import fast_coder

    fast = fast_coder()
    assert fast.learned is None and fast.mode == "fast"
    events = fast.code_text("Mali expelled the French ambassador.")
    assert events and "classifier" not in events[0].why


def test_vote_confidence_is_the_winners_share_of_the_vote():
    # the lexicon's type wins on its bonus: its confidence counts the bonus, not the bare probability
    v = vote(_probs(ACCUSE=0.30, ASSAULT=0.40, NONE=0.30), "ACCUSE", bonus=0.25)
    assert v.event_type == "ACCUSE" and v.probability == 0.30
    assert v.confidence == pytest.approx(0.55 / 1.25)
    # without a lexicon type the share is the classifier's probability
    assert vote(_probs(ASSAULT=0.9, NONE=0.1), None).confidence == pytest.approx(0.9)
    # NONE ruled out: the share is over the labels still in the running
    assert vote(_probs(NONE=0.8, ACCUSE=0.2), None, allow_none=False).confidence == pytest.approx(1.0)


class _SureOfConsult:
    """A stand-in classifier that reads every marked pair as a meeting."""

    def predict(self, texts):
        return [_probs(CONSULT=0.9, AGREE=0.05, NONE=0.05) for _ in texts]


@pytest.fixture()
def consulting_coder():
    """The fast coder with the stand-in classifier that reads every pair as a meeting."""
    import copy

    from eventcoder.coder import fast_coder
    from eventcoder.events.learned import LearnedTyper

    coder = copy.copy(fast_coder())
    coder.learned = LearnedTyper(_SureOfConsult())
    return coder


def test_a_future_meeting_the_classifier_types_is_a_stated_intent(consulting_coder):
    future = [e for e in consulting_coder.code_text("Kenya will sign a trade deal with Somalia next week.") if e.source]
    # PLOVER: cooperation reported in the future is AGREE; CONSULT's intent code is 036
    assert future and all(e.event_type == "AGREE" and e.cameo == "036" for e in future), future
    assert "stated intent" in future[0].why
    past = [e for e in consulting_coder.code_text("Kenya signed a trade deal with Somalia.") if e.source]
    assert past and all(e.event_type == "CONSULT" for e in past)


def test_a_refusal_stays_a_refusal_whatever_the_classifier_types_the_act(consulting_coder):
    text = "The rebels said they would not meet government negotiators."
    events = [e for e in consulting_coder.code_text(text) if e.source]
    assert events and all(e.event_type == "REJECT" and e.cameo == "125" for e in events), events
    assert "refusal" in events[0].why and "classifier typed the act refused" in events[0].why


def test_a_promise_the_classifier_retypes_keeps_a_cameo_intent_code(consulting_coder):
    events = [e for e in consulting_coder.code_text("Israel agreed to release the Palestinian prisoners.") if e.source]
    # the classifier's type is the PLOVER type; the grammar's promise keeps CAMEO's intent root (03)
    assert events and all(e.event_type == "CONSULT" and e.cameo == "036" for e in events), events
    assert "keeps CAMEO intent code" in events[0].why
