"""What a route gets injected: the query layer and a page request."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

from newsint.serve.paging import DEFAULT_LIMIT, MAX_LIMIT
from newsint.serve.queries import Queries

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (at most {MAX_LIMIT}).")]
Cursor = Annotated[str | None, Query(max_length=200, description="`next_cursor` of the previous page.")]
DEFAULT = DEFAULT_LIMIT


def queries(request: Request) -> Queries:
    return request.app.state.queries


QueriesDep = Annotated[Queries, Depends(queries)]
