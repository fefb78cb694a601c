"""eventcoder: political event data (PLOVER and CAMEO) from news text, with evidence."""

from __future__ import annotations

from eventcoder.coder import Coder, code_text
from eventcoder.errors import EventcoderError, InputError
from eventcoder.records import Actor, Article, CodingResult, Event, Evidence, Location, Size

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Coder",
    "CodingResult",
    "Event",
    "EventcoderError",
    "Evidence",
    "InputError",
    "Location",
    "Size",
    "code_text",
]
