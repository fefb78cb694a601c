"""Actor codes: building them from parts, splitting them back, and reading dictionary dates.

The scheme is documented at the top of ``eventcoder/data/actors/sectors.yaml``:
``cameo_code = (ISO3 country | international prefix) + sector codes + optional organisation code``.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pycountry

__all__ = ["build_code", "is_country_code", "parse_dict_date", "split_code"]

#: Codes that are ISO3-like but are not in pycountry.
_EXTRA_COUNTRIES = frozenset({"XKX"})


@cache
def is_country_code(code: str) -> bool:
    """True for an ISO 3166 alpha-3 code (plus XKX for Kosovo)."""
    if code in _EXTRA_COUNTRIES:
        return True
    return len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None


def build_code(prefix: str | None, sectors: tuple[str, ...], org: str | None = None) -> str | None:
    """Join country (or international prefix), sectors and organisation code; None if empty."""
    code = (prefix or "") + "".join(sectors) + (org or "")
    return code or None


def split_code(code: str, known_sectors: frozenset[str]) -> tuple[str | None, tuple[str, ...]]:
    """Country and sectors read from a dictionary code such as ``PSEREBHMS`` or ``IGOUNO``.

    The first three letters are the country when they form an ISO3 code; the following
    three-letter chunks that are known sector codes are the sectors (others, such as an
    organisation code, are kept only in the code itself).
    """
    code = code.strip().upper()
    country = code[:3] if is_country_code(code[:3]) else None
    rest = code[3:] if country else code
    sectors = []
    for i in range(0, len(rest) - len(rest) % 3, 3):
        chunk = rest[i : i + 3]
        if chunk in known_sectors and chunk not in sectors:
            sectors.append(chunk)
    return country, tuple(sectors)


def parse_dict_date(text: str) -> dt.date:
    """A PETRARCH dictionary date: ``YYYYMMDD`` or ``YYMMDD`` (YY < 30 is 20YY, else 19YY).

    Raises ValueError naming the text when it is not a valid date.
    """
    text = text.strip()
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(f"date {text!r} is not YYMMDD or YYYYMMDD")
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy < 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"date {text!r} is not a calendar date") from None
