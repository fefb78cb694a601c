"""From trigger matches and actor mentions to event candidates: who did it, to whom, and how sure.

Sources and targets are read off the dependency parse:
- verbs: subject -> source, direct object / prepositional object -> target; passive voice swaps
  (the ``by`` agent is the source); coordinated actors give one candidate per actor; a verb with no
  subject of its own inherits one (``X agreed and signed``, ``X wants to attack``, ``troops deployed``);
- nouns: possessor, nationality adjective or ``by`` phrase -> source ("Israel's raid", "the Israeli
  incursion", "aggressions by settlers"), prepositional object -> target ("raid on Jenin"); a noun that
  is the object of a non-trigger verb takes that verb's subject ("Hamas held talks with Fatah");
- people who act for a group ("delegations from Hamas", "members of Fatah") stand for the group;
- a non-actor object whose possessor is an actor gives that actor ("condemned Israel's raid").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventcoder.actors.mention import ActorMention
from eventcoder.events.lexicon import Lexicon, Trigger, load_lexicon
from eventcoder.events.triggers import TriggerMatch, find_triggers

__all__ = ["Candidate", "EventExtractor", "MentionIndex"]

_SUBJ = ("nsubj", "csubj")
_RELATIVE = {"who", "which", "that", "whom"}
_NEG_DETS = {"no", "never"}
_POSSESSIVES = {"its", "their", "his", "her", "our"}
_GOVERNING_NOUNS = {"refusal", "rejection", "call", "demand", "threat", "pledge", "promise", "offer", "appeal", "plan", "bid", "attempt",
                    # what is alleged is not reported as having happened: "accusations that it armed X"
                    "accusation", "allegation", "claim", "charge", "assertion", "suggestion", "rumour", "rumor", "speculation"}
_DENIAL_VERBS = {"deny", "refute", "rebut", "dismiss"}
_SPEECH_ACT_TYPES = {"ACCUSE", "REJECT", "REQUEST", "THREATEN", "AGREE", "SUPPORT"}
#: Nouns naming a violent act whose agent "by X" (or partner "with X") can be the actor of a verb.
_ACT_NOUNS = {"attack", "assault", "raid", "strike", "airstrike", "bombing", "blast", "explosion", "ambush",
              "clash", "fighting", "battle", "shelling", "offensive", "operation", "shooting", "gunfire",
              "bomb", "rocket", "missile", "drone", "crossfire", "skirmish", "incursion", "violence",
              "crackdown", "fire", "bombardment", "barrage", "shootout", "onslaught", "siege", "invasion"}
#: Words that count members of a group: "two of its soldiers", "some of the protesters".
_QUANTIFIERS = {"some", "many", "most", "all", "several", "few", "none", "dozens", "hundreds", "thousands", "scores", "one", "each"}
#: Verbs that judge or describe an event rather than take part in it: "Kenya called the talks a
#: success" (Kenya need not be a party to the talks).
_JUDGING_VERBS = {"call", "describe", "term", "dub", "label", "consider", "deem", "see", "view", "regard",
                  "judge", "rate", "report", "cover", "analyse", "analyze", "study", "watch", "follow"}
#: Verbs whose subject undergoes what the phrase after them names: "three died in a rebel attack".
_UNDERGO_VERBS = {"die", "perish", "suffer", "drown", "survive", "flee", "escape", "lose", "disappear", "vanish"}
#: Documents and bodies whose author acts through them: "a report released by X accused Y", "X's
#: statement urged", "a commission set up by X".
_AUTHORED_NOUNS = {"report", "statement", "communique", "resolution", "letter", "study", "document", "declaration",
                   "ruling", "verdict", "editorial", "memo", "dossier", "survey", "inquiry", "probe", "audit",
                   "complaint", "petition", "motion", "decree", "review", "assessment", "message", "note",
                   # bodies set up by an actor act for it: "a commission set up by X accused Y"
                   "commission", "committee", "panel", "task force", "mission", "investigation"}
_RELATION_NOUNS = {"relation", "relations", "tie", "ties"}
_ARMED_SECTORS = {"MIL", "COP", "REB", "CRM", "UAF", "INS", "SPY", "PRM"}
_STATE_SECTORS = {"GOV", "ELI", "MIL", "LEG", "JUD"}
_SYMMETRIC_TYPES = {"CONSULT", "AGREE", "COOPERATE"}
_SYMMETRIC_LEMMAS = {"clash", "fight", "battle", "skirmish", "exchange", "trade", "agree", "negotiate", "sign"}
#: Verbs of travel: "flew to X for talks" means the traveller takes part in the talks; "be" for
#: "is due in X for talks".
_TRAVEL_VERBS = {"arrive", "travel", "fly", "head", "go", "come", "leave", "land", "return", "visit", "set", "be"}
#: Verbs whose direct object is a topic, not a party: "discussed Syria".
_TOPIC_VERBS = {"discuss", "debate", "review", "address", "examine", "consider"}
#: Purposes that make a deployment military aid: "sent troops to help (support, protect, train) X".
_HELP_VERBS = {"help", "support", "assist", "protect", "defend", "train", "back", "bolster", "aid", "shore"}
#: Words of talking that make a consultation only with a partner ("talked with Y", "X and Y discussed").
_TALK_WORDS = {"talk", "discuss", "discussion", "debate"}
#: Prepositions whose phrase names who reports, not who takes part: "according to X".
_ATTRIBUTION_PREPS = {"according", "accord"}
#: Where no target is named, a place the event happens in stands for its country ("protested in Y").
_PLACE_PREPS = ("in", "inside", "within", "across", "throughout")
_PLACE_KINDS = {"place", "country"}
#: "declined to comment", "refused to elaborate": no rejection, a statement (CAMEO 011).
_COMMENT_VERBS = frozenset({
    "comment", "elaborate", "speak", "discuss", "confirm", "say", "disclose", "reveal", "detail", "specify",
    "answer", "respond", "speculate",
})  # fmt: skip
_DECLINING_VERBS = frozenset({"decline", "refuse"})
#: Dependency labels that head a clause of its own.
_CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "parataxis", "csubj", "acl", "conj"}
#: Children of a trigger that start a phrase of their own: no target is taken from inside them.
_OWN_CLAUSE_DEPS = {"nsubj", "csubj", "advcl", "relcl", "ccomp", "parataxis", "conj", "cc", "punct", "mark"}


@dataclass(frozen=True, slots=True)
class Candidate:
    """An event read from one trigger, before places, dates and ids are attached."""

    match: TriggerMatch
    sentence: Span
    sentence_index: int
    source: ActorMention | None
    target: ActorMention | None
    negated: bool
    tense_mode: str
    why: str
    confidence: float
    event_type: str | None = None  # set when the learned typer overrides the lexicon
    cameo: str | None = None
    refused: bool = False  # a negated stated intent coded as a refusal ("will not release": REJECT)

    @property
    def final_type(self) -> str:
        return self.event_type or self.match.entry.event_type

    @property
    def final_cameo(self) -> str:
        return self.cameo or self.match.entry.cameo


class MentionIndex:
    """Token index -> actor mention covering it."""

    def __init__(self, mentions: Iterable[ActorMention]):
        self.by_token: dict[int, ActorMention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self.by_token[i] = m

    def at(self, token: Token) -> ActorMention | None:
        return self.by_token.get(token.i)


class EventExtractor:
    """Reads event candidates off a parsed document."""

    def __init__(self, lexicon: Lexicon | None = None, *, statements: bool = False):
        self.lexicon = lexicon or load_lexicon()
        #: also code public statements (CAMEO 01) by political actors; see ``_statements``
        self.statements = statements
        #: word forms that let a sentence through the pre-filter (speech verbs too with statements)
        self._prefilter = self.lexicon.surface_words | (self.lexicon.speech_words if statements else frozenset())

    # ---------------------------------------------------------------- public
    def sentence_may_have_event(self, text: str) -> bool:
        """Cheap pre-filter: does any word of the text start a trigger?"""
        words = self._prefilter
        return any(w.strip(".,;:!?\"'()[]“”’").lower() in words for w in text.split())

    def extract(
        self, doc: Doc | Span, mentions: Sequence[ActorMention], *, sentence_offset: int = 0
    ) -> list[Candidate]:
        index = MentionIndex(mentions)
        out: list[Candidate] = []
        n = sentence_offset
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            if self.sentence_may_have_event(sent.text):
                out.extend(self.extract_sentence(sent, n, index))
            n += 1
        return out

    def extract_sentence(self, sent: Span, sentence_index: int, index: MentionIndex) -> list[Candidate]:
        matches = find_triggers(sent, self.lexicon)
        verb_heads = {m.token.i: m for m in matches if m.entry.pos == "VERB"}
        # a word another trigger's phrase already uses ("threaten to close": "close") is not a trigger
        consumed = {t.i for m in matches for t in m.tokens[1:]}
        out, blamed = self._blame(sent, sentence_index, index)
        consumed |= blamed
        purposes = {id(m): p for m in matches if (p := _aid_purpose(m)) is not None}
        consumed |= {p.i for p in purposes.values()}  # "sent troops to help X": one act, coded as aid
        for match in matches:
            if match.token.i in consumed or self._suppressed(match, verb_heads):
                continue
            others = frozenset(m.token.i for m in matches if m is not match)
            sources, src_how = self.sources(match, index, triggers=others)
            targets, tgt_how = self.targets(match, index, exclude=sources)
            if not sources and len(targets) > 1 and self._symmetric(match):
                # "talks between the US and Iran": each side meets the other
                sources, src_how = targets, f"one of the sides ({tgt_how})"
            if not sources and not targets:
                continue
            if match.entry.requires_target and not targets:
                continue
            if not targets and self._part_of_same_act(match, verb_heads):
                continue  # "met officials in Khartoum to discuss the plan": one meeting, not two
            if match.entry.pos == "NOUN" and not (sources and targets) and not _acted(match.token):
                continue  # a bare nominal ("the talks", "Israel's raid") mostly names a past or background event
            negated = self.negated(match)
            tense = self.tense_mode(match)
            intent = self.stated_intent(match.entry.event_type, tense)
            embedded = self._promised_action(match, verb_heads)
            if embedded is not None:
                # "vowed to attack" is a threat (138), "agreed to withdraw" an intent to yield (035)
                intent = self.lexicon.intent_codes[embedded.entry.event_type]
            refusal = self.refusal(match.entry.cameo) if negated and intent and embedded is None else None
            if embedded is not None and any(c.dep_ == "neg" for c in embedded.token.children):
                refusal = self.refusal(embedded.entry.cameo)  # "vowed not to end its boycott"
            reciprocal = not targets and len(sources) > 1 and self._symmetric(match)
            if reciprocal:
                targets, tgt_how = sources, "the other coordinated actor (reciprocal event)"
            if not sources and match.entry.event_type == "MOBILIZE" and tgt_how.startswith("passive subject"):
                # "troops were deployed to the border": the forces deployed are the actor
                sources, src_how, targets, tgt_how = targets, tgt_how, [], ""
            purpose = purposes.get(id(match))
            if purpose is not None:
                helped = [m for c in purpose.children if c.dep_ == "dobj" for m in self.actors_for(c, index)]
                if helped:
                    targets, tgt_how = helped, f"object of '{purpose.text}'"
                # a promised deployment to help is an intent to give aid (033), a done one aid (074)
                intent = self.stated_intent("AID", tense) or "074"
            loose = False
            if not targets and sources:
                targets, tgt_how = self._nearest_target(match, sent, index, sources)
                loose = bool(targets)
            if not targets and match.entry.event_type == "CONSULT" and match.token.lemma_.lower() in _TALK_WORDS:
                continue  # "the president talked about the economy in a speech": no one to consult with
            # the code the act takes from its grammar, the same for every source-target pair
            match_code, match_reason = intent, ""
            if purpose is not None:
                match_reason = f"; forces sent to '{purpose.text}' are military aid (CAMEO {intent})"
            elif refusal is not None:
                match_code = refusal
                match_reason = (
                    f"; the promised action '{embedded.token.text}' is negated: a refusal (CAMEO {refusal})"
                    if embedded is not None
                    else f"; a negated {tense} {match.entry.event_type.lower()} is a refusal (CAMEO {refusal})"
                )
            elif embedded is not None:
                match_reason = f"; promised action '{embedded.token.text}' ({embedded.entry.event_type}) coded as CAMEO {intent}"
            elif intent:
                match_reason = f"; {tense} {match.entry.event_type.lower()} coded as stated intent (CAMEO {intent})"
            for src in sources or [None]:
                for tgt in targets or [None]:
                    if src is not None and tgt is not None and _same_actor(src, tgt):
                        continue
                    conf = match.entry.confidence
                    conf += 0.1 if (src and tgt) else 0.0
                    conf -= 0.2 if src is None else 0.0
                    conf -= 0.1 if tense != "asserted" else 0.0
                    conf -= 0.15 if loose else 0.0
                    why = f"{match.entry.phrase}; source: {src_how if src else 'none found'}; target: {tgt_how if tgt else 'none found'}"
                    code, why = match_code, why + match_reason
                    if code is None and src is not None and (by_actor := self._recoded_by_actor(match, src)) is not None:
                        code, reason = by_actor
                        why += f"; {reason} (CAMEO {code})"
                    out.append(
                        Candidate(
                            match=match,
                            sentence=sent,
                            sentence_index=sentence_index,
                            source=src,
                            target=tgt,
                            negated=negated and refusal is None,  # "will not release": the refusal happened
                            tense_mode=tense if refusal is None else "asserted",
                            why=why,
                            confidence=round(min(max(conf, 0.05), 0.95), 2),
                            event_type=self._intent_type(code),
                            cameo=code,
                            refused=refusal is not None,
                        )
                    )
        if self.statements:
            out.extend(self._statements(sent, sentence_index, index, {c.match.token.i for c in out}))
        return out

    def _statements(self, sent: Span, sentence_index: int, index: MentionIndex, taken: set[int]) -> list[Candidate]:
        """Public statements (CAMEO 01): a speech verb said by a political actor ("the foreign minister
        said ..."). Their confidence is low so that any other event of the sentence ranks first."""
        lex = self.lexicon
        out: list[Candidate] = []
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ != "VERB" or lemma not in lex.speech_verbs or tok.i in taken:
                continue
            sources, how = self._verb_sources(tok, index)
            sources = [m for m in sources if _political(m, lex.statement_sectors)]
            if not sources:
                continue
            code = (lex.statement_codes or {}).get(lemma, "010")
            if lemma in _COMMENT_VERBS and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _DECLINING_VERBS:
                code = "011"  # "the ministry declined to comment": decline comment
            entry = Trigger.made_by_rule(
                lemma, "VERB", code, "STATEMENT", f"statement verb '{tok.text}' -> CAMEO {code}", confidence=0.3
            )
            match = TriggerMatch(token=tok, entry=entry, tokens=(tok,))
            out.extend(
                Candidate(
                    match=match, sentence=sent, sentence_index=sentence_index, source=src, target=None,
                    negated=self.negated(match), tense_mode=self.tense_mode(match), confidence=0.3,
                    why=f"{entry.phrase}; source: {how}",
                )  # fmt: skip
                for src in sources
            )
        return out

    def _blame(self, sent: Span, sentence_index: int, index: MentionIndex) -> tuple[list[Candidate], set[int]]:
        """What a speaker says of another actor as blame or warning is an act by the speaker toward
        it: "X said Y was responsible for (behind, to blame for) the attack" or "X said Y committed
        war crimes" is an accusation (CAMEO 112); "X said Y would pay a heavy price" or "would face
        consequences" is a threat (130). Returns the candidates and the words of the blamed deed or the
        warning, which are not coded again."""
        lex = self.lexicon
        out: list[Candidate] = []
        blamed: set[int] = set()
        verbs = lex.speech_verbs | lex.finding_verbs
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ != "VERB" or lemma not in verbs or lemma in _DENIAL_VERBS:
                continue
            for clause in (c for c in tok.children if c.dep_ == "ccomp"):
                subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                word, cameo = _blame_word(clause, lex)
                if subj is None or word is None:
                    continue
                targets = self.actors_for(subj, index)
                sources, src_how = self._verb_sources(tok, index)
                if not targets or not sources:
                    continue
                deed = {t.i for t in (word.subtree if word is not clause else clause.subtree)} - {t.i for t in subj.subtree}
                blamed |= deed
                kind = "blame" if cameo == "112" else "warning"
                entry = Trigger.made_by_rule(
                    word.lemma_.lower(), "VERB", cameo, "ACCUSE" if cameo == "112" else "THREATEN",
                    f"{kind} '{word.text}' reported by '{tok.text}' -> CAMEO {cameo}",
                    confidence=0.6, requires_target=True,
                )
                match = TriggerMatch(token=word, entry=entry, tokens=(word,))
                negated = any(c.dep_ == "neg" for c in clause.children)
                for src in sources:
                    for tgt in targets:
                        if _same_actor(src, tgt):
                            continue
                        out.append(Candidate(
                            match=match, sentence=sent, sentence_index=sentence_index, source=src, target=tgt,
                            negated=negated, tense_mode="asserted", confidence=0.7,
                            why=f"{entry.phrase}; source: {src_how}; target: subject '{subj.text}' of the {kind}",
                        ))  # fmt: skip
        return out, blamed

    def _recoded_by_actor(self, match: TriggerMatch, source: ActorMention) -> tuple[str, str] | None:
        """The code the act takes from who does it, and why: civilians protest, armed groups
        blockade, states complain officially (``civilian_codes``, ``armed_codes``, ``state_codes``)."""
        sectors = "/".join(source.actor.sectors)
        if self._by_civilians(match, source):
            return self.lexicon.civilian_codes[match.entry.cameo], f"done by {sectors}, so protest"
        if self._by_armed(match, source):
            return self.lexicon.armed_codes[match.entry.cameo], (
                f"done by an armed group or force ({sectors}), so a blockade"
            )
        if self._by_state(match, source):
            return self.lexicon.state_codes[match.entry.cameo], (
                f"done by a state actor ({source.actor.cameo_code}), so an official complaint"
            )
        return None

    def _by_civilians(self, match: TriggerMatch, source: ActorMention) -> bool:
        codes = self.lexicon.civilian_codes or {}
        sectors = {x.lower() for x in source.actor.sectors}
        return (
            match.entry.cameo in codes
            and bool(sectors)
            and sectors <= self.lexicon.civilian_sectors
        )

    def _promised_action(self, match: TriggerMatch, verb_heads: dict[int, TriggerMatch]) -> TriggerMatch | None:
        """The material action a general promise governs ("vowed to attack", "pledged to send aid"),
        when the intent table has a code for its type."""
        if match.entry.cameo != "030" or not match.entry.governs:
            return None
        for child in match.token.children:
            inner = verb_heads.get(child.i) if child.dep_ == "xcomp" else None
            if inner is not None and inner.entry.event_type in self.lexicon.intent_codes:
                return inner
        return None

    def _part_of_same_act(self, match: TriggerMatch, verb_heads: dict[int, TriggerMatch]) -> bool:
        """A verb of the same type that says what an act was for or what it did ("flew to Kampala
        to attend a meeting", "met X to discuss", "marched to protest", "attacked a checkpoint,
        killing four"): the governing trigger already codes the act."""
        tok = match.token
        gov = verb_heads.get(tok.head.i) if tok.dep_ in ("advcl", "xcomp") else None
        return gov is not None and gov.entry.event_type == match.entry.event_type

    def _by_armed(self, match: TriggerMatch, source: ActorMention) -> bool:
        """Gangs, rebels, soldiers or police: "gangs blocked the fuel terminal" is not a protest."""
        codes = self.lexicon.armed_codes or {}
        return match.entry.cameo in codes and bool({x.upper() for x in source.actor.sectors} & _ARMED_SECTORS)

    def _by_state(self, match: TriggerMatch, source: ActorMention) -> bool:
        """A government, its officials or a country named bare: "Somalia protested the detention"."""
        codes = self.lexicon.state_codes or {}
        if match.entry.cameo not in codes or source.actor.country is None:
            return False
        sectors = {x.upper() for x in source.actor.sectors}
        return not sectors or bool(sectors & _STATE_SECTORS)

    def stated_intent(self, event_type: str, tense: str) -> str | None:
        """The CAMEO code of an event of ``event_type`` told in the future or as hypothetical: a
        stated intent or a threat ("will send aid" 033, "would strike" 138); None otherwise."""
        if tense not in ("future", "hypothetical"):
            return None
        return self.lexicon.intent_codes.get(event_type)

    def refusal(self, cameo: str) -> str | None:
        """The REJECT code of refusing the act ``cameo`` ("will not release" 0841 -> 1243): the
        ``refusal_codes`` entry with the longest key that prefixes the code; None when none does."""
        keys = [k for k in self.lexicon.refusal_codes if cameo.startswith(k)]
        return self.lexicon.refusal_codes[max(keys, key=len)] if keys else None

    def _intent_type(self, intent: str | None) -> str | None:
        if intent is None:
            return None
        from eventcoder.ontology import load_ontology

        return load_ontology().cameo[intent].plover_type

    def _symmetric(self, match: TriggerMatch) -> bool:
        """Events that coordinated actors do with each other ("X and Y met", "X and Y clashed")."""
        return (
            match.entry.event_type in _SYMMETRIC_TYPES
            or match.entry.cameo == "057"  # "X and Y signed an accord": each signs with the other
            or any(t.lemma_.lower() in _RELATION_NOUNS for t in match.tokens)  # "X and Y restored ties"
            or match.token.lemma_.lower() in _SYMMETRIC_LEMMAS
        )

    # ---------------------------------------------------------------- suppression
    def _suppressed(self, match: TriggerMatch, verb_heads: dict[int, TriggerMatch]) -> bool:
        tok = match.token
        if match.entry.event_type == "REJECT" and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in _COMMENT_VERBS for c in tok.children
        ):
            return True  # "declined to comment" rejects nothing (CAMEO 011, a statement)
        # an action embedded under a governing trigger ("agreed to withdraw", "refusal to release",
        # "demanded that both sides stop attacking"), up to three clauses up
        cur = tok
        for _ in range(3):
            if cur.dep_ not in ("xcomp", "ccomp", "acl", "advcl", "conj") or cur.head is cur:
                break
            gov = cur.head
            gm = verb_heads.get(gov.i)
            if gm is not None and gm.entry.governs and gm is not match:
                return True
            if gov.pos_ == "NOUN" and gov.lemma_ in _GOVERNING_NOUNS:
                return True
            cur = gov
        # a denied act did not happen as far as the report goes: "Russia denied shelling the city"
        cur = tok
        for _ in range(3):
            if cur.dep_ not in ("xcomp", "ccomp", "pcomp", "dobj", "pobj", "prep") or cur.head is cur:
                break
            cur = cur.head
            if cur.lemma_.lower() in _DENIAL_VERBS:
                return True
        # the content of an accusation, denial, demand or promise is alleged, not an event of its own:
        # "accused Y of attacking Z", "denied shelling the camp", "called for withdrawing troops"
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
            gm = verb_heads.get(tok.head.head.i)
            if gm is not None and gm.entry.event_type in _SPEECH_ACT_TYPES:
                return True
        if tok.dep_ == "ccomp" and (gm := verb_heads.get(tok.head.i)) is not None and gm.entry.event_type == "ACCUSE":
            return True  # "alleged that the police tortured detainees": the torture is alleged
        if match.entry.pos == "NOUN" and tok.dep_ == "compound":
            return True  # a modifier, not an event: "truce talks", "protest movement"
        if match.entry.pos == "NOUN":
            # the noun is what a verb trigger acts on ("boycotting the gathering", "called for the meeting")
            head = tok.head
            vm = verb_heads.get(head.i)
            if vm is not None and tok.dep_ in ("dobj", "nsubjpass", "attr") and head.i != tok.i:
                return True
            if head.dep_ == "prep":
                vm = verb_heads.get(head.head.i)
                if vm is not None and (head in vm.tokens or tok.lemma_ in vm.entry.objects):
                    return True
            if tok in (t for m in verb_heads.values() for t in m.tokens):
                return True
        return False

    # ---------------------------------------------------------------- arguments
    def actors_for(self, token: Token, index: MentionIndex, depth: int = 0) -> list[ActorMention]:
        """Actors a syntactic argument stands for, expanding coordination and 'members of X'."""
        if depth > 3:
            return []
        found: list[ActorMention] = []
        for tok in (token, *token.conjuncts):
            m = index.at(tok)
            if m is not None and m.actor.country is None and m.actor.resolution == "sector-noun":
                # "diplomats from the US, Russia and Switzerland": the countries they come from
                reps = [x for x in self._representative(tok, index, depth) if x not in found]
                if len(reps) > 1:
                    found.extend(reps)
                    continue
            if m is not None:
                owner = self._represented(tok, m, index)
                if owner is not None:
                    m = owner  # "UN envoy": the envoy acts for the UN
                if m not in found:
                    found.append(m)
                found.extend(x for x in _sharing_the_noun(tok, m, index) if x not in found)
                continue
            for extra in self._representative(tok, index, depth):
                if extra not in found:
                    found.append(extra)
        return found

    def _representative(self, tok: Token, index: MentionIndex, depth: int) -> list[ActorMention]:
        if tok.pos_ not in ("NOUN", "PROPN", "PRON"):
            return []
        lemma = tok.lemma_.lower()
        out: list[ActorMention] = []
        for child in tok.children:
            if child.dep_ == "prep" and child.lemma_ in self.lexicon.representative_preps and (
                lemma in self.lexicon.representative_nouns or child.lemma_ == "from"
            ):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out.extend(self.actors_for(pobj, index, depth + 1))
            elif child.dep_ in ("poss", "compound", "amod", "nmod") and lemma in self.lexicon.representative_nouns:
                m = index.at(child)
                if m is not None:
                    out.append(m)
        return out

    def _agent_of(self, noun: Token, index: MentionIndex, *, partners: bool = False) -> list[ActorMention]:
        """Who carried out an act named by a noun: "attack by X", "bombing claimed by X", "a report
        released by X", and with ``partners`` the other side of "clashes with X"."""
        if noun.lemma_.lower() not in _ACT_NOUNS and noun.lemma_.lower() not in _AUTHORED_NOUNS:
            return []
        preps = ("by", "with") if partners else ("by",)
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for pobj in _prep_objects(child):
                    found = self.actors_for(pobj, index) or self._owner(pobj, index)
                    if found:
                        return found
            if child.dep_ == "acl":  # "claimed by", "carried out by"
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for pobj in _prep_objects(agent):
                            found = self.actors_for(pobj, index)
                            if found:
                                return found
        return self._owner(noun, index)

    def _represented(self, tok: Token, m: ActorMention, index: MentionIndex) -> ActorMention | None:
        """The organisation or country a countryless "envoy", "spokesman" or "official" speaks for
        when it modifies the noun ("UN envoy", "Hamas spokesman")."""
        if m.actor.country or m.actor.resolution not in ("title", "sector-noun"):
            return None
        if tok.lemma_.lower() not in self.lexicon.representative_nouns:
            return None
        for child in tok.children:
            if child.dep_ in ("compound", "poss", "nmod"):
                other = index.at(child)
                if other is not None and other is not m and other.kind != "place":
                    return other
        return None

    def _owner(self, tok: Token, index: MentionIndex) -> list[ActorMention]:
        """Actors that own or qualify a non-actor noun: "Israel's raid", "the Israeli government's crimes"."""
        out: list[ActorMention] = []
        for child in tok.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod"):
                m = index.at(child)
                if m is not None and m not in out:
                    out.append(m)
        return out

    def sources(
        self, match: TriggerMatch, index: MentionIndex, *, triggers: frozenset[int] = frozenset()
    ) -> tuple[list[ActorMention], str]:
        tok = match.token
        if match.entry.pos == "NOUN":
            return self._noun_sources(tok, index, triggers)
        found, how = self._verb_sources(tok, index)
        if not found and match.entry.event_type in _SPEECH_ACT_TYPES:
            # "a report by a commission of the Rwandan government accused ...": who speaks is the
            # actor the subject's phrase names
            for child in tok.children:
                if child.dep_ not in _SUBJ:
                    continue
                for t in child.subtree:
                    m = index.at(t)
                    if m is not None and m.kind != "place" and m.actor.resolution != "unresolved":
                        return [m], f"actor '{m.actor.text}' in the subject phrase '{child.text}'"
        return found, how

    def _verb_sources(self, tok: Token, index: MentionIndex, hops: int = 0) -> tuple[list[ActorMention], str]:
        # "soldiers killed in a Ukrainian drone strike", "men detained by the police": a participle
        # describing a noun is read as a passive
        passive = _is_passive(tok) or _passive_participle(tok)
        for child in tok.children:
            if passive and child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = self.actors_for(pobj, index) or self._owner(pobj, index)
                        return found, f"passive agent '{pobj.text}'"
            if not passive and child.dep_ in _SUBJ:
                if _destination_read_as_subject(tok, child, index):
                    break  # "left Abuja for Addis Ababa to attend": the traveller attends
                if child.lower_ in _RELATIVE and tok.dep_ == "relcl":
                    return self.actors_for(tok.head, index), f"antecedent of '{child.text}'"
                found = self.actors_for(child, index)
                if found:
                    return found, f"subject '{child.text}'"
                owners = self._owner(child, index)
                if owners:
                    return owners, f"owner of subject '{child.text}'"
                # "an attack by X killed ...", "the blast, claimed by X, ...": the act's agent
                return self._agent_of(child, index), f"agent of subject '{child.text}'"
        if passive:
            # "two soldiers were killed in clashes with X", "... in an attack by X"; "one was
            # killed and three wounded in an Israeli raid"
            for child in (c for verb in _passive_family(tok) for c in verb.children):
                if child.dep_ == "prep" and child.lower_ in ("in", "during", "amid"):
                    for pobj in _prep_objects(child):
                        found = self._agent_of(pobj, index, partners=True)
                        if found:
                            return found, f"agent of '{child.text} {pobj.text}'"
        if passive or hops > 3:
            return [], ""
        # no subject of its own: inherit
        if tok.dep_ == "xcomp" and tok.head.pos_ in ("VERB", "AUX") and _is_passive(tok.head):
            # "X is expected (scheduled, believed) to meet Y": the passive verb's subject acts
            for child in tok.head.children:
                if child.dep_ == "nsubjpass":
                    found = self.actors_for(child, index) or self._owner(child, index)
                    if found:
                        return found, f"subject '{child.text}' of '{tok.head.text}'"
        if tok.dep_ == "xcomp" and tok.head.pos_ == "ADJ" and tok.head.head.pos_ in ("VERB", "AUX"):
            # "X is ready to negotiate", "X was willing to withdraw": the subject of the copula
            found, how = self._verb_sources(tok.head.head, index, hops + 1)
            return found, (how + f" (shared with '{tok.head.text}')") if found else ""
        if tok.dep_ in ("xcomp", "conj", "advcl") and tok.head.pos_ in ("VERB", "AUX"):
            found, how = self._verb_sources(tok.head, index, hops + 1)
            return found, (how + f" (shared with '{tok.head.text}')") if found else ""
        if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
            # "after meeting X in Beijing, Obama flew to Tokyo": the main clause's subject
            verb = tok.head.head
            found, how = self._verb_sources(verb, index, hops + 1)
            return found, (how + f" (shared with '{verb.text}')") if found else ""
        if _passive_participle(tok):
            return [], ""  # "three men convicted of smuggling": the men undergo it
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
            return self.actors_for(tok.head, index), f"noun modified '{tok.head.text}'"
        return [], ""

    def _noun_sources(
        self, tok: Token, index: MentionIndex, triggers: frozenset[int] = frozenset()
    ) -> tuple[list[ActorMention], str]:
        for child in tok.children:
            if child.dep_ == "prep" and child.lemma_ == "by":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = self.actors_for(pobj, index)
                        if found:
                            return found, f"'by {pobj.text}'"
        for child in tok.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod"):
                m = index.at(child)
                if m is not None:
                    return [m, *[index.at(c) for c in child.conjuncts if index.at(c)]], f"{child.dep_} '{child.text}'"
        head = tok.head
        if tok.dep_ in ("dobj",) and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in _JUDGING_VERBS:
            found, how = self._verb_sources(head, index)
            if found:
                return found, how + f" of '{head.text}'"
        if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lemma_ == "for":
            # "arrived in Cairo for talks with X", "is due in Cairo for talks": the traveller
            verb = head.head.head if head.head.pos_ == "ADJ" else head.head
            if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in _TRAVEL_VERBS:
                found, how = self._verb_sources(verb, index)
                if found:
                    return found, how + f" of '{verb.text}'"
        if (
            tok.dep_ == "pobj"
            and head.dep_ == "prep"
            and head.head.pos_ in ("VERB",)
            and head.lemma_ in ("in", "into")
            and head.head.i not in triggers  # "arrested a suspect in the killing": not the police's act
            and head.head.lemma_.lower() not in _UNDERGO_VERBS  # "died in an attack": the victims
        ):
            found, how = self._verb_sources(head.head, index)
            if found:
                return found, how + f" of '{head.head.text}'"
        return [], ""

    def targets(
        self, match: TriggerMatch, index: MentionIndex, *, exclude: Sequence[ActorMention] = ()
    ) -> tuple[list[ActorMention], str]:
        """The target actors and how they were found; actors in ``exclude`` (the sources) are skipped.

        Another trigger's phrase may hold the target: "fired rockets in an attack on Y" is one
        event, and "condemned the attack by Y" names Y."""
        hidden = _Excluding(index, exclude)
        found, how = self._targets(match, hidden)
        if found:
            return found, how
        if not match.entry.governs and match.entry.event_type not in ("REQUEST", "ACCUSE"):
            return self._subtree_target(match, hidden)
        # "demanded that Y withdraw", "insisted that Y step down", "alleged that Y tortured": the
        # subject of the complement clause (requests and accusations always take one);
        # "offered to hand over the suspects to Britain": the embedded action's target, unless the
        # governing verb has an addressee of its own ("urged the community to act on ...").
        has_object = _has_own_object(match)
        for child in match.token.children:
            if child.dep_ == "ccomp":
                for sub in child.children:
                    if sub.dep_ in ("nsubj", "nsubjpass"):
                        got = self.actors_for(sub, hidden)
                        if got:
                            return got, f"subject '{sub.text}' of the demanded clause"
            if child.dep_ == "xcomp" and child.pos_ == "VERB" and not has_object and match.entry.governs:
                inner = TriggerMatch(token=child, entry=match.entry, tokens=(child,))
                got, inner_how = self._targets(inner, hidden)
                if got:
                    return got, f"{inner_how} of embedded '{child.text}'"
        return self._subtree_target(match, hidden)

    def _nearest_target(
        self, match: TriggerMatch, sent: Span, index: MentionIndex, sources: Sequence[ActorMention]
    ) -> tuple[list[ActorMention], str]:
        """No syntactic target: the resolved actor nearest the trigger within the trigger's own
        clause, outside the source's phrase and outside clauses of their own; failing an actor,
        the place the clause names stands for its country (a weaker reading; the
        event's confidence drops)."""
        clause = match.token
        while clause.dep_ not in _CLAUSE_DEPS and clause.head is not clause:
            clause = clause.head
        region = {t.i for t in clause.subtree}
        for t in clause.subtree:
            if (
                t.dep_ in _CLAUSE_DEPS or t.lemma_.lower() in _ATTRIBUTION_PREPS
            ) and t is not clause and match.token not in t.subtree:
                region -= {u.i for u in t.subtree}
        region -= _embedded_after_object(match)
        region -= {t.i for t in match.tokens}  # "sent troops": the trigger's own words are not its target
        for s in sources:
            region -= {t.i for t in sent.doc[s.head].subtree if t not in match.tokens}
        for t in match.token.children:
            if t.dep_ in ("nsubj", "nsubjpass", "csubj"):  # the subject's phrase is the source's
                region -= {u.i for u in t.subtree}
        hidden = _Excluding(index, sources)
        best: tuple[int, ActorMention] | None = None
        place: tuple[int, ActorMention] | None = None
        for i in sorted(region):
            m = hidden.at(sent.doc[i])
            if m is None or m.actor.resolution == "unresolved":
                continue
            d = abs(i - match.token.i)
            if m.kind == "place":
                if any(m.actor.cameo_code == s.actor.cameo_code for s in sources):
                    continue  # "Egypt offered to host talks in Cairo": not an act of Egypt on itself
                if place is None or d < place[0]:
                    place = (d, m)
                continue
            if best is None or d < best[0]:
                best = (d, m)
        if best is None and place is not None and match.entry.event_type != "CONSULT":  # "met in Geneva"
            # "threatened to crack down in Algiers": where the act is aimed, its country is the target
            return [place[1]], f"the place the clause names '{place[1].actor.text}' (no actor named as target)"
        if best is None:
            return [], ""
        return [best[1]], f"nearest actor in the same clause '{best[1].actor.text}' (no direct syntactic link)"

    def _subtree_target(
        self, match: TriggerMatch, index: MentionIndex
    ) -> tuple[list[ActorMention], str]:
        """Last resort: the first actor inside the phrase the trigger governs, outside its subject
        and outside clauses of their own ("imposed curbs on the export of oil to X")."""
        tok = match.token
        skip: set[int] = set()
        for child in tok.children:
            if (
                child.dep_ in _OWN_CLAUSE_DEPS
                or (child.dep_ == "nsubjpass" and match.entry.pos != "VERB")
                or child.lemma_.lower() in _ATTRIBUTION_PREPS
            ):
                skip.update(t.i for t in child.subtree)
            if (
                child.dep_ == "prep"
                and child.lower_ in ("in", "during", "amid")
                and match.entry.pos == "VERB"
                and _is_passive(tok)
                and any(p.lemma_.lower() in _ACT_NOUNS for p in _prep_objects(child))
            ):
                skip.update(t.i for t in child.subtree)  # "wounded in an Israeli raid": the raid's author acts
        own = {t.i for t in match.tokens}
        skip |= _embedded_after_object(match)
        if tok.lemma_.lower() in _TOPIC_VERBS:
            for child in tok.children:
                if child.dep_ == "dobj":
                    skip.update(t.i for t in child.subtree)
        for t in tok.subtree:
            if t.i in skip or t.i in own or t.i <= tok.i and match.entry.pos == "VERB":
                continue
            m = index.at(t)
            if m is not None and m.kind != "place" and m.actor.resolution != "unresolved":
                head = t.doc[m.head]  # coordination hangs on the mention's head ("army and the RSF")
                return self.actors_for(head, index) or [m], f"actor '{m.actor.text}' in the phrase '{tok.text}' governs"
        return [], ""

    def _targets(self, match: TriggerMatch, index: MentionIndex) -> tuple[list[ActorMention], str]:
        tok = match.token
        entry = match.entry
        carriers = [tok]
        if entry.pos == "NOUN" and tok.dep_ == "dobj":
            carriers.append(tok.head)  # "held talks with X": "with" may hang on the verb
        extras = [t for t in match.tokens[1:] if t.pos_ in ("NOUN", "PROPN")]
        carriers.extend(extras)
        if entry.pos == "VERB" and _passive_participle(tok):
            found = self.actors_for(tok.head, index)
            if found:
                return found, f"noun '{tok.head.text}' the participle '{tok.text}' describes"
        if entry.pos == "VERB":
            passive = _is_passive(tok)
            patient = "nsubj" if _elliptic_passive(tok) else "nsubjpass"
            for child in tok.children:
                if passive and child.dep_ == patient:
                    # "two of its soldiers were abducted": the actor is in the of-phrase
                    found = self.actors_for(child, index) or self._owner(child, index)
                    if not found and (child.pos_ == "NUM" or child.lower_ in _QUANTIFIERS):
                        found = self._of_phrase(child, index)
                    if found:
                        return found, f"passive subject '{child.text}'"
            for child in tok.children:
                if child.dep_ == "dobj" and tok.lemma_.lower() in _TOPIC_VERBS:
                    continue  # "discussed Syria": the object is what they talked about
                if child.dep_ == "dobj" and entry.event_type == "MOBILIZE":
                    continue  # "deployed troops to the border": the troops are the means, not the target
                if child.dep_ in ("dobj", "dative") and child not in match.tokens:
                    found = self.actors_for(child, index)
                    if entry.cameo.startswith(("087", "07")) and found and all(_own_forces(m) for m in found):
                        # "withdrew troops from Syria", "will send tanks to Ukraine": what is moved is the
                        # means; the place left or the receiver is the target
                        continue
                    if found:
                        return found, f"object '{child.text}'"
            for child in tok.children:
                if child.dep_ == "dobj" and entry.event_type != "MOBILIZE":
                    found = self._owner(child, index) or self._of_phrase(child, index)
                    if found:
                        return found, f"owner of object '{child.text}'"
        if entry.pos == "VERB":
            # "signed an agreement with X", "imposed sanctions on X": the phrase hangs on the object
            carriers.extend(c for c in tok.children if c.dep_ == "dobj" and c not in carriers)
        nested: list[tuple[str, Token]] = []
        for prep in entry.target_preps:
            for carrier in carriers:
                for child in carrier.children:
                    if child.dep_ in ("prep", "prt", "agent") and child.lower_ == prep:
                        for pobj in _prep_objects(child):
                            found = self.actors_for(pobj, index) or self._owner(pobj, index)
                            if found:
                                return found, f"'{prep} {pobj.text}'"
                            nested.append((prep, pobj))
        if entry.pos == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "into"):
            # "engaged the peacekeepers in a firefight", "drew Iran into talks": the verb's object
            verb = tok.head.head
            for child in verb.children if verb.pos_ == "VERB" and tok.head.dep_ == "prep" else ():
                if child.dep_ == "dobj":
                    found = self.actors_for(child, index)
                    if found:
                        return found, f"object '{child.text}' of '{verb.text}' drawn into the {tok.text}"
        if entry.pos == "NOUN":
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in _prep_objects(child):
                        found = self.actors_for(pobj, index)
                        if found:
                            return found, f"'of {pobj.text}'"
        # "protested in Y": the place stands for the target; "met in Y", "signed in Y": it does not
        place_may_be_target = entry.event_type not in _SYMMETRIC_TYPES and entry.cameo != "057"
        for child in tok.children if place_may_be_target else ():
            if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
                for pobj in _prep_objects(child):
                    m = index.at(pobj)
                    if m is not None and m.kind in _PLACE_KINDS:
                        return [m], f"place of the event '{child.text} {pobj.text}'"
        # one level deeper: "called for the release of X", "sanctions on imports from X"
        for prep, pobj in nested:
            for child in pobj.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "from", "with", "against", "by"):
                    for inner in _prep_objects(child):
                        found = self.actors_for(inner, index)
                        if found:
                            return found, f"'{prep} {pobj.text} {child.text} {inner.text}'"
        return [], ""

    def _of_phrase(self, tok: Token, index: MentionIndex) -> list[ActorMention]:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "between", "among", "with"):
                for pobj in _prep_objects(child):
                    found = self.actors_for(pobj, index)
                    if found:
                        return found
        return []

    # ---------------------------------------------------------------- modality
    def negated(self, match: TriggerMatch) -> bool:
        tok = match.token
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        if match.entry.pos == "NOUN" and any(c.lower_ in _NEG_DETS for c in tok.children if c.dep_ == "det"):
            return True
        if tok.dep_ == "xcomp" and any(c.dep_ == "neg" for c in tok.head.children):
            return True
        return False

    def tense_mode(self, match: TriggerMatch) -> str:
        lex = self.lexicon
        tok = match.token
        if match.entry.pos == "NOUN" and tok.head.pos_ in ("VERB", "AUX"):
            tok = tok.head
        chain = [tok]
        cur = tok
        while cur.dep_ in ("xcomp", "conj", "ccomp", "advcl") and cur.head is not cur and len(chain) < 6:
            cur = cur.head
            chain.append(cur)
        for node in chain:
            for c in node.children:
                lw = c.lower_
                if c.dep_ == "mark" and lw in lex.hypothetical_markers:
                    return "hypothetical"
                if c.dep_ == "aux" and lw in ("could", "might", "may", "should"):
                    return "hypothetical"
                if c.dep_ == "aux" and lw == "would":
                    reported = any(n.lemma_.lower() in lex.speech_verbs for n in chain[1:])
                    return "future" if reported else "hypothetical"
        for node in chain:
            for c in node.children:
                if c.dep_ == "aux" and c.lower_ in lex.future_markers:
                    return "future"
                if c.dep_ == "aux" and c.lower_ == "'ll":
                    return "future"
            if node is not tok and node.lemma_.lower() in lex.intent_verbs:
                return "future"
            if node.lemma_.lower() == "go" and any(c.dep_ == "xcomp" for c in node.children) and node is not tok:
                return "future"
        for node in chain[1:]:
            if node.lemma_.lower() in lex.speech_verbs:
                return "reported"
        return "asserted"


class _Excluding(MentionIndex):
    """A mention index that hides the given mentions and any mention of the same actor."""

    def __init__(self, base: MentionIndex, hidden: Sequence[ActorMention]):
        self.by_token = base.by_token
        self._hidden = list(hidden)

    def at(self, token: Token) -> ActorMention | None:
        m = self.by_token.get(token.i)
        if m is None or any(_same_actor(m, h) or _refers_back(m, h) for h in self._hidden):
            return None
        return m


def _refers_back(m: ActorMention, source: ActorMention) -> bool:
    """"its ambassador", "their troops": the source's own people are not its target."""
    if m.actor.country is None or m.actor.country != source.actor.country:
        return False
    first = m.actor.text.split(" ", 1)[0].lower()
    return m.actor.resolution == "coreference" or first in _POSSESSIVES


def _has_own_object(match: TriggerMatch) -> bool:
    """The trigger has a direct object that is not one of its own words ("urged *the community*")."""
    own = {t.i for t in match.tokens}
    return any(c.dep_ == "dobj" and c.i not in own for c in match.token.children)


def _embedded_after_object(match: TriggerMatch) -> set[int]:
    """"urged the international community to act on ... the Palestinian question": when the trigger
    has an object of its own (the addressee, even one no actor names), the words of its embedded
    clause are no fallback target."""
    if not _has_own_object(match):
        return set()
    return {t.i for c in match.token.children if c.dep_ in ("xcomp", "ccomp") for t in c.subtree}


def _aid_purpose(match: TriggerMatch) -> Token | None:
    """The purpose verb of a deployment sent to help: "deployed troops to Mali to help the government",
    "sent soldiers to protect the convoy". Such a deployment is military aid (PLOVER AID), not a
    show of force."""
    if match.entry.event_type != "MOBILIZE":
        return None
    for child in match.token.children:
        if (
            child.dep_ in ("advcl", "xcomp")
            and child.lemma_.lower() in _HELP_VERBS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ):
            return child
    return None


def _is_passive(tok: Token) -> bool:
    """A verb in the passive voice, including one that shares the passive of the verb it is
    coordinated with: "a man was killed and three wounded" ("three" undergoes the wounding)."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return True
    return _elliptic_passive(tok)


def _elliptic_passive(tok: Token) -> bool:
    return (
        tok.dep_ == "conj"
        and tok.tag_ == "VBN"
        and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
        and any(c.dep_ == "auxpass" for c in tok.head.children)
    )


def _passive_family(tok: Token) -> list[Token]:
    """The verb and the passive verbs coordinated with it ("killed and three wounded in a raid",
    "was shot and dozens were arrested during a crackdown": the phrase may hang on either)."""
    family = [tok]
    if tok.dep_ == "conj" and _is_passive(tok.head):
        family.append(tok.head)
    family.extend(c for c in tok.children if c.dep_ == "conj" and _is_passive(c))
    return family


def _own_forces(m: ActorMention) -> bool:
    """Forces named by a sector noun alone ("troops", "tanks") or as the actor's own ("its
    soldiers"): what an actor moves. "Ukrainian soldiers" name someone else's forces."""
    if "MIL" not in m.actor.sectors:
        return False
    return m.actor.resolution == "coreference" or (m.actor.resolution == "sector-noun" and m.actor.country is None)


def _passive_participle(tok: Token) -> bool:
    """A past participle describing a noun: "the men convicted of smuggling", "activists detained
    last week" (the noun undergoes the act)."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN")


def _sharing_the_noun(tok: Token, m: ActorMention, index: MentionIndex) -> list[ActorMention]:
    """"Iranian and Turkish officials": the actors of nationalities coordinated before the noun
    of mention ``m`` ("Iranian" is a mention of its own, outside "Turkish officials")."""
    out: list[ActorMention] = []
    for child in tok.children:
        if child.dep_ not in ("amod", "compound", "nmod"):
            continue  # "UN envoy": a modifier alone is part of the actor, not a second one
        for t in (child, *child.conjuncts):
            other = index.at(t)
            if other is not None and other is not m and other.head == t.i and not m.start <= t.i < m.end:
                out.append(other)
    return out


def _acted(noun: Token) -> bool:
    """A noun trigger that a verb carries out: "launched an offensive", "held talks", "staged a protest"."""
    return noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX")


def _prep_objects(prep: Token) -> list[Token]:
    out = [c for c in prep.children if c.dep_ == "pobj"]
    if not out:  # "because of X": the object hangs one level lower
        for c in prep.children:
            if c.dep_ in ("prep", "pcomp"):
                out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def _same_actor(a: ActorMention, b: ActorMention) -> bool:
    if a.start == b.start:
        return True
    return a.actor.name == b.actor.name and a.actor.cameo_code == b.actor.cameo_code


def _destination_read_as_subject(verb: Token, subj: Token, index: MentionIndex) -> bool:
    """"X left for Addis Ababa to attend the summit": the parser reads "for Addis Ababa to attend" as a
    for-to clause whose subject is the city, where the city is where X travels and X attends."""
    return (
        verb.dep_ == "advcl"
        and verb.head.lemma_.lower() in _TRAVEL_VERBS
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)
        and (m := index.at(subj)) is not None
        and m.kind in _PLACE_KINDS
    )


def _blame_word(clause: Token, lex: Lexicon) -> tuple[Token | None, str]:
    """The word that blames ("Y was responsible / behind / to blame", "Y committed war crimes": 112)
    or warns ("Y would pay a heavy price", "Y will face consequences", "Y will regret it": 130)."""
    lemma = clause.lemma_.lower()
    objects = {c.lemma_.lower() for c in clause.children if c.dep_ == "dobj"}
    if lemma == "be":
        for c in clause.children:
            if c.dep_ in ("acomp", "attr", "xcomp") and c.lemma_.lower() in lex.blame_words:
                return c, "112"
            if c.dep_ == "prep" and c.lower_ == "behind":
                return c, "112"
    elif lemma in lex.wrongdoing_verbs and objects & lex.wrongdoing_nouns:
        return clause, "112"
    elif lemma in lex.warning_verbs and (not lex.warning_verbs[lemma] or objects & lex.warning_verbs[lemma]):
        return clause, "130"
    return None, ""


def _political(m: ActorMention, sectors: frozenset[str]) -> bool:
    """A country, an IGO or NGO, or an actor of a political sector ("the company said" is no event)."""
    code = (m.actor.cameo_code or "")[:3]
    if not (m.actor.country or code in ("IGO", "NGO")):
        return False
    return not m.actor.sectors or bool({s.upper() for s in m.actor.sectors} & sectors)
