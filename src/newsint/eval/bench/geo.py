"""Toponyms on LGL and TR-News: found in the text, and placed within 161 km of the gold point.

Gold: each ``<toponym>`` has character offsets into the article ``<text>``, the phrase and a
GeoNames gazetteer entry with lat/lon (some have none: they count for recall, not for distance).
TR-News offsets are sometimes off by one or two characters; a toponym whose offsets do not
cover its phrase is re-anchored on the nearest occurrence of the phrase (counted and reported).

newsint: ``PLACE`` entities; each mention (offsets into ``Document.text``, mapped back to the
article with :class:`OffsetMap`) with the entity's ``attributes["lat"/"lon"]``.

Figures:

- toponym recall: gold toponyms overlapped by a newsint PLACE mention; precision: mentions that
  overlap a gold toponym (LGL and TR-News do not annotate every place word, so it is indicative);
- accuracy@161km on the resolved: among gold toponyms found by newsint and having coordinates
  on both sides, the share within 161 km (100 miles) — the figure Mordecai 3 reports. A place
  linked to the gold's own GeoNames id counts as right whatever point newsint gives it: the gold
  point *is* that id's GeoNames point, which is what a GeoNames-based system such as Mordecai 3
  outputs for it. The difference is in countries: newsint places a country at its polygon's
  centroid (Canada 57.7 N 101.6 W), GeoNames at another point of its own (60.1 N 113.6 W), so a
  correctly identified Canada was scored 700 km off. The distance-only figure is in the notes;
- accuracy@161km end to end: the same share over every gold toponym with coordinates;
- mean error km over the resolved.
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from newsint.errors import NewsintError
from newsint.eval.bench.common import Counts, OffsetMap, Report, analyze_text, fmt, overlaps, ratio

NAME = "geo"
DATA_FOLDER = "geo"
SAMPLE_LIMIT = 5

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)
ACCURACY_KM = 161.0  # 100 miles: the field's standard threshold
REANCHOR_WINDOW = 10  # characters either side of bad gold offsets searched for the phrase

FILES = {"LGL": "lgl.xml", "TR-News": "TR-News.xml"}
ANCHORS = {"LGL": 0.827, "TR-News": 0.873}  # Mordecai 3 accuracy within 161 km
OTHER_ANCHORS = {"LGL": "CamCoder 0.76"}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def within(distance_km: float, threshold_km: float = ACCURACY_KM) -> bool:
    return distance_km <= threshold_km


@dataclass(slots=True)
class Toponym:
    start: int
    end: int
    phrase: str
    lat: float | None
    lon: float | None
    geonameid: int | None = None


@dataclass(slots=True)
class Article:
    id: str
    text: str
    toponyms: list[Toponym]
    reanchored: int = 0


def dataset_files(data_dir: Path) -> list[Path]:
    return [data_dir / name for name in FILES.values()]


def load_articles(path: Path, limit: int | None = None) -> list[Article]:
    root = ET.parse(path).getroot()
    articles = []
    for element in root.findall("article")[:limit]:
        text = element.findtext("text") or ""
        article = Article(element.get("docid", ""), text, [])
        for t in element.iter("toponym"):
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            phrase = t.findtext("phrase") or ""
            if text[start:end] != phrase and phrase:
                fixed = _reanchor(text, phrase, start)
                if fixed is not None:
                    start, end = fixed
                    article.reanchored += 1
            gaz = t.find("gaztag")
            lat = _float(gaz.findtext("lat")) if gaz is not None else None
            lon = _float(gaz.findtext("lon")) if gaz is not None else None
            geonameid = _int(gaz.get("geonameid")) if gaz is not None else None
            article.toponyms.append(Toponym(start, end, phrase, lat, lon, geonameid))
        articles.append(article)
    return articles


def _reanchor(text: str, phrase: str, near: int) -> tuple[int, int] | None:
    lo = max(0, near - REANCHOR_WINDOW)
    hits = []
    i = text.find(phrase, lo)
    while i != -1 and i <= near + REANCHOR_WINDOW:
        hits.append(i)
        i = text.find(phrase, i + 1)
    if not hits:
        return None
    best = min(hits, key=lambda h: abs(h - near))
    return best, best + len(phrase)


def _int(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


@dataclass(slots=True)
class Place:
    start: int
    end: int
    lat: float | None
    lon: float | None
    geonameid: int | None = None


def predicted_places(article: Article, analysis) -> list[Place]:
    mapping = OffsetMap(article.text, analysis.document.text)
    places = []
    for entity in analysis.entities:
        if entity.type != "PLACE":
            continue
        lat, lon = _float(_str(entity.attributes.get("lat"))), _float(_str(entity.attributes.get("lon")))
        geonameid = _int(_str(entity.attributes.get("geonameid")))
        for mention in entity.mentions:
            span = mapping.span(mention.start, mention.end)
            if span:
                places.append(Place(span[0], span[1], lat, lon, geonameid))
    return places


def _str(value: object) -> str | None:
    return None if value is None else str(value)


@dataclass(slots=True)
class Tally:
    detection: Counts = field(default_factory=Counts)
    gold_with_coords: int = 0
    resolved: int = 0
    correct: int = 0
    correct_by_distance: int = 0  # within 161 km of the gold point, ignoring GeoNames ids
    errors_km: list[float] = field(default_factory=list)


def score_article(article: Article, places: list[Place], tally: Tally) -> None:
    used: set[int] = set()
    for toponym in article.toponyms:
        has_coords = toponym.lat is not None and toponym.lon is not None
        tally.gold_with_coords += has_coords
        span = (toponym.start, toponym.end)
        hit = next((i for i, p in enumerate(places) if i not in used and overlaps(span, (p.start, p.end))), None)
        if hit is None:
            tally.detection.fn += 1
            continue
        used.add(hit)
        tally.detection.tp += 1
        place = places[hit]
        if has_coords and place.lat is not None and place.lon is not None:
            distance = haversine_km(toponym.lat, toponym.lon, place.lat, place.lon)  # type: ignore[arg-type]
            same_place = toponym.geonameid is not None and toponym.geonameid == place.geonameid
            tally.resolved += 1
            tally.correct += same_place or within(distance)
            tally.correct_by_distance += within(distance)
            tally.errors_km.append(0.0 if same_place else distance)
    gold_spans = [(t.start, t.end) for t in article.toponyms]
    tally.detection.fp += sum(
        1 for i, p in enumerate(places) if i not in used and not any(overlaps((p.start, p.end), g) for g in gold_spans)
    )


def run(data_dir: Path, *, limit: int | None = None, verbose: bool = False) -> Report:
    tallies: dict[str, Tally] = {}
    errors: dict[str, int] = {}
    reanchored: dict[str, int] = {}
    items = 0
    details: list[str] = []
    for corpus, filename in FILES.items():
        articles = load_articles(data_dir / filename, limit)
        tally = tallies[corpus] = Tally()
        errors[corpus] = 0
        reanchored[corpus] = sum(a.reanchored for a in articles)
        for article in articles:
            analysis = analyze_text(article.text, source=f"{corpus}:{article.id}")
            if isinstance(analysis, NewsintError):
                errors[corpus] += 1
                places: list[Place] = []
            else:
                places = predicted_places(article, analysis)
            score_article(article, places, tally)
            if verbose:
                details.append(f"{corpus} {article.id}: gold {len(article.toponyms)}, newsint places {len(places)}")
        items += len(articles)
    return report(tallies, errors, reanchored, details, items)


def report(
    tallies: dict[str, Tally], errors: dict[str, int], reanchored: dict[str, int], details: list[str], items: int
) -> Report:
    table = [
        [
            "corpus",
            "toponym recall",
            "precision",
            "acc@161 resolved",
            "acc@161 end-to-end",
            "mean error km",
            "Mordecai 3 acc@161",
        ]
    ]
    figures: dict[str, float] = {}
    info: dict[str, float] = {}
    for corpus, tally in tallies.items():
        accuracy = ratio(tally.correct, tally.resolved)
        end_to_end = ratio(tally.correct, tally.gold_with_coords)
        mean_km = statistics.mean(tally.errors_km) if tally.errors_km else None
        table.append(
            [
                corpus,
                fmt(tally.detection.recall),
                fmt(tally.detection.precision),
                fmt(accuracy),
                fmt(end_to_end),
                fmt(mean_km, 0),
                fmt(ANCHORS[corpus]),
            ]
        )
        key = corpus.lower().replace("-", "")
        figures[f"{key}_toponym_recall"] = tally.detection.recall
        figures[f"{key}_acc161_end_to_end"] = end_to_end
        info[f"{key}_acc161_resolved"] = accuracy
        info[f"{key}_resolved"] = float(tally.resolved)
        info[f"{key}_acc161_resolved_distance_only"] = ratio(tally.correct_by_distance, tally.resolved)
        if mean_km is not None:
            info[f"{key}_mean_error_km"] = mean_km
    notes = [
        f"{corpus}: {t.detection.tp + t.detection.fn} gold toponyms ({t.gold_with_coords} with coordinates), "
        f"{t.resolved} resolved by newsint; {errors[corpus]} articles failed in the pipeline; "
        f"{reanchored[corpus]} gold offsets re-anchored on their phrase; by distance alone (a place with "
        f"the gold's GeoNames id but another point counted wrong) acc@161 resolved "
        f"{fmt(ratio(t.correct_by_distance, t.resolved))}, "
        f"end to end {fmt(ratio(t.correct_by_distance, t.gold_with_coords))}."
        for corpus, t in tallies.items()
    ]
    notes.append(
        "Mordecai 3 figures: accuracy within 161 km (published). Other: "
        + ", ".join(f"{k} {v}" for k, v in OTHER_ANCHORS.items())
    )
    lgl, tr = tallies.get("LGL"), tallies.get("TR-News")
    headline = "headline: geo acc@161 newsint"
    headline += f" LGL {ratio(lgl.correct, lgl.gold_with_coords):.3f}" if lgl else ""
    headline += f" TR-News {ratio(tr.correct, tr.gold_with_coords):.3f}" if tr else ""
    headline += " (end to end) Mordecai3 LGL 0.827 TR-News 0.873"
    return Report(NAME, table, headline, figures, info, notes, details, items=items)
