from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.dates import parse_date_expression

SUNDAY = dt.date(2023, 7, 30)  # a Sunday
WEDNESDAY = dt.date(2024, 3, 13)


@pytest.mark.parametrize(
    ("text", "published", "date", "precision"),
    [
        ("Monday", SUNDAY, dt.date(2023, 7, 24), "day"),
        ("on Monday", WEDNESDAY, dt.date(2024, 3, 11), "day"),
        ("Wednesday", WEDNESDAY, WEDNESDAY, "day"),  # the publication day itself
        ("yesterday", WEDNESDAY, dt.date(2024, 3, 12), "day"),
        ("two days ago", WEDNESDAY, dt.date(2024, 3, 11), "day"),
        ("3 days ago", WEDNESDAY, dt.date(2024, 3, 10), "day"),
        ("last Friday", WEDNESDAY, dt.date(2024, 3, 8), "day"),
        ("last Sunday", SUNDAY, dt.date(2023, 7, 23), "day"),
        ("last week", WEDNESDAY, dt.date(2024, 3, 6), "week"),
        ("on July 3", SUNDAY, dt.date(2023, 7, 3), "day"),
        ("July 3, 2021", SUNDAY, dt.date(2021, 7, 3), "day"),
        ("earlier in July", SUNDAY, dt.date(2023, 7, 1), "month"),
        ("early July", SUNDAY, dt.date(2023, 7, 1), "month"),
        ("the end of June", SUNDAY, dt.date(2023, 6, 1), "month"),
        ("earlier this month", WEDNESDAY, dt.date(2024, 3, 1), "month"),
        ("last month", dt.date(2024, 1, 10), dt.date(2023, 12, 1), "month"),
        ("in 2007", SUNDAY, dt.date(2007, 1, 1), "year"),
        ("last year", WEDNESDAY, dt.date(2023, 1, 1), "year"),
        ("December 28", dt.date(2008, 1, 7), dt.date(2007, 12, 28), "day"),
        ("this morning", WEDNESDAY, WEDNESDAY, "day"),
    ],
)
def test_parse_date_expression_against_publication_date(text, published, date, precision) -> None:
    parsed = parse_date_expression(text, published)
    assert parsed is not None
    assert (parsed.date, parsed.precision) == (date, precision)


@pytest.mark.parametrize(
    "text", ["two-day", "recent years", "decades", "the past three weeks", "daily"]
)
def test_parse_date_expression_ignores_durations(text: str) -> None:
    assert parse_date_expression(text, SUNDAY) is None


def test_month_without_year_is_never_after_publication() -> None:
    parsed = parse_date_expression("August", SUNDAY)
    assert parsed is not None and parsed.date == dt.date(2022, 8, 1)
