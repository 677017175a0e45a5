"""Fuzz the HTML reader: the depth guard, trafilatura's extraction, links and figure captions.

python fuzz/fuzz_html.py /tmp/fuzz/html fuzz/corpus/html -max_total_time=600
"""

import contextlib

import atheris

with atheris.instrument_imports(include=["newsint", "trafilatura", "courlan", "htmldate", "justext"]):
    import trafilatura  # noqa: F401  (read_html imports it on first use: too late to be instrumented)

    from newsint.errors import NewsintError
    from newsint.readers.html import read_html
    from newsint.settings import DEFAULT_MAX_HTML_DEPTH


def TestOneInput(data: bytes) -> None:
    with contextlib.suppress(NewsintError):
        read_html(data, source="fuzz.html", max_depth=DEFAULT_MAX_HTML_DEPTH)


if __name__ == "__main__":
    from _harness import main

    main(TestOneInput)
