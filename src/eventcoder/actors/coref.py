"""Within-document coreference for actors: "the movement", "the president", "they", "its".

Conservative on purpose: a phrase gets a mention only when an antecedent of a compatible kind
lies within the rule's sentence window (rules live in ``sectors.yaml`` under ``anaphora``).
Antecedent kinds are the mention kinds (organisation, person, country, place, group) plus

* ``collective``: a country + group noun without sector ("Palestinian factions");
* ``coalition``: two or more coordinated organisations or groups ("Fatah and Hamas"), which
  becomes one actor with the codes its members share.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
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
    """``mentions`` plus one coreference mention per anaphor that finds an antecedent.

    Linear in the document: sentences, noun chunks and the text are read once, and the
    mentions seen so far are kept sorted so each anaphor looks only at those before it."""
    if not anaphors:
        return mentions
    sent_of = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        sent_of[sent.start : sent.end] = [n] * (sent.end - sent.start)
    ctx = _Context(doc, doc.text, sent_of, [(c.start, c.end) for c in doc.noun_chunks])
    known = _KnownList(
        sorted(
            (_Known(m, _internal_kind(m), sent_of[m.start] + 1) for m in mentions),
            key=_start_of,
        )
    )
    out = list(mentions)
    slot = {id(m): i for i, m in enumerate(out)}
    for atom in anaphors:
        rule = atom.cands[0].ref
        assert isinstance(rule, AnaphorRule)
        if rule.own_subject and doc[atom.start].dep_ not in _SUBJECT_DEPS:
            continue
        found = _antecedent(ctx, atom, rule, known)
        if found is None:
            continue
        actor, kind, origin, label, direct = found
        span = doc[atom.start : atom.end]
        if span[0].tag_ == "PRP$":
            owned = _owned_sector(doc, atom, actor, kind, label, origin, known)
            if owned is not None:  # "its troops" -> the antecedent's troops
                old, new = owned
                i = slot.pop(id(old.mention))
                out[i] = new.mention
                slot[id(new.mention)] = i
                known.replace(old, new)
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
        slot[id(mention)] = len(out)
        out.append(mention)
        known.add(_Known(mention, kind, origin))
    return out


@dataclass(frozen=True, slots=True)
class _Context:
    """What coreference reads from the Doc, read once per document."""

    doc: Doc
    text: str
    sent_of: list[int]  # token index -> sentence number
    chunks: list[tuple[int, int]]  # noun chunks (start, end), in order


def _start_of(k: _Known) -> int:
    return k.mention.start


class _KnownList:
    """Mentions seen so far, sorted by start, with their starts for binary search."""

    def __init__(self, items: list[_Known]):
        self.items = items
        self.starts = [k.mention.start for k in items]

    def add(self, k: _Known) -> None:
        i = bisect_right(self.starts, k.mention.start)
        self.items.insert(i, k)
        self.starts.insert(i, k.mention.start)

    def replace(self, old: _Known, new: _Known) -> None:
        i = bisect_left(self.starts, old.mention.start)
        while self.items[i] is not old:
            i += 1
        self.items[i] = new
        self.starts[i] = new.mention.start

    def between(self, start: int, end: int) -> list[_Known]:
        """Those that start in [start, end)."""
        return self.items[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


def _antecedent(
    ctx: _Context, atom: Atom, rule: AnaphorRule, known: _KnownList
) -> tuple[Actor, str, int, str, int] | None:
    doc, sent_of = ctx.doc, ctx.sent_of
    here = sent_of[atom.start]
    lo = bisect_left(known.starts, atom.start)
    for idx in range(lo - 1, -1, -1):
        k = known.items[idx]
        m = k.mention
        if m.end > atom.start or m.actor.resolution == "unresolved":
            continue
        if here - sent_of[m.start] > rule.window:
            break
        if rule.adjacent and _chunk_between(ctx.chunks, m.end, atom.start, known):
            return None  # the nearest noun phrase is not an actor: do not guess
        if rule.subject and not _is_subject(doc[m.head]):
            continue
        group = _coalition(ctx, k, known) if ("coalition" in rule.kinds or rule.plural) else None
        if group is not None and "coalition" in rule.kinds:
            return group
        if k.kind not in rule.kinds:
            continue
        if rule.singular_groups and k.kind == "group" and doc[m.head].tag_ in ("NNS", "NNPS"):
            continue  # "it" is "the army", not "the troops"
        if (
            rule.sectors
            and k.kind in ("organisation", "group")
            and not set(m.actor.sectors) & set(rule.sectors)
        ):
            continue
        return m.actor, k.kind, k.origin_sentence, m.actor.name, sent_of[m.start]
    return None


def _owned_sector(
    doc: Doc,
    atom: Atom,
    owner: Actor,
    owner_kind: str,
    label: str,
    origin: int,
    known: _KnownList,
) -> tuple[_Known, _Known] | None:
    """A possessive pronoun before a bare sector noun: an organisation owner gives its whole
    code ("its fighters" of Hamas); any other owner (country, person, group of people) its
    country, the noun keeping its sector ("their forces" of the Serbs -> SRBMIL)."""
    if not owner.country:
        return None
    for k in known.between(atom.end, atom.end + 1):
        m = k.mention
        if m.start != atom.end or m.actor.country or m.actor.resolution != "sector-noun":
            continue
        span = doc[atom.start : m.end]
        whole = owner_kind == "organisation" and bool(owner.sectors)
        sectors = owner.sectors if whole else (m.actor.sectors or owner.sectors)
        code = owner.cameo_code if whole else build_code(owner.country, sectors)
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
    ctx: _Context, k: _Known, known: _KnownList
) -> tuple[Actor, str, int, str, int] | None:
    """The coordination ("A, B and C") the mention belongs to, as one actor; None if alone."""
    if k.kind not in _COALITION_MEMBERS:
        return None
    doc, sent_of = ctx.doc, ctx.sent_of
    root = _conj_root(doc[k.mention.head])
    sent = sent_of[k.mention.start]
    first = k.mention.start
    while first > 0 and sent_of[first - 1] == sent:
        first -= 1
    last = k.mention.start
    while last < len(sent_of) and sent_of[last] == sent:
        last += 1
    members = [
        x
        for x in known.between(first, last)
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
        text=ctx.text[start:end],
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


def _chunk_between(chunks: list[tuple[int, int]], start: int, end: int, known: _KnownList) -> bool:
    """A noun phrase lies between start and end that is not (part of) an actor mention."""
    i = bisect_left(chunks, (start, -1))
    while i < len(chunks) and chunks[i][0] < end:
        cs, ce = chunks[i]
        i += 1
        if ce > end:
            continue
        # mentions do not overlap, so one overlapping the chunk starts at or after ``start``
        if not any(k.mention.end > cs for k in known.between(start, ce)):
            return True
    return False


def _internal_kind(m: ActorMention) -> str:
    if m.kind == "group" and not m.actor.sectors and m.actor.country:
        return "collective"
    return m.kind


def _public_kind(kind: str) -> str:
    return "group" if kind in ("collective", "coalition") else kind
