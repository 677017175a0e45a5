"""nlp/sections.py: where a long text is cut, and that the sections are the text."""

from __future__ import annotations

import itertools

import pytest

from newsint.nlp.sections import SECTION_CHARS, section_bounds

LIMIT = 1_000


def sections(text: str, limit: int = LIMIT) -> list[str]:
    return [text[start:end] for start, end in section_bounds(text, limit)]


def assert_tiles(text: str, bounds: list[tuple[int, int]], limit: int) -> None:
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(end == next_start for (_, end), (next_start, _) in itertools.pairwise(bounds))
    assert all(0 < end - start <= limit for start, end in bounds)


def test_a_text_up_to_the_bound_is_one_section() -> None:
    assert section_bounds("a" * SECTION_CHARS) == [(0, SECTION_CHARS)]
    assert section_bounds("") == [(0, 0)]


def test_paragraph_breaks_win_over_sentence_ends() -> None:
    paragraph = "Troops massed near the border. " * 10 + "\n\n"  # 312 characters, sentences inside
    text = paragraph * 20
    bounds = section_bounds(text, LIMIT)
    assert_tiles(text, bounds, LIMIT)
    assert len(bounds) > 1
    # Every cut falls after a blank line, with the next paragraph whole in the next section.
    assert all(part.endswith("\n\n") for part in sections(text)[:-1])


def test_sentence_ends_then_whitespace_then_a_hard_cut() -> None:
    one_paragraph = "Shelling resumed on Monday. " * 100  # no line breaks at all
    assert all(part.endswith(". ") for part in sections(one_paragraph)[:-1])
    words = "shelling resumed " * 200  # no sentence ends either
    assert all(part.endswith(" ") for part in sections(words)[:-1])
    blob = "QUJD" * 1_000  # one 4,000-character word: cut where the bound falls
    assert sections(blob) == [blob[:1000], blob[1000:2000], blob[2000:3000], blob[3000:]]


def test_a_break_early_in_the_stretch_is_passed_over_for_a_later_one() -> None:
    # A paragraph break at 100 would make a tiny section; the sentence ends near the bound are used.
    text = "Short.\n\n".rjust(100) + "It went on. " * 300
    first = sections(text)[0]
    assert len(first) > LIMIT // 2 and first.endswith(". ")


@pytest.mark.parametrize("limit", [7, 64, 1_000])
def test_any_text_is_tiled_whatever_the_bound(limit: int) -> None:
    text = "Kyiv, 24 Feb.\n\nMissiles struck  the city at dawn;\tsirens\n sounded. " * 40 + "x" * 3_000 + "\n\n\n"
    bounds = section_bounds(text, limit)
    assert_tiles(text, bounds, limit)
    assert "".join(text[start:end] for start, end in bounds) == text
