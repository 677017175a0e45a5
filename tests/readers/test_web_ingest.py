"""Issue #18's first done-when line through the real command: ``newsint ingest`` of a WARC built
from shared/data/extraction/html stores every page's article with its URL and fetch date; a feed
file and a feed served on the loopback address are ingested; a URL is refused without
--allow-private, as one coded line."""

from __future__ import annotations

import re

import pytest
from test_feed import RSS
from web_fixtures import PAGES, Reply, shared_pages, write_warc

from newsint.store import open_store

pytestmark = pytest.mark.skipif(not PAGES.is_dir(), reason="shared/data/extraction/html is not here")
ERROR_LINE = re.compile(r"^newsint: error: \S.* \[N\d{3}\]$")


def stored(db) -> dict[str, dict]:
    """source -> the stored Analysis's document, as JSON."""
    with open_store(str(db), read_only=True) as store:
        return {a.analysis.document.source: a.analysis.to_dict()["document"] for a in store.articles()}


def test_ingest_a_warc_stores_every_page_with_its_url_and_fetch_date(cli, tmp_path):
    pages = shared_pages(4)
    records = [(url, "text/html; charset=utf-8", html) for url, html in pages]
    records.append(("https://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)))
    warc = write_warc(tmp_path / "crawl.warc.gz", records)
    result = cli("ingest", warc, "--db", tmp_path / "news.db")
    assert result.exit_code == 0, result.stderr
    assert "stored 4 new article(s)" in result.stdout
    assert "skipped 5 request record(s), 1 image/png response(s)" in result.stderr
    documents = stored(tmp_path / "news.db")
    assert sorted(d["url"] for d in documents.values()) == sorted(url for url, _ in pages)
    for source, document in documents.items():
        assert source.startswith(f"{warc}:")
        assert document["reader"] == "warc" and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", document["fetched"])

    again = cli("ingest", warc, "--db", tmp_path / "news.db", "--resume")
    assert again.exit_code == 0 and "stored 0 new" in again.stdout, again.stdout + again.stderr


def test_ingest_a_truncated_warc_keeps_the_pages_before_the_damage(cli, tmp_path):
    warc = write_warc(tmp_path / "crawl.warc", [(u, "text/html", h) for u, h in shared_pages(3)], compress=False)
    data = warc.read_bytes()
    warc.write_bytes(data[: len(data) - 500])
    result = cli("ingest", warc, "--db", tmp_path / "news.db")
    assert result.exit_code == 1
    errors = [line for line in result.error_lines if not line.startswith("newsint: note: ")]
    assert len(errors) == 1 and errors[0].startswith(f"newsint: error: {warc}: truncated WARC: ")
    assert errors[0].endswith("[N007]") and "Traceback" not in result.stderr
    assert len(stored(tmp_path / "news.db")) == 2


def test_ingest_a_feed_file(cli, tmp_path):
    (tmp_path / "wire.rss").write_bytes(RSS)
    result = cli("ingest", tmp_path / "wire.rss", "--db", tmp_path / "news.db")
    assert result.exit_code == 0, result.stderr
    documents = stored(tmp_path / "news.db")
    assert {d["url"] for d in documents.values()} == {"https://wire.example/depot", "https://wire.example/convoy"}
    assert {d["published"] for d in documents.values()} == {"2024-02-20", "2024-02-21"}


def test_ingest_a_feed_served_on_the_loopback_address(cli, tmp_path, server, fresh_fetchers):
    server.routes["/feed"] = Reply(body=RSS, headers={"Content-Type": "application/rss+xml"})
    result = cli("ingest", server.url("/feed"), "--allow-private", "--db", tmp_path / "news.db")
    assert result.exit_code == 0, result.stderr
    documents = stored(tmp_path / "news.db")
    assert sorted(documents) == [server.url("/feed") + ":1", server.url("/feed") + ":2"]
    # A relative item link resolves against the URL the feed came from, as a browser's would.
    assert {d["url"] for d in documents.values()} == {"https://wire.example/depot", server.url("/convoy")}
    assert all(d["fetched"] for d in documents.values())
    assert server.paths_seen() == ["/robots.txt", "/feed"]


def test_analyze_a_page_url_keeps_its_url_and_fetch_date(cli, tmp_path, server, fresh_fetchers):
    _, html = shared_pages(1)[0]
    server.routes["/story"] = Reply(body=html, headers={"Content-Type": "text/html"})
    result = cli("analyze", server.url("/story"), "--allow-private", "-f", "json")
    assert result.exit_code == 0, result.stderr
    document = result.json()["document"]
    assert document["source"] == document["url"] == server.url("/story")
    assert document["fetched"] and document["title"]


def test_a_url_is_refused_without_allow_private_as_one_coded_line(cli, tmp_path, server, fresh_fetchers):
    server.routes["/feed"] = Reply(body=RSS)
    result = cli("ingest", server.url("/feed"), "--db", tmp_path / "news.db")
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert len(result.error_lines) == 1 and ERROR_LINE.match(result.error_lines[0]), result.stderr
    assert result.error_lines[0].endswith("(--allow-private fetches it) [N011]")
    assert server.seen == [] and stored(tmp_path / "news.db") == {}
    with open_store(str(tmp_path / "news.db"), read_only=True) as store:
        assert [f.source for f in store.failures()] == [server.url("/feed")]


def test_a_failed_item_of_a_fetched_feed_is_retried_through_its_feed(tmp_path):
    from newsint.ingest import retry_paths

    warc = write_warc(tmp_path / "crawl.warc", [("https://a.example/", "text/html", b"<p>x</p>")], compress=False)
    sources = ["https://wire.example/feed.xml:3", "http://127.0.0.1:8080", f"{warc}:1234", "https://wire.example/page"]
    assert retry_paths(sources) == [
        "https://wire.example/feed.xml",
        "http://127.0.0.1:8080",
        str(warc),
        "https://wire.example/page",
    ]


def test_a_note_never_carries_terminal_control(tmp_path, capsys):
    from newsint.readers import read_path
    from newsint.settings import Settings

    feed = tmp_path / "wire\x1b[2J.rss"
    feed.write_bytes(RSS)
    list(read_path(feed, Settings()))
    err = capsys.readouterr().err
    assert "skipped 2 item(s) with only a link" in err and "\x1b" not in err
