"""Turn matched atoms into actor mentions: titles + names, nationality + sector nouns, conjuncts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from eventcoder.actors import _actors
from eventcoder.actors._index import Cand
from eventcoder.actors.codes import build_code
from eventcoder.actors.kb import ActorEntry, CountryEntry, SectorNoun, Title
from eventcoder.actors.mention import ActorMention
from eventcoder.records import Actor

__all__ = ["Atom", "compose"]

#: Verbs after which "X from <country>" is where X leaves, not whose X is.
_DEPARTURE_VERBS = frozenset({
    "withdraw", "pull", "evacuate", "leave", "expel", "remove", "oust", "drive", "evict", "move",
    "relocate", "redeploy", "flee", "retreat", "deport", "bring", "recall", "repatriate", "return",
    "airlift", "rescue", "free", "release", "extract", "escape", "depart",
})  # fmt: skip
#: A capital after one of these is where something happens, not who acts.
PLACE_PREPS = frozenset({"in", "at", "near", "into", "to", "from", "outside", "around", "across"})
#: Most words allowed between a nationality and its sector noun ("Egypt's state-owned news agency").
MAX_GAP = 4
#: Most words allowed between a nationality and a title ("Egyptian Trade Minister X").
TITLE_GAP = 2
#: A title after one of these is not held any more ("former President Carter").
_FORMER_WORDS = frozenset({"former", "ex", "ex-", "late", "then", "then-"})
_GAP_POS = frozenset({"ADJ", "NOUN", "PROPN", "ADV", "NUM"})
_CONJ_WORDS = frozenset({",", "and", "or", "&"})


@dataclass(frozen=True, slots=True)
class Atom:
    """A matched knowledge-base phrase: token span and its candidate meanings, best first."""

    start: int
    end: int
    cands: tuple[Cand, ...]

    def first(self, *kinds: str) -> Cand | None:
        for c in self.cands:
            if c.kind in kinds:
                return c
        return None


def compose(
    doc: Doc,
    atoms: list[Atom],
    *,
    when: dt.date | None,
    act_nouns: frozenset[str] = frozenset(),
    civic: frozenset[str] = frozenset(),
) -> tuple[list[ActorMention], list[Atom]]:
    """Mentions built from atoms, and the anaphor atoms left for coreference. ``act_nouns``: nouns
    of acts a sector noun before them carries out ("police crackdown", "army offensive")."""
    persons = {ent.start: ent for ent in doc.ents if ent.label_ == "PERSON"}
    out: list[ActorMention] = []
    anaphors: list[Atom] = []
    i, n = 0, len(atoms)
    while i < n:
        atom = atoms[i]
        if atom.cands[0].kind == "anaphor":
            anaphors.append(atom)
            i += 1
            continue
        step = _composed(doc, atoms, i, persons, when, act_nouns, civic)
        if step is not None:
            mentions, i = step
            out.extend(mentions)
            continue
        single = _single(doc, atom, when, act_nouns)
        if single is not None:
            out.append(single)
        i += 1
    return out, anaphors


def _composed(
    doc: Doc,
    atoms: list[Atom],
    i: int,
    persons: dict[int, Span],
    when: dt.date | None,
    act_nouns: frozenset[str],
    civic: frozenset[str],
) -> tuple[list[ActorMention], int] | None:
    """The first rule that builds mentions from atoms ``i``, ``i+1``, ...: the mentions and the
    index of the next atom to read. Rules are tried from the most specific to the least."""
    titled = _title_person(doc, atoms, i, persons, when)
    if titled is not None:
        return [titled[0]], titled[1]
    serving = _nationals_serving(doc, atoms, i) or _serving_from(doc, atoms, i)
    if serving is not None:
        return [serving], i + 3
    kin = _people_in_country(doc, atoms, i, civic)
    if kin is not None:
        return [kin[0]], kin[1]
    grouped = _coordinated_nationalities(doc, atoms, i) or _nationality_sector(doc, atoms, i, act_nouns)
    if grouped is not None:
        return grouped
    members = _organisation_members(doc, atoms, i, when)
    if members is not None:
        return [members], i + 2
    located = _sector_in_country(doc, atoms, i)
    if located is not None:
        return [located], i + 2
    return None


# -- rules ------------------------------------------------------------------------------------
def _title_person(
    doc: Doc, atoms: list[Atom], i: int, persons: dict[int, Span], when: dt.date | None
) -> tuple[ActorMention, int] | None:
    """[nationality] [modifiers] title name: "Palestinian President Abbas", "Egyptian Trade
    Minister Ahmed Ali", "Foreign Minister Sameh Shoukry"."""
    lead: _actors.Nationality | None = None
    j = i
    nat = _nationality(atoms[i])
    if nat is not None and i + 1 < len(atoms) and atoms[i + 1].first("title"):
        if _gap_ok(doc, atoms[i].end, atoms[i + 1].start, max_gap=TITLE_GAP) and not any(
            t.ent_type_ == "PERSON" for t in doc[atoms[i].end : atoms[i + 1].start]
        ):
            lead, j = nat, i + 1
    title_cand = atoms[j].first("title")
    if title_cand is None:
        return _nationality_person(doc, atoms, i, when)
    title = atoms[j]
    assert isinstance(title_cand.ref, Title)
    start = atoms[i].start if lead else title.start
    if j + 1 < len(atoms) and atoms[j + 1].start == title.end:
        nxt = atoms[j + 1]
        person = next((c.ref for c in nxt.cands if _may_hold_title(c)), None)
        if isinstance(person, ActorEntry):
            span = doc[start : nxt.end]
            title_text = doc[title.start : title.end].text
            how = f"title '{title_text}' + name"
            actor = _actors.entry_actor(
                person,
                span.text,
                span.start_char,
                span.end_char,
                when=when,
                resolution="title",
                how=how,
                said=doc[nxt.start : nxt.end].text,
                title=None if _former(doc, start) else title_text,
            )
            if actor is not None and not actor.sectors and title_cand.ref.sectors:
                actor = _with_title_sectors(actor, title_cand.ref, title_text)
            if actor is not None:
                return ActorMention(
                    start, nxt.end, doc[nxt.start : nxt.end].root.i, actor, "person"
                ), j + 2
    ent = persons.get(title.end)
    if ent is None:
        return None
    country = lead.country if lead else None
    sectors = title_cand.ref.sectors
    if not (lead and lead.code) and not sectors:
        return None
    if any(a.start < ent.end and a.end > ent.start for a in atoms[j + 1 :] if a.first("entry")):
        return None
    span = doc[start : ent.end]
    what = f"{lead.code} + " if lead else ""
    actor = Actor(
        name=ent.text,
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        country=country,
        sectors=sectors,
        cameo_code=build_code(lead.code if lead else None, sectors),
        resolution="title",
        why=f"{what}title '{doc[title.start : title.end].text}' ({'/'.join(sectors) or 'no sector'}) "
        f"before '{ent.text}', a person not in the knowledge base",
    )
    k = j + 1
    while k < len(atoms) and atoms[k].start < ent.end:
        k += 1
    return ActorMention(start, ent.end, ent.root.i, actor, "person"), k


def _nationality_sector(
    doc: Doc, atoms: list[Atom], i: int, act_nouns: frozenset[str] = frozenset()
) -> tuple[list[ActorMention], int] | None:
    """Nationality + sector noun ("Israeli occupation forces", "Israel's government"), then
    conjuncts that share the nationality ("... and settlers")."""
    nat = _nationality(atoms[i])
    if nat is None or i + 1 >= len(atoms):
        return None
    nxt = atoms[i + 1]
    noun_cand = nxt.first("sector")
    if noun_cand is None or not _gap_ok(doc, atoms[i].end, nxt.start, max_gap=MAX_GAP):
        return None
    if not _is_head(doc, nxt, act_nouns):
        return None
    assert isinstance(noun_cand.ref, SectorNoun)
    country = nat
    span = doc[atoms[i].start : nxt.end]
    noun_text = doc[nxt.start : nxt.end].text
    sectors = "/".join(noun_cand.ref.sectors) or "a group without sector"
    why = f"'{doc[atoms[i].start : atoms[i].end].text}' ({country.code}) + sector noun '{noun_text}' ({sectors})"
    if _ethnic(doc, atoms[i]) and not noun_cand.ref.needs_country and not noun_cand.ref.group:
        # "ethnic Albanian rebels": rebels of the country they fight in, which the context names
        span = doc[atoms[i].start - 1 : nxt.end]
        why = f"'{span.text}': an ethnicity, not a nationality + sector noun '{noun_text}' ({sectors}); country from context"
        country = None
    actor = _actors.sector_actor(
        noun_cand.ref, country, span.text, span.start_char, span.end_char, why=why
    )
    out = [ActorMention(span.start, span.end, doc[nxt.start : nxt.end].root.i, actor, "group")]
    k = i + 2
    prev = nxt
    while k < len(atoms):
        conj = atoms[k]
        cand = conj.first("sector")
        if (
            cand is None
            or conj.first("country", "demonym", "entry")
            or not _conj_gap(doc, prev.end, conj.start)
        ):
            break
        assert isinstance(cand.ref, SectorNoun)
        part = doc[conj.start : conj.end]
        why = (
            f"sector noun '{part.text}' ({'/'.join(cand.ref.sectors) or 'no sector'}) shares the "
            f"nationality of '{span.text}' ({country.code})"
        )
        shared = _actors.sector_actor(
            cand.ref, country, part.text, part.start_char, part.end_char, why=why
        )
        out.append(ActorMention(conj.start, conj.end, part.root.i, shared, "group"))
        prev = conj
        k += 1
    return out, k


def _coordinated_nationalities(
    doc: Doc, atoms: list[Atom], i: int
) -> tuple[list[ActorMention], int] | None:
    """Coordinated nationalities before one sector noun share it: "Hungarian and Romanian
    officials", "US and British troops" (each member gets its own mention)."""
    k = i
    while (
        k + 1 < len(atoms)
        and _nationality(atoms[k]) is not None
        and _nationality(atoms[k + 1]) is not None
        and _conj_gap(doc, atoms[k].end, atoms[k + 1].start)
    ):
        k += 1
    if k == i:
        return None
    shared = _nationality_sector(doc, atoms, k)
    if shared is None:
        return None
    mentions, nxt_i = shared
    noun_atom = atoms[k + 1]
    noun_cand = noun_atom.first("sector")
    assert noun_cand is not None and isinstance(noun_cand.ref, SectorNoun)
    noun_root = doc[noun_atom.end - 1]
    noun_text = doc[noun_atom.start : noun_atom.end].text
    earlier = []
    for j in range(i, k):
        nat = _nationality(atoms[j])
        assert nat is not None
        part = doc[atoms[j].start : atoms[j].end]
        if not _adjectival(atoms[j], part) or not _modifies(part.root, noun_root):
            return None  # "Egypt, Israel and Palestinian militants": Egypt is not a militant
        why = (
            f"'{part.text}' ({nat.code}) shares the sector noun '{noun_text}' "
            f"({'/'.join(noun_cand.ref.sectors) or 'no sector'}) with '{mentions[0].actor.text}'"
        )
        actor = _actors.sector_actor(
            noun_cand.ref, nat, part.text, part.start_char, part.end_char, why=why
        )
        earlier.append(ActorMention(part.start, part.end, part.root.i, actor, "group"))
    return earlier + mentions, nxt_i


def _adjectival(atom: Atom, span: Span) -> bool:
    """A nationality word that can modify a noun: a demonym ("Danish"), an acronym ("US",
    "U.K."), or an adjective; country names ("Chile") are left alone, parses of lists of
    countries being unreliable."""
    first = atom.first("country", "demonym")
    if first is not None and first.kind == "demonym":
        return True
    return span.text.replace(".", "").isupper() or span.root.pos_ == "ADJ"


def _modifies(tok: Token, head: Token) -> bool:
    """``head`` is among the first few syntactic heads of ``tok``."""
    for _ in range(4):
        if tok.head is tok:
            return False
        tok = tok.head
        if tok is head or tok.i == head.i:
            return True
    return False


def _nationals_serving(doc: Doc, atoms: list[Atom], i: int) -> ActorMention | None:
    """A nationality before an international organisation's forces: "Filipino UN troops",
    "Kenyan AU peacekeepers" are soldiers of their own country serving the organisation."""
    if i + 2 >= len(atoms):
        return None
    nat_atom, org_atom, noun_atom = atoms[i], atoms[i + 1], atoms[i + 2]
    parts = _serving_parts(nat_atom.first("country", "demonym"), org_atom, noun_atom)
    if parts is None:
        return None  # "UN troops", "AU peacekeepers" (peacekeepers are IGO alone, soldiers at home)
    if nat_atom.end != org_atom.start or org_atom.end != noun_atom.start or not _is_head(doc, noun_atom):
        return None
    return _serving_mention(doc, *parts, doc[nat_atom.start : noun_atom.end], noun_atom)


def _serving_from(doc: Doc, atoms: list[Atom], i: int) -> ActorMention | None:
    """The same soldiers named the other way round: "UN peacekeepers from the Philippines",
    "AU troops from Kenya" are their own country's military."""
    if i + 2 >= len(atoms):
        return None
    org_atom, noun_atom, home_atom = atoms[i], atoms[i + 1], atoms[i + 2]
    home = home_atom.first("country")
    parts = _serving_parts(home if home is not None and home_atom.cands[0] is home else None, org_atom, noun_atom)
    if parts is None:
        return None
    between = [t.lower_ for t in doc[noun_atom.end : home_atom.start]]
    if org_atom.end != noun_atom.start or between not in (["from"], ["from", "the"]):
        return None
    attached = doc[noun_atom.end].head
    if attached.i != noun_atom.end - 1 and attached.lemma_.lower() in _DEPARTURE_VERBS:
        return None  # "withdrew UN troops from Mali": the troops leave Mali
    if any(c.dep_ == "conj" for c in doc[home_atom.start : home_atom.end].root.children):
        return None  # "UN troops from Nepal and Ghana": each country (events stage)
    return _serving_mention(doc, *parts, doc[org_atom.start : home_atom.end], noun_atom)


def _serving_parts(home: Cand | None, org_atom: Atom, noun_atom: Atom) -> tuple[CountryEntry, ActorEntry] | None:
    """The home country and the organisation when ``org_atom`` + ``noun_atom`` name an IGO's forces."""
    org = org_atom.first("entry")
    noun = noun_atom.first("sector")
    if home is None or org is None or noun is None or noun_atom.cands[0] is not noun:
        return None
    assert isinstance(org.ref, ActorEntry) and isinstance(noun.ref, SectorNoun) and isinstance(home.ref, CountryEntry)
    if not (org.ref.code or "").startswith("IGO") or not {"MIL", "IGO"} & set(noun.ref.sectors):
        return None
    return home.ref, org.ref


def _serving_mention(doc: Doc, home: CountryEntry, org: ActorEntry, span: Span, noun_atom: Atom) -> ActorMention:
    actor = _actors.country_actor(
        home, span.text, span.start_char, span.end_char, sectors=("MIL",), resolution="sector-noun",
        why=f"'{span.text}': {home.iso3} soldiers serving {org.name} -> {home.iso3} MIL",
    )  # fmt: skip
    return ActorMention(span.start, span.end, doc[noun_atom.end - 1].i, actor, "group")


def _people_in_country(
    doc: Doc, atoms: list[Atom], i: int, civic: frozenset[str] = frozenset()
) -> tuple[ActorMention, int] | None:
    """A people named by where they live: "Kosovo Albanians", "Bosnian Serbs" are civilians of the
    first country, unless the second names the citizens of a country (``civic``: "Turkish
    Cypriots" live in Cyprus); "ethnic Albanians" are civilians of a country the context names, not of
    Albania (the country is left for the event's context to fill)."""
    atom = atoms[i]
    people = atom.first("people") or atom.first("demonym")
    if _ethnic(doc, atom) and people is not None and (atom.cands[0].kind == "people" or _one_of_a_people(doc[atom.start : atom.end])):
        span = doc[atom.start - 1 : atom.end]
        assert isinstance(people.ref, CountryEntry)
        actor = Actor(
            name=f"ethnic {people.ref.name} people", text=span.text, start=span.start_char, end=span.end_char,
            country=None, sectors=("CVL",), cameo_code="CVL", resolution="sector-noun",
            why=f"'{span.text}': civilians of the country they live in, which the context names "
            f"(not {people.ref.iso3})",
        )  # fmt: skip
        return ActorMention(span.start, span.end, span.root.i, actor, "group"), i + 1
    nat = _nationality(atom)
    if nat is None or i + 1 >= len(atoms):
        return None
    nxt = atoms[i + 1]
    kin = nxt.first("people")
    if kin is None or nxt.cands[0] is not kin or nxt.start != atom.end:
        return None
    assert isinstance(kin.ref, CountryEntry)
    if kin.ref.iso3 == nat.country:
        return None
    span = doc[atom.start : nxt.end]
    home = atom.first("country", "demonym")
    if home is None or not isinstance(home.ref, CountryEntry):
        return None
    if doc[nxt.end - 1].lower_ in civic:  # "Turkish Cypriots", "Arab Israelis": they live in Cyprus, Israel
        home, kin = kin, home
    actor = _actors.country_actor(
        home.ref, span.text, span.start_char, span.end_char, sectors=("CVL",), resolution="sector-noun",
        why=f"'{span.text}': {kin.ref.name} people living in {home.ref.name} -> civilians of {home.ref.iso3}",
    )  # fmt: skip
    return ActorMention(span.start, span.end, doc[nxt.end - 1].i, actor, "group"), i + 2


def _nationality_person(
    doc: Doc, atoms: list[Atom], i: int, when: dt.date | None
) -> tuple[ActorMention, int] | None:
    """A nationality right before a known person ("Jordan's King Abdullah II") joins the name."""
    if atoms[i].first("country", "demonym") is None or i + 1 >= len(atoms):
        return None
    nxt = atoms[i + 1]
    cand = nxt.first("entry")
    if (
        cand is None
        or not isinstance(cand.ref, ActorEntry)
        or _actors.kind_of(cand.ref) != "person"
    ):
        return None
    if not _gap_ok(doc, atoms[i].end, nxt.start, max_gap=0):
        return None
    span = doc[atoms[i].start : nxt.end]
    how = "name" if cand.resolution == "exact" else "alias"
    actor = _actors.entry_actor(
        cand.ref,
        span.text,
        span.start_char,
        span.end_char,
        when=when,
        resolution=cand.resolution,
        how=how,
        said=doc[nxt.start : nxt.end].text,
    )
    if actor is None:
        return None
    return ActorMention(
        span.start, span.end, doc[nxt.start : nxt.end].root.i, actor, "person"
    ), i + 2


def _organisation_members(
    doc: Doc, atoms: list[Atom], i: int, when: dt.date | None
) -> ActorMention | None:
    """An organisation name modifying a sector noun names its members: "Hamas fighters",
    "Taliban militants", "UN peacekeepers" take the organisation's code."""
    atom = atoms[i]
    cand = atom.first("entry")
    if cand is None or atom.cands[0] is not cand or i + 1 >= len(atoms):
        return None
    entry = cand.ref
    assert isinstance(entry, ActorEntry)
    if _actors.kind_of(entry) in ("person", "country") or _actors.is_nationality_entry(entry):
        return None
    nxt = atoms[i + 1]
    noun = nxt.first("sector")
    if noun is None or nxt.cands[0] is not noun or not _is_head(doc, nxt):
        return None
    if not _gap_ok(doc, atom.end, nxt.start, max_gap=1):
        return None
    org_span = doc[atom.start : atom.end]
    noun_root = doc[nxt.end - 1]
    if not _modifies(org_span.root, noun_root):
        return None
    assert isinstance(noun.ref, SectorNoun)
    span = doc[atom.start : nxt.end]
    how = "name" if cand.resolution == "exact" else "alias"
    actor = _actors.entry_actor(
        entry,
        span.text,
        span.start_char,
        span.end_char,
        when=when,
        resolution=cand.resolution,
        how=f"members ('{doc[nxt.start : nxt.end].text}') named by {how}",
        said=org_span.text,
    )
    if actor is None:
        return None
    return ActorMention(span.start, span.end, noun_root.i, actor, "organisation")


def _sector_in_country(doc: Doc, atoms: list[Atom], i: int) -> ActorMention | None:
    """A bare sector noun located by a country: "security forces in Iran", "police of Egypt",
    "peacekeepers from the Philippines"."""
    atom = atoms[i]
    cand = atom.first("sector")
    if cand is None or atom.cands[0].kind != "sector" or i + 1 >= len(atoms):
        return None
    nxt = atoms[i + 1]
    country = nxt.first("country")
    if country is None or nxt.cands[0].kind != "country":
        return None
    between = doc[atom.end : nxt.start]
    words = [t.lower_ for t in between]
    if words[1:] == ["the"]:
        words = words[:1]
    if len(words) != 1 or words[0] not in ("in", "of", "from") or not _is_head(doc, atom):
        return None
    if words[0] == "from" and between[0].head.i != atom.end - 1:
        return None  # "withdrew troops from Syria": the troops leave Syria, they are not Syria's
    if any(c.dep_ == "conj" for c in doc[nxt.start : nxt.end].root.children):
        return None  # "diplomats from the US, Russia and Switzerland": each country (events stage)
    assert isinstance(cand.ref, SectorNoun) and isinstance(country.ref, CountryEntry)
    span = doc[atom.start : nxt.end]
    nat = _actors.Nationality.of(country.ref)
    why = (
        f"sector noun '{doc[atom.start : atom.end].text}' ({'/'.join(cand.ref.sectors) or 'no sector'})"
        f" + '{between.text} {doc[nxt.start : nxt.end].text}' ({nat.code})"
    )
    actor = _actors.sector_actor(cand.ref, nat, span.text, span.start_char, span.end_char, why=why)
    return ActorMention(span.start, span.end, doc[atom.start : atom.end].root.i, actor, "group")


def _single(
    doc: Doc, atom: Atom, when: dt.date | None, act_nouns: frozenset[str] = frozenset()
) -> ActorMention | None:
    span = doc[atom.start : atom.end]
    for cand in atom.cands:
        if cand.kind == "region" or (cand.kind == "seat" and _after_place_prep(span)):
            assert isinstance(cand.ref, CountryEntry)
            place = Actor(
                name=span.text,
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                country=cand.ref.iso3,
                cameo_code=cand.ref.iso3,
                resolution="place",
                why=f"'{span.text}' is a place in {cand.ref.iso3}"
                + (f" (after '{span.root.head.text}')" if cand.kind == "seat" else " (region)"),
            )
            return ActorMention(atom.start, atom.end, span.root.i, place, "place")
        if cand.kind == "sector" and (not _is_head(doc, atom, act_nouns) or _in_longer_name(doc, span)):
            continue  # "refugee camp", "Bank of England": not a sector actor
        if cand.kind == "demonym" and _one_of_a_people(span):
            cand = replace(cand, kind="people")  # "a Palestinian was killed": a person, a civilian
        actor = _actors.from_cand(cand, span.text, span.start_char, span.end_char, when=when)
        if actor is None:
            continue
        return ActorMention(atom.start, atom.end, span.root.i, actor, _mention_kind(cand))
    return None


def _ethnic(doc: Doc, atom: Atom) -> bool:
    """The nationality word follows "ethnic": it names an ethnicity, not a country."""
    return atom.start > 0 and doc[atom.start - 1].lower_ == "ethnic"


def _one_of_a_people(span: Span) -> bool:
    """A demonym used as a noun for one person or a counted few: "a Palestinian", "two Israelis"
    (not the modifier in "an Israeli raid")."""
    last = span[-1]
    if last.dep_ in ("amod", "compound", "nmod", "poss") or last.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(
        (c.dep_ == "det" and c.lower_ in ("a", "an", "another")) or c.dep_ == "nummod"
        for c in last.children
    )


# -- helpers ----------------------------------------------------------------------------------
def _nationality(atom: Atom) -> _actors.Nationality | None:
    """A country, demonym, capital ("a Cairo court", "Kabul police") or country-like dictionary
    entry that can modify a sector noun."""
    for c in atom.cands:
        if c.kind in ("country", "demonym", "seat"):
            assert isinstance(c.ref, CountryEntry)
            return _actors.Nationality.of(c.ref)
        if (
            c.kind == "entry"
            and isinstance(c.ref, ActorEntry)
            and _actors.is_nationality_entry(c.ref)
        ):
            return _actors.Nationality.of(c.ref)
        if c.kind == "entry":
            return None
    return None


def _mention_kind(cand: Cand) -> str:
    if cand.kind == "entry":
        assert isinstance(cand.ref, ActorEntry)
        return _actors.kind_of(cand.ref)
    if cand.kind in ("country", "seat", "demonym"):
        return "country"
    return "group"


def _gap_ok(doc: Doc, start: int, end: int, *, max_gap: int) -> bool:
    """Tokens between a nationality and what it modifies: a possessive, then a few modifiers."""
    if end < start:
        return False
    gap = list(doc[start:end])
    if gap and gap[0].tag_ == "POS":
        gap = gap[1:]
    if len(gap) > max_gap or doc[end].is_sent_start and end != start:
        return False
    for tok in gap:
        if tok.is_sent_start:
            return False
        if tok.pos_ in _GAP_POS or tok.text == "-" or tok.tag_ in ("VBN", "VBG"):
            continue
        return False
    return True


def _conj_gap(doc: Doc, start: int, end: int) -> bool:
    gap = doc[start:end]
    return 1 <= len(gap) <= 2 and all(t.lower_ in _CONJ_WORDS for t in gap)


def _is_head(doc: Doc, atom: Atom, act_nouns: frozenset[str] = frozenset()) -> bool:
    """The sector noun heads its phrase: "police" in "police station" does not. Before a noun of
    an act ("police crackdown", "army offensive") it names who acts, so it counts as a head."""
    last = doc[atom.end - 1]
    if last.dep_ == "compound" and last.head.i > last.i:
        return last.head.lemma_.lower() in act_nouns or last.head.lower_ in act_nouns
    return True


def _may_hold_title(cand: Cand) -> bool:
    """A name that a title may introduce: a person, or any imported dictionary name (PETRARCH
    dictionaries do not say which entries are people: "Prime Minister Romendacil")."""
    if cand.kind != "entry" or not isinstance(cand.ref, ActorEntry):
        return False
    return cand.ref.imported or _actors.kind_of(cand.ref) == "person"


def _with_title_sectors(actor: Actor, title: Title, title_text: str) -> Actor:
    """A name coded with a country only takes the sectors of the title before it."""
    code = build_code(actor.cameo_code, title.sectors)
    return replace(
        actor,
        sectors=title.sectors,
        cameo_code=code,
        why=f"{actor.why}; sector {'/'.join(title.sectors)} from the title '{title_text}'",
    )


def _in_longer_name(doc: Doc, span: Span) -> bool:
    """The span is part of a named entity longer than itself ("Police" in "Police Academy";
    not "Congress" named alone)."""
    if not span[-1].ent_type_:
        return False
    starts_inside = span[0].ent_iob_ == "I" and doc[span.start - 1].lower_ != "the"
    return starts_inside or (span.end < len(doc) and doc[span.end].ent_iob_ == "I")


def _former(doc: Doc, start: int) -> bool:
    """The title starting at ``start`` is a past one: "former", "ex-", "the late"."""
    before = doc[max(0, start - 2) : start]
    return any(t.lower_ in _FORMER_WORDS for t in before)


def _after_place_prep(span: Span) -> bool:
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS
