"""Pick the date expression of an event's own clause and read it.

The candidates are the DATE (and TIME) entities of the sentence. The best one hangs on the trigger in the
parse (or on the verb whose subject or object the trigger is), then one on a clause that governs the
trigger, then any other by distance. A date on a verb of saying whose complement holds the trigger
("X said on Monday that troops raided Jenin on Sunday") dates the report and is ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventcoder.dates.expressions import NUMBER_WORDS, ParsedDate, parse_date_expression
from eventcoder.dates.wordlists import speech_verbs
from eventcoder.nlp import sentence_entities

__all__ = ["EventDate", "resolve_event_date"]

_LABELS = ("DATE", "TIME")
_RELATIVE = re.compile(
    r"^(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|a few|several)\s+"
    r"(?P<unit>days?|weeks?|months?|years?)$",
    re.IGNORECASE,
)
_DAYS_PER_UNIT = {"day": 1, "week": 7, "month": 30, "year": 365}
_PRECISION = {"day": "day", "week": "week", "month": "month", "year": "year"}


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened: the date, its precision (day, week, month, year), the words, and why."""

    date: dt.date | None
    precision: str | None
    text: str | None
    why: str


def resolve_event_date(
    sentence: Span,
    trigger: Token,
    published: dt.date,
    *,
    dated_events: Mapping[str, dt.date] | None = None,
) -> EventDate:
    """Date the event of ``trigger`` from its sentence; the publication date when the sentence has none.

    ``dated_events`` is document context for "a day after the meeting": the dates of events dated
    elsewhere in the article, keyed by the lower-case lemma of their trigger noun ("meeting"). A caller
    coding a document in order fills it from the events it has dated by their own text, e.g.
    ``dated_events.setdefault(trigger.lemma_.lower(), ed.date)`` when ``ed.text`` is not None.

    Example:
        >>> resolve_event_date(sent, trigger, dt.date(2023, 7, 30), dated_events={"meeting": dt.date(2023, 7, 3)})
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    ranked = []
    for ent in sentence_entities(sentence):
        if ent.label_ not in _LABELS:
            continue
        rank = _rank(ent, trigger)
        if rank is not None:
            ranked.append((rank, abs(ent.root.i - trigger.i), ent))
    ranked.sort(key=lambda item: (item[0], item[1]))
    for rank, _, ent in ranked:
        relative = _relative_to_event(ent, trigger, published, dated_events or {})
        if relative is not None:
            return relative
        words = _with_modifier(ent)
        parsed = parse_date_expression(words, published)
        if parsed is not None:
            where = (
                "on the trigger's clause",
                "on a clause governing the trigger",
                "elsewhere in the sentence",
            )[rank]
            return EventDate(parsed.date, parsed.precision, words, f"{parsed.why}; date {where}")
    return EventDate(published, "day", None, "no date in the sentence; publication date")


def _rank(ent: Span, trigger: Token) -> int | None:
    """0: the date hangs on the trigger's clause; 1: on a clause above it; 2: elsewhere; None: ignore."""
    if ent.start <= trigger.i < ent.end:
        return None
    governor = _governor(ent.root, trigger)
    if governor is None:
        return 2
    if governor.i == trigger.i or _is_light_verb_of(governor, trigger):
        return 0
    above = governor in trigger.ancestors
    if above and governor.lemma_.lower() in speech_verbs():
        return None  # the date of the report, not of the event reported
    return 1 if above else 2


def _governor(token: Token, trigger: Token) -> Token | None:
    """The trigger, or the nearest verb, above a date token."""
    head = token.head
    steps = 0
    while steps < 12:
        if head.i == trigger.i or head.pos_ in ("VERB", "AUX"):
            return head
        if head.head.i == head.i:
            return head if head.pos_ in ("VERB", "AUX", "NOUN") else None
        head = head.head
        steps += 1
    return None


def _is_light_verb_of(verb: Token, trigger: Token) -> bool:
    # "the raid took place on Monday", "the meeting was held on Sunday"
    return trigger.head.i == verb.i and trigger.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")


def _with_modifier(ent: Span) -> str:
    """The entity text with a modifier spaCy left outside it ("earlier in July": "earlier" + "July")."""
    doc = ent.doc
    start = ent.start
    if start >= 1 and doc[start - 1].lower_ in ("in", "of", "on") and start >= 2:
        if doc[start - 2].lower_ in (
            "earlier",
            "later",
            "early",
            "late",
            "end",
            "beginning",
            "start",
            "middle",
        ):
            start -= 2
    elif start >= 1 and doc[start - 1].lower_ in ("earlier", "early", "late", "later"):
        start -= 1
    return doc[start : ent.end].text


def _relative_to_event(
    ent: Span, trigger: Token, published: dt.date, dated_events: Mapping[str, dt.date]
) -> EventDate | None:
    """ "a day after the meeting": an offset from another event."""
    match = _RELATIVE.match(ent.text)
    doc = ent.doc
    if match is None or ent.end >= len(doc) or doc[ent.end].lower_ not in ("after", "before"):
        return None
    word = doc[ent.end]
    unit = match.group("unit").lower().rstrip("s")
    raw = match.group("n").lower()
    count = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
    days = count * _DAYS_PER_UNIT[unit] * (1 if word.lower_ == "after" else -1)
    anchor_tokens = sorted(
        {t.i for t in word.subtree if t.i > word.i}
        | {t.i for t in word.head.subtree if t.i > word.i and word.dep_ == "mark"}
    )
    anchor = (
        doc[anchor_tokens[0] : anchor_tokens[-1] + 1]
        if anchor_tokens
        else doc[word.i + 1 : word.i + 1]
    )
    phrase = doc[ent.start : anchor.end].text if len(anchor) else doc[ent.start : word.i + 1].text
    precision = _PRECISION[unit]
    if anchor.start <= trigger.i < anchor.end:
        # The trigger is the earlier event: counted back from the main clause, dated at publication.
        value = published - dt.timedelta(days=days)
        return EventDate(
            value,
            precision,
            phrase,
            f"'{phrase}': counted back from the main event, dated at publication",
        )
    for inner in sentence_entities(anchor):  # Span.ents would rebuild the whole document's entities
        if inner.label_ in _LABELS:
            parsed: ParsedDate | None = parse_date_expression(inner.text, published)
            if parsed is not None:
                value = parsed.date + dt.timedelta(days=days)
                return EventDate(
                    value,
                    precision,
                    phrase,
                    f"'{phrase}': counted from '{inner.text}' ({parsed.why})",
                )
    if len(anchor):
        named = anchor.root.lemma_.lower()
        when = dated_events.get(named)
        if when is not None:
            return EventDate(
                when + dt.timedelta(days=days),
                precision,
                phrase,
                f"'{phrase}': counted from the {named} dated elsewhere in the article ({when})",
            )
    return EventDate(
        published,
        "day",
        phrase,
        f"'{phrase}': the date of '{anchor.text}' is not known; publication date",
    )
