"""Fuzz the WARC reader: FastWARC's record parsing, the length check, the HTTP head, the pages.

    python fuzz/fuzz_warc.py /tmp/fuzz/warc fuzz/corpus/warc -max_total_time=600

A damaged archive yields its records before the damage and then one error; only coded
NewsintErrors may come out, and every document has text.
"""

import io

import atheris

with atheris.instrument_imports(include=["newsint", "trafilatura"]):
    import trafilatura  # noqa: F401  (read_html imports it on first use: too late to be instrumented)

    from newsint.errors import NewsintError
    from newsint.readers.warc import read_warc
    from newsint.settings import DEFAULT_MAX_HTML_DEPTH


def TestOneInput(data: bytes) -> None:
    stream = io.BytesIO(data)
    for item in read_warc(stream, source="fuzz.warc", max_record_bytes=1 << 20, max_html_depth=DEFAULT_MAX_HTML_DEPTH):
        assert isinstance(item, NewsintError) or item.text.strip(), "a page with no text"


if __name__ == "__main__":
    from _harness import main

    main(TestOneInput)
