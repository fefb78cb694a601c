"""Find page-furniture lines ("Short link:", "Advertisement", copyright lines) without moving text.

Offset story: eventcoder never deletes characters from an article. ``blank_boilerplate`` replaces
each boilerplate line's content by spaces of the same length (newlines stay), so
``len(blanked) == len(text)`` and every character offset into the blanked text is also an offset
into the text the user gave. The patterns live in ``eventcoder/data/ingest/boilerplate.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from eventcoder.errors import DataFileError

__all__ = [
    "BoilerplateRules",
    "blank_boilerplate",
    "blank_spans",
    "boilerplate_spans",
    "is_boilerplate_line",
    "load_rules",
]

_DATA_FILE = "boilerplate.yaml"
_LINE = re.compile(r"[^\n]*")


@dataclass(frozen=True, slots=True)
class BoilerplateRules:
    """Compiled boilerplate patterns: one regex that must match a whole stripped line."""

    pattern: re.Pattern[str]
    names: tuple[str, ...]
    max_line_chars: int


@cache
def load_rules() -> BoilerplateRules:
    """Read and compile the packaged boilerplate patterns (cached).

    Raises DataFileError naming the pattern when the file is malformed.
    """
    where = f"eventcoder/data/ingest/{_DATA_FILE}"
    raw = resources.files("eventcoder.data.ingest").joinpath(_DATA_FILE).read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise DataFileError(f"invalid YAML: {exc}", path=where) from None
    if not isinstance(data, dict) or not isinstance(data.get("patterns"), list):
        raise DataFileError("expected a mapping with a 'patterns' list", path=where)
    max_chars = data.get("max_line_chars", 200)
    if not isinstance(max_chars, int) or max_chars < 1:
        raise DataFileError(
            f"max_line_chars must be a positive integer, not {max_chars!r}", path=where
        )
    parts: list[str] = []
    names: list[str] = []
    for i, entry in enumerate(data["patterns"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("regex"), str):
            raise DataFileError(f"pattern #{i + 1} needs a 'regex' string", path=where)
        name = str(entry.get("name", f"#{i + 1}"))
        try:
            re.compile(entry["regex"])
        except re.error as exc:
            raise DataFileError(
                f"pattern {name!r} is not a valid regex: {exc}", path=where
            ) from None
        parts.append(f"(?:{entry['regex']})")
        names.append(name)
    if not parts:
        raise DataFileError("the 'patterns' list is empty", path=where)
    return BoilerplateRules(
        pattern=re.compile("|".join(parts), re.IGNORECASE),
        names=tuple(names),
        max_line_chars=max_chars,
    )


def is_boilerplate_line(line: str) -> bool:
    """Whether one line (surrounding whitespace ignored) is boilerplate."""
    rules = load_rules()
    stripped = line.strip()
    return (
        bool(stripped)
        and len(stripped) <= rules.max_line_chars
        and bool(rules.pattern.fullmatch(stripped))
    )


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges ``(start, end)`` of boilerplate lines in ``text``, in order.

    A range covers the line's content without its surrounding whitespace or newline.
    """
    rules = load_rules()
    spans: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if not stripped or len(stripped) > rules.max_line_chars:
            continue
        if rules.pattern.fullmatch(stripped):
            start = m.start() + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
    return spans


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace each range in ``spans`` by spaces; the result has the same length as ``text``."""
    if not spans:
        return text
    pieces: list[str] = []
    pos = 0
    for start, end in spans:
        pieces.append(text[pos:start])
        pieces.append(" " * (end - start))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def blank_boilerplate(text: str) -> str:
    """``text`` with boilerplate lines turned into spaces (same length, same offsets)."""
    return blank_spans(text, boilerplate_spans(text))
