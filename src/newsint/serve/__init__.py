"""`newsint serve`: the HTTP API and the analyst's dashboard over the store.

app.py        create_app(store_url, settings): routers, docs, dashboard, middleware
config.py     ServeSettings (host, port, API keys, limits, CORS); refuse to expose without a key
auth.py       X-API-Key with read / write scopes
limits.py     request body size and per-client rate limits (ASGI middleware)
errors.py     one error shape, {"error": {"code", "message"}}, for every error
paging.py     limit + opaque cursor, total counts
filters.py    the filters every list takes, one record
queries.py    the ONLY caller of the store and the corpus views (the file to switch to SQL paging)
articles.py   /stats, /articles, /articles/{id}, /search
entities.py   /entities, /entities/{key}
claims.py     /claims, /figures (contradicted, corroborated)
events.py     /events (ACLED-shaped), /events/timeline
network.py    /network (laid out with networkx)
exports.py    /exports/{format} honouring the filters
jobs.py       /jobs: ingest jobs (write scope)
static/       the dashboard: index.html, css/, js/ (vanilla ES modules), vendor/ (Leaflet, Swagger UI, basemap)
"""

from newsint.serve.app import create_app
from newsint.serve.config import ServeSettings

__all__ = ["ServeSettings", "create_app"]
