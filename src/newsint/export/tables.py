"""The corpus as flat tables (one CSV per kind of item), keyed so they join back together.

Every row carries ``article_id`` (the store's key) and the item's id inside that article's
Analysis; offsets point into the article's ``document.text``. ``entities`` is the corpus-level
table (one row per resolved entity); ``mentions`` links it to the articles. ``figures`` is the
corroboration/contradiction report as rows: one per figure, with its group's standing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TextIO

from newsint.corpus.entities import resolve_entities
from newsint.corpus.figures import compare_figures
from newsint.corpus.outlets import outlet_name
from newsint.export.csvfile import csv_text, write_csv
from newsint.model import CorpusArticle

Row = dict[str, Any]


def _articles(articles: Sequence[CorpusArticle]) -> Iterator[Row]:
    for article in articles:
        document = article.analysis.document
        yield {
            "article_id": article.article_id,
            "outlet": outlet_name(article),
            "duplicate_of": article.duplicate_of,
            "title": document.title,
            "published": document.published,
            "published_basis": document.published_basis,
            "url": document.url,
            "source": document.source,
        }


def _entities(articles: Sequence[CorpusArticle]) -> Iterator[Row]:
    for entity in resolve_entities(articles).entities:
        yield {
            "entity_key": entity.key,
            "name": entity.name,
            "type": entity.type,
            "kb_id": entity.kb_id,
            "actor": entity.actor,
            "names": "|".join(sorted(entity.names)),
            "articles": len(entity.article_ids),
            "mentions": entity.mention_count,
            "attributes": json.dumps(entity.attributes, ensure_ascii=False, sort_keys=True),
        }


def _mentions(articles: Sequence[CorpusArticle]) -> Iterator[Row]:
    index = resolve_entities(articles)
    for article in articles:
        for entity in article.analysis.entities:
            corpus_entity = index.of(article.article_id, entity.id)
            for mention in entity.mentions:
                yield {
                    "article_id": article.article_id,
                    "entity_id": entity.id,
                    "entity_key": corpus_entity.key if corpus_entity else None,
                    "start": mention.start,
                    "end": mention.end,
                    "text": mention.text,
                    "actor": mention.actor or entity.actor,
                }


def _claims(articles: Sequence[CorpusArticle]) -> Iterator[Row]:
    for article in articles:
        for claim in article.analysis.claims:
            yield {
                "article_id": article.article_id,
                "claim_id": claim.id,
                "source_entity_id": claim.source.entity,
                "source_text": claim.source.text,
                "source_actor": claim.source.actor,
                "cue": claim.cue,
                "content": claim.content.text,
                "start": claim.content.start,
                "end": claim.content.end,
                "quantity_ids": "|".join(claim.quantities),
                "hedge": claim.hedge,
            }


# Tables whose rows are an Analysis list's items with their own fields as columns, named alike:
# the analysis attribute, the id column, and the item fields after it.
PLAIN_ITEM_TABLES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "quantities": (
        "quantities",
        "quantity_id",
        ("text", "value", "low", "high", "unit", "approximate", "of", "start", "end"),
    ),
    "times": ("times", "time_id", ("text", "precision", "anchored", "value_start", "value_end", "start", "end")),
}


def _plain_items(table: str) -> Callable[[Sequence[CorpusArticle]], Iterator[Row]]:
    attribute, id_column, fields = PLAIN_ITEM_TABLES[table]

    def rows(articles: Sequence[CorpusArticle]) -> Iterator[Row]:
        for article in articles:
            for item in getattr(article.analysis, attribute):
                yield {"article_id": article.article_id, id_column: item.id} | {f: getattr(item, f) for f in fields}

    return rows


def _events(articles: Sequence[CorpusArticle]) -> Iterator[Row]:
    for article in articles:
        for e in article.analysis.events:
            yield {
                "article_id": article.article_id,
                "event_id": e.id,
                "type": e.type,
                "mode": e.mode,
                "actors": "|".join(p.actor or p.entity or "" for p in e.actors),
                "targets": "|".join(p.actor or p.entity or "" for p in e.targets),
                "location_entity_id": e.location.entity if e.location else None,
                "lat": e.location.lat if e.location else None,
                "lon": e.location.lon if e.location else None,
                "start_date": e.start,
                "end_date": e.end,
                "precision": e.precision,
                "modality": e.modality,
                "claim_id": e.claim,
                "sentence_start": e.sentence.start,
                "sentence_end": e.sentence.end,
            }


def _figures(articles: Sequence[CorpusArticle]) -> Iterator[Row]:
    """One row per figure in a group of agreeing figures (newsint.corpus.figures), with the group's
    standing: corroborated, and the groups it contradicts."""
    report = compare_figures(articles)
    number = {id(g): n for n, g in enumerate(report.groups, 1)}
    against: dict[int, list[str]] = {}
    for contradiction in report.contradictions:
        first, second = number[id(contradiction.first)], number[id(contradiction.second)]
        against.setdefault(first, []).append(f"G{second}")
        against.setdefault(second, []).append(f"G{first}")
    for group in report.groups:
        n = number[id(group)]
        low, high = group.interval
        for figure in group.figures:
            yield {
                "group_id": f"G{n}",
                "corroborated": group.corroborated,
                "contradicts": "|".join(against.get(n, [])),
                "independent_outlets": group.independent_outlets,
                "group_low": None if low == float("-inf") else low,
                "group_high": None if high == float("inf") else high,
                "article_id": figure.article.article_id,
                "claim_id": figure.claim.id,
                "quantity_id": figure.quantity.id,
                "text": figure.quantity.text,
                "unit": figure.quantity.unit,
                "of": figure.quantity.of,
                "source": figure.source,
                "source_actor": figure.actor,
                "outlet": figure.outlet,
            }


def _judgements(articles: Sequence[CorpusArticle]) -> Iterator[Row]:
    for article in articles:
        for j in article.analysis.judgements:
            yield {
                "article_id": article.article_id,
                "judgement_id": j.id,
                "phrase": j.phrase,
                "probability_low": j.probability[0] if j.probability else None,
                "probability_high": j.probability[-1] if j.probability else None,
                "condition": j.condition,
                "text": j.text,
                "start": j.start,
                "end": j.end,
            }


TABLES: dict[str, Callable[[Sequence[CorpusArticle]], Iterator[Row]]] = {
    "articles": _articles,
    "entities": _entities,
    "mentions": _mentions,
    "claims": _claims,
    "quantities": _plain_items("quantities"),
    "times": _plain_items("times"),
    "events": _events,
    "judgements": _judgements,
    "figures": _figures,
}


# The columns of each table, in order: declared once, so an empty table still has its header and
# a row with a column not declared here fails the test suite (csv.DictWriter raises).
COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("article_id", "outlet", "duplicate_of", "title", "published", "published_basis", "url", "source"),
    "entities": ("entity_key", "name", "type", "kb_id", "actor", "names", "articles", "mentions", "attributes"),
    "mentions": ("article_id", "entity_id", "entity_key", "start", "end", "text", "actor"),
    "claims": (
        "article_id",
        "claim_id",
        "source_entity_id",
        "source_text",
        "source_actor",
        "cue",
        "content",
        "start",
        "end",
        "quantity_ids",
        "hedge",
    ),
    **{table: ("article_id", id_column, *fields) for table, (_, id_column, fields) in PLAIN_ITEM_TABLES.items()},
    "events": (
        "article_id",
        "event_id",
        "type",
        "mode",
        "actors",
        "targets",
        "location_entity_id",
        "lat",
        "lon",
        "start_date",
        "end_date",
        "precision",
        "modality",
        "claim_id",
        "sentence_start",
        "sentence_end",
    ),
    "figures": (
        "group_id",
        "corroborated",
        "contradicts",
        "independent_outlets",
        "group_low",
        "group_high",
        "article_id",
        "claim_id",
        "quantity_id",
        "text",
        "unit",
        "of",
        "source",
        "source_actor",
        "outlet",
    ),
    "judgements": (
        "article_id",
        "judgement_id",
        "phrase",
        "probability_low",
        "probability_high",
        "condition",
        "text",
        "start",
        "end",
    ),
}


def write_table_csv(stream: TextIO, name: str, articles: Sequence[CorpusArticle]) -> None:
    """One table as CSV, row by row (the header is written even when the table is empty)."""
    write_csv(stream, COLUMNS[name], TABLES[name](articles))


def table_csv(name: str, articles: Sequence[CorpusArticle]) -> str:
    """One table as CSV text."""
    return csv_text(COLUMNS[name], TABLES[name](articles))
