"""Within-document coreference for actors: "the movement", "the president", "they", "its".

Conservative on purpose: a phrase gets a mention only when an antecedent of a compatible kind
lies within the rule's sentence window (rules live in ``sectors.yaml`` under ``anaphora``).
Antecedent kinds are the mention kinds (organisation, person, country, place, group) plus

* ``collective``: a country + group noun without sector ("Palestinian factions");
* ``coalition``: two or more coordinated organisations or groups ("Fatah and Hamas"), which
  becomes one actor with the codes its members share.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from eventcoder.actors._compose import Atom
from eventcoder.actors.codes import build_code
from eventcoder.actors.kb import AnaphorRule
from eventcoder.actors.mention import ActorMention
from eventcoder.records import Actor

__all__ = ["resolve_anaphora"]

_UP_DEPS = frozenset(
    {"pobj", "prep", "compound", "amod", "conj", "cc", "appos", "poss", "nmod", "case", "det"}
)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_COALITION_MEMBERS = frozenset({"organisation", "collective"})


@dataclass(slots=True)
class _Known:
    """A mention seen so far, with what coreference needs to know about it."""

    mention: ActorMention
    kind: str  # internal kind (adds "collective")
    origin_sentence: int  # 1-based sentence of the original antecedent


def resolve_anaphora(
    doc: Doc, mentions: list[ActorMention], anaphors: list[Atom]
) -> list[ActorMention]:
    """``mentions`` plus one coreference mention per anaphor that finds an antecedent."""
    if not anaphors:
        return mentions
    sent_of = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        sent_of[sent.start : sent.end] = [n] * (sent.end - sent.start)
    chunks = [(c.start, c.end) for c in doc.noun_chunks]
    known = [_Known(m, _internal_kind(m), sent_of[m.start] + 1) for m in mentions]
    out = list(mentions)
    for atom in anaphors:
        rule = atom.cands[0].ref
        assert isinstance(rule, AnaphorRule)
        if rule.own_subject and doc[atom.start].dep_ not in _SUBJECT_DEPS:
            continue
        found = _antecedent(doc, atom, rule, known, sent_of, chunks)
        if found is None:
            continue
        actor, kind, origin, label, direct = found
        span = doc[atom.start : atom.end]
        if span[0].tag_ == "PRP$":
            owned = _owned_sector(doc, atom, actor, label, origin, known)
            if owned is not None:  # "its troops" -> the antecedent's troops
                old, new = owned
                out[out.index(old.mention)] = new.mention
                known[known.index(old)] = new
                continue
            if direct == sent_of[atom.start]:
                continue  # "Germany recalled its envoy": the owner is already in the clause
        why = f"'{span.text}' -> {label} (sentence {origin})"
        coref = replace(
            actor,
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            resolution="coreference",
            why=why,
        )
        public = "pronoun" if span[0].pos_ == "PRON" else _public_kind(kind)
        mention = ActorMention(atom.start, atom.end, span.root.i, coref, public)
        out.append(mention)
        known.append(_Known(mention, kind, origin))
        known.sort(key=lambda k: k.mention.start)
    return out


def _antecedent(
    doc: Doc,
    atom: Atom,
    rule: AnaphorRule,
    known: list[_Known],
    sent_of: list[int],
    chunks: list[tuple[int, int]],
) -> tuple[Actor, str, int, str, int] | None:
    here = sent_of[atom.start]
    for k in reversed(known):
        m = k.mention
        if m.end > atom.start or m.actor.resolution == "unresolved":
            continue
        if here - sent_of[m.start] > rule.window:
            break
        if rule.adjacent and _chunk_between(chunks, m.end, atom.start, known):
            return None  # the nearest noun phrase is not an actor: do not guess
        if rule.subject and not _is_subject(doc[m.head]):
            continue
        group = (
            _coalition(doc, k, known, sent_of)
            if ("coalition" in rule.kinds or rule.plural)
            else None
        )
        if group is not None and "coalition" in rule.kinds:
            return group
        if k.kind not in rule.kinds:
            continue
        if (
            rule.sectors
            and k.kind in ("organisation", "group")
            and not set(m.actor.sectors) & set(rule.sectors)
        ):
            continue
        return m.actor, k.kind, k.origin_sentence, m.actor.name, sent_of[m.start]
    return None


def _owned_sector(
    doc: Doc, atom: Atom, owner: Actor, label: str, origin: int, known: list[_Known]
) -> tuple[_Known, _Known] | None:
    """A possessive pronoun before a bare sector noun: a country owner gives its country
    ("its troops" -> ISRMIL), an organisation or person its whole code ("its fighters" of Hamas)."""
    if not owner.country:
        return None
    for k in known:
        m = k.mention
        if m.start != atom.end or m.actor.country or m.actor.resolution != "sector-noun":
            continue
        span = doc[atom.start : m.end]
        sectors = owner.sectors or m.actor.sectors
        code = owner.cameo_code if owner.sectors else build_code(owner.country, sectors)
        why = (
            f"'{doc[m.start : m.end].text}' ({'/'.join(sectors) or 'no sector'}) owned by "
            f"'{doc[atom.start : atom.end].text}' -> {label} (sentence {origin})"
        )
        actor = replace(
            m.actor,
            name=f"{owner.name}: {m.actor.name}",
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            country=owner.country,
            sectors=sectors,
            cameo_code=code,
            why=why,
        )
        mention = ActorMention(atom.start, m.end, m.head, actor, m.kind)
        return k, _Known(mention, k.kind, origin)
    return None


def _coalition(
    doc: Doc, k: _Known, known: list[_Known], sent_of: list[int]
) -> tuple[Actor, str, int, str, int] | None:
    """The coordination ("A, B and C") the mention belongs to, as one actor; None if alone."""
    if k.kind not in _COALITION_MEMBERS:
        return None
    root = _conj_root(doc[k.mention.head])
    sent = sent_of[k.mention.start]
    members = [
        x
        for x in known
        if x.kind in _COALITION_MEMBERS
        and sent_of[x.mention.start] == sent
        and x.mention.actor.resolution != "coreference"
        and _conj_root(doc[x.mention.head]) == root
    ]
    if len(members) < 2:
        return None
    actors = [x.mention.actor for x in members]
    countries = {a.country for a in actors}
    country = countries.pop() if len(countries) == 1 else None
    sectors = tuple(s for s in actors[0].sectors if all(s in a.sectors for a in actors[1:]))
    names = [a.name for a in actors]
    name = ", ".join(names[:-1]) + " and " + names[-1]
    start = min(a.start for a in actors)
    end = max(a.end for a in actors)
    actor = Actor(
        name=name,
        text=doc.text[start:end],
        start=start,
        end=end,
        country=country,
        sectors=sectors if country else (),
        cameo_code=build_code(country, sectors) if country else None,
        resolution="coreference",
    )
    return actor, "coalition", sent + 1, name, sent


def _conj_root(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def _is_subject(tok: Token) -> bool:
    """The token is (inside) the subject of its clause: "the leaders of Hamas said"."""
    for _ in range(8):
        if tok.dep_ in _SUBJECT_DEPS:
            return True
        if tok.dep_ not in _UP_DEPS or tok.head is tok:
            return False
        tok = tok.head
    return False


def _chunk_between(
    chunks: list[tuple[int, int]], start: int, end: int, known: list[_Known]
) -> bool:
    """A noun phrase lies between start and end that is not (part of) an actor mention."""
    for cs, ce in chunks:
        if cs >= start and ce <= end:
            if not any(k.mention.start < ce and k.mention.end > cs for k in known):
                return True
    return False


def _internal_kind(m: ActorMention) -> str:
    if m.kind == "group" and not m.actor.sectors and m.actor.country:
        return "collective"
    return m.kind


def _public_kind(kind: str) -> str:
    return "group" if kind in ("collective", "coalition") else kind
