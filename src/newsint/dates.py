"""Dates, on the ground floor: every stage, the store, the corpus and the CLI take them from here.

    parse_full_date("4 Feb. 2022")       -> "2022-02-04"   full dates written in page text
    find_full_date("By Jane Doe, 4 Feb 2022 …") -> "2022-02-04"
    iso_day("2022-03-01T09:30")          -> 2022-03-01     the day an ISO value starts with
    parse_date_option("2019-07-23", "--published") -> 2019-07-23, or one UsageError line
    PartialDate.parse("2019-05")         -> 2019-05        a month; earliest 2019-05-01, latest 2019-05-31
    OnOrAfter(day), ReferenceDay         a reference day known only as a lower bound, or known

Only complete dates are accepted as written dates: a day and month without a year is not a
publication date (the time-expression stage resolves those against a reference date, and says so).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from newsint.errors import UsageError

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_FULL_DATE = (
    re.compile(rf"^(?:[A-Za-z]+,?\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})$"),
    re.compile(rf"^(?:[A-Za-z]+,?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})$"),
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$"),
)


def parse_full_date(text: str) -> str | None:
    """ISO date for a complete written date, else None."""
    value = " ".join(text.strip().rstrip(".").split())
    for pattern in _FULL_DATE:
        if match := pattern.match(value):
            month = match.group("month")
            number = int(month) if month.isdigit() else MONTHS.get(month.lower())
            if number is None:
                return None
            try:
                return dt.date(int(match.group("year")), number, int(match.group("day"))).isoformat()
            except ValueError:
                return None
    return None


_DATE_INSIDE = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})\b"
)


def find_full_date(text: str) -> str | None:
    """The first complete date written anywhere in ``text`` (a running header, a byline)."""
    for match in _DATE_INSIDE.finditer(text):
        if parsed := parse_full_date(match.group(0)):
            return parsed
    return None


def iso_day(value: str | None) -> dt.date | None:
    """The day an ISO value starts with ("2022-03-01", "2022-03-01T09:30"); None when it is empty
    or not a full date ("2022-03", "unknown"): a partial date has no one day."""
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def parse_date_option(value: str | None, option: str) -> dt.date | None:
    """A date a user typed for ``option`` (YYYY-MM-DD); one clear usage error for anything else."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"{option} must be a date like 2019-07-23, not {value!r}") from None


class DateError(ValueError):
    """A value that is not a (partial) date; the knowledge base reports it as its own data error."""


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day ("2019", "2019-05", "2019-05-30").

    The knowledge base never invents a day: where only the month is known the file says
    "2019-05", and comparisons use ``earliest``/``latest`` to stay honest about the gap.
    """

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: object, *, where: str = "") -> PartialDate:
        if isinstance(value, dt.date):  # YAML turns 2019-05-30 into a date already
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and 1000 <= value <= 9999:  # YAML turns 2019 into an int
            return cls(value)
        text = str(value).strip()
        match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
        if not match:
            raise DateError(f"{where}: {text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        year, month, day = (int(part) if part else None for part in match.groups())
        try:
            if day is not None:
                dt.date(year, month or 1, day)
            elif month is not None and not 1 <= month <= 12:
                raise ValueError(month)
        except ValueError as exc:
            raise DateError(f"{where}: {text!r} is not a calendar date") from exc
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


@dataclass(frozen=True, slots=True)
class OnOrAfter:
    """A reference day that is not known, only bounded below: "some day on or after ``day``".

    An undated text that reports 2020 in the past tense was written in 2020 or later; which
    office someone held when it was written is known only where one term covers every such day
    (see ``kb.actors.Role.active_on``)."""

    day: dt.date

    def __str__(self) -> str:
        return f"on or after {self.day.isoformat()}"


# What roles are resolved against: the known reference day, or only a lower bound on it.
ReferenceDay = dt.date | OnOrAfter


def as_date(value: dt.date | str | PartialDate) -> dt.date:
    """Accept a ``date``, an ISO string or a PartialDate (its earliest day) where a day is needed."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, PartialDate):
        return value.earliest
    return PartialDate.parse(value, where="date argument").earliest
