"""Ranges: two numbers read as one quantity ("between 5,000 and 9,000", "5,000-9,000",
"US $89 to $93 billion", "three or four years"), not a change and a level ("rose 0.68 per cent
to 3,005.47"), two years or a score ("2-1")."""

from __future__ import annotations

import re

from newsint.extract.quantities.mention import Mention

_RANGE_SEP = re.compile(r"^(?:\s?[–—]\s?|-|\s(?:to|through)\s|\sto-|\s?[–—]?\sto\s)$")


def merge_ranges(text: str, mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        if i + 1 < len(mentions):
            r = _range(text, m, mentions[i + 1])
            if r is not None:
                out.append(r)
                i += 2
                continue
        out.append(m)
        i += 1
    return out


def _range(text: str, a: Mention, b: Mention) -> Mention | None:
    if a.vague or b.vague or a.value is None or b.value is None:
        return None
    if b.reason is not None or a.reason not in (None, "year"):
        return None  # "between 1600 and 1900": two years
    if a.reason == "year" and not (b.plain and a.value < b.value):
        return None  # "from 1000 to 2000 hires" is a range; "in 2018 to 3.9 million" is not
    between = text[a.unit_end : b.start]
    lead = text[max(0, a.start - 9) : a.start].lower()
    unit = _common_unit(a.unit, b.unit)
    if unit is False:
        return None
    is_range = False
    if _RANGE_SEP.match(between):
        if a.unit is not None and b.unit is None:
            return None  # "rose 0.68 per cent to 3,005.47": a change, then a level
        if between.strip() == "to" and a.unit is not None and re.search(r"\bby\s+$", lead):
            return None  # "increased by $43.6 billion to $419.2 billion": a change, then a level
        if between == "-" and a.plain and b.plain and a.value >= b.value and b.value <= 20:
            a.reason = b.reason = "score"  # "2-1"
            return None
        is_range = True
    else:
        between_and = between.strip() == "and" and re.search(r"\bbetween\s+$", lead)
        words_or = between.strip() == "or" and a.words and b.words and a.value < b.value  # "three or four years"
        is_range = bool(between_and or words_or)
    if not is_range:
        return None
    low_value = a.value
    if a.scaled == 1.0 and b.scaled > 1.0 and a.raw is not None and b.raw is not None and a.raw < b.raw:
        low_value = a.value * b.scaled  # "US $89 to $93 billion"
    r = Mention(a.start, b.end, None, vague=False, words=a.words and b.words, text=a.text)
    r.low, r.high = min(low_value, b.value), max(low_value, b.value)
    r.is_range = True
    r.unit = unit  # type: ignore[assignment]
    r.unit_end = max(b.unit_end, b.end)
    r.head, r.of = b.head, b.of
    if re.search(r"\bbetween\s+$", lead):
        r.start = a.start - len(re.search(r"between\s+$", lead).group(0))  # type: ignore[union-attr]
    return r


def _common_unit(a: str | None, b: str | None) -> str | bool | None:
    """The unit two range ends share (False when they differ): "$89 to $93" dollar."""
    if a is None or b is None or a == b:
        return b if b is not None else a
    if b.startswith(a + " per "):
        return b  # "$500,000 to $1 million a year"
    dollars = {"dollar", "USD", "HKD", "AUD", "NZD", "SGD", "CAD"}
    if a in dollars and b in dollars:
        return b if a == "dollar" else a
    return False
