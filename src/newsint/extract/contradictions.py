"""Contradictions: claims from different sources that give incompatible figures for one quantity.

A function over claims and quantities, not part of any extractor, so that the corpus stage can
run the same test across articles. Two figures are about the same quantity when they count the
same unit — compared by its head noun, so "combat troops" and "troops" count the same thing — and,
where both say what they count, the same thing (the head of ``of`` agrees: "Turkish troops in
Syria" and "troops"). They are incompatible when their intervals do not overlap: each
figure's interval is its stated bounds ("more than 4,000" -> [4,000, ∞)), or its value widened
by the approximation it states ("about 4,000" -> ±APPROXIMATE_TOLERANCE), or the value itself.

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

# "about 4,000" covers 3,600–4,400: the usual reading of a rounded figure in reporting.
APPROXIMATE_TOLERANCE = 0.10

# Units that name anyone at all: "500 people" says nothing of what is counted until its verb
# does ("killed", "injured", "displaced"), so figures in these units compare only when their
# governing verbs (``Quantity.predicate``) are known and mean the same.
GENERIC_UNITS = frozenset(
    {"people", "person", "man", "men", "woman", "women", "child", "children", "civilian", "resident", "individual"}
)

# Governing verbs that count the same thing, by what happened to what is counted. Verbs outside
# these (reporting verbs: "say", "estimate", "put") say nothing about it.
PREDICATE_CLASSES: dict[str, frozenset[str]] = {
    "killed": frozenset({"kill", "die", "slay", "massacre", "execute", "murder", "perish"}),
    "wounded": frozenset({"wound", "injure", "hurt", "maim"}),
    "displaced": frozenset({"displace", "flee", "evacuate", "uproot", "relocate", "expel"}),
    "detained": frozenset({"detain", "arrest", "capture", "imprison", "jail", "abduct", "kidnap", "seize", "hold"}),
    "affected": frozenset({"affect", "expose", "poison", "sicken"}),
    "present": frozenset(
        {
            "be",
            "have",
            "include",
            "deploy",
            "station",
            "move",
            "send",
            "mass",
            "amass",
            "gather",
            "number",
            "remain",
            "stay",
            "active",
            "base",
            "position",
            "keep",
            "field",
            "expect",
            "raise",
            "bring",
        }
    ),
    "trained": frozenset({"train"}),
}
_PREDICATE_CLASS = {lemma: name for name, lemmas in PREDICATE_CLASSES.items() for lemma in lemmas}


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


def same_quantity(a: Quantity, b: Quantity) -> bool:
    if not a.unit or not b.unit or unit_key(a.unit) != unit_key(b.unit):
        return False
    if a.of and b.of and _head(a.of) != _head(b.of):
        return False
    return same_modality(a, b) and same_predicate(a, b)


def same_modality(a: Quantity, b: Quantity) -> bool:
    """Like with like: an actor's plan ("planned to double that to 8,000") is not a
    count of what is there. A forecast ("was expected to reach about 6,000") is an estimate of
    the same force that a count is of, so those two compare."""
    return (a.modality == "planned") == (b.modality == "planned")


def same_predicate(a: Quantity, b: Quantity) -> bool:
    """Whether the verbs over two figures can count the same thing: killed vs injured cannot.
    For generic units ("people") both verbs must be known and agree; for others, only two known
    verbs of different kinds rule it out."""
    class_a, class_b = _PREDICATE_CLASS.get(a.predicate or ""), _PREDICATE_CLASS.get(b.predicate or "")
    if unit_key(a.unit or "") in GENERIC_UNITS:
        if not a.predicate or not b.predicate:
            return False
        return a.predicate == b.predicate or (class_a is not None and class_a == class_b)
    return class_a is None or class_b is None or class_a == class_b


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
