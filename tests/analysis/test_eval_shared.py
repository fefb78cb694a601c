"""Runs the scorer over the first lines of the real gold files, when ../shared is present."""

from __future__ import annotations

from pathlib import Path

import pytest
from _analysis_fakes import FakeCoder

from eventcoder.analysis import evaluate

SHARED_EVAL = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval"

EXPECTED_KIND = {
    "plv_dev": "pairs",
    "plover_gsr": "end2end",
    "petr2_gsr_validation": "end2end",
    "petr_unittest": "end2end",
    "multicoder": "multicoder",
    "penta_dev": "penta",
    "location_dev": "location",
}


@pytest.mark.shared
@pytest.mark.parametrize("name", sorted(EXPECTED_KIND))
def test_real_gold_files_are_read_and_scored(name):
    path = SHARED_EVAL / f"{name}.jsonl"
    if not path.exists():
        pytest.skip(f"../shared is absent: {path} not found")
    report = evaluate(path, FakeCoder(), limit=20)
    assert report.kind == EXPECTED_KIND[name]
    assert report.n > 0
    assert report.bad_lines == ()
    assert report.summary.startswith(f"{name}: n={report.n} ")
    if name == "plv_dev":
        assert report.figures["pairs_without_spans"] == 0
