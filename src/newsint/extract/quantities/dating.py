"""When a figure holds: the time expression that governs a quantity in the parse.

A claim can carry two figures and two dates: "had probably massed between 169,000 and 190,000
personnel in and near Ukraine, compared with about 100,000 on Jan. 30" — Jan. 30 dates the
100,000, not the range. So a quantity is dated only by a time expression attached to the
quantity itself or to one of the words it hangs from (its verb, the verb that reports it):
"had already moved nearly 5,000 troops" under "told the Security Council on Jan. 31" is dated
Jan. 31; "intended to raise that to more than 6,000 ... by early February" is dated early
February. Among such times the one attached lowest (closest to the quantity) wins. A time in a
sibling clause ("compared with about 100,000 on Jan. 30") does not govern it; with none, the
quantity has no time (``Quantity.time`` stays None) and readers fall back on the publication date.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from newsint.model import Quantity, TimeExpression

# Time kinds that place a figure in time ("for three years", a duration, does not).
DATING_KINDS = frozenset({"date", "time"})


def timed_quantities(doc: Doc, quantities: list[Quantity], times: list[TimeExpression]) -> list[Quantity]:
    """The quantities, each as a new record whose ``time`` is the id of the time expression that
    governs it, if any."""
    # Only a time in the quantity's own sentence can govern it: the times are grouped by sentence
    # (its first token), so that a long article's quantities are not each tried on all its times.
    # (Token.sent builds the sentence's span at every call: once per time and quantity.)
    dating: dict[int, list[tuple[TimeExpression, Token]]] = {}
    for time in times:
        if time.kind in DATING_KINDS and (anchor := _attachment(doc, time)) is not None:
            dating.setdefault(anchor.sent.start, []).append((time, anchor))
    timed: list[Quantity] = []
    for quantity in quantities:
        token = _root(doc, quantity.start, quantity.end)
        if token is None:
            timed.append(quantity)
            continue
        best: tuple[int, int, TimeExpression] | None = None
        for time, anchor in dating.get(token.sent.start, ()):
            if not (anchor.i == token.i or anchor.is_ancestor(token)):
                continue
            # Deepest attachment first (closest to the quantity), then the nearest in the text.
            rank = (-_depth(anchor), abs(time.start - quantity.start), time)
            if best is None or rank[:2] < best[:2]:
                best = rank
        timed.append(dataclasses.replace(quantity, time=best[2].id if best else None))
    return timed


def _root(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _attachment(doc: Doc, time: TimeExpression) -> Token | None:
    """The word a time expression modifies: the head of its phrase, through its preposition
    ("on Jan. 30" -> what "on" attaches to)."""
    root = _root(doc, time.start, time.end)
    if root is None or root.head.i == root.i:
        return None
    head = root.head
    if root.dep_ == "pobj" and head.head.i != head.i:
        return head.head
    return head


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token = token.head
        depth += 1
    return depth
