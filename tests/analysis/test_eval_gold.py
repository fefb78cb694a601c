from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventcoder.analysis.gold import (
    detect_kind,
    find_surface,
    marked_spans,
    parse_gold_date,
    read_gold,
)
from eventcoder.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures"


def test_gold_reader_reports_bad_lines_instead_of_raising():
    gold = read_gold(FIXTURES / "pairs_mini.jsonl")
    assert [g.id for g in gold.lines] == ["p1", "p2", "p3", "p4"]
    assert [b.lineno for b in gold.bad] == [5, 6]
    assert "not JSON" in gold.bad[0].reason
    assert "text" in gold.bad[1].reason


def test_gold_reader_limit_keeps_first_lines():
    gold = read_gold(FIXTURES / "end2end_mini.jsonl", limit=2)
    assert [g.id for g in gold.lines] == ["e1", "e2"]


def test_gold_reader_missing_file_names_path(tmp_path):
    with pytest.raises(InputError, match="nope.jsonl"):
        read_gold(tmp_path / "nope.jsonl")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2000-01-01", dt.date(2000, 1, 1)),
        ("20080804", dt.date(2008, 8, 4)),
        ("121108", dt.date(2012, 11, 8)),
        ("soon", None),
        (None, None),
    ],
)
def test_gold_date_formats(value, expected):
    assert parse_gold_date(value) == expected


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("pairs_mini.jsonl", "pairs"),
        ("end2end_mini.jsonl", "end2end"),
        ("multicoder_mini.jsonl", "multicoder"),
        ("penta_mini.jsonl", "penta"),
        ("location_mini.jsonl", "location"),
    ],
)
def test_detect_kind_from_fields(name, kind):
    assert detect_kind(read_gold(FIXTURES / name).lines) == kind


def test_marked_spans_take_first_marker_and_trim_spaces():
    text = "Freedonia sent aid to Ruritania and later thanked Ruritania."
    marked = "<s>Freedonia </s>sent aid to <t>Ruritania</t> and later thanked <t>Ruritania</t>."
    src, tgt = marked_spans(marked, text)
    assert src is not None and tgt is not None
    assert text[src[0] : src[1]] == "Freedonia"
    assert tgt == (text.index("Ruritania"), text.index("Ruritania") + len("Ruritania"))


def test_marked_spans_missing_target_is_none():
    text = "Ruritania's army attacked the town."
    src, tgt = marked_spans("<s>Ruritania's army</s> attacked the town.", text)
    assert src == (0, len("Ruritania's army"))
    assert tgt is None


def test_marked_spans_give_up_when_markers_do_not_match_text():
    assert marked_spans("<s>Ruritania</s> agreed.", "Freedonia agreed.") == (None, None)


@pytest.mark.parametrize(
    ("surface", "found"),
    [
        ("Mexico 's president", "Mexico's president"),
        ("the UN ' envoy", "the UN envoy"),
        ("Germany; UNICEF", "Germany"),
        ("Atlantis", None),
    ],
)
def test_find_surface_tolerates_tokenised_gold(surface, found):
    text = "Talks between Mexico's president, the UN envoy, Germany and UNICEF."
    span = find_surface(text, surface)
    assert (text[span[0] : span[1]] if span else None) == found
