"""Fuzz gzip input (``page.html.gz``, ``feed.jsonl.gz``): the container, the bomb guard, then
whatever reader the decompressed bytes go to.

    python fuzz/fuzz_gzip.py /tmp/fuzz/gzip fuzz/corpus/gzip -max_total_time=600

The size limit is lowered to 1 MiB so a decompression bomb is refused in milliseconds, not after
50 MiB of inflating on every try.
"""

import atheris

with atheris.instrument_imports(include=["newsint", "gzip", "trafilatura", "pypdf"]):
    import pypdf  # noqa: F401  (the readers import these on first use: too late to be instrumented)
    import trafilatura  # noqa: F401

    from newsint.errors import NewsintError
    from newsint.readers import read_bytes
    from newsint.settings import Settings

SETTINGS = Settings(max_input_bytes=1 << 20)


def TestOneInput(data: bytes) -> None:
    try:
        for _ in read_bytes(data, source="fuzz.html.gz", settings=SETTINGS, suffix=".gz"):
            pass
    except NewsintError:
        pass


if __name__ == "__main__":
    from _harness import main

    main(TestOneInput)
