"""What the WARC, feed and URL tests share: WARC archives written with warcio's writer, and a
real HTTP server on 127.0.0.1 (http.server in a thread) that answers from a table of routes and
records every request it was sent. A module of its own, not conftest.py: tests/ has several
conftest modules, and ``from conftest import`` would get whichever was loaded first."""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
PAGES = SHARED / "data" / "extraction" / "html"


def shared_pages(count: int) -> list[tuple[str, bytes]]:
    """(url, html) of the first ``count`` saved pages of shared/data/extraction, by file name."""
    truth = json.loads((PAGES.parent / "ground-truth.json").read_text())
    files = sorted(PAGES.glob("*.html.gz"))[:count]
    return [(truth[f.name.removesuffix(".html.gz")]["url"], gzip.decompress(f.read_bytes())) for f in files]


def write_warc(path: Path, records: list[tuple[str, str, bytes]], *, compress: bool = True) -> Path:
    """A WARC of (url, content type, body) responses (status 200), a request record before each:
    as a crawler writes them. A content type of "" writes a WARC ``resource`` record instead."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=compress)
        for url, content_type, body in records:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            if not content_type:
                writer.write_record(writer.create_warc_record(url, "resource", payload=io.BytesIO(body)))
                continue
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            )
    return path


# How long a stalled reply waits: far beyond any timeout a test sets, so that a client that gives
# up before the stall ends did so by its own timeout.
STALL_S = 10


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    stall: bool = False  # wait STALL_S (or until the test ends), then hang up: a server that hangs
    no_length: bool = False  # no Content-Length: the body ends when the connection closes


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


class LocalServer:
    def __init__(self) -> None:
        self.routes: dict[str, Reply | Callable[[Seen], Reply]] = {}
        self.seen: list[Seen] = []
        self.stalls_ended = 0
        self.release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                seen = Seen(self.path, {k.lower(): v for k, v in self.headers.items()})
                server.seen.append(seen)
                route = server.routes.get(self.path, Reply(404, b"not here"))
                reply = route(seen) if callable(route) else route
                if reply.stall:
                    server.release.wait(STALL_S)
                    server.stalls_ended += 1
                    self.close_connection = True  # then hang up: a client without a timeout sees that
                    return
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.no_length:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                else:
                    self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                # The client may give up (over the size limit): as it should.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(reply.body)

            def log_message(self, *args) -> None:  # quiet
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def paths_seen(self) -> list[str]:
        return [s.path for s in self.seen]


@pytest.fixture
def server() -> Iterator[LocalServer]:
    local = LocalServer()
    local.routes["/robots.txt"] = Reply(404)
    local.thread.start()
    yield local
    local.release.set()
    local.httpd.shutdown()
    local.httpd.server_close()


@pytest.fixture
def fresh_fetchers(tmp_path, monkeypatch) -> None:
    """Each test its own HTTP cache and its own per-run fetchers (robots.txt, pace)."""
    from newsint.readers.fetch import fetcher_for

    monkeypatch.setenv("NEWSINT_CACHE_DIR", str(tmp_path / "cache"))
    fetcher_for.cache_clear()
    yield
    fetcher_for.cache_clear()
