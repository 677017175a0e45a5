"""``newsint serve``: the HTTP API and the dashboard over the store (newsint.serve)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from newsint.cli.common import DbOption

ApiKeyOption = Annotated[
    list[str] | None,
    typer.Option(
        "--api-key",
        help="A key requests must carry in X-API-Key: KEY (read and write) or KEY:read. Repeatable; "
        "also NEWSINT_API_KEYS (space-separated). Required to listen beyond 127.0.0.1.",
        show_default=False,
    ),
]


def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (loopback unless an API key is given).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    api_key: ApiKeyOption = None,
    cors_origin: Annotated[
        list[str] | None, typer.Option("--cors-origin", help="A web origin allowed to call the API (repeatable).")
    ] = None,
    rate: Annotated[int, typer.Option("--rate", min=0, help="Requests per minute per client (0: no limit).")] = 600,
) -> None:
    """Serve the HTTP API (/api/1, docs at /docs) and the dashboard (/) over the store."""
    import uvicorn

    from newsint.serve import ServeSettings, create_app
    from newsint.serve.config import check_exposure, parse_api_key
    from newsint.store import open_store

    texts = list(api_key or []) + os.environ.get("NEWSINT_API_KEYS", "").split()
    settings = ServeSettings(
        host=host,
        port=port,
        api_keys=tuple(parse_api_key(t) for t in texts),
        rate_per_minute=rate,
        cors_origins=tuple(cors_origin or []),
    )
    check_exposure(settings)
    # Opened once here, read-only: a mistyped --db is one error line now, not a 503 on every request.
    with open_store(db, read_only=True) as store:
        location = store.location
    typer.echo(f"newsint: serving {location} on http://{host}:{port}/ (API docs: /docs)", err=True)
    uvicorn.run(create_app(db, settings), host=host, port=port, log_level="warning")
