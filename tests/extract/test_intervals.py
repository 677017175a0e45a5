"""extract/intervals.py answers exactly what searching the whole list answers (the stages used to
search; they look up now so that a long article costs in proportion to its length)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsint.extract.intervals import Intervals, ItemsByStart

offsets = st.integers(min_value=0, max_value=60)
pairs = st.lists(st.tuples(offsets, offsets).map(sorted).map(tuple), max_size=25)


@given(pairs, offsets, offsets)
def test_lookups_agree_with_a_search_of_every_interval(spans, a, b):
    start, end = min(a, b), max(a, b)
    intervals = Intervals(spans)
    assert intervals.overlaps(start, end) == any(s < end and start < e for s, e in spans)
    assert intervals.holds(start, end) == any(s <= start and end <= e for s, e in spans)
    assert intervals.holds_more_than(start, end) == any(
        s <= start and end <= e and e - s > end - start for s, e in spans
    )


@given(pairs, offsets, offsets)
def test_items_within_a_stretch_come_in_the_order_given(spans, a, b):
    start, end = min(a, b), max(a, b)
    items = ItemsByStart((s, e, n) for n, (s, e) in enumerate(spans))
    assert items.within(start, end) == [n for n, (s, e) in enumerate(spans) if start <= s and e <= end]


def test_nothing_overlaps_or_holds_in_an_empty_set():
    assert not Intervals([]).overlaps(0, 5) and not Intervals([]).holds(2, 3)
    assert ItemsByStart([]).within(0, 10) == []
