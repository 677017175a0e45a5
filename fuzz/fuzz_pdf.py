"""Fuzz the PDF reader: pypdf's parsing, its text visitor and layout text, the article extractor
(readers/pdf_layout.py, pdf_article.py) and the running-header/page-number pass.

python fuzz/fuzz_pdf.py /tmp/fuzz/pdf fuzz/corpus/pdf -max_total_time=600
"""

import contextlib

import atheris

with atheris.instrument_imports(include=["newsint", "pypdf"]):
    import pypdf  # noqa: F401  (read_pdf imports it on first use: too late to be instrumented)

    from newsint.errors import NewsintError
    from newsint.readers.pdf import read_pdf


def TestOneInput(data: bytes) -> None:
    with contextlib.suppress(NewsintError):
        read_pdf(data, source="fuzz.pdf")


if __name__ == "__main__":
    from _harness import main

    main(TestOneInput)
