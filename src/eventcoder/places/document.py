"""The places of one parsed document, and the location of each event in it.

Example:
    >>> places = DocumentPlaces.from_doc(doc, Gazetteer.default())
    >>> places.locate_event(trigger_token)
    Location(extracted_place='Jenin', resolved_place='Janīn', ..., resolution='exact')
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from eventcoder.nlp import sentence_entities
from eventcoder.places.disambiguation import Resolution, resolve_mentions
from eventcoder.places.gazetteer import Gazetteer, Place
from eventcoder.places.mentions import PlaceMention, find_mentions
from eventcoder.places.wordlists import demonyms, locative_prepositions
from eventcoder.records import Location

__all__ = ["DocumentPlaces"]

# "CAIRO (Reuters) -", "JENIN, West Bank —", "GAZA CITY:": an upper-case place name opening the text.
_DATELINE = re.compile(
    r"^\s*(?P<town>[A-Z][A-Z.'’ -]{1,40}?[A-Z.])(?:\s*,\s*(?P<region>[A-Z][A-Za-z.'’ -]{1,40}?))?"
    r"\s*(?:\([^)\n]{1,40}\))?\s*(?:--|[-–—:])\s"
)
_NOUNS = ("NOUN", "PROPN")
_MODIFIER_DEPS = ("compound", "nmod", "npadvmod", "amod")
_LIGHT_VERB_DEPS = ("nsubj", "nsubjpass", "dobj", "attr")


class DocumentPlaces:
    """All place mentions of one document, each read as one gazetteer place."""

    def __init__(
        self,
        doc: Doc,
        mentions: Sequence[PlaceMention],
        resolutions: Sequence[Resolution],
        *,
        dateline: tuple[PlaceMention, Resolution] | None,
        nationalities: Counter[str],
        gazetteer: Gazetteer,
    ):
        self.doc = doc
        self.mentions = tuple(mentions)
        self.resolutions = tuple(resolutions)
        self.dateline = dateline
        self.nationalities = nationalities
        self.gazetteer = gazetteer
        self.main = self._main_place()
        # Token.sent scans the document on every call; look sentences up by token index instead.
        self._sents = list(doc.sents)
        self._index_of = {id(m): i for i, m in enumerate(self.mentions)}
        self._starts = [m.token_start for m in self.mentions]  # mentions are in text order
        self._by_token: dict[int, list[int]] = {}
        for index, mention in enumerate(self.mentions):
            for i in range(mention.token_start, mention.token_end):
                self._by_token.setdefault(i, []).append(index)
        self._sent_starts = [s.start for s in self._sents]

    def _sentence(self, token: Token) -> Span:
        return self._sents[bisect.bisect_right(self._sent_starts, token.i) - 1]

    @classmethod
    def from_doc(
        cls, doc: Doc, gazetteer: Gazetteer, *, dateline: str | None = None
    ) -> DocumentPlaces:
        """Find and resolve the place mentions of ``doc``.

        ``dateline`` is the article's dateline ("JENIN, West Bank"); when None, an upper-case place
        name opening the text is taken as one.
        """
        mentions = find_mentions(doc, gazetteer)
        text = doc.text  # Doc.text joins every token: build it once
        nationalities: Counter[str] = Counter()
        table = demonyms()
        for ent in doc.ents:
            if ent.label_ == "NORP":
                code = table.get(ent.text.lower()) or table.get(ent.root.text.lower())
                if code:
                    nationalities[code] += 1
        dateline_mentions = _dateline_mentions(text, dateline, gazetteer)
        extra: dict[str, float] = {code: 0.5 * n for code, n in nationalities.items()}
        if dateline_mentions:
            head = resolve_mentions(dateline_mentions, text=text, extra_countries=extra)
            if head[0].place is not None and head[0].place.country_code:
                code = head[0].place.country_code
                extra[code] = extra.get(code, 0.0) + 2
        resolutions = resolve_mentions(mentions, text=text, extra_countries=extra)
        line: tuple[PlaceMention, Resolution] | None = None
        if dateline_mentions:
            head = resolve_mentions(dateline_mentions, text=text, extra_countries=extra)
            if head[0].place is not None:
                line = (dateline_mentions[0], head[0])
        return cls(
            doc,
            mentions,
            resolutions,
            dateline=line,
            nationalities=nationalities,
            gazetteer=gazetteer,
        )

    # -- event location ---------------------------------------------------------------------
    def locate_event(self, trigger: Token, *, arg_tokens: Sequence[Token] = ()) -> Location | None:
        """Where the event of ``trigger`` happened, or None when the document names no usable place.

        Levels: a place attached to the trigger in the parse or named as its source/target
        (``arg_tokens``) is "exact"; else the nearest place in the sentence is "sentence"; else the
        dateline or the article's main place is "document"; else a nationality word gives "country".
        An attached place the gazetteer does not know gives a Location without coordinates.
        """
        exact = self._attached(trigger, arg_tokens)
        if exact is not None:
            return exact
        near = self._in_sentence(trigger, arg_tokens)
        if near is not None:
            return near
        if self.dateline is not None:
            mention, res = self.dateline
            return self._location(
                mention, res.place, "document", f"the article's dateline; {res.why}"
            )
        if self.main is not None:
            mention, place, why = self.main
            return self._location(mention, place, "document", why)
        return self._nationality(trigger)

    def _attached(self, trigger: Token, arg_tokens: Sequence[Token]) -> Location | None:
        found: list[tuple[int, int, int, PlaceMention, Place | None, str]] = []
        preps = locative_prepositions()
        actors = {t.i for t in arg_tokens}
        for hop, token, how in _attached_tokens(trigger):
            for index in self._mention_indices(token):
                mention, place = self.mentions[index], self.resolutions[index].place
                if place is None and not mention.strong:
                    prep = token.head if token.dep_ == "pobj" else None
                    if prep is None or prep.lower_ not in preps.unknown_names:
                        continue
                    if any(mention.covers(i) for i in actors):
                        continue  # the event's actor, not its place
                rank = (hop, place is None, bool(place and place.is_country))
                found.append((*_int(rank), mention, place, how.format(place=mention.text)))
        for token in arg_tokens:
            for index in self._mention_indices(token, modifiers=False):
                place = self.resolutions[index].place
                if place is not None:
                    found.append(
                        (
                            1,
                            0,
                            int(place.is_country),
                            self.mentions[index],
                            place,
                            "the event's actor is this place",
                        )
                    )
        if not found:
            return None
        found.sort(
            key=lambda item: (item[0], item[1], item[2], abs(item[3].token_start - trigger.i))
        )
        _, _, _, mention, place, how = found[0]
        if place is None:
            return self._location(mention, None, "exact", f"{how}; not in the gazetteer")
        index = self._index_of[id(mention)]
        return self._location(mention, place, "exact", f"{how}; {self.resolutions[index].why}")

    def _in_sentence(self, trigger: Token, arg_tokens: Sequence[Token]) -> Location | None:
        """The place of the sentence nearest the trigger in the parse; known places before unknown."""
        sent = self._sentence(trigger)
        actors = {t.i for t in arg_tokens}
        best: tuple[tuple[int, int, int, int], int] | None = None
        lo = bisect.bisect_left(self._starts, sent.start)
        hi = bisect.bisect_left(self._starts, sent.end)
        for index in range(lo, hi):
            mention = self.mentions[index]
            place = self.resolutions[index].place
            if place is None and (mention.label == "FAC" or any(mention.covers(i) for i in actors)):
                continue  # an unknown building, or the event's actor
            first = self.doc[mention.token_start]
            if not mention.strong and not _after_locative(first, unknown=place is None):
                continue
            head = self.doc[mention.token_start : mention.token_end].root
            key = (
                int(place is None),
                int(place is not None and place.is_country),
                _tree_distance(head, trigger),
                abs(mention.token_start - trigger.i),
            )
            if best is None or key < best[0]:
                best = (key, index)
        if best is None:
            return None
        index = best[1]
        mention, res = self.mentions[index], self.resolutions[index]
        if res.place is None:
            why = "named in the event's sentence; not in the gazetteer"
        else:
            why = f"named in the event's sentence; {res.why}"
        return self._location(mention, res.place, "sentence", why)

    def _nationality(self, trigger: Token) -> Location | None:
        table = demonyms()
        local = Counter(
            table[ent.text.lower()]
            for ent in sentence_entities(self._sentence(trigger))
            if ent.label_ == "NORP" and ent.text.lower() in table
        )
        source = local or self.nationalities
        if not source:
            return None
        code, _ = source.most_common(1)[0]
        country = self.gazetteer.country(code)
        if country is None:
            return None
        where = "the sentence" if local else "the article"
        return Location(
            extracted_place=country.name,
            resolved_place=country.name,
            geonameid=country.geonameid,
            lat=country.lat,
            lon=country.lon,
            admin1=None,
            country_code=country.country_code,
            feature_class=country.feature_class,
            resolution="country",
            start=None,
            end=None,
            why=f"no place named; nationality words in {where} point to {code}",
        )

    # -- helpers ----------------------------------------------------------------------------
    def _mention_indices(self, token: Token, *, modifiers: bool = True) -> Iterator[int]:
        positions = {token.i}
        if modifiers:
            positions.update(c.i for c in token.children if c.dep_ in ("compound", "nmod", "poss"))
        found = sorted({i for p in positions for i in self._by_token.get(p, ())})
        yield from found

    def _location(
        self, mention: PlaceMention, place: Place | None, level: str, why: str
    ) -> Location:
        start: int | None = mention.start if mention.start >= 0 else None
        end: int | None = mention.end if mention.start >= 0 else None
        return Location(
            extracted_place=mention.text,
            resolved_place=place.name if place else None,
            geonameid=place.geonameid if place else None,
            lat=place.lat if place else None,
            lon=place.lon if place else None,
            admin1=place.admin1 if place else None,
            country_code=place.country_code if place else None,
            feature_class=place.feature_class if place else None,
            resolution=level,
            start=start,
            end=end,
            why=why,
        )

    def _main_place(self) -> tuple[PlaceMention, Place, str] | None:
        """The country the article names most, or its most-named town or region there."""
        countries: Counter[str] = Counter()
        places: Counter[Place] = Counter()
        first: dict[Place, PlaceMention] = {}
        for mention, res in zip(self.mentions, self.resolutions, strict=True):
            if not mention.strong or res.place is None or not res.place.country_code:
                continue
            countries[res.place.country_code] += 1
            places[res.place] += 1
            first.setdefault(res.place, mention)
        if not countries:
            return None
        order = {p.country_code: first[p].token_start for p in reversed(list(first))}
        code = max(countries, key=lambda c: (countries[c], -order.get(c, 0)))
        inside = [(n, p) for p, n in places.items() if p.country_code == code and not p.is_country]
        if inside:
            n, place = max(inside, key=lambda item: (item[0], -first[item[1]].token_start))
            if 2 * n >= countries[code]:
                return first[place], place, f"the article's main place (named {n} times)"
        country = next((p for p in places if p.is_country and p.country_code == code), None)
        if country is None:
            country = self.gazetteer.country(code)
            if country is None:
                return None
            mention = next(
                m
                for m, r in zip(self.mentions, self.resolutions, strict=True)
                if r.place and r.place.country_code == code
            )
            return (
                mention,
                country,
                f"the article's main country ({countries[code]} place names in {code})",
            )
        return (
            first[country],
            country,
            f"the article's main country ({countries[code]} place names in {code})",
        )


def _int(rank: tuple[int, bool, bool]) -> tuple[int, int, int]:
    return rank[0], int(rank[1]), int(rank[2])


def _attached_tokens(trigger: Token) -> Iterator[tuple[int, Token, str]]:
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
    for start in starts:
        after_noun = start.pos_ in _NOUNS
        for child in start.children:
            if child.i == trigger.i:
                continue
            if child.dep_ == "prep" and preps.allows(child.text, hop=1, after_noun=after_noun):
                for obj in _objects(child):
                    yield 1, obj, f"'{child.text} {{place}}' attached to '{trigger.text}'"
                    for inner in obj.children:
                        if inner.dep_ == "prep" and preps.allows(
                            inner.text, hop=2, after_noun=True
                        ):
                            for obj2 in _objects(inner):
                                yield (
                                    2,
                                    obj2,
                                    f"'{inner.text} {{place}}' attached to '{trigger.text}'",
                                )
            elif start is trigger and child.dep_ in _MODIFIER_DEPS and after_noun:
                yield 1, child, f"'{{place}}' modifies '{trigger.text}'"
            elif start is trigger and child.dep_ == "dobj" and not after_noun:
                yield 3, child, f"'{{place}}' is the object of '{trigger.text}'"
                for inner in child.children:  # "attacked a checkpoint in Jenin"
                    if inner.dep_ == "prep" and preps.allows(inner.text, hop=2, after_noun=True):
                        for obj in _objects(inner):
                            yield (
                                2,
                                obj,
                                f"'{inner.text} {{place}}' attached to the object of '{trigger.text}'",
                            )


def _tree_distance(a: Token, b: Token) -> int:
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


def _objects(prep: Token) -> Iterator[Token]:
    for obj in prep.children:
        if obj.dep_ == "pobj":
            yield obj
            yield from (c for c in obj.children if c.dep_ == "conj")


def _after_locative(token: Token, *, unknown: bool = False) -> bool:
    """True when the name is the object of a place preposition ("in Jenin")."""
    preps = locative_prepositions()
    head = token
    while head.dep_ in ("compound", "conj") and head.head.i != head.i:
        head = head.head
    if head.dep_ != "pobj":
        return False
    if unknown:
        return head.head.lower_ in preps.unknown_names
    return preps.allows(head.head.text, hop=1, after_noun=False)


def _dateline_mentions(text: str, dateline: str | None, gazetteer: Gazetteer) -> list[PlaceMention]:
    """The dateline's town (and region) as mentions; offsets are -1 when it is not in the text."""
    parts: list[tuple[str, int]] = []
    if dateline is not None:
        offset = text.find(dateline, 0, 500)
        for piece in re.finditer(r"[^,]+", dateline):
            name = piece.group().strip()
            lead = len(piece.group()) - len(piece.group().lstrip())
            parts.append((name, offset + piece.start() + lead if offset >= 0 else -1))
    else:
        match = _DATELINE.match(text)
        if match is None:
            return []
        parts.append((match.group("town").strip(), match.start("town")))
        if match.group("region"):
            parts.append((match.group("region").strip(), match.start("region")))
    mentions: list[PlaceMention] = []
    for name, start in parts[:2]:
        matches = gazetteer.lookup(name) or gazetteer.lookup(name.title())
        if not matches:
            break
        end = start + len(name) if start >= 0 else -1
        mentions.append(PlaceMention(name, start, end, -1, -1, "DATELINE", True, matches))
    return mentions
