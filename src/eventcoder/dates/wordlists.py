"""Word lists of the date stage, read from ``eventcoder/data/dates``."""

from __future__ import annotations

from functools import cache

from eventcoder.datafiles import read_data_csv

__all__ = ["date_modifiers", "speech_verbs"]


@cache
def date_modifiers() -> tuple[str, ...]:
    """Prefixes to strip before reading a date, longest first."""
    prefixes = {row["prefix"].lower() for _, row in read_data_csv("dates", "modifiers.csv")}
    return tuple(sorted(prefixes, key=len, reverse=True))


@cache
def speech_verbs() -> frozenset[str]:
    """Lemmas of verbs of saying and reporting."""
    return frozenset(row["lemma"].lower() for _, row in read_data_csv("dates", "speech_verbs.csv"))
