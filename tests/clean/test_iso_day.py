"""``iso_day``: the one helper that reads the day of a stored ISO value (published dates, time
values) for the corpus layer and the published-date inference."""

from __future__ import annotations

import datetime as dt

import pytest

from newsint.dates import iso_day


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2019-07-23", dt.date(2019, 7, 23)),
        ("2019-07-23T09:30:00+02:00", dt.date(2019, 7, 23)),
        ("2019-07", None),  # a month has no one day
        ("2019", None),
        ("2019-02-30", None),
        ("", None),
        (None, None),
        ("unknown", None),
    ],
)
def test_iso_day(value, day) -> None:
    assert iso_day(value) == day


def test_corpus_and_published_share_it() -> None:
    import newsint.corpus.figures as figures
    import newsint.corpus.outlets as outlets
    import newsint.extract.published as published

    assert figures.iso_day is outlets.iso_day is published.iso_day is iso_day
    assert not hasattr(figures, "_date")
