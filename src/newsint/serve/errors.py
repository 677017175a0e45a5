"""One error shape for every error the API returns: ``{"error": {"code", "message"}}``.

Handlers for FastAPI's own errors (unknown path, bad parameter), for newsint's coded errors and
for anything unexpected (500, with no traceback or article text in it), so that a client parses
one shape whatever went wrong.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsint.errors import NewsintError, NotFoundError, StoreError, UsageError

log = logging.getLogger("newsint.serve")

# The code each HTTP status gets when the error carries none of its own.
STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "invalid_parameter",
    429: "rate_limited",
    500: "internal",
    503: "unavailable",
}


class ApiError(Exception):
    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or STATUS_CODES.get(status, "error")
        self.message = message


def error_body(code: str, message: str) -> dict[str, dict[str, str]]:
    return {"error": {"code": code, "message": message}}


def error_response(status: int, message: str, code: str | None = None, headers: dict[str, str] | None = None):
    return JSONResponse(error_body(code or STATUS_CODES.get(status, "error"), message), status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, error: ApiError) -> JSONResponse:
        return error_response(error.status, error.message, error.code)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, error: StarletteHTTPException) -> JSONResponse:
        message = error.detail if isinstance(error.detail, str) else "request failed"
        return error_response(error.status_code, message, headers=getattr(error, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, error: RequestValidationError) -> JSONResponse:
        # The first problem, named by where it is ("query.limit: …"): enough to fix the call.
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return error_response(422, f"{where}: {first.get('msg', 'invalid')}")

    @app.exception_handler(NewsintError)
    async def newsint_error(_: Request, error: NewsintError) -> JSONResponse:
        if isinstance(error, NotFoundError):
            return error_response(404, error.message)
        if isinstance(error, UsageError):
            return error_response(422, error.message)
        if isinstance(error, StoreError):
            log.error("store error: %s", error)
            return error_response(503, "the store cannot be read", "store_unavailable")
        return error_response(500, error.message, error.code)

    @app.exception_handler(Exception)
    async def unexpected(_: Request, error: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=error)
        return error_response(500, "internal error (logged by the server)")
