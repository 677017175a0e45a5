"""An Analysis as table rows: one function per table, in the columns' order (migrations.py).

The full Analysis JSON is stored with the article and is what ``Store.articles()`` rebuilds from;
these rows are its normalised, queryable copy (who said what, which numbers, which entities).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from newsint.model import Analysis
from newsint.store.backend import SNIPPET_END, SNIPPET_START

Row = tuple[Any, ...]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def item_rows(key: str, analysis: Analysis, as_json: Callable[[str], Any]) -> dict[str, list[Row]]:
    """Rows for every extracted-item table, keyed by table name; ``as_json`` wraps JSON columns."""
    a = analysis
    return {
        "entities": [
            (key, e.id, e.name, e.type, e.kb_id, e.actor, as_json(_json(e.attributes)) if e.attributes else None)
            for e in a.entities
        ],
        "mentions": [(key, e.id, m.start, m.end, m.text, m.actor) for e in a.entities for m in e.mentions],
        "claims": [
            (
                key,
                c.id,
                c.source.entity,
                c.source.text,
                c.source.actor,
                c.cue,
                c.content.text,
                c.content.start,
                c.content.end,
                c.hedge,
                position,
            )
            for position, c in enumerate(a.claims)
        ],
        "quantities": [
            (key, q.id, q.value, q.low, q.high, q.unit, int(q.approximate), q.of, q.start, q.end, q.text)
            for q in a.quantities
        ],
        # A claim may list a quantity twice (two readings of one span); the link is stored once.
        "claim_quantities": [(key, c.id, q) for c in a.claims for q in dict.fromkeys(c.quantities)],
        "times": [
            (key, t.id, t.text, t.start, t.end, t.precision, int(t.anchored), t.value_start, t.value_end)
            for t in a.times
        ],
        "events": [
            (
                key,
                e.id,
                e.type,
                e.mode,
                e.modality,
                e.start,
                e.end,
                e.precision,
                e.location.entity if e.location else None,
                e.location.lat if e.location else None,
                e.location.lon if e.location else None,
                e.claim,
                e.condition,
                e.sentence.start,
                e.sentence.end,
                as_json(_json([[p.entity, p.actor] for p in e.actors])),
                as_json(_json([[p.entity, p.actor] for p in e.targets])),
                e.confidence,
                position,
            )
            for position, e in enumerate(a.events)
        ],
        "judgements": [
            (
                key,
                j.id,
                j.phrase,
                _bound(j.probability, 0),
                _bound(j.probability, 1),
                j.condition,
                j.start,
                j.end,
                j.text,
                j.holder,
            )
            for j in a.judgements
        ],
        "contradictions": [(key, n, as_json(_json(c.items)), c.reason) for n, c in enumerate(a.contradictions)],
    }


def _bound(probability: list[float], index: int) -> float | None:
    return probability[index] if len(probability) > index else None


# Each table's columns, in the order item_rows gives them.
COLUMNS: dict[str, tuple[str, ...]] = {
    "entities": ("article_id", "entity_id", "name", "type", "kb_id", "actor", "attributes"),
    "mentions": ("article_id", "entity_id", "start_char", "end_char", "text", "actor"),
    "claims": ("article_id", "claim_id", "source_entity", "source_text", "source_actor", "cue", "content",
               "start_char", "end_char", "hedge", "position"),
    "quantities": ("article_id", "quantity_id", "value", "low", "high", "unit", "approximate", "counted",
                   "start_char", "end_char", "text"),
    "claim_quantities": ("article_id", "claim_id", "quantity_id"),
    "times": ("article_id", "time_id", "text", "start_char", "end_char", "time_precision", "anchored",
              "value_start", "value_end"),
    "events": ("article_id", "event_id", "type", "mode", "modality", "start_date", "end_date", "time_precision",
               "location_entity", "lat", "lon", "claim_id", "condition", "sentence_start", "sentence_end",
               "actors", "targets", "confidence", "position"),
    "judgements": ("article_id", "judgement_id", "phrase", "probability_low", "probability_high", "condition",
                   "start_char", "end_char", "text", "holder"),
    "contradictions": ("article_id", "position", "items", "reason"),
}  # fmt: skip
INSERTS: dict[str, str] = {
    table: f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    for table, columns in COLUMNS.items()
}


def search_rows(key: str, analysis: Analysis) -> list[Row]:
    """Full-text index rows: the article's analysed text (title first) and each claim's content."""
    document = analysis.document
    rows: list[Row] = [("article", key, None, _indexable(document.text))]
    rows += [("claim", key, c.id, _indexable(c.content.text)) for c in analysis.claims if c.content.text]
    return rows


_REPLACEMENT_CHARACTER = "\ufffd"


def _indexable(text: str) -> str:
    """``text`` without the snippet marks (backend.py), each made U+FFFD: the marks in a snippet
    are then the database's alone. (A private-use character shows as nothing readable anyway;
    the stored article keeps it.)"""
    return text.replace(SNIPPET_START, _REPLACEMENT_CHARACTER).replace(SNIPPET_END, _REPLACEMENT_CHARACTER)
