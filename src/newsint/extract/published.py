"""Publication date inferred from the text, for a document that carries no date of its own.

``infer_published(document, times)`` is called only when neither the user, the page's metadata
nor a printed byline or running header gave a date (``clean/dates.py`` finds those). It reads
the time expressions already extracted *without* a reference date, so only expressions whose
year is written count, and it never guesses silently:

- candidates are the fully written dates (day, month and year: "10 February 2022",
  "Feb. 10, 2022", "2022-02-10"), clock times on such a date included;
- the probable publication date is the latest of them: an article is written on or after the
  last day it names (it is a lower bound, which is what ``published`` then holds);
- the other absolute expressions must agree: if any written year, month or date begins after
  that day ("elections due in 2024" beside a latest full date in 2022), the text does not tell
  when it was written and nothing is inferred;
- the expressions used are kept in ``document.published_evidence`` (the chosen date first), and
  ``published_basis`` says "inferred".

The pipeline keeps resolving relative expressions ("yesterday", "last week") against no date
at all when the date was inferred: an inferred date is a lower bound, not a known day.
"""

from __future__ import annotations

import datetime as dt

from newsint.model import Document, Span, TimeExpression

__all__ = ["infer_published"]

FULL_DATE_PRECISIONS = frozenset({"day", "minute"})


def infer_published(document: Document, times: list[TimeExpression]) -> bool:
    """Set ``document.published`` from the text's own dates when they agree; True when it did."""
    absolute = [t for t in times if t.anchored and t.kind in ("date", "time") and t.value_start]
    full = [t for t in absolute if t.precision in FULL_DATE_PRECISIONS]
    if not full:
        return False
    latest = max(full, key=lambda t: _day(t.value_start))
    day = _day(latest.value_start)
    if any(_day(t.value_start) > day for t in absolute):
        return False
    document.published, document.published_basis = day.isoformat(), "inferred"
    document.published_evidence = [
        Span(t.start, t.end, t.text) for t in [latest, *(t for t in full if t is not latest)]
    ]
    return True


def _day(value: str | None) -> dt.date:
    return dt.date.fromisoformat((value or "")[:10])
