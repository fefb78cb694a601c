"""Exceptions raised by eventcoder.

    EventcoderError
     ├── InputError          bad article input (empty, binary, not UTF-8, too large, broken HTML/JSON)
     ├── DataFileError       a data or dictionary file is malformed (has ``path`` and ``line``)
     │    ├── LexiconError
     │    └── ActorKBError
     ├── PipelineError       the NLP pipeline could not be loaded or run
     ├── ConfigError         an unknown option or setting
     └── StoreError          output could not be written or read

The CLI turns every ``EventcoderError`` into a one-line message and a non-zero exit.
"""

from __future__ import annotations

from pathlib import Path


class EventcoderError(Exception):
    """Base class for all errors eventcoder reports to users."""


class InputError(EventcoderError):
    """An input article cannot be read; the message says why and what to do."""


class DataFileError(EventcoderError):
    """A data file is malformed at a given line."""

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None):
        self.path = str(path) if path is not None else None
        self.line = line
        where = ""
        if self.path:
            where = f"{self.path}:{line}: " if line is not None else f"{self.path}: "
        super().__init__(f"{where}{message}")


class LexiconError(DataFileError):
    """The event trigger lexicon is malformed."""


class ActorKBError(DataFileError):
    """The actor knowledge base or an imported dictionary is malformed."""


class PipelineError(EventcoderError):
    """The spaCy pipeline could not be loaded or run."""


class ConfigError(EventcoderError):
    """An unknown or invalid option."""


class StoreError(EventcoderError):
    """Output could not be written or read."""
