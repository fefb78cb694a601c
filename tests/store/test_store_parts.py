from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pyarrow.dataset as ds

from eventcoder.store.database import build_database
from eventcoder.store.parts import NULL_PARTITION, PartStore
from eventcoder.store.schema import ArticleOutcome, article_row, articles_table, event_schema


def _events(dates: list[dt.date | None]) -> object:
    rows = []
    for i, d in enumerate(dates):
        row = {name: None for name in event_schema().names}
        row.update(
            id=f"e{i}",
            article_id="a",
            event_type="ASSAULT",
            negated=False,
            tense_mode="asserted",
            cameo="190",
            cameo_root="19",
            quad_class=4,
            goldstein=-10.0,
            sentence="s",
            sentence_index=0,
            sentence_start=0,
            trigger="t",
            trigger_start=0,
            trigger_end=1,
            why="",
            confidence=1.0,
            date=d,
            context=[],
        )
        rows.append(row)
    import pyarrow as pa

    return pa.Table.from_pylist(rows, schema=event_schema())


def _articles(ids: list[str]) -> object:
    return articles_table(article_row(None, ArticleOutcome(status="no_event"), id=i) for i in ids)


def test_part_store_partitions_events_by_month_with_a_null_partition(tmp_path: Path) -> None:
    store = PartStore(tmp_path)
    store.prepare()
    store.write_chunk(
        0,
        "abc",
        events=_events([dt.date(2023, 7, 1), dt.date(2023, 8, 2), None]),
        articles=_articles(["a"]),
    )
    months = sorted(p.name for p in (tmp_path / "events.parquet").iterdir())
    assert months == ["month=2023-07", "month=2023-08", f"month={NULL_PARTITION}"]
    table = ds.dataset(tmp_path / "events.parquet", partitioning="hive").to_table()
    assert sorted(table.column("id").to_pylist()) == ["e0", "e1", "e2"]


def test_part_store_counts_a_chunk_done_only_when_its_articles_part_exists(tmp_path: Path) -> None:
    store = PartStore(tmp_path)
    store.prepare()
    store.write_chunk(3, "f3", events=_events([dt.date(2023, 7, 1)]), articles=_articles(["a"]))
    assert store.completed() == {3: "f3"}
    (
        tmp_path / "articles.parquet" / "part-000003-f3.parquet"
    ).unlink()  # as if killed before the commit
    assert store.completed() == {}
    assert store.event_files() == []


def test_part_store_rewrite_replaces_stale_event_parts(tmp_path: Path) -> None:
    store = PartStore(tmp_path)
    store.prepare()
    store.write_chunk(1, "f1", events=_events([dt.date(2023, 7, 1)]), articles=_articles(["a"]))
    (tmp_path / "articles.parquet" / "part-000001-f1.parquet").unlink()
    store.write_chunk(1, "f1", events=_events([dt.date(2023, 9, 1)]), articles=_articles(["a"]))
    assert [p.parent.name for p in store.event_files()] == ["month=2023-09"]


def test_part_store_prepare_removes_temporary_files(tmp_path: Path) -> None:
    store = PartStore(tmp_path)
    store.prepare()
    leftover = tmp_path / "articles.parquet" / ".part-000000-k.parquet.tmp-123"
    leftover.write_bytes(b"half a file")
    store.prepare()
    assert not leftover.exists()


def test_build_database_holds_events_and_articles(tmp_path: Path) -> None:
    store = PartStore(tmp_path)
    store.prepare()
    store.write_chunk(
        0, "f0", events=_events([dt.date(2023, 7, 1), None]), articles=_articles(["a", "b"])
    )
    db = build_database(
        tmp_path / "x.duckdb", event_files=store.event_files(), article_files=store.article_files()
    )
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT id, month FROM events ORDER BY id").fetchall() == [
        ("e0", "2023-07"),
        ("e1", None),
    ]
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (2,)


def test_build_database_with_no_events_has_an_empty_events_table(tmp_path: Path) -> None:
    db = build_database(tmp_path / "x.duckdb", event_files=[], article_files=[])
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchone() == (0,)
    columns = [r[0] for r in con.execute("DESCRIBE events").fetchall()]
    assert "source_name" in columns and "month" in columns
