"""Events as an ACLED-shaped CSV: one row per deduplicated corpus event.

ACLED records events that took place, so only factual reports (asserted, reported) are written,
and only events with a known date: a hypothetical "if Ukraine launched counterstrikes" or an
undated event has no row. ``time_precision`` follows ACLED's codes: 1 the day is known, 2 the
week or a few days, 3 only the month (a year-only date is coarser than ACLED allows; it gets 3
and its date is the first of the range, as the precision column says).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from newsint.corpus.entities import resolve_entities
from newsint.corpus.events import FACTUAL_MODALITIES, CorpusEvent, deduplicate_events
from newsint.export.csvfile import csv_text, write_csv
from newsint.model import CorpusArticle, Entity, Participant

COLUMNS = (
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "latitude",
    "longitude",
    "source",
    "notes",
    "reports",
    "independent_outlets",
)

PRECISION_CODES = {"day": 1, "week": 2, "month-part": 2, "month": 3, "season": 3, "year": 3}


def write_acled_csv(stream: TextIO, articles: Sequence[CorpusArticle]) -> None:
    write_csv(stream, COLUMNS, acled_rows(articles))


def acled_csv(articles: Sequence[CorpusArticle]) -> str:
    return csv_text(COLUMNS, acled_rows(articles))


def acled_rows(articles: Sequence[CorpusArticle]) -> Iterator[dict[str, Any]]:
    index = resolve_entities(articles)
    events = [e for e in deduplicate_events(articles, index) if e.start and _factual(e)]
    for number, event in enumerate(sorted(events, key=lambda e: e.start or ""), 1):
        first = event.reports[0]
        analysis = first.article.analysis
        entities = {e.id: e for e in analysis.entities}
        location = first.event.location
        place = entities.get(location.entity) if location and location.entity else None
        sentence = analysis.document.text[first.event.sentence.start : first.event.sentence.end]
        yield (
            {
                "event_id_cnty": f"NI{number}",
                "event_date": (event.start or "")[:10],
                "time_precision": PRECISION_CODES.get(first.event.precision or "day", 3),
                "event_type": event.type,
                "sub_event_type": first.event.mode or "",
                "actor1": _names(first.event.actors, entities),
                "actor2": _names(first.event.targets, entities),
                "location": place.name if place else "",
                "latitude": location.lat if location and location.lat is not None else "",
                "longitude": location.lon if location and location.lon is not None else "",
                "source": "; ".join(event.outlets),
                "notes": " ".join(sentence.split()),
                "reports": len(event.reports),
                "independent_outlets": event.independent_outlets,
            }
        )


def _factual(event: CorpusEvent) -> bool:
    return all(r.event.modality in FACTUAL_MODALITIES for r in event.reports)


def _names(participants: list[Participant], entities: dict[str, Entity]) -> str:
    names = []
    for participant in participants:
        entity = entities.get(participant.entity) if participant.entity else None
        label = participant.actor or (entity.actor if entity else None) or (entity.name if entity else None)
        if label and label not in names:
            names.append(label)
    return "; ".join(names)
