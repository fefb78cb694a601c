"""Reading eventcoder's own CSV data files (under ``eventcoder/data``), one way for every stage."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from importlib import resources

from eventcoder.errors import DataFileError

__all__ = ["read_data_csv"]


def read_data_csv(package_dir: str, filename: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line number, row)`` from a CSV under ``eventcoder/data/<package_dir>``.

    Lines starting with ``#`` are comments; the first other line is the header.
    """
    path = resources.files("eventcoder.data").joinpath(package_dir, filename)
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise DataFileError(
            f"cannot read {filename}: {exc}. Reinstall eventcoder; the file ships with the package.",
            path=str(path),
        ) from exc
    numbered = [
        (n, line) for n, line in enumerate(text.splitlines(), 1) if not line.startswith("#")
    ]
    numbered = [(n, line) for n, line in numbered if line.strip()]
    if not numbered:
        raise DataFileError("the file has no header line", path=str(path))
    reader = csv.reader(io.StringIO("\n".join(line for _, line in numbered)))
    header = next(reader)
    for (number, _), row in zip(numbered[1:], reader, strict=True):
        if len(row) != len(header):
            raise DataFileError(
                f"expected {len(header)} fields ({', '.join(header)}), found {len(row)}: {row!r}",
                path=str(path),
                line=number,
            )
        yield number, dict(zip(header, (value.strip() for value in row), strict=True))
