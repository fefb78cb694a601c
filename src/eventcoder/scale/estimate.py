"""A quick count of the articles in the inputs, for the progress bar's total and ETA.

Counting reads the files once more at disk speed, far faster than coding them: a text or HTML
file is one article, JSON Lines counts non-blank lines, CSV counts rows, a JSON list its
elements, a WARC file its HTML records. Standard input cannot be counted ahead (None).
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Sequence
from pathlib import Path

__all__ = ["estimate_articles"]

log = logging.getLogger(__name__)


def _count_jsonl(path: Path) -> int:
    n = 0
    with path.open("rb") as fh:
        for line in fh:
            if line.strip():
                n += 1
    return n


def _count_csv(path: Path) -> int:
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        return max(sum(1 for _ in csv.reader(fh)) - 1, 0)


def _count_json(path: Path) -> int:
    with path.open("rb") as fh:
        head = fh.read(64).lstrip()
    if not head.startswith(b"["):
        return 1
    data = json.loads(path.read_bytes())
    return len(data) if isinstance(data, list) else 1


def _count_warc(path: Path) -> int:
    from eventcoder.scale.warc import count_html_records

    return count_html_records(str(path))


def _count(path: Path) -> int:
    name = path.name.lower()
    if name.endswith((".jsonl", ".ndjson")):
        return _count_jsonl(path)
    if name.endswith(".csv"):
        return _count_csv(path)
    if name.endswith(".json"):
        return _count_json(path)
    if name.endswith((".warc.gz", ".warc")):
        return _count_warc(path)
    return 1


def estimate_articles(files: Sequence[str]) -> int | None:
    """About how many input items ``files`` hold; None when any is stdin."""
    total = 0
    for f in files:
        if f == "-":
            return None
        try:
            total += _count(Path(f))
        except Exception as exc:  # noqa: BLE001 - only an estimate; reading reports real errors
            log.debug("cannot count %s (%s); counting it as one", f, exc)
            total += 1
    return total
