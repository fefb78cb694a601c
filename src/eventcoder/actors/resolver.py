"""Find actor mentions in a parsed document and code them.

Steps for one Doc (matchers are built once, in ``ActorResolver.__init__``):

1. *Atoms*: every knowledge-base phrase found by the PhraseMatchers; overlapping atoms are
   reduced to the longest (then leftmost).
2. *Composition* (:mod:`eventcoder.actors._compose`): title + person ("Palestinian President
   Abbas"), country/demonym + sector noun ("Israeli occupation forces", "Israel's government"),
   and conjuncts that share the nationality ("... forces and settlers").
3. *Single atoms*: named entries, countries, seats of government, demonyms, bare sector nouns.
4. *Named entities* the knowledge base lacks: towns become places, the rest "unresolved".
5. *Coreference* (:mod:`eventcoder.actors.coref`): "the movement", "they", "he"...
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
from collections.abc import Callable
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from eventcoder.actors import _actors
from eventcoder.actors._compose import Atom, compose
from eventcoder.actors._index import KIND_ORDER, Cand, SurfaceIndex
from eventcoder.actors.coref import resolve_anaphora
from eventcoder.actors.kb import ActorEntry, ActorKB, CountryEntry
from eventcoder.actors.mention import ActorMention
from eventcoder.actors.places import place_index
from eventcoder.records import Actor

__all__ = ["ActorResolver"]

#: spaCy entity labels that make an "unresolved" actor when the knowledge base lacks them.
_UNRESOLVED_LABELS = frozenset({"ORG", "PERSON", "NORP", "GPE"})
_PLACE_LABELS = frozenset({"GPE", "LOC"})
#: A place entity the base lacks is read as a misspelt country name when it is at least this long
#: and this similar (difflib ratio) to the name of exactly one country: "Afganistan" (0.95).
_MIN_MISSPELT_LEN = 7
_MISSPELT_RATIO = 0.9
#: Inside these entities a country or common noun is not an actor ("the Oslo Accords").
_NON_ACTOR_LABELS = frozenset(
    {
        "LAW",
        "EVENT",
        "WORK_OF_ART",
        "PRODUCT",
        "LANGUAGE",
        "DATE",
        "TIME",
        "MONEY",
        "QUANTITY",
        "PERCENT",
    }
)
#: Entity labels spaCy's small model sometimes gives a short country name ("Niger" as a DATE).
_MISREAD_LABELS = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "PERCENT"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_ADJ_POS = frozenset({"ADJ", "PROPN"})
_PLACE_NAME_KINDS = frozenset({"country", "seat", "region"})


class ActorResolver:
    """Finds and codes actors in spaCy Docs using an :class:`ActorKB`.

    Example:
        >>> resolver = ActorResolver(load_actor_kb(), load_pipeline())
        >>> doc = resolver.nlp("Egyptian police arrested two men.")
        >>> [m.actor.cameo_code for m in resolver.find_mentions(doc, when=None)]
        ['EGYCOP']
    """

    def __init__(self, kb: ActorKB, nlp: Language):
        self.kb = kb
        self.nlp = nlp
        self.index = SurfaceIndex(kb, nlp)

    # -- public API -------------------------------------------------------------------------
    def find_mentions(self, doc: Doc, *, when: dt.date | None) -> list[ActorMention]:
        """Actor mentions in ``doc``, sorted by start, not overlapping (longest match wins).

        ``when`` is the date the text speaks of (publication date): it picks people's roles
        and dated dictionary codes. Character offsets are ``doc`` offsets.
        """
        atoms = self._atoms(doc, when)
        mentions, anaphors = compose(
            doc, atoms, when=when, act_nouns=self.kb.act_nouns, civic=self.kb.civic_peoples
        )
        taken = _taken(
            len(doc), [(m.start, m.end) for m in mentions] + [(a.start, a.end) for a in anaphors]
        )
        mentions += self._entities(doc, taken)
        mentions.sort(key=lambda m: m.start)
        mentions = _described_people(doc, mentions, atoms)
        mentions = resolve_anaphora(doc, mentions, anaphors)
        return sorted(mentions, key=lambda m: m.start)

    def lookup(self, name: str, *, when: dt.date | None) -> list[Actor]:
        """Every way ``name`` resolves on ``when``, strongest first (empty when unknown).

        The whole name is looked up first; when it is not a known phrase it is parsed and the
        mentions found in it are returned (so "Israeli occupation forces" works).
        """
        text = " ".join(name.split())
        if not text:
            return []
        cands = self.index.exact_cands(self.index.key_of(text, lower=False))
        cands = cands + self.index.lower_cands(self.index.key_of(text))
        actors: list[Actor] = []
        seen: set[tuple[str | None, str]] = set()
        for cand in sorted(cands, key=_cand_order_on(when)):
            actor = _actors.from_cand(cand, text, 0, len(text), when=when)
            if actor is None or (actor.cameo_code, actor.name) in seen:
                continue
            seen.add((actor.cameo_code, actor.name))
            actors.append(actor)
        if actors:
            return actors
        doc = self.nlp(text)
        return [
            m.actor
            for m in self.find_mentions(doc, when=when)
            if m.actor.resolution != "unresolved"
        ]

    # -- steps --------------------------------------------------------------------------------
    def _atoms(self, doc: Doc, when: dt.date | None) -> list[Atom]:
        found: list[Atom] = []
        strings = self.nlp.vocab.strings
        order = _cand_order_on(when)
        for matcher, exact in ((self.index.lower_matcher, False), (self.index.exact_matcher, True)):
            for match_id, start, end in matcher(doc):
                key = strings[match_id]
                cands = self.index.exact_cands(key) if exact else self.index.lower_cands(key)
                span = doc[start:end]
                cands = _unambiguous_surnames([c for c in cands if _fits(c, span, self.kb.act_nouns)], when)
                if cands:
                    found.append(Atom(start, end, tuple(sorted(cands, key=order))))
        # longest wins, then leftmost; exact-case atoms win ties of the same length
        found.sort(key=lambda a: (-(a.end - a.start), a.start))
        used = [False] * len(doc)
        atoms = []
        for atom in found:
            if any(used[atom.start : atom.end]):
                continue
            for i in range(atom.start, atom.end):
                used[i] = True
            atoms.append(atom)
        return sorted(atoms, key=lambda a: a.start)

    def _entities(self, doc: Doc, taken: list[bool]) -> list[ActorMention]:
        out = []
        for ent in doc.ents:
            if ent.label_ not in _UNRESOLVED_LABELS and ent.label_ not in _PLACE_LABELS:
                continue
            span = _trim(ent)
            if span is None or any(taken[span.start : span.end]):
                continue
            hit = place_index().get(span.text.lower()) if _may_be_place(ent.label_, span) else None
            if hit is None and span.root.dep_ in ("amod", "compound") and taken[span.root.head.i]:
                continue  # "Muslim rebels", "Tuareg rebels": a qualifier of an actor already found
            near = self._misspelt_country(span) if hit is None and ent.label_ in _PLACE_LABELS else None
            if near is not None:
                actor, kind = near, "country"
            elif hit is not None:
                actor = _actors.place(span, hit)
                kind = "place"
            elif ent.label_ in _UNRESOLVED_LABELS:
                actor = _actors.unresolved(span, ent.label_)
                kind = {"PERSON": "person", "ORG": "organisation", "GPE": "place"}.get(
                    ent.label_, "group"
                )
            else:
                continue
            out.append(ActorMention(span.start, span.end, span.root.i, actor, kind))
            for i in range(span.start, span.end):
                taken[i] = True
        return out

    def _misspelt_country(self, span: Span) -> Actor | None:
        """A place name one slip away from exactly one country's name ("Afganistan",
        "Bosnia-Herzogovina"); None when it is close to none, or to two countries."""
        text = span.text.lower()
        if len(text) < _MIN_MISSPELT_LEN or not span.text[:1].isupper():
            return None
        best: dict[str, tuple[float, str, CountryEntry]] = {}
        for entry, name in self._country_names:
            if name[:1] != text[:1] or abs(len(name) - len(text)) > 2:
                continue
            ratio = difflib.SequenceMatcher(None, text, name).ratio()
            if ratio >= _MISSPELT_RATIO and ratio > best.get(entry.iso3, (0.0,))[0]:
                best[entry.iso3] = (ratio, name, entry)
        if len(best) != 1:
            return None
        ratio, name, entry = next(iter(best.values()))
        return _actors.country_actor(
            entry, span.text, span.start_char, span.end_char, resolution="alias",
            why=f"'{span.text}' is not a known name; read as a misspelling of '{name}' ({entry.iso3}, similarity {ratio:.2f})",
        )  # fmt: skip

    @functools.cached_property
    def _country_names(self) -> list[tuple[CountryEntry, str]]:
        """(country, lower-case name) for every country name long enough to be misspelt."""
        names = ((c, n.lower()) for c in self.kb.countries for n in (c.name, *c.names))
        return [(c, n) for c, n in names if len(n) >= _MIN_MISSPELT_LEN]


def _described_people(doc: Doc, mentions: list[ActorMention], atoms: list[Atom]) -> list[ActorMention]:
    """A person the base lacks, named after words that describe them, is what the words say:
    "Ugandan opposition figure John Okello" is UGA OPP, "French aid worker Marie Dupont" FRA NGO.
    The describing mention must modify the name (a compound or modifier inside its phrase), and
    only nouns may stand between them; sector nouns among them add their sectors."""
    out: list[ActorMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is None
            or m.kind != "person"
            or m.actor.resolution != "unresolved"
            or prev.kind not in ("group", "country")
            or not prev.actor.country
            or not _describes(doc, prev, m)
        ):
            out.append(m)
            continue
        sectors = list(prev.actor.sectors)
        for atom in atoms:
            cand = atom.first("sector")
            if cand is not None and prev.end <= atom.start and atom.end <= m.start:
                sectors += [x for x in cand.ref.sectors if x not in sectors]
        span = doc[prev.start : m.end]
        described = "/".join(sectors) or "no sector"
        actor = replace(
            prev.actor,
            text=span.text,
            end=span.end_char,
            sectors=tuple(sectors),
            cameo_code=(prev.actor.cameo_code or "") + "".join(sectors[len(prev.actor.sectors) :]),
            wikidata=None,
            resolution="title",
            why=f"{prev.actor.why}; '{span.text}' describes a person not in the knowledge base ({described})",
        )
        out[-1] = ActorMention(prev.start, m.end, m.head, actor, "person")
    return out


def _describes(doc: Doc, desc: ActorMention, name: ActorMention) -> bool:
    gap = doc[desc.end : name.start]
    if len(gap) > 2 or any(t.pos_ not in ("NOUN", "PROPN") or t.dep_ != "compound" for t in gap):
        return False
    head = doc[desc.head]
    inside = range(name.start, name.end)
    tok = head
    for _ in range(4):  # the describing head hangs on the name, directly or through the gap nouns
        if tok.dep_ not in ("compound", "amod", "appos", "nmod") or tok.head is tok:
            return False
        tok = tok.head
        if tok.i in inside:
            return True
    return False


def _cand_order(c: Cand) -> tuple[int, int, int]:
    return (-c.rank, KIND_ORDER.index(c.kind), 0 if c.resolution == "exact" else 1)


def _cand_order_on(when: dt.date | None) -> Callable[[Cand], tuple[int, int, int, int]]:
    """Candidate order for a date: among entries of the same rank sharing a name, the one
    holding a role on ``when`` comes first ("Bush" in 1990 and in 2005)."""

    def order(c: Cand) -> tuple[int, int, int, int]:
        rank, kind, exact = _cand_order(c)
        return (rank, kind, 0 if _holds_role(c, when) else 1, exact)

    return order


def _unambiguous_surnames(cands: list[Cand], when: dt.date | None) -> list[Cand]:
    """Drop family-name readings unless one person of that name stands out: the only one, or the
    only one holding a role on the date ("Clinton" in 2010 is Hillary, the Secretary of State)."""
    surnames = [c for c in cands if c.resolution == "surname"]
    if len(surnames) <= 1:
        return cands
    holding = [c for c in surnames if _holds_role(c, when)]
    keep = holding if len(holding) == 1 else []
    return [c for c in cands if c.resolution != "surname"] + keep


def _holds_role(c: Cand, when: dt.date | None) -> bool:
    if c.kind != "entry" or when is None or not isinstance(c.ref, ActorEntry):
        return False
    return any(r.covers(when) for r in c.ref.roles)


def _fits(cand: Cand, span: Span, act_nouns: frozenset[str] = frozenset()) -> bool:
    """Names need a capital letter; pronoun anaphora must be pronouns."""
    if cand.proper and span.text.islower():
        # a lower-case nationality adjective still names a country ("tunisian police");
        # "polish" the verb or "nail polish" do not
        return cand.kind == "demonym" and span[-1].pos_ in _ADJ_POS

    if cand.resolution == "surname" and (len(span) != 1 or span[0].ent_type_ != "PERSON"):
        return False  # a family name alone is a person only where spaCy reads one
    if cand.kind == "anaphor" and len(span) == 1 and span[0].pos_ not in ("PRON", "DET"):
        return False
    if cand.kind != "entry" and span[0].ent_type_ in _NON_ACTOR_LABELS:
        # a language name modifying a noun is a nationality ("75 Filipino troops", "French police");
        # a country name that is a whole "date" or "quantity" entity was misread ("the coup in Niger")
        modifier = span[-1].dep_ in ("amod", "compound") and span[-1].head.i > span[-1].i
        language = span[0].ent_type_ == "LANGUAGE" and cand.kind == "demonym" and modifier
        misread = span[0].ent_type_ in _MISREAD_LABELS and cand.kind == "country" and _whole_entity(span)
        if not (language or misread):
            return False
    if cand.kind == "sector" and span[-1].pos_ not in _NOUN_POS:
        # "general" in "general secretaries" is no actor; "rebel" in "a rebel attack" is its author
        last = span[-1]
        return last.dep_ == "amod" and last.head.lemma_.lower() in act_nouns and last.head.i > last.i
    if cand.kind == "entry" and span[0].ent_type_ == "PERSON" and _inside_longer_entity(span):
        return False  # "Haddad" in "Tariq Haddad Mansouri" is someone else
    if cand.kind in _PLACE_NAME_KINDS and span[0].ent_type_ in _PLACE_LABELS:
        if _inside_longer_entity(span):
            return False  # "America" in "Latin America", "Mexico" in "New Mexico"
    return True


def _whole_entity(span: Span) -> bool:
    """The span is exactly one named entity (a leading "the" aside)."""
    ents = [e for e in span.doc.ents if e.start <= span.start and span.end <= e.end]
    if not ents:
        return False
    ent = ents[0]
    start = ent.start + 1 if ent[0].lower_ == "the" else ent.start
    return start == span.start and ent.end == span.end


def _inside_longer_entity(span: Span) -> bool:
    """The span is part of a longer named entity (a leading "the" does not count)."""
    doc = span.doc
    starts_inside = span[0].ent_iob_ == "I" and not _only_determiners(doc, span.start)
    # "North Korea's demand": the small model may take the possessive "'s" into the entity
    nxt = doc[span.end] if span.end < len(doc) else None
    continues = nxt is not None and nxt.ent_iob_ == "I" and nxt.tag_ != "POS"
    return starts_inside or continues


def _only_determiners(doc: Doc, start: int) -> bool:
    """The entity tokens before ``start`` are all determiners ("the West Bank")."""
    i = start - 1
    while i >= 0 and doc[i].ent_iob_ in ("I", "B"):
        if doc[i].pos_ != "DET":
            return False
        if doc[i].ent_iob_ == "B":
            return True
        i -= 1
    return True


def _may_be_place(label: str, span: Span) -> bool:
    """GPE/LOC entities, and one-word names the small model mislabels as people, organisations
    or nationalities when they are the object of a verb or preposition ("raided Jenin",
    "entered Aleppo")."""
    if label in _PLACE_LABELS:
        return True
    return (
        label in ("PERSON", "ORG", "NORP") and len(span) == 1 and span[0].dep_ in ("dobj", "pobj")
    )


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_punct):
        end -= 1
    return span.doc[start:end] if end > start else None


def _taken(n: int, spans: list[tuple[int, int]]) -> list[bool]:
    taken = [False] * n
    for start, end in spans:
        for i in range(start, end):
            taken[i] = True
    return taken
