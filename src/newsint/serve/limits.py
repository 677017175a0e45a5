"""Request size and rate limits, as plain ASGI middleware in front of the app.

Both answer in the API's one error shape before the request reaches a route.
"""

from __future__ import annotations

import json
import math
import threading
import time
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsint.serve.errors import error_body

# How many client addresses the rate limiter remembers; past it, the oldest windows are dropped
# (a flood of spoofed addresses cannot grow the table without bound).
MAX_TRACKED_CLIENTS = 10_000
RATE_WINDOW_SECONDS = 60.0


async def _send_error(
    send: Send, status: int, code: str, message: str, headers: list[tuple[bytes, bytes]] = ()
) -> None:
    body = json.dumps(error_body(code, message)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *headers],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodySizeLimit:
    """413 for a body over ``max_bytes``: refused by its Content-Length before it is read, or,
    sent in chunks with no length, as soon as the bytes read pass the limit."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            if not length.isdigit() or int(length) > self.max_bytes:
                await _send_error(send, 413, "too_large", f"request body over {self.max_bytes} bytes")
                return
            await self.app(scope, receive, send)
            return
        # No length (chunked): read it here, bounded, then hand the app the bytes read.
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await _send_error(send, 413, "too_large", f"request body over {self.max_bytes} bytes")
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        await self.app(scope, replay, send)


@dataclass(slots=True)
class _Window:
    started: float
    count: int


class RateLimit:
    """At most ``per_minute`` requests per client address in each minute (a fixed window per
    client); over it, 429 with Retry-After. Static dashboard files are not counted."""

    def __init__(self, app: ASGIApp, per_minute: int, counted_prefix: str = "/api/") -> None:
        self.app = app
        self.per_minute = per_minute
        self.counted_prefix = counted_prefix
        self._windows: dict[str, _Window] = {}
        self._lock = threading.Lock()

    def _admit(self, client: str) -> float | None:
        """None when admitted, else the seconds until the client's window opens again."""
        now = time.monotonic()
        with self._lock:
            window = self._windows.get(client)
            if window is None or now - window.started >= RATE_WINDOW_SECONDS:
                if len(self._windows) >= MAX_TRACKED_CLIENTS:
                    self._windows.clear()
                self._windows[client] = _Window(now, 1)
                return None
            if window.count >= self.per_minute:
                return RATE_WINDOW_SECONDS - (now - window.started)
            window.count += 1
            return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.per_minute <= 0 or not scope["path"].startswith(self.counted_prefix):
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        wait = self._admit(client)
        if wait is None:
            await self.app(scope, receive, send)
            return
        retry = str(max(1, math.ceil(wait))).encode()
        await _send_error(
            send, 429, "rate_limited", f"over {self.per_minute} requests a minute", [(b"retry-after", retry)]
        )
