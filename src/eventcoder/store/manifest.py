"""The run manifest: what command made an output folder, so a rerun can resume it safely.

``_eventcoder_run.json`` in the output folder records everything that decides the output: the
input files (path, size, modification time), the dictionaries, the chunk size, the coder and the
schema version. A rerun with the same manifest resumes; a different one is refused unless the
user passes ``--force``, which clears the previous output first. How the work is run (engine,
workers, batch size) is not recorded: it does not change the output.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventcoder.errors import StoreError
from eventcoder.store.parts import ARTICLES_DIR, EVENTS_DIR, write_atomic

__all__ = [
    "LOCK_NAME",
    "MANIFEST_NAME",
    "lock_output",
    "OUTPUT_NAMES",
    "RunManifest",
    "file_stamp",
    "open_output",
]

MANIFEST_NAME = "_eventcoder_run.json"
ERRORS_NAME = "errors.jsonl"
DATABASE_NAME = "eventcoder.duckdb"
#: Everything a run writes in its output folder (and all that ``--force`` removes).
OUTPUT_NAMES = (EVENTS_DIR, ARTICLES_DIR, ERRORS_NAME, DATABASE_NAME, MANIFEST_NAME)


def file_stamp(path: str | Path) -> dict[str, Any]:
    """Identity of an input file: absolute path, size and modification time (``-`` is stdin)."""
    if str(path) == "-":
        return {"path": "-"}
    p = Path(path)
    st = p.stat()
    return {"path": str(p.resolve()), "size": st.st_size, "mtime_ns": st.st_mtime_ns}


@dataclass(frozen=True, slots=True)
class RunManifest:
    """What made an output folder."""

    schema: str
    version: str
    inputs: tuple[dict[str, Any], ...]
    dictionaries: tuple[dict[str, Any], ...]
    chunk_size: int
    coder: str
    max_bytes: int

    def to_json(self) -> str:
        return json.dumps(
            {
                "schema": self.schema,
                "version": self.version,
                "inputs": list(self.inputs),
                "dictionaries": list(self.dictionaries),
                "chunk_size": self.chunk_size,
                "coder": self.coder,
                "max_bytes": self.max_bytes,
            },
            indent=1,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> RunManifest:
        d = json.loads(text)
        return cls(
            schema=d["schema"],
            version=d["version"],
            inputs=tuple(d["inputs"]),
            dictionaries=tuple(d["dictionaries"]),
            chunk_size=int(d["chunk_size"]),
            coder=d["coder"],
            max_bytes=int(d["max_bytes"]),
        )

    def differences(self, other: RunManifest) -> list[str]:
        """Human-readable list of what differs between two manifests."""
        diffs = []
        if self.inputs != other.inputs:
            mine = {i["path"] for i in self.inputs}
            theirs = {i["path"] for i in other.inputs}
            if mine != theirs:
                diffs.append(f"inputs ({len(theirs - mine)} added, {len(mine - theirs)} removed)")
            else:
                changed = sum(a != b for a, b in zip(self.inputs, other.inputs, strict=False))
                diffs.append(f"inputs ({changed} changed since, or given in another order)")
        for name in ("dictionaries", "chunk_size", "max_bytes", "coder", "schema", "version"):
            if getattr(self, name) != getattr(other, name):
                diffs.append(name.replace("_", " "))
        return diffs


LOCK_NAME = ".eventcoder.lock"


@contextlib.contextmanager
def lock_output(out: str | Path) -> Iterator[None]:
    """Hold an exclusive lock on the output folder (created if needed) for one run.

    The lock dies with the process, even by SIGKILL. Raises StoreError when another run holds it.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise StoreError(f"--out {out} is a file, not a folder; give a folder name")
    out.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # not POSIX: run without the lock
        yield
        return
    with (out / LOCK_NAME).open("a+") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise StoreError(
                f"another 'eventcoder run' is writing to {out}; wait for it to finish or choose another --out"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _clear(out: Path) -> None:
    for name in OUTPUT_NAMES:
        p = out / name
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p)
        elif p.exists() or p.is_symlink():
            p.unlink()


def open_output(out: str | Path, manifest: RunManifest, *, force: bool = False) -> bool:
    """Make ``out`` ready for a run described by ``manifest``; True when resuming an earlier run.

    Raises StoreError when ``out`` holds another run's output or unrelated files and ``force``
    is false; with ``force`` the earlier output (only the files a run writes) is removed first.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise StoreError(f"--out {out} is a file, not a folder; give a folder name")
    out.mkdir(parents=True, exist_ok=True)
    path = out / MANIFEST_NAME
    if path.exists():
        try:
            previous = RunManifest.from_json(path.read_text(encoding="utf-8"))
        except (ValueError, KeyError, TypeError) as exc:
            if not force:
                raise StoreError(
                    f"{path} is unreadable ({exc}); pass --force to start over or choose another --out"
                ) from None
            previous = None
        if previous == manifest:
            return True
        if not force:
            what = ", ".join(previous.differences(manifest)) if previous else "unknown"
            raise StoreError(
                f"{out} holds the output of a different run (differs in: {what}); "
                "rerun the same command to resume it, pass --force to replace it, or choose another --out"
            )
        _clear(out)
    else:
        leftovers = [p.name for p in out.iterdir() if not p.name.startswith(".")]
        if leftovers and not force:
            raise StoreError(
                f"{out} is not empty and was not made by 'eventcoder run' "
                f"(found {', '.join(sorted(leftovers)[:3])}); choose an empty or new --out, "
                "or pass --force to write into it"
            )
        _clear(out)
    write_atomic(path, manifest.to_json().encode("utf-8"))
    return False
