"""Contradictions: claims from different sources that give incompatible figures for one quantity.

A function over claims and quantities, not part of any extractor, so that the corpus stage can
run the same test across articles. Two figures are about the same quantity when they count the
same unit — compared by its head noun, so "combat troops" and "troops" count the same thing — and,
where both say what they count, the same thing (the head of ``of`` agrees: "Russian troops in
Belarus" and "troops"). They are incompatible when their intervals do not overlap: each
figure's interval is its stated bounds ("more than 30,000" -> [30,000, ∞)), or its value widened
by the approximation it states ("about 30,000" -> ±APPROXIMATE_TOLERANCE), or the value itself.

Within one article place and time are not compared: a figure for another year or region with the
same unit and subject would be flagged too; the reason says what was compared so a reader can
judge. Across articles, ``newsint.corpus.figures`` adds the place and time tests on top of these
functions (``same_quantity``, ``interval``, ``agree``, ``same_source``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import combinations

from newsint.model import Claim, Contradiction, Quantity

# "about 30,000" covers 27,000–33,000: the usual reading of a rounded figure in reporting.
APPROXIMATE_TOLERANCE = 0.10


def find_contradictions(claims: Iterable[Claim], quantities: Iterable[Quantity]) -> list[Contradiction]:
    by_id = {q.id: q for q in quantities}
    figures = [(claim, by_id[qid]) for claim in claims for qid in claim.quantities if qid in by_id]
    found: list[Contradiction] = []
    seen: set[tuple[str, str]] = set()
    for (claim_a, qa), (claim_b, qb) in combinations(figures, 2):
        if claim_a.id == claim_b.id or same_source(claim_a, claim_b) or not same_quantity(qa, qb):
            continue
        if agree(qa, qb):
            continue
        key = tuple(sorted((claim_a.id, claim_b.id)))
        if key in seen:
            continue
        seen.add(key)
        found.append(Contradiction(items=[claim_a.id, claim_b.id], reason=_reason(claim_a, qa, claim_b, qb)))
    return found


def same_quantity(a: Quantity, b: Quantity) -> bool:
    if not a.unit or not b.unit or unit_key(a.unit) != unit_key(b.unit):
        return False
    if a.of and b.of:
        return _head(a.of) == _head(b.of)
    return True


def interval(q: Quantity) -> tuple[float, float]:
    if q.low is not None or q.high is not None:
        low = q.low if q.low is not None else float("-inf")
        high = q.high if q.high is not None else float("inf")
        return low, high
    if q.value is None:
        return float("-inf"), float("inf")
    if q.approximate:
        return q.value * (1 - APPROXIMATE_TOLERANCE), q.value * (1 + APPROXIMATE_TOLERANCE)
    return q.value, q.value


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def agree(a: Quantity, b: Quantity) -> bool:
    """Whether both figures can be true at once: their intervals (bounds or approximation) overlap."""
    return overlaps(interval(a), interval(b))


def unit_key(unit: str) -> str:
    """The counted unit reduced to its head noun, singular: "combat troops" -> "troop"."""
    words = re.findall(r"[a-z0-9-]+", unit.lower())
    return _singular(words[-1]) if words else ""


def same_source(a: Claim, b: Claim) -> bool:
    if a.source.entity and b.source.entity:
        return a.source.entity == b.source.entity
    return _norm(a.source.text) == _norm(b.source.text) and a.source.text is not None


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _head(of: str) -> str:
    words = re.findall(r"[a-z]+", of.lower().split(" in ")[0].split(" near ")[0])
    return _singular(words[-1]) if words else ""


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _describe(claim: Claim, q: Quantity) -> str:
    who = claim.source.text or "an unnamed source"
    return f"{q.text} ({who})"


def _reason(claim_a: Claim, qa: Quantity, claim_b: Claim, qb: Quantity) -> str:
    ratio = ""
    if qa.value and qb.value:
        big, small = max(qa.value, qb.value), min(qa.value, qb.value)
        ratio = f"; the larger is {big / small:.1f} times the smaller" if small else ""
    return (
        f"{_describe(claim_a, qa)} vs {_describe(claim_b, qb)}: the same count (unit: {qa.unit}) from different "
        f"sources, incompatible beyond the stated approximation{ratio}"
    )
