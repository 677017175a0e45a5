"""Entities across the corpus: who and what is named, by how many outlets, over time."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from newsint.corpus.entities import CorpusEntity
from newsint.serve.auth import can_read
from newsint.serve.deps import DEFAULT, Cursor, Limit, QueriesDep
from newsint.serve.errors import ApiError
from newsint.serve.filters import FilterParams
from newsint.serve.paging import page_request, paged

router = APIRouter(prefix="/api/1", tags=["entities"], dependencies=[can_read])


def entity_summary(entity: CorpusEntity) -> dict[str, Any]:
    return {
        "key": entity.key,
        "name": entity.name,
        "type": entity.type,
        "kb_id": entity.kb_id,
        "actor": entity.actor,
        "names": sorted(entity.names),
        "mentions": entity.mention_count,
        "articles": len(entity.article_ids),
    }


@router.get("/entities", summary="Corpus entities, most mentioned first")
def list_entities(
    filters: FilterParams,
    q: QueriesDep,
    name: Annotated[str | None, Query(max_length=200, description="Any of its names, or its KB id.")] = None,
    entity_type: Annotated[
        str | None, Query(alias="type", description="PERSON, ORG, PLACE, EQUIPMENT, OPERATION")
    ] = None,
    limit: Limit = DEFAULT,
    cursor: Cursor = None,
) -> dict[str, Any]:
    page = page_request(limit, cursor, {**filters.as_dict(), "name": name, "type": entity_type})
    body = paged(q.entities(name, entity_type, filters), page)
    body["items"] = [entity_summary(e) for e in body["items"]]
    return body


@router.get("/entities/{key:path}", summary="One entity: mentions over time, roles, claims by and about it")
def get_entity(key: str, q: QueriesDep) -> dict[str, Any]:
    found = q.entity(key)
    if found is None:
        raise ApiError(404, f"no entity {key!r} in the store")
    entity, profile = found

    def claim_row(row: Any) -> dict[str, Any]:
        return {
            "article_id": row.article_id,
            "claim_id": row.claim.id,
            "outlet": row.outlet,
            "published": row.published,
            "source": row.source,
            "cue": row.cue,
            "content": row.text,
            "confidence": row.claim.confidence,
        }

    return {
        **entity_summary(entity),
        "attributes": entity.attributes,
        "timeline": [{"date": d, "mentions": n} for d, n in profile.mentions_by_date.items()],
        "roles": [{"role": r, "count": n} for r, n in profile.roles.most_common()],
        "outlets": profile.outlets,
        "article_ids": entity.article_ids,
        "claims_by": [claim_row(r) for r in profile.claims_by],
        "claims_about": [claim_row(r) for r in profile.claims_about],
    }
