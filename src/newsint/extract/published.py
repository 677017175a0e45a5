"""Publication date inferred from the text, for a document that carries no date of its own.

``with_inferred_published(document, times, doc)`` is called only when neither the user, the page's
metadata nor a printed byline or running header gave a date (``newsint.dates`` finds those).
It reads the time expressions already extracted *without* a reference date, so only dates the
text pins down itself count, and it never guesses silently:

- candidates are the fully written dates (day, month and year: "3 March 2021",
  "Mar. 3, 2021", "2021-03-03"), as ``dates.parse_full_date`` reads them, except those in
  a future-tense clause ("talks will resume on 3 March 2022" may lie after the writing);
- the probable publication date is the latest of them: an article is written on or after the
  last day it reports (a lower bound, which is what ``published`` then holds);
- the text's other dates must agree: if any absolute expression outside a future-tense clause
  (a written year, month or date, or one resolved from them: "that year") begins after that
  day, the text does not say when it was written and nothing is inferred; and at least one
  other expression must fall in the same year (a second date, "in 2022", "that month"), so
  that a lone date in an article about the past is not taken for its date line;
- the expressions used are kept in ``published_evidence`` (the chosen date first, then the ones
  that agree), and ``published_basis`` says "inferred"; the document comes back as a new record
  with these fields set, or unchanged when nothing is inferred.

The pipeline keeps resolving relative expressions ("yesterday", "last week") against no date
at all when the date was inferred: an inferred date is a lower bound, not a known day.

``written_on_or_after(times, doc)`` keeps only that lower bound, and asks less of it: the first
day of the latest period the text names outside a future-tense clause ("until 2020", "in March
2021"), so that roles can still be told where one term of office covers every day from then on
(an undated text that speaks of 2020 in the past was written in 2020 or later: a president in
office since 2010 with no end recorded held the office on every such day; one whose term ended
in 2024 did not, and is not coded as president on the strength of that text). Dates after today
are not evidence of anything.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from spacy.tokens import Doc

from newsint.dates import DateError, OnOrAfter, PartialDate, iso_day, parse_full_date
from newsint.extract.times import clause_tense
from newsint.model import Document, Span, TimeExpression

__all__ = ["with_inferred_published", "written_on_or_after"]


def with_inferred_published(document: Document, times: list[TimeExpression], doc: Doc) -> Document:
    """The document with ``published`` inferred from the text's own dates when they agree; the
    document itself when they do not."""
    absolute = [
        t
        for t in times
        if t.anchored and t.kind in ("date", "time") and t.value_start and clause_tense(doc, t.start, t.end) <= 0
    ]
    full = [t for t in absolute if parse_full_date(t.text) and iso_day(t.value_start)]
    if not full:
        return document
    latest = max(full, key=_day)
    day = _day(latest)
    if any(_day(t) > day for t in absolute):
        return document
    agreeing = [t for t in absolute if t is not latest and _day(t).year == day.year]
    if not agreeing:
        return document
    return dataclasses.replace(
        document,
        published=day.isoformat(),
        published_basis="inferred",
        published_evidence=[Span(t.start, t.end, t.text) for t in [latest, *agreeing]],
    )


def written_on_or_after(times: list[TimeExpression], doc: Doc, *, today: dt.date | None = None) -> OnOrAfter | None:
    """The earliest day the text can have been written on, from the periods it names as reached;
    None when it names none."""
    today = today or dt.date.today()
    starts = [
        day
        for t in times
        if t.anchored and t.kind in ("date", "time") and t.value_start
        for day in [_start_day(t.value_start)]
        if day is not None and day <= today and clause_tense(doc, t.start, t.end) <= 0
    ]
    return OnOrAfter(max(starts)) if starts else None


def _start_day(value: str) -> dt.date | None:
    """The first day of an ISO value ("2020" -> 2020-01-01, "2021-03" -> 2021-03-01)."""
    try:
        return PartialDate.parse(value[:10]).earliest
    except DateError:
        return None


def _day(time: TimeExpression) -> dt.date:
    # Anchored dates carry a full ISO value_start; one that does not can never be the latest.
    return iso_day(time.value_start) or dt.date.min
