"""The dashboard in a real browser: Debian's Chromium driven by Playwright, over the examples
store served by uvicorn on 127.0.0.1. Each view loads, filters, and links to the evidence; a
hostile article's markup and script links show as text.

Skipped where Chromium is not installed (`.ci/run` installs Debian's package). Screenshots go
to $NEWSINT_SCREENSHOTS when it is set (looked at by a person, never compared here).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from newsint.serve import ServeSettings, create_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="needs Debian's chromium (apt-get install chromium)"
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def serve() -> Iterator:
    """Start `create_app(store)` under uvicorn in a thread; the base URL; stopped at the end."""
    servers: list[tuple[uvicorn.Server, threading.Thread]] = []

    def start(store: str) -> str:
        port = _free_port()
        config = uvicorn.Config(
            create_app(store, ServeSettings(port=port)), host="127.0.0.1", port=port, log_level="warning"
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        started = threading.Event()
        while not server.started and thread.is_alive():
            started.wait(0.05)
        assert server.started, "uvicorn did not start"
        servers.append((server, thread))
        return f"http://127.0.0.1:{port}"

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join()


@pytest.fixture(scope="module")
def browser() -> Iterator:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page that records the console's errors and the page's uncaught exceptions."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


def _ready(page, view: str) -> None:
    page.wait_for_selector(f"body[data-ready='{view}']")


def _navigating(page) -> None:
    """Before a click that renders a view: clear the marker so that _ready waits for the new one."""
    page.evaluate("() => { document.body.dataset.ready = '' }")


def _screenshot(page, name: str) -> None:
    folder = os.environ.get("NEWSINT_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


@pytest.fixture(scope="module")
def examples_url(serve, examples_sqlite) -> str:
    return serve(examples_sqlite)


def test_search_shows_a_count_filters_by_facet_and_links_to_evidence(page, examples_url) -> None:
    page.goto(f"{examples_url}/#/search")
    _ready(page, "search")
    assert page.inner_text("[data-testid=count]") == "Showing 8 of 8 articles"
    _screenshot(page, "search")
    _navigating(page)
    page.click(".facets a.facet:text-is('Meridian Wire')")
    _ready(page, "search")
    assert "outlet=Meridian+Wire" in page.url
    assert re.fullmatch(r"Showing (\d) of \1 articles", page.inner_text("[data-testid=count]"))
    assert int(page.inner_text("[data-testid=count]").split()[1]) < 7
    assert page.get_attribute("#json-twin", "href").startswith("/api/1/articles?outlet=Meridian+Wire")
    _navigating(page)
    page.click(".results a.title >> nth=0")
    _ready(page, "article")
    assert page.inner_text("[data-testid=article-title]")
    assert page.errors == []


def test_state_in_the_url_survives_a_reload(page, examples_url) -> None:
    page.goto(f"{examples_url}/#/search?not_outlet=Meridian+Wire")
    _ready(page, "search")
    shown = page.inner_text("[data-testid=count]")
    page.reload()
    _ready(page, "search")
    assert page.inner_text("[data-testid=count]") == shown
    assert "not outlet: Meridian Wire" in page.inner_text(".active-filters")


def test_evidence_view_marks_spans_and_shows_the_record_with_confidence(page, examples_url) -> None:
    page.goto(f"{examples_url}/#/search?q=Stoltenberg")
    _ready(page, "search")
    _navigating(page)
    page.click(".results a.title >> nth=0")
    _ready(page, "article")
    assert page.inner_text(".legend").split() == ["entity", "claim", "quantity", "time", "event"]
    for kind in ("entity", "claim", "quantity", "time", "event"):
        assert page.locator(f"[data-testid=article-text] .mark.{kind}").count() > 0, kind
    figure = page.locator("[data-testid=article-text] .mark.quantity", has_text="30,000").first
    figure.click()
    record = page.inner_text("[data-testid=record]")
    assert "figure" in record and "30,000" in record and "confidence:" in record
    claim = page.locator("[data-testid=record] .record-item.claim")
    assert claim.count() == 1, "the figure sits inside a claim: both records are listed"
    assert re.search(r"confidence: \d\.\d\d", claim.inner_text())
    _screenshot(page, "evidence")
    # The text is the article's own, character for character (offsets are into it).
    article_id = page.url.split("#/article/")[1]
    analysis = page.request.get(f"{examples_url}/api/1/articles/{article_id}").json()["analysis"]
    assert page.inner_text("[data-testid=article-text]").split() == analysis["document"]["text"].split()
    assert page.errors == []


def test_map_and_timeline_draw_and_brushing_filters_the_list(page, examples_url) -> None:
    page.goto(f"{examples_url}/#/map")
    _ready(page, "map")
    page.wait_for_selector("#map path.leaflet-interactive")
    assert page.locator("#map svg path").count() > 100, "country outlines from the vendored basemap"
    assert page.locator("#map path.leaflet-interactive").count() > 0, "event circles"
    total = int(page.inner_text("[data-testid=count]").split()[3])
    bars = page.locator(".timeline-chart rect.bar").count()
    assert bars > 1
    _screenshot(page, "map-timeline")
    box = page.locator(".timeline-chart").bounding_box()
    _navigating(page)
    # Drag across the left half of the timeline: the period becomes a filter in the URL.
    page.mouse.move(box["x"] + 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    _ready(page, "map")
    assert re.search(r"from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d", page.url)
    brushed = int(page.inner_text("[data-testid=count]").split()[3])
    assert 0 < brushed < total
    assert page.locator(".timeline-chart rect.brushed").count() == 1
    assert page.locator("[data-testid=event-list] tbody tr").count() == brushed
    _screenshot(page, "map-brushed")
    _navigating(page)
    page.click("[data-testid=event-list] a:text-is('evidence') >> nth=0")
    _ready(page, "article")
    assert page.errors == []


def test_network_is_drawn_from_the_server_layout_and_links_to_entities(page, examples_url) -> None:
    page.goto(f"{examples_url}/#/network")
    _ready(page, "network")
    graph = page.request.get(f"{examples_url}/api/1/network").json()
    assert page.locator("[data-testid=network] circle").count() == len(graph["nodes"])
    assert page.locator("[data-testid=network] line").count() == len(graph["edges"])
    _screenshot(page, "network")
    _navigating(page)
    # The link itself, not a point on screen: in a crowded layout a neighbour's circle can lie over
    # Belarus's centre (a layout matter, noted in the closing note of #19), and a click there
    # would open the neighbour.
    page.locator("[data-testid=network] a.node", has_text="Belarus").first.dispatch_event("click")
    _ready(page, "entity")
    assert page.inner_text("[data-testid=entity-name]") == "Belarus"
    _screenshot(page, "entity")
    assert page.errors == []


def test_claims_matrix_sets_sources_against_outlets(page, examples_url) -> None:
    page.goto(f"{examples_url}/#/claims")
    _ready(page, "claims")
    # NATO's about 30,000 against Ukraine's about 9,000 (examples/README.md, "Contradiction").
    matrix = page.locator("[data-testid=claims-matrix]", has_text="Jens Stoltenberg").filter(
        has_text="Andriy Demchenko"
    )
    assert matrix.count() >= 1
    matrix = matrix.first
    text = matrix.inner_text()
    assert "Jens Stoltenberg" in text and "Andriy Demchenko" in text
    assert "about 30,000" in text and "about 9,000" in text
    _screenshot(page, "claims")
    _navigating(page)
    matrix.locator("a.evidence-link").first.click()
    _ready(page, "article")
    assert page.errors == []


def test_hostile_article_shows_markup_and_script_links_as_text(page, serve, hostile_store, hostile_markers) -> None:
    base = serve(hostile_store)
    page.goto(f"{base}/#/search")
    _ready(page, "search")
    assert "<script>window.pwned=1</script>" in page.inner_text(".results")
    _navigating(page)
    page.click(".results a.title >> nth=0")
    _ready(page, "article")
    shown = page.inner_text("main")
    for marker in hostile_markers:
        assert marker in shown, marker
    assert page.evaluate("() => window.pwned") is None, "no script from the article ran"
    assert page.locator("main script, main img, main iframe").count() == 0
    assert page.locator("a[href^='javascript:' i]").count() == 0
    _screenshot(page, "hostile")
    assert page.errors == []
