"""Small word lists of the place stage, read from ``eventcoder/data/places``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token

from eventcoder.datafiles import read_data_csv
from eventcoder.errors import DataFileError

__all__ = [
    "LocativePrepositions",
    "border_nouns",
    "compass_words",
    "demonyms",
    "feature_nouns",
    "feature_scales",
    "generic_place_words",
    "locative_prepositions",
    "place_object_verbs",
]


@dataclass(frozen=True, slots=True)
class LocativePrepositions:
    """Prepositions that attach a place to an event (see ``prepositions.csv``)."""

    first: frozenset[str]  # may link the trigger itself to a place
    second: frozenset[str]  # may also link a noun on the way
    noun_only: frozenset[str]  # only after a noun trigger
    unknown_names: frozenset[str]  # an unknown capitalised name after it is still a place
    unknown_after_noun: frozenset[str] = frozenset()  # the same, only after a noun

    def takes_unknown_name(self, prep: Token) -> bool:
        """Whether an unknown capitalised name after ``prep`` is a place ("in Kafr X", "raid on Kafr X")."""
        word = prep.lower_
        if word in self.unknown_names:
            return True
        return word in self.unknown_after_noun and prep.head.pos_ in ("NOUN", "PROPN")

    def allows(self, prep: str, *, hop: int, after_noun: bool) -> bool:
        prep = prep.lower()
        if prep in self.noun_only and not after_noun:
            return False
        return prep in (self.first if hop == 1 else self.second)


def _flag(value: str, *, path: str, line: int, column: str) -> bool:
    if value not in ("yes", "no"):
        raise DataFileError(f"{column} must be 'yes' or 'no', got {value!r}", path=path, line=line)
    return value == "yes"


@cache
def locative_prepositions() -> LocativePrepositions:
    path = str(resources.files("eventcoder.data").joinpath("places", "prepositions.csv"))
    first, second, noun_only, unknown, after_noun = set(), set(), set(), set(), set()
    for line, row in read_data_csv("places", "prepositions.csv"):
        word = row["preposition"].lower()
        if _flag(row["first"], path=path, line=line, column="first"):
            first.add(word)
        if _flag(row["second"], path=path, line=line, column="second"):
            second.add(word)
        if _flag(row["noun_only"], path=path, line=line, column="noun_only"):
            noun_only.add(word)
        if _flag(row["unknown_names"], path=path, line=line, column="unknown_names"):
            unknown.add(word)
        if _flag(row["unknown_after_noun"], path=path, line=line, column="unknown_after_noun"):
            after_noun.add(word)
    return LocativePrepositions(
        frozenset(first),
        frozenset(second),
        frozenset(noun_only),
        frozenset(unknown),
        frozenset(after_noun),
    )


@cache
def demonyms() -> dict[str, str]:
    """Nationality word (lower case) -> ISO 3166 alpha-3."""
    path = str(resources.files("eventcoder.data").joinpath("places", "demonyms.csv"))
    table: dict[str, str] = {}
    for line, row in read_data_csv("places", "demonyms.csv"):
        code = row["country"].upper()
        if len(code) != 3 or not code.isalpha():
            raise DataFileError(
                f"country {row['country']!r} of {row['demonym']!r} is not an ISO 3166 alpha-3 code",
                path=path,
                line=line,
            )
        table[row["demonym"].lower()] = code
    return table


@cache
def generic_place_words() -> frozenset[str]:
    """Lower-case words that may stand beside a place name ("Jenin Camp") without changing it."""
    return frozenset(row["word"].lower() for _, row in read_data_csv("places", "generic_words.csv"))


@cache
def feature_scales() -> dict[str, str]:
    """Lower-case nouns for kinds of places ("village", "district") -> "local", "province" or "site"."""
    path = str(resources.files("eventcoder.data").joinpath("places", "feature_nouns.csv"))
    table: dict[str, str] = {}
    for line, row in read_data_csv("places", "feature_nouns.csv"):
        scale = row["scale"]
        if scale not in ("local", "province", "site"):
            raise DataFileError(
                f"scale of {row['word']!r} must be 'local', 'province' or 'site', got {scale!r}",
                path=path,
                line=line,
            )
        table[row["word"].lower()] = scale
    return table


@cache
def feature_nouns() -> frozenset[str]:
    """Lower-case nouns for kinds of places ("village", "district"); see ``feature_nouns.csv``."""
    return frozenset(feature_scales())


@cache
def compass_words() -> frozenset[str]:
    """Lower-case direction words that make the place after them a reference point ("north of X")."""
    return frozenset(row["word"].lower() for _, row in read_data_csv("places", "compass_words.csv"))


@cache
def place_object_verbs() -> frozenset[str]:
    """Lemmas of verbs whose direct object is a place ("captured Badme"); see ``place_object_verbs.csv``."""
    return frozenset(
        row["lemma"].lower() for _, row in read_data_csv("places", "place_object_verbs.csv")
    )


@cache
def border_nouns() -> frozenset[str]:
    """Lower-case nouns that name a border after two nationality words ("the Iraqi-Syrian border")."""
    return frozenset(row["word"].lower() for _, row in read_data_csv("places", "border_nouns.csv"))
