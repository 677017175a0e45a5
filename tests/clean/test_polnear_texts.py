"""Cleaning generality on PolNeAR news texts (title line, then paragraphs; no hard wraps).

Shape, checked by hand on the 84 dev files: the first line is the headline; after it PolNeAR
stores one paragraph per line. Most files put a blank line between paragraphs, some HuffPost
files put several one-line paragraphs in one blank-line block (each line 100-900 characters,
ending a sentence: paragraphs, not wraps). So the expected body paragraph count is the number
of non-blank lines minus the title, adjusted only where a reading of the file says otherwise
(ADJUSTMENTS below, each with its reason). Nothing here is specific to the cleaner: the
expected values come from the files alone.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
POLNEAR = SHARED / "data" / "attribution" / "polnear" / "dev" / "text"
FILES = sorted(p.name for p in POLNEAR.glob("*.txt")) if POLNEAR.is_dir() else []

# name -> (allowed differences from "non-blank lines minus the title", why)
EDITORS_NOTE = (
    {-5},
    "the closing editor's note is ONE paragraph that the source hard-wrapped over six short lines "
    "at its links ('Editor's note: Donald Trump regularly' / 'incites' / ...)",
)
DECK = ({-1}, "headline block 'Headline; ' + deck line: the deck is a standfirst, not body")
ADJUSTMENTS: dict[str, tuple[set[int], str]] = {
    "huff-post_2016-09-22_trump-the-dealmaker-could-addres.txt": EDITORS_NOTE,
    "huff-post_2016-09-27_latinos-share-their-most-honest-.txt": EDITORS_NOTE,
    "wash-post_2016-09-18_e-u-leaders-weigh-plans-for-grea.txt": (
        {-1},
        "the last line 'Source: NATO.' is the source credit of a chart ('Highest share of defense "
        "spending in NATO.'), not article text: set aside",
    ),
    "breitbart_2016-09-12_stealth-over-health-hillary-clin.txt": (
        {0, -1},
        "the last line 'Read the rest here.' is a link-out line without a title: body or set aside",
    ),
    "usa-today_2016-09-08_candidates-vie-for-vets-support-.txt": DECK,
    "usa-today_2016-09-08_lawmaker-urges-retaliation-on-ru.txt": DECK,
    "usa-today_2016-09-22_derelict-obama-and-clinton-trump.txt": DECK,
    "usa-today_2016-09-22_super-pac-haul-surges-past-b-sma.txt": DECK,
    "usa-today_2016-09-23_ready-for-trump-vs-clinton-his-p.txt": DECK,
    "usa-today_2016-09-23_trump-questions-the-fairness-of-.txt": DECK,
    "usa-today_2016-10-03_my-father-would-have-loved-trump.txt": DECK,
}

# Files where the cleaner is wrong today, with the rule at fault (strict: a fix must update this).
KNOWN_COUNT_BUGS = {
    name: "structure/_kinds: a deck line under a 'Headline;' title is classified body, not standfirst"
    for name, adjustment in ADJUSTMENTS.items()
    if adjustment is DECK
}
KNOWN_PUBLISHER_BUGS = {
    "wash-post_2016-09-18_e-u-leaders-weigh-plans-for-grea.txt": (
        "boilerplate._PROVENANCE 'source: X' pattern: a chart's 'Source: NATO.' line makes NATO the "
        "article's original_publisher (a Washington Post article)"
    ),
}


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").translate(_INVISIBLE).split())


@cache
def cleaned(name: str):
    from newsint.clean import clean
    from newsint.readers import read_path
    from newsint.settings import Settings

    (raw,) = list(read_path(POLNEAR / name, Settings()))
    return clean(raw)


def _lines(name: str) -> list[str]:
    return [line for line in (POLNEAR / name).read_text("utf-8").splitlines() if line.strip()]


def _params(known: dict[str, str]) -> list:
    return [
        pytest.param(name, marks=pytest.mark.xfail(reason=known[name], strict=True)) if name in known else name
        for name in FILES
    ]


pytestmark = pytest.mark.skipif(not FILES, reason=f"PolNeAR dev texts not found under {POLNEAR.resolve()}")


def test_the_dev_split_is_all_here():
    assert len(FILES) == 84
    assert set(ADJUSTMENTS) <= set(FILES)


@pytest.mark.parametrize("name", FILES)
def test_title_is_the_first_line(name):
    document = cleaned(name)
    assert norm(document.title) == norm(_lines(name)[0])
    assert document.paragraphs[0].kind == "title"


@pytest.mark.parametrize("name", _params(KNOWN_COUNT_BUGS))
def test_body_paragraphs_are_the_files_paragraphs(name):
    document = cleaned(name)
    lines = _lines(name)
    allowed, _why = ADJUSTMENTS.get(name, ({0}, ""))
    expected = {len(lines) - 1 + delta for delta in allowed}
    body = document.paragraphs_of("body")
    assert len(body) in expected
    # Every body paragraph is text of the file (two files carry mojibake such as "FranÃ\x83Â§ois",
    # repaired here with ftfy as a reader would), and none of them is the headline again.
    import ftfy

    source = norm(ftfy.fix_text((POLNEAR / name).read_text("utf-8"), uncurl_quotes=False))
    for paragraph in body:
        assert norm(paragraph) in source
        assert norm(paragraph) != norm(lines[0])


# Wire datelines at the start of the first paragraph, found by reading every file's second line.
DATELINES = {
    "breitbart_2016-09-26_green-party-candidate-jill-stein.txt": "HEMPSTEAD, N.Y., Sept. 26 (UPI) —",
    "breitbart_2016-09-28_mary-j-blige-sings-to-hillary-cl.txt": "LOS ANGELES, Sept. 28 (UPI) —",
    "breitbart_2016-09-30_the-latest-trump-urges-supporter.txt": "WASHINGTON (AP) —",
    "breitbart_2016-10-03_the-latest-trump-s-leaked-taxes-.txt": "WASHINGTON (AP) —",
    "breitbart_2016-10-04_bill-clinton-calls-obamacare-cra.txt": "FLINT, Mich., Oct. 4 (UPI) —",
    "huff-post_2016-09-16_black-lawmakers-rip-donald-trump.txt": "WASHINGTON ―",
    "huff-post_2016-09-27_hillary-clinton-goes-after-donal.txt": "HEMPSTEAD, N.Y. ―",
    "nyt_2016-09-25_obama-says-african-american-muse.txt": "WASHINGTON --",
    "wash-post_2016-09-08_virginian-could-make-history-aga.txt": "NEWPORT NEWS, Va. -",
}
KNOWN_DATELINE_BUGS = {
    name: "structure._DATELINE: the dash class [-–—] lacks U+2015 HORIZONTAL BAR, HuffPost's dateline dash"
    for name, dateline in DATELINES.items()
    if "―" in dateline
}


@pytest.mark.parametrize("name", _params(KNOWN_DATELINE_BUGS))
def test_first_body_paragraph_and_its_dateline(name):
    document = cleaned(name)
    lines = _lines(name)
    first = lines[2] if ADJUSTMENTS.get(name) is DECK and name not in KNOWN_COUNT_BUGS else lines[1]
    body = document.paragraphs_of("body")
    if name in DATELINES:
        assert document.dateline is not None
        assert norm(document.dateline.text) == norm(DATELINES[name])
        assert norm(first) == norm(DATELINES[name] + " " + body[0])
    else:
        assert document.dateline is None
        assert norm(body[0]) == norm(first)


@pytest.mark.parametrize("name", FILES)
def test_last_body_paragraph(name):
    body = cleaned(name).paragraphs_of("body")
    lines = _lines(name)
    if name.startswith("wash-post_2016-09-18_e-u-leaders"):
        expected = {norm(lines[-2])}  # the chart credit after it is set aside
    elif name.startswith("breitbart_2016-09-12_stealth"):
        expected = {norm(lines[-1]), norm(lines[-2])}  # "Read the rest here." either way
    elif ADJUSTMENTS.get(name) is EDITORS_NOTE:
        expected = {norm(" ".join(lines[-6:]))}  # the hard-wrapped note, rejoined
    else:
        expected = {norm(lines[-1])}
    assert norm(body[-1]) in expected


@pytest.mark.parametrize("name", _params(KNOWN_PUBLISHER_BUGS))
def test_no_provenance_or_byline_is_invented(name):
    # No PolNeAR dev text has a provenance line or a byline line (checked by hand: the "By ..."
    # lines are sentences: "By the fall of 2010, ...", "By contrast, Trump has ...").
    document = cleaned(name)
    assert document.original_publisher is None
    assert document.byline is None


@pytest.mark.parametrize("name", FILES)
def test_no_paragraph_keeps_a_line_break(name):
    document = cleaned(name)
    assert "\n\n".join(document.paragraph_text(p) for p in document.paragraphs) == document.text
    for paragraph in document.paragraphs:
        assert "\n" not in document.paragraph_text(paragraph)
