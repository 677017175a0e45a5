"""Attributed claims, and the figure groups sources agree (corroborated) or disagree (contradicted) on."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from newsint.serve.auth import can_read
from newsint.serve.deps import DEFAULT, Cursor, Limit, QueriesDep
from newsint.serve.filters import FilterParams
from newsint.serve.paging import page_request, paged

router = APIRouter(prefix="/api/1", tags=["claims"], dependencies=[can_read])


@router.get("/claims", summary="Attributed claims: who said what, where, with their figures")
def list_claims(
    filters: FilterParams,
    q: QueriesDep,
    limit: Limit = DEFAULT,
    cursor: Cursor = None,
) -> dict[str, Any]:
    page = page_request(limit, cursor, filters.as_dict())
    body = paged(q.claims(filters), page)
    rows = []
    for article, claim in body["items"]:
        quantities = {x.id: x for x in article.analysis.quantities}
        rows.append(
            {
                "article_id": article.article_id,
                "claim_id": claim.id,
                "published": article.analysis.document.published,
                "outlet": q.outlet(article),
                "source": claim.source.text,
                "actor": claim.source.actor,
                "cue": claim.cue,
                "content": claim.content.text,
                "start": claim.content.start,
                "end": claim.content.end,
                "hedge": claim.hedge,
                "confidence": claim.confidence,
                "figures": [quantities[i].text for i in claim.quantities if i in quantities],
            }
        )
    body["items"] = rows
    return body


@router.get(
    "/figures", summary="Figure groups: contradicted pairs or corroborated groups, independent outlets counted once"
)
def list_figures(
    filters: FilterParams,
    q: QueriesDep,
    kind: Annotated[Literal["contradicted", "corroborated"], Query()] = "contradicted",
    limit: Limit = DEFAULT,
    cursor: Cursor = None,
) -> dict[str, Any]:
    page = page_request(limit, cursor, {**filters.as_dict(), "kind": kind})
    return {"kind": kind, **paged(q.figures(filters)[kind], page)}
