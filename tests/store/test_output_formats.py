"""Output writers: jsonl, json and table from hand-built coding results."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from eventcoder.errors import ConfigError
from eventcoder.records import Actor, Article, CodingResult, Event, Evidence, Location
from eventcoder.store.output import WRITERS, write_events

TEXT = "Police arrested a journalist in Khartoum."


def make_result(article_id: str = "a1", n_events: int = 1) -> CodingResult:
    article = Article(
        id=article_id, text=TEXT, published=dt.date(2024, 3, 16), published_source="option"
    )
    start = TEXT.index("arrested")
    events = [
        Event(
            id=f"{article_id}-e{i}",
            article_id=article_id,
            event_type="ARREST",
            mode=None,
            negated=False,
            tense_mode="asserted",
            cameo="111",
            cameo_root="11",
            quad_class=3,
            goldstein=-5.0,
            source=Actor("Sudan police", "Police", 0, 6, "SDN", ("COP",), "SDNCOP"),
            target=Actor("journalist", "a journalist", 16, 28, None, ("JRN",), "JRN"),
            evidence=Evidence(TEXT, 0, 0, "arrested", start, start + 8),
            why="verb 'arrest'",
            confidence=0.9,
            date=dt.date(2024, 3, 16),
            location=Location(
                "Khartoum", "Khartoum", 379252, 15.55, 32.53, None, "SDN", "P", "sentence"
            ),
        )
        for i in range(n_events)
    ]
    return CodingResult(article=article, events=events, n_sentences=1, notes=["a note"])


def test_write_jsonl_one_line_per_event() -> None:
    out = io.StringIO()
    n = write_events([make_result("a1", 2), make_result("a2", 1)], "jsonl", out)
    lines = out.getvalue().splitlines()
    assert n == 3 and len(lines) == 3
    first = json.loads(lines[0])
    assert first["cameo"] == "111" and first["date"] == "2024-03-16"
    assert TEXT[first["evidence"]["trigger_start"] : first["evidence"]["trigger_end"]] == "arrested"
    assert [json.loads(line)["article_id"] for line in lines] == ["a1", "a1", "a2"]


def test_write_json_single_article_document() -> None:
    out = io.StringIO()
    write_events([make_result()], "json", out)
    doc = json.loads(out.getvalue())
    assert set(doc) == {"article", "n_sentences", "events", "notes"}
    assert doc["article"]["published_source"] == "option"
    assert doc["article"]["text"] == TEXT
    assert doc["events"][0]["source"]["cameo_code"] == "SDNCOP"
    assert doc["notes"] == ["a note"]


def test_write_json_several_articles_is_a_list() -> None:
    out = io.StringIO()
    write_events([make_result("a1"), make_result("a2")], "json", out)
    assert [d["article"]["id"] for d in json.loads(out.getvalue())] == ["a1", "a2"]


def test_write_table_shows_columns_and_values() -> None:
    out = io.StringIO()
    n = write_events([make_result()], "table", out)
    shown = out.getvalue()
    assert n == 1
    for cell in ("type", "cameo", "ARREST", "111", "SDNCOP", "arrested", "2024-03-16", "Khartoum"):
        assert cell in shown


def test_write_events_unknown_format() -> None:
    with pytest.raises(
        ConfigError, match="unknown output format 'xml'; available: jsonl, json, table"
    ):
        write_events([], "xml", io.StringIO())


def test_writers_registry_names() -> None:
    assert list(WRITERS) == ["jsonl", "json", "table"]
