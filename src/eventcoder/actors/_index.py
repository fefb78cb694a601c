"""The surface index: every phrase the knowledge base knows, with what it may mean.

Built once per :class:`~eventcoder.actors.resolver.ActorResolver`: phrases are tokenised with
the pipeline's tokenizer and loaded into two spaCy PhraseMatchers, one on ``LOWER`` (names,
nouns) and one on ``ORTH`` (short all-caps acronyms such as "PA", "IS", "US").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher

from eventcoder.actors.kb import ActorEntry, ActorKB, AnaphorRule, CountryEntry, SectorNoun, Title
from eventcoder.errors import ActorKBError

__all__ = ["Cand", "SurfaceIndex", "name_variants"]

#: Candidate kinds, strongest first: when one atom could be several things, the earlier wins.
KIND_ORDER = (
    "anaphor",
    "entry",
    "country",
    "seat",
    "region",
    "people",
    "demonym",
    "title",
    "sector",
)


@dataclass(frozen=True, slots=True)
class Cand:
    """One meaning of a matched phrase."""

    kind: str  # one of KIND_ORDER
    ref: ActorEntry | CountryEntry | SectorNoun | Title | AnaphorRule
    resolution: str  # "exact" or "alias"
    proper: bool  # the text must not be all lower case (names, not common nouns)
    rank: int = 1  # imported dictionary entries rank 2 and win over the built-in base
    sectors: tuple[str, ...] = ()  # for seats: the sector the seat stands for


def _surname(entry: ActorEntry) -> str | None:
    """The family name of a built-in person without listed short names ("John Kerry" -> "Kerry")."""
    if entry.imported or entry.kind != "person" or entry.short:
        return None
    words = entry.name.split()
    if len(words) < 2:
        return None
    last = words[-1].strip(".,")
    if len(last) < 4 or not last[0].isupper() or not last[1:].islower():
        return None  # "II", "Jr.", initials
    return last


@cache
def _spellings() -> dict[str, str]:
    """British <-> American spellings from ``data/actors/spelling.yaml`` (both directions)."""
    where = "eventcoder/data/actors/spelling.yaml"
    text = resources.files("eventcoder.data.actors").joinpath("spelling.yaml").read_text("utf-8")
    pairs = yaml.safe_load(text) or []
    out: dict[str, str] = {}
    for n, pair in enumerate(pairs, start=1):
        if not (
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(w, str) for w in pair)
        ):
            raise ActorKBError(f"item {n} is {pair!r}; write [british, american]", path=where)
        gb, us = pair[0].lower(), pair[1].lower()
        out[gb], out[us] = us, gb
    return out


def _respelled(name: str) -> str | None:
    """``name`` with every British/American word swapped (case kept), or None if none is."""
    table = _spellings()
    words = name.split(" ")
    changed = False
    for i, word in enumerate(words):
        other = table.get(word.lower())
        if other is None:
            continue
        changed = True
        words[i] = other.capitalize() if word[:1].isupper() else other
    return " ".join(words) if changed else None


def name_variants(name: str, *, respell: bool = True) -> list[str]:
    """The name plus spelling variants: hyphen/space, curly/straight apostrophe, PETRARCH ``_``,
    and (with ``respell``) British/American spelling ("Labour"/"Labor")."""
    base = " ".join(name.replace("_", " ").split())
    out = [base]
    other = _respelled(base) if respell else None
    if other is not None:
        out.append(other)
    for v in list(out):
        if "-" in v:
            out.append(v.replace("-", " "))
    for v in list(out):
        if "'" in v:
            out.append(v.replace("'", "\u2019"))
        if "\u2019" in v:
            out.append(v.replace("\u2019", "'"))
    return list(dict.fromkeys(v for v in out if v))


class SurfaceIndex:
    """Phrase -> candidate meanings, and the matchers that find the phrases in a Doc."""

    def __init__(self, kb: ActorKB, nlp: Language):
        self._lower: dict[str, list[Cand]] = defaultdict(list)
        self._exact: dict[str, list[Cand]] = defaultdict(list)
        self._tokenizer = nlp.tokenizer
        self._respellings: list[tuple[str, Cand, bool]] = []
        self._add_kb(kb)
        self._put_respellings()
        self.lower_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._fill(self.lower_matcher, self._lower, lower=True)
        self._fill(self.exact_matcher, self._exact, lower=False)

    # -- lookups ------------------------------------------------------------------------------
    def lower_cands(self, key: str) -> list[Cand]:
        return self._lower.get(key, [])

    def exact_cands(self, key: str) -> list[Cand]:
        return self._exact.get(key, [])

    def key_of(self, text: str, *, lower: bool = True) -> str:
        """The index key of a phrase: its tokens joined by single spaces (lower-cased)."""
        words = [t.text for t in self._tokenizer(text) if not t.is_space]
        key = " ".join(words)
        return key.lower() if lower else key

    # -- building -----------------------------------------------------------------------------
    def _put(self, phrase: str, cand: Cand, *, exact: bool = False) -> None:
        for variant in name_variants(phrase, respell=False):
            if exact:
                self._exact[variant].append(cand)
            else:
                self._lower[variant.lower()].append(cand)
        other = _respelled(" ".join(phrase.replace("_", " ").split()))
        if other is not None:
            self._respellings.append((other, cand, exact))

    def _put_respellings(self) -> None:
        """Other-spelling variants, only where no phrase is spelt that way already ("Labor
        Party" must not take over a party really called so)."""
        taken_lower, taken_exact = set(self._lower), set(self._exact)
        for phrase, cand, exact in self._respellings:
            for variant in name_variants(phrase, respell=False):
                if exact and variant not in taken_exact:
                    self._exact[variant].append(cand)
                elif not exact and variant.lower() not in taken_lower:
                    self._lower[variant.lower()].append(cand)
        self._respellings.clear()

    def _add_kb(self, kb: ActorKB) -> None:
        for entry in kb.entries:
            rank = 2 if entry.imported else 1
            for i, name in enumerate(entry.names):
                resolution = "exact" if i == 0 else "alias"
                if entry.imported and _is_acronym_like(name):
                    word = name.replace("_", " ").strip()
                    for form in {word.upper(), word.title()}:
                        self._put(form, Cand("entry", entry, resolution, True, rank), exact=True)
                else:
                    self._put(name, Cand("entry", entry, resolution, True, rank))
            for name in entry.short:
                self._put(name, Cand("entry", entry, "alias", True, rank))
            surname = _surname(entry)
            if surname is not None:
                # a person's family name alone ("Kerry said"), weakest of all readings; the
                # resolver keeps it only where spaCy sees a person and the name is not ambiguous
                self._put(surname, Cand("entry", entry, "surname", True, 0), exact=True)
            for name in entry.acronyms:
                self._put(name, Cand("entry", entry, "alias", True, rank), exact=True)
        for c in kb.countries:
            for i, name in enumerate(c.names):
                self._put(name, Cand("country", c, "exact" if i == 0 else "alias", True))
            for name in c.acronyms:
                self._put(name, Cand("country", c, "alias", True), exact=True)
            for name in c.demonyms:
                self._put(name, Cand("demonym", c, "alias", True))
            for name in c.people:
                self._put(name, Cand("people", c, "alias", True))
            for name, sectors in c.seats:
                self._put(name, Cand("seat", c, "alias", True, sectors=sectors))
            for name in c.regions:
                self._put(name, Cand("region", c, "alias", True))
        for noun in kb.sector_nouns:
            rank = 2 if noun.imported else 1
            self._put(noun.phrase, Cand("sector", noun, "exact", False, rank))
        for title in kb.titles:
            self._put(title.phrase, Cand("title", title, "exact", False))
        for rule in kb.anaphora:
            for phrase in rule.phrases:
                self._put(phrase, Cand("anaphor", rule, "exact", False))

    def _fill(self, matcher: PhraseMatcher, table: dict[str, list[Cand]], *, lower: bool) -> None:
        phrases = list(table)
        docs = list(self._tokenizer.pipe(phrases, batch_size=2000))  # type: ignore[union-attr]
        rekeyed: dict[str, list[Cand]] = {}
        for phrase, doc in zip(phrases, docs, strict=True):
            if len(doc) == 0:
                continue
            key = " ".join(t.text for t in doc if not t.is_space)
            key = key.lower() if lower else key
            if key in rekeyed:
                rekeyed[key].extend(table[phrase])
                continue
            rekeyed[key] = list(table[phrase])
            matcher.add(key, [doc])
        table.clear()
        table.update(rekeyed)


def _is_acronym_like(name: str) -> bool:
    """Imported one-word names of up to three letters ("UN_", "USA") match case-sensitively."""
    word = name.replace("_", " ").strip()
    return " " not in word and len(word.replace(".", "")) <= 3
