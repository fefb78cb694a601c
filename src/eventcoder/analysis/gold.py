"""Read gold JSON-lines files, tolerate bad lines, and recover character spans.

Each line is ``{"id", "text", "date"?, "events": [...], ...}``. A line that is not JSON, not an
object, or lacks ``text``/``events`` is recorded as a :class:`BadLine` and skipped, never raised.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventcoder.errors import InputError

__all__ = [
    "KINDS",
    "BadLine",
    "GoldFile",
    "GoldLine",
    "detect_kind",
    "find_surface",
    "marked_spans",
    "parse_gold_date",
    "read_gold",
]

#: What a gold file can be scored for (see ``detect_kind``).
KINDS = ("pairs", "end2end", "multicoder", "penta", "location")

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldLine:
    """One parsed gold line; ``raw`` keeps every field of the original."""

    lineno: int
    id: str
    text: str
    date: dt.date | None
    events: tuple[dict[str, Any], ...]
    raw: dict[str, Any]


@dataclass(frozen=True, slots=True)
class BadLine:
    lineno: int
    reason: str


@dataclass(frozen=True, slots=True)
class GoldFile:
    path: Path
    lines: tuple[GoldLine, ...]
    bad: tuple[BadLine, ...] = field(default_factory=tuple)

    @property
    def name(self) -> str:
        return self.path.stem


def parse_gold_date(value: Any) -> dt.date | None:
    """Dates as written in gold files: ``2000-01-01``, ``20080804``, ``121108`` (YYMMDD)."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    for fmt in ("%Y-%m-%d", "%Y%m%d", "%y%m%d"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _parse_line(lineno: int, line: str) -> GoldLine | BadLine:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        return BadLine(lineno, f"not JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(raw, dict):
        return BadLine(lineno, f"expected a JSON object, got {type(raw).__name__}")
    text, events = raw.get("text"), raw.get("events")
    if not isinstance(text, str) or not text.strip():
        return BadLine(lineno, "missing or empty 'text'")
    if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
        return BadLine(lineno, "'events' is missing or not a list of objects")
    return GoldLine(
        lineno=lineno,
        id=str(raw.get("id", f"line{lineno}")),
        text=text,
        date=parse_gold_date(raw.get("date")),
        events=tuple(events),
        raw=raw,
    )


def read_gold(path: str | Path, *, limit: int | None = None) -> GoldFile:
    """Parse a gold file; ``limit`` keeps only the first N non-blank lines.

    Raises InputError when the file cannot be read at all.
    """
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(
            f"cannot read gold file {str(path)!r}: {exc.strerror}; check the path"
        ) from exc
    lines: list[GoldLine] = []
    bad: list[BadLine] = []
    seen = 0
    with handle:
        try:
            for lineno, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                if limit is not None and seen >= limit:
                    break
                seen += 1
                parsed = _parse_line(lineno, line)
                (bad if isinstance(parsed, BadLine) else lines).append(parsed)  # type: ignore[arg-type]
        except UnicodeDecodeError as exc:
            raise InputError(f"gold file {str(path)!r} is not UTF-8 text ({exc.reason})") from exc
    return GoldFile(path=path, lines=tuple(lines), bad=tuple(bad))


def detect_kind(lines: Sequence[GoldLine]) -> str | None:
    """Which scorer fits: the first kind whose marker fields appear in the lines, else None."""
    events = [e for g in lines for e in g.events]
    raws = [g.raw for g in lines]
    if any("marked_sentence" in e for e in events):
        return "pairs"
    if any("annotations" in r for r in raws):
        return "multicoder"
    if any(isinstance(e.get("penta"), int) for e in events):
        return "penta"
    if any(any(s.get("label") == "VERB" for s in r.get("spans") or ()) for r in raws):
        return "location"
    if any(e.get("plover") or e.get("cameo") for e in events):
        return "end2end"
    return None


_MARK = re.compile(r"</?([st])>")


def marked_spans(marked: str, text: str) -> tuple[Span | None, Span | None]:
    """Source and target spans in ``text`` from ``<s>…</s>``/``<t>…</t>`` markers.

    The first marked occurrence of each wins; spaces just inside a marker are trimmed. Returns
    ``(None, None)`` when removing the markers does not give back ``text`` (caller falls back to
    searching the surface strings).
    """
    plain: list[str] = []
    pos = 0
    opened: dict[str, int] = {}
    spans: dict[str, Span] = {}
    cursor = 0
    for m in _MARK.finditer(marked):
        chunk = marked[pos : m.start()]
        plain.append(chunk)
        cursor += len(chunk)
        pos = m.end()
        tag = m.group(1)
        if not m.group(0).startswith("</"):
            opened.setdefault(tag, cursor)
        elif tag in opened and tag not in spans:
            spans[tag] = (opened[tag], cursor)
    plain.append(marked[pos:])
    if "".join(plain) != text:
        return None, None

    def trim(span: Span | None) -> Span | None:
        if span is None:
            return None
        start, end = span
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    return trim(spans.get("s")), trim(spans.get("t"))


def find_surface(text: str, surface: str | None, *, near: int | None = None) -> Span | None:
    """Character span of ``surface`` in ``text`` (case and spacing tolerant), nearest ``near``."""
    if not surface or not surface.strip():
        return None
    if ";" in surface:  # compound gold actor "A; B": the first member that can be found
        for part in surface.split(";"):
            span = find_surface(text, part, near=near)
            if span is not None:
                return span
        return None
    words = surface.split()
    found: list[Span] = []
    for tokens in (words, [w for w in words if any(ch.isalnum() for ch in w)]):
        if found or not tokens:
            break
        pattern = r"\s*".join(re.escape(w) for w in tokens)
        found = [(m.start(), m.end()) for m in re.finditer(pattern, text, flags=re.IGNORECASE)]
        if not found:
            # tokenised gold ("Mexico 's") against plain text ("Mexico's"): any spacing
            loose = r"\s*".join(re.escape(c) for c in "".join(tokens))
            found = [(m.start(), m.end()) for m in re.finditer(loose, text, flags=re.IGNORECASE)]
    if not found:
        return None
    if near is None:
        return found[0]
    return min(found, key=lambda s: abs(s[0] - near))
