"""Cutting the input stream into numbered chunks, the unit of work and of resumption.

Chunk ``k`` holds items ``k*size .. (k+1)*size - 1`` of the input stream. Its key is a digest of
its item ids, so a rerun can tell that chunk ``k`` is the same chunk as before.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from eventcoder.scale.inputs import InputItem

__all__ = ["Chunk", "chunk_key", "make_chunks"]


@dataclass(frozen=True, slots=True)
class Chunk:
    """A numbered run of consecutive input items."""

    index: int
    key: str
    items: tuple[InputItem, ...]


def chunk_key(ids: Iterable[str]) -> str:
    """16 hex digits identifying a sequence of item ids."""
    h = hashlib.blake2b(digest_size=8)
    for ident in ids:
        h.update(ident.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def _id_hash(ident: str) -> int:
    return int.from_bytes(
        hashlib.blake2b(ident.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big"
    )


def _reject_duplicates(items: Iterable[InputItem]) -> Iterator[InputItem]:
    """Items, with a second article under an id already seen turned into a rejection.

    Two articles with one id would give events with the same ids; the first one wins.
    """
    seen: dict[int, str] = {}
    for item in items:
        if item.article is not None:
            h = _id_hash(item.id)
            first = seen.get(h)
            if first is not None:
                item = replace(
                    item,
                    article=None,
                    error_kind="duplicate-id",
                    error=(
                        f"{item.path}: article id {item.id!r} was already read from {first}; "
                        "give every article a unique id (it was coded once, from the first input)"
                    ),
                )
            else:
                seen[h] = item.path
        yield item


def make_chunks(items: Iterable[InputItem], size: int) -> Iterator[Chunk]:
    """Consecutive chunks of ``size`` items (the last may be shorter); duplicate ids rejected."""
    if size < 1:
        raise ValueError(f"chunk size must be at least 1, not {size}")
    buf: list[InputItem] = []
    index = 0
    for item in _reject_duplicates(items):
        buf.append(item)
        if len(buf) == size:
            yield Chunk(index, chunk_key(i.id for i in buf), tuple(buf))
            index += 1
            buf = []
    if buf:
        yield Chunk(index, chunk_key(i.id for i in buf), tuple(buf))
