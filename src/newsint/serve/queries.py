"""The ONLY module of the API that calls the store and the corpus views.

Today's corpus views (``newsint.corpus``) work over the articles in memory, so this module keeps
one snapshot of the corpus (the articles, their resolved entities, the figures compared, the
actor network) and filters and pages it in Python. When the store's paged, SQL-side corpus
queries land (issue #13), this file is the one to switch: the resources call nothing else.

A snapshot is rebuilt when the number of stored articles changes (checked at most every
``FRESHNESS_CHECK_SECONDS``) or when an ingest job of this server stores something.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

import networkx as nx

from newsint.corpus.entities import CorpusEntity, EntityIndex, resolve_entities
from newsint.corpus.figures import FigureReport, compare_figures, report_to_dict
from newsint.corpus.network import actor_network
from newsint.corpus.outlets import outlet_name
from newsint.corpus.profile import entity_profile
from newsint.export.corpus_export import ExportFormat, check_table, is_binary, render_export
from newsint.model import Analysis, CorpusArticle, Event, Participant
from newsint.serve.filters import Filters
from newsint.store import SearchHit, Store, StoreStats, open_store

# How often a request may look at the store for new articles. A count is one cheap query, but
# under a load of hundreds of requests a second it need not run on each.
FRESHNESS_CHECK_SECONDS = 2.0
# The largest search the filters run: "every hit" (the store caps its LIMIT itself).
EVERY_HIT = 10**9
# The network view draws this many actors at most (the most connected): a readable picture,
# and a layout that stays fast (spring layout is quadratic in nodes). The JSON says how many.
DEFAULT_NETWORK_NODES = 60
FACET_SIZE = 15


@dataclass(slots=True)
class Snapshot:
    """The corpus as stored at one moment, with its corpus-wide views built on first use."""

    articles: list[CorpusArticle]
    by_id: dict[str, CorpusArticle] = field(init=False)
    article_count: int = 0

    def __post_init__(self) -> None:
        self.by_id = {a.article_id: a for a in self.articles}
        self.article_count = len(self.articles)


class _Views:
    """Corpus-wide views of one snapshot, each computed once."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot

    @cached_property
    def index(self) -> EntityIndex:
        return resolve_entities(self.snapshot.articles)

    @cached_property
    def entities_by_key(self) -> dict[str, CorpusEntity]:
        return {e.key: e for e in self.index.entities}


class Queries:
    def __init__(self, store_url: str | None) -> None:
        self.store_url = store_url
        self._lock = threading.Lock()
        self._views: _Views | None = None
        self._checked_at = 0.0

    # ------------------------------------------------------------------------------------------
    # The store

    def _open(self) -> Store:
        # A connection per call: requests run in a thread pool, and a SQLite connection belongs
        # to the thread that opened it. Read-only: the API never writes through this door.
        return open_store(self.store_url, read_only=True)

    def stats(self) -> StoreStats:
        with self._open() as store:
            return store.stats()

    def search(self, query: str, *, kind: str | None, filters: Filters, wanted: int) -> tuple[list[SearchHit], bool]:
        """The best ``wanted`` hits, and whether they are all there are. The store ranks every
        match, so only the hits a page needs are fetched (plus one, to know there are more);
        filters the store's search has no parameter for are applied to its hits after it."""
        own = Filters(q=filters.q, entity=filters.entity, date_from=filters.date_from, date_to=filters.date_to)
        rest = replace(filters, q=None, entity=None, date_from=None, date_to=None)
        fetch = wanted + 1 if rest.is_empty else EVERY_HIT
        with self._open() as store:
            hits = store.search(
                query, type=kind, entity=own.entity, date_from=own.date_from, date_to=own.date_to, limit=fetch
            )
        if not rest.is_empty:
            kept = {a.article_id for a in self.articles(rest)}
            hits = [h for h in hits if h.article_id in kept]
        return hits[:wanted], len(hits) <= wanted

    def failures(self) -> list[Any]:
        with self._open() as store:
            return store.failures()

    def invalidate(self) -> None:
        """Forget the snapshot: the next request reads the store again (an ingest job stored some)."""
        with self._lock:
            self._views = None

    def _current(self) -> _Views:
        """The current snapshot. One request at a time looks at the store for new articles; the
        others meanwhile answer from the snapshot they have (only the first one waits)."""
        views = self._views
        if views is not None and time.monotonic() - self._checked_at < FRESHNESS_CHECK_SECONDS:
            return views
        if views is not None and not self._lock.acquire(blocking=False):
            return views
        if views is None:
            self._lock.acquire()
        try:
            views = self._views
            if views is not None and time.monotonic() - self._checked_at < FRESHNESS_CHECK_SECONDS:
                return views
            with self._open() as store:
                count = store.stats().articles
                if views is None or views.snapshot.article_count != count:
                    views = _Views(Snapshot(list(store.articles())))
                    self._views = views
            self._checked_at = time.monotonic()
            return views
        finally:
            self._lock.release()

    # ------------------------------------------------------------------------------------------
    # Articles

    def article(self, article_id: str) -> CorpusArticle | None:
        return self._current().snapshot.by_id.get(article_id)

    def articles(self, filters: Filters) -> list[CorpusArticle]:
        views = self._current()
        chosen: Iterable[CorpusArticle] = views.snapshot.articles
        if filters.q:
            with self._open() as store:
                hit_ids = {h.article_id for h in store.search(filters.q, limit=EVERY_HIT)}
            chosen = [a for a in chosen if a.article_id in hit_ids]
        if filters.entity:
            named = self._entity_articles(views, filters.entity)
            chosen = [a for a in chosen if a.article_id in named]
        if filters.not_entity:
            named = self._entity_articles(views, filters.not_entity)
            chosen = [a for a in chosen if a.article_id not in named]
        checks = _article_checks(filters)
        return [a for a in chosen if all(check(a) for check in checks)]

    @staticmethod
    def _entity_articles(views: _Views, name: str) -> set[str]:
        found = [views.entities_by_key[name]] if name in views.entities_by_key else views.index.find(name)
        return {r.article_id for e in found for r in e.refs}

    def article_facets(self, articles: Sequence[CorpusArticle]) -> dict[str, list[dict[str, Any]]]:
        """Counts of the filtered articles by outlet, event type, modality and entity: what the
        next filter would leave."""
        views = self._current()
        outlets: Counter[str] = Counter()
        types: Counter[str] = Counter()
        modalities: Counter[str] = Counter()
        entities: Counter[str] = Counter()
        for article in articles:
            outlets[outlet_name(article) or "unknown"] += 1
            analysis = article.analysis
            types.update({e.type for e in analysis.events})
            modalities.update({e.modality for e in analysis.events})
            found = (views.index.of(article.article_id, e.id) for e in analysis.entities)
            entities.update({e.key for e in found if e is not None})
        names = views.entities_by_key
        return {
            "outlet": _facet(outlets),
            "event_type": _facet(types),
            "modality": _facet(modalities),
            "entity": [
                {"value": key, "label": names[key].name, "type": names[key].type, "count": n}
                for key, n in entities.most_common(FACET_SIZE)
            ],
        }

    # ------------------------------------------------------------------------------------------
    # Entities

    def entities(self, name: str | None, entity_type: str | None, filters: Filters) -> list[CorpusEntity]:
        views = self._current()
        found = views.index.find(name) if name else sorted(views.index.entities, key=lambda e: -e.mention_count)
        if entity_type:
            found = [e for e in found if e.type == entity_type.upper()]
        if not filters.is_empty:
            kept = {a.article_id for a in self.articles(filters)}
            found = [e for e in found if any(r.article_id in kept for r in e.refs)]
        return found

    def entity(self, key: str) -> tuple[CorpusEntity, Any] | None:
        views = self._current()
        found = views.entities_by_key.get(key)
        if found is None:
            return None
        return found, entity_profile(found, views.snapshot.articles, views.index)

    def entity_of(self, article_id: str, entity_id: str | None) -> CorpusEntity | None:
        return self._current().index.of(article_id, entity_id)

    # ------------------------------------------------------------------------------------------
    # Claims, figures, events, network, exports

    def claims(self, filters: Filters) -> list[tuple[CorpusArticle, Any]]:
        return [(a, c) for a in self.articles(filters) for c in a.analysis.claims]

    def figures(self, filters: Filters) -> dict[str, Any]:
        views = self._current()
        articles = self.articles(filters)
        report: FigureReport = compare_figures(articles, views.index)
        return report_to_dict(report)

    def events(self, filters: Filters) -> list[tuple[CorpusArticle, Event]]:
        rows = []
        for article in self.articles(_events_own_dates(filters)):
            for event in article.analysis.events:
                if _event_matches(article.analysis, event, filters):
                    rows.append((article, event))
        return rows

    def network(self, filters: Filters, max_nodes: int, min_weight: int) -> nx.DiGraph:
        views = self._current()
        articles = self.articles(filters)
        graph = actor_network(articles, views.index)
        if filters.event_type:
            # An edge of claims only, or of other event types, is not the period's "who did what".
            wanted = f"{filters.event_type}:"
            drop = [(s, t) for s, t, d in graph.edges(data=True) if wanted not in d.get("types", "")]
            graph.remove_edges_from(drop)
        graph.remove_edges_from([(s, t) for s, t, d in graph.edges(data=True) if d["weight"] < min_weight])
        graph.remove_nodes_from([n for n in list(graph.nodes) if graph.degree(n) == 0])
        strength = dict(graph.degree(weight="weight"))
        keep = sorted(graph.nodes, key=lambda n: (-strength[n], str(n)))[:max_nodes]
        return graph.subgraph(keep).copy()

    def export(self, export_format: ExportFormat, table: str | None, filters: Filters) -> tuple[bytes, bool]:
        check_table(export_format, table)
        return render_export(export_format, self.articles(filters), table), is_binary(export_format, table)

    def outlet(self, article: CorpusArticle) -> str | None:
        return outlet_name(article)


def _facet(counter: Counter[str]) -> list[dict[str, Any]]:
    return [{"value": value, "count": n} for value, n in counter.most_common(FACET_SIZE)]


def _events_own_dates(filters: Filters) -> Filters:
    """For the events list the dates are the events' own, not their articles' publication dates."""
    return replace(filters, date_from=None, date_to=None)


def _codes(participants: list[Participant]) -> set[str]:
    return {p.actor for p in participants if p.actor}


def _actor_matches(code: str, participants: list[Participant]) -> bool:
    # "RUS" finds "RUS MIL" and "RUS GOV": a country code stands for all its sectors.
    return any(c == code or c.startswith(code + " ") for c in _codes(participants))


def _event_matches(analysis: Analysis, event: Event, filters: Filters) -> bool:
    if filters.event_type and event.type != filters.event_type:
        return False
    if filters.not_event_type and event.type == filters.not_event_type:
        return False
    if filters.modality and event.modality != filters.modality:
        return False
    if filters.actor and not _actor_matches(filters.actor, event.actors + event.targets):
        return False
    day = (event.start or "")[:10]
    if filters.date_from and (not day or (event.end or event.start or "")[:10] < filters.date_from):
        return False
    if filters.date_to and (not day or day > filters.date_to):
        return False
    if filters.bbox:
        where = event.location
        if where is None or where.lat is None or where.lon is None or not filters.bbox.contains(where.lat, where.lon):
            return False
    return True


def _article_checks(filters: Filters) -> list[Callable[[CorpusArticle], bool]]:
    checks: list[Callable[[CorpusArticle], bool]] = []
    if filters.outlet:
        wanted = filters.outlet.casefold()
        checks.append(lambda a: (outlet_name(a) or "").casefold() == wanted)
    if filters.not_outlet:
        unwanted = filters.not_outlet.casefold()
        checks.append(lambda a: (outlet_name(a) or "").casefold() != unwanted)
    if filters.date_from:
        start = filters.date_from
        checks.append(lambda a: bool(a.analysis.document.published) and a.analysis.document.published[:10] >= start)
    if filters.date_to:
        end = filters.date_to
        checks.append(lambda a: bool(a.analysis.document.published) and a.analysis.document.published[:10] <= end)
    if filters.not_event_type:
        unwanted_type = filters.not_event_type
        checks.append(lambda a: all(e.type != unwanted_type for e in a.analysis.events))
    event_filters = Filters(
        event_type=filters.event_type, modality=filters.modality, actor=filters.actor, bbox=filters.bbox
    )
    if not event_filters.is_empty:
        checks.append(lambda a: any(_event_matches(a.analysis, e, event_filters) for e in a.analysis.events))
    return checks
