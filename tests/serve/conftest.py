"""Fixtures for the API and dashboard tests: the examples store (ingested once per session by
the real pipeline, tests/conftest.py), a store holding one hostile article, and in-process
clients over the real app."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsint.serve import ServeSettings, create_app

# An article whose text carries markup and a script URL (and whose link to one the HTML reader
# drops): the dashboard and the API must hand these back as text, never as markup or a link.
HOSTILE_HTML = """<!doctype html><html><head>
<title>Hostile &lt;script&gt;window.pwned=1&lt;/script&gt; headline</title></head>
<body><article><h1>Hostile &lt;script&gt;window.pwned=1&lt;/script&gt; headline</h1>
<p>NATO said on 3 February 2022 that about 30,000 Russian troops had arrived in Belarus, and the
text carries &lt;img src=x onerror="window.pwned=2"&gt; as words, not as an image.</p>
<p>Officials in Minsk said the drills would end on 20 February 2022. Read the
<a href="javascript:window.pwned=3">full statement</a> and the
<a href="https://example.org/report">report</a> for more on the deployment near Brest.</p>
<p>A reader posted the address javascript:window.pwned=3 under the statement.</p>
</article></body></html>
"""
HOSTILE_MARKERS = (
    "<script>window.pwned=1</script>",
    '<img src=x onerror="window.pwned=2">',
    "javascript:window.pwned=3",
)


@pytest.fixture(scope="session")
def hostile_markers() -> tuple[str, ...]:
    """What the hostile article carries that must show as text."""
    return HOSTILE_MARKERS


@pytest.fixture(scope="session")
def hostile_store(tmp_path_factory) -> str:
    from newsint.cli import app

    folder = tmp_path_factory.mktemp("hostile")
    page = folder / "hostile-article.html"
    page.write_text(HOSTILE_HTML, encoding="utf-8")
    url = str(folder / "hostile.db")
    result = CliRunner().invoke(app, ["ingest", str(page), "--db", url])
    assert result.exit_code == 0, result.output
    return url


@pytest.fixture(scope="session")
def examples_app(examples_sqlite: str):
    return create_app(examples_sqlite, ServeSettings(rate_per_minute=0))


@pytest.fixture
def client(examples_app) -> Iterator[TestClient]:
    # Server errors come back as responses (the 500 shape is part of the API), not raised here.
    with TestClient(examples_app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def make_client() -> Callable[..., TestClient]:
    """A client over a new app on ``store`` with these ServeSettings (keys, limits, CORS)."""

    def make(store: str, **settings) -> TestClient:
        return TestClient(create_app(store, ServeSettings(**settings)), raise_server_exceptions=False)

    return make
