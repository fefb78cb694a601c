"""Event stage: trigger lexicon, trigger matching, argument extraction, modality."""

from __future__ import annotations

from eventcoder.events.extractor import Candidate, EventExtractor, MentionIndex
from eventcoder.events.lexicon import Lexicon, Trigger, load_lexicon
from eventcoder.events.triggers import TriggerMatch, find_triggers

__all__ = [
    "Candidate",
    "EventExtractor",
    "Lexicon",
    "MentionIndex",
    "Trigger",
    "TriggerMatch",
    "find_triggers",
    "load_lexicon",
]
