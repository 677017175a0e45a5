"""Full dates written out in page text ("February 4, 2022", "4 Feb. 2022", "2022-02-04").

Only complete dates are accepted: a day and month without a year is not a publication date
(the time-expression stage resolves those against a reference date, and says so).
"""

from __future__ import annotations

import datetime as dt
import re

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
