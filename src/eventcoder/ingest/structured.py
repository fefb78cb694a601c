"""Structured inputs: ``.json`` (one object or a list), ``.jsonl`` (one object a line), ``.csv``.

Each record has ``text`` and optionally ``id``, ``title``, ``url``, ``published``, ``source``;
other fields are ignored. Offsets are into the record's ``text`` value (boilerplate lines are
blanked with spaces of the same length). A bad record becomes an ``IngestFailure`` and reading
goes on; a problem with the whole file raises ``InputError``.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from eventcoder.errors import InputError
from eventcoder.ingest.boilerplate import blank_boilerplate
from eventcoder.ingest.decode import STDIN, check_file, decode_text, describe_size, read_bytes
from eventcoder.ingest.failure import IngestFailure
from eventcoder.ingest.published import choose_published, parse_published
from eventcoder.records import Article

__all__ = ["FIELDS", "ReadOptions", "article_from_record", "read_csv", "read_json", "read_jsonl"]

#: Fields eventcoder reads from a record; ``text`` is required.
FIELDS = ("id", "text", "title", "url", "published", "source")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Settings shared by all readers."""

    published: dt.date | None  # the caller's date (CLI --date): beats any metadata
    max_bytes: int
    today: dt.date


def _stem(path: str) -> str:
    return "stdin" if path == STDIN else Path(path).stem


def _optional_str(rec: dict[str, Any], key: str) -> str | None:
    value = rec.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, str | int | float):
        return str(value)
    raise InputError(f"field '{key}' must be a string, not {type(value).__name__}")


def article_from_record(rec: Any, *, path: str, position: int, options: ReadOptions) -> Article:
    """Build an Article from one record; ``position`` (1-based) names it when ``id`` is absent.

    Raises InputError (message without location) for a record that is not usable.
    """
    if not isinstance(rec, dict):
        raise InputError(f"expected a JSON object with a 'text' field, got {type(rec).__name__}")
    text = rec.get("text")
    if not isinstance(text, str):
        got = "no 'text' field" if text is None else f"'text' is a {type(text).__name__}"
        raise InputError(f"record has {got}; each record needs 'text' (a string)")
    if not text.strip():
        raise InputError("record's 'text' is empty; give the article text")
    size = len(text.encode("utf-8"))
    if size > options.max_bytes:
        raise InputError(
            f"record's text is {describe_size(size)}, over the {describe_size(options.max_bytes)} "
            "limit; pass --max-bytes N to raise it"
        )
    raw_date = rec.get("published")
    meta_date = parse_published(raw_date)
    if raw_date not in (None, "") and meta_date is None:
        raise InputError(f"'published' value {raw_date!r} is not a date; use YYYY-MM-DD")
    published, source = choose_published(
        option=options.published, metadata=meta_date, today=options.today
    )
    return Article(
        id=_optional_str(rec, "id") or f"{_stem(path)}-{position}",
        text=blank_boilerplate(text),
        published=published,
        published_source=source,
        title=_optional_str(rec, "title"),
        url=_optional_str(rec, "url"),
        source=_optional_str(rec, "source"),
    )


def read_json(path: str, options: ReadOptions) -> Iterator[Article | IngestFailure]:
    """Records of a JSON file holding one object or a list of objects."""
    name = "<stdin>" if path == STDIN else path
    text = decode_text(read_bytes(path, max_bytes=options.max_bytes), name=name)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{name}: broken JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}; "
            "fix the file (python -m json.tool shows the spot)"
        ) from None
    records = data if isinstance(data, list) else [data]
    if not isinstance(data, list | dict):
        raise InputError(
            f"{name}: JSON must hold an object or a list of objects, not a {type(data).__name__}"
        )
    for i, rec in enumerate(records, start=1):
        try:
            yield article_from_record(rec, path=path, position=i, options=options)
        except InputError as exc:
            yield IngestFailure(path=path, reason=str(exc), record=i)


@contextlib.contextmanager
def _open_binary(path: str) -> Iterator[IO[bytes]]:
    if path == STDIN:
        yield sys.stdin.buffer
        return
    check_file(path)
    with open(path, "rb") as fh:
        yield fh


def read_jsonl(path: str, options: ReadOptions) -> Iterator[Article | IngestFailure]:
    """Records of a JSON Lines file; blank lines are skipped, each bad line is one failure."""
    position = 0
    with _open_binary(path) as fh:
        for lineno, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            position += 1
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield IngestFailure(
                    path=path,
                    line=lineno,
                    record=position,
                    reason=f"not valid UTF-8 (byte offset {exc.start} in the line); "
                    "convert the file with iconv -f WINDOWS-1252 -t UTF-8",
                )
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                yield IngestFailure(
                    path=path,
                    line=lineno,
                    record=position,
                    reason=f"broken JSON at column {exc.colno}: {exc.msg}; each line must be one JSON object",
                )
                continue
            try:
                yield article_from_record(rec, path=path, position=position, options=options)
            except InputError as exc:
                yield IngestFailure(path=path, line=lineno, record=position, reason=str(exc))


def read_csv(path: str, options: ReadOptions) -> Iterator[Article | IngestFailure]:
    """Rows of a CSV file with a header row naming at least a ``text`` column."""
    csv.field_size_limit(max(csv.field_size_limit(), options.max_bytes + 1))
    name = "<stdin>" if path == STDIN else path
    with _open_binary(path) as fh:
        stream = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
        reader = csv.DictReader(stream)
        try:
            header = reader.fieldnames
        except (UnicodeDecodeError, csv.Error) as exc:
            raise InputError(
                f"{name}: cannot read the CSV header ({exc}); save it as UTF-8 CSV"
            ) from None
        if not header:
            raise InputError(
                f"{name}: file is empty; give a CSV with a header row and a 'text' column"
            )
        if "text" not in header:
            raise InputError(
                f"{name}: CSV has no 'text' column (columns: {', '.join(header)}); "
                f"name the columns {', '.join(FIELDS)}"
            )
        position = 0
        while True:
            start_line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except (UnicodeDecodeError, csv.Error) as exc:
                yield IngestFailure(
                    path=path,
                    line=start_line,
                    reason=f"unreadable CSV from here on ({exc}); save the file as UTF-8 CSV",
                )
                return
            position += 1
            try:
                yield article_from_record(row, path=path, position=position, options=options)
            except InputError as exc:
                yield IngestFailure(path=path, line=start_line, record=position, reason=str(exc))
