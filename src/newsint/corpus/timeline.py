"""The corpus timeline: dated events and dated claims, filterable by actor code and date range.

An event is dated by its own start/end. A claim is dated by the anchored times inside its
content when the time stage gives them (``basis="text"``), else by the publication date of its
article (``basis="published"``: when it was reported, not necessarily when it happened). Items
with neither are left out: the timeline never invents a date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from newsint.corpus.figures import source_named_in
from newsint.corpus.outlets import outlet_name
from newsint.extract.events.confidence import confident
from newsint.model import CorpusArticle

TimelineKind = Literal["event", "claim"]


@dataclass(slots=True)
class TimelineEntry:
    start: str  # ISO date (or a shorter ISO prefix: "2022-02" for a month)
    end: str
    kind: TimelineKind
    text: str
    basis: str  # event | text | published
    actors: list[str] = field(default_factory=list)  # actor codes ("RUS MIL")
    article_id: str = ""
    outlet: str | None = None
    item_id: str = ""  # the event or claim id inside the article's Analysis
    figures: int = 0  # how many quantities the claim gives


def build_timeline(
    articles: Sequence[CorpusArticle],
    *,
    actor: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    min_confidence: float = 0.0,
) -> list[TimelineEntry]:
    """Entries sorted by date; ``actor`` keeps those whose actor code is it or begins with it
    ("RUS" keeps "RUS MIL"); ``start``/``end`` keep those that overlap the range; events below
    ``min_confidence`` are left out (the CLI's default is DEFAULT_MIN_CONFIDENCE)."""
    entries: list[TimelineEntry] = []
    for article in articles:
        entries.extend(_entries(article, min_confidence))
    if actor:
        wanted = actor.upper().strip()
        entries = [e for e in entries if any(code == wanted or code.startswith(wanted + " ") for code in e.actors)]
    if start:
        entries = [e for e in entries if e.end[:10] >= start.isoformat()[: len(e.end[:10])]]
    if end:
        entries = [e for e in entries if e.start[:10] <= end.isoformat()[: len(e.start[:10])]]
    return sorted(entries, key=lambda e: (e.start, e.kind, e.article_id, e.item_id))


def _entries(article: CorpusArticle, min_confidence: float) -> list[TimelineEntry]:
    analysis = article.analysis
    document = analysis.document
    outlet = outlet_name(article)
    entities = {e.id: e for e in analysis.entities}
    found: list[TimelineEntry] = []
    for event in confident(analysis.events, min_confidence):
        if not event.start:
            continue
        codes = [p.actor or (entities[p.entity].actor if p.entity in entities else None) for p in event.actors]
        codes += [p.actor or (entities[p.entity].actor if p.entity in entities else None) for p in event.targets]
        sentence = document.text[event.sentence.start : event.sentence.end]
        found.append(
            TimelineEntry(
                start=event.start,
                end=event.end or event.start,
                kind="event",
                text=f"{event.type}: {' '.join(sentence.split())}",
                basis="event",
                actors=sorted({c for c in codes if c}),
                article_id=article.article_id,
                outlet=outlet,
                item_id=event.id,
            )
        )
    for claim in analysis.claims:
        content = claim.content
        dated = [
            t
            for t in analysis.times
            if t.kind in ("date", "time")
            and t.anchored
            and t.value_start
            and content.start <= t.start
            and t.end <= content.end
        ]
        if dated:
            start, end, basis = (
                min(t.value_start for t in dated),  # type: ignore[type-var]
                max(t.value_end or t.value_start for t in dated),  # type: ignore[type-var]
                "text",
            )
        elif document.published:
            start, end, basis = document.published[:10], document.published[:10], "published"
        else:
            continue
        source_entity = entities.get(claim.source.entity or "") or source_named_in(claim, analysis)
        code = claim.source.actor or (source_entity.actor if source_entity else None)
        who = " ".join((source_entity.name if source_entity else claim.source.text or "unnamed source").split())
        found.append(
            TimelineEntry(
                start=start,
                end=end,
                kind="claim",
                text=f"{who}: {' '.join(content.text.split())}",
                basis=basis,
                actors=[code] if code else [],
                article_id=article.article_id,
                outlet=outlet,
                item_id=claim.id,
                figures=len(claim.quantities),
            )
        )
    return found
