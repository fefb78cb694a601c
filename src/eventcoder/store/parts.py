"""Crash-safe Parquet part files: one finished chunk of a batch run = one set of parts.

Layout of an output folder::

    events.parquet/month=2023-07/part-000012-<key>.parquet    events, partitioned by event month
    events.parquet/month=__HIVE_DEFAULT_PARTITION__/...        events with no date
    articles.parquet/part-000012-<key>.parquet                 one row per input article

Every file is written to a hidden temporary name in its final folder, flushed to disk, then renamed
into place (``os.replace`` is atomic on POSIX), so a reader never sees half a file. A chunk's event
parts are written first and its articles part last: the articles part is the commit record. A chunk
whose articles part exists is complete; any event parts of an uncommitted chunk are removed and
written again when the chunk is redone. ``<key>`` is a digest of the chunk's article ids, so a part
left by a run over different input is recognised rather than silently reused.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date as Date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from eventcoder.errors import StoreError

__all__ = [
    "ARTICLES_DIR",
    "EVENTS_DIR",
    "NULL_PARTITION",
    "PartStore",
    "write_atomic",
    "write_table_atomic",
]

EVENTS_DIR = "events.parquet"
ARTICLES_DIR = "articles.parquet"
#: Hive's name for a partition whose value is null (pyarrow and DuckDB read it back as NULL).
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"

_PART = re.compile(r"^part-(\d{6,})-([0-9a-f]+)\.parquet$")
_TMP_MARK = ".tmp-"


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _tmp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}{_TMP_MARK}{os.getpid()}")


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file and an atomic rename."""
    tmp = _tmp_name(path)
    try:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(
            f"cannot write {path}: {exc.strerror or exc}; check the disk space and permissions"
        ) from exc
    _fsync_dir(path.parent)


def write_table_atomic(table: pa.Table, path: Path) -> None:
    """Write ``table`` as one Parquet file at ``path`` via a temporary file and an atomic rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _tmp_name(path)
    try:
        pq.write_table(table, tmp, compression="zstd")
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(
            f"cannot write {path}: {exc.strerror or exc}; check the disk space and permissions"
        ) from exc
    _fsync_dir(path.parent)


def _month(d: Date | None) -> str:
    return NULL_PARTITION if d is None else f"{d.year:04d}-{d.month:02d}"


def part_name(index: int, key: str) -> str:
    """File name of chunk ``index``'s parts."""
    return f"part-{index:06d}-{key}.parquet"


class PartStore:
    """The part files of one output folder."""

    def __init__(self, out: str | Path):
        self.out = Path(out)
        self.events_dir = self.out / EVENTS_DIR
        self.articles_dir = self.out / ARTICLES_DIR

    def prepare(self) -> None:
        """Create the folders and remove temporary files left by a killed run."""
        self.events_dir.mkdir(parents=True, exist_ok=True)
        self.articles_dir.mkdir(parents=True, exist_ok=True)
        for folder in (self.out, self.articles_dir, self.events_dir, *self.events_dir.iterdir()):
            if not folder.is_dir():
                continue
            for p in folder.iterdir():
                if p.name.startswith(".") and _TMP_MARK in p.name:
                    p.unlink(missing_ok=True)

    def completed(self) -> dict[int, str]:
        """Chunk index -> key of every committed chunk."""
        done: dict[int, str] = {}
        if not self.articles_dir.is_dir():
            return done
        for p in self.articles_dir.iterdir():
            m = _PART.match(p.name)
            if m:
                done[int(m.group(1))] = m.group(2)
        return done

    def _event_parts(self, index: int) -> Iterator[Path]:
        if not self.events_dir.is_dir():
            return
        prefix = f"part-{index:06d}-"
        for month_dir in self.events_dir.iterdir():
            if month_dir.is_dir():
                for p in month_dir.iterdir():
                    if p.name.startswith(prefix) and p.name.endswith(".parquet"):
                        yield p

    def write_chunk(self, index: int, key: str, *, events: pa.Table, articles: pa.Table) -> None:
        """Write one finished chunk: its events by month, then its articles part (the commit)."""
        for stale in list(self._event_parts(index)):
            stale.unlink(missing_ok=True)
        name = part_name(index, key)
        if events.num_rows:
            by_month: dict[str, list[int]] = defaultdict(list)
            for i, d in enumerate(events.column("date").to_pylist()):
                by_month[_month(d)].append(i)
            for month, rows in sorted(by_month.items()):
                part = events.take(pa.array(rows, type=pa.int64()))
                write_table_atomic(part, self.events_dir / f"month={month}" / name)
        write_table_atomic(articles, self.articles_dir / name)

    def article_files(self) -> list[Path]:
        """Committed articles parts, in chunk order."""
        done = self.completed()
        return [self.articles_dir / part_name(i, done[i]) for i in sorted(done)]

    def event_files(self) -> list[Path]:
        """Event parts of committed chunks, in (month, chunk) order."""
        done = self.completed()
        files: list[Path] = []
        if not self.events_dir.is_dir():
            return files
        for month_dir in sorted(self.events_dir.iterdir()):
            if not month_dir.is_dir():
                continue
            for p in sorted(month_dir.iterdir()):
                m = _PART.match(p.name)
                if m and done.get(int(m.group(1))) == m.group(2):
                    files.append(p)
        return files
