"""Build the dashboard's offline basemap: country outlines as one GeoJSON file.

The outlines come from the ``countryinfo`` package (MIT; its per-country JSON files carry a
``geoJSON`` outline), installed by the ``kb-build`` extra, the same source kb/data is built from.
The result ships in ``serve/static/vendor/countries.geojson``, so `newsint serve` never
downloads a map: there is no tile server, the map draws these polygons.

    pip install -e '.[kb-build]' && python scripts/build_basemap.py
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/newsint/serve/static/vendor/countries.geojson"
# Coordinates rounded to 0.01 degrees (about 1 km): the map shows countries, not borders to
# survey, and the file is a third of its full-precision size.
DECIMALS = 2


def _rounded(coordinates):
    if isinstance(coordinates[0], (int, float)):
        return [round(coordinates[0], DECIMALS), round(coordinates[1], DECIMALS)]
    return [_rounded(c) for c in coordinates]


def build() -> dict:
    features = []
    for path in sorted(files("countryinfo").joinpath("data").iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".json"):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        outline = data.get("geoJSON") or {}
        for feature in outline.get("features", []):
            geometry = feature["geometry"]
            features.append(
                {
                    "type": "Feature",
                    "id": feature.get("id"),
                    "properties": {"name": data.get("name"), "iso": (data.get("ISO") or {}).get("alpha3")},
                    "geometry": {"type": geometry["type"], "coordinates": _rounded(geometry["coordinates"])},
                }
            )
    return {"type": "FeatureCollection", "features": features}


if __name__ == "__main__":
    OUT.write_text(json.dumps(build(), separators=(",", ":")), encoding="utf-8")
    print(f"{OUT}: {OUT.stat().st_size} bytes")
