"""GeoJSON (RFC 7946) of the places an analysis names: one Feature per place with coordinates."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsint.model import Analysis


def places_geojson(analyses: Iterable[Analysis]) -> dict[str, Any]:
    features = []
    for analysis in analyses:
        for entity in analysis.entities:
            lat, lon = entity.attributes.get("lat"), entity.attributes.get("lon")
            if entity.type != "PLACE" or lat is None or lon is None:
                continue
            features.append(
                {
                    "type": "Feature",
                    # RFC 7946: positions are [longitude, latitude].
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                    "properties": {
                        "name": entity.name,
                        "kb_id": entity.kb_id,
                        "kind": entity.attributes.get("kind"),
                        "iso3": entity.attributes.get("iso3"),
                        "approximate": bool(entity.attributes.get("approximate")),
                        "figurative": bool(entity.attributes.get("figurative")),
                        "mentions": len(entity.mentions),
                        "document": analysis.document.id,
                        "source": analysis.document.source,
                        "title": analysis.document.title,
                    },
                }
            )
    return {"type": "FeatureCollection", "features": features}
