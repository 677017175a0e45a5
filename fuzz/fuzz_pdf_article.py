"""Fuzz the PDF article extractor's layout grouping and block classifier on made-up layouts.

python fuzz/fuzz_pdf_article.py /tmp/fuzz/pdf_article fuzz/corpus/pdf_article -max_total_time=600

The bytes are read as a page layout: lines with a page, a baseline, a left edge, a font size,
a weight, a share under links and a text (words of a small vocabulary of stop words, content
words, headings and digits, so that prose, menus, chrome and headings all occur). Lines are
grouped into blocks and classified as the reader does; beyond not raising, the article must
hold only text from the page: the title, each caption and each paragraph are a block's text (a
paragraph may join blocks cut by a page break).
"""

import atheris

with atheris.instrument_imports(include=["newsint"]):
    from newsint.readers.pdf_article import classify
    from newsint.readers.pdf_layout import Line, blocks_of

VOCABULARY = (
    "the of and to in a is that was for on with as by at from it he said they "
    "troops border minister ceasefire shelling village convoy report Kyiv Minsk "
    "Comments Related stories Most read Share Subscribe Newsletter Home World By "
    "Photo: AP Image 1 of 8 Published 12 May 2022 Advertisement 1 2 3/4 Page 7 •"
).split()
MAX_LINES = 400


def _layout(data: bytes) -> tuple[list[Line], int]:
    fdp = atheris.FuzzedDataProvider(data)
    pages = fdp.ConsumeIntInRange(1, 6)
    lines = []
    baseline = 0.0
    for _ in range(fdp.ConsumeIntInRange(0, MAX_LINES)):
        if fdp.remaining_bytes() == 0:
            break
        page = fdp.ConsumeIntInRange(0, pages - 1)
        baseline = baseline + fdp.ConsumeIntInRange(-40, 60) if fdp.ConsumeBool() else fdp.ConsumeIntInRange(0, 800)
        x0 = float(fdp.ConsumeIntInRange(0, 600))
        size = fdp.ConsumeIntInRange(1, 80) / 2
        words = [VOCABULARY[fdp.ConsumeIntInRange(0, len(VOCABULARY) - 1)] for _ in range(fdp.ConsumeIntInRange(1, 30))]
        text = " ".join(words)
        link_chars = fdp.ConsumeIntInRange(0, len(text))
        x1 = x0 + len(text) * size * 0.5
        lines.append(Line(page, text, x0, x1, float(baseline), size, fdp.ConsumeBool(), link_chars))
    return lines, pages


def TestOneInput(data: bytes) -> None:
    lines, pages = _layout(data)
    blocks = []
    for page in range(pages):
        on_page = [line for line in lines if line.page == page]
        blocks += sorted(blocks_of(on_page), key=lambda b: (b.top, b.x0))
    article = classify(blocks, pages)
    if article is None:
        return
    texts = {block.text for block in blocks}
    joined = " ".join(block.text for block in blocks)
    assert article.title is None or article.title in texts, article.title
    for caption in article.captions:
        assert caption in texts, caption
    for paragraph in article.paragraphs:
        assert paragraph in texts or all(part in joined for part in paragraph.split(" ")), paragraph
    assert article.paragraphs, "an article has a paragraph"


if __name__ == "__main__":
    from _harness import main

    main(TestOneInput)
