"""Read articles into ``Article`` records: text, HTML, JSON, JSONL, CSV files or stdin.

Bad input raises ``InputError`` with one line naming the file, the problem and the fix;
``read_articles`` turns per-item problems into ``IngestFailure`` records instead.
Boilerplate lines are overwritten with spaces, never removed, so offsets stay valid.
"""

from __future__ import annotations

from eventcoder.ingest.boilerplate import blank_boilerplate, blank_spans, boilerplate_spans
from eventcoder.ingest.decode import DEFAULT_MAX_BYTES, STDIN
from eventcoder.ingest.failure import IngestFailure
from eventcoder.ingest.published import choose_published, parse_published
from eventcoder.ingest.reader import READERS, SUFFIXES, input_kind, read_article, read_articles

__all__ = [
    "DEFAULT_MAX_BYTES",
    "READERS",
    "STDIN",
    "SUFFIXES",
    "IngestFailure",
    "blank_boilerplate",
    "blank_spans",
    "boilerplate_spans",
    "choose_published",
    "input_kind",
    "parse_published",
    "read_article",
    "read_articles",
]
