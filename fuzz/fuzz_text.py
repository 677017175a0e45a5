"""Fuzz the plain-text path: kind sniffing, encoding detection and decoding, mojibake repair.

    python fuzz/fuzz_text.py /tmp/fuzz/text fuzz/corpus/text -max_total_time=600

The first byte picks the --encoding option (none, a real one, or a name Python does not know);
the rest is the file, read through ``read_bytes`` as the CLI reads a ``.txt`` file.
"""

import atheris

with atheris.instrument_imports(include=["newsint", "charset_normalizer", "ftfy"]):
    from newsint.errors import NewsintError
    from newsint.readers import read_bytes
    from newsint.settings import Settings

ENCODINGS = (None, "utf-8", "utf-16-le", "utf-16-be", "cp1251", "latin-1", "shift_jis", "no-such-encoding")
SETTINGS = tuple(Settings(encoding=encoding) for encoding in ENCODINGS)  # --encoding travels in Settings


def TestOneInput(data: bytes) -> None:
    if not data:
        return
    settings = SETTINGS[data[0] % len(SETTINGS)]
    try:
        for item in read_bytes(data[1:], source="fuzz.txt", settings=settings, suffix=".txt"):
            assert isinstance(item, NewsintError) or item.text.strip(), "a document with no text"
    except NewsintError:
        pass


if __name__ == "__main__":
    from _harness import main

    main(TestOneInput)
