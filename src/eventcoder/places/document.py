"""The places of one parsed document, and the location of each event in it.

Document-level fallback: an event whose sentence names no usable place takes the article's dateline
(given, or an upper-case place opening the text) at any length, but the article's main place only
when the text has at least two sentences. A lone sentence is not an article: its "main place" is just
a name in the event's own sentence that the sentence-level rules already turned down (a modifier of
an actor, "US soldiers"), and reusing it would place events the text does not place.

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
from eventcoder.places.attachment import (
    after_locative,
    attached_tokens,
    in_another_clause,
    is_origin,
    is_subject,
    modifies_a_non_place,
    prep_objects,
    tree_distance,
)
from eventcoder.places.disambiguation import Resolution, resolve_mentions
from eventcoder.places.gazetteer import Gazetteer, Place
from eventcoder.places.mentions import ALIAS_LABEL, BORDER_LABEL, PlaceMention, find_mentions
from eventcoder.places.slots import (
    feature_phrase,
    feature_scale,
    hung_under_place,
    is_reference_point,
    names_a_feature,
)
from eventcoder.places.wordlists import (
    demonyms,
    locative_prepositions,
    place_object_verbs,
)
from eventcoder.records import Location

__all__ = ["DocumentPlaces"]

# "CAIRO (Reuters) -", "JENIN, West Bank —", "GAZA CITY:": an upper-case place name opening the text.
_DATELINE = re.compile(
    r"^\s*(?P<town>[A-Z][A-Z.'’ -]{1,40}?[A-Z.])(?:\s*,\s*(?P<region>[A-Z][A-Za-z.'’ -]{1,40}?))?"
    r"\s*(?:\([^)\n]{1,40}\))?\s*(?:--|[-–—:])\s"
)
_ACRONYM = re.compile(r"[A-Z][A-Z.&]{0,5}")
_SPECIFICITY = {"city": 0, "admin1": 1, "region": 2, "water": 2, "country": 3}
#: The article's main place stands for an event only in a text of at least this many sentences.
_MIN_SENTENCES_FOR_MAIN_PLACE = 2


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
        self._n_sentences = sum(1 for s in self._sents if not s.text.isspace() and len(s) > 0)

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

        Levels: a place attached to the trigger in the parse, or named as its target (``arg_tokens``),
        is "exact"; else a place of the event's sentence is "sentence"; else the dateline or the
        article's main place is "document" (see the module docstring); else a nationality word gives
        "country". Among the places of one level the most specific wins: a town or a name the
        gazetteer lacks before a province, a region, then a country; a reference point ("north of X")
        or a container ("the village of A in the countryside of B": B) only when nothing else is left.
        An attached place the gazetteer does not know gives a Location without coordinates.
        """
        best = self._best_in_sentence(trigger, arg_tokens)
        if best is not None:
            return best
        if self.dateline is not None:
            mention, res = self.dateline
            return self._location(
                mention, res.place, "document", f"the article's dateline; {res.why}"
            )
        if self.main is not None and self._n_sentences >= _MIN_SENTENCES_FOR_MAIN_PLACE:
            mention, place, why = self.main
            return self._location(mention, place, "document", why)
        return self._nationality(trigger)

    def _best_in_sentence(self, trigger: Token, arg_tokens: Sequence[Token]) -> Location | None:
        sent = self._sentence(trigger)
        lo = bisect.bisect_left(self._starts, sent.start)
        hi = bisect.bisect_left(self._starts, sent.end)
        if lo == hi:
            return None
        doc = self.doc
        subjects = {t.i for t in arg_tokens if is_subject(t, trigger)}
        subjects.update(c.i for c in trigger.children if c.dep_ in ("nsubj", "agent"))
        objects = {t.i for t in arg_tokens} - subjects
        attached: dict[int, tuple[int, str]] = {}
        for hop, token, how in attached_tokens(trigger):
            for index in self._mention_indices(token):
                if index not in attached or hop < attached[index][0]:
                    attached[index] = (hop, how.format(place=self.mentions[index].text))
        usable: dict[int, Token] = {}
        for index in range(lo, hi):
            mention, place = self.mentions[index], self.resolutions[index].place
            root = doc[mention.token_start : mention.token_end].root
            actor = any(mention.covers(i) for i in subjects | objects)
            if not self._usable(
                mention, place, root, trigger, attached=index in attached, actor=actor
            ):
                continue
            usable[index] = root
        if not usable:
            return None
        place_tokens = {
            i
            for index in usable
            for i in range(self.mentions[index].token_start, self.mentions[index].token_end)
        }
        best: tuple[tuple[int, ...], int, str, str] | None = None
        for index, root in usable.items():
            mention, place = self.mentions[index], self.resolutions[index].place
            if place is not None and place.is_country and modifies_a_non_place(root, place_tokens):
                continue  # "US soldiers", "Iraq's oil terminal": whose, not where
            if any(mention.covers(i) for i in subjects):
                tier, level, how = 2, "sentence", "the place is the event's actor"
            elif index in attached:
                tier, level, how = 0, "exact", attached[index][1]
            elif any(mention.covers(i) for i in objects):
                tier, level, how = 0, "exact", "the event's target is this place"
            else:
                tier, level, how = 1, "sentence", "named in the event's sentence"
            others = place_tokens.difference(range(mention.token_start, mention.token_end))
            demoted = is_reference_point(root) or hung_under_place(root, others) or is_origin(root)
            key = (
                tier,
                int(tier == 1 and in_another_clause(root, trigger)),
                int(demoted),
                _specificity(place, root),
                attached[index][0] if index in attached else 9,
                tree_distance(feature_phrase(root), trigger),
                abs(mention.token_start - trigger.i),
            )
            if best is None or key < best[0]:
                best = (key, index, level, how)
        if best is None:
            return None
        _, index, level, how = best
        mention, res = self.mentions[index], self.resolutions[index]
        if res.place is None:
            return self._location(mention, None, level, f"{how}; not in the gazetteer")
        return self._location(mention, res.place, level, f"{how}; {res.why}")

    def _usable(
        self,
        mention: PlaceMention,
        place: Place | None,
        root: Token,
        trigger: Token,
        *,
        attached: bool,
        actor: bool,
    ) -> bool:
        """Whether a mention of the event's sentence may be its place at all.

        A known place may be, except a weak mention (a name spaCy did not tag as a place) outside a
        place slot. A name the gazetteer lacks must sit in a place slot: beside a place noun ("Rawiya
        village"), after a place preposition ("in Rumaila"), or as the object of a verb whose object
        is a place ("captured Badme"); and it must look like a name (capitals, not an acronym).
        """
        first = self.doc[mention.token_start]
        slot = (
            names_a_feature(root) is not None
            or names_a_feature(first) is not None
            or mention.label == BORDER_LABEL
        )
        if place is not None:
            return mention.strong or attached or slot or after_locative(first)
        if not any(c.isupper() for c in mention.text):
            return False  # "eastern coast": a description, not a name
        if _ACRONYM.fullmatch(mention.text):
            return False  # "UN", "MFO": an organisation, not a place the gazetteer lacks
        if slot:
            return True
        if (
            root.dep_ == "dobj"
            and root.head.i == trigger.i
            and trigger.lemma_.lower() in place_object_verbs()
            and root.ent_type_ not in ("PERSON", "NORP")
            and mention.label != ALIAS_LABEL
            and not any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in root.children)
        ):
            # "captured Badme", "shelled Kafr Nabl"; not "captured Abu Zubaydah, the group's chief",
            # whom an apposition describes as a person
            return True
        if actor and not (mention.strong and mention.label in ("GPE", "LOC")):
            return False  # "a split in Zorbatex Front": the event's actor, not its place
        if attached and root.dep_ == "pobj":
            return locative_prepositions().takes_unknown_name(root.head)
        return after_locative(first, unknown=True)

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
            positions.update(
                c.i
                for c in token.children
                if c.dep_ in ("compound", "nmod", "poss", "appos")
                or (c.dep_ == "amod" and (c.pos_ == "PROPN" or c.ent_type_ in ("GPE", "LOC")))
            )
        if feature_scale(token) is not None:  # "the village of Rawiya", "the airport of Udbina"
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    positions.update(o.i for o in prep_objects(child))
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


def _specificity(place: Place | None, root: Token) -> int:
    """0 for a town or an unknown name, 1 a province, 2 a region or sea, 3 a country.

    A name beside a province-scale noun ("Shaba province", "the province of Irian Jaya") is at least 1.
    """
    level = 0 if place is None else _SPECIFICITY.get(place.kind, 0)
    noun = names_a_feature(root)
    if noun is not None and feature_scale(noun) == "province":
        level = max(level, 1)
    return level


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
