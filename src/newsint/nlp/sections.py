"""Where to cut a long text into sections that spaCy parses one at a time.

spaCy refuses a text over ``nlp.max_length`` (E088, 1,000,000 characters), and the parser's
working memory grows with the length of what it parses at once (measured with en_core_web_sm:
about 3.6 KB per character, 3.4 GB peak for one text of 1,000,000). A text longer than
``SECTION_CHARS`` is therefore cut into sections no longer than that, at the most natural break
the second half of each stretch offers: a blank line (paragraph), else a sentence end or a line
end, else any whitespace, and only as a last resort anywhere (one 5 MB word). A cut always falls
after the whitespace run of its break, so both sides tokenize as the whole text does there.

The sections tile the text: joined in order they are the text, character for character.
"""

from __future__ import annotations

import re

# Ordinary articles (the longest text in the evaluation data, shared/data, is 58,265 characters)
# are parsed whole, as before; a longer text costs at most one section's working memory (~360 MB).
SECTION_CHARS = 100_000

# Breaks in order of preference; each match ends after the whitespace that follows the break.
_BREAKS = (
    re.compile(r"\n[^\S\n]*\n\s*"),  # a blank line: a paragraph ends
    re.compile(r"[.!?][\"'”’)\]]*\s+|\n\s*"),  # a sentence or a line ends
    re.compile(r"\s+"),  # between two words
)


def section_bounds(text: str, limit: int = SECTION_CHARS) -> list[tuple[int, int]]:
    """(start, end) of each section of ``text``, in order, each at most ``limit`` characters; one
    section, the whole text, when it is no longer than that."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def _cut(text: str, start: int, stop: int) -> int:
    """The end of the section that begins at ``start``: after the last break of the most preferred
    kind found between the middle of the stretch and ``stop`` (never a tiny section)."""
    middle = start + (stop - start) // 2
    for pattern in _BREAKS:
        last = None
        for last in pattern.finditer(text, middle, stop):  # noqa: B007 - only the last one is wanted
            pass
        if last is not None:
            return last.end()
    return stop
