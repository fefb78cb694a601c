"""How a place hangs on an event's trigger in the parse: attachment, clauses, distances.

Used by :class:`eventcoder.places.DocumentPlaces` to rank the places of an event's sentence.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from eventcoder.places.slots import feature_phrase, feature_scale
from eventcoder.places.wordlists import locative_prepositions, place_object_verbs

__all__ = [
    "after_locative",
    "attached_tokens",
    "has_subject",
    "in_another_clause",
    "is_origin",
    "is_subject",
    "modifies_a_non_place",
    "prep_objects",
    "tree_distance",
]

_NOUNS = ("NOUN", "PROPN")
MODIFIER_DEPS = ("compound", "nmod", "npadvmod", "amod")
_LIGHT_VERB_DEPS = ("nsubj", "nsubjpass", "dobj", "attr")


def is_subject(token: Token, trigger: Token) -> bool:
    """True when an actor token is the trigger's doer ("Iran captured ...", "captured by Iran")."""
    if token.dep_ == "nsubj" and token.head.i == trigger.i:
        return True
    return token.dep_ == "pobj" and token.head.dep_ == "agent" and token.head.head.i == trigger.i


def modifies_a_non_place(root: Token, place_tokens: set[int]) -> bool:
    """True for a country name that modifies a noun that is no place ("US soldiers", "a US strike").

    A possessive stays a place: "killed in Syria's war" happened in Syria.
    """
    if root.dep_ not in MODIFIER_DEPS or root.head.i == root.i:
        return False
    head = root.head
    return head.i not in place_tokens and feature_scale(head) is None


def attached_tokens(trigger: Token) -> Iterator[tuple[int, Token, str]]:
    """Tokens the parse attaches to the trigger as its place: (hop, token, how)."""
    preps = locative_prepositions()
    starts = [trigger]
    if (
        trigger.pos_ in _NOUNS
        and trigger.dep_ in _LIGHT_VERB_DEPS
        and trigger.head.pos_ in ("VERB", "AUX")
    ):
        starts.append(
            trigger.head
        )  # "the meeting was held in Cairo", "clashes erupted in Khartoum"
    if trigger.pos_ == "VERB":
        # "shot and killed a man in Hebron": verbs joined to the trigger that share its subject
        if trigger.dep_ == "conj" and trigger.head.pos_ == "VERB" and not has_subject(trigger):
            starts.append(trigger.head)
        starts.extend(
            c
            for c in trigger.children
            if c.dep_ == "conj" and c.pos_ == "VERB" and not has_subject(c)
        )
    for start in starts:
        after_noun = start.pos_ in _NOUNS
        for child in start.children:
            if child.i == trigger.i:
                continue
            if child.dep_ == "prep" and preps.allows(child.text, hop=1, after_noun=after_noun):
                for obj in prep_objects(child):
                    yield 1, obj, f"'{child.text} {{place}}' attached to '{trigger.text}'"
                    for inner in obj.children:
                        if inner.dep_ == "prep" and preps.allows(
                            inner.text, hop=2, after_noun=True
                        ):
                            for obj2 in prep_objects(inner):
                                yield (
                                    2,
                                    obj2,
                                    f"'{inner.text} {{place}}' attached to '{trigger.text}'",
                                )
            elif start is trigger and child.dep_ in MODIFIER_DEPS and after_noun:
                yield 1, child, f"'{{place}}' modifies '{trigger.text}'"
            elif (
                start is trigger
                and child.dep_ == "nsubjpass"
                and trigger.lemma_.lower() in place_object_verbs()
            ):
                yield 1, child, f"'{{place}}' was {trigger.text}"  # "Gibraltar was captured"
            elif start is trigger and child.dep_ == "npadvmod" and not after_noun:
                yield 1, child, f"'{{place}}' beside '{trigger.text}'"  # "captured off Mogadishu"
            elif start is trigger and child.dep_ == "dobj" and not after_noun:
                yield 1, child, f"'{{place}}' is the object of '{trigger.text}'"
                for inner in child.children:  # "attacked a checkpoint in Jenin"
                    if inner.dep_ == "prep" and preps.allows(inner.text, hop=2, after_noun=True):
                        for obj in prep_objects(inner):
                            yield (
                                2,
                                obj,
                                f"'{inner.text} {{place}}' attached to the object of '{trigger.text}'",
                            )


def is_origin(root: Token) -> bool:
    """True for "from <place>" (where someone came or spoke from) and "against <place>" (whom an
    act was aimed at): seldom where the event was."""
    phrase = feature_phrase(root)
    return phrase.dep_ == "pobj" and phrase.head.lower_ in ("from", "against")


def in_another_clause(token: Token, trigger: Token) -> bool:
    """True when a verb conjoined with its own subject stands between the token and the trigger.

    "Palestinians shot a man in the West Bank, and soldiers went to Jenin": Jenin is the place of
    the going, not of the shooting.
    """
    above_trigger = {t.i for t in trigger.ancestors}
    above_trigger.add(trigger.i)
    for head in token.ancestors:
        if head.i in above_trigger:
            return False
        if head.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and has_subject(head):
            return True
    return False


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of one sentence."""
    up_a = {a.i: 0}
    for steps, token in enumerate(a.ancestors, 1):
        up_a[token.i] = steps
    if b.i in up_a:
        return up_a[b.i]
    for steps, token in enumerate(b.ancestors, 1):
        if token.i in up_a:
            return steps + up_a[token.i]
    return 1000


def prep_objects(prep: Token) -> Iterator[Token]:
    for obj in prep.children:
        if obj.dep_ == "pobj":
            yield obj
            yield from (c for c in obj.children if c.dep_ == "conj")


def after_locative(token: Token, *, unknown: bool = False) -> bool:
    """True when the name is the object of a place preposition ("in Jenin")."""
    preps = locative_prepositions()
    head = token
    while head.dep_ in ("compound", "conj") and head.head.i != head.i:
        if unknown and head.head.pos_ != "PROPN":
            return False  # "in the 1967 Mideast war": an unknown name modifying a common noun
        head = head.head
    if head.dep_ != "pobj":
        return False
    if unknown:
        return preps.takes_unknown_name(head.head)
    return preps.allows(head.head.text, hop=1, after_noun=False)
