"""The one place that knows the order of the stages.

    readers -> clean -> (nlp -> extract: entities, claims, quantities, times, events, judgements)

``analyze`` takes a RawDocument (see ``newsint.readers``) and returns the Analysis contract.
The extraction stages arrive with their issues; until then their lists stay empty, which the
evaluation reports honestly as zero.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from newsint.clean import clean
from newsint.errors import UsageError
from newsint.model import Analysis
from newsint.readers.raw import RawDocument


def parse_reference_date(value: str | None) -> dt.date | None:
    """A user-supplied date (YYYY-MM-DD); a clear error for anything else."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"--published must be a date like 2022-02-11, not {value!r}") from None


def analyze(raw: RawDocument, *, reference_date: dt.date | None = None) -> Analysis:
    document = clean(raw)
    if reference_date is not None:
        # The user's date wins over the page's: they know when they collected or dated it.
        document.published, document.published_basis = reference_date.isoformat(), "user"
    return Analysis(document=document)


def analyze_many(raws: Iterable[RawDocument], *, reference_date: dt.date | None = None) -> Iterator[Analysis]:
    for raw in raws:
        yield analyze(raw, reference_date=reference_date)
