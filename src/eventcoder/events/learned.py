"""Combining the lexicon with the learned pair classifier (the default mode when ``eventcoder[ml]`` is
installed; ``--fast`` or ``Coder(mode="fast")`` keeps the rules alone).

The lexicon and the parse find the trigger, the source and the target; the classifier reads the
sentence with that pair marked and gives a probability for each PLOVER type and for NONE. The two vote:
the lexicon's type gets a fixed bonus (``LEXICON_BONUS``, set a priori, not fitted to any gold set), and
the highest score wins. When the classifier's choice differs from the lexicon's, the event takes the
PLOVER type's default CAMEO code and ``why`` says so; when NONE wins, the candidate is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from eventcoder.events.classifier import NONE_LABEL, PairClassifier, mark
from eventcoder.events.extractor import Candidate

__all__ = ["LEXICON_BONUS", "Verdict", "LearnedTyper"]

#: Added to the classifier's probability of the type the lexicon gave.
LEXICON_BONUS = 0.25


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the vote decided for one candidate."""

    event_type: str  # a PLOVER type, or NONE
    probability: float  # the classifier's calibrated probability of that label
    lexicon_type: str | None
    changed: bool
    #: the winner's share of the vote (classifier probabilities plus the lexicon bonus, over the
    #: labels in the running); equals ``probability`` when there is no lexicon type to add to
    confidence: float

    def explain(self) -> str:
        if self.event_type == NONE_LABEL:
            return f"classifier: no event between the pair (p={self.probability:.2f})"
        if self.changed:
            return (
                f"classifier: {self.event_type} p={self.probability:.2f} "
                f"overrides lexicon {self.lexicon_type}"
            )
        return f"classifier agrees: {self.event_type} p={self.probability:.2f}"


def vote(
    probs: dict[str, float], lexicon_type: str | None, *, allow_none: bool = True, bonus: float | None = None
) -> Verdict:
    """The label with the best classifier probability plus the lexicon bonus (``LEXICON_BONUS``
    unless ``bonus`` is given)."""
    scores = dict(probs)
    if not allow_none:
        scores.pop(NONE_LABEL, None)
    if lexicon_type in scores:
        scores[lexicon_type] += LEXICON_BONUS if bonus is None else bonus
    best = max(scores, key=lambda k: scores[k])
    share = scores[best] / sum(scores.values()) if sum(scores.values()) > 0 else 0.0
    return Verdict(
        best, probs[best], lexicon_type, changed=lexicon_type is not None and best != lexicon_type, confidence=share
    )


class LearnedTyper:
    """Types candidates with the pair classifier, batched per document."""

    def __init__(self, classifier: PairClassifier):
        self.classifier = classifier

    @classmethod
    def load(cls) -> LearnedTyper | None:
        """None when the ``ml`` extra or the shipped model is missing (the classifier logs why)."""
        clf = PairClassifier.load()
        return cls(clf) if clf is not None else None

    def judge(self, candidates: Sequence[Candidate]) -> list[Verdict | None]:
        """A verdict per candidate; None for candidates with neither source nor target."""
        texts: list[str] = []
        where: list[int] = []
        for n, cand in enumerate(candidates):
            marked = marked_sentence(cand)
            if marked is not None:
                texts.append(marked)
                where.append(n)
        out: list[Verdict | None] = [None] * len(candidates)
        for n, probs in zip(where, self.classifier.predict(texts), strict=True):
            out[n] = vote(probs, candidates[n].final_type)
        return out

    def judge_pair(self, text: str, source: tuple[int, int] | None, target: tuple[int, int] | None,
                   lexicon_type: str | None, *, allow_none: bool = True) -> Verdict:
        """Type a given pair (pair classification); NONE only when the classifier is sure of it, and
        never with ``allow_none=False`` (the pair is known to take part in an event)."""
        if source is not None and target is not None and source[0] < target[1] and target[0] < source[1]:
            target = None  # overlapping marks: type the event from the source alone
        probs = self.classifier.predict([mark(text, source, target)])[0]
        verdict = vote(probs, lexicon_type, allow_none=allow_none)
        if verdict.event_type == NONE_LABEL and verdict.probability < 0.5:
            return vote(probs, lexicon_type, allow_none=False)
        return verdict


def marked_sentence(cand: Candidate) -> str | None:
    """The candidate's sentence with its source and target marked; None without either."""
    sent = cand.sentence
    base = sent.start_char
    spans = []
    for m in (cand.source, cand.target):
        if m is None:
            spans.append(None)
            continue
        start, end = m.actor.start - base, m.actor.end - base
        if not 0 <= start < end <= len(sent.text):
            spans.append(None)  # a coreferent antecedent outside the sentence: not markable here
            continue
        spans.append((start, end))
    src, tgt = spans
    if src is None and tgt is None:
        return None
    if src is not None and tgt is not None and src[0] < tgt[1] and tgt[0] < src[1]:
        tgt = None  # overlapping marks (a possessive inside the source)
    return mark(sent.text, src, tgt)
