"""clean/boilerplate.py: what a stand-alone line is (teaser, links, page furniture, provenance,
byline), and the near misses that are article text and must stay."""

from __future__ import annotations

import pytest

from newsint.clean.boilerplate import URL, classify_line


def kind(line: str) -> str | None:
    found = classify_line(line)
    return None if found is None else found.kind


# --- teasers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "title", "url"),
    [
        (
            "Related article: U.S., Belarus Army Chiefs Speak to Avoid Drill 'Miscalculation' – Pentagon",
            "U.S., Belarus Army Chiefs Speak to Avoid Drill 'Miscalculation' – Pentagon",
            None,
        ),
        ("Read more: Russia moves troops to Belarus", "Russia moves troops to Belarus", None),
        ("See also: The Vienna Document explained", "The Vienna Document explained", None),
        ("RELATED: Russia moves troops to Belarus", "Russia moves troops to Belarus", None),
        ("RELATED - Russia moves troops to Belarus", "Russia moves troops to Belarus", None),
        ("READ MORE: Why the drills matter", "Why the drills matter", None),
        (
            "Related articles: Drills extended https://example.org/drills",
            "Drills extended",
            "https://example.org/drills",
        ),
        ("Read more: https://example.org/story", "", "https://example.org/story"),
        (
            "  Related article:   Russian Stocks, Ruble Claw Back Losses  ",
            "Russian Stocks, Ruble Claw Back Losses",
            None,
        ),
    ],
)
def test_teaser_variants(line, title, url):
    found = classify_line(line)
    assert found is not None and found.kind == "teaser"
    assert (found.title, found.url) == (title, url)


# --- bare links -----------------------------------------------------------------------------


def test_footer_url_block_lines_are_links():
    found = classify_line("https://www.svaboda.org/a/31681892.html")
    assert found.kind == "links" and found.urls == ("https://www.svaboda.org/a/31681892.html",)
    found = classify_line("https://example.org/a  |  https://example.org/b?x=1&y=2")
    assert found.kind == "links" and found.urls == ("https://example.org/a", "https://example.org/b?x=1&y=2")


def test_a_sentence_with_a_url_is_not_a_links_line():
    assert classify_line("The ministry posted the video at https://example.org/video on Monday.") is None


def test_url_pattern_stops_at_trailing_punctuation():
    assert URL.findall("See https://example.org/a, and (https://example.org/b). Or https://example.org/c?q=1.") == [
        "https://example.org/a",
        "https://example.org/b",
        "https://example.org/c?q=1",
    ]


def test_url_pattern_stops_at_a_dash():
    assert URL.findall("pic https://t.co/XPxUJuyIAC— Kristi Noem (@KristiNoem)") == ["https://t.co/XPxUJuyIAC"]


# --- page furniture -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line", ["Page 2 of 5", "page 2 of 5", "PAGE 12", "2 of 5", "2/5", "- 3 -", "— 14 —", "17", "[4]", "p. 3"]
)
def test_page_numbers(line):
    assert kind(line) == "page-furniture"


@pytest.mark.parametrize(
    "line",
    ["Page 2 of the report says the drills will end.", "2 of 5 battalions have left.", "17 killed in shelling",
     "30,000", "Chapter 3"],
)  # fmt: skip
def test_numbers_in_text_are_not_page_furniture(line):
    assert kind(line) != "page-furniture"


# --- provenance -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "publisher"),
    [
        ("This article was first published by the Carnegie Moscow Center.", "Carnegie Moscow Center"),
        ("This article was originally published by The Borderland Monitor.", "The Borderland Monitor"),
        ("Originally published by Reuters on 3 May 2022.", "Reuters"),
        ("Originally published in Foreign Policy.", "Foreign Policy"),
        ("This story first appeared in The Moscow Times.", "The Moscow Times"),
        ("This article first appeared on 38 North.", "38 North"),
        ("A version of this article was first published by Meduza, and is republished with permission.", "Meduza"),
        ("Republished with permission from Eurasianet.", "Eurasianet"),
        ("This commentary was originally published by the website of the Carnegie Endowment.", "Carnegie Endowment"),
        ("This article was first published by Riddle under a Creative Commons licence.", "Riddle"),
    ],
)  # fmt: skip
def test_provenance_variants_name_the_publisher(line, publisher):
    found = classify_line(line)
    assert found is not None and found.kind == "provenance"
    assert found.publisher == publisher


@pytest.mark.parametrize(
    "line",
    [
        "The report was first published by the defence ministry on Monday and then withdrawn without comment.",
        "This article was first published by the ministry.",  # no name: prose, not a credit line
        "NBC News first published the cellphone video Friday afternoon.",
        "Published by the ministry on Monday, the plan was clear.",
    ],
)
def test_sentences_about_publishing_are_not_provenance(line):
    assert kind(line) != "provenance"


# --- bylines --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "names", "detail"),
    [
        ("By Jane Roe", "Jane Roe", None),
        ("By Marta Kowalczyk | February 4, 2022", "Marta Kowalczyk", "February 4, 2022"),
        ("By JANE ROE | Moscow", "JANE ROE", "Moscow"),
        ("By Karin Vossberg | Analysis", "Karin Vossberg", "Analysis"),
        ("By Jane Roe and John Doe", "Jane Roe and John Doe", None),
        ("by Anna Leitner", "Anna Leitner", None),
    ],
)
def test_bylines(line, names, detail):
    found = classify_line(line)
    assert found is not None and found.kind == "byline"
    assert (found.names, found.detail) == (names, detail)


def test_byline_with_two_names_and_an_agency():
    found = classify_line("By Jane Roe and John Doe, Reuters")
    assert (found.names, found.detail) == ("Jane Roe and John Doe", "Reuters")


@pytest.mark.parametrize(
    "line",
    [
        "By Monday, the troops had left.",
        "By contrast, Minsk said nothing.",
        "By the end of the week it was over.",
        "By 2025 the army will double in size.",
        "by far the largest exercise since the Cold War",
        "By now it should be obvious that voters want to know.",
        "By the fall of 2010, Tea Party super PACs had seized on cap-and-trade.",
    ],
)
def test_sentences_starting_with_by_are_not_bylines(line):
    assert kind(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "He told readers to read more: it was the only way to understand the drills.",
        "Analysts urged officials to read more about the Vienna Document before the talks.",
        "Many readers asked: see also the earlier report?",
        "Related to this, the ministry said nothing.",
    ],
)
def test_read_more_mid_line_is_not_a_teaser(line):
    assert kind(line) is None


# --- the rules inside a document (line context matters) -------------------------------------


def _clean(text: str):
    from newsint.clean import clean
    from newsint.readers.raw import RawDocument

    return clean(RawDocument(source="t.txt", reader="text", text=text))


WRAPPED = """Belarus says joint drills with Russia will continue

Russian units began arriving in Belarus in the middle of January and kept coming, the
defence ministry said, and the build-up went on for weeks. Officials in Minsk said the
units would leave once the exercise ended on Feb. 20, and not a day later than that.
By Monday, the troops had left the ranges near Brest for camps further from the border
with Ukraine, according to satellite images reviewed by independent analysts this week.

Analysts said the move changed little. They urged readers of the official statements to
read more: than the headlines, they said, the small print of the ministry's notices told
the story of a deployment that was not ending but was becoming permanent over the winter.
"""


def test_near_misses_inside_wrapped_paragraphs_stay_text():
    document = _clean(WRAPPED)
    body = document.paragraphs_of("body")
    assert len(body) == 2
    assert "By Monday, the troops had left the ranges near Brest" in body[0]
    assert "to read more: than the headlines" in body[1]
    assert document.byline is None and document.related_articles == [] and document.removed == []


def test_lone_page_number_between_paragraphs_is_removed_and_recorded():
    text = WRAPPED.replace("\n\nAnalysts said", "\n\n17\n\nAnalysts said")
    document = _clean(text)
    assert ("page-furniture", "17") in [(r.kind, r.text) for r in document.removed]
    assert len(document.paragraphs_of("body")) == 2
    assert "17" not in document.text.split()


@pytest.mark.parametrize(
    "line",
    [
        "By Western estimates, about 30,000 Russian troops were in Belarus by",
        "By Alexander Lukashenko’s own account, the drills were his idea and",
    ],
)
def test_wrapped_sentence_lines_starting_with_by_are_not_bylines(line):
    assert kind(line) is None


def test_a_by_sentence_inside_a_wrapped_paragraph_is_kept():
    text = WRAPPED.replace(
        "By Monday, the troops had left the ranges near Brest for camps further from the border\n"
        "with Ukraine, according to satellite images reviewed by independent analysts this week.",
        "By Western estimates, about 30,000 Russian troops were in Belarus by the middle of\n"
        "February, far more than Minsk has acknowledged in any of its statements since then.",
    )
    document = _clean(text)
    assert document.byline is None
    body = document.paragraphs_of("body")
    assert len(body) == 2
    assert "By Western estimates, about 30,000 Russian troops were in Belarus by the middle of February" in body[0]
