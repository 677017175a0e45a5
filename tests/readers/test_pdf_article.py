"""A web page "saved as PDF", typeset in the test with fpdf2: the layout reader must keep the
article and set aside what a browser prints around it.

The page has what a browser's print carries: its own header (date and page title) and footer
(address and "n/m") on every sheet, a site menu of links, the headline in large type, a byline,
the article in body type (a subheading and a list inside it), a share bar, a "Related stories"
list of linked teasers, and a comment section whose readers' prose is longer than the article.
The article's text is real (Guardian articles of shared/data/news); the chrome is written here.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from functools import cache
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
GUARDIAN = SHARED / "data" / "news" / "guardian-syria.jsonl"
HEADLINE = "Fighters and families left behind as the caliphate falls"
MENU = ["Home", "World", "Politics", "Business", "Opinion", "Sport", "Culture", "Newsletters"]
SUBHEADING = "What happens next"
LIST_ITEMS = ["• Reopen the northern crossings to aid convoys", "• Register the families held in the camps"]
TEASERS = [
    "Aid agencies warn of a winter crisis in the north as fuel runs short for the camps",
    "Border talks stall again as both sides accuse each other of moving troops at night",
    "The long road home: families return to a town that no longer has a market or school",
]
COMMENTS = [
    "I have been reading about this for years and every time the story is the same: the people who "
    "pay for these decisions are never the people who make them, and nobody is ever held to account "
    "for what happens to them afterwards. It is a disgrace and we should all be ashamed of it.",
    "What I find hard to understand is why the governments involved still cannot agree on who is "
    "responsible for the families in the camps, when everyone has known for a long time that this "
    "moment was coming and that there would be thousands of them with nowhere to go at all.",
] * 3

fpdf = pytest.importorskip("fpdf", reason="fpdf2 (a dev dependency) is needed to typeset the PDF")


_SENTENCE_GAP = re.compile(r"(?<=[a-z0-9][.!?])([”\"’]?)\s+(?=[“\"A-Z])")


@cache
def _article_paragraphs() -> tuple[str, ...]:
    """Six paragraphs (three sentences each) of a real article that fits the PDF core fonts."""
    if not GUARDIAN.exists():
        pytest.skip("shared/data/news is not there")
    with GUARDIAN.open(encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line)["text"]
            try:
                text.encode("cp1252")
            except UnicodeEncodeError:
                continue
            cuts = [0] + [m.end() for m in _SENTENCE_GAP.finditer(text)] + [len(text)]
            sentences = [text[a:b].strip() for a, b in itertools.pairwise(cuts) if text[a:b].strip()]
            paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences) - 2, 3)]
            if len(paragraphs) >= 6:
                return tuple(paragraphs[:6])
    pytest.skip("no article of six paragraphs")


def _printed_page() -> bytes:
    from fpdf import FPDF

    class Printed(FPDF):
        def header(self) -> None:  # the browser's own header: date and page title
            self.set_font("Helvetica", "", 7)
            self.cell(0, 4, f"12/7/26, 4:57 PM {HEADLINE} - Example News", new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self) -> None:  # the browser's own footer: the address and "n/m"
            self.set_y(-12)
            self.set_font("Helvetica", "", 7)
            self.cell(0, 4, f"https://news.example.org/world/2019/nov/18/caliphate-falls {self.page_no()}/{{nb}}")

    pdf = Printed(format="A4")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.set_creation_date(dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    for item in MENU:  # the site's menu: one link a line
        pdf.cell(0, 5, item, link=f"https://news.example.org/{item.lower()}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("Helvetica", "B", 22)
    pdf.multi_cell(0, 10, HEADLINE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(0, 5, "By Martin Chulov", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    paragraphs = _article_paragraphs()
    for index, paragraph in enumerate(paragraphs):
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        if index == 2:  # a subheading and a list inside the article
            pdf.set_font("Helvetica", "B", 14)
            pdf.cell(0, 8, SUBHEADING, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
            pdf.set_font("Helvetica", "", 11)
            for item in LIST_ITEMS:
                pdf.cell(0, 6, item, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
    pdf.set_font("Helvetica", "", 10)
    for network in ("Facebook", "Twitter", "Email"):  # the share bar
        pdf.cell(30, 5, network, link=f"https://share.example.org/{network.lower()}")
    pdf.ln(10)
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 8, "Related stories", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    for number, teaser in enumerate(TEASERS):
        pdf.multi_cell(0, 6, teaser, link=f"https://news.example.org/story-{number}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 8, "Comments", new_x="LMARGIN", new_y="NEXT")
    for number, comment in enumerate(COMMENTS):
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 6, f"{comment} ({number})", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    return bytes(pdf.output())


@cache
def _document():
    from newsint.clean import clean
    from newsint.readers import read_bytes
    from newsint.settings import Settings

    (raw,) = list(read_bytes(_printed_page(), source="printed.pdf", settings=Settings(), suffix=".pdf"))
    return raw, clean(raw)


def _norm(text: str) -> str:
    return " ".join(text.split())


def test_the_body_is_the_article_with_its_subheading_and_list():
    _, document = _document()
    expected = [*_article_paragraphs()[:3], SUBHEADING, *LIST_ITEMS, *_article_paragraphs()[3:]]
    assert document.paragraphs_of("body") == [_norm(p) for p in expected]


def test_the_headline_in_large_type_is_the_title_and_the_byline_is_read():
    raw, document = _document()
    assert raw.title == HEADLINE
    assert document.title == HEADLINE
    assert document.byline == "Martin Chulov"


def test_the_browsers_header_and_footer_are_running_headers():
    _, document = _document()
    running = [r.text for r in document.removed if r.kind == "running-header"]
    assert len(running) >= 4  # header and footer of two or more sheets
    assert all("Example News" in text or "news.example.org" in text for text in running)
    assert "4:57 PM" not in document.text


def test_menus_share_bars_related_stories_and_comments_are_set_aside():
    _, document = _document()
    text = document.text
    for chrome in [*MENU, "Facebook", "Related stories", TEASERS[0], "Comments", COMMENTS[0][:60]]:
        assert chrome not in text
    links = " ".join(r.text for r in document.removed if r.kind == "links")
    assert "Newsletters" in links and "Twitter" in links
    assert any(TEASERS[1][:40] in r.text for r in document.removed)
    assert any(COMMENTS[1][:40] in r.text for r in document.removed)


def test_a_500_page_pdf_comes_back_whole():
    """A long report (500 pages, a running header on each) is read to its last page: the
    layout pass bounds its work per page and the article spans every page."""
    from fpdf import FPDF

    from newsint.clean import clean
    from newsint.readers import read_bytes
    from newsint.settings import Settings

    words = " ".join(_article_paragraphs()).split()
    pdf = FPDF(format=(148, 210))
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_creation_date(dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    pdf.set_auto_page_break(auto=False)
    for page in range(500):
        pdf.add_page()
        pdf.set_font("Helvetica", "", 8)
        pdf.cell(0, 5, f"Annual report 2019 | page {page + 1}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        pdf.set_font("Helvetica", "", 10)
        start = (page * 37) % (len(words) - 80)
        text = " ".join(words[start : start + 80])
        pdf.multi_cell(0, 5, f"{text[0].upper()}{text[1:]} ({page + 1}).", new_x="LMARGIN", new_y="NEXT")
    (raw,) = list(read_bytes(bytes(pdf.output()), source="report.pdf", settings=Settings(), suffix=".pdf"))
    document = clean(raw)
    body = document.paragraphs_of("body")
    assert len(body) == 500
    assert body[-1].endswith("(500).")
    assert sum(r.kind == "running-header" for r in document.removed) == 500
