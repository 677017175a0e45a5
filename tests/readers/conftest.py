"""The fixtures of web_fixtures.py (a local HTTP server, a fresh HTTP cache) for the readers' tests."""

from web_fixtures import fresh_fetchers, server  # noqa: F401 (fixtures, found by name)
