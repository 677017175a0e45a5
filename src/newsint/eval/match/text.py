"""Text as the rules compare it: normalised, case-folded, found on word boundaries; and the
sentences of a text (for "the sentence it was expected in" and events_hypothetical).

The sentence splitter is a simple one: never across a line break; after . ! ? … (and closing
quotes) when the next word is capitalised, except after a known abbreviation or initials (U.S.,
Feb.).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence

_CHAR_MAP = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`´", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−﹘﹣－", "-"),
    }
)


def _normalise_mapped(text: str, *, fold: bool) -> tuple[str, list[int]]:
    """The normalised text and, for each of its characters, the index it came from in ``text``."""
    chars: list[str] = []
    origin: list[int] = []
    space_at: int | None = None
    for index, char in enumerate(text):
        if char.isspace():
            if chars and space_at is None:
                space_at = index
            continue
        if unicodedata.category(char) == "Cf":  # soft hyphen, zero-width space/joiner, BOM
            continue
        piece = unicodedata.normalize("NFKC", char).translate(_CHAR_MAP)
        if fold:
            piece = piece.casefold()
        if space_at is not None:
            chars.append(" ")
            origin.append(space_at)
            space_at = None
        for part in piece:
            chars.append(part)
            origin.append(index)
    return "".join(chars), origin


def normalise(text: str, *, fold: bool = False) -> str:
    """NFKC, straight quotes, ``-`` for every dash, one space for any whitespace; optionally case-folded."""
    return _normalise_mapped(text, fold=fold)[0]


def name_key(text: str) -> str:
    """How names compare: case-folded; full stops and apostrophes dropped; other punctuation a space."""
    folded = re.sub(r"[.'\"]", "", normalise(text, fold=True))
    return " ".join(re.sub(r"[^\w\s]|_", " ", folded).split())


def _occurrences(haystack: str, needle: str) -> list[int]:
    """Start indexes of ``needle`` in ``haystack`` (both normalised) on word boundaries."""
    found: list[int] = []
    if not needle:
        return found
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        left_ok = not (needle[0].isalnum() and start > 0 and haystack[start - 1].isalnum())
        right_ok = not (needle[-1].isalnum() and end < len(haystack) and haystack[end].isalnum())
        if left_ok and right_ok:
            found.append(start)
        start = haystack.find(needle, start + 1)
    return found


def contains(haystack: str | None, needle: str) -> bool:
    """``needle`` in ``haystack``: normalised, case-folded, starting and ending on word boundaries."""
    if not haystack:
        return False
    return bool(_occurrences(normalise(haystack, fold=True), normalise(needle, fold=True)))


def find_spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Where ``needle`` occurs in ``text`` (as ``contains`` sees it), as offsets into ``text``."""
    haystack, origin = _normalise_mapped(text, fold=True)
    key = normalise(needle, fold=True)
    return [(origin[i], origin[i + len(key) - 1] + 1) for i in _occurrences(haystack, key)]


_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*\s+")
_ABBREVIATIONS = frozenset(
    ("mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr", "sen", "rep",
     "gov", "pres", "st", "jr", "sr", "no", "vs", "inc", "corp", "ltd", "co", "jan", "feb", "mar", "apr",
     "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
)  # fmt: skip


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for boundary in _BOUNDARY.finditer(text, line.start(), line.end()):
            if _is_sentence_end(text, start, boundary):
                spans.append((start, boundary.end()))
                start = boundary.end()
        spans.append((start, line.end()))
    return [_strip(text, s, e) for s, e in spans if text[s:e].strip()]


def _is_sentence_end(text: str, start: int, boundary: re.Match[str]) -> bool:
    following = text[boundary.end() : boundary.end() + 3].lstrip("\"'“‘([")
    if not following or not following[0].isupper():
        return False
    if not boundary.group().startswith("."):
        return True
    word = text[start : boundary.start()].rsplit(None, 1)[-1] if text[start : boundary.start()].strip() else ""
    bare = word.strip("\"'“‘(").lower()
    return bare not in _ABBREVIATIONS and not re.fullmatch(r"(?:[a-z]\.)*[a-z]", bare)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class Sentences:
    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = sentence_spans(text)
        self.ends = [e for _, e in self.spans]
        self._folded, self._origin = _normalise_mapped(text, fold=True)  # once, not once per key

    def find(self, needle: str) -> list[tuple[int, int]]:
        """Like ``find_spans(self.text, needle)``."""
        key = normalise(needle, fold=True)
        return [(self._origin[i], self._origin[i + len(key) - 1] + 1) for i in _occurrences(self._folded, key)]

    def around(self, start: int, end: int) -> tuple[int, int] | None:
        """The sentence (or run of sentences) covering text[start:end]; None for bad offsets."""
        if not self.spans or start < 0 or start >= len(self.text) or end < start:
            return None
        first = min(bisect.bisect_right(self.ends, start), len(self.spans) - 1)
        last = min(bisect.bisect_left(self.ends, max(end, start + 1)), len(self.spans) - 1)
        return self.spans[first][0], self.spans[max(first, last)][1]

    def text_around(self, start: int, end: int) -> str | None:
        span = self.around(start, end)
        return self.text[span[0] : span[1]] if span else None

    def of(self, keys: Sequence[str]) -> str | None:
        """The sentence holding the first of ``keys`` found in the text; None if none is."""
        for key in keys:
            spans = self.find(key)
            if spans:
                return self.text_around(*spans[0])
        return None


def find_sentence(text: str, key: str) -> str | None:
    """The sentence of ``text`` that contains ``key`` (first occurrence), or None."""
    return Sentences(text).of([key])
