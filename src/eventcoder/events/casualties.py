"""Casualty and arrest counts of an event: killed, injured, arrested.

A count is read from the parse around a casualty word: the object of "killed at least 40", the subject of
"three soldiers were killed", the noun of "100 others injured", the word itself in "13 Palestinian lives"
or "dozens of arrests". It belongs to the event whose trigger is the casualty word, whose clause holds it,
or, when no other violent event claims it, to the sentence's only violent event. Vague amounts ("dozens")
give a null count with ``approximate=True``.

Word lists live in ``eventcoder/data/casualties``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from eventcoder.datafiles import read_data_csv
from eventcoder.errors import DataFileError
from eventcoder.records import Size

__all__ = ["extract_size"]

_ROLES = ("killed", "injured", "arrested", "violent")
_NOT_NUMBERS = ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY")


@dataclass(frozen=True, slots=True)
class _Lexicon:
    roles: dict[str, str]  # lemma -> role
    numbers: dict[str, tuple[int | None, bool]]  # word(s) -> (value, vague)
    approximators: tuple[tuple[str, ...], ...]  # word sequences, longest first


@cache
def _lexicon() -> _Lexicon:
    roles: dict[str, str] = {}
    for line, row in read_data_csv("casualties", "words.csv"):
        if row["role"] not in _ROLES:
            raise DataFileError(
                f"unknown role {row['role']!r} for {row['lemma']!r}; use one of {', '.join(_ROLES)}",
                path="eventcoder/data/casualties/words.csv",
                line=line,
            )
        roles[row["lemma"].lower()] = row["role"]
    numbers: dict[str, tuple[int | None, bool]] = {}
    for line, row in read_data_csv("casualties", "numbers.csv"):
        if row["approximate"] not in ("yes", "no"):
            raise DataFileError(
                f"approximate must be yes or no, got {row['approximate']!r}",
                path="eventcoder/data/casualties/numbers.csv",
                line=line,
            )
        value = int(row["value"]) if row["value"] else None
        numbers[row["word"].lower()] = (value, row["approximate"] == "yes")
    phrases = {
        tuple(row["phrase"].lower().split())
        for _, row in read_data_csv("casualties", "approximators.csv")
    }
    return _Lexicon(roles, numbers, tuple(sorted(phrases, key=len, reverse=True)))


@dataclass(frozen=True, slots=True)
class _Count:
    value: int | None
    approximate: bool
    first: int  # token indices covered by the phrase
    last: int


def extract_size(sentence: Span, trigger: Token) -> Size | None:
    """Killed, injured and arrested counts stated for the event of ``trigger``; None when none is stated.

    Only triggers in the casualty word list (violent events, killings, arrests) get counts.
    """
    lexicon = _lexicon()
    if (
        lexicon.roles.get(trigger.lemma_.lower()) is None
        and lexicon.roles.get(trigger.lower_) is None
    ):
        return None  # meetings, statements and appeals have no casualties
    violent = [
        t for t in sentence if lexicon.roles.get(t.lemma_.lower()) == "violent" or t.i == trigger.i
    ]
    found: dict[str, _Count] = {}
    for token in sentence:
        role = _role(token, lexicon)
        if role is None or role in found:
            continue
        if not _belongs_to(token, trigger, violent, lexicon):
            continue
        count = _count_for(token, lexicon)
        if count is not None:
            found[role] = count
    if not found:
        return None
    first = min(c.first for c in found.values())
    last = max(c.last for c in found.values())
    doc = sentence.doc
    return Size(
        killed=found["killed"].value if "killed" in found else None,
        injured=found["injured"].value if "injured" in found else None,
        arrested=found["arrested"].value if "arrested" in found else None,
        approximate=any(c.approximate for c in found.values()),
        text=doc[first : last + 1].text,
    )


def _role(token: Token, lexicon: _Lexicon) -> str | None:
    role = lexicon.roles.get(token.lemma_.lower()) or lexicon.roles.get(token.lower_)
    if role in (None, "violent"):
        return None
    if token.lemma_.lower() == "life" and not _is_loss_of_life(token):
        return None
    if token.lemma_.lower() == "toll" and not any(
        c.lower_ in ("death", "casualty") for c in token.children
    ):
        return None
    return role


def _is_loss_of_life(token: Token) -> bool:
    # "the loss of 13 lives", "claimed 13 lives", "13 lives were lost"
    head = token.head
    if head.lower_ == "of":
        head = head.head
    return head.lemma_.lower() in ("loss", "claim", "take", "cost", "lose")


def _belongs_to(word: Token, trigger: Token, violent: list[Token], lexicon: _Lexicon) -> bool:
    if word.i == trigger.i:
        return True
    owner = _owner(word, trigger, lexicon)
    if owner is not None:
        return owner.i == trigger.i
    if word in trigger.subtree or _clause(trigger) == word or _clause(word) == _clause(trigger):
        return True  # "raided the village, killing five", "killed in the raid", one clause
    if trigger.dep_ in ("nsubj", "nsubjpass") and word in trigger.head.subtree:
        return True  # "the shelling left 100 others injured"
    if word.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and _number_of(c, lexicon) is None for c in word.children
    ):
        return False  # "police arrested five": an event of its own, with its own actor
    return len(violent) == 1 and violent[0].i == trigger.i


def _owner(word: Token, trigger: Token, lexicon: _Lexicon) -> Token | None:
    """The nearest violent event word that the parse puts over the casualty word, or its clause's subject."""
    clause = _clause(word)
    for token in [word, *word.ancestors]:
        if token is not word and (
            token.i == trigger.i or lexicon.roles.get(token.lemma_.lower()) == "violent"
        ):
            return token
        if token.i == clause.i:
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i != word.i:
                    if child.i == trigger.i or lexicon.roles.get(child.lemma_.lower()) == "violent":
                        return child
            break
    return None


def _clause(token: Token) -> Token:
    head = token
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head


def _count_for(word: Token, lexicon: _Lexicon) -> _Count | None:
    """The number that goes with a casualty word."""
    candidates: list[Token] = [word]  # "13 lives", "40 dead"
    if word.pos_ in ("NOUN", "PROPN"):
        for child in word.children:  # "the death toll rose to 40" is read below via the head
            if child.dep_ == "prep" and child.lower_ in ("of", "at"):
                candidates.extend(c for c in child.children if c.dep_ == "pobj")
        if word.lemma_.lower() == "toll":
            head = word.head
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in ("to", "at", "of"):
                    candidates.extend(c for c in child.children if c.dep_ == "pobj")
                if child.dep_ in ("attr", "dobj", "npadvmod"):
                    candidates.append(child)
    for child in word.children:
        if child.dep_ in ("dobj", "nsubjpass", "nsubj", "attr"):
            candidates.append(child)  # "killed 40", "three soldiers were killed", "40 people died"
    if word.dep_ in ("acl", "amod", "oprd", "relcl", "appos") or word.pos_ == "ADJ":
        candidates.append(word.head)  # "100 others injured", "40 dead"
        if word.dep_ in ("oprd", "acomp", "ccomp", "xcomp"):
            candidates.extend(
                c for c in word.head.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")
            )
    for candidate in candidates:
        count = _number_of(candidate, lexicon)
        if count is not None:
            return _Count(
                count.value, count.approximate, min(count.first, word.i), max(count.last, word.i)
            )
    return None


def _number_of(noun: Token, lexicon: _Lexicon) -> _Count | None:
    """The count a noun phrase states: the noun itself ("dozens", "40") or its number modifier."""
    if _is_number(noun, lexicon):
        return _read_number(noun, lexicon)
    for child in noun.children:
        if child.dep_ in ("nummod", "quantmod", "amod", "det") and _is_number(child, lexicon):
            count = _read_number(child, lexicon)
            if count is not None:
                return _Count(count.value, count.approximate, count.first, max(count.last, noun.i))
    return None


def _is_number(token: Token, lexicon: _Lexicon) -> bool:
    if token.ent_type_ in _NOT_NUMBERS:
        return False
    return token.like_num or token.lower_ in lexicon.numbers


def _read_number(token: Token, lexicon: _Lexicon) -> _Count | None:
    doc = token.doc
    parts = sorted(
        [
            token,
            *(
                c
                for c in token.children
                if c.dep_ in ("compound", "nummod", "quantmod") and _is_number(c, lexicon)
            ),
        ],
        key=lambda t: t.i,
    )
    first, last = parts[0].i, parts[-1].i
    # "a dozen", "tens of thousands"
    if (
        first >= 1
        and doc[first - 1].lower_ in ("a", "an")
        and token.lower_ in ("dozen", "couple", "number", "few")
    ):
        first -= 1
    words = " ".join(doc[i].lower_ for i in range(first, last + 1))
    value, vague = _value(words, lexicon)
    if value is None and not vague:
        return None
    approximate = vague or _has_approximator(doc, first, lexicon)
    if approximate and not vague:
        first = _approximator_start(doc, first, lexicon)
    return _Count(value, approximate, first, last)


def _value(words: str, lexicon: _Lexicon) -> tuple[int | None, bool]:
    if words in lexicon.numbers:
        return lexicon.numbers[words]
    digits = words.replace(",", "")
    if re.fullmatch(r"\d+", digits):
        return int(digits), False
    total, current = 0, 0
    for word in re.split(r"[\s-]+", words):
        if word in ("and", "a"):
            continue
        if re.fullmatch(r"\d+", word.replace(",", "")):
            current += int(word.replace(",", ""))
            continue
        entry = lexicon.numbers.get(word)
        if entry is None or entry[0] is None:
            return None, False
        value = entry[0]
        if value in (100, 1000, 1000000):
            current = max(current, 1) * value
            if value >= 1000:
                total, current = total + current, 0
        else:
            current += value
    return total + current, False


def _has_approximator(doc: Doc, first: int, lexicon: _Lexicon) -> bool:
    return _approximator_start(doc, first, lexicon) != first


def _approximator_start(doc: Doc, first: int, lexicon: _Lexicon) -> int:
    for phrase in lexicon.approximators:
        start = first - len(phrase)
        if start >= 0 and tuple(doc[i].lower_ for i in range(start, first)) == phrase:
            return start
    return first
