"""Batch coding at scale: ``eventcoder run`` as a library.

inputs (files, folders, WARC, stdin) -> numbered chunks -> an engine (``local`` processes or a
``dask`` cluster) -> Parquet parts committed chunk by chunk -> ``errors.jsonl`` and DuckDB.
A killed run resumes where it stopped; see ``runner``.
"""

from __future__ import annotations

from eventcoder.scale.engines import ENGINES, make_engine
from eventcoder.scale.runner import (
    ProgressSink,
    RunSummary,
    auto_chunk_size,
    finish_output,
    run_batch,
)

__all__ = [
    "ENGINES",
    "ProgressSink",
    "RunSummary",
    "auto_chunk_size",
    "finish_output",
    "make_engine",
    "run_batch",
]
