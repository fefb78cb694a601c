"""Place-name keys: how a written name is normalised before a gazetteer lookup.

``"the West Bank"``, ``"West-Bank"`` and ``"WEST BANK"`` share one key; accents and apostrophes go
(``"Al ‘Alamayn"`` -> ``"al alamayn"``). Short upper-case abbreviations keep their case in a key of their
own (``"US"`` -> ``"=US"``) so that the pronoun "us" never becomes the United States.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["cached_name_key", "is_latin_name", "name_key"]

_APOSTROPHES = str.maketrans({c: "" for c in "'’‘`ʻʼʿʾ\""})
# Latin letters that do not decompose into a base letter and a mark.
_LETTERS = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "ı": "i",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "þ": "th",
        "Þ": "Th",
        "ħ": "h",
        "Ħ": "H",
        "ð": "d",
    }
)
_SEPARATORS = re.compile(r"[\s\-–—_/]+")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_LATIN = re.compile(
    r"^[A-Z\u00C0-\u00DE\u0100-\u024F\u1E00-\u1EFF]"
    r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF .'’‘ʻʼ`\-]*$"
)


def _fold(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def name_key(text: str) -> str:
    """Return the lookup key of a place name (empty string when nothing is left)."""
    cleaned = _LEADING_THE.sub("", text.strip().strip(".,;:()[]"))
    cleaned = _fold(cleaned).translate(_APOSTROPHES)
    compact = cleaned.replace(".", "").replace(" ", "")
    if len(compact) <= 4 and compact.isalpha() and compact.isupper():
        return "=" + compact
    cleaned = cleaned.replace(".", " ")
    return _SEPARATORS.sub(" ", cleaned).strip().lower()


@lru_cache(maxsize=65536)
def cached_name_key(text: str) -> str:
    """:func:`name_key` with a cache, for lookups of running text."""
    return name_key(text)


def is_latin_name(text: str) -> bool:
    """True for a capitalised name written in Latin letters (accents allowed)."""
    return bool(_LATIN.match(text))
