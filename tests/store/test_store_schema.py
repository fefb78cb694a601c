from __future__ import annotations

import datetime as dt

import pyarrow as pa

from eventcoder.records import Actor, Article, Event, Evidence, Location, Size
from eventcoder.store.schema import (
    ArticleOutcome,
    article_row,
    article_schema,
    articles_table,
    event_row,
    event_schema,
    events_table,
)


def _event(**changes: object) -> Event:
    base = dict(
        id="a1:10-18",
        article_id="a1",
        event_type="ASSAULT",
        mode="aerial",
        negated=False,
        tense_mode="asserted",
        cameo="195",
        cameo_root="19",
        quad_class=4,
        goldstein=-10.0,
        source=Actor(
            name="Israel",
            text="Israeli jets",
            start=0,
            end=12,
            country="ISR",
            sectors=("MIL",),
            cameo_code="ISRMIL",
        ),
        target=None,
        evidence=Evidence(
            sentence="Israeli jets struck Gaza.",
            sentence_index=0,
            sentence_start=0,
            trigger="struck",
            trigger_start=13,
            trigger_end=19,
        ),
        why="lexicon",
        confidence=0.9,
        date=dt.date(2023, 7, 3),
        location=Location(
            extracted_place="Gaza",
            resolved_place="Gaza",
            geonameid=281133,
            lat=31.5,
            lon=34.47,
            admin1=None,
            country_code="PSE",
            feature_class="P",
            resolution="sentence",
        ),
        size=Size(killed=3),
        context=("military",),
    )
    base.update(changes)
    return Event(**base)  # type: ignore[arg-type]


def test_event_schema_flattens_nested_records_with_prefixes() -> None:
    names = event_schema().names
    for column in (
        "source_name",
        "source_country",
        "source_sectors",
        "target_cameo_code",
        "trigger",
        "trigger_start",
        "sentence_index",
        "location_lat",
        "size_killed",
        "context",
    ):
        assert column in names
    assert "source" not in names and "evidence" not in names
    assert event_schema().field("source_sectors").type == pa.list_(pa.string())
    assert event_schema().field("date").type == pa.date32()


def test_event_schema_makes_columns_of_optional_records_nullable() -> None:
    schema = event_schema()
    assert schema.field("target_name").nullable
    assert schema.field("size_killed").nullable
    assert not schema.field("trigger_start").nullable
    assert not schema.field("id").nullable


def test_event_row_takes_values_from_nested_records() -> None:
    row = event_row(_event())
    assert row["source_name"] == "Israel"
    assert row["source_sectors"] == ["MIL"]
    assert row["target_name"] is None
    assert row["trigger_start"] == 13
    assert row["location_geonameid"] == 281133
    assert row["size_killed"] == 3


def test_events_table_round_trips_through_arrow() -> None:
    table = events_table(
        [_event(), _event(id="a1:30-35", source=None, location=None, size=None, date=None)]
    )
    assert table.schema.equals(event_schema())
    rows = table.to_pylist()
    assert [r["id"] for r in rows] == ["a1:10-18", "a1:30-35"]
    assert rows[1]["source_name"] is None and rows[1]["date"] is None


def test_article_row_leaves_out_text_and_adds_outcome() -> None:
    article = Article(id="a1", text="Some text.", published=dt.date(2024, 1, 2), title="T")
    row = article_row(
        article, ArticleOutcome(status="coded", path="in.jsonl", n_events=2, n_sentences=1), id="a1"
    )
    assert "text" not in article_schema().names
    assert row["title"] == "T" and row["status"] == "coded" and row["n_events"] == 2
    table = articles_table(
        [
            row,
            article_row(
                None, ArticleOutcome(status="rejected", error_kind="empty", error="x"), id="bad"
            ),
        ]
    )
    assert table.column("status").to_pylist() == ["coded", "rejected"]
    assert table.column("published").to_pylist() == [dt.date(2024, 1, 2), None]
