"""A URL given as an input: fetched (fetch.py), then read like a file of the same content (a page,
a feed, a PDF…). Its documents keep the URL that answered and the time it was fetched."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from newsint.errors import NewsintError
from newsint.readers.fetch import fetcher_for
from newsint.readers.raw import RawDocument
from newsint.settings import Settings


@dataclass(frozen=True, slots=True)
class WebAddress:
    """An ``http(s)://`` argument, as ``readers.expand`` gives it beside the files."""

    url: str


def read_url(
    url: str, settings: Settings, *, follow_feed_links: bool | None = None
) -> Iterator[RawDocument | NewsintError]:
    """The documents at ``url``; a URL that cannot be fetched raises its error.
    ``follow_feed_links``: whether a feed's link-only items are fetched in turn (default: as
    ``settings.fetch_links`` says; a feed's own links are read with False, so nothing recurses)."""
    from newsint.readers import read_bytes  # here: readers/__init__ imports this module

    fetcher = fetcher_for(
        settings.max_input_bytes, settings.fetch_timeout_s, settings.fetch_delay_s, settings.allow_private
    )
    page = fetcher.fetch(url)
    suffix = PurePosixPath(urlsplit(page.url).path).suffix.lower()
    for item in read_bytes(
        page.body, source=url, settings=settings, suffix=suffix, url=page.url, follow_feed_links=follow_feed_links
    ):
        if not isinstance(item, NewsintError):
            # A feed's items name their own links; a page is the URL that answered.
            item.url = item.url if item.reader == "feed" else page.url
            item.fetched = item.fetched or page.fetched
        yield item
