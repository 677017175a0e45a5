"""Line-end hyphens: a word broken by the typesetter ("deploy-/ment") or a real hyphen ("self-/destructive")?"""

from __future__ import annotations

import gzip
import re
from functools import cache
from importlib import resources

_WORD_TAIL = re.compile(r"([A-Za-z]+)-$")
_WORD_HEAD = re.compile(r"^([A-Za-z]+)")
# Inflections to strip before a dictionary look-up (the word list holds base forms).
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""),
             ("ing", "e"), ("ly", ""), ("er", ""), ("ers", ""), ("est", ""), ("'s", ""))  # fmt: skip


@cache
def _words() -> frozenset[str]:
    path = resources.files("newsint.clean").joinpath("data/english_words.txt.gz")
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip() and not line.startswith("#"))


def is_word(token: str) -> bool:
    word = token.lower()
    words = _words()
    if word in words:
        return True
    return any(
        word.endswith(s) and word[: len(word) - len(s)] + r in words for s, r in _SUFFIXES if len(word) > len(s) + 2
    )


def join_hyphenated(left_line: str, right_line: str, document_text: str) -> str | None:
    """The joint of a line ending in "word-" with the next line: "" (drop the hyphen), "-" (keep it).

    None when the left line does not end in a word-hyphen. The evidence, strongest first: a
    capital or digit after the break (Russian-Belarusian, F-16) keeps it; the document's own
    spelling elsewhere decides; then the dictionary (joined form a word, halves not both words).
    """
    tail = _WORD_TAIL.search(left_line)
    head = _WORD_HEAD.match(right_line)
    if tail is None or head is None:
        return None if tail is None else "-"
    left, right = tail.group(1), head.group(1)
    if right[0].isupper() or (left.isupper() and len(left) > 1):
        return "-"
    lowered = document_text.lower()
    joined, hyphenated = (left + right).lower(), f"{left}-{right}".lower()
    if re.search(rf"\b{re.escape(hyphenated)}\b", lowered):
        return "-"
    if re.search(rf"\b{re.escape(joined)}\b", lowered):
        return ""
    if is_word(joined):
        return ""
    if is_word(left) and is_word(right):
        return "-"
    return ""
