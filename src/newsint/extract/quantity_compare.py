"""When two figures count the same thing, and whether they can both be true: one rule for the
extractor (``extract.contradictions``), the corpus (``corpus.figures``) and the scorer
(``eval.match``), so that "the same unit" means one thing everywhere.

Two figures are about the same quantity when they count the same unit — compared by its head noun,
singular, so "combat troops" and "troops" count the same thing — and, where both say what they
count, the same thing (the head of ``of`` agrees: "Turkish troops in Syria" and "troops"), in
the same modality, under verbs that can count the same thing. They agree when their intervals
overlap: each figure's interval is its stated bounds ("more than 4,000" -> [4,000, ∞)), or its
value widened by the approximation it states ("about 4,000" -> ±APPROXIMATE_TOLERANCE), or the
value itself.
"""

from __future__ import annotations

import re

from newsint.model import Quantity

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
    """The counted unit reduced to its head noun, singular: "combat troops" -> "troop",
    "casualties" -> "casualty", "losses" -> "loss"; "" when it has no word."""
    words = re.findall(r"[a-z0-9-]+", unit.lower())
    return singular(words[-1]) if words else ""


def singular(word: str) -> str:
    """An English plural noun's singular, by the regular rules news counts need ("casualties",
    "losses", "churches", "troops"); short words and words that only end in s ("gas", "news",
    "status", "crisis") are left alone."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    return word[:-1]


def _head(of: str) -> str:
    words = re.findall(r"[a-z]+", of.lower().split(" in ")[0].split(" near ")[0])
    return singular(words[-1]) if words else ""
