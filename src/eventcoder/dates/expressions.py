"""Read one date expression ("last Friday", "earlier in July", "two days ago") against a publication date.

News usage: a bare weekday is the most recent such day on or before publication ("on Monday");
"last Friday" is the most recent one before it. Month names without a year are the most recent such month.
What the rules here do not cover goes to ``dateparser`` with the publication date as its base.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from eventcoder.dates.wordlists import date_modifiers

__all__ = ["ParsedDate", "parse_date_expression"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_ABBREVIATIONS = tuple(m[:3] for m in _MONTHS) + ("sept",)
#: Number words in relative dates ("two days ago", "a few weeks after").
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "several": 3,
    "a few": 3,
    "a couple of": 2,
    "couple of": 2,
}
_UNITS = {
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
}
_PARTS_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"
_AGO = re.compile(
    r"^(?P<n>\d+|a couple of|a few|[a-z]+)\s+(?P<unit>days?|weeks?|months?|years?)\s+(?:ago|earlier|before)$"
)
_WEEKDAY = re.compile(
    rf"^(?P<which>last|this|past|previous)?\s*(?P<day>{'|'.join(_WEEKDAYS)}){_PARTS_OF_DAY}$"
)
_YEAR = re.compile(r"^(?P<year>1[89]\d\d|20\d\d)s?$")
_SKIP = re.compile(
    r"^(?:\w+-(?:day|week|month|year|hour)s?(?:-old|-long)?|daily|weekly|monthly|annual|annually|"
    r"recent (?:days|weeks|months|years)|(?:the )?(?:past|last|next|coming) (?:few |several |\w+ )?"
    r"(?:days|weeks|months|years|decades)|decades?|years|months|weeks|days|\w+ (?:days|weeks|months|years|hours))$"
)


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date read from an expression, with its precision: day, week, month or year."""

    date: dt.date
    precision: str
    why: str


def parse_date_expression(text: str, published: dt.date) -> ParsedDate | None:
    """Read ``text`` relative to ``published``; None when it is not a point in time."""
    return _parse(" ".join(text.lower().replace("’", "'").split()), published)


@lru_cache(maxsize=8192)
def _parse(text: str, published: dt.date) -> ParsedDate | None:
    core = _strip_modifiers(text.strip(" ,.;:()"))
    if not core or _SKIP.match(core):
        return None
    return _rule(core, published) or _dateparser(core, published)


def _strip_modifiers(text: str) -> str:
    changed = True
    while changed:
        changed = False
        for prefix in date_modifiers():
            if text.startswith(prefix + " ") or (prefix == "mid" and text.startswith("mid-")):
                text = text[len(prefix) :].lstrip(" -")
                changed = True
                break
    return text.removeprefix("the ").strip()


def _rule(core: str, published: dt.date) -> ParsedDate | None:
    if re.fullmatch(rf"(?:today|tonight|this (?:morning|afternoon|evening)){_PARTS_OF_DAY}", core):
        return ParsedDate(published, "day", f"'{core}' is the publication day")
    if re.fullmatch(rf"(?:yesterday{_PARTS_OF_DAY}|last night)", core):
        return ParsedDate(
            published - dt.timedelta(days=1), "day", f"'{core}' is the day before publication"
        )
    if core == "day before yesterday":
        return ParsedDate(published - dt.timedelta(days=2), "day", "two days before publication")
    match = _WEEKDAY.match(core)
    if match:
        target = _WEEKDAYS.index(match.group("day"))
        back = (published.weekday() - target) % 7
        if match.group("which") in ("last", "past", "previous") and back == 0:
            back = 7
        return ParsedDate(
            published - dt.timedelta(days=back),
            "day",
            f"'{core}': the most recent such day by publication",
        )
    match = _AGO.match(core)
    if match:
        raw = match.group("n")
        count = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw)
        if count is None:
            return None
        return _shift(published, -count, _UNITS[match.group("unit")], core)
    if core in ("weekend", "this weekend"):
        back = (published.weekday() - 5) % 7
        return ParsedDate(
            published - dt.timedelta(days=back), "week", f"'{core}': the weekend by publication"
        )
    relative = re.fullmatch(
        r"(?P<which>last|this|past|previous|current)\s+(?P<unit>week|month|year|weekend)", core
    )
    if relative:
        unit, offset = (
            relative.group("unit"),
            0 if relative.group("which") in ("this", "current") else -1,
        )
        if unit == "weekend":
            back = (published.weekday() - 5) % 7 + (7 if offset and published.weekday() >= 5 else 0)
            return ParsedDate(
                published - dt.timedelta(days=back), "week", f"'{core}': weekend by publication"
            )
        if unit == "week":
            return ParsedDate(
                published + dt.timedelta(weeks=offset), "week", f"'{core}' counted from publication"
            )
        return _shift(published, offset, unit, core, start_of_period=True)
    match = _YEAR.match(core)
    if match:
        return ParsedDate(
            dt.date(int(match.group("year")), 1, 1), "year", f"the year {match.group('year')}"
        )
    return None


def _shift(
    published: dt.date, count: int, unit: str, core: str, *, start_of_period: bool = False
) -> ParsedDate:
    why = f"'{core}' counted from publication"
    if unit == "day":
        return ParsedDate(published + dt.timedelta(days=count), "day", why)
    if unit == "week":
        return ParsedDate(published + dt.timedelta(weeks=count), "week", why)
    if unit == "month":
        month_index = published.year * 12 + published.month - 1 + count
        year, month = divmod(month_index, 12)
        day = 1 if start_of_period else min(published.day, 28)
        return ParsedDate(dt.date(year, month + 1, day), "month", why)
    year = published.year + count
    return ParsedDate(
        dt.date(year, 1, 1)
        if start_of_period
        else published.replace(year=year, day=min(published.day, 28)),
        "year",
        why,
    )


def _dateparser(core: str, published: dt.date) -> ParsedDate | None:
    import dateparser  # type: ignore[import-untyped]

    words = set(re.findall(r"[a-z]+|\d+", core))
    has_month = bool(words & set(_MONTHS)) or bool(words & set(_MONTH_ABBREVIATIONS))
    numbers = [w for w in words if w.isdigit()]
    has_day = any(len(n) <= 2 and 1 <= int(n) <= 31 for n in numbers) or bool(
        re.search(r"\d+(?:st|nd|rd|th)\b", core)
    )
    has_year = any(len(n) == 4 for n in numbers)
    if not (has_month or has_year):
        return None  # dateparser reads too much into other phrases ("a day", "the weekend")
    settings = {
        "RELATIVE_BASE": dt.datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": [],
    }
    parsed = dateparser.parse(core, languages=["en"], settings=settings)
    if parsed is None:
        return None
    value = parsed.date()
    if has_month and has_day:
        precision = "day"
    elif has_month:
        precision, value = "month", value.replace(day=1)
    else:
        precision, value = "year", value.replace(month=1, day=1)
    if value > published and not has_year:
        return None
    return ParsedDate(value, precision, f"'{core}' read by dateparser from the publication date")
