"""``pipeline.analyze_paths(paths, settings)``: the door ``newsint analyze`` and ``ingest`` share.

One outcome per document in input order (a file that cannot be read as its error, in its place),
the run's options taken from one ``Settings``: the reference date as a date, ``fail_fast``
stopping at the first error without reading further, ``keep`` passing over documents.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsint.errors import EmptyInputError, NewsintError, NotFoundError
from newsint.model import Analysis
from newsint.pipeline import analyze_paths
from newsint.readers import expand
from newsint.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TEXT = EXAMPLES / "example-wire-drills-extended.txt"
FEED = EXAMPLES / "meridian-wire-feed.jsonl"  # three articles
PAGE = EXAMPLES / "eastern-marches-union-resolve.html"


def test_one_outcome_per_document_in_input_order_against_the_reference_date(tmp_path) -> None:
    settings = Settings(reference_date=dt.date(2024, 1, 2))
    outcomes = list(analyze_paths(expand([str(TEXT), str(tmp_path / "nope.txt"), str(FEED)]), settings))
    assert [type(o) for o in outcomes] == [Analysis, NotFoundError, Analysis, Analysis, Analysis]
    assert [o.document.source for o in outcomes if isinstance(o, Analysis)] == [
        str(TEXT),
        *(f"{FEED}:{line}" for line in (1, 2, 3)),
    ]
    # The user's date wins over each document's own, as a date typed once.
    assert {(o.document.published, o.document.published_basis) for o in outcomes if isinstance(o, Analysis)} == {
        ("2024-01-02", "user")
    }


def test_fail_fast_ends_at_the_first_error_and_reads_nothing_after_it(tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    asked: list[Path] = []

    def paths():
        for path in (TEXT, empty, PAGE):
            asked.append(path)
            yield path

    outcomes = list(analyze_paths(paths(), Settings(fail_fast=True)))
    assert [type(o) for o in outcomes] == [Analysis, EmptyInputError]
    assert asked == [TEXT, empty]  # the page after the bad file is never read
    every = list(analyze_paths([TEXT, empty, PAGE], Settings()))
    assert [type(o) for o in every] == [Analysis, EmptyInputError, Analysis]


def test_keep_passes_over_documents_and_errors() -> None:
    def keep(path: Path, item) -> bool:
        source = item.path if isinstance(item, NewsintError) else item.source
        return source != f"{FEED}:2"

    outcomes = list(analyze_paths([FEED], Settings(), keep=keep))
    assert [o.document.source for o in outcomes] == [f"{FEED}:1", f"{FEED}:3"]


@pytest.mark.parametrize("value", ["2024-01-02", dt.datetime(2024, 1, 2, 9, 30)])
def test_a_reference_date_that_is_not_a_date_is_refused_at_once(value) -> None:
    with pytest.raises(TypeError, match=r"reference_date must be a datetime\.date"):
        Settings(reference_date=value)
