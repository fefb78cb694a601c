"""Where a name sits in the parse: a place slot, the name of a place noun, a container, a reference point.

These tests let the event-location ranking prefer the most specific place of a sentence:
"the village of Ashmi in the countryside of Kobane, in northern Syria" happened in Ashmi; Kobane is the
container of Ashmi's phrase; "in Taji, just north of Baghdad" happened in Taji, Baghdad is a reference point.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from eventcoder.places.wordlists import compass_words, feature_scales

__all__ = [
    "feature_phrase",
    "feature_scale",
    "hung_under_place",
    "is_reference_point",
    "names_a_feature",
    "place_like",
]

_NAME_DEPS = ("compound", "nmod")
_CHAIN_DEPS = ("compound", "conj", "flat")


def feature_scale(token: Token) -> str | None:
    """ "local", "province" or "site" when the word is a place noun ("village", "towns"), else None."""
    scales = feature_scales()
    return scales.get(token.lower_) or scales.get(token.lemma_.lower())


def _climb_name(token: Token) -> Token:
    """The last word of a multiword name ("Sheikh Najjar" -> "Najjar") as the parse links it."""
    while (
        token.dep_ in _CHAIN_DEPS
        and token.head.i != token.i
        and token.head.pos_ == "PROPN"
        and feature_scale(token.head) is None  # "Ciragan Palace": Palace is the place noun
    ):
        token = token.head
    return token


def names_a_feature(token: Token) -> Token | None:
    """The place noun that ``token`` names ("Rawiya village", "the village of Rawiya"), if any."""
    token = _climb_name(token)
    head = token.head
    named = token.dep_ in _NAME_DEPS or (token.dep_ == "amod" and _is_name(token))
    if named and head.i != token.i and feature_scale(head) is not None:
        return head  # "Rawiya village", "Aleppo province" (spaCy sometimes says amod)
    if token.dep_ == "pobj" and head.lower_ == "of":
        noun = head.head
        scale = feature_scale(noun)
        if noun.i != head.i and scale is not None:
            if scale != "site" or token.ent_type_ in ("GPE", "LOC"):
                return noun  # "the town of X", "the airport of Udbina"; not "the building of X Ltd"
    return None


def feature_phrase(token: Token) -> Token:
    """The head of the phrase a place name stands for: its place noun when it names one, else itself."""
    noun = names_a_feature(token)
    return noun if noun is not None else _climb_name(token)


def place_like(token: Token, place_tokens: Collection[int]) -> bool:
    """True when ``token`` is part of a place name or a place noun with a place name on it."""
    if token.i in place_tokens:
        return True
    if feature_scale(token) is None:
        return False
    for child in token.children:
        if child.i in place_tokens and child.dep_ in (*_NAME_DEPS, "poss"):
            return True
        if child.dep_ == "prep" and child.lower_ == "of":
            if any(obj.i in place_tokens for obj in child.children if obj.dep_ == "pobj"):
                return True
    return False


def is_reference_point(token: Token) -> bool:
    """True for "north of <name>", "50 km south of <name>": the name only measures a distance."""
    phrase = feature_phrase(token)
    if phrase.dep_ != "pobj" or phrase.head.lower_ not in ("of", "from"):
        return False
    return phrase.head.head.lower_ in compass_words()


def hung_under_place(token: Token, place_tokens: Collection[int]) -> bool:
    """True when the name's phrase hangs under another place's phrase, so that place is more specific.

    ``place_tokens`` are the tokens of the sentence's other place names (not this one's own).

    "the village of Ashmi in the countryside of Kobane": Kobane; "the Baghdad neighbourhood of Al-Bayaa":
    Baghdad; "Kollupitiya, central Colombo": Colombo; "Syria's Aleppo province": Syria.
    """
    own = names_a_feature(token)
    if own is not None and token.dep_ in _NAME_DEPS:
        # "the Baghdad neighbourhood of Al-Bayaa", "the Kabul base, Darulaman Palace": the noun's own
        # name is more specific than the town that modifies it.
        for child in own.children:
            if child.dep_ == "appos" and _names_in(child, place_tokens):
                return True
            if child.dep_ == "prep" and child.lower_ == "of":
                if any(o.i in place_tokens for o in child.children if o.dep_ == "pobj"):
                    return True
    phrase = feature_phrase(token)
    head = phrase.head
    if head.i == phrase.i:
        return False
    if phrase.dep_ == "pobj" and head.pos_ == "ADP":
        above = head.head
        return above.i != head.i and above.i != phrase.i and place_like(above, place_tokens)
    if phrase.dep_ == "appos":
        # "Kollupitiya, central Colombo", "Makhmur district, northern Iraq"; but in "the base,
        # Darulaman Palace" the second names the first.
        return feature_scale(phrase) is None and place_like(head, place_tokens)
    if phrase.dep_ == "poss":
        return place_like(head, place_tokens)
    return False


def _names_in(token: Token, place_tokens: Collection[int]) -> bool:
    return token.i in place_tokens or any(
        c.i in place_tokens for c in token.children if c.dep_ in _NAME_DEPS
    )


def _is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in ("GPE", "LOC", "FAC")
