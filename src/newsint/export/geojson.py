"""GeoJSON (RFC 7946) of the places articles name: one Feature per place with coordinates (per
article for ``newsint analyze``, per resolved place across the corpus for ``newsint export``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from newsint.corpus.entities import resolve_entities
from newsint.model import Analysis, CorpusArticle


def places_geojson(analyses: Iterable[Analysis]) -> dict[str, Any]:
    features = []
    for analysis in analyses:
        for entity in analysis.entities:
            if entity.type != "PLACE":
                continue
            feature = _place_feature(
                entity,
                figurative=bool(entity.attributes.get("figurative")),
                mentions=len(entity.mentions),
                document=analysis.document.id,
                source=analysis.document.source,
                title=analysis.document.title,
            )
            if feature is not None:
                features.append(feature)
    return {"type": "FeatureCollection", "features": features}


def corpus_places_geojson(articles: Sequence[CorpusArticle]) -> dict[str, Any]:
    """One Feature per place across the corpus (resolved across articles), with how often and in
    how many articles it is mentioned. Figurative uses ("Moscow says") are not counted as places."""
    index = resolve_entities(articles)
    mentions: Counter[str] = Counter()
    for article in articles:
        for own in article.analysis.entities:
            place = index.of(article.article_id, own.id)
            if own.type == "PLACE" and place is not None and not own.attributes.get("figurative"):
                mentions[place.key] += len(own.mentions)
    features = []
    for entity in index.entities:
        if entity.type != "PLACE" or not mentions[entity.key]:
            continue
        feature = _place_feature(entity, mentions=mentions[entity.key], articles=len(entity.article_ids))
        if feature is not None:
            features.append(feature)
    features.sort(key=lambda f: -f["properties"]["mentions"])
    return {"type": "FeatureCollection", "features": features}


def _place_feature(entity: Any, **properties: Any) -> dict[str, Any] | None:
    """A Point Feature for a place with coordinates (an article's Entity or a corpus entity), its
    KB identity first, then ``properties``; None without coordinates."""
    lat, lon = entity.attributes.get("lat"), entity.attributes.get("lon")
    if lat is None or lon is None:
        return None
    return {
        "type": "Feature",
        # RFC 7946: positions are [longitude, latitude].
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {
            "name": entity.name,
            "kb_id": entity.kb_id,
            "kind": entity.attributes.get("kind"),
            "iso3": entity.attributes.get("iso"),  # the KB stores ISO 3166 alpha-3 as "iso"
            "approximate": bool(entity.attributes.get("approximate")),
            **properties,
        },
    }
