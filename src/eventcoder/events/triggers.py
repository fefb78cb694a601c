"""Finding trigger words in a parsed sentence and matching them to lexicon entries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventcoder.events.lexicon import Lexicon, Trigger

__all__ = ["TriggerMatch", "find_triggers", "object_lemmas"]

_PREPOSITIONS = {"of", "for", "to", "into", "on", "with", "against", "from", "in", "at", "by"}
_VERB_TAGS = {"VERB"}
_NOUN_TAGS = {"NOUN", "PROPN"}


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A lexicon entry matched at a token."""

    token: Token  # the head word of the trigger
    entry: Trigger
    tokens: tuple[Token, ...]  # every token of the matched phrase, head included

    @property
    def _span_tokens(self) -> tuple[Token, ...]:
        """The phrase when its words sit close together, else the head word alone."""
        lo = min(t.i for t in self.tokens)
        hi = max(t.i for t in self.tokens)
        return self.tokens if hi - lo + 1 <= len(self.tokens) + 3 else (self.token,)

    @property
    def start_char(self) -> int:
        return min(t.idx for t in self._span_tokens)

    @property
    def end_char(self) -> int:
        return max(t.idx + len(t.text) for t in self._span_tokens)


def _near(token: Token) -> Iterable[Token]:
    """Dependents up to two levels down, in sentence order of discovery."""
    for child in token.children:
        yield child
        yield from child.children


def object_lemmas(token: Token, preps: Iterable[str] = ()) -> set[str]:
    """Lemmas of what the trigger acts on: direct object, passive subject, and objects of the
    prepositions the entry names ("participate *in* the talks"); a place after "in" is not an object."""
    out: set[str] = set()
    named = set(preps)
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
            out.add(child.lemma_.lower())
            out.update(c.lemma_.lower() for c in child.conjuncts)
        elif child.dep_ in ("prep", "agent", "prt") and child.lower_ in named:
            for g in child.children:
                if g.dep_ == "pobj":
                    out.add(g.lemma_.lower())
        elif child.dep_ == "compound" and token.pos_ in _NOUN_TAGS:
            out.add(child.lemma_.lower())
    if token.dep_ in ("compound", "amod") and token.head.pos_ in _NOUN_TAGS:
        out.add(token.head.lemma_.lower())
    return out


def _match_extras(token: Token, entry: Trigger) -> tuple[Token, ...] | None:
    """The tokens of a multi-word entry, found along the parse: each extra word must be a dependent
    of the head or of an extra word already found ("open fire on", "call for talks", "take part in"),
    so words that merely sit nearby ("signed ... on Wednesday to ...") do not complete a phrase."""
    if not entry.extra:
        return (token,)
    used: list[Token] = [token]
    for word in entry.extra:
        found = None
        for anchor in used:
            for cand in _reachable(anchor):
                if cand in used:
                    continue
                if cand.lemma_.lower() == word or cand.lower_ == word:
                    found = cand
                    break
            if found is not None:
                break
        if found is None:
            return None
        used.append(found)
    return tuple(used)


def _reachable(anchor: Token) -> list[Token]:
    """An anchor's dependents, and the modifiers inside its object noun phrases
    ("stormed the *parliament* building", "staged a *sit*-in")."""
    out: list[Token] = []
    for child in anchor.children:
        out.append(child)
        if child.dep_ in ("dobj", "pobj", "nsubjpass", "attr"):
            out.extend(g for g in child.children if g.dep_ in ("compound", "amod", "nmod"))
    return out


def _head_lemma(token: Token) -> str:
    lemma = token.lemma_.lower()
    return lemma


def find_triggers(sent: Span, lexicon: Lexicon) -> list[TriggerMatch]:
    """All lexicon matches in a sentence, at most one (the most specific) per head token."""
    matches: list[TriggerMatch] = []
    for token in sent:
        if token.pos_ in _VERB_TAGS or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
            pos = "VERB"
        elif token.pos_ in _NOUN_TAGS:
            pos = "NOUN"
        else:
            continue
        lemma = _head_lemma(token)
        entries = lexicon.candidates(lemma, pos)
        if not entries and pos == "NOUN" and token.lower_ != lemma:
            entries = lexicon.candidates(token.lower_, pos)
        if not entries:
            continue
        near: set[str] | None = None
        for entry in entries:  # most specific first
            if entry.extra:
                if near is None:
                    near = {t.lemma_.lower() for t in _near(token)} | {t.lower_ for t in _near(token)}
                if not near.issuperset(entry.extra):
                    continue
            tokens = _match_extras(token, entry)
            if tokens is None:
                continue
            if entry.objects:
                objs = object_lemmas(token, entry.extra)
                for t in tokens[1:]:
                    objs |= object_lemmas(t, entry.extra)
                    objs.add(t.lemma_.lower())
                if not (objs & entry.objects):
                    continue
            if entry.not_objects and object_lemmas(token, entry.extra) & entry.not_objects:
                continue
            matches.append(TriggerMatch(token=token, entry=entry, tokens=tokens))
            break
    return matches
