"""Batch inputs: expand files and folders into a fixed list, then read them as a stream of items.

The order is deterministic (arguments in the order given, folders walked in sorted order), so a
rerun of the same command sees the same items in the same order: that is what lets a killed run
resume by chunk number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventcoder.errors import InputError
from eventcoder.ingest import DEFAULT_MAX_BYTES
from eventcoder.ingest import SUFFIXES as _INGEST_SUFFIXES_MAP
from eventcoder.records import Article

_INGEST_SUFFIXES = tuple(_INGEST_SUFFIXES_MAP)

__all__ = ["INPUT_SUFFIXES", "failure_kind", "InputItem", "Reader", "expand_inputs", "read_items"]

#: File endings a folder is searched for (a file named directly is always read): ingest's plus WARC.
INPUT_SUFFIXES = (*_INGEST_SUFFIXES, ".warc.gz", ".warc")

#: Reads one input path into articles and failures (``eventcoder.ingest.read_articles`` for one path).
Reader = Callable[[str], Iterable[Any]]


@dataclass(frozen=True, slots=True)
class InputItem:
    """One input article, or the reason an input could not be read as one."""

    id: str
    path: str
    article: Article | None = None
    error_kind: str | None = None
    error: str | None = None


def _is_input(p: Path) -> bool:
    name = p.name.lower()
    return p.is_file() and not name.startswith(".") and name.endswith(INPUT_SUFFIXES)


def expand_inputs(inputs: Iterable[str | Path]) -> list[str]:
    """Files to read, in order; folders give their input files recursively in sorted order.

    Raises InputError for a path that does not exist or a folder with no input files.
    """
    files: list[str] = []
    for given in inputs:
        if str(given) == "-":
            files.append("-")
            continue
        p = Path(given)
        if p.is_dir():
            found = sorted((f for f in p.rglob("*") if _is_input(f)), key=lambda f: f.as_posix())
            if not found:
                raise InputError(
                    f"{given}: folder has no input files (looked for {', '.join(INPUT_SUFFIXES)})"
                )
            files.extend(str(f) for f in found)
        elif p.exists():
            files.append(str(p))
        else:
            raise InputError(f"{given}: no such file or folder; check the path")
    return files


def _is_warc(path: str) -> bool:
    return path.lower().endswith((".warc.gz", ".warc"))


def default_reader(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterable[Any]:
    """Articles and failures from one input path: WARC files here, the rest through ``ingest``.

    ``max_bytes`` limits each file (each record for JSON Lines, CSV and WARC).
    """
    if _is_warc(path):
        from eventcoder.scale.warc import read_warc

        return read_warc(path, max_bytes=max_bytes)
    from eventcoder.ingest import read_articles

    return read_articles([path], max_bytes=max_bytes)


#: (pattern, kind) tried in order on a failure's reason; the kind feeds the run summary and the
#: ``error_kind`` column. Patterns follow the messages of ``eventcoder.ingest``.
_REASON_KINDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), kind)
    for pattern, kind in (
        (r"over the .* limit", "too-large"),
        (r"binary file", "binary"),
        (r"\bempty\b|only whitespace", "empty"),
        (r"not valid utf|-encoded, eventcoder reads|text encoding", "not-utf8"),
        (r"broken json|json must|json object", "bad-json"),
        (r"\bcsv\b", "bad-csv"),
        (r"\bhtml\b|page's main text", "no-html-text"),
        (r"boilerplate", "boilerplate"),
        (r"\bwarc\b", "bad-warc"),
        (r"\brecord\b|\bfield\b|'published'", "bad-record"),
    )
)


def failure_kind(reason: str) -> str:
    """A short machine-readable kind for a failure reason: ``empty``, ``binary``, ``too-large``, ..."""
    for pattern, kind in _REASON_KINDS:
        if pattern.search(reason):
            return kind
    return "unreadable"


def _failure_item(obj: Any, path: str, n: int) -> InputItem:
    reason = str(getattr(obj, "reason", None) or obj)
    line = getattr(obj, "line", None)
    record = getattr(obj, "record", None)
    if line is not None:
        ident = f"{path}:{line}"
    elif record is not None:
        ident = f"{path}#{record}"
    else:
        ident = path if n == 1 else f"{path}#{n}"
    message = str(getattr(obj, "message", None) or reason)
    return InputItem(id=ident, path=path, error_kind=failure_kind(reason), error=message)


def read_items(files: Iterable[str], *, reader: Reader | None = None) -> Iterator[InputItem]:
    """Every article and every failure from ``files``, in order.

    A failure (anything the reader yields that is not an ``Article``, such as ingest's
    ``IngestFailure``) gets the id ``<path>:<line>``, ``<path>#<record>`` or, for a whole file,
    ``<path>``. A reader that raises ``InputError`` makes the rest of the file one failure.
    """
    read = reader or default_reader
    for path in files:
        n = 0
        try:
            for obj in read(path):
                n += 1
                if isinstance(obj, Article):
                    yield InputItem(id=obj.id, path=path, article=obj)
                else:
                    yield _failure_item(obj, path, n)
        except InputError as exc:
            n += 1
            yield _failure_item(exc, path, n)
