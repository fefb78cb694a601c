"""Counting helpers: calibration of confidences."""


def test_reliability_bins_and_expected_calibration_error() -> None:
    from eventcoder.analysis.metrics import reliability

    # 0.9-confident and right 9 times in 10: calibrated; 0.3-confident and always right: 0.7 off
    pairs = [(0.9, i < 9) for i in range(10)] + [(0.3, True)] * 10
    rel = reliability(pairs)
    assert rel["n"] == 20
    assert [(b["from"], b["n"], b["accuracy"]) for b in rel["bins"]] == [(0.3, 10, 1.0), (0.9, 10, 0.9)]
    assert rel["ece"] == round((10 * 0.0 + 10 * 0.7) / 20, 4)
    assert reliability([])["ece"] is None
