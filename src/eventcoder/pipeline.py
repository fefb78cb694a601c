"""Runs the stages over parsed documents and assembles ``Event`` records.

Kept apart from ``coder.py`` so that the batch runner and the evaluator share one code path.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from eventcoder.actors.history import as_of
from eventcoder.actors.mention import ActorMention
from eventcoder.dates import resolve_event_date
from eventcoder.events import Candidate
from eventcoder.events.casualties import extract_size
from eventcoder.places import DocumentPlaces, Gazetteer
from eventcoder.records import Actor, Article, CodingResult, Event, Evidence

if TYPE_CHECKING:
    from eventcoder.coder import Coder

__all__ = ["run_pipeline", "code_doc", "code_given_pair", "event_id"]


def event_id(article_id: str, trigger_start: int, event_type: str, source: Actor | None, target: Actor | None) -> str:
    """Stable id: the same input always gives the same id."""
    key = "|".join(
        [
            article_id,
            str(trigger_start),
            event_type,
            str(source.start) if source else "-",
            str(target.start) if target else "-",
        ]
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def run_pipeline(coder: Coder, articles: Iterable[Article], *, batch_size: int = 32) -> Iterator[CodingResult]:
    """Parse articles in batches with ``nlp.pipe`` and code each one."""
    buffer: list[Article] = []

    def flush() -> Iterator[CodingResult]:
        short = [a for a in buffer if len(a.text) <= LONG_TEXT]
        docs = iter(coder.nlp.pipe((a.text for a in short), batch_size=batch_size))
        for article in buffer:
            doc = next(docs) if len(article.text) <= LONG_TEXT else parse_long(coder.nlp, article.text)
            yield code_doc(coder, article, doc)
        buffer.clear()

    for article in articles:
        buffer.append(article)
        if len(buffer) >= batch_size:
            yield from flush()
    if buffer:
        yield from flush()


#: Texts longer than this are parsed in pieces of whole lines (memory stays bounded).
LONG_TEXT = 100_000


def parse_long(nlp, text: str) -> Doc:
    """Parse a long text piece by piece at line breaks; offsets still index ``text``."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for line in text.splitlines(keepends=True):
        current.append(line)
        size += len(line)
        if size >= LONG_TEXT // 2:
            pieces.append("".join(current))
            current, size = [], 0
    if current:
        pieces.append("".join(current))
    if nlp.max_length < max(len(p) for p in pieces) + 1:
        nlp.max_length = max(len(p) for p in pieces) + 1  # one line longer than the default limit
    docs = list(nlp.pipe(pieces, batch_size=4))
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])


def code_doc(coder: Coder, article: Article, doc: Doc) -> CodingResult:
    """Code one parsed article."""
    when = article.published
    mentions = coder.actors.find_mentions(doc, when=when)
    candidates = coder.events.extract(doc, mentions)
    if coder.learned is not None and candidates:
        candidates = apply_learned(coder, candidates)
    candidates = mirror_meetings(candidates)
    events = build_events(coder, article, doc, candidates)
    n_sent = sum(1 for s in doc.sents if s.text.strip())
    return CodingResult(article=article, events=events, n_sentences=n_sent)


#: Event types whose place target stands for the people there.
_AIMED_AT_PEOPLE = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION"})
#: CAMEO codes of meetings, which both sides hold: 042 (make a visit) and 043 (host a visit) are two
#: sides of one visit; talks, phone calls, meetings and negotiations are the same from either side.
#: Mediation (045) and intents (036) are not mirrored.
_MIRRORED = {"040": "040", "041": "041", "042": "043", "043": "042", "044": "044", "046": "046"}


def mirror_meetings(candidates: list[Candidate]) -> list[Candidate]:
    """A meeting between two actors is coded from both sides: "A met B" gives A->B and B->A, and "A
    visited B" gives A->B (042, visit) and B->A (043, host), as CAMEO, PETRARCH and Phoenix code it.
    Both records share the trigger, so a user who wants one record per meeting keeps the first."""
    pairs = {(id(c.match), id(c.source), id(c.target)) for c in candidates}
    out: list[Candidate] = []
    for cand in candidates:
        out.append(cand)
        code = cand.final_cameo
        if cand.final_type != "CONSULT" or code not in _MIRRORED or cand.source is None or cand.target is None:
            continue
        if (id(cand.match), id(cand.target), id(cand.source)) in pairs:
            continue  # already coded both ways ("X and Y met")
        pairs.add((id(cand.match), id(cand.target), id(cand.source)))
        out.append(
            dataclasses.replace(
                cand, source=cand.target, target=cand.source, cameo=_MIRRORED[code],
                why=f"{cand.why}; mirrored: a meeting is mutual, so {cand.target.actor.name} -> "
                f"{cand.source.actor.name} is coded too (CAMEO {_MIRRORED[code]})",
            )  # fmt: skip
        )
    return out


def apply_learned(coder: Coder, candidates: list[Candidate]) -> list[Candidate]:
    """Let the pair classifier vote on each candidate's type (see ``events/learned.py``)."""
    # the classifier types PLOVER events; a statement (CAMEO 01) is not one, so it is not asked
    events = [c for c in candidates if c.match.entry.event_type != "STATEMENT"]
    verdicts = dict(zip(map(id, events), coder.learned.judge(events), strict=True))
    out: list[Candidate] = []
    for cand in candidates:
        out_cand = _with_verdict(coder, cand, verdicts.get(id(cand)))
        if out_cand is not None:
            out.append(out_cand)
    return out


def _with_verdict(coder: Coder, cand: Candidate, verdict) -> Candidate | None:
    if verdict is None:
        return cand
    if verdict.event_type == "NONE":
        return None
    cameo = cand.final_cameo  # keeps intent, civilian and state recoding
    event_type = verdict.event_type
    why = f"{cand.why}; {verdict.explain()}"
    if cand.refused:
        # the classifier types the act refused; "will not release" stays a refusal (REJECT)
        event_type = cand.final_type
        why = f"{cand.why}; classifier typed the act refused ({verdict.explain()})"
    elif verdict.changed:
        cameo = coder.ontology.plover[event_type].default_cameo
        intent = coder.events.stated_intent(event_type, cand.tense_mode)
        promised = coder.events.lexicon.intent_codes.get(event_type)
        if intent:
            # PLOVER: cooperation reported in the future is AGREE, a future retreat is CONCEDE, a
            # future attack is THREATEN; the classifier's type takes its stated-intent code
            cameo, event_type = intent, coder.ontology.cameo[intent].plover_type
            why += f"; {cand.tense_mode} {verdict.event_type.lower()} coded as stated intent (CAMEO {intent})"
        elif cand.final_cameo.startswith("03") and promised and promised.startswith("03"):
            # the grammar found a promise ("agreed to withdraw"): CAMEO keeps it an intent (035) while
            # the classifier's type is the PLOVER type
            cameo = promised
            why += f"; promised {event_type.lower()} keeps CAMEO intent code {promised}"
    return dataclasses.replace(
        cand,
        event_type=event_type,
        cameo=cameo,
        why=why,
        confidence=round(verdict.confidence, 3),
    )


def build_events(coder: Coder, article: Article, doc: Doc, candidates: list[Candidate]) -> list[Event]:
    places = None
    if candidates:
        places = DocumentPlaces.from_doc(doc, Gazetteer.default())
    onto = coder.ontology
    text = doc.text  # Doc.text joins every token: build it once
    doc_country = _main_country(candidates)
    dated: dict[str, dt.date] = {}  # trigger lemma -> date of events the text dated
    events: list[Event] = []
    seen: set[tuple] = set()
    for cand in candidates:
        entry = cand.match.entry
        event_type = cand.final_type
        code = onto.cameo[cand.final_cameo]
        mode = entry.mode if event_type == entry.event_type else code.plover_mode
        src = cand.source.actor if cand.source else None
        tgt = cand.target.actor if cand.target else None
        key = (event_type, src.name if src else None, tgt.name if tgt else None, cand.match.start_char)
        if key in seen:
            continue
        seen.add(key)
        sent = cand.sentence
        evidence = Evidence(
            sentence=sent.text.rstrip(),
            sentence_index=cand.sentence_index,
            sentence_start=sent.start_char,
            trigger=text[cand.match.start_char : cand.match.end_char],
            trigger_start=cand.match.start_char,
            trigger_end=cand.match.end_char,
        )
        date, precision, date_text, date_why = article.published, "day", None, "publication date"
        if article.published is not None:
            ed = resolve_event_date(sent, cand.match.token, article.published, dated_events=dated)
            if ed.text is not None:  # dated by its own words: later "a day after the X" can use it
                for name in (cand.match.token.lemma_.lower(), *_event_nouns(coder, entry.cameo)):
                    dated.setdefault(name, ed.date)
            date, precision, date_text, date_why = ed.date, ed.precision, ed.text, ed.why
        location = None
        if places is not None:
            args = [m.head for m in (cand.source, cand.target) if m is not None]
            location = places.locate_event(cand.match.token, arg_tokens=[doc[i] for i in args])
        src = as_of(_with_context_country(src, location, doc_country, tgt), date)
        tgt = as_of(_with_context_country(tgt, location, doc_country, src), date)
        if tgt is None and event_type == "PROTEST":
            tgt = _implicit_government(coder, src, cand.match.start_char)
        if tgt is None and entry.cameo in coder.events.lexicon.population_codes:
            measure = text[cand.match.start_char : cand.match.end_char]
            tgt = _implicit_population(coder, src, cand.match.start_char, measure)
        if event_type in _AIMED_AT_PEOPLE:
            tgt = _people_of_place(tgt)
        size = None
        if event_type in ("ASSAULT", "COERCE", "PROTEST"):
            size = extract_size(sent, cand.match.token)
        events.append(
            Event(
                id=event_id(article.id, cand.match.start_char, event_type, src, tgt),
                article_id=article.id,
                event_type=event_type,
                mode=mode,
                negated=cand.negated,
                tense_mode=cand.tense_mode,
                cameo=code.code,
                cameo_root=code.root,
                # the quad category of the PLOVER type (it differs from the CAMEO code's where the two
                # are coded apart: "rejected the accusations" is REJECT, verbal conflict, with CAMEO 016)
                quad_class=onto.plover[event_type].quad if event_type in onto.plover else code.quad_class,
                goldstein=code.goldstein,
                source=src,
                target=tgt,
                evidence=evidence,
                why=cand.why,
                confidence=cand.confidence,
                date=date,
                date_precision=precision,
                date_text=date_text,
                date_why=date_why,
                location=location,
                size=size,
                context=code.plover_context,
            )
        )
    return merge_repeats(events)


def _event_nouns(coder: Coder, cameo: str) -> tuple[str, ...]:
    """Nouns the lexicon gives the same CAMEO code ("meet" -> meeting, talks, summit ...)."""
    cache = coder.__dict__.setdefault("_event_nouns", {})
    if cameo not in cache:
        cache[cameo] = tuple(
            head for (head, pos), entries in coder.events.lexicon.by_head.items()
            if pos == "NOUN" and any(e.cameo == cameo and not e.extra for e in entries)
        )
    return cache[cameo]


def _main_country(candidates: list[Candidate]) -> str | None:
    """The country most actors of the article belong to (None when there is no clear one)."""
    counts: dict[str, int] = {}
    for cand in candidates:
        for m in (cand.source, cand.target):
            if m is not None and m.actor.country and m.actor.resolution != "coreference":
                counts[m.actor.country] = counts.get(m.actor.country, 0) + 1
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _with_context_country(actor: Actor | None, location, doc_country: str | None, other: Actor | None) -> Actor | None:
    """Give a bare sector noun ("police", "protesters") the country the context names.

    Order: the event's own location (named in the sentence), then the article's main country,
    then the other actor's country when the sentence names no other.
    """
    if actor is None or actor.country or actor.resolution not in ("sector-noun", "title") or not actor.sectors:
        return actor
    if actor.resolution == "title" and (actor.cameo_code or "").startswith("IGO"):
        return actor  # "UN Secretary-General Guterres" holds an office of the UN, not of a country
    country, why = None, ""
    if location is not None and location.country_code and location.resolution in ("exact", "sentence"):
        country, why = location.country_code, f"event location '{location.extracted_place}'"
    elif doc_country:
        country, why = doc_country, "the country most actors of the article belong to"
    elif other is not None and other.country and other.country[:3].isalpha():
        country, why = other.country, f"the other actor ({other.name})"
    if country is None:
        return actor
    return dataclasses.replace(
        actor,
        country=country,
        cameo_code=country + "".join(actor.sectors),
        why=f"{actor.why}; country {country} from {why}",
    )


def _people_of_place(target: Actor | None) -> Actor | None:
    """A place that is the target of force, coercion or threat stands for the people there:
    "shelled Kandahar" is aimed at AFG civilians (CVL), as PLOVER coders code it."""
    if target is None or target.resolution != "place" or not target.country or target.sectors:
        return target
    return dataclasses.replace(
        target,
        sectors=("CVL",),
        cameo_code=f"{target.country}CVL",
        why=f"{target.why}; a place under force or threat stands for its people (CVL)",
    )


def _implicit_population(coder: Coder, imposer: Actor | None, at: int, measure: str) -> Actor | None:
    """The people a measure on a whole population is aimed at when no target is named: "the army
    imposed a curfew" restricts the civilians of the army's country."""
    if imposer is None or not imposer.country:
        return None
    why = f"no target named: '{measure}' by {imposer.name} is taken to bear on the civilians of {imposer.country}"
    return _implicit_actor(coder, imposer.country, "CVL", at, why)


def _implicit_government(coder: Coder, protester: Actor | None, at: int) -> Actor | None:
    """The government a protest that names no target is aimed at: the protesters' own ("thousands
    marched through Nairobi against fuel prices" is a protest to Kenya's government)."""
    if protester is None or not protester.country or "GOV" in protester.sectors:
        return None
    why = f"no target named: a protest by {protester.name} is taken to address its own government ({protester.country})"
    return _implicit_actor(coder, protester.country, "GOV", at, why)


def _implicit_actor(coder: Coder, iso3: str, sector: str, at: int, why: str) -> Actor | None:
    """An actor the text does not name, of one sector of a country: empty text at the trigger's
    offset, resolution "implicit". Its government keeps the country's Wikidata id; its civilians
    are named "<country> civilians"."""
    entry = coder.actors.kb.country(iso3)
    if entry is None:
        return None
    government = sector == "GOV"
    return Actor(
        name=entry.name if government else f"{entry.name} civilians", text="", start=at, end=at,
        country=entry.iso3, sectors=(sector,), cameo_code=f"{entry.iso3}{sector}",
        wikidata=entry.wikidata if government else None, resolution="implicit", why=why,
    )  # fmt: skip


def _same_as(actor: Actor | None) -> tuple | None:
    """What makes two actors the same for merging: a country named by its name, its capital as a
    place or a city in it ("visited China", "arrived in Beijing") is the country."""
    if actor is None:
        return None
    if actor.country and actor.cameo_code == actor.country:
        return (None, actor.cameo_code)
    return (actor.name, actor.cameo_code)


def merge_repeats(events: list[Event]) -> list[Event]:
    """One record per event an article repeats: same type, CAMEO code, actors and date (a bare
    country is the same actor whatever names it: "arrived in Beijing ... visit to China").

    The first mention is kept as evidence; ``why`` notes the sentences that repeat it.
    """
    kept: dict[tuple, int] = {}
    out: list[Event] = []
    repeats: dict[int, list[int]] = {}
    for e in events:
        key = (e.event_type, e.cameo, e.negated, _same_as(e.source), _same_as(e.target), e.date)
        if e.source is None or key not in kept:
            kept.setdefault(key, len(out))
            out.append(e)
        else:
            repeats.setdefault(kept[key], []).append(e.evidence.sentence_index)
    for i, sents in repeats.items():
        e = out[i]
        out[i] = dataclasses.replace(e, why=f"{e.why}; repeated in sentence(s) {', '.join(map(str, sents))}")
    return out


def code_given_pair(
    coder: Coder,
    text: str,
    source: tuple[int, int] | None,
    target: tuple[int, int] | None,
    *,
    date: dt.date | None = None,
    event_known: bool = False,
) -> Event | None:
    """Type the event between given source and target spans (pair classification).

    ``event_known``: the pair is known to take part in an event, so the answer is the most likely
    PLOVER type and never "no event" (see ``Coder.code_pair``).
    """
    doc, given, best, connected = lexicon_pair(coder, text, source, target, date=date)
    article = Article(id="pair", text=text, published=date)
    if not event_known and not connected and given and _only_speech_links(coder, doc, given):
        # no trigger joins the pair and what does is a speech verb ("X told Y ..."): a statement,
        # which PLOVER does not code, rather than the nearest trigger's event
        return None
    if coder.learned is not None and given:
        # The lexicon's type (when its trigger connects the pair in the parse) gets a bonus in the
        # vote; otherwise (a trigger merely near the pair, or none) the classifier types the pair alone.
        lexicon_type = best.final_type if best is not None and connected else None
        verdict = coder.learned.judge_pair(text, source, target, lexicon_type, allow_none=not event_known)
        if verdict.event_type == "NONE":
            return None
        if best is None:
            best = _classifier_candidate(coder, doc, given, verdict.event_type)
        best = _with_verdict(coder, best, verdict)
    if best is None:
        return None
    events = build_events(coder, article, doc, [best])
    return events[0] if events else None


def lexicon_pair(
    coder: Coder,
    text: str,
    source: tuple[int, int] | None,
    target: tuple[int, int] | None,
    *,
    date: dt.date | None = None,
) -> tuple[Doc, list[ActorMention], Candidate | None, bool]:
    """The rules' reading of a given pair: the parsed text, the given actors as mentions, the best
    candidate and whether its trigger connects the pair in the parse."""
    doc = coder.nlp(text)
    found = coder.actors.find_mentions(doc, when=date)
    given: list[ActorMention] = []
    for span, role in ((source, "source"), (target, "target")):
        if span is None:
            continue
        tok_span = doc.char_span(span[0], span[1], alignment_mode="expand")
        if tok_span is None or len(tok_span) == 0:
            continue
        known = next((m for m in found if m.start < tok_span.end and tok_span.start < m.end), None)
        actor = (
            known.actor
            if known
            else Actor(name=tok_span.text, text=tok_span.text, start=tok_span.start_char, end=tok_span.end_char,
                       country=None, resolution="unresolved", why=f"given {role}")
        )
        given.append(ActorMention(start=tok_span.start, end=tok_span.end, head=tok_span.root.i, actor=actor, kind="given"))
    others = [m for m in found if all(m.end <= g.start or m.start >= g.end for g in given)]
    mentions = sorted(given + others, key=lambda m: m.start)
    cands = coder.events.extract(doc, mentions)
    best, connected = choose_pair_candidate(cands, given, doc, coder)
    return doc, given, best, connected


def _governing_word(doc: Doc, given: list[ActorMention]):
    """The lowest word of the parse that governs every given actor (None across sentences)."""
    heads = [doc[m.head] for m in given]
    common = set(heads[0].ancestors) | {heads[0]}
    for h in heads[1:]:
        common &= set(h.ancestors) | {h}
    return max(common, key=lambda t: sum(1 for _ in t.ancestors)) if common else None


def _only_speech_links(coder: Coder, doc: Doc, given: list[ActorMention]) -> bool:
    """The word joining the given actors in the parse is a speech verb ("X said Y ...")."""
    anchor = _governing_word(doc, given)
    return anchor is not None and anchor.lemma_.lower() in coder.events.lexicon.speech_verbs


def _classifier_candidate(coder: Coder, doc: Doc, given: list[ActorMention], event_type: str) -> Candidate:
    """A candidate for a pair no lexicon word covers: the trigger is the word that governs the pair."""
    from eventcoder.events import Trigger, TriggerMatch

    anchor = _governing_word(doc, given) or doc[given[0].head].sent.root
    cameo = coder.ontology.plover[event_type].default_cameo
    entry = Trigger.made_by_rule(
        anchor.lemma_, anchor.pos_, cameo, event_type,
        f"no lexicon entry; word governing the pair '{anchor.text}'", confidence=0.5,
    )
    return Candidate(
        match=TriggerMatch(token=anchor, entry=entry, tokens=(anchor,)), sentence=anchor.sent,
        sentence_index=0, source=given[0], target=given[1] if len(given) > 1 else None,
        negated=False, tense_mode="asserted", why=entry.phrase, confidence=0.5,
    )


def choose_pair_candidate(
    cands: list[Candidate], given: list[ActorMention], doc: Doc, coder: Coder
) -> tuple[Candidate | None, bool]:
    """The candidate that best fits the given pair, and whether its trigger connects the pair in the
    parse; falls back to the trigger nearest the pair (not connected)."""
    from eventcoder.events import find_triggers

    if not given:
        return (cands[0] if cands else None), bool(cands)
    src = given[0]
    tgt = given[1] if len(given) > 1 else None

    def score(c: Candidate) -> float:
        s = 0.0
        if c.source is not None and c.source.start == src.start:
            s += 3
        if tgt is not None and c.target is not None and c.target.start == tgt.start:
            s += 3
        if tgt is not None and c.source is not None and c.source.start == tgt.start:
            s += 1
        s -= 0.01 * abs(c.match.token.i - src.head)
        return s + c.confidence

    if cands:
        best = max(cands, key=score)
        if score(best) >= 3:
            return best, True
    # No candidate connects the pair: take the trigger nearest to the pair in the dependency tree.
    anchor = doc[src.head]
    matches = [m for s in doc.sents for m in find_triggers(s, coder.events.lexicon)]
    if not matches:
        return (max(cands, key=score) if cands else None), False
    ancestors = {t.i for t in anchor.ancestors}
    if tgt is not None:
        ancestors |= {t.i for t in doc[tgt.head].ancestors}

    def closeness(m) -> float:
        d = abs(m.token.i - src.head) + (abs(m.token.i - tgt.head) if tgt else 0)
        return (0 if m.token.i in ancestors else 50) + d

    m = min(matches, key=closeness)
    return Candidate(
        match=m, sentence=m.token.sent, sentence_index=0, source=src, target=tgt, negated=False,
        tense_mode="asserted", why=f"{m.entry.phrase}; pair given, trigger nearest to it", confidence=0.4,
    ), False
