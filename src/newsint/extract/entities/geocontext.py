"""Place names settled by the rest of the article, not by fame alone.

A name shared by several towns is linked first to the best-known one (the gazetteer ranks by
kind and population): "Paris" is Paris, France. Local news is full of the others ("Paris,
Texas"), and what tells them apart is the article itself:

- the name written with its state or country right after it ("Paris, Texas", "Paris, Tex.");
- a state (first-level division) or country the article names elsewhere;
- other towns in the article whose name has only one meaning, and where they lie;
- the dateline's place, where the cleaner kept one (``Document.dateline``), which counts as
  one more such town.

Each candidate scores by that evidence; the current link, then the best-known one, wins any
tie, so an article with no such evidence keeps the population prior. US counties are weighed
like towns ("Jackson County" is in 23 states). Three more rules: a name written as another
place's qualifier is that state ("Seattle, Washington"); a country whose name a state shares
(Georgia) is the state when the article places its towns there and none in the country; and a
place never moves to a town that bears its name only among GeoNames' variants (Medina, Ohio
lists "Mecca") unless a state or country is written beside it. A name the linker left
unlinked (declared ambiguous, or a town below its population floor) is linked only on state
or written evidence: a village called "Of" is not linked because the article named Turkey,
and "Washington has taken to taunting him" is not a town because the article named the US,
but "Chester, Pa." is Chester in Pennsylvania.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from newsint.kb.common import normalize_name
from newsint.kb.knowledge import place_link
from newsint.kb.places import PlaceEntry, lookup_place, place_by_id
from newsint.nlp.text import doc_text

# Evidence weights: the qualifier written beside the name outweighs everything else; a state
# named in the article outweighs the country; towns nearby count per town.
WRITTEN_QUALIFIER = 100
NAMED_DIVISION = 10
SAME_DIVISION_TOWN = 5
NAMED_COUNTRY = 3
NEARBY_TOWN = 2
NEARBY_KM = 161.0
# Towns and US counties: the places whose namesakes the article's evidence settles.
LOCAL_PREFIXES = ("geonames:", "county:")
# Only this many candidates of a name are weighed (they come best-known first).
MAX_CANDIDATES = 25
# ", Texas", ", Tex.", ", N.Y." or ", Syria" right after a name.
_QUALIFIER = re.compile(r"^,\s*(?P<name>(?:[A-Z]\.){2,3}|[A-Z][A-Za-z]*\.?(?: [A-Z][A-Za-z]*\.?)?)")
# The comma (and space) between a town and the state written after it: "Seattle, Washington".
_COMMA_BEFORE = re.compile(r",\s*$")
# US state abbreviations in AP style, as American papers write them after a town ("Paris,
# Tex."), with the GeoNames first-level code (the postal code) each stands for.
AP_STATE_ABBREVIATIONS = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT", "Del.": "DE",
    "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Kans.": "KS", "Ky.": "KY", "La.": "LA",
    "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS", "Mo.": "MO", "Mont.": "MT",
    "Neb.": "NE", "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC",
    "N.D.": "ND", "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD",
    "Tenn.": "TN", "Tex.": "TX", "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI",
    "Wyo.": "WY",
}  # fmt: skip
# A town whose best-known namesake is this many times larger than the next is an anchor too.
DOMINANT_FACTOR = 10
# A link this many times larger than a namesake is a world city to that village: a country named
# elsewhere in the article (weak evidence) does not move the name to the village.
WORLD_CITY_FACTOR = 100


@dataclass(slots=True)
class Evidence:
    divisions: set[tuple[str, str]] = field(default_factory=set)  # (ISO3, admin1 code)
    countries: set[str] = field(default_factory=set)
    # towns whose name has one meaning (or one far better known), with the group naming each
    towns: list[tuple[Any, PlaceEntry]] = field(default_factory=list)


def settle_places(doc: Doc, groups: Iterable[Any], *, dateline_place: str | None = None) -> None:
    """Re-link each town-level PLACE group to the candidate the article's evidence favours.

    ``groups`` are the entity stage's groups (type, name, kb_id, attributes, spans); they are
    updated in place. ``dateline_place``: the place of the dateline cut from the text."""
    places = [g for g in groups if g.type == "PLACE"]
    if not places:
        return
    for group in places:
        code = next((AP_STATE_ABBREVIATIONS[s.text] for s in group.spans if s.text in AP_STATE_ABBREVIATIONS), None)
        if code is not None:  # "Pa." is Pennsylvania, whatever else the gazetteer spells that way
            _relink(group, place_by_id(f"admin1:US-{code}"))
    text = doc_text(doc)
    for group in places:
        division = _qualifying_division(text, group, places)
        if division is not None:  # "Seattle, Washington": the state, whatever else bears the name
            _relink(group, division)
    evidence = _evidence(places)
    town = dateline_town(dateline_place) if dateline_place else None
    if town is not None:  # a dateline names the best-known place of that name ("PARIS" is Paris, France)
        evidence.towns.append((None, town))
        if town.iso3:
            evidence.countries.add(town.iso3)
    for group in places:
        if group.kb_id is not None and group.kb_id.startswith("country:"):
            division = _division_namesake(group, evidence, _written_qualifiers(text, group))
            if division is not None and division.iso3 and division.admin1:
                _relink(group, division)
                evidence.divisions.add((division.iso3, division.admin1))
    for group in places:
        is_town = group.kb_id is None or group.kb_id.startswith(LOCAL_PREFIXES)
        if group.kb_id is not None and group.kb_id.startswith(("country:", "admin1:")):
            continue  # a country or a state: what the article names, not a namesake
        written_name = group.spans[0].text if group.spans else group.name
        if not any(ch.isupper() for ch in written_name):
            continue  # "the metro": a common noun, not a namesake of any town
        candidates = _towns(written_name)
        if not candidates:
            continue
        written = _written_qualifiers(text, group)
        if not is_town:
            # A region or sea's name written with a state after it is a town: "Atlantic, Iowa".
            best = max(candidates, key=lambda c: _score(c, evidence, written, exclude=group))
            if _score(best, evidence, written, exclude=group) >= WRITTEN_QUALIFIER:
                _relink(group, best)
            continue
        current = next((c for c in candidates if c.id == group.kb_id), None)
        if current is None and group.kb_id is not None:
            # linked through a name the gazetteer ranks lower (a capital's metonym): still a candidate
            current = place_by_id(group.kb_id)
            if current is not None:
                candidates.append(current)
        scores = {c.id: _score(c, evidence, written, exclude=group) for c in candidates}
        best = max(candidates, key=lambda c: (scores[c.id], c is current, c.population or 0))
        best_score = scores[best.id]
        if current is not None and best_score < WRITTEN_QUALIFIER and not _bears_name(best, group):
            # GeoNames lists old and variant names too (a town once called "Washington"): only
            # a state or country written beside the name moves it to a town that is not called so.
            continue
        if current is not None:
            if best is current or best_score <= _score(current, evidence, written, exclude=group):
                continue
            if best_score < NAMED_DIVISION and _dominates(current, best):
                # A country named elsewhere is weak evidence: an article about Washington's
                # policy that mentions "Brussels" means Belgium's capital, not a village of 1,000.
                continue
        elif best_score < NAMED_DIVISION and not _settled_by_nearby_towns(best, best_score, candidates, scores):
            continue  # left unlinked (an ambiguous name, a small town): only on state or written evidence
        if best_score == 0:
            continue
        _relink(group, best)


def _settled_by_nearby_towns(best: PlaceEntry, best_score: int, candidates: list[PlaceEntry], scores: dict) -> bool:
    """Whether an unlinked county's namesakes are told apart by the article's towns alone: the best
    is near a town of the article in its own state ("Henry County" in an article about Atlanta:
    Henry County, Georgia) and no other namesake has any evidence. A town's namesakes are not
    settled so: a village of the name near a city the article names is no stronger a reading
    than the name's other meanings."""
    if not best.id.startswith("county:") or best_score < SAME_DIVISION_TOWN + NEARBY_TOWN:
        return False
    return all(scores[c.id] == 0 for c in candidates if c.id != best.id)


def _qualifying_division(text: str, group: Any, places: list[Any]) -> PlaceEntry | None:
    """The division a name stands for when it is written as a town's qualifier ("Seattle,
    Washington", "Athens, Georgia"): right after another place's name and a comma, and that place
    has a town of its name in the division."""
    if group.kb_id is not None and group.kb_id.startswith("admin1:"):
        return None
    name = group.spans[0].text if group.spans else group.name
    divisions = _divisions_named(name)
    if not divisions:
        return None
    ends = {span.end_char: other for other in places if other is not group for span in other.spans}
    for span in group.spans:
        before = _COMMA_BEFORE.search(text, max(0, span.start_char - 4), span.start_char)
        town_group = ends.get(before.start()) if before else None
        if town_group is None:
            continue
        towns = _towns(town_group.spans[0].text if town_group.spans else town_group.name)
        for division in divisions:
            if any((t.iso3, t.admin1) == (division.iso3, division.admin1) for t in towns):
                return division
    return None


def _division_namesake(group: Any, evidence: Evidence, written: set[tuple[str, str | None]]) -> PlaceEntry | None:
    """The first-level division elsewhere that a country's name also names ("Georgia", the US
    state), when the article places its towns there and none in the country; None otherwise."""
    country = (group.kb_id or "").split(":", 1)[1]
    name = group.spans[0].text if group.spans else group.name
    divisions = [d for d in _divisions_named(name) if d.iso3 != country]
    if not divisions:
        return None
    towns_in_country = sum(1 for source, town in evidence.towns if source is not group and town.iso3 == country)
    for division in divisions:
        code = (division.iso3 or "", division.admin1 or "")
        if code in written:
            return division
        towns_there = sum(
            1 for source, town in evidence.towns if source is not group and (town.iso3, town.admin1) == code
        )
        if towns_there and not towns_in_country:
            return division
    return None


def _divisions_named(name: str) -> list[PlaceEntry]:
    return [e for e in lookup_place(name) if e.id.startswith("admin1:")]


def _bears_name(place: PlaceEntry, group: Any) -> bool:
    """Whether the place's own name (not one of GeoNames' variants) is what the article wrote."""
    own = normalize_name(place.name)
    return any(normalize_name(span.text) == own for span in group.spans) or normalize_name(group.name) == own


def _evidence(places: list[Any]) -> Evidence:
    evidence = Evidence()
    for group in places:
        kind = group.attributes.get("kind")
        iso = group.attributes.get("iso")
        if group.kb_id and group.kb_id.startswith("admin1:") and iso:
            evidence.divisions.add((iso, group.kb_id.rsplit("-", 1)[1]))
            evidence.countries.add(iso)
        elif kind in {"country", "territory"} and iso:
            evidence.countries.add(iso)
        elif group.kb_id and group.kb_id.startswith(LOCAL_PREFIXES):
            towns = _towns(group.name)
            if len(towns) == 1 or (
                towns and (towns[0].population or 0) >= DOMINANT_FACTOR * (towns[1].population or 1)
            ):
                evidence.towns.append((group, towns[0]))
    return evidence


def _towns(name: str) -> list[PlaceEntry]:
    return [c for c in lookup_place(name) if c.id.startswith(LOCAL_PREFIXES)][:MAX_CANDIDATES]


def _written_qualifiers(text: str, group: Any) -> set[tuple[str, str | None]]:
    """(ISO3, admin1 or None) of a state or country written right after any mention."""
    found: set[tuple[str, str | None]] = set()
    for span in group.spans:
        match = _QUALIFIER.match(text[span.end_char : span.end_char + 40])
        if match is not None:
            found |= _qualifier_area(match["name"])
    return found


def _qualifier_area(name: str) -> set[tuple[str, str | None]]:
    """(ISO3, admin1 or None) of a state or country written as a qualifier ("Tex.", "Syria")."""
    if name in AP_STATE_ABBREVIATIONS:
        return {("USA", AP_STATE_ABBREVIATIONS[name])}
    for entry in lookup_place(name.rstrip(".")):
        if entry.id.startswith("admin1:") and entry.iso3 and entry.admin1:
            return {(entry.iso3, entry.admin1)}
        if entry.kind in {"country", "territory"} and entry.iso3:
            return {(entry.iso3, None)}
    return set()


def dateline_town(place: str) -> PlaceEntry | None:
    """The town a dateline's place names ("BAGHDAD", "HEMPSTEAD, N.Y.", "KYIV, Ukraine"): the
    best-known town of that name, or of the state or country written after it."""
    name, _, qualifier = place.partition(",")
    towns = _towns(name.strip().title())
    area = _qualifier_area(qualifier.strip()) if qualifier.strip() else set()
    if area:
        towns = [t for t in towns if (t.iso3, t.admin1) in area or (t.iso3, None) in area]
    return towns[0] if towns else None


def _score(place: PlaceEntry, evidence: Evidence, written: set[tuple[str, str | None]], *, exclude: Any) -> int:
    score = 0
    division = (place.iso3 or "", place.admin1 or "")
    if division in written or (place.iso3, None) in written:
        score += WRITTEN_QUALIFIER
    if division in evidence.divisions:
        score += NAMED_DIVISION
    if place.iso3 in evidence.countries:
        score += NAMED_COUNTRY
    for source, town in evidence.towns:
        if source is exclude or town.id == place.id:
            continue  # a name is no evidence for itself
        if place.admin1 and (town.iso3, town.admin1) == division:
            score += SAME_DIVISION_TOWN
        if _km(town, place) <= NEARBY_KM:
            score += NEARBY_TOWN
    return score


def _relink(group: Any, place: PlaceEntry | None) -> None:
    link = place_link(place)
    if link is None:
        return
    group.kb_id = link.kb_id
    group.name = link.name
    group.attributes = dict(link.attributes)
    group.attributes["resolved_by"] = "document context"


def _dominates(current: PlaceEntry, other: PlaceEntry) -> bool:
    """Whether the current link is so much better known (``WORLD_CITY_FACTOR`` times the population)
    that only state-level or written evidence may move a name away from it."""
    return (current.population or 0) >= WORLD_CITY_FACTOR * max(other.population or 0, 1)


def _km(a: PlaceEntry, b: PlaceEntry) -> float:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return math.inf
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))
