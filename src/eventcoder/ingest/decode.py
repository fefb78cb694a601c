"""Read raw input bytes within a size limit and decode them to text, rejecting non-text early.

Every failure raises ``InputError`` with one line: the file, the problem, and what to do.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
from pathlib import Path

from eventcoder.errors import InputError

__all__ = ["DEFAULT_MAX_BYTES", "STDIN", "check_file", "decode_text", "describe_size", "read_bytes"]

#: Largest input accepted by default (bytes of the file, which bounds the text).
DEFAULT_MAX_BYTES = 10_000_000

#: The name that means "read standard input".
STDIN = "-"

#: Share of control characters above which a decoded sample is treated as binary.
_MAX_CONTROL_SHARE = 0.05
#: Share of undecodable bytes above which invalid UTF-8 is treated as binary.
_MAX_BAD_SHARE = 0.10
_SAMPLE = 65_536
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32LE"),
    (codecs.BOM_UTF32_BE, "UTF-32BE"),
    (codecs.BOM_UTF16_LE, "UTF-16LE"),
    (codecs.BOM_UTF16_BE, "UTF-16BE"),
)


def describe_size(n: int) -> str:
    """A size in bytes for messages: '20.0 MB', '512 bytes'."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"


def _too_large(name: str, size: str, max_bytes: int) -> InputError:
    return InputError(
        f"{name}: input is {size}, over the {describe_size(max_bytes)} limit; "
        "pass --max-bytes N to raise the limit or split the file"
    )


def check_file(path: str | Path) -> Path:
    """``path`` as a Path once it is known to be an existing, readable file.

    Raises InputError for a missing path, a directory or a file without read permission.
    """
    p = Path(path)
    name = str(path)
    try:
        if p.is_dir():
            raise InputError(
                f"{name}: is a directory, not an article file; give one file (or '-' for stdin)"
            )
        p.stat()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file; check the path") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied; check the file's read permissions") from None
    if not os.access(p, os.R_OK):
        raise InputError(f"{name}: permission denied; check the file's read permissions")
    return p


def read_bytes(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The raw bytes of ``path`` (or standard input for ``"-"``).

    An over-size file is rejected from its size on disk, before any of it is read.
    Raises InputError for a missing file, a directory, an unreadable or too large input.
    """
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be positive, not {max_bytes}")
    if str(path) == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise _too_large("<stdin>", f"more than {describe_size(max_bytes)}", max_bytes)
        return data
    p = check_file(path)
    name = str(path)
    size = p.stat().st_size
    if size > max_bytes:
        raise _too_large(name, describe_size(size), max_bytes)
    try:
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise InputError(f"{name}: permission denied; check the file's read permissions") from None
    except OSError as exc:
        raise InputError(
            f"{name}: cannot be read ({exc.strerror or exc}); check the file"
        ) from None
    if len(data) > max_bytes:  # the file grew while we looked at it
        raise _too_large(name, f"more than {describe_size(max_bytes)}", max_bytes)
    return data


def decode_text(data: bytes, *, name: str, encoding: str = "utf-8") -> str:
    """Decode ``data`` as text, keeping every character (no newline translation).

    A UTF-8 byte-order mark becomes one space, so character offsets into the result equal
    offsets into the file read with Python's ``utf-8`` codec. Raises InputError for empty,
    whitespace-only, binary, UTF-16/32 or invalid UTF-8 input.
    """
    if not data:
        raise InputError(f"{name}: file is empty; give a file that contains article text")
    for bom, label in _BOMS:
        if data.startswith(bom):
            raise InputError(
                f"{name}: text is {label}-encoded, eventcoder reads UTF-8; "
                f"convert it with: iconv -f {label} -t UTF-8 {name} > article.txt"
            )
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(
            f"{name}: looks like a binary file (NUL byte at byte offset {nul}), not text; "
            "give a UTF-8 .txt, .html, .json, .jsonl or .csv file"
        )
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        sample = data[:_SAMPLE].decode(encoding, errors="replace")
        if sample.count("\ufffd") > _MAX_BAD_SHARE * max(len(sample), 1):
            raise InputError(
                f"{name}: looks like a binary file (mostly bytes that are not {encoding} text); "
                "give a UTF-8 .txt, .html, .json, .jsonl or .csv file"
            ) from None
        raise InputError(
            f"{name}: not valid {encoding.upper()} (byte 0x{data[exc.start]:02X} at byte offset {exc.start}); "
            f"convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8 {name} > article.txt"
        ) from None
    except LookupError:
        raise InputError(
            f"{name}: unknown text encoding {encoding!r}; convert the file to UTF-8"
        ) from None
    sample_text = text[:_SAMPLE]
    if len(_CONTROL.findall(sample_text)) > _MAX_CONTROL_SHARE * len(sample_text):
        raise InputError(
            f"{name}: looks like a binary file (many control characters), not text; "
            "give a UTF-8 .txt, .html, .json, .jsonl or .csv file"
        )
    if text.startswith("\ufeff"):
        text = " " + text[1:]
    if not text.strip():
        raise InputError(
            f"{name}: file holds only whitespace; give a file that contains article text"
        )
    return text
