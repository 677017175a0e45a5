"""The project's own example corpus (examples/*): every file analyses, and the fields that
examples/README.md promises, checked against the files as read by hand.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
ARTICLE_FILES = sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".pdf", ".html", ".jsonl"})


def norm(text: str | None) -> str:
    return " ".join((text or "").split())


@cache
def analysed(name: str) -> tuple:
    from newsint.pipeline import analyze
    from newsint.readers import read_path
    from newsint.settings import Settings

    items = list(read_path(EXAMPLES / name, Settings()))
    assert not [i for i in items if isinstance(i, Exception)], items
    return tuple(analyze(raw).document for raw in items)


def body(document) -> list[str]:
    return document.paragraphs_of("body")


def removed(document, kind: str) -> list[str]:
    return [r.text for r in document.removed if r.kind == kind]


def test_the_corpus_is_the_one_the_readme_describes():
    assert ARTICLE_FILES == [
        "borderland-monitor-belarus-buildup.txt",
        "eastern-flank-zapad-2021.pdf",
        "eastern-marches-union-resolve.html",
        "example-wire-drills-extended.txt",
        "meridian-wire-feed.jsonl",
        "ru-ministry-statement-union-resolve.txt",
    ]


@pytest.mark.parametrize("name", ARTICLE_FILES)
def test_each_example_analyses_without_error_through_the_cli(cli, name):
    result = cli("analyze", EXAMPLES / name, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    analyses = result.jsonl()
    assert len(analyses) == (3 if name.endswith(".jsonl") else 1)
    for analysis in analyses:
        document = analysis["document"]
        assert document["title"] and any(p["kind"] == "body" for p in document["paragraphs"])


# --- A: PDF-export plain text ---------------------------------------------------------------

BORDERLAND = "borderland-monitor-belarus-buildup.txt"


def test_borderland_headline_caption_and_byline():
    (document,) = analysed(BORDERLAND)
    # Headline wrapped over two lines with a stray leading space.
    assert (
        document.title
        == "NATO calls Russia’s troop build-up in Belarus the largest since the Cold War as joint drills near"
    )
    assert document.captions == [
        "A Russian Su-35S fighter lands at Baranovichi airfield in Belarus ahead of the joint exercise."
    ]
    assert document.byline == "Marta Kowalczyk"
    assert removed(document, "byline") == ["By Marta Kowalczyk | February 4, 2022"]
    # The byline line carries the date in full: the text's own date, not the user's.
    assert (document.published, document.published_basis) == ("2022-02-04", "text")


def test_borderland_hyphenation():
    (document,) = analysed(BORDERLAND)
    text = document.text
    assert "Russia’s biggest military deployment to Belarus" in text  # "deploy-" / "ment"
    assert "deploy-" not in text and "deploy ment" not in text
    assert "the joint Russian-Belarusian exercise" in text  # "Russian-" / "Belarusian" kept
    assert "RussianBelarusian" not in text


def test_borderland_teasers_links_footer_and_provenance():
    (document,) = analysed(BORDERLAND)
    assert [(r.title, r.url) for r in document.related_articles] == [
        ("What the Vienna Document says about large military exercises", None),
        ("A short history of the Zapad exercises", None),
    ]
    assert [link.url for link in document.links] == [
        "https://borderland-monitor.example.org/2022/02/04/nato-russia-belarus-buildup",
        "https://borderland-monitor.example.org/explainers/vienna-document-military-exercises",
    ]
    assert removed(document, "page-furniture") == ["Page 1 of 2"]
    assert removed(document, "provenance") == ["This article was originally published by The Borderland Monitor."]
    assert document.original_publisher == "The Borderland Monitor"
    for furniture in ("Related article", "Read more", "https://", "Page 1 of 2", "originally published"):
        assert furniture not in document.text


def test_borderland_paragraph_across_the_page_break_is_joined():
    (document,) = analysed(BORDERLAND)
    paragraphs = body(document)
    # Counted by hand: eight body paragraphs, the seventh runs across the footer and page break.
    assert len(paragraphs) == 8
    assert paragraphs[6] == (
        "Belarusian President Alexander Lukashenko announced the drills on Jan. 17, saying they would "
        "cover the country’s western and southern borders. He pointed to NATO forces in Poland and the "
        "Baltic states, which he put at more than 30,000 troops, as the reason."
    )
    assert paragraphs[0].startswith("NATO Secretary General Jens Stoltenberg said on Thursday")
    assert paragraphs[-1].endswith("and the Kremlin denies any plan to invade.")


# --- C: two-page PDF ------------------------------------------------------------------------

ZAPAD = "eastern-flank-zapad-2021.pdf"


@cache
def make_pdf():
    """The article text as examples/make_pdf.py typeset it (the script is the PDF's source)."""
    pytest.importorskip("fpdf", reason="examples/make_pdf.py imports fpdf2")
    spec = importlib.util.spec_from_file_location("newsint_example_make_pdf", EXAMPLES / "make_pdf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_zapad_title_byline_and_page_furniture():
    source = make_pdf()
    (document,) = analysed(ZAPAD)
    assert document.reader == "pdf"
    assert document.title == source.TITLE  # wrapped over two lines in the PDF
    assert document.byline == "Karin Vossberg"
    running = f"{source.OUTLET} {source.DATE}"
    assert removed(document, "running-header") == [running, running]
    assert removed(document, "page-furniture") == ["Page 1 of 2", "Page 2 of 2"]
    assert source.OUTLET not in document.text and "Page 1" not in document.text


def test_zapad_paragraph_across_the_page_break_is_joined():
    source = make_pdf()
    (document,) = analysed(ZAPAD)
    crossing = source.PARAGRAPHS[6]  # "... Poland declared a" / page break / "state of emergency ..."
    assert "Poland declared a state of emergency" in crossing
    assert crossing in body(document)
    assert body(document)[-1] == source.PARAGRAPHS[-1]


def test_zapad_body_is_make_pdfs_eight_paragraphs():
    assert body(analysed(ZAPAD)[0]) == make_pdf().PARAGRAPHS


def test_zapad_publication_date_from_the_pdf():
    (document,) = analysed(ZAPAD)
    assert document.published == "2021-09-17"
    assert document.published_basis in {"metadata", "text"}


# --- B: HTML page ---------------------------------------------------------------------------

MARCHES = "eastern-marches-union-resolve.html"
MARCHES_TITLE = "Russia and Belarus launch “Union Resolve 2022” drills near Ukraine’s northern border"


def test_marches_metadata():
    (document,) = analysed(MARCHES)
    assert document.reader == "html"
    assert document.title == MARCHES_TITLE  # og:title / h1, without the "| Eastern Marches Daily" suffix
    assert document.site == "Eastern Marches Daily"
    assert document.byline == "Ilse Marwick"
    assert (document.published, document.published_basis) == ("2022-02-10", "metadata")
    assert document.url == "https://eastern-marches.example.com/2022/02/10/union-resolve-2022-begins"


def test_marches_figcaption_becomes_a_caption():
    (document,) = analysed(MARCHES)
    caption = "Russian military equipment arrives by rail in Belarus in January 2022 ahead of the joint drills."
    assert document.captions == [caption]
    assert document.paragraphs_of("caption") == [caption]
    assert caption not in body(document)


def test_marches_body_and_inline_links():
    (document,) = analysed(MARCHES)
    paragraphs = body(document)
    # The seven <p> of div.story-body, in order (their first words, read from the page).
    starts = [
        "Russia and Belarus on Thursday began",
        "The ministry said Union Resolve 2022",
        "The Russian units taking part",
        "Neither Moscow nor Minsk has said",
        "Two Belarusian regions share",
        "The exercise follows Zapad-2021",
        "Kremlin spokesman Dmitry Peskov",
    ]
    found = [next(i for i, p in enumerate(paragraphs) if p.startswith(s)) for s in starts]
    assert found == sorted(found) and found == list(range(found[0], found[0] + 7))
    assert [(link.url, link.anchor) for link in document.links] == [
        (
            "https://eastern-marches.example.com/2022/01/21/russian-troop-trains-arrive-belarus",
            "as we reported at the time",
        ),
        ("https://eastern-marches.example.com/2021/09/17/zapad-2021-ends", "Our analysis of that exercise"),
    ]
    for boilerplate in ("cookies", "Most read", "Sign up", "All rights reserved", "Topics:"):
        assert boilerplate not in document.text


def test_marches_headline_is_not_repeated_as_body():
    (document,) = analysed(MARCHES)
    assert norm(MARCHES_TITLE) not in [norm(p) for p in body(document)]


# --- D: JSON Lines feed ---------------------------------------------------------------------

FEED = "meridian-wire-feed.jsonl"


def _feed_records() -> list[dict]:
    return [json.loads(line) for line in (EXAMPLES / FEED).read_text("utf-8").splitlines() if line.strip()]


def test_feed_yields_three_documents_with_their_dates():
    documents = analysed(FEED)
    records = _feed_records()
    assert len(documents) == 3
    assert [d.published for d in documents] == ["2022-01-31", "2022-02-16", "2022-02-21"]
    assert {d.published_basis for d in documents} == {"metadata"}
    assert [d.title for d in documents] == [r["title"] for r in records]
    assert [d.url for d in documents] == [r["url"] for r in records]
    assert {d.site for d in documents} == {"Meridian Wire"}
    assert [d.source for d in documents] == [f"{EXAMPLES / FEED}:{n}" for n in (1, 2, 3)]


def test_feed_datelines_are_cut_from_the_first_paragraph():
    documents = analysed(FEED)
    assert [(d.dateline.place, d.dateline.date_text, d.dateline.agency) for d in documents] == [
        ("UNITED NATIONS", "Jan 31", "Meridian Wire"),
        ("MINSK", "Feb 16", "Meridian Wire"),
        ("KYIV", "Feb 21", "Meridian Wire"),
    ]
    for document in documents:
        assert "(Meridian Wire)" not in document.text


def test_feed_text_records_keep_their_paragraphs():
    documents = analysed(FEED)
    for document, record in zip(documents, _feed_records(), strict=True):
        if "text" not in record:
            continue
        expected = record["text"].split("\n\n")
        expected[0] = expected[0].split(" (Meridian Wire) - ", 1)[1]
        assert body(document) == expected


def test_feed_html_record_keeps_its_paragraphs_and_link():
    document = analysed(FEED)[1]
    assert len(body(document)) == 4
    assert body(document)[0].startswith("Belarusian Foreign Minister Vladimir Makei said on Wednesday")
    assert [(link.url, link.anchor) for link in document.links] == [
        ("https://meridian-wire.example.net/explainers/vienna-document", "Vienna Document")
    ]


# --- E: clean plain text --------------------------------------------------------------------

WIRE = "example-wire-drills-extended.txt"


def test_wire_byline_and_dateline_are_metadata():
    (document,) = analysed(WIRE)
    assert document.title == "Belarus says joint drills with Russia will continue past Feb. 20"
    assert document.byline == "Anna Leitner"
    assert document.dateline is not None
    assert (document.dateline.place, document.dateline.date_text, document.dateline.agency) == (
        "MINSK",
        "Feb 20",
        "Example Wire",
    )
    assert removed(document, "byline") == ["By Anna Leitner"]
    assert removed(document, "dateline") == [document.dateline.text]
    paragraphs = body(document)
    assert len(paragraphs) == 9  # counted by hand
    assert paragraphs[0].startswith("Belarus said on Sunday that its joint military drills")
    assert "By Anna Leitner" not in document.text and "MINSK, Feb 20" not in document.text


def test_wire_date_without_a_year_is_not_turned_into_a_publication_date():
    # "Feb 20" carries no year, and the file has no other date: unknown, never invented.
    (document,) = analysed(WIRE)
    assert (document.published, document.published_basis) == (None, "unknown")
