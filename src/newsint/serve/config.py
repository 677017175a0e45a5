"""What `newsint serve` is configured with: one plain record, filled by the CLI or by Python."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from enum import StrEnum

from newsint.errors import UsageError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# A request body larger than this is refused (413) before it is read: the API takes filters and
# small job submissions, never bulk uploads, so 1 MiB leaves room and bounds memory per request.
DEFAULT_MAX_BODY_BYTES = 1024 * 1024
# Requests per client address per minute. The dashboard makes a handful per view; a script
# looping without a pause is slowed, not the analysts beside it. 0 turns the limit off.
DEFAULT_RATE_PER_MINUTE = 600


class Scope(StrEnum):
    read = "read"
    write = "write"


@dataclass(frozen=True, slots=True)
class ApiKey:
    key: str
    scopes: frozenset[Scope]


@dataclass(frozen=True, slots=True)
class ServeSettings:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    # No keys: the API is open, which `check_exposure` allows only on a loopback address.
    api_keys: tuple[ApiKey, ...] = ()
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    rate_per_minute: int = DEFAULT_RATE_PER_MINUTE
    # Browser origins allowed to call the API from other pages; empty: no CORS headers at all.
    cors_origins: tuple[str, ...] = field(default_factory=tuple)


def parse_api_key(text: str) -> ApiKey:
    """``KEY`` (read and write) or ``KEY:read`` / ``KEY:read,write``."""
    key, _, scopes = text.partition(":")
    if len(key) < 16:
        raise UsageError(
            "an API key must be at least 16 characters (make one with "
            "`python -c 'import secrets; print(secrets.token_urlsafe())'`)"
        )
    names = [s.strip() for s in scopes.split(",") if s.strip()] if scopes else ["read", "write"]
    unknown = [s for s in names if s not in Scope.__members__]
    if unknown:
        raise UsageError(f"unknown API key scope {unknown[0]!r}: use read, write or read,write")
    return ApiKey(key, frozenset(Scope(s) for s in names))


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve to anything


def check_exposure(settings: ServeSettings) -> None:
    """Refuse to listen beyond loopback with no API key: the store would be open to the network."""
    if not is_loopback(settings.host) and not settings.api_keys:
        raise UsageError(
            f"--host {settings.host} is reachable from other machines: give --api-key KEY (or NEWSINT_API_KEYS) "
            "so that requests must carry it, or listen on 127.0.0.1"
        )
