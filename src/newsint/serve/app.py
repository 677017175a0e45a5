"""The app factory: ``create_app(store_url, settings)`` -> a FastAPI app with the API under
``/api/1/…``, its OpenAPI document at ``/openapi.json``, interactive docs at ``/docs`` (Swagger
UI served from the package, not a CDN) and the dashboard at ``/``.
"""

from __future__ import annotations

from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from newsint.serve import articles, claims, entities, events, exports, jobs, network
from newsint.serve.auth import API_KEY_HEADER
from newsint.serve.config import ServeSettings
from newsint.serve.errors import install_error_handlers
from newsint.serve.limits import BodySizeLimit, RateLimit
from newsint.serve.queries import Queries

STATIC = Path(str(files("newsint.serve").joinpath("static")))

# The dashboard's pages run only the package's own scripts: an article string that slipped into
# markup still could not run (defence in depth; the dashboard builds its DOM with textContent).
DASHBOARD_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def create_app(store_url: str | None, settings: ServeSettings | None = None) -> FastAPI:
    settings = settings or ServeSettings()
    app = FastAPI(
        title="newsint",
        version=version("newsint"),
        summary="Conflict and geopolitics reporting as structured, sourced, checkable data.",
        docs_url=None,  # served below from the package's own Swagger UI files
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    app.state.queries = Queries(store_url)
    # A job that stores articles makes the next request read the store again.
    app.state.jobs = jobs.JobRunner(store_url, on_stored=app.state.queries.invalidate)
    install_error_handlers(app)
    for resource in (articles, entities, claims, events, network, exports, jobs):
        app.include_router(resource.router)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="newsint API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/dashboard", include_in_schema=False)
    def dashboard_alias() -> RedirectResponse:
        return RedirectResponse("/")

    @app.middleware("http")
    async def security_headers(request: Request, call_next) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if not request.url.path.startswith(("/docs", "/api/")):
            response.headers.setdefault("Content-Security-Policy", DASHBOARD_CSP)
        return response

    # Outermost last: size and rate are refused before anything else runs.
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=[API_KEY_HEADER, "Content-Type"],
        )
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(RateLimit, per_minute=settings.rate_per_minute)
    return app
