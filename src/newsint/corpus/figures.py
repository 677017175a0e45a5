"""Figures across articles: which sources agree on a count (corroboration) and which cannot all be
right (contradiction).

A *figure* is one quantity inside one attributed claim of one article. Two figures are about the
same thing when ``newsint.extract.quantity_compare.same_quantity`` says so (same counted unit, same
head of what is counted) **and** their places and times are compatible:

- what is counted: both figures must say it (``Quantity.of``). A bare unit says
  too little: "15 years" (an age) and "seven years" (a war's length) count the same unit and
  nothing in common.
- place: the countries named inside what is counted ("troops in Mali" -> MLI, "near the
  Mali–Niger border" -> MLI, NER); two figures that both name places must share one. A
  figure that names none is compatible with any place (unknown is not a conflict). The two
  claims must also name one same place (the exact place, not only its country):
  "50 people" killed in one town and "25,000 people" displaced in another region of the same
  country are different counts, and a claim that names no place cannot be tied to another's.
  (This is stricter than ``extract.contradictions`` within one article, which compares units
  alone; the corpus report is read without the article at hand.)
- time: the date that governs the quantity in the parse (``Quantity.time``: "between 169,000
  and 190,000 personnel ..., up from about 100,000 on Jan. 30" dates the 100,000, not the
  range), else the window of ``REPORTED_FIGURE_WINDOW_DAYS`` before the article's publication
  date. Figures with no known time are compared only with figures of the same article.

Agreeing figures (``quantity_compare.agree``: their intervals overlap, so the stated approximation
and bounds count) are grouped; a group with two independent outlets or two distinct sources is
*corroborated*. Two groups about the same thing whose figures cannot both be true are a
*contradiction*, with the sources and independent-outlet count on each side.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from newsint.corpus.entities import CorpusEntity, EntityIndex, resolve_entities
from newsint.corpus.outlets import Outlets, published
from newsint.corpus.places import place_keys
from newsint.dates import iso_day
from newsint.extract.quantity_compare import agree, interval, same_quantity, unit_key
from newsint.model import Analysis, Claim, CorpusArticle, Entity, Quantity

# A figure reported without its own date is read as current within this many days before the
# article's publication: news figures describe the recent past ("some 2,000 troops are already
# deployed in the north"). Articles five months apart (an exercise one autumn vs a deployment
# the next spring) are then not compared; articles a week apart are.
REPORTED_FIGURE_WINDOW_DAYS = 30

# Time expressions that place a figure in time (a duration, "for three years", does not).
DATE_KINDS = frozenset({"date", "time"})

# How far past the quantity's own text to look for what it counts ("8 F-16 jets" -> the
# ``of`` phrase may start inside the quantity and run on after it).
OF_SEARCH_SLACK = 80


@dataclass(slots=True)
class Figure:
    """One quantity in one attributed claim of one article."""

    article: CorpusArticle
    claim: Claim
    quantity: Quantity
    source: str  # who gave it, as a reader would name them
    source_key: str  # the same source across articles (KB id, else the name)
    actor: str | None
    outlet: str | None
    outlet_key: str  # independent outlet (a syndicated copy shares its original's)
    places: frozenset[str]  # countries (ISO 3) or place names inside what is counted
    context: frozenset[str]  # the places (KB id, else name) the claim names, what is counted included
    window: tuple[dt.date, dt.date] | None  # when the figure holds; None when unknown

    @property
    def subject(self) -> str:
        return unit_key(self.quantity.unit or "")


@dataclass(slots=True)
class FigureGroup:
    """Figures about the same thing that can all be true at once."""

    figures: list[Figure] = field(default_factory=list)

    @property
    def subject(self) -> str:
        return self.figures[0].subject

    @property
    def interval(self) -> tuple[float, float]:
        bounds = [interval(f.quantity) for f in self.figures]
        return max(b[0] for b in bounds), min(b[1] for b in bounds)

    @property
    def sources(self) -> list[str]:
        seen: dict[str, str] = {}
        for figure in self.figures:
            seen.setdefault(figure.source_key, figure.source)
        return list(seen.values())

    @property
    def outlets(self) -> list[str]:
        return sorted({f.outlet for f in self.figures if f.outlet})

    @property
    def independent_outlets(self) -> int:
        return len({f.outlet_key for f in self.figures})

    @property
    def corroborated(self) -> bool:
        return self.independent_outlets >= 2 or len(self.sources) >= 2

    def by_source(self) -> list[SourceSide]:
        """Who gave these figures: one row per source, with the outlets that carried it."""
        sides: dict[str, SourceSide] = {}
        for figure in self.figures:
            side = sides.setdefault(figure.source_key, SourceSide(figure.source, figure.actor))
            side.actor = side.actor or figure.actor
            if figure.quantity.text not in side.texts:
                side.texts.append(figure.quantity.text)
            if figure.outlet and figure.outlet not in side.outlets:
                side.outlets.append(figure.outlet)
            if figure.article.article_id not in side.article_ids:
                side.article_ids.append(figure.article.article_id)
        return list(sides.values())


@dataclass(slots=True)
class SourceSide:
    source: str
    actor: str | None
    texts: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class FigureContradiction:
    """Two groups of figures about the same thing that cannot both be right."""

    first: FigureGroup
    second: FigureGroup

    @property
    def ratio(self) -> float | None:
        a, b = _central(self.first), _central(self.second)
        if not a or not b:
            return None
        return max(a, b) / min(a, b)


@dataclass(slots=True)
class FigureReport:
    groups: list[FigureGroup]
    contradictions: list[FigureContradiction]

    @property
    def corroborated(self) -> list[FigureGroup]:
        return [g for g in self.groups if g.corroborated]


def collect_figures(articles: Sequence[CorpusArticle], index: EntityIndex | None = None) -> list[Figure]:
    """Every quantity with a counted unit inside an attributed claim, across the corpus."""
    outlets = Outlets(articles)
    index = index or resolve_entities(articles)
    figures: list[Figure] = []
    for article in articles:
        analysis = article.analysis
        quantities = {q.id: q for q in analysis.quantities}
        entities = {e.id: e for e in analysis.entities}
        for claim in analysis.claims:
            for qid in claim.quantities:
                quantity = quantities.get(qid)
                if quantity is None or not quantity.unit:
                    continue  # a bare number ("up to 50") says nothing comparable
                source_entity = entities.get(claim.source.entity or "") or source_named_in(claim, analysis)
                corpus_source = index.of(article.article_id, source_entity.id) if source_entity else None
                figures.append(
                    Figure(
                        article=article,
                        claim=claim,
                        quantity=quantity,
                        source=corpus_source.name if corpus_source else _source_label(claim),
                        source_key=corpus_source.key if corpus_source else _source_key(claim),
                        actor=claim.source.actor or (source_entity.actor if source_entity else None),
                        outlet=outlets.name(article),
                        outlet_key=outlets.independent_key(article),
                        places=_places(analysis, quantity),
                        context=_context(analysis, claim, quantity),
                        window=_window(article, quantity),
                    )
                )
    return figures


def compare_figures(articles: Sequence[CorpusArticle], index: EntityIndex | None = None) -> FigureReport:
    figures = collect_figures(articles, index)
    # Earliest first, so that a group's first figure is the first report of it.
    figures.sort(key=lambda f: (f.subject, f.window[1] if f.window else dt.date.max, f.article.article_id))
    groups: list[FigureGroup] = []
    by_subject: dict[str, _Blocks] = {}  # only figures of one counted unit can compare
    for figure in figures:
        blocks = by_subject.setdefault(figure.subject, _Blocks())
        home = next((g for g in blocks.candidates(figure) if _joins(figure, g)), None)
        if home is None:
            home = FigureGroup([])
            groups.append(home)
        home.figures.append(figure)
        blocks.index(figure, home)
    contradictions = [
        FigureContradiction(a, b) for blocks in by_subject.values() for a, b in blocks.pairs() if _conflict(a, b)
    ]
    return FigureReport(groups=groups, contradictions=contradictions)


@dataclass(slots=True)
class _Span:
    """What a group's figures allow of a newcomer from another article: every one must have a
    window overlapping the newcomer's (``_compatible``)."""

    articles: set[str] = field(default_factory=set)
    unwindowed: bool = False  # a figure with no window: no figure of another article can join
    latest_start: dt.date = dt.date.min
    earliest_end: dt.date = dt.date.max
    first_start: dt.date = dt.date.max  # the span of all windows, for the contradiction sweep
    last_end: dt.date = dt.date.min

    def add(self, figure: Figure) -> None:
        self.articles.add(figure.article.article_id)
        if figure.window is None:
            self.unwindowed = True
            return
        start, end = figure.window
        self.latest_start, self.earliest_end = max(self.latest_start, start), min(self.earliest_end, end)
        self.first_start, self.last_end = min(self.first_start, start), max(self.last_end, end)

    def may_take(self, figure: Figure) -> bool:
        if figure.article.article_id in self.articles:
            return True  # its own article's figures need no window: let _joins decide
        if figure.window is None or self.unwindowed:
            return False
        return self.latest_start <= figure.window[1] and figure.window[0] <= self.earliest_end


@dataclass(slots=True)
class _Blocks:
    """The groups of one counted unit, blocked by the places their figures name and by time.

    Two figures compare only when they share a place (``comparable``: a common ``context`` key)
    and, from two articles, when their windows overlap; so a figure can join, and a group can
    contradict, only a group that names one of its places at an overlapping time. Looking those
    up instead of trying every group gives the same groups and contradictions, in the same order
    (candidates are tried in creation order, pairs listed as the all-pairs loop met them), without
    the all-pairs comparison that grew as the square of the corpus."""

    groups: list[FigureGroup] = field(default_factory=list)
    spans: list[_Span] = field(default_factory=list)
    by_place: dict[str, set[int]] = field(default_factory=dict)  # context key -> group positions
    position: dict[int, int] = field(default_factory=dict)  # id(group) -> its position in groups

    def candidates(self, figure: Figure) -> list[FigureGroup]:
        if not figure.quantity.of:
            return []  # comparable() needs what is counted: it joins no group
        found = set().union(*(self.by_place.get(key, ()) for key in figure.context))
        return [self.groups[at] for at in sorted(found) if self.spans[at].may_take(figure)]

    def index(self, figure: Figure, group: FigureGroup) -> None:
        at = self.position.get(id(group))
        if at is None:
            at = self.position[id(group)] = len(self.groups)
            self.groups.append(group)
            self.spans.append(_Span())
        self.spans[at].add(figure)
        if figure.quantity.of:
            for key in figure.context:
                self.by_place.setdefault(key, set()).add(at)

    def pairs(self) -> list[tuple[FigureGroup, FigureGroup]]:
        """The pairs of groups (earlier first) that share a place and either an article or an
        overlapping time: the only ones ``_conflict`` can find true."""
        found: set[tuple[int, int]] = set()
        for positions in self.by_place.values():
            found |= self._sharing_an_article(positions)
            found |= self._overlapping(positions)
        return [(self.groups[a], self.groups[b]) for a, b in sorted(found)]

    def _sharing_an_article(self, positions: set[int]) -> set[tuple[int, int]]:
        by_article: dict[str, list[int]] = {}
        for at in sorted(positions):
            for article_id in self.spans[at].articles:
                by_article.setdefault(article_id, []).append(at)
        return {(a, b) for group in by_article.values() for i, a in enumerate(group) for b in group[i + 1 :]}

    def _overlapping(self, positions: set[int]) -> set[tuple[int, int]]:
        # A sweep over the groups' whole spans (first start to last end of their windows).
        windowed = sorted((self.spans[at].first_start, self.spans[at].last_end, at)
                          for at in positions if self.spans[at].first_start <= self.spans[at].last_end)  # fmt: skip
        found: set[tuple[int, int]] = set()
        open_spans: list[tuple[dt.date, int]] = []
        for start, end, at in windowed:
            open_spans = [(other_end, other) for other_end, other in open_spans if other_end >= start]
            found |= {(min(at, other), max(at, other)) for _, other in open_spans}
            open_spans.append((end, at))
        return found


def comparable(a: Figure, b: Figure) -> bool:
    """Same counted thing, said of one same place, at overlapping times."""
    if not a.quantity.of or not b.quantity.of or not a.context & b.context:
        return False
    return _compatible(a, b)


def _compatible(a: Figure, b: Figure) -> bool:
    """Nothing rules out that both count the same thing: unit, places counted in, time."""
    if not same_quantity(a.quantity, b.quantity):
        return False
    if a.places and b.places and not a.places & b.places:
        return False
    if a.article.article_id == b.article.article_id:
        return True  # one article: one time of reporting
    if a.window is None or b.window is None:
        return False
    return a.window[0] <= b.window[1] and b.window[0] <= a.window[1]


def _joins(figure: Figure, group: FigureGroup) -> bool:
    # Every member must be able to be true with it (values, places, times); the topic link (same
    # thing counted, a shared place named) may run through any one member, so that "4,000 in
    # Chad" joins a group whose first figure also named France.
    others = group.figures
    return all(_compatible(figure, o) and agree(figure.quantity, o.quantity) for o in others) and any(
        comparable(figure, o) for o in others
    )


def _conflict(a: FigureGroup, b: FigureGroup) -> bool:
    # A source that revises its own figure is not contradicting itself; another source is needed.
    # (So two figures of one claim, one source's, never form the pair a contradiction rests on.)
    return any(
        f.source_key != g.source_key and comparable(f, g) and not agree(f.quantity, g.quantity)
        for f in a.figures
        for g in b.figures
    )


def _central(group: FigureGroup) -> float | None:
    values = [f.quantity.value for f in group.figures if f.quantity.value]
    return sum(values) / len(values) if values else None


def source_named_in(claim: Claim, analysis: Analysis) -> Entity | None:
    """The person (else organisation) named in a source phrase the claim stage left unresolved:
    "Its spokesman, Andriy Demchenko" -> Andriy Demchenko."""
    phrase = claim.source.text or ""
    named = [
        (entity.type == "PERSON", len(mention.text), entity)
        for entity in analysis.entities
        if entity.type in ("PERSON", "ORG")
        for mention in entity.mentions
        if len(mention.text) > 2 and mention.text in phrase
    ]
    return max(named, key=lambda n: n[:2])[2] if named else None


def _source_label(claim: Claim) -> str:
    return " ".join((claim.source.text or "an unnamed source").split())


def _source_key(claim: Claim) -> str:
    return "text:" + " ".join((claim.source.text or "").lower().split())


def _places(analysis: Analysis, quantity: Quantity) -> frozenset[str]:
    """Countries (or place names) mentioned inside what the quantity counts."""
    text = analysis.document.text
    start, end = quantity.start, quantity.end
    if quantity.of:
        found = text.find(quantity.of, quantity.start, quantity.end + len(quantity.of) + OF_SEARCH_SLACK)
        if found >= 0:
            start, end = min(start, found), max(end, found + len(quantity.of))
    places: set[str] = set()
    for entity in analysis.entities:
        if entity.type != "PLACE" or entity.attributes.get("figurative"):
            continue
        if any(m.start >= start and m.end <= end for m in entity.mentions):
            places |= place_keys(entity)
    return frozenset(places)


def _context(analysis: Analysis, claim: Claim, quantity: Quantity) -> frozenset[str]:
    start, end = min(claim.content.start, quantity.start), max(claim.content.end, quantity.end)
    return frozenset(
        entity.kb_id or entity.name.lower()
        for entity in analysis.entities
        if entity.type == "PLACE"
        and not entity.attributes.get("figurative")
        and any(start <= m.start and m.end <= end for m in entity.mentions)
    )


def _window(article: CorpusArticle, quantity: Quantity) -> tuple[dt.date, dt.date] | None:
    """When the figure holds: the time expression that governs the quantity in the parse
    (``Quantity.time``, set by ``extract.quantities.dating``; not any date elsewhere in its claim,
    which may date another figure), else the publication day; widened by
    REPORTED_FIGURE_WINDOW_DAYS before it. A date is often the day a thing was seen or said ("on
    Sunday"), not the whole time the count holds."""
    time = next((t for t in article.analysis.times if t.id == quantity.time), None) if quantity.time else None
    first = last = None
    if time is not None and time.kind in DATE_KINDS and time.anchored:
        first, last = iso_day(time.value_start), iso_day(time.value_end or time.value_start)
    if first is None or last is None:
        day = published(article)
        if day is None:
            return None
        first = last = day
    return first - dt.timedelta(days=REPORTED_FIGURE_WINDOW_DAYS), last


def figures_about(report: FigureReport, entity: CorpusEntity) -> FigureReport:
    """The part of the report that involves ``entity``: as a figure's source, or named in its claim."""
    refs = {(r.article_id, r.entity_id) for r in entity.refs}

    def involves(figure: Figure) -> bool:
        if figure.source_key == entity.key:
            return True
        analysis = figure.article.analysis
        content = figure.claim.content
        return any(
            (figure.article.article_id, e.id) in refs
            and any(content.start <= m.start and m.end <= content.end for m in e.mentions)
            for e in analysis.entities
        )

    groups = [g for g in report.groups if any(involves(f) for f in g.figures)]
    kept = {id(g) for g in groups}
    contradictions = [c for c in report.contradictions if id(c.first) in kept or id(c.second) in kept]
    return FigureReport(groups=groups, contradictions=contradictions)


def report_to_dict(report: FigureReport) -> dict[str, Any]:
    """The JSON twin of ``newsint claims --contradictions``."""

    def group(g: FigureGroup) -> dict[str, Any]:
        low, high = g.interval
        return {
            "unit": g.figures[0].quantity.unit,
            "low": None if low == float("-inf") else low,
            "high": None if high == float("inf") else high,
            "independent_outlets": g.independent_outlets,
            "corroborated": g.corroborated,
            "sources": [
                {
                    "source": s.source,
                    "actor": s.actor,
                    "figures": s.texts,
                    "outlets": s.outlets,
                    "articles": s.article_ids,
                }
                for s in g.by_source()
            ],
        }

    return {
        "contradicted": [{"ratio": c.ratio, "sides": [group(c.first), group(c.second)]} for c in report.contradictions],
        "corroborated": [group(g) for g in report.corroborated],
    }
