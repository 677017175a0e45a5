"""The working records of the times stage: what an expression means (``Value``), a recognised
expression waiting to be resolved (``Found``) and what its resolution can see (``Context``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from newsint.extract.times.lexicon import Unit
from newsint.extract.times.tense import clause_tense


@dataclass(slots=True)
class Value:
    """What an expression means; resolved to dates when it can be."""

    precision: str | None
    start: dt.date | None = None
    end: dt.date | None = None  # inclusive
    kind: str = "date"  # date | time | duration | set
    duration: str | None = None  # ISO 8601 duration for durations and sets
    clock: str | None = None  # "15:00" for a time of day
    explicit_year: bool = False  # the year is written in the expression


@dataclass(slots=True)
class Found:
    start: int
    end: int
    rule: str
    # Resolves the match once the expressions before it are known.
    resolve: Callable[[Context], Value]
    # Facts the extensions need: the period's unit for parts, a duration to anchor.
    period: str | None = None
    count: float | None = None
    unit: Unit | None = None
    day_like: bool = False  # denotes one day (a date, a weekday, "yesterday")


@dataclass(slots=True)
class Context:
    doc: Doc
    reference: dt.date | None
    found: Found
    earlier: list[tuple[Found, Value]]

    def tense(self) -> int:
        return clause_tense(self.doc, self.found.start, self.found.end)
