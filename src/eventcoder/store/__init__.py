"""Output of coded events.

``output``: event writers for ``eventcoder code`` (jsonl, json, table). For batch runs: the table
schema derived from the records (``schema``), crash-safe Parquet part files (``parts``), the run
manifest that makes resuming safe (``manifest``) and the DuckDB store built from the Parquet
(``database``).
"""

from __future__ import annotations
