"""Fetching ``http(s)://`` URLs, politely and safely; what comes back is read like a file.

Polite: robots.txt is obeyed (``urllib.robotparser``, fetched once per host and run; a robots.txt
that is missing (4xx) allows everything, one the server fails to give (5xx, unreachable) allows
nothing, as RFC 9309 says); requests to one host are spaced by ``Settings.fetch_delay_s`` or the
host's Crawl-delay, if longer; a page fetched before is asked for again conditionally (ETag /
Last-Modified, kept in the user cache, ``cache.py``) and a 304 reuses the saved body; every
request names newsint in its User-Agent.

Safe: a body over ``Settings.max_input_bytes`` is refused (by its Content-Length, or once that
many bytes have come); a server that has not answered within ``Settings.fetch_timeout_s``, to
connect or for the whole body, is given up. A name is resolved once and every address it
resolves to is checked: a private, loopback, link-local or otherwise non-global address is
refused unless ``Settings.allow_private``, and the connection goes to the address that was
checked (no second lookup that DNS rebinding could answer differently). Redirects are followed
here, one hop at a time (at most MAX_REDIRECTS), each hop checked the same way, robots.txt too.

Why the standard library (http.client, urllib.parse, urllib.robotparser) and not httpx: pinning
the connection to the checked address is a two-line override of ``connect`` in http.client's
connection classes, where httpx needs a custom transport; the rest (one GET, redirects by hand,
a size cap while reading) is as short either way, and the stdlib adds no dependency.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import http.client
import ipaddress
import json
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from newsint.cache import cache_dir, read_entry, write_entry
from newsint.errors import FetchError, RefusedError, TooLargeError

MAX_REDIRECTS = 5
# A robots.txt larger than this is read no further (Google reads 500 KiB of one).
MAX_ROBOTS_BYTES = 500 * 1024
# A Crawl-delay longer than this is not waited for: a hostile robots.txt must not stall a run.
MAX_CRAWL_DELAY_S = 30.0
_READ_CHUNK = 64 * 1024
_REDIRECTS = {301, 302, 303, 307, 308}
ROBOTS_AGENT = "newsint"  # the token robots.txt rules name


def _version() -> str:
    try:
        return version("newsint")
    except PackageNotFoundError:
        return "dev"


USER_AGENT = f"{ROBOTS_AGENT}/{_version()} (news analysis for OSINT; obeys robots.txt)"


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # the URL that answered, after redirects
    body: bytes
    fetched: str  # when it was fetched (or revalidated by a 304), ISO 8601 UTC
    content_type: str | None


@dataclass(frozen=True, slots=True)
class _Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


def is_url(text: str) -> bool:
    return text[:8].lower().startswith(("http://", "https://"))


@lru_cache(maxsize=8)
def fetcher_for(max_bytes: int, timeout_s: float, delay_s: float, allow_private: bool) -> Fetcher:
    """One Fetcher per run's options, so that robots.txt and the per-host pace are shared by every
    URL of the run (the command-line URLs and a feed's links)."""
    return Fetcher(max_bytes=max_bytes, timeout_s=timeout_s, delay_s=delay_s, allow_private=allow_private)


class Fetcher:
    def __init__(
        self,
        *,
        max_bytes: int,
        timeout_s: float,
        delay_s: float,
        allow_private: bool,
        cache_folder: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.max_bytes = max_bytes
        self.timeout_s = timeout_s
        self.delay_s = delay_s
        self.allow_private = allow_private
        self.cache_folder = cache_folder
        self._clock = clock
        self._sleep = sleep
        self._robots: dict[str, RobotFileParser | RefusedError] = {}
        self._last_request: dict[str, float] = {}
        self._host_delay: dict[str, float] = {}  # a host's Crawl-delay, where it asks for one
        # Which resolved addresses may be connected to (a test stands a loopback server in for a
        # public one by replacing it).
        self.address_allowed: Callable[[str], bool] = (lambda address: True) if allow_private else _is_public

    # ----------------------------------------------------------------------------------------
    # The page

    def fetch(self, url: str) -> Fetched:
        """The body at ``url`` after redirects; raises FetchError, RefusedError or TooLargeError
        (each naming the URL asked for)."""
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            _check_url(current, asked=url)
            self._check_robots(current, asked=url)
            cached = self._cached(current)
            headers = {}
            if cached is not None:
                meta, _ = cached
                if meta.get("etag"):
                    headers["If-None-Match"] = meta["etag"]
                if meta.get("last_modified"):
                    headers["If-Modified-Since"] = meta["last_modified"]
            response = self._get(current, headers=headers, asked=url, limit=self.max_bytes)
            if response.status in _REDIRECTS and response.headers.get("Location"):
                current = _redirected(current, response.headers["Location"], asked=url)
                continue
            now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            if response.status == 304 and cached is not None:
                meta, body = cached
                return Fetched(url=current, body=body, fetched=now, content_type=meta.get("content_type"))
            if response.status != 200:
                raise FetchError(f"HTTP {response.status} from {current}", path=url)
            self._save(current, response)
            return Fetched(
                url=current, body=response.body, fetched=now, content_type=response.headers.get("Content-Type")
            )
        raise FetchError(f"more than {MAX_REDIRECTS} redirects", path=url)

    # ----------------------------------------------------------------------------------------
    # robots.txt

    def _check_robots(self, url: str, *, asked: str) -> None:
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self._robots:
            self._robots[site] = self._load_robots(site, asked=asked)
        rules = self._robots[site]
        if isinstance(rules, RefusedError):
            raise RefusedError(rules.message, path=asked)
        if not rules.can_fetch(ROBOTS_AGENT, url):
            raise RefusedError(f"robots.txt of {site} disallows {url}", path=asked)

    def _load_robots(self, site: str, *, asked: str) -> RobotFileParser | RefusedError:
        rules = RobotFileParser()
        current = f"{site}/robots.txt"
        try:
            for _ in range(MAX_REDIRECTS + 1):
                response = self._get(current, headers={}, asked=asked, limit=MAX_ROBOTS_BYTES, truncate=True)
                if response.status in _REDIRECTS and response.headers.get("Location"):
                    current = _redirected(current, response.headers["Location"], asked=asked)
                    continue
                break
        except FetchError as error:
            return RefusedError(f"robots.txt of {site} unavailable ({error.message}); not fetched", path=asked)
        if 400 <= response.status < 500:
            rules.allow_all = True
        elif response.status == 200:
            rules.parse(response.body.decode("utf-8", "replace").splitlines())
        else:
            return RefusedError(f"robots.txt of {site} unavailable (HTTP {response.status}); not fetched", path=asked)
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay:
            host = urlsplit(site).netloc
            self._host_delay[host] = min(float(delay), MAX_CRAWL_DELAY_S)
        return rules

    # ----------------------------------------------------------------------------------------
    # One request

    def _get(self, url: str, *, headers: dict[str, str], asked: str, limit: int, truncate: bool = False) -> _Response:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise RefusedError(f"not an http(s) URL: {url}", path=asked)
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise FetchError(f"bad port in {url}", path=asked) from None
        address = self._address(parts.hostname, port, url=url, asked=asked)
        self._pace(parts.netloc)
        target = quote(parts.path or "/", safe="/%:@!$&'()*+,;=~") + (
            "?" + quote(parts.query, safe="/%:@!$&'()*+,;=~?") if parts.query else ""
        )
        connection_class = _PinnedHTTPSConnection if parts.scheme == "https" else _PinnedHTTPConnection
        connection = connection_class(parts.hostname, port, address=address, timeout=self.timeout_s)
        deadline = self._clock() + self.timeout_s
        try:
            connection.request(
                "GET",
                target,
                headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity", **headers},
            )
            response = connection.getresponse()
            length = response.getheader("Content-Length")
            if length and length.isdigit() and int(length) > limit and not truncate:
                raise TooLargeError(
                    f"{int(length):,} bytes is over the size limit of {limit:,} (--max-bytes)", path=asked
                )
            body = bytearray()
            while len(body) <= limit and (piece := response.read(_READ_CHUNK)):
                body += piece
                if self._clock() > deadline:
                    raise FetchError(f"timed out after {self.timeout_s:g} s reading {url}", path=asked)
            if len(body) > limit:
                if not truncate:
                    raise TooLargeError(f"more than {limit:,} bytes (the size limit, --max-bytes)", path=asked)
                body = body[:limit]
            return _Response(status=response.status, headers=response.headers, body=bytes(body))
        except TimeoutError:
            raise FetchError(f"timed out after {self.timeout_s:g} s waiting for {url}", path=asked) from None
        except ssl.SSLError as exc:
            raise FetchError(f"TLS failed with {parts.hostname} ({exc.reason or exc})", path=asked) from None
        # ValueError: what http.client says of a request it will not send (a header it refuses).
        except (OSError, http.client.HTTPException, ValueError) as exc:
            detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            raise FetchError(f"cannot fetch {url} ({detail})", path=asked) from None
        finally:
            connection.close()
            self._last_request[parts.netloc] = self._clock()

    def _address(self, host: str, port: int, *, url: str, asked: str) -> str:
        """The address to connect to: the name resolved once, every address checked."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise FetchError(f"cannot resolve {host} ({getattr(exc, 'strerror', None) or exc})", path=asked) from None
        addresses = [info[4][0] for info in infos]
        for address in addresses:
            if not self.address_allowed(address):
                raise RefusedError(
                    f"{url} leads to the non-public address {address} (--allow-private fetches it)", path=asked
                )
        return addresses[0]

    def _pace(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is None:
            return
        delay = max(self.delay_s, self._host_delay.get(host, 0.0))
        wait = last + delay - self._clock()
        if wait > 0:
            self._sleep(wait)

    # ----------------------------------------------------------------------------------------
    # The conditional-GET cache: <cache>/http/<sha256 of the URL>.json and .body

    def _paths(self, url: str) -> tuple[Path, Path]:
        folder = self.cache_folder or cache_dir() / "http"
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return folder / f"{key}.json", folder / f"{key}.body"

    def _cached(self, url: str) -> tuple[dict, bytes] | None:
        meta_path, body_path = self._paths(url)
        meta_bytes, _ = read_entry(meta_path)
        body, _ = read_entry(body_path)
        if meta_bytes is None or body is None:
            return None
        try:
            meta = json.loads(meta_bytes)
        except ValueError:
            return None
        # The two files are written one after the other: a body that is not the one the meta
        # describes (a concurrent run, a crash between them) is no validated copy.
        if (
            not isinstance(meta, dict)
            or meta.get("url") != url
            or meta.get("sha256") != hashlib.sha256(body).hexdigest()
        ):
            return None
        return meta, body

    def _save(self, url: str, response: _Response) -> None:
        etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
        if not (etag or modified):
            return  # nothing to revalidate with: a copy would never be used
        meta_path, body_path = self._paths(url)
        meta = {
            "url": url,
            "etag": etag,
            "last_modified": modified,
            "content_type": response.headers.get("Content-Type"),
            "sha256": hashlib.sha256(response.body).hexdigest(),
        }
        write_entry(body_path, response.body)
        write_entry(meta_path, json.dumps(meta).encode("utf-8"))


def _redirected(url: str, location: str, *, asked: str) -> str:
    try:
        return urljoin(url, location)
    except ValueError as exc:  # "http://[::1/x"
        raise FetchError(f"not a valid URL: {location} (a redirect from {url}: {exc})", path=asked) from None


def _check_url(url: str, *, asked: str) -> None:
    """An http(s) URL with a host (a redirect to file:// refused too) that urllib can take apart."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (parsed on access: "http://host:99999" raises here)
    except ValueError as exc:  # "http://[::1", a port that is no number
        raise FetchError(f"not a valid URL: {url} ({exc})", path=asked) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RefusedError(f"not an http(s) URL: {url}", path=asked)


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 zone ("fe80::1%eth0") is no part of it
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is loopback
    return ip.is_global and not ip.is_multicast


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the address already resolved and checked, not to whatever the name resolves
    to a moment later; the Host header still names the host."""

    def __init__(self, host: str, port: int, *, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, *, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        # The certificate is checked against the host name, as it would be without the pin.
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)
