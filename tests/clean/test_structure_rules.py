"""clean/structure.py: the title rule, photo captions and their credits, wire datelines."""

from __future__ import annotations

import pytest

from newsint.clean.structure import Candidate, is_caption, is_title, same_text, split_dateline

# --- datelines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "place", "date", "agency", "rest"),
    [
        ("MINSK, Feb 20 (Reuters) - Belarus said on Sunday", "MINSK", "Feb 20", "Reuters", "Belarus said on Sunday"),
        ("KYIV, Ukraine (AP) — Russian forces moved", "KYIV, Ukraine", None, "AP", "Russian forces moved"),
        ("WASHINGTON — The United States warned", "WASHINGTON", None, None, "The United States warned"),
        (
            "NEW YORK, Jan. 31 (Meridian Wire) - The council met",
            "NEW YORK",
            "Jan. 31",
            "Meridian Wire",
            "The council met",
        ),
        ("MOSCOW, 20 February 2022 (TASS) – Troops", "MOSCOW", "20 February 2022", "TASS", "Troops"),
        ("WASHINGTON -- President Obama said", "WASHINGTON", None, None, "President Obama said"),
        ("NEWPORT NEWS, Va. - In a tradition", "NEWPORT NEWS, Va.", None, None, "In a tradition"),
    ],
)
def test_datelines(paragraph, place, date, agency, rest):
    dateline, remainder = split_dateline(paragraph)
    assert dateline is not None
    assert (dateline.place, dateline.date_text, dateline.agency) == (place, date, agency)
    assert remainder == rest
    assert paragraph == f"{dateline.text} {remainder}"


@pytest.mark.parametrize(
    "paragraph",
    [
        "BREAKING — Russia moves troops",
        "EXCLUSIVE - Russia moves troops",
        "US — Russia talks stall",
        "Minsk, Feb 20 - Belarus said",  # place not in capitals
        "The U.S. - Belarus talks",
        "NATO said on Monday that the drills were a threat.",
    ],
)
def test_not_datelines(paragraph):
    assert split_dateline(paragraph) == (None, paragraph)


def test_dateline_with_a_horizontal_bar():
    dateline, rest = split_dateline("WASHINGTON ― Donald Trump said")
    assert dateline is not None and dateline.place == "WASHINGTON" and rest == "Donald Trump said"


# --- the title rule -------------------------------------------------------------------------

SEED_TITLE = "Belarusian territory has simply become a staging area for the Russian army."


def test_title_rule():
    assert is_title(Candidate(SEED_TITLE, 2, 62), has_more=True, wrapped=True)
    # A title needs something after it, fits on three lines, is not a run-on clause or a dateline.
    assert not is_title(Candidate(SEED_TITLE, 2, 62), has_more=False, wrapped=True)
    assert not is_title(Candidate(SEED_TITLE, 4, 30), has_more=True, wrapped=True)
    assert not is_title(Candidate("Talks in Geneva went on late into the night,", 1, 44), has_more=True, wrapped=False)
    assert not is_title(Candidate("MINSK, Feb 20 (Reuters) - Belarus said", 1, 40), has_more=True, wrapped=False)
    long_one = " ".join(["word"] * 31)
    assert not is_title(Candidate(long_one, 1, len(long_one)), has_more=True, wrapped=False)


@pytest.mark.parametrize(
    "title",
    [
        "Mary J. Blige sings to Hillary Clinton in preview clip of ‘The 411.’",  # an initial
        "Obama Power Plant Rules Face Key Test In U.S. Court.",  # an abbreviation
        "Virginian could make history. Again.",  # two short sentences
        "Candidates vie for vets' support;",  # headline; deck
    ],
)
def test_headline_shapes_that_are_titles(title):
    assert is_title(Candidate(title, 1, len(title)), has_more=True, wrapped=False)


def test_a_body_paragraph_of_several_sentences_is_not_a_title():
    text = (
        "Russian units began arriving in the middle of January. Officials in Minsk said the units would "
        "leave once the exercise ended on Feb. 20, and not a day later."
    )
    assert not is_title(Candidate(text, 1, len(text)), has_more=True, wrapped=False)


def test_same_text_ignores_case_spacing_and_punctuation():
    assert same_text(
        "Russia and Belarus launch “Union Resolve 2022” drills", "russia and belarus launch union resolve 2022 drills"
    )
    assert not same_text("Russia and Belarus launch drills", "Russia and Belarus end drills")


# --- captions and photo credits -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Photo: Russian troops arrive in Belarus.",
        "Troops at a range near Brest. REUTERS/Vasily Fedosenko",
        "Military vehicles in Minsk (Photo: BelTA)",
        "Lukashenko at a meeting in Minsk. © AFP",
        "Lukashenko at a meeting in Minsk | AFP",
        "Su-35S fighters over Belarus. Getty Images",
        "Credit: Ministry of Defence of Belarus",
    ],
)
def test_caption_credits(text):
    assert is_caption(Candidate(text, 1, len(text)), wrapped=False, width=0, before_body=False)


@pytest.mark.parametrize(
    "text",
    [
        "The minister spoke to Reuters.",
        "Russia's troops will stay, he told AP.",
        "Lukashenko said so in an interview with the AP.",
        "Photographs of the convoy were shared widely on Telegram, the ministry said.",
    ],
)
def test_sentences_naming_an_agency_are_not_captions(text):
    assert not is_caption(Candidate(text, 1, len(text)), wrapped=False, width=0, before_body=False)


def test_caption_by_layout():
    seed_caption = (
        "Su-30SM fighters of the Russian Air Force and the Air Force of the Republic of Belarus in a joint exercise."
    )
    # A lone line as wide as the body (or wider) before the body starts: a caption.
    assert is_caption(Candidate(seed_caption, 1, 107), wrapped=True, width=95, before_body=True)
    # A short one-line paragraph is a short paragraph, not a caption.
    assert not is_caption(Candidate("A short one-line paragraph.", 1, 27), wrapped=True, width=95, before_body=True)
    # Several lines, or text that is not hard-wrapped, have no layout evidence.
    assert not is_caption(Candidate(seed_caption, 2, 60), wrapped=True, width=95, before_body=True)
    assert not is_caption(Candidate(seed_caption, 1, 107), wrapped=False, width=0, before_body=True)
