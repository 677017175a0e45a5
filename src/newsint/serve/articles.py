"""Articles (the Analysis JSON), full-text search and the store's counts."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from newsint.model import CorpusArticle
from newsint.serve.auth import can_read
from newsint.serve.deps import DEFAULT, Cursor, Limit, QueriesDep
from newsint.serve.errors import ApiError
from newsint.serve.filters import FilterParams
from newsint.serve.paging import cursor_at, page_request, paged
from newsint.serve.queries import Queries

router = APIRouter(prefix="/api/1", tags=["articles"], dependencies=[can_read])


def article_summary(q: Queries, article: CorpusArticle) -> dict[str, Any]:
    document = article.analysis.document
    analysis = article.analysis
    return {
        "id": article.article_id,
        "title": document.title,
        "outlet": q.outlet(article),
        "published": document.published,
        "source": document.source,
        "url": document.url,
        "duplicate_of": article.duplicate_of,
        "counts": {
            "entities": len(analysis.entities),
            "claims": len(analysis.claims),
            "quantities": len(analysis.quantities),
            "events": len(analysis.events),
        },
    }


@router.get("/stats", summary="What the store holds")
def stats(q: QueriesDep) -> dict[str, Any]:
    return q.stats().to_dict()


@router.get("/articles", summary="Articles matching the filters, with facet counts")
def list_articles(
    filters: FilterParams,
    q: QueriesDep,
    limit: Limit = DEFAULT,
    cursor: Cursor = None,
    facets: Annotated[bool, Query(description="Count the matches by outlet, event type, modality, entity.")] = True,
) -> dict[str, Any]:
    page = page_request(limit, cursor, filters.as_dict())
    articles = q.articles(filters)
    body = paged(articles, page)
    body["items"] = [article_summary(q, a) for a in body["items"]]
    if facets:
        body["facets"] = q.article_facets(articles)
    return body


@router.get("/articles/{article_id}", summary="One article: its Analysis JSON (schema newsint.analysis/1)")
def get_article(article_id: str, q: QueriesDep) -> dict[str, Any]:
    article = q.article(article_id)
    if article is None:
        raise ApiError(404, f"no article {article_id!r} in the store")
    # Each article entity's corpus entity, so that a client links a mention to its entity page.
    corpus_keys = {}
    for entity in article.analysis.entities:
        found = q.entity_of(article.article_id, entity.id)
        if found is not None:
            corpus_keys[entity.id] = found.key
    return {**article_summary(q, article), "entity_keys": corpus_keys, "analysis": article.analysis.to_dict()}


@router.get("/search", summary="Articles and claims whose text has all the words, best first")
def search(
    filters: FilterParams,
    q: QueriesDep,
    text: Annotated[str, Query(alias="q", min_length=1, max_length=500, description="Plain words.")],
    kind: Annotated[Literal["article", "claim"] | None, Query()] = None,
    limit: Limit = DEFAULT,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """``total`` counts the hits only when they end on this page; before the last page it is
    null and ``more`` is true (the store ranks every match: counting them all on each page
    would cost as much as fetching them)."""
    page = page_request(limit, cursor, {**filters.as_dict(), "q": text, "kind": kind})
    hits, complete = q.search(text, kind=kind, filters=filters, wanted=page.offset + page.limit)
    body = paged(hits, page)
    body["items"] = [h.to_dict() for h in body["items"]]
    if not complete:
        body["total"] = None
        body["next_cursor"] = cursor_at(page.offset + page.limit, page.fingerprint)
    body["more"] = not complete
    return body
