"""The small rules: cue head words and stems, quantities within ±1%, overlapping bands, dates
within the gold precision, codes and values compared as names."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from newsint.eval.match.text import name_key, normalise
from newsint.extract.quantity_compare import unit_key

# FORMAT.md: "a gold quantity must match one attached quantity by value (±1%)".
QUANTITY_TOLERANCE = 0.01
# Days 1..MONTH_HALF are the first half of a month for a `month-part` date (FORMAT.md/brief).
MONTH_HALF = 15
# A `week` date: within six days either side of its value (FORMAT.md's "last week" example).
WEEK_SLACK_DAYS = 6
# From finest to coarsest; an output precision ranked above the gold one cannot match it.
PRECISION_RANK = {"day": 0, "week": 1, "month-part": 2, "month": 3, "quarter": 4, "season": 4, "year": 5}
_FUNCTION_WORDS = frozenset(
    ("a", "an", "the", "that", "this", "these", "those", "it", "its", "to", "of", "about", "on", "in", "at",
     "for", "with", "by", "from", "into", "onto", "over", "as", "and", "or", "but", "has", "have", "had",
     "having", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "will", "would",
     "shall", "should", "can", "could", "may", "might", "must", "also", "he", "she", "they", "we", "i", "you",
     "his", "her", "their", "him", "them")
)  # fmt: skip
_IRREGULAR = {
    "said": "say", "spoke": "speak", "spoken": "speak", "told": "tell", "wrote": "write",
    "written": "write", "thought": "think", "felt": "feel", "knew": "know", "known": "know",
    "saw": "see", "seen": "see", "held": "hold", "made": "make", "gave": "give", "given": "give",
}  # fmt: skip
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))
_MIN_STEM = 3


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", normalise(text, fold=True).replace("'", ""))


def stem(word: str) -> str:
    word = _IRREGULAR.get(word, word)
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            if suffix == "s" and word.endswith("ss"):
                break
            word = word[: -len(suffix)] + replacement
            break
    if word.endswith("e") and len(word) > _MIN_STEM:
        word = word[:-1]
    return word


def head_words(cue: str) -> list[str]:
    """The words of a gold cue that the output cue must have: all but function words."""
    words = _words(cue)
    return [w for w in words if w not in _FUNCTION_WORDS] or words


def cue_matches(gold_cue: str, output_cue: str | None) -> bool:
    if not output_cue:
        return False
    have = {stem(w) for w in _words(output_cue)}
    return all(stem(w) in have for w in head_words(gold_cue))


def quantity_matches(gold: Mapping[str, Any], value: float | None, unit: str | None) -> bool:
    """Value within ±1% of the gold value; unit (if the gold gives one) the same counted unit, by the
    rule the extractor and the corpus use (``quantity_compare.unit_key``: head noun, singular or plural)."""
    if value is None:
        return False
    target = float(gold["value"])
    if abs(value - target) > QUANTITY_TOLERANCE * abs(target):
        return False
    return "unit" not in gold or (unit is not None and unit_key(unit) == unit_key(gold["unit"]))


def bands_overlap(gold: Sequence[float], output: Sequence[float] | None) -> bool:
    if not output or len(output) != 2:
        return False
    gold_low, gold_high = gold
    low, high = sorted(output)
    if gold_low == gold_high or low == high:  # a point band: inside the other band, ends included
        return low <= gold_high and gold_low <= high
    return low < gold_high and gold_low < high


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$")


def _date_parts(value: str) -> tuple[int, int | None, int | None] | None:
    match = _DATE.match(value.strip())
    if match is None:
        return None
    year, month, day = match.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def date_matches(gold: Mapping[str, str], output: str | None, output_precision: str | None = None) -> bool:
    """``output`` (ISO, possibly partial) falls within gold ``{value, precision}``."""
    if not output:
        return False
    precision = gold["precision"]
    if PRECISION_RANK.get(output_precision or "", -1) > PRECISION_RANK[precision]:
        return False
    want, got = _date_parts(gold["value"]), _date_parts(output)
    if want is None or got is None:
        return False
    if precision == "week":
        if got[1] is None or got[2] is None or want[1] is None or want[2] is None:
            return False
        try:
            gap = abs((dt.date(got[0], got[1], got[2]) - dt.date(want[0], want[1], want[2])).days)
        except ValueError:
            return False
        return gap <= WEEK_SLACK_DAYS
    if got[0] != want[0]:
        return False
    if precision == "year":
        return True
    if got[1] is None or got[1] != want[1]:
        return False
    if precision == "month":
        return True
    if got[2] is None or want[2] is None:
        return False
    if precision == "month-part":
        return (got[2] <= MONTH_HALF) == (want[2] <= MONTH_HALF)
    return got[2] == want[2]


def same_code(output: str | None, gold: str) -> bool:
    return output is not None and " ".join(output.upper().split()) == " ".join(gold.upper().split())


def same_value(output: Any, gold: str) -> bool:
    return output is not None and name_key(str(output)) == name_key(gold)
