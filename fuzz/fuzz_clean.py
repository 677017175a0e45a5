"""Fuzz the cleaning stage: normalisation, reflow, line classes, title/caption/dateline rules.

    python fuzz/fuzz_clean.py /tmp/fuzz/clean fuzz/corpus/clean -max_total_time=600

An input is UTF-8 text (undecodable bytes replaced) whose first line says how the reader left
it: "paragraphs" or anything else for "auto", then optionally "|" and the page's title. Beyond
"no crash", each paragraph's span must lie in the document text, in order, with no outer space:
every later span into ``document.text`` builds on these.
"""

import atheris

with atheris.instrument_imports(include=["newsint"]):
    from newsint.clean import clean
    from newsint.errors import NewsintError
    from newsint.readers.raw import RawDocument


def TestOneInput(data: bytes) -> None:
    header, _, body = data.decode("utf-8", "replace").partition("\n")
    layout, _, title = header.partition("|")
    raw = RawDocument(
        source="fuzz.txt",
        reader="fuzz",
        text=body,
        layout="paragraphs" if layout.strip() == "paragraphs" else "auto",
        title=title.strip() or None,
    )
    try:
        document = clean(raw)
    except NewsintError:
        return
    end = 0
    for paragraph in document.paragraphs:
        assert end <= paragraph.start < paragraph.end <= len(document.text), "paragraph span out of order"
        piece = document.text[paragraph.start : paragraph.end]
        assert piece == piece.strip(), "paragraph span has outer space"
        end = paragraph.end


if __name__ == "__main__":
    from _harness import main

    main(TestOneInput)
