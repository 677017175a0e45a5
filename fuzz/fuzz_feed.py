"""Fuzz the feed reader: feedparser on RSS, Atom and RDF, item content to paragraphs, dates.

    python fuzz/fuzz_feed.py /tmp/fuzz/feed fuzz/corpus/feed -max_total_time=600

Link-only items are counted, never fetched (fetch_links is off): a fuzz run touches no network.
"""

import contextlib

import atheris

with atheris.instrument_imports(include=["newsint", "feedparser"]):
    import feedparser  # noqa: F401  (read_feed imports it on first use: too late to be instrumented)

    from newsint.errors import NewsintError
    from newsint.readers.feed import read_feed
    from newsint.settings import Settings

SETTINGS = Settings()


def TestOneInput(data: bytes) -> None:
    with contextlib.suppress(NewsintError):
        for item in read_feed(data, source="fuzz.xml", settings=SETTINGS):
            assert isinstance(item, NewsintError) or item.text.strip(), "an item with no text"


if __name__ == "__main__":
    from _harness import main

    main(TestOneInput)
