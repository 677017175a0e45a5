"""The Russian stages, in order: the same Analysis fields as ``pipeline.STAGES`` makes for
English, from a ``RussianParse`` in place of a spaCy Doc. Each entry is (name, requires,
assigns, function) as ``pipeline.Stage`` takes it; ``pipeline`` wraps and checks them (this
package sits below the pipeline and cannot import its Stage record).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from newsint.lang.ru.claims import extract_russian_claims
from newsint.lang.ru.entities import extract_russian_entities
from newsint.lang.ru.events import extract_russian_events
from newsint.lang.ru.parse import RussianParse
from newsint.lang.ru.quantities import extract_russian_quantities
from newsint.lang.ru.times import extract_russian_times


def _entities(doc: RussianParse, reference: dt.date | None):
    return extract_russian_entities(doc, reference)


def _times(doc: RussianParse, reference: dt.date | None):
    return extract_russian_times(doc, reference)


def _quantities(doc: RussianParse):
    return extract_russian_quantities(doc)


def _claims(doc: RussianParse, entities, quantities):
    return extract_russian_claims(doc, entities, quantities)


def _events(doc: RussianParse, entities, claims, times):
    return extract_russian_events(doc, entities, claims, times)


def _nothing():
    # Judgements (estimative language) and contradictions have no Russian rules yet: empty,
    # as the note on the document says.
    return [], []


RU_STAGES: tuple[tuple[str, tuple[str, ...], tuple[str, ...], Callable[..., Any]], ...] = (
    ("newsint.ru_times.v1", ("doc", "reference"), ("times",), _times),
    ("newsint.ru_entities.v1", ("doc", "reference"), ("entities",), _entities),
    ("newsint.ru_quantities.v1", ("doc",), ("quantities",), _quantities),
    ("newsint.ru_claims.v1", ("doc", "entities", "quantities"), ("claims",), _claims),
    ("newsint.ru_events.v1", ("doc", "entities", "claims", "times"), ("events",), _events),
    ("newsint.ru_unsupported.v1", (), ("judgements", "contradictions"), _nothing),
)

# What the document's note says of a Russian text: what the stages above do not do.
RU_NOTE = "Russian: judgements and contradictions are not analysed (no Russian rules yet)"
