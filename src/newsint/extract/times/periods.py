"""Calendar arithmetic on resolved values: the period of a given precision that holds a day,
stepping periods, seasons, parts of periods, the year or weekday nearest a reference date, and
ISO 8601 durations."""

from __future__ import annotations

import calendar
import datetime as dt
from fractions import Fraction

from newsint.extract.times.lexicon import Unit
from newsint.extract.times.values import Value

# A weekday in a clause of unknown tense is the last one, unless the next one is fewer than
# this many days ahead ("Monday night's debate" in an article of Sunday is the next day's).
WEEKDAY_REACH = 2
# A date without a year is taken in the year that puts it nearest the reference date; the
# verb's tense moves it across the reference date only within this many days of it (a past
# verb with "Dec. 28" on Jan. 3 goes back a year; with "March 2" on Jan. 3 it already does).
TENSE_REACH_DAYS = 183
# ... but not when the nearest date is within a month of the reference date: the reference
# date (often the day a page was collected) may be after the writing, and a verb's tense dates
# the clause, not always the event the date is attached to ("the conference on 24-25 April
# was postponed").
TENSE_GRACE_DAYS = 31


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def add_units(day: dt.date, count: float, unit: Unit) -> dt.date | None:
    whole = int(count)
    if whole != count:
        return None
    if unit.name == "day":
        return day + dt.timedelta(days=whole)
    if unit.name in ("week", "weekend"):
        return day + dt.timedelta(weeks=whole)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit.name)
    return add_months(day, whole * months) if months else None


def period_of(precision: str, day: dt.date) -> Value:
    """The calendar period of ``precision`` that holds ``day``."""
    if precision == "day":
        return Value("day", day, day)
    if precision == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return Value("week", monday, monday + dt.timedelta(days=6))
    if precision == "weekend":
        saturday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(days=5)
        return Value("weekend", saturday, saturday + dt.timedelta(days=1))
    if precision == "month":
        return Value("month", day.replace(day=1), month_end(day.year, day.month))
    if precision == "quarter":
        first = (day.month - 1) // 3 * 3 + 1
        return Value("quarter", dt.date(day.year, first, 1), month_end(day.year, first + 2))
    if precision == "year":
        return Value("year", dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))
    if precision == "decade":
        first = day.year // 10 * 10
        return Value("decade", dt.date(first, 1, 1), dt.date(first + 9, 12, 31))
    if precision == "century":
        first = day.year // 100 * 100
        return Value("century", dt.date(first, 1, 1), dt.date(first + 99, 12, 31))
    raise ValueError(precision)


def shift_period(precision: str, day: dt.date, steps: int) -> Value:
    if precision in ("day",):
        return period_of("day", day + dt.timedelta(days=steps))
    if precision in ("week", "weekend"):
        return period_of(precision, day + dt.timedelta(weeks=steps))
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[precision]
    return period_of(precision, add_months(day.replace(day=1), steps * months))


def season_of(code_start_end: tuple[str, int, int], year: int) -> Value:
    _, first, last = code_start_end
    end_year = year + 1 if last < first else year
    return Value("season", dt.date(year, first, 1), month_end(end_year, last))


def part_of(value: Value, fractions: tuple[Fraction, Fraction]) -> Value:
    """A part of a resolved period: thirds or halves of its days (a month or shorter) or of its
    months (a year or longer), rounded to whole days or months."""
    if value.start is None or value.end is None:
        return Value(part_precision(value.precision), kind=value.kind)
    low, high = fractions
    if value.precision in ("year", "decade", "century", "season", "quarter"):
        months = (value.end.year - value.start.year) * 12 + value.end.month - value.start.month + 1
        first = add_months(value.start, round(low * months))
        last = add_months(value.start, round(high * months) - 1)
        return Value(part_precision(value.precision), first, month_end(last.year, last.month))
    days = (value.end - value.start).days + 1
    first_day = value.start + dt.timedelta(days=round(low * days))
    last_day = value.start + dt.timedelta(days=max(round(high * days) - 1, round(low * days)))
    return Value(part_precision(value.precision), first_day, last_day)


def part_precision(precision: str | None) -> str | None:
    return {"month": "month-part", "year": "year-part"}.get(precision or "", precision)


def nearest_year(month: int, day: int, reference: dt.date, tense: int) -> dt.date | None:
    """The date with this month and day nearest ``reference``, moved by the verb's tense."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    best = min(candidates, key=lambda d: abs((d - reference).days))
    distance = abs((best - reference).days)
    if not TENSE_GRACE_DAYS < distance <= TENSE_REACH_DAYS:
        return best
    if tense < 0 and best > reference:
        best = next((d for d in reversed(candidates) if d <= reference), best)
    elif tense > 0 and best < reference:
        best = next((d for d in candidates if d >= reference), best)
    return best


def nearest_weekday(weekday: int, reference: dt.date, tense: int) -> dt.date:
    back = (reference.weekday() - weekday) % 7
    ahead = (weekday - reference.weekday()) % 7
    if tense < 0:
        return reference - dt.timedelta(days=back)
    if tense > 0 or ahead < min(back, WEEKDAY_REACH):
        return reference + dt.timedelta(days=ahead)
    # Present or unknown tense: news mostly reports what happened ("Monday's debate"), so the
    # last one, unless the next is nearer and only a day or two off.
    return reference - dt.timedelta(days=back)


def iso_duration(count: float | None, unit: Unit) -> str:
    if count is None:
        amount = "X"
    elif count == int(count):
        amount = str(int(count))
    else:
        amount = str(count)
    return f"PT{amount}{unit.iso}" if unit.clock else f"P{amount}{unit.iso}"
