"""Dates: when an event happened, read from its sentence against the publication date.

Example:
    >>> doc = load_pipeline()("Israeli troops raided Jenin on Monday.")
    >>> resolve_event_date(doc[:], doc[2], datetime.date(2023, 7, 5))
    EventDate(date=datetime.date(2023, 7, 3), precision='day', text='Monday', why=...)
"""

from __future__ import annotations

from eventcoder.dates.event_date import EventDate, resolve_event_date
from eventcoder.dates.expressions import ParsedDate, parse_date_expression

__all__ = ["EventDate", "ParsedDate", "parse_date_expression", "resolve_event_date"]
