"""Parquet and DuckDB output: the table schema (``schema``), atomic part files (``parts``), the run
manifest (``manifest``) and the embedded DuckDB store built from the Parquet (``database``)."""

from __future__ import annotations
