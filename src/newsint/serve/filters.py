"""The filters every list takes, as one typed record, and their query parameters.

One record so that a list, its facet counts and its export honour the same filters (Aleph
#1998): the dashboard's active filters become the export's, with nothing lost on the way.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Annotated, Any

from fastapi import Depends, Query

from newsint.dates import parse_date_option
from newsint.errors import UsageError
from newsint.serve.errors import ApiError

MODALITIES = ("asserted", "reported", "hypothetical", "conditional", "negated", "future")


@dataclass(frozen=True, slots=True)
class BoundingBox:
    west: float
    south: float
    east: float
    north: float

    def contains(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east


@dataclass(frozen=True, slots=True)
class Filters:
    q: str | None = None  # words of the article's text or of a claim (the store's full-text search)
    entity: str | None = None  # the article names it (any name, alias or KB id)
    not_entity: str | None = None
    actor: str | None = None  # an event actor or target code: "RUS", "RUS MIL"
    event_type: str | None = None  # PLOVER type of an event the article reports
    not_event_type: str | None = None
    modality: str | None = None  # of the events (events list) / of an event in the article
    outlet: str | None = None
    not_outlet: str | None = None
    date_from: str | None = None  # publication date of the article, or the event's date for events
    date_to: str | None = None
    bbox: BoundingBox | None = None  # events located inside it (and their articles)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def is_empty(self) -> bool:
        return not any(v is not None for v in self.as_dict().values())


def _date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        parsed = parse_date_option(value, name)
    except UsageError as error:
        raise ApiError(422, f"query.{name}: a date like 2021-09-10, not {value!r}") from error
    return parsed.isoformat() if parsed else None


def _bbox(value: str | None) -> BoundingBox | None:
    if not value:
        return None
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError:
        raise ApiError(422, "query.bbox: west,south,east,north in degrees, e.g. 23,51,33,56") from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise ApiError(422, "query.bbox: west <= east within ±180 and south <= north within ±90")
    return BoundingBox(west, south, east, north)


def _text(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def filters_from_query(
    q: Annotated[str | None, Query(max_length=500, description="Words in the text or a claim.")] = None,
    entity: Annotated[str | None, Query(max_length=200, description="Articles naming this entity.")] = None,
    not_entity: Annotated[str | None, Query(max_length=200, description="Leave out articles naming it.")] = None,
    actor: Annotated[
        str | None, Query(max_length=40, description="Event actor or target code (RUS, 'RUS MIL').")
    ] = None,
    event_type: Annotated[
        str | None, Query(max_length=40, description="PLOVER event type (ASSAULT, MOBILIZE…).")
    ] = None,
    not_event_type: Annotated[str | None, Query(max_length=40)] = None,
    modality: Annotated[str | None, Query(description="Event modality: " + ", ".join(MODALITIES))] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    not_outlet: Annotated[str | None, Query(max_length=200)] = None,
    date_from: Annotated[str | None, Query(alias="from", description="From this date (YYYY[-MM[-DD]]).")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="Up to this date, inclusive.")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north: events located inside.")] = None,
) -> Filters:
    if modality is not None and modality not in MODALITIES:
        raise ApiError(422, f"query.modality: one of {', '.join(MODALITIES)}, not {modality!r}")
    start, end = _date(date_from, "from"), _date(date_to, "to")
    if start and end and start > end:
        raise ApiError(422, f"query.from {start} is after query.to {end}")
    return Filters(
        q=_text(q),
        entity=_text(entity),
        not_entity=_text(not_entity),
        actor=_text(actor),
        event_type=_text(event_type),
        not_event_type=_text(not_event_type),
        modality=modality,
        outlet=_text(outlet),
        not_outlet=_text(not_outlet),
        date_from=start,
        date_to=end,
        bbox=_bbox(bbox),
    )


# A route's filters, parsed from its query string (FastAPI's Annotated dependency form).
FilterParams = Annotated[Filters, Depends(filters_from_query)]
