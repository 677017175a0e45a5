"""Store fixtures: an open store per test, on each backend (``store_url`` is in tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def store(store_url):
    from newsint.store import open_store

    with open_store(store_url) as opened:
        yield opened
