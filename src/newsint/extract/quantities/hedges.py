"""Hedges: the words around a number that say how exact it is ("about", "nearly", "more than",
"up to", "or so", "N+"), and the bounds they give (``low``/``high``, ``approximate``)."""

from __future__ import annotations

import re

from newsint.extract.quantities.mention import Mention

APPROX_TOLERANCE = 0.10
# Hedges before a number: kind -> phrases. Longest first in the compiled pattern.
HEDGES = {
    "approx": ("about", "around", "approximately", "approx.", "roughly", "some", "circa", "c.",
               "an estimated", "estimated", "close to", "~", "≈", "or so"),
    "nearly": ("nearly", "almost", "just under", "just shy of"),
    "lower": ("more than", "over", "at least", "upwards of", "in excess of", "greater than", "above",
              "exceeding", "just over", "well over", "no fewer than", "no less than", "not less than", ">"),
    "upper": ("fewer than", "less than", "under", "below", "up to", "as many as", "as much as",
              "as high as", "at most", "no more than", "not more than", "a maximum of", "<"),
}  # fmt: skip
_HEDGE_KIND = {phrase: kind for kind, phrases in HEDGES.items() for phrase in phrases}
_HEDGE_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?P<h>"
    + "|".join(re.escape(p) for p in sorted(_HEDGE_KIND, key=len, reverse=True) if p[0].isalpha())
    + r")\s+|(?P<s>[~≈<>])\s?)$",
    re.I,
)
_HEDGE_AFTER = re.compile(r"(?:\+|-plus\b|\s(?P<w>or so|or more|or fewer|or less)\b)", re.I)
_AFTER_KIND = {"or so": "approx", "or more": "lower", "+": "lower", "-plus": "lower", "or fewer": "upper",
               "or less": "upper"}  # fmt: skip


def apply_hedges(text: str, m: Mention) -> None:
    m.span_start = m.start
    m.span_end = max(m.span_end, m.unit_end, m.end)
    kind = None
    before = _HEDGE_BEFORE.search(text, max(0, m.start - 24), m.start)
    if before:
        phrase = (before.group("h") or before.group("s")).lower()
        kind = _HEDGE_KIND.get(phrase)
        if kind == "approx" and phrase == "some" and m.vague:
            kind = None
        if kind:
            m.span_start = before.start()
    after = _HEDGE_AFTER.match(text, m.span_end)
    if after and kind is None:
        kind = _AFTER_KIND[(after.group("w") or after.group(0)).lower()]
        m.span_end = after.end()
    if m.vague or m.is_range:
        if kind in ("approx", "nearly"):
            m.approximate = True
        elif kind == "lower":
            m.high = None
        elif kind == "upper":
            m.low = None
        return
    v = m.value
    assert v is not None
    m.low = m.high = v
    if kind == "approx":
        m.approximate = True
        m.low, m.high = sorted((v * (1 - APPROX_TOLERANCE), v * (1 + APPROX_TOLERANCE)))
    elif kind == "nearly":
        m.approximate = True
        m.low, m.high = sorted((v * (1 - APPROX_TOLERANCE), v))
    elif kind == "lower":
        m.high = None
    elif kind == "upper":
        m.low = None
