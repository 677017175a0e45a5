"""One article's events as ACLED-shaped CSV rows (``newsint analyze --format acled``).

Every event of every analysed article at or above the confidence threshold (``--min-confidence``,
extract/events/confidence.py) gets a row, with its modality, so that a reader can filter; the corpus export (``newsint export -f acled``, export/acled.py) is the ACLED file
proper: events deduplicated across articles, factual and dated only, ACLED's precision codes.

ACLED's own columns (event_date, time_precision, event_type, actor1, actor2, location, latitude,
longitude, source, notes) carry newsint's values: the PLOVER type and mode, actor codes, the
event's place from the knowledge base, and the sentence it came from. Unknown stays empty:
no date, place or actor is filled in that the article did not give. ``time_precision`` keeps
newsint's words (day, month-part, month, year…); ``modality`` says whether the event is
asserted, reported, hypothetical, conditional, negated or future, which ACLED does not record.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from newsint.export.csvfile import write_rows
from newsint.extract.events.confidence import DEFAULT_MIN_CONFIDENCE, confident
from newsint.model import Analysis, Event

COLUMNS = (
    "event_id", "event_date", "event_end", "time_precision", "event_type", "sub_event_type", "modality",
    "actor1", "actor2", "location", "latitude", "longitude", "source", "source_sentence", "notes",
)  # fmt: skip


def acled_rows(analysis: Analysis, *, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> Iterable[dict[str, str]]:
    names = {e.id: e.name for e in analysis.entities}
    for event in confident(analysis.events, min_confidence):
        location = event.location
        yield {
            "event_id": f"{analysis.document.id}:{event.id}",
            "event_date": event.start or "",
            "event_end": event.end or "",
            "time_precision": event.precision or "",
            "event_type": event.type,
            "sub_event_type": event.mode or "",
            "modality": event.modality,
            "actor1": "; ".join(p.actor for p in event.actors if p.actor),
            "actor2": "; ".join(p.actor for p in event.targets if p.actor),
            "location": names.get(location.entity, "") if location and location.entity else "",
            "latitude": _number(location.lat if location else None),
            "longitude": _number(location.lon if location else None),
            "source": analysis.document.url or analysis.document.source,
            "source_sentence": _sentence(analysis, event),
            "notes": _notes(event),
        }


def acled_header() -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(COLUMNS)
    return buffer.getvalue()


def acled_csv(analysis: Analysis, *, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> str:
    """The rows of one analysis as CSV text, without the header; cells as every CSV export writes
    them (csvfile.csv_cell: no formula, no terminal control)."""
    buffer = io.StringIO()
    write_rows(buffer, COLUMNS, acled_rows(analysis, min_confidence=min_confidence))
    return buffer.getvalue()


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def _sentence(analysis: Analysis, event: Event) -> str:
    return " ".join(analysis.document.text[event.sentence.start : event.sentence.end].split())


def _notes(event: Event) -> str:
    parts = []
    if event.condition:
        parts.append(f"condition: {event.condition}")
    if event.claim:
        parts.append(f"claim: {event.claim}")
    return "; ".join(parts)
