"""The Parquet/DuckDB schema of coded output, derived from the records in ``records.py``.

This is the one place where records become table rows. Nested records are flattened into
columns named ``<field>_<subfield>``: ``Event.source`` (an ``Actor``) gives ``source_name``,
``source_country``, ``source_sectors`` (a list column), ...; ``Event.location`` gives
``location_lat``, ...; ``Event.size`` gives ``size_killed``, .... ``Event.evidence`` fields keep
their own names (``sentence``, ``trigger``, ``trigger_start``, ...) because they already say what
they are. When a nested record is optional, all its columns are nullable.

The articles table has one row per input article: the ``Article`` fields except ``text``, plus
what the batch run found (``status``, ``error_kind``, ``error``, ``n_events``, ...).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterable
from datetime import date as Date
from functools import cache
from typing import Any, Union

import pyarrow as pa

from eventcoder.records import Article, Event

__all__ = [
    "ARTICLE_STATUSES",
    "SCHEMA_VERSION",
    "ArticleOutcome",
    "article_row",
    "article_schema",
    "articles_table",
    "event_row",
    "event_schema",
    "events_table",
]

#: Bump when a column is added, removed, renamed or retyped; stored with every run.
SCHEMA_VERSION = "eventcoder.store.v1"

#: ``articles.status`` values: coded with at least one event, coded with none, input could not
#: be read, or the coder raised on it.
ARTICLE_STATUSES = ("coded", "no_event", "rejected", "failed")

#: Nested record fields whose columns are not prefixed with the field name.
_UNPREFIXED = frozenset({"evidence"})

_SCALARS: dict[Any, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
    Date: pa.date32(),
}


@dataclasses.dataclass(frozen=True, slots=True)
class ArticleOutcome:
    """What a batch run did with one input article (the non-``Article`` columns of a row)."""

    status: str  # one of ARTICLE_STATUSES
    path: str | None = None  # the input file the article came from ("-" for stdin)
    error_kind: str | None = None  # short machine-readable reason: "empty", "binary", ...
    error: str | None = None  # the full message
    n_events: int = 0
    n_sentences: int = 0
    n_chars: int = 0
    notes: tuple[str, ...] = ()


# -- schema derivation --------------------------------------------------------------------------


def _unwrap_optional(tp: Any) -> tuple[Any, bool]:
    """``X | None`` -> (X, True); anything else -> (tp, False)."""
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
        raise TypeError(f"cannot map union {tp!r} to a column type")
    return tp, False


def _columns(
    cls: type, prefix: str, nullable: bool
) -> list[tuple[str, pa.DataType, bool, tuple[str, ...]]]:
    """(column name, Arrow type, nullable, attribute path) for every leaf field of ``cls``."""
    hints = typing.get_type_hints(cls)
    out: list[tuple[str, pa.DataType, bool, tuple[str, ...]]] = []
    for f in dataclasses.fields(cls):
        tp, optional = _unwrap_optional(hints[f.name])
        if dataclasses.is_dataclass(tp):
            sub_prefix = prefix if f.name in _UNPREFIXED else f"{prefix}{f.name}_"
            for name, dtype, null, path in _columns(tp, sub_prefix, nullable or optional):  # type: ignore[arg-type]
                out.append((name, dtype, null, (f.name, *path)))
            continue
        if typing.get_origin(tp) is tuple:
            args = typing.get_args(tp)
            if len(args) != 2 or args[1] is not Ellipsis or args[0] not in _SCALARS:
                raise TypeError(f"cannot map {cls.__name__}.{f.name}: {tp!r} to a column type")
            dtype = pa.list_(_SCALARS[args[0]])
        elif tp in _SCALARS:
            dtype = _SCALARS[tp]
        else:
            raise TypeError(f"cannot map {cls.__name__}.{f.name}: {tp!r} to a column type")
        out.append((f"{prefix}{f.name}", dtype, nullable or optional, (f.name,)))
    return out


@cache
def _event_columns() -> tuple[tuple[str, pa.DataType, bool, tuple[str, ...]], ...]:
    return tuple(_columns(Event, "", False))


@cache
def _article_columns() -> tuple[tuple[str, pa.DataType, bool, tuple[str, ...]], ...]:
    # Article fields other than id are nullable: a rejected input may have no article at all.
    article = [
        (name, dtype, name != "id", ("article", *path))
        for name, dtype, _, path in _columns(Article, "", False)
        if name != "text"
    ]
    outcome = [
        (name, dtype, null, ("outcome", *path))
        for name, dtype, null, path in _columns(ArticleOutcome, "", False)
    ]
    return tuple(article + outcome)


@cache
def event_schema() -> pa.Schema:
    """Arrow schema of the events table (one row per ``Event``)."""
    return pa.schema(
        [pa.field(name, dtype, nullable=null) for name, dtype, null, _ in _event_columns()],
        metadata={"eventcoder.schema": SCHEMA_VERSION},
    )


@cache
def article_schema() -> pa.Schema:
    """Arrow schema of the articles table (one row per input article)."""
    return pa.schema(
        [pa.field(name, dtype, nullable=null) for name, dtype, null, _ in _article_columns()],
        metadata={"eventcoder.schema": SCHEMA_VERSION},
    )


# -- rows ----------------------------------------------------------------------------------------


def _get(obj: Any, path: tuple[str, ...]) -> Any:
    for name in path:
        if obj is None:
            return None
        obj = getattr(obj, name)
    if isinstance(obj, tuple):
        return list(obj)
    return obj


@cache
def _event_paths() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((name, path) for name, _, _, path in _event_columns())


def event_row(event: Event) -> dict[str, Any]:
    """One flat row (column name -> value) for an event."""
    row: dict[str, Any] = {}
    for name, path in _event_paths():
        value: Any = event
        for attr in path:
            value = getattr(value, attr)
            if value is None:
                break
        row[name] = list(value) if isinstance(value, tuple) else value
    return row


def article_row(article: Article | None, outcome: ArticleOutcome, *, id: str) -> dict[str, Any]:
    """One flat row for an input article; ``article`` is None for inputs that could not be read."""
    source = {"article": article, "outcome": outcome}
    row: dict[str, Any] = {}
    for name, _, _, path in _article_columns():
        row[name] = _get(source[path[0]], path[1:])
    row["id"] = id
    return row


def events_table(events: Iterable[Event]) -> pa.Table:
    """Events as an Arrow table with ``event_schema()``."""
    return pa.Table.from_pylist([event_row(e) for e in events], schema=event_schema())


def articles_table(rows: Iterable[dict[str, Any]]) -> pa.Table:
    """Rows from ``article_row`` as an Arrow table with ``article_schema()``."""
    return pa.Table.from_pylist(list(rows), schema=article_schema())
