"""Paged lists: ``limit`` + an opaque ``cursor``, and the total count of what the filters match.

The cursor is the position after the last item sent and a fingerprint of the filters it was made
under, base64url-encoded: a client passes it back as is. A cursor reused with other filters is
refused (422) rather than answered with a page of some other list. When the store's SQL paging
lands (issue #13), the position becomes a keyset (the last row's sort key) inside the same cursor
without changing the API.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from newsint.serve.errors import ApiError

DEFAULT_LIMIT = 50
# No cap that forces bulk files (GDELT's 250): a client may page through everything, 1,000 at a time.
MAX_LIMIT = 1000

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PageRequest:
    limit: int
    offset: int
    fingerprint: str


def fingerprint(filters: dict[str, Any]) -> str:
    canonical = json.dumps({k: v for k, v in sorted(filters.items()) if v not in (None, "", [])}, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def page_request(limit: int, cursor: str | None, filters: dict[str, Any]) -> PageRequest:
    mark = fingerprint(filters)
    if cursor is None:
        return PageRequest(limit, 0, mark)
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        offset, made_under = int(data["o"]), str(data["f"])
    except (ValueError, KeyError, TypeError, UnicodeEncodeError):
        raise ApiError(422, "cursor: not a cursor this API gave", "bad_cursor") from None
    if offset < 0 or made_under != mark:
        raise ApiError(422, "cursor: made for other filters; start again without it", "bad_cursor")
    return PageRequest(limit, offset, mark)


def cursor_at(offset: int, mark: str) -> str:
    raw = json.dumps({"o": offset, "f": mark}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def paged(items: Sequence[T], request: PageRequest) -> dict[str, Any]:
    """One page of ``items`` (the whole filtered list) as the API returns it."""
    end = request.offset + request.limit
    return {
        "items": list(items[request.offset : end]),
        "total": len(items),
        "limit": request.limit,
        "next_cursor": cursor_at(end, request.fingerprint) if end < len(items) else None,
    }
