"""Corpus queries computed in the database: filtered, paged, streamed (issue #18).

The corpus commands (and the HTTP API of issue #19) call these instead of loading every stored
Analysis: each answer is SQL over the store's row tables, so its cost is the rows it returns,
not the size of the corpus in memory.

    query = CorpusFilter(date_from="2022-02", outlets=("Meridian Wire",), min_confidence=0.7)
    page = claim_page(store, query, limit=100)            # the first 100, and a cursor
    page = claim_page(store, query, limit=100, cursor=page.next_cursor)
    counts = outlet_counts(store, query)                  # a facet: articles per outlet

Paging is keyset paging on (ingest order, position in the article's Analysis): a cursor is an
opaque string naming the last row returned, so a page costs the same at the end of a million
rows as at the start, and rows stored while a client pages never shift the pages it has not
read yet. A cursor that is not one of ours is a UsageError, not a database error.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from newsint.errors import UsageError

if TYPE_CHECKING:
    from newsint.store.store import Store

Row = TypeVar("Row")
MAX_PAGE = 10_000  # a page is held whole in memory: larger requests are answered in pages


@dataclass(frozen=True, slots=True)
class CorpusFilter:
    """Which stored items a query covers; every field narrows it, None or empty means all."""

    date_from: str | None = None  # publication date on or after (YYYY, YYYY-MM or YYYY-MM-DD)
    date_to: str | None = None  # publication date on or before (a month or year includes all of it)
    outlets: tuple[str, ...] = ()  # only these outlets (exact names)
    exclude_outlets: tuple[str, ...] = ()  # never these outlets (a negative filter)
    event_types: tuple[str, ...] = ()  # events: only these PLOVER types
    min_confidence: float = 0.0  # events: at or above this confidence (an unscored event passes)
    independent_only: bool = False  # leave out near-duplicates (syndicated copies)


@dataclass(frozen=True, slots=True)
class ClaimRow:
    article_id: str
    published: str | None
    outlet: str | None
    claim_id: str
    source: str | None  # who made the claim, as written
    actor: str | None
    cue: str | None
    content: str
    hedge: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class EventRow:
    article_id: str
    published: str | None
    outlet: str | None
    event_id: str
    type: str
    modality: str
    start: str | None
    end: str | None
    precision: str | None
    confidence: float | None
    location_entity: str | None
    lat: float | None
    lon: float | None
    actors: list[list[str | None]]  # [entity id, actor code] of each actor
    targets: list[list[str | None]]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Page(Generic[Row]):
    items: list[Row]
    next_cursor: str | None  # None: this was the last page


def claim_page(store: Store, query: CorpusFilter, *, limit: int = 100, cursor: str | None = None) -> Page[ClaimRow]:
    """Attributed claims in ingest order, then their order in the article."""
    where, params = _article_conditions(query)
    rows = _page(
        store,
        "SELECT a.seq, c.position, a.id, a.published, a.outlet, c.claim_id, c.source_text, c.source_actor, c.cue, "
        "c.content, c.hedge FROM claims c JOIN articles a ON a.id = c.article_id",
        "c.position",
        where,
        params,
        limit,
        cursor,
    )
    return Page([ClaimRow(*row[2:]) for row in rows.items], rows.next_cursor)


def event_page(store: Store, query: CorpusFilter, *, limit: int = 100, cursor: str | None = None) -> Page[EventRow]:
    """Events in ingest order, then their order in the article; ``min_confidence`` and
    ``event_types`` apply."""
    where, params = _article_conditions(query)
    if query.min_confidence > 0:
        where.append("(e.confidence IS NULL OR e.confidence >= ?)")
        params.append(query.min_confidence)
    if query.event_types:
        where.append(f"e.type IN ({', '.join('?' * len(query.event_types))})")
        params += query.event_types
    rows = _page(
        store,
        "SELECT a.seq, e.position, a.id, a.published, a.outlet, e.event_id, e.type, e.modality, e.start_date, "
        "e.end_date, e.time_precision, e.confidence, e.location_entity, e.lat, e.lon, e.actors, e.targets "
        "FROM events e JOIN articles a ON a.id = e.article_id",
        "e.position",
        where,
        params,
        limit,
        cursor,
    )
    loads = store._db.loads_json
    return Page(
        [EventRow(*row[2:15], loads(row[15]) or [], loads(row[16]) or []) for row in rows.items], rows.next_cursor
    )


def claims(store: Store, query: CorpusFilter) -> Iterator[ClaimRow]:
    """Every claim the filter keeps, page by page: bounded memory however many there are."""
    cursor: str | None = None
    while True:
        page = claim_page(store, query, limit=MAX_PAGE, cursor=cursor)
        yield from page.items
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


def outlet_counts(store: Store, query: CorpusFilter) -> list[tuple[str | None, int]]:
    """A facet: articles per outlet (None: unknown), most first, then by name."""
    where, params = _article_conditions(query)
    sql = "SELECT a.outlet, COUNT(*) FROM articles a"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " GROUP BY a.outlet ORDER BY COUNT(*) DESC, a.outlet"
    with store._driver_errors("read the store"):
        return [(outlet, int(count)) for outlet, count in store._db.execute(sql, params).fetchall()]


def event_type_counts(store: Store, query: CorpusFilter) -> list[tuple[str, int]]:
    """A facet: events per PLOVER type, most first (``min_confidence`` applies)."""
    where, params = _article_conditions(query)
    if query.min_confidence > 0:
        where.append("(e.confidence IS NULL OR e.confidence >= ?)")
        params.append(query.min_confidence)
    sql = "SELECT e.type, COUNT(*) FROM events e JOIN articles a ON a.id = e.article_id"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " GROUP BY e.type ORDER BY COUNT(*) DESC, e.type"
    with store._driver_errors("read the store"):
        return [(kind, int(count)) for kind, count in store._db.execute(sql, params).fetchall()]


@dataclass(frozen=True, slots=True)
class _RawPage:
    items: list[tuple[Any, ...]]
    next_cursor: str | None


def _page(
    store: Store, select: str, position: str, where: list[str], params: list[Any], limit: int, cursor: str | None
) -> _RawPage:
    """One page of ``select`` (whose first two columns are the article's seq and the item's
    position) after ``cursor``, ordered by both."""
    if not 1 <= limit <= MAX_PAGE:
        raise UsageError(f"a page holds 1 to {MAX_PAGE} rows, not {limit}")
    where, params = list(where), list(params)
    if cursor is not None:
        seq, at = _decode(cursor)
        # Written so that ``a.seq >= ?`` stands alone: the database walks the seq index from the
        # cursor on. (The plain ``seq > ? OR (seq = ? AND …)`` made SQLite sort every row per page.)
        where.append(f"a.seq >= ? AND (a.seq > ? OR {position} > ?)")
        params += [seq, seq, at]
    sql = select + (" WHERE " + " AND ".join(where) if where else "")
    sql += f" ORDER BY a.seq, {position} LIMIT ?"
    with store._driver_errors("read the store"):
        rows = [tuple(row) for row in store._db.execute(sql, [*params, limit + 1]).fetchall()]
    more = len(rows) > limit
    rows = rows[:limit]
    return _RawPage(rows, _encode(rows[-1][0], rows[-1][1]) if more else None)


def _article_conditions(query: CorpusFilter) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if query.date_from is not None:
        where.append("a.published >= ?")
        params.append(_check_date(query.date_from, "date_from"))
    if query.date_to is not None:
        # "2022-02" as an upper bound includes every day of February (dates compare as text).
        date_to = _check_date(query.date_to, "date_to")
        where.append("a.published <= ?")
        params.append(date_to + "-12-31"[len(date_to) - 4 :] if len(date_to) < 10 else date_to)
    if query.outlets:
        where.append(f"a.outlet IN ({', '.join('?' * len(query.outlets))})")
        params += query.outlets
    if query.exclude_outlets:
        where.append(f"(a.outlet IS NULL OR a.outlet NOT IN ({', '.join('?' * len(query.exclude_outlets))}))")
        params += query.exclude_outlets
    if query.independent_only:
        where.append("a.duplicate_of IS NULL")
    return where, params


def _check_date(value: str, name: str) -> str:
    parts = value.split("-")
    try:
        if not 1 <= len(parts) <= 3 or len(parts[0]) != 4 or any(len(p) != 2 for p in parts[1:]):
            raise ValueError
        year, month, day = [*map(int, parts), 1, 1][:3]
        dt.date(year, month, day)
    except ValueError:
        raise UsageError(f"{name} must be a date like 2019, 2019-03 or 2019-03-23, not {value!r}") from None
    return value


def _encode(seq: int, position: int) -> str:
    return base64.urlsafe_b64encode(json.dumps([seq, position]).encode()).decode().rstrip("=")


def _decode(cursor: str) -> tuple[int, int]:
    try:
        seq, position = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not (isinstance(seq, int) and isinstance(position, int)):
            raise ValueError
    except (ValueError, TypeError):
        raise UsageError(f"not a cursor this store gave: {cursor[:40]!r}") from None
    return seq, position
