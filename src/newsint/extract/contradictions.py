"""Contradictions: claims from different sources that give incompatible figures for one quantity.

A function over claims and quantities, not part of any extractor, so that the corpus stage can
run the same test across articles. Whether two figures count the same thing and whether they can
both be true is ``newsint.extract.quantity_compare`` (one rule for the extractor, the corpus and
the scorer); here two such figures from different sources that cannot both be true are flagged.

Within one article place and time are not compared: a figure for another year or region with the
same unit and subject would be flagged too; the reason says what was compared so a reader can
judge. Across articles, ``newsint.corpus.figures`` adds the place and time tests on top of these
functions (``quantity_compare.same_quantity``, ``interval``, ``agree``; ``same_source`` here).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

from newsint.extract.quantity_compare import agree, same_quantity, unit_key
from newsint.model import Claim, Contradiction, Quantity


def find_contradictions(claims: Iterable[Claim], quantities: Iterable[Quantity]) -> list[Contradiction]:
    by_id = {q.id: q for q in quantities}
    figures = [(claim, by_id[qid]) for claim in claims for qid in claim.quantities if qid in by_id]
    found: list[Contradiction] = []
    seen: set[tuple[str, str]] = set()
    for first, second in _same_unit_pairs(figures):
        (claim_a, qa), (claim_b, qb) = figures[first], figures[second]
        # Two figures of one claim are by construction about different things (before/after, a
        # part and the whole, now and planned).
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


def _same_unit_pairs(figures: list[tuple[Claim, Quantity]]) -> list[tuple[int, int]]:
    """The pairs of figures (by position, in ``combinations`` order) that count the same unit:
    only those can be one quantity (``same_quantity``), and a long article's thousands of figures
    are not each paired with all the others."""
    by_unit: dict[str, list[int]] = {}
    for n, (_, quantity) in enumerate(figures):
        if quantity.unit:
            by_unit.setdefault(unit_key(quantity.unit), []).append(n)
    return sorted(pair for positions in by_unit.values() for pair in combinations(positions, 2))


def same_source(a: Claim, b: Claim) -> bool:
    if a.source.entity and b.source.entity:
        return a.source.entity == b.source.entity
    return _norm(a.source.text) == _norm(b.source.text) and a.source.text is not None


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
