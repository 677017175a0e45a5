"""API keys: the ``X-API-Key`` header, with read and write scopes.

No key configured: every request is allowed (the server then listens on loopback only,
``config.check_exposure``). Keys configured: a request without a known key is 401, a key without
the scope the route needs is 403. Keys are compared in constant time.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader

from newsint.serve.config import Scope, ServeSettings
from newsint.serve.errors import ApiError

API_KEY_HEADER = "X-API-Key"

_header = APIKeyHeader(
    name=API_KEY_HEADER, auto_error=False, description="An API key given to `newsint serve --api-key`."
)


def _scopes_of(settings: ServeSettings, presented: str) -> frozenset[Scope] | None:
    found = None
    for api_key in settings.api_keys:
        # Every key is compared, matched or not: the time taken does not tell which one matched.
        if hmac.compare_digest(api_key.key.encode(), presented.encode()):
            found = api_key.scopes
    return found


def require(scope: Scope) -> Callable[..., None]:
    def check(request: Request, presented: str | None = Depends(_header)) -> None:
        settings: ServeSettings = request.app.state.settings
        if not settings.api_keys:
            return
        if not presented:
            raise ApiError(401, f"this server needs an API key in the {API_KEY_HEADER} header")
        scopes = _scopes_of(settings, presented)
        if scopes is None:
            raise ApiError(401, "unknown API key")
        if scope not in scopes:
            raise ApiError(403, f"this API key has no {scope} scope")

    return check


can_read = Depends(require(Scope.read))
can_write = Depends(require(Scope.write))
