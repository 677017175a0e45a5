"""Events across reports: the same event told by several articles becomes one corpus event.

Two reported events are the same event when they have the same PLOVER type, share an actor (the
same corpus entity, else the same actor code), their dates are compatible (the intervals overlap;
an unknown date is compatible with any) and so are their places (the same country, or one
unknown). Factual reports (asserted, reported) never merge with hypothetical, conditional,
negated or future ones: "Russia may attack" and "Russia attacked" are not one event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from newsint.corpus.entities import EntityIndex, resolve_entities
from newsint.corpus.outlets import Outlets
from newsint.corpus.places import place_keys
from newsint.model import Analysis, CorpusArticle, Event, Participant

FACTUAL_MODALITIES = frozenset({"asserted", "reported"})


@dataclass(slots=True)
class EventReport:
    """One article's report of an event."""

    article: CorpusArticle
    event: Event
    outlet: str | None
    outlet_key: str
    actors: frozenset[str]  # corpus entity keys, else actor codes
    targets: frozenset[str]
    places: frozenset[str]


@dataclass(slots=True)
class CorpusEvent:
    type: str
    reports: list[EventReport] = field(default_factory=list)

    @property
    def actors(self) -> frozenset[str]:
        return frozenset().union(*(r.actors for r in self.reports))

    @property
    def targets(self) -> frozenset[str]:
        return frozenset().union(*(r.targets for r in self.reports))

    @property
    def start(self) -> str | None:
        starts = [r.event.start for r in self.reports if r.event.start]
        return max(starts) if starts else None  # the tightest date every report allows

    @property
    def end(self) -> str | None:
        ends = [r.event.end or r.event.start for r in self.reports if r.event.end or r.event.start]
        return min(ends) if ends else None  # type: ignore[type-var]

    @property
    def outlets(self) -> list[str]:
        return sorted({r.outlet for r in self.reports if r.outlet})

    @property
    def independent_outlets(self) -> int:
        return len({r.outlet_key for r in self.reports})


def deduplicate_events(articles: Sequence[CorpusArticle], index: EntityIndex | None = None) -> list[CorpusEvent]:
    index = index or resolve_entities(articles)
    outlets = Outlets(articles)
    merged: list[CorpusEvent] = []
    by_type: dict[str, list[CorpusEvent]] = {}  # only events of one type can be the same event
    for article in articles:
        for event in article.analysis.events:
            report = EventReport(
                article=article,
                event=event,
                outlet=outlets.name(article),
                outlet_key=outlets.independent_key(article),
                actors=participant_keys(article, event.actors, index),
                targets=participant_keys(article, event.targets, index),
                places=_places(article.analysis, event),
            )
            candidates = by_type.setdefault(event.type, [])
            home = next((c for c in candidates if all(same_event(report, other) for other in c.reports)), None)
            if home is None:
                home = CorpusEvent(type=event.type)
                candidates.append(home)
                merged.append(home)
            home.reports.append(report)
    return merged


def same_event(a: EventReport, b: EventReport) -> bool:
    if a.event.type != b.event.type:
        return False
    if (a.event.modality in FACTUAL_MODALITIES) != (b.event.modality in FACTUAL_MODALITIES):
        return False
    if not a.actors & b.actors:
        return False
    if a.places and b.places and not a.places & b.places:
        return False
    return _dates_overlap(a.event, b.event)


def participant_keys(article: CorpusArticle, participants: list[Participant], index: EntityIndex) -> frozenset[str]:
    keys = set()
    for participant in participants:
        entity = index.of(article.article_id, participant.entity)
        if entity is not None:
            keys.add(entity.key)
        elif participant.actor:
            keys.add(participant.actor)
    return frozenset(keys)


def _places(analysis: Analysis, event: Event) -> frozenset[str]:
    if event.location is None or event.location.entity is None:
        return frozenset()
    entity = next((e for e in analysis.entities if e.id == event.location.entity), None)
    return frozenset(place_keys(entity)) if entity else frozenset()


def _dates_overlap(a: Event, b: Event) -> bool:
    if not a.start or not b.start:
        return True  # unknown is compatible, never a conflict
    a_end, b_end = a.end or a.start, b.end or b.start
    # ISO dates of any precision compare as text once cut to the shorter one ("2022-02" vs "2022-02-10").
    width = min(len(a.start), len(b.start), len(a_end), len(b_end))
    return a.start[:width] <= b_end[:width] and b.start[:width] <= a_end[:width]
