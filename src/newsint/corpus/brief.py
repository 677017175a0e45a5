"""The corpus brief: what a reader wants first from a set of articles — who reported, who is
named most, what happened when, and which figures the sources agree or disagree on."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsint.corpus.entities import CorpusEntity, resolve_entities
from newsint.corpus.figures import FigureReport, compare_figures
from newsint.corpus.outlets import Outlets
from newsint.corpus.timeline import TimelineEntry, build_timeline
from newsint.model import CorpusArticle

TOP_ENTITIES = 12
TIMELINE_ENTRIES = 15


@dataclass(slots=True)
class CorpusBrief:
    articles: int
    independent_articles: int  # near-duplicates counted once
    outlets: list[tuple[str, int]]  # outlet (or "unknown outlet") -> articles
    top_entities: list[CorpusEntity]
    timeline: list[TimelineEntry]
    figures: FigureReport


def corpus_brief(articles: Sequence[CorpusArticle]) -> CorpusBrief:
    index = resolve_entities(articles)
    outlets = Outlets(articles)
    by_outlet = Counter(outlets.name(a) or "unknown outlet" for a in articles)
    # The brief keeps what happened (events) first, then claims that give figures, then the rest;
    # the entries kept are shown in date order.
    timeline = build_timeline(articles)
    timeline = sorted(timeline, key=lambda e: (e.kind != "event", not e.figures, e.start))[:TIMELINE_ENTRIES]
    return CorpusBrief(
        articles=len(articles),
        independent_articles=len({a.independent_source for a in articles}),
        outlets=by_outlet.most_common(),
        top_entities=sorted(index.entities, key=lambda e: (-len(e.article_ids), -e.mention_count))[:TOP_ENTITIES],
        timeline=sorted(timeline, key=lambda e: e.start),
        figures=compare_figures(articles, index),
    )
