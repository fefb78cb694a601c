"""The batch runner behind ``eventcoder run``: inputs -> chunks -> engine -> Parquet parts -> DuckDB.

Resumption: the input stream is cut into numbered chunks in a fixed order; each finished chunk is
committed as its own Parquet parts (see ``store.parts``). A rerun of the same command re-reads the
inputs (cheap next to coding), skips every committed chunk and codes the rest, so no article is
lost or coded twice and event ids match an uninterrupted run. At the end ``errors.jsonl`` and
``eventcoder.duckdb`` are rebuilt from the parts.
"""

from __future__ import annotations

import functools
import json
import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import duckdb

from eventcoder.errors import InputError, StoreError
from eventcoder.ingest import DEFAULT_MAX_BYTES
from eventcoder.scale.chunks import Chunk, make_chunks
from eventcoder.scale.engines import make_engine
from eventcoder.scale.estimate import estimate_articles
from eventcoder.scale.inputs import Reader, default_reader, expand_inputs, read_items
from eventcoder.scale.worker import DEFAULT_FACTORY, CoderSpec
from eventcoder.store.database import build_database
from eventcoder.store.manifest import (
    DATABASE_NAME,
    ERRORS_NAME,
    RunManifest,
    file_stamp,
    lock_output,
    open_output,
)
from eventcoder.store.parts import PartStore, write_atomic
from eventcoder.store.schema import SCHEMA_VERSION

__all__ = ["auto_chunk_size", "finish_output", "ProgressSink", "RunSummary", "run_batch"]

log = logging.getLogger(__name__)

#: Largest and smallest automatic chunk (articles): the unit of work sent to a worker, of what a
#: kill can lose, and of one Parquet part. Large inputs get the largest; small ones are cut into
#: about ``_TARGET_CHUNKS`` chunks so that every worker gets work.
MAX_CHUNK_SIZE = 500
MIN_CHUNK_SIZE = 10
_TARGET_CHUNKS = 128


def auto_chunk_size(total: int | None) -> int:
    """Chunk size for about ``total`` input items (deterministic: a rerun computes the same)."""
    if total is None:
        return MAX_CHUNK_SIZE
    return max(MIN_CHUNK_SIZE, min(MAX_CHUNK_SIZE, -(-total // _TARGET_CHUNKS)))


class ProgressSink(Protocol):
    """Receives progress; the CLI draws it as a bar."""

    def start(self, total: int | None) -> None:
        """The run begins; ``total`` is the estimated number of input articles (None if unknown)."""

    def advance(self, articles: int) -> None:
        """``articles`` more input articles are done (or were found done by an earlier run)."""


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What a batch run produced (counts cover the whole output folder, resumed parts included)."""

    out: Path
    articles: int
    coded: int  # coded, with at least one event
    no_event: int  # coded, no event found
    rejected: int  # input could not be read
    failed: int  # the coder raised on it
    rejected_by_kind: dict[str, int] = field(default_factory=dict)
    sentences: int = 0
    events: int = 0
    seconds: float = 0.0
    chunks: int = 0
    chunks_resumed: int = 0  # chunks found done by an earlier run and skipped


def _pending(
    chunks: Iterable[Chunk],
    done: dict[int, str],
    *,
    progress: ProgressSink | None,
    fail_fast: bool,
    counts: dict[str, int],
) -> Iterator[Chunk]:
    """Chunks still to code; counts the committed ones and checks they match the input."""
    for chunk in chunks:
        counts["chunks"] += 1
        key = done.get(chunk.index)
        if key is not None:
            if key != chunk.key:
                raise StoreError(
                    f"chunk {chunk.index} of the output was made from other input than this run reads "
                    "(the input changed since the earlier run); pass --force to start over or choose another --out"
                )
            counts["resumed"] += 1
            if progress:
                progress.advance(len(chunk.items))
            continue
        if fail_fast:
            for item in chunk.items:
                if item.article is None:
                    raise InputError(f"{item.error} (stopped by --fail-fast)")
        yield chunk


def _write_errors(path: Path, con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "SELECT id, path, status, error_kind, error FROM articles "
        "WHERE status IN ('rejected', 'failed') ORDER BY rowid"
    ).fetchall()
    lines = [
        json.dumps({"id": i, "path": p, "status": s, "kind": k, "error": e}, ensure_ascii=False)
        for i, p, s, k, e in rows
    ]
    write_atomic(path, ("\n".join(lines) + "\n" if lines else "").encode("utf-8"))


def _summarise(con: duckdb.DuckDBPyConnection, out: Path, **extra: float | int) -> RunSummary:
    by_status = {
        status: (n, sentences or 0, events or 0)
        for status, n, sentences, events in con.execute(
            "SELECT status, count(*), sum(n_sentences), sum(n_events) FROM articles GROUP BY status"
        ).fetchall()
    }
    kinds = dict(
        con.execute(
            "SELECT error_kind, count(*) FROM articles WHERE status = 'rejected' "
            "GROUP BY error_kind ORDER BY count(*) DESC, error_kind"
        ).fetchall()
    )
    (events,) = con.execute("SELECT count(*) FROM events").fetchone() or (0,)
    return RunSummary(
        out=out,
        articles=sum(v[0] for v in by_status.values()),
        coded=by_status.get("coded", (0, 0, 0))[0],
        no_event=by_status.get("no_event", (0, 0, 0))[0],
        rejected=by_status.get("rejected", (0, 0, 0))[0],
        failed=by_status.get("failed", (0, 0, 0))[0],
        rejected_by_kind={str(k): int(v) for k, v in kinds.items()},
        sentences=int(sum(v[1] for v in by_status.values())),
        events=int(events),
        seconds=float(extra["seconds"]),
        chunks=int(extra["chunks"]),
        chunks_resumed=int(extra["chunks_resumed"]),
    )


def finish_output(
    out: str | Path, *, seconds: float = 0.0, chunks: int = 0, chunks_resumed: int = 0
) -> RunSummary:
    """Rebuild ``errors.jsonl`` and ``eventcoder.duckdb`` from the committed parts; summarise."""
    out = Path(out)
    store = PartStore(out)
    db = build_database(
        out / DATABASE_NAME, event_files=store.event_files(), article_files=store.article_files()
    )
    con = duckdb.connect(str(db), read_only=True)
    try:
        _write_errors(out / ERRORS_NAME, con)
        return _summarise(con, out, seconds=seconds, chunks=chunks, chunks_resumed=chunks_resumed)
    finally:
        con.close()


def run_batch(
    inputs: Sequence[str | Path],
    out: str | Path,
    *,
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    batch_size: int = 32,
    dictionaries: Sequence[str | Path] = (),
    force: bool = False,
    fail_fast: bool = False,
    chunk_size: int | None = None,
    coder_factory: str = DEFAULT_FACTORY,
    max_bytes: int = DEFAULT_MAX_BYTES,
    reader: Reader | None = None,
    progress: ProgressSink | None = None,
) -> RunSummary:
    """Code every article of ``inputs`` into the output folder ``out``, resuming an earlier run.

    ``chunk_size`` (articles per chunk) defaults to ``auto_chunk_size`` of the estimated input size.
    ``max_bytes`` limits each input file (each record for JSON Lines, CSV and WARC); ``reader``
    replaces the input reader (``default_reader``), for tests.
    ``coder_factory`` names (``module:attribute``) what builds the coder in each worker; it is
    called as ``factory(dictionaries=[...])`` and must return an object with ``Coder.pipe``.
    With ``workers`` > 1 the workers are spawned processes that import the caller's main module:
    call ``run_batch`` from a script under ``if __name__ == "__main__":``.
    Raises StoreError when ``out`` holds another run's output (unless ``force``), InputError
    for a missing input path, ConfigError for an unknown engine.

    Example:
        >>> summary = run_batch(["news/"], "out", workers=2)
        >>> summary.events
    """
    started = time.perf_counter()
    out = Path(out)
    if chunk_size is not None and chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
    files = expand_inputs(inputs)
    total = estimate_articles(files)
    if chunk_size is None:
        chunk_size = auto_chunk_size(total)
    dict_paths = [str(Path(d)) for d in dictionaries]
    for d in dict_paths:
        if not Path(d).is_file():
            raise InputError(f"--dictionaries {d}: no such file; check the path")
    manifest = RunManifest(
        schema=SCHEMA_VERSION,
        version=_version(),
        inputs=tuple(file_stamp(f) for f in files),
        dictionaries=tuple(file_stamp(d) for d in dict_paths),
        chunk_size=chunk_size,
        coder=coder_factory,
        max_bytes=max_bytes,
    )
    the_engine = make_engine(engine, workers=workers, scheduler=scheduler)
    with lock_output(out):
        resumed = open_output(out, manifest, force=force)
        store = PartStore(out)
        store.prepare()
        done = store.completed() if resumed else {}
        log.info(
            "%s %s: %d input files, %d chunks already done",
            "resuming" if resumed else "starting",
            out,
            len(files),
            len(done),
        )
        if progress:
            progress.start(total)
        spec = CoderSpec(
            factory=coder_factory,
            dictionaries=tuple(str(Path(d).resolve()) for d in dict_paths),
            batch_size=batch_size,
            fail_fast=fail_fast,
        )
        counts = {"chunks": 0, "resumed": 0}
        read = reader or functools.partial(default_reader, max_bytes=max_bytes)
        chunks = make_chunks(read_items(files, reader=read), chunk_size)
        with the_engine:
            for output in the_engine.run(
                _pending(chunks, done, progress=progress, fail_fast=fail_fast, counts=counts), spec
            ):
                store.write_chunk(
                    output.index, output.key, events=output.events, articles=output.articles
                )
                if progress:
                    progress.advance(output.articles.num_rows)
        extra = sorted(i for i in done if i >= counts["chunks"])
        if extra:
            raise StoreError(
                f"{out} holds chunks {extra[0]}..{extra[-1]} that this run's input does not have "
                "(the input is shorter than in the earlier run); pass --force to start over or choose another --out"
            )
        return finish_output(
            out,
            seconds=time.perf_counter() - started,
            chunks=counts["chunks"],
            chunks_resumed=counts["resumed"],
        )


def _version() -> str:
    from eventcoder import __version__

    return __version__
