"""Fetching URLs against a real HTTP server on 127.0.0.1 (never the internet): the address check,
robots.txt, conditional GET, the size limit, the timeout, redirects and the per-host pace."""

from __future__ import annotations

import pytest
from web_fixtures import Reply

from newsint.errors import FetchError, RefusedError, TooLargeError
from newsint.readers.fetch import USER_AGENT, Fetcher

PAGE = b"<html><body><p>" + b"Troops crossed the river at dawn. " * 20 + b"</p></body></html>"


def fetcher(tmp_path, **options) -> Fetcher:
    settings = {"max_bytes": 1_000_000, "timeout_s": 5.0, "delay_s": 0.0, "allow_private": True}
    return Fetcher(**{**settings, **options}, cache_folder=tmp_path / "http-cache")


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_loopback_is_refused_without_allow_private_and_nothing_is_sent(tmp_path, server, host):
    server.routes["/page"] = Reply(body=PAGE)
    with pytest.raises(RefusedError) as refused:
        fetcher(tmp_path, allow_private=False).fetch(server.url("/page", host=host))
    assert "non-public address 127.0.0.1" in str(refused.value) and str(refused.value).endswith("[N011]")
    assert server.seen == []  # refused before connecting: not even robots.txt was asked for


def test_a_page_is_fetched_with_a_user_agent_naming_newsint(tmp_path, server):
    server.routes["/page"] = Reply(body=PAGE, headers={"Content-Type": "text/html"})
    page = fetcher(tmp_path).fetch(server.url("/page"))
    assert page.body == PAGE and page.content_type == "text/html" and page.url == server.url("/page")
    assert server.paths_seen() == ["/robots.txt", "/page"]
    assert all(seen.headers["user-agent"] == USER_AGENT for seen in server.seen)
    assert USER_AGENT.startswith("newsint/")


def test_robots_disallow_is_obeyed(tmp_path, server):
    server.routes["/robots.txt"] = Reply(body=b"User-agent: *\nDisallow: /private/\n")
    server.routes["/private/page"] = Reply(body=PAGE)
    server.routes["/public"] = Reply(body=PAGE)
    fetch = fetcher(tmp_path)
    with pytest.raises(RefusedError, match=r"robots\.txt of .* disallows"):
        fetch.fetch(server.url("/private/page"))
    assert fetch.fetch(server.url("/public")).body == PAGE
    assert server.paths_seen() == ["/robots.txt", "/public"]  # robots.txt read once per host


def test_a_robots_txt_the_server_fails_to_give_allows_nothing(tmp_path, server):
    server.routes["/robots.txt"] = Reply(503)
    server.routes["/page"] = Reply(body=PAGE)
    with pytest.raises(RefusedError, match=r"unavailable \(HTTP 503\)"):
        fetcher(tmp_path).fetch(server.url("/page"))
    assert "/page" not in server.paths_seen()


def test_a_page_fetched_before_is_asked_for_conditionally_and_a_304_reuses_it(tmp_path, server):
    def page(seen) -> Reply:
        if seen.headers.get("if-none-match") == '"v1"':
            return Reply(304)
        return Reply(body=PAGE, headers={"ETag": '"v1"', "Last-Modified": "Tue, 20 Feb 2024 10:00:00 GMT"})

    server.routes["/page"] = page
    first = fetcher(tmp_path).fetch(server.url("/page"))
    second = fetcher(tmp_path).fetch(server.url("/page"))  # a later run: a new Fetcher, the same cache
    assert first.body == second.body == PAGE
    asked = [seen for seen in server.seen if seen.path == "/page"]
    assert "if-none-match" not in asked[0].headers
    assert asked[1].headers["if-none-match"] == '"v1"'
    assert asked[1].headers["if-modified-since"] == "Tue, 20 Feb 2024 10:00:00 GMT"


def test_a_304_without_a_cached_copy_is_an_error_not_an_empty_page(tmp_path, server):
    server.routes["/page"] = Reply(304)
    with pytest.raises(FetchError, match="HTTP 304"):
        fetcher(tmp_path).fetch(server.url("/page"))


@pytest.mark.parametrize("no_length", [False, True], ids=["content-length", "no-length"])
def test_a_body_over_the_size_limit_is_refused(tmp_path, server, no_length):
    server.routes["/big"] = Reply(body=b"x" * 200_000, no_length=no_length)
    with pytest.raises(TooLargeError) as too_large:
        fetcher(tmp_path, max_bytes=50_000).fetch(server.url("/big"))
    assert str(too_large.value).endswith("[N003]")


def test_a_server_that_does_not_answer_times_out(tmp_path, server):
    server.routes["/slow"] = Reply(stall=True)
    with pytest.raises(FetchError, match="timed out") as timed_out:
        fetcher(tmp_path, timeout_s=0.5).fetch(server.url("/slow"))
    assert timed_out.value.retryable
    assert server.stalls_ended == 0  # it gave up on its own, not when the server hung up


def test_redirects_are_followed(tmp_path, server):
    server.routes["/old"] = Reply(301, headers={"Location": "/new"})
    server.routes["/new"] = Reply(body=PAGE)
    page = fetcher(tmp_path).fetch(server.url("/old"))
    assert page.url == server.url("/new") and page.body == PAGE


def test_a_redirect_to_a_private_address_is_refused(tmp_path, server):
    # The server stands in for a public one: the policy allows its address (127.0.0.1) alone. It
    # redirects to 127.0.0.2, loopback too and not allowed: refused (RefusedError, N011) before any
    # connection, where an unchecked hop would have tried it (and failed otherwise: FetchError).
    server.routes["/page"] = Reply(302, headers={"Location": server.url("/internal", host="127.0.0.2")})
    server.routes["/internal"] = Reply(body=b"secret")
    fetch = fetcher(tmp_path, allow_private=False)
    fetch.address_allowed = lambda address: address == "127.0.0.1"
    with pytest.raises(RefusedError, match=r"non-public address 127\.0\.0\.2"):
        fetch.fetch(server.url("/page"))
    assert "/internal" not in server.paths_seen()


def test_too_many_redirects(tmp_path, server):
    server.routes["/loop"] = Reply(302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher(tmp_path).fetch(server.url("/loop"))


def test_requests_to_one_host_are_spaced_by_the_delay_or_the_crawl_delay(tmp_path, server):
    # A clock that moves only when the fetcher sleeps: what it waits for is exact, and no test
    # time depends on the machine's speed.
    now = [1000.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    server.routes["/a"] = Reply(body=PAGE)
    server.routes["/b"] = Reply(body=PAGE)
    fetch = fetcher(tmp_path, delay_s=2.0)
    fetch._clock, fetch._sleep = (lambda: now[0]), sleep
    fetch.fetch(server.url("/a"))
    fetch.fetch(server.url("/b"))
    assert waits == [2.0, 2.0]  # robots.txt, then /a 2 s later, then /b 2 s after that

    server.routes["/robots.txt"] = Reply(body=b"User-agent: *\nCrawl-delay: 7\n")
    waits.clear()
    slow = fetcher(tmp_path, delay_s=2.0)
    slow._clock, slow._sleep = (lambda: now[0]), sleep
    slow.fetch(server.url("/a"))
    assert waits == [7.0]


def test_not_http_is_refused(tmp_path):
    with pytest.raises(RefusedError, match="not an http"):
        fetcher(tmp_path).fetch("file:///etc/passwd")


@pytest.mark.parametrize("url", ["http://[::1", "http://host:99999/"])
def test_a_url_urllib_cannot_take_apart_is_a_coded_error(tmp_path, url):
    with pytest.raises(FetchError, match="not a valid URL"):
        fetcher(tmp_path).fetch(url)


def test_a_redirect_to_a_broken_url_is_a_coded_error(tmp_path, server):
    server.routes["/page"] = Reply(302, headers={"Location": "http://[::1/x"})
    with pytest.raises(FetchError, match="not a valid URL"):
        fetcher(tmp_path).fetch(server.url("/page"))
