"""Importer for PETRARCH/Phoenix ``.actors`` and ``.agents`` dictionaries.

Reads them into the same records as the built-in base (:class:`ActorEntry`, :class:`SectorNoun`).
The formats are described in PETRARCH's ``FORMAT.rst``; what this importer does with them:

* ``.actors``: a primary phrase starts an entry, ``+phrase`` lines add synonyms, ``[CODE]`` on the
  primary line or on an indented line is the default code, ``[CODE >date]``, ``[CODE <date]`` and
  ``[CODE date-date]`` are dated codes (bounds inclusive; YYMMDD with YY < 30 is 20YY). On a date
  the first dated code covering it applies, else the default. ``---`` is the null code (the
  name is known but not coded). Words joined by ``_`` or blanks are matched as consecutive
  tokens; stems (names without a trailing ``_``) are matched as whole words only.
* ``.agents``: ``PHRASE {plural} [~CODE]`` lines become sector nouns (``~GOV`` after the
  country, ``NGO~`` before it); regular plurals are generated unless ``{}`` gives them;
  ``!SET! = A, B`` substitution sets are expanded. ``~NON``/``~JNK`` entries are skipped.

Malformed lines are reported as :class:`ImportProblem` (file and line) and skipped; the rest of
the file still loads.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from eventcoder.actors._builtin import plural_forms
from eventcoder.actors.codes import parse_dict_date, split_code
from eventcoder.actors.kb import ActorEntry, ActorKB, ImportProblem, Role, SectorNoun
from eventcoder.errors import ActorKBError

__all__ = ["import_dictionaries", "read_actors_file", "read_agents_file"]

log = logging.getLogger(__name__)

_CODE_RE = re.compile(r"\[([^\[\]]*)\]")
_CODE_OK = re.compile(r"^(---|[A-Z0-9/]+)$")
_SUBST_RE = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
_AGENT_RE = re.compile(
    r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]\s*$"
)
_SKIP_AGENT_CODES = frozenset({"NON", "JNK"})


def import_dictionaries(kb: ActorKB, paths: Iterable[Path]) -> ActorKB:
    """``kb`` extended with every dictionary under ``paths`` (files, or directories whose files
    have ``actors`` or ``agents`` in their names). Raises ActorKBError for a missing path."""
    entries: list[ActorEntry] = []
    nouns: list[SectorNoun] = []
    problems: list[ImportProblem] = []
    sources: list[str] = []
    for path in _dictionary_files(paths):
        if "agents" in path.name.lower():
            got_nouns, probs = read_agents_file(path)
            nouns += got_nouns
        else:
            got, probs = read_actors_file(path, known_codes=kb.known_codes)
            entries += got
        problems += probs
        sources.append(str(path))
        if probs:
            log.warning("%s: %d malformed line(s) skipped, first: %s", path, len(probs), probs[0])
    entries = _with_dictionary_countries(entries, kb.known_codes)
    return kb.extended(entries=entries, sector_nouns=nouns, problems=problems, sources=sources)


def _with_dictionary_countries(
    entries: list[ActorEntry], known: frozenset[str]
) -> list[ActorEntry]:
    """Give a country to entries whose code starts with a dictionary-defined country code.

    A dictionary may define countries that ISO lacks ("GONDOR [GON]"): any entry whose code is
    three letters, undated and not a sector code. Codes built on them ("[GONGOV]") then carry
    that country, as ISO-prefixed codes do (``split_code``)."""
    countries = {
        e.code
        for e in entries
        if e.code and len(e.code) == 3 and e.code.isalpha() and not e.roles
        if e.country is None and e.code not in known
    }
    if not countries:
        return entries

    def split(code: str | None) -> tuple[str | None, tuple[str, ...]] | None:
        if not code or code[:3] not in countries:
            return None
        rest = code[3:]
        chunks = [rest[i : i + 3] for i in range(0, len(rest) - len(rest) % 3, 3)]
        return code[:3], tuple(dict.fromkeys(c for c in chunks if c in known))

    out = []
    for e in entries:
        roles = tuple(
            replace(r, country=got[0], sectors=got[1])
            if r.country is None and (got := split(r.code)) is not None
            else r
            for r in e.roles
        )
        got = split(e.code) if e.country is None else None
        if got is not None:
            e = replace(e, country=got[0], sectors=got[1] or e.sectors)
        out.append(replace(e, roles=roles) if roles != e.roles else e)
    return out


def _dictionary_files(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(
                p
                for p in path.iterdir()
                if p.is_file() and ("actors" in p.name.lower() or "agents" in p.name.lower())
            )
        elif path.is_file():
            out.append(path)
        else:
            raise ActorKBError(
                "dictionary path does not exist; give a .actors/.agents file or a directory holding them",
                path=path,
            )
    return out


def _lines(path: Path) -> Iterable[tuple[int, str, str]]:
    """(line number, raw line, content without comments) for the non-blank lines."""
    in_block = False
    with path.open(encoding="utf-8", errors="replace") as fh:
        for number, raw in enumerate(fh, start=1):
            raw = raw.rstrip("\n\r")
            text = raw.strip()
            if in_block:
                in_block = "-->" not in text
                continue
            if text.startswith("<!"):
                in_block = "-->" not in text
                continue
            content = text.split("#", 1)[0].split(";", 1)[0].strip()
            if content:
                yield number, raw, content


# -- .actors ------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Pending:
    line: int
    names: list[str]
    last: int = 0  # last line read into this entry
    default: str | None = None
    dated: list[tuple[str, dt.date | None, dt.date | None]] = field(default_factory=list)


def read_actors_file(
    path: Path, *, known_codes: frozenset[str]
) -> tuple[list[ActorEntry], list[ImportProblem]]:
    """Entries and problems of one ``.actors`` file."""
    entries: list[ActorEntry] = []
    problems: list[ImportProblem] = []
    pending: _Pending | None = None

    def problem(line: int, message: str) -> None:
        problems.append(ImportProblem(str(path), line, message))

    def flush() -> None:
        if pending is None:
            return
        if pending.default is None and not pending.dated:
            problem(pending.line, f"entry {pending.names[0]!r} has no code; add [CODE]")
            return
        entries.append(_entry(path, pending, known_codes))

    for number, _raw, content in _lines(path):
        if content.count("[") != content.count("]"):
            problem(number, f"unbalanced brackets in {content!r}")
            continue
        codes = _CODE_RE.findall(content)
        name = _CODE_RE.sub(" ", content).strip()
        if content.startswith("+"):
            name = name[1:].strip()
            if pending is None:
                problem(number, f"synonym {name!r} comes before any entry")
                continue
        elif name:
            if (
                pending is not None
                and pending.last == number - 1
                and not (pending.default or pending.dated)
            ):
                pass  # consecutive primary lines without codes share the codes that follow
            else:
                flush()
                pending = _Pending(number, [])
        elif pending is None:
            problem(number, f"code line {content!r} comes before any entry")
            continue
        if name:
            clean = _clean_name(name)
            if clean:
                pending.names.append(clean)
        for code in codes:
            err = _add_code(pending, code)
            if err:
                problem(number, err)
        pending.last = number
    flush()
    return entries, problems


def _clean_name(name: str) -> str:
    return " ".join(name.replace("_", " ").split())


def _add_code(pending: _Pending, text: str) -> str | None:
    parts = text.split(None, 1)
    if not parts:
        return "empty code []"
    code = parts[0].upper()
    if not _CODE_OK.match(code):
        return f"code {parts[0]!r} is not a code (letters and digits, or --- for none)"
    restriction = "".join(parts[1].split()) if len(parts) > 1 else ""
    if not restriction:
        if pending.default is None:
            pending.default = code
        return None
    try:
        if restriction.startswith(">"):
            pending.dated.append((code, parse_dict_date(restriction[1:]), None))
        elif restriction.startswith("<"):
            pending.dated.append((code, None, parse_dict_date(restriction[1:])))
        else:
            start, sep, end = restriction.partition("-")
            if not sep:
                raise ValueError(f"{restriction!r} is not >date, <date or date-date")
            pending.dated.append((code, parse_dict_date(start), parse_dict_date(end)))
    except ValueError as exc:
        return f"bad date restriction in [{text}]: {exc}"
    return None


def _entry(path: Path, p: _Pending, known: frozenset[str]) -> ActorEntry:
    roles = []
    for code, start, end in p.dated:
        country, sectors = split_code(code, known) if code != "---" else (None, ())
        roles.append(Role(code=code, country=country, sectors=sectors, start=start, end=end))
    default = p.default
    country, sectors = split_code(default, known) if default and default != "---" else (None, ())
    names = list(dict.fromkeys(p.names))
    return ActorEntry(
        id=f"{path.name}:{p.line}",
        name=names[0].title() if names[0].isupper() else names[0],
        kind="organisation",
        country=country,
        sectors=sectors,
        code=default,
        names=tuple(names),
        roles=tuple(roles),
        source=f"{path.name}:{p.line}",
        imported=True,
    )


# -- .agents ------------------------------------------------------------------------------------
def read_agents_file(path: Path) -> tuple[list[SectorNoun], list[ImportProblem]]:
    """Sector nouns and problems of one ``.agents`` file."""
    nouns: list[SectorNoun] = []
    problems: list[ImportProblem] = []
    subst: dict[str, list[str]] = {}
    for number, _raw, content in _lines(path):
        m = _SUBST_RE.match(content)
        if m:
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = _AGENT_RE.match(content)
        if m is None:
            problems.append(
                ImportProblem(str(path), number, f"not 'PHRASE {{plural}} [~CODE]': {content!r}")
            )
            continue
        code = "".join(m.group("code").split()).upper()
        prefix = code.endswith("~") and not code.startswith("~")
        body = code.strip("~")
        if "~" not in code or not body.isalnum() or len(body) % 3:
            problems.append(
                ImportProblem(
                    str(path), number, f"agent code {m.group('code')!r} is not ~XXX or XXX~"
                )
            )
            continue
        sectors = tuple(body[i : i + 3] for i in range(0, len(body), 3))
        if set(sectors) & _SKIP_AGENT_CODES:
            continue
        phrase = m.group("phrase").strip()
        marker = re.search(r"![A-Z]+!", phrase)
        if marker and marker.group(0) not in subst:
            problems.append(
                ImportProblem(
                    str(path), number, f"substitution set {marker.group(0)} is not defined above"
                )
            )
            continue
        forms: list[str] = []
        if marker:
            forms = [phrase.replace(marker.group(0), w) for w in subst[marker.group(0)]]
        else:
            forms = [phrase]
            plural = m.group("plural")
            if plural is None:
                forms = list(plural_forms(_clean_name(phrase).lower()))
            elif plural.strip():
                forms += plural.split()
        source = f"{path.name}:{number}"
        for form in dict.fromkeys(_clean_name(f).lower() for f in forms):
            if form:
                nouns.append(SectorNoun(form, sectors, prefix=prefix, source=source, imported=True))
    return nouns, problems
