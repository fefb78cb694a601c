"""Find the place mentions of a parsed document: NER place spans and capitalised names the gazetteer knows."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from eventcoder.places.gazetteer import Gazetteer, NameMatch
from eventcoder.places.wordlists import border_nouns, demonyms, generic_place_words

__all__ = ["ALIAS_LABEL", "BORDER_LABEL", "PlaceMention", "find_mentions"]

#: spaCy entity labels that name places.
PLACE_LABELS = ("GPE", "LOC", "FAC")
#: Entity labels whose tokens are never read as places.
_NOT_PLACES = ("NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LAW")
_MAX_NAME_TOKENS = 5
#: Label of a weak mention the gazetteer knows only as another place's alternate name ("Hamas", "Kobane").
ALIAS_LABEL = "ALIAS"
#: Label of a border named by two nationality words ("the Iraqi-Syrian border").
BORDER_LABEL = "BORDER"


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """Words in the document that name (or may name) a place.

    ``strong`` mentions are NER place spans; weak ones are capitalised names that spaCy did not tag as
    places ("Jenin" tagged PERSON) and only count where the parse puts them in a place slot.
    """

    text: str
    start: int  # document character offsets
    end: int
    token_start: int  # document token indices, end exclusive
    token_end: int
    label: str
    strong: bool
    matches: tuple[NameMatch, ...]

    def covers(self, token_index: int) -> bool:
        return self.token_start <= token_index < self.token_end


def find_mentions(doc: Doc, gazetteer: Gazetteer) -> list[PlaceMention]:
    """All place mentions of ``doc`` in text order."""
    mentions: list[PlaceMention] = []
    taken: set[int] = set()
    ents = doc.ents  # Doc.ents rebuilds every entity span: read it once
    ent_at = {i: e for e in ents for i in range(e.start, e.end)}
    for ent in ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        taken.update(range(ent.start, ent.end))
        mention = _best_subspan(ent, gazetteer, label=ent.label_, strong=True)
        if mention is None:
            words = _strip_determiners(ent)
            if words is not None:
                mention = _mention(words, (), label=ent.label_, strong=True)
        if mention is not None:
            mentions.append(mention)
    index = 0
    while index < len(doc):
        token = doc[index]
        if index in taken or not _is_name_token(token):
            index += 1
            continue
        end = index + 1
        while end < len(doc) and end not in taken and _is_name_token(doc[end]):
            end += 1
        mention = _best_subspan(doc[index:end], gazetteer, label="PROPN", strong=False)
        if mention is not None and _plausible_weak(mention, doc, ent_at):
            mentions.append(mention)
        elif mention is None or mention.token_end - mention.token_start == end - index:
            # Unknown, or known only under an alternate name ("Kobane"): kept without gazetteer
            # readings, it counts only where the parse puts it in a place slot.
            span = doc[index:end]
            if token.ent_type_ and token.ent_iob_ == "B":
                ent = ent_at[index]
                if ent.end >= end and not any(i in taken for i in range(ent.start, ent.end)):
                    span, end = ent, ent.end  # the whole name: "Umm al-Khair"
            label = "PROPN" if mention is None else ALIAS_LABEL
            mentions.append(_mention(span, (), label=label, strong=False))
        index = end
    mentions.extend(_borders(doc, taken))
    mentions.sort(key=lambda m: m.token_start)
    return mentions


def _borders(doc: Doc, taken: set[int]) -> list[PlaceMention]:
    """ "the Iraqi-Syrian border": two nationality words joined by a hyphen before a border noun."""
    found: list[PlaceMention] = []
    nouns, table = border_nouns(), demonyms()
    for token in doc:
        i = token.i
        if token.lower_ not in nouns or i < 3 or any(j in taken for j in range(i - 3, i + 1)):
            continue
        left, dash, right = doc[i - 3], doc[i - 2], doc[i - 1]
        if dash.text in ("-", "–") and left.lower_ in table and right.lower_ in table:
            found.append(_mention(doc[i - 3 : i + 1], (), label=BORDER_LABEL, strong=True))
    return found


def _is_name_token(token: object) -> bool:
    from spacy.tokens import Token

    assert isinstance(token, Token)
    if token.pos_ != "PROPN" or not token.text[:1].isupper() or len(token.text) < 2:
        return False
    if token.ent_type_ == "NORP":
        return token.lower_ not in demonyms()  # spaCy tags some towns NORP ("Aleppo")
    return token.ent_type_ not in _NOT_PLACES


def _plausible_weak(mention: PlaceMention, doc: Doc, ent_at: dict[int, Span]) -> bool:
    """A name outside NER places counts only under its main name and not inside a longer name."""
    if not any(m.primary for m in mention.matches):
        return False  # "Hamas" is an alternate name of Hamm
    first = doc[mention.token_start]
    if first.ent_type_:
        ent = ent_at.get(first.i)
        if ent is not None and (ent.start < mention.token_start or ent.end > mention.token_end):
            return False  # "Palestine" in "the Popular Front for the Liberation of Palestine"
    return True


def _strip_determiners(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].pos_ in ("DET", "PUNCT") or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].pos_ == "PART" or doc[end - 1].is_punct):
        end -= 1  # "Egypt 's"
    return doc[start:end] if end > start else None


def _best_subspan(
    span: Span, gazetteer: Gazetteer, *, label: str, strong: bool
) -> PlaceMention | None:
    """The longest run of words inside ``span`` that the gazetteer knows (leftmost on ties)."""
    words = _strip_determiners(span)
    if words is None:
        return None
    doc = span.doc
    length = min(len(words), _MAX_NAME_TOKENS)
    while length > 0:
        for start in range(words.start, words.end - length + 1):
            sub = doc[start : start + length]
            if length < len(words) and not _rest_is_generic(words, sub):
                continue
            matches = gazetteer.lookup(sub.text)
            if matches:
                return _mention(sub, matches, label=label, strong=strong)
        length -= 1
    return None


def _rest_is_generic(words: Span, sub: Span) -> bool:
    """True when the words of ``words`` outside ``sub`` do not make it another name ("Tal Zamrin")."""
    if not sub[0].text[:1].isupper():
        return False
    generic = generic_place_words()
    for token in words:
        if sub.start <= token.i < sub.end:
            continue
        if token.text[:1].isupper() and token.text.lower() not in generic:
            return False
    return True


def _mention(
    span: Span, matches: tuple[NameMatch, ...], *, label: str, strong: bool
) -> PlaceMention:
    return PlaceMention(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        token_start=span.start,
        token_end=span.end,
        label=label,
        strong=strong,
        matches=matches,
    )
