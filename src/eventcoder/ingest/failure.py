"""The record a batch keeps for an input item that could not be read."""

from __future__ import annotations

from dataclasses import dataclass

from eventcoder.errors import InputError

__all__ = ["IngestFailure"]


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """One input item (a file, a JSONL line, a CSV row, a JSON list element) that was skipped.

    ``reason`` says what is wrong and what to do, without the location; ``message`` adds it.
    """

    path: str
    reason: str
    line: int | None = None  # 1-based line in the file (JSONL, CSV), when known
    record: int | None = None  # 1-based position among the file's records, when known

    @property
    def message(self) -> str:
        """One line: ``path:line: reason`` (or ``path: record #n: reason``)."""
        if self.line is not None:
            return f"{self.path}:{self.line}: {self.reason}"
        if self.record is not None:
            return f"{self.path}: record #{self.record}: {self.reason}"
        return f"{self.path}: {self.reason}"

    def to_error(self) -> InputError:
        """The failure as an exception, for callers that stop at the first bad item."""
        return InputError(self.message)

    @classmethod
    def from_error(cls, path: str, exc: InputError) -> IngestFailure:
        """Wrap a whole-file InputError (whose message starts with ``path: ``)."""
        text = str(exc)
        prefix = f"{path}: "
        return cls(path=path, reason=text[len(prefix) :] if text.startswith(prefix) else text)
