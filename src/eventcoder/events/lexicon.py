"""The trigger lexicon: which words signal which CAMEO code, read from ``data/lexicon/triggers.yaml``."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

from eventcoder.errors import LexiconError
from eventcoder.ontology import load_ontology

__all__ = ["Trigger", "Lexicon", "load_lexicon"]

_GROUP_KEYS = {
    "cameo", "verbs", "nouns", "objects", "not_objects", "target", "governs", "requires_target", "type", "mode",
    "confidence",
}
_PREPOSITIONS = {"of", "for", "to", "into", "on", "with", "against", "from", "in", "at", "by"}
DEFAULT_TARGET_PREPS = ("with", "against", "on", "upon", "into", "at", "to", "toward", "towards")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry: a head lemma plus the dependents it needs."""

    head: str  # lemma of the trigger word
    pos: str  # "VERB" or "NOUN"
    extra: tuple[str, ...]  # lemmas that must be dependents (particles, prepositions, objects)
    cameo: str
    event_type: str
    mode: str | None
    objects: frozenset[str]  # allowed object lemmas, empty = any
    not_objects: frozenset[str]  # object lemmas that rule the entry out ("committed crimes" is no pledge)
    target_preps: tuple[str, ...]
    governs: bool
    requires_target: bool
    confidence: float
    phrase: str  # the lexicon text, for `why`

    @classmethod
    def made_by_rule(
        cls, head: str, pos: str, cameo: str, event_type: str, phrase: str, *,
        confidence: float, requires_target: bool = False,
    ) -> Trigger:
        """An entry a parse rule makes up (reported blame, statements, a classifier-typed pair):
        one word, no object constraints or target prepositions of its own."""
        return cls(
            head=head, pos=pos, extra=(), cameo=cameo, event_type=event_type, mode=None, objects=frozenset(),
            not_objects=frozenset(), target_preps=(), governs=False, requires_target=requires_target,
            confidence=confidence, phrase=phrase,
        )  # fmt: skip

    @property
    def specificity(self) -> int:
        """How much context the entry demands; the most specific matching entry wins."""
        return 2 * len(self.extra) + (1 if self.objects else 0)


@dataclass(frozen=True, slots=True)
class Lexicon:
    by_head: dict[tuple[str, str], tuple[Trigger, ...]]  # (lemma, pos) -> entries
    speech_verbs: frozenset[str]
    intent_verbs: frozenset[str]
    hypothetical_markers: frozenset[str]
    future_markers: frozenset[str]
    representative_nouns: frozenset[str]
    representative_preps: frozenset[str]
    surface_words: frozenset[str]  # lower-cased word forms that can start a trigger (pre-filter)
    intent_codes: dict[str, str]  # PLOVER type of a future material action -> CAMEO intent/threat code
    refusal_codes: dict[str, str] = field(default_factory=dict)  # CAMEO (prefix) of an act -> refusal code
    population_codes: frozenset[str] = frozenset()  # CAMEO codes of measures aimed at a whole population
    civilian_sectors: frozenset[str] = frozenset()
    civilian_codes: dict[str, str] | None = None  # CAMEO code -> code when civilians do it
    state_codes: dict[str, str] | None = None  # CAMEO code -> code when a state actor does it
    armed_codes: dict[str, str] | None = None  # CAMEO code -> code when an armed group or force does it
    blame_words: frozenset[str] = frozenset()  # "said Y was responsible": predicates of blame
    wrongdoing_verbs: frozenset[str] = frozenset()  # "said Y committed war crimes": verbs of the deed
    finding_verbs: frozenset[str] = frozenset()  # "determined that Y committed ...": blame without speech
    wrongdoing_nouns: frozenset[str] = frozenset()  # "said Y committed war crimes": deeds that blame
    warning_verbs: dict[str, frozenset[str]] = field(default_factory=dict)  # "said Y would pay a price"
    statement_codes: dict[str, str] | None = None  # speech verb -> CAMEO 01x (others: 010)
    statement_sectors: frozenset[str] = frozenset()  # sectors of speakers whose statements are coded
    speech_words: frozenset[str] = frozenset()  # word forms of the speech verbs (pre-filter)

    def candidates(self, lemma: str, pos: str) -> tuple[Trigger, ...]:
        return self.by_head.get((lemma, pos), ())


def _inflections(word: str) -> set[str]:
    """Cheap over-generating word forms for the sentence pre-filter."""
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing", word + "ies"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word[:-1] + "ed"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ied", word[:-1] + "ies"}
    if len(word) > 2 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


_IRREGULAR = {
    "meet": {"met"}, "hold": {"held"}, "take": {"took", "taken"}, "come": {"came"},
    "strike": {"struck", "stricken"}, "fight": {"fought"}, "seek": {"sought"}, "send": {"sent"},
    "lend": {"lent"}, "give": {"gave", "given"}, "beat": {"beaten"}, "shoot": {"shot"},
    "blow": {"blew", "blown"}, "break": {"broke", "broken"}, "go": {"went", "gone"},
    "withdraw": {"withdrew", "withdrawn"}, "bring": {"brought"}, "sit": {"sat"}, "stand": {"stood"},
    "lay": {"laid"}, "tell": {"told"}, "say": {"said"}, "forgive": {"forgave", "forgiven"},
    "undertake": {"undertook", "undertaken"}, "fly": {"flew", "flown"}, "let": {"let"},
    "put": {"put"}, "cut": {"cut"}, "set": {"set"}, "hit": {"hit"}, "slay": {"slew", "slain"},
    "seize": {"seized"}, "freeze": {"froze", "frozen"}, "find": {"found"}, "lead": {"led"},
    "draw": {"drew", "drawn"}, "speak": {"spoke", "spoken"}, "forge": {"forged"},
    "mean": {"meant"}, "win": {"won"}, "rise": {"rose"}, "pay": {"paid"}, "wage": {"waged"},
    "become": {"became"}, "begin": {"began", "begun"}, "bend": {"bent"}, "build": {"built"},
    "burn": {"burnt"}, "buy": {"bought"}, "cast": {"cast"}, "cling": {"clung"}, "dig": {"dug"},
    "drive": {"drove", "driven"}, "fall": {"fell", "fallen"}, "forbid": {"forbade", "forbidden"},
    "get": {"got", "gotten"}, "hang": {"hung"}, "hide": {"hid", "hidden"}, "keep": {"kept"},
    "leave": {"left"}, "lie": {"lay", "lain"}, "make": {"made"}, "mow": {"mown"},
    "overfly": {"overflew", "overflown"}, "run": {"ran"}, "sell": {"sold"}, "sew": {"sewn"},
    "sink": {"sank", "sunk"}, "spring": {"sprang", "sprung"}, "stick": {"stuck"},
    "swear": {"swore", "sworn"}, "sweep": {"swept"}, "tear": {"tore", "torn"},
    "throw": {"threw", "thrown"}, "undo": {"undid", "undone"}, "uphold": {"upheld"},
    "wind": {"wound"}, "withhold": {"withheld"}, "retake": {"retook", "retaken"},
    "overrun": {"overran"}, "shake": {"shook", "shaken"}, "steal": {"stole", "stolen"},
    "choose": {"chose", "chosen"}, "flee": {"fled"}, "feed": {"fed"},
}


def _read_groups(text: str, source: str) -> list[dict]:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise LexiconError(f"not valid YAML: {exc}", path=source, line=(line + 1) if line is not None else None) from exc
    if not isinstance(raw, dict) or "groups" not in raw:
        raise LexiconError("expected a mapping with a 'groups' list", path=source)
    return raw


@cache
def load_lexicon() -> Lexicon:
    """Load and validate the packaged trigger lexicon against the ontology (cached)."""
    ontology = load_ontology()
    folder = resources.files("eventcoder.data.lexicon")
    files = sorted(f for f in folder.iterdir() if f.name.startswith("triggers") and f.name.endswith(".yaml"))
    raw: dict = {}
    groups: list[tuple[str, int, dict]] = []
    for f in files:
        source = f"eventcoder/data/lexicon/{f.name}"
        part = _read_groups(f.read_text("utf-8"), source)
        groups.extend((source, n, g) for n, g in enumerate(part["groups"], start=1))
        for key, value in part.items():
            if key in ("intent_codes", "refusal_codes", "civilian_codes", "state_codes", "armed_codes", "statement_codes"):
                raw.setdefault(key, {}).update({str(k): str(v) for k, v in (value or {}).items()})
            elif key == "warning_verbs":
                raw.setdefault(key, {}).update(value or {})
            elif key != "groups":
                raw.setdefault(key, [])
                raw[key] = list(raw[key]) + list(value or [])
    by_head: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
    surface: set[str] = set()
    for source, n, group in groups:
        where = f"group {n} (cameo {group.get('cameo')!r})"
        unknown = set(group) - _GROUP_KEYS
        if unknown:
            raise LexiconError(f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(_GROUP_KEYS)}", path=source)
        cameo = str(group.get("cameo", ""))
        if cameo not in ontology.cameo:
            raise LexiconError(f"{where}: {cameo!r} is not a CAMEO code", path=source)
        code = ontology.cameo[cameo]
        event_type = group.get("type") or code.plover_type
        if event_type not in ontology.plover:
            raise LexiconError(f"{where}: no PLOVER type for CAMEO {cameo}; add 'type:'", path=source)
        mode = group.get("mode") or code.plover_mode
        preps = tuple(group.get("target") or ()) + tuple(
            p for p in DEFAULT_TARGET_PREPS if p not in (group.get("target") or ())
        )
        for key in ("verbs", "nouns", "objects", "not_objects", "target"):
            bad = [w for w in group.get(key) or () if not isinstance(w, str)]
            if bad:
                raise LexiconError(
                    f"{where}: {key} has non-text items {bad!r}; quote YAML words such as \"on\", \"no\", \"off\"",
                    path=source,
                )
        for pos, key in (("VERB", "verbs"), ("NOUN", "nouns")):
            for phrase in group.get(key) or ():
                words = str(phrase).lower().split()
                if pos == "NOUN" and len(words) > 1 and not set(words) & _PREPOSITIONS:
                    # compound nouns: the last word is the syntactic head ("air strike")
                    head, extra = words[-1], tuple(words[:-1])
                else:
                    head, extra = words[0], tuple(words[1:])
                by_head[(head, pos)].append(
                    Trigger(
                        head=head,
                        pos=pos,
                        extra=extra,
                        cameo=cameo,
                        event_type=event_type,
                        mode=mode,
                        objects=frozenset(str(o).lower() for o in group.get("objects") or ()),
                        not_objects=frozenset(str(o).lower() for o in group.get("not_objects") or ()),
                        target_preps=preps,
                        governs=bool(group.get("governs", False)),
                        requires_target=bool(group.get("requires_target", False)),
                        confidence=float(group.get("confidence", 0.7)),
                        phrase=f"{key[:-1]} '{phrase}' -> CAMEO {cameo}",
                    )
                )
                surface |= _inflections(head) | _IRREGULAR.get(head, set())
    ordered = {
        k: tuple(sorted(v, key=lambda t: -t.specificity)) for k, v in by_head.items()
    }

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw.get(key) or ())

    intent = raw.get("intent_codes", {})
    for ptype, code in intent.items():
        if ptype not in ontology.plover or code not in ontology.cameo:
            raise LexiconError(f"intent_codes: {ptype!r} -> {code!r} is not a PLOVER type and CAMEO code", path="triggers.yaml")
    statements = {str(k).lower(): str(v) for k, v in (raw.get("statement_codes") or {}).items()}
    for verb, code in statements.items():
        if code not in ontology.cameo or not code.startswith("01"):
            raise LexiconError(f"statement_codes: {verb!r} -> {code!r} is not a CAMEO 01x code", path="triggers.yaml")
    recoded: dict[str, dict[str, str]] = {}
    refusals = {str(k): str(v) for k, v in (raw.get("refusal_codes") or {}).items()}
    for act, code in refusals.items():
        if not act.isdigit() or code not in ontology.cameo or ontology.cameo[code].plover_type != "REJECT":
            raise LexiconError(f"refusal_codes: {act!r} -> {code!r} is not a CAMEO prefix and a REJECT code", path="triggers.yaml")
    population = frozenset(str(c) for c in raw.get("population_codes") or ())
    if population - set(ontology.cameo):
        raise LexiconError(f"population_codes: {sorted(population - set(ontology.cameo))} are not CAMEO codes", path="triggers.yaml")
    for key in ("civilian_codes", "state_codes", "armed_codes"):
        recoded[key] = {str(k): str(v) for k, v in (raw.get(key) or {}).items()}
        for old, new in recoded[key].items():
            if old not in ontology.cameo or new not in ontology.cameo:
                raise LexiconError(f"{key}: {old!r} -> {new!r} is not a pair of CAMEO codes", path="triggers.yaml")
    warning_verbs = {
        str(v).lower(): frozenset(str(o).lower() for o in objs or ())
        for v, objs in (raw.get("warning_verbs") or {}).items()
    }
    # the words the reported-blame and warning rules look at also pass the sentence pre-filter
    rule_words = words("blame_words") | {
        f for w in words("wrongdoing_verbs") | set(warning_verbs) for f in _inflections(w) | _IRREGULAR.get(w, set())
    }
    return Lexicon(
        intent_codes=dict(intent),
        refusal_codes=refusals,
        population_codes=population,
        civilian_sectors=words("civilian_sectors"),
        civilian_codes=recoded["civilian_codes"],
        state_codes=recoded["state_codes"],
        armed_codes=recoded["armed_codes"],
        by_head=ordered,
        speech_verbs=words("speech_verbs"),
        intent_verbs=words("intent_verbs"),
        hypothetical_markers=words("hypothetical_markers"),
        future_markers=words("future_markers"),
        representative_nouns=words("representative_nouns"),
        representative_preps=words("representative_preps"),
        surface_words=frozenset(surface | rule_words),
        blame_words=words("blame_words"),
        wrongdoing_verbs=words("wrongdoing_verbs"),
        finding_verbs=words("finding_verbs"),
        wrongdoing_nouns=words("wrongdoing_nouns"),
        warning_verbs=warning_verbs,
        statement_codes=statements,
        statement_sectors=frozenset(w.upper() for w in words("statement_sectors")),
        speech_words=frozenset(f for w in words("speech_verbs") for f in _inflections(w) | _IRREGULAR.get(w, set())),
    )
