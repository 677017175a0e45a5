"""Events, one row per article's report, in ACLED's field names; and their counts by day."""

from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi import APIRouter

from newsint.model import CorpusArticle, Event, Participant
from newsint.serve.auth import can_read
from newsint.serve.deps import DEFAULT, Cursor, Limit, QueriesDep
from newsint.serve.filters import FilterParams
from newsint.serve.paging import page_request, paged
from newsint.serve.queries import Queries

router = APIRouter(prefix="/api/1", tags=["events"], dependencies=[can_read])


def _who(article: CorpusArticle, participants: list[Participant]) -> str | None:
    names = {e.id: e.name for e in article.analysis.entities}
    said = [names.get(p.entity or "", "") or p.actor or "" for p in participants]
    return "; ".join(s for s in said if s) or None


def event_row(q: Queries, article: CorpusArticle, event: Event) -> dict[str, Any]:
    analysis = article.analysis
    names = {e.id: e.name for e in analysis.entities}
    location = event.location
    sentence = analysis.document.text[event.sentence.start : event.sentence.end]
    return {
        # ACLED's names where the field is the same thing (event_date, actor1, assoc_actor…).
        "event_id_cnty": f"{article.article_id[:12]}:{event.id}",
        "article_id": article.article_id,
        "event_id": event.id,
        "event_date": event.start,
        "event_end": event.end,
        "time_precision": event.precision,
        "event_type": event.type,
        "sub_event_type": event.mode,
        "actor1": _who(article, event.actors),
        "actor1_codes": [p.actor for p in event.actors if p.actor],
        "actor2": _who(article, event.targets),
        "actor2_codes": [p.actor for p in event.targets if p.actor],
        "location": names.get(location.entity or "") if location else None,
        "latitude": location.lat if location else None,
        "longitude": location.lon if location else None,
        "source": q.outlet(article),
        "source_published": analysis.document.published,
        "notes": " ".join(sentence.split()),
        "modality": event.modality,
        "confidence": event.confidence,
        "sentence": {"start": event.sentence.start, "end": event.sentence.end},
    }


@router.get("/events", summary="Events matching the filters (dates are the events' own)")
def list_events(
    filters: FilterParams,
    q: QueriesDep,
    limit: Limit = DEFAULT,
    cursor: Cursor = None,
) -> dict[str, Any]:
    page = page_request(limit, cursor, filters.as_dict())
    body = paged(q.events(filters), page)
    body["items"] = [event_row(q, a, e) for a, e in body["items"]]
    return body


@router.get("/events/timeline", summary="How many matching events start on each day (the timeline's bars)")
def events_timeline(filters: FilterParams, q: QueriesDep) -> dict[str, Any]:
    days: Counter[str] = Counter()
    undated = 0
    for _article, event in q.events(filters):
        if event.start:
            days[event.start[:10]] += 1
        else:
            undated += 1
    return {"days": [{"date": d, "events": n} for d, n in sorted(days.items())], "undated": undated}
