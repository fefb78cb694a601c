"""What the actor stage hands to the event stage."""

from __future__ import annotations

from dataclasses import dataclass

from eventcoder.records import Actor


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor found in a parsed document.

    ``start``/``end`` are spaCy token indices into the Doc (end exclusive); ``head`` is the
    index of the syntactic head token of the mention, the token the event stage meets when it
    walks the dependency parse. ``actor`` carries character offsets into the original text.
    ``kind``: country, organisation, person, group (nationality + sector noun), place, pronoun.
    """

    start: int
    end: int
    head: int
    actor: Actor
    kind: str
