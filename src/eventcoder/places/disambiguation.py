"""Choose which of the places sharing a name a mention means, from the rest of the document.

Rules, in order:

1. A country name is the country, never a town or building of the same name.
2. "City, Region" pairs ("Alexandria, Virginia") keep the town inside the region.
3. Otherwise each candidate scores: size (log10 population; subdivisions and eventcoder's regions count
   as large), the main name over an alternate one, the share of the document's country mentions that
   fall in its country, and nearness (150 km) to the other places the document names.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from eventcoder.places.gazetteer import NameMatch, Place
from eventcoder.places.mentions import PlaceMention

__all__ = ["Resolution", "resolve_mentions", "distance_km"]

_PSEUDO_POPULATION = {"admin1": 1_000_000, "region": 10_000_000, "water": 10_000_000}
_PRIMARY_BONUS = 1.5
_CONTEXT_WEIGHT = 4.0
_NEAR_KM = 150.0
_NEAR_BONUS = 2.0
_NAMESAKE_KM = 60.0


@dataclass(frozen=True, slots=True)
class Resolution:
    """The place a mention was read as, and why."""

    place: Place | None
    why: str


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance; infinite when either has no coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def resolve_mentions(
    mentions: Sequence[PlaceMention],
    *,
    text: str,
    extra_countries: Mapping[str, float] | None = None,
) -> list[Resolution]:
    """Resolve every mention; ``extra_countries`` are other country signals (nationality words, dateline)."""
    candidates = [_prefilter(m.matches) for m in mentions]
    _apply_region_pairs(mentions, candidates, text)

    # Countries the document is about, per name so that a name does not vote for itself.
    votes: dict[str, Counter[str]] = {}
    for mention, cands in zip(mentions, candidates, strict=True):
        if not mention.strong or not cands:
            continue
        countries = {m.place.country_code for m in cands if m.place.country_code}
        if len(countries) == 1:
            key = mention.text.lower()
            votes.setdefault(key, Counter())[countries.pop()] += 1
    base: dict[str, float] = dict(extra_countries or {})

    first = [
        _pick(cands, _context(votes, base, mention.text.lower()), anchors=())
        for mention, cands in zip(mentions, candidates, strict=True)
    ]
    # Second pass: nearness to the places the other names were read as. Built once per name so a
    # long document stays linear: each name sees the places and countries of every other name.
    places_by_name: dict[str, set[Place]] = {}
    countries_by_name: dict[str, Counter[str]] = {}
    for j, res in enumerate(first):
        if res.place is None:
            continue
        key = mentions[j].text.lower()
        if mentions[j].strong and not res.place.is_country:
            places_by_name.setdefault(key, set()).add(res.place)
        if mentions[j].strong and res.place.country_code:
            countries_by_name.setdefault(key, Counter())[res.place.country_code] += 1
    all_countries: Counter[str] = Counter()
    for counts in countries_by_name.values():
        all_countries.update(counts)
    results: list[Resolution] = []
    for i, (mention, cands) in enumerate(zip(mentions, candidates, strict=True)):
        if len(cands) <= 1 or any(m.place.is_country for m in cands):
            results.append(first[i])
            continue
        key = mention.text.lower()
        anchors = tuple(p for name, ps in places_by_name.items() if name != key for p in ps)
        context = _context(votes, base, key)
        own = countries_by_name.get(key, Counter())
        for code, n in all_countries.items():
            if n - own[code] > 0:
                context[code] += 0.5 * (n - own[code])
        results.append(_pick(cands, context, anchors=anchors))
    return results


def _context(
    votes: dict[str, Counter[str]], base: Mapping[str, float], own: str
) -> dict[str, float]:
    context: dict[str, float] = defaultdict(float, base)
    for key, counter in votes.items():
        if key != own:
            for code, n in counter.items():
                context[code] += n
    return context


def _prefilter(matches: tuple[NameMatch, ...]) -> list[NameMatch]:
    """Drop readings that a namesake makes unlikely; a country name leaves only the country."""
    countries = [m for m in matches if m.place.is_country]
    if countries:
        return countries[:1]
    kept = list(matches)
    if len(kept) > 1:
        located = [m for m in kept if m.place.lat is not None]
        if located and not any(m.primary for m in located) and any(m.primary for m in kept):
            # "Borno": a state under its own name beats a German town's other-language name,
            # even when the state's centre point is unknown
            kept = [m for m in kept if m.primary]
        else:
            kept = located or kept
    towns = [m.place for m in kept if m.place.kind == "city"]
    result = []
    for match in kept:
        place = match.place
        if place.kind == "admin1" and any(
            t.country_code == place.country_code and distance_km(t, place) <= _NAMESAKE_KM
            for t in towns
        ):
            continue  # "Jenin" the governorate and "Jenin" the town: the town
        result.append(match)
    return result or kept


def _apply_region_pairs(
    mentions: Sequence[PlaceMention], candidates: list[list[NameMatch]], text: str
) -> None:
    """Resolve "Town, Region" pairs together ("Alexandria, Virginia", "Jenin, West Bank")."""
    for i in range(len(mentions) - 1):
        town, region = mentions[i], mentions[i + 1]
        dateline = town.label == region.label == "DATELINE"
        if not dateline and text[town.end : region.start].strip() != ",":
            continue
        areas = [
            m
            for m in region.matches
            if m.place.kind in ("country", "admin1", "region") and m.place.lat is not None
        ]
        inside = []
        for area in areas:
            for match in candidates[i]:
                place = match.place
                if place.kind == "country" or place.country_code != area.place.country_code:
                    if area.place.kind != "region" or distance_km(place, area.place) > _NEAR_KM:
                        continue
                if area.place.kind == "admin1" and _named_admin1(place) not in (
                    None,
                    area.place.name,
                ):
                    continue
                inside.append((match, area))
        if not inside:
            continue
        candidates[i] = list(dict.fromkeys(match for match, _ in inside))
        chosen_areas = list(dict.fromkeys(area for _, area in inside))
        candidates[i + 1] = chosen_areas


def _named_admin1(place: Place) -> str | None:
    # Town admin1 values are names, or GeoNames codes ("EG.06") when no name is known.
    admin1 = place.admin1
    if admin1 is None or (len(admin1) > 2 and admin1[2] == "." and admin1[:2].isupper()):
        return None
    return admin1


def _pick(
    cands: list[NameMatch], context: Mapping[str, float], *, anchors: tuple[Place, ...]
) -> Resolution:
    if not cands:
        return Resolution(None, "not in the gazetteer")
    if len(cands) == 1:
        place = cands[0].place
        return Resolution(
            place, "only one place of that name" if place.kind != "country" else "a country"
        )
    total = sum(context.values())
    best: tuple[float, NameMatch] | None = None
    near: dict[Place, bool] = {}  # nearness to the other places, computed once per candidate
    for match in cands:
        place = match.place
        size = max(place.population, _PSEUDO_POPULATION.get(place.kind, 0))
        score = math.log10(size + 10)
        if match.primary:
            score += _PRIMARY_BONUS
        if total and place.country_code:
            score += _CONTEXT_WEIGHT * context[place.country_code] / total
        near[place] = bool(anchors) and any(distance_km(place, a) <= _NEAR_KM for a in anchors)
        if near[place]:
            score += _NEAR_BONUS
        if best is None or score > best[0]:
            best = (score, match)
    assert best is not None
    place = best[1].place
    reasons = [f"{len(cands)} places share the name"]
    if total and place.country_code and context[place.country_code]:
        reasons.append(f"the document is about {place.country_code}")
    if near.get(place):
        reasons.append("near other places it names")
    if len(reasons) == 1:
        reasons.append("the largest")
    return Resolution(place, "; ".join(reasons))
