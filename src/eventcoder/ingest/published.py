"""Publication dates: parse the strings inputs carry, and choose one by precedence.

Precedence: the ``published`` argument (the CLI's ``--date``) > the input record's own
``published`` field > the HTML page's meta tags > today. ``Article.published_source`` records
which one won: ``"option"``, ``"metadata"``, ``"html-meta"`` or ``"today"``.
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

__all__ = ["SOURCES", "choose_published", "parse_published"]

#: Values of ``Article.published_source``, highest precedence first.
SOURCES = ("option", "metadata", "html-meta", "today")

_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")


def parse_published(value: object) -> dt.date | None:
    """A date from an ISO date/datetime string, an RFC 2822 string or a plain English date.

    Returns None when ``value`` is empty or not a date. For a datetime the calendar day as
    written is kept (``2024-05-09T23:30:00-05:00`` is 9 May), as the publisher printed it.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    m = _ISO_DAY.match(text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    if not re.search(r"\d{4}", text):  # no year: too vague to be a publication date
        return None
    import dateparser  # slow import; only for unusual formats

    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date() if parsed else None


def choose_published(
    *,
    option: dt.date | None = None,
    metadata: dt.date | None = None,
    html_meta: dt.date | None = None,
    today: dt.date | None = None,
) -> tuple[dt.date, str]:
    """The publication date by precedence and the name of where it came from."""
    if option is not None:
        return option, "option"
    if metadata is not None:
        return metadata, "metadata"
    if html_meta is not None:
        return html_meta, "html-meta"
    return (today or dt.date.today()), "today"
