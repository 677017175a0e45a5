"""Is there an interval that overlaps, or holds, this one? Answered by bisection.

The stages ask it of a whole document's entities, quotations or claims for each of many items;
searching the list each time made their cost grow with the square of an article's length.
Built once from (start, end) pairs, any kind of offset (characters or tokens), overlapping or
not: sorted by start, with the furthest end reached so far beside each, so one bisection
answers either question. ``ItemsByStart`` finds the items that lie within a stretch.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class Intervals:
    def __init__(self, pairs: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(pairs)
        self._starts = [start for start, _ in ordered]
        self._furthest_end = list(accumulate((end for _, end in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether an interval shares a position with [start, end): one that starts before
        ``end`` and ends after ``start``."""
        before = bisect_left(self._starts, end)
        return before > 0 and self._furthest_end[before - 1] > start

    def holds(self, start: int, end: int) -> bool:
        """Whether an interval holds all of [start, end): one that starts at or before ``start``
        and ends at or after ``end``."""
        upto = bisect_right(self._starts, start)
        return upto > 0 and self._furthest_end[upto - 1] >= end

    def holds_more_than(self, start: int, end: int) -> bool:
        """Whether an interval other than [start, end) itself holds it (so is longer)."""
        return self.holds(start - 1, end) or self.holds(start, end + 1)


class ItemsByStart(Generic[T]):
    """Items that each stand at [start, end), looked up by the stretch they lie within."""

    def __init__(self, items: Iterable[tuple[int, int, T]]) -> None:
        # (start, position in the input, end, item): the position keeps equal starts in input order.
        self._entries = sorted((start, n, end, item) for n, (start, end, item) in enumerate(items))
        self._starts = [entry[0] for entry in self._entries]

    def within(self, start: int, end: int) -> list[T]:
        """The items that lie wholly inside [start, end), in the order they were given."""
        first, last = bisect_left(self._starts, start), bisect_right(self._starts, end)
        inside = [entry for entry in self._entries[first:last] if entry[2] <= end]
        return [item for _, _, _, item in sorted(inside, key=lambda entry: entry[1])]
