"""Fuzz the JSON Lines reader: decoding, one record per line, text or html fields, dates.

    python fuzz/fuzz_jsonl.py /tmp/fuzz/jsonl fuzz/corpus/jsonl -max_total_time=600

A bad record is yielded as its error and the feed goes on; only a whole-file error is raised.
"""

import atheris

with atheris.instrument_imports(include=["newsint", "trafilatura"]):
    import trafilatura  # noqa: F401  (an "html" record reaches read_html, which imports it on first use)

    from newsint.errors import NewsintError
    from newsint.readers.jsonl import read_jsonl
    from newsint.readers.text import decode
    from newsint.settings import DEFAULT_MAX_HTML_DEPTH


def TestOneInput(data: bytes) -> None:
    try:
        text = decode(data, source="fuzz.jsonl")
    except NewsintError:
        return
    for item in read_jsonl(text, source="fuzz.jsonl", max_html_depth=DEFAULT_MAX_HTML_DEPTH):
        assert isinstance(item, NewsintError) or item.text.strip(), "a record with no text"


if __name__ == "__main__":
    from _harness import main

    main(TestOneInput)
