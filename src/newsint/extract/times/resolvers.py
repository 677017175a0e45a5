"""Resolvers: what each kind of expression means, as a function of its context (the reference
date, the tense of its clause, the expressions before it). Each factory here returns the
``resolve`` function a :class:`~newsint.extract.times.values.Found` carries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from newsint.extract.times.lexicon import SUNDAY, Unit, capitalised, lexicon
from newsint.extract.times.periods import (
    add_units,
    iso_duration,
    nearest_weekday,
    nearest_year,
    part_precision,
    period_of,
    season_of,
    shift_period,
)
from newsint.extract.times.values import Context, Found, Value

# Units that "N units ago" resolves to a calendar period of.
CALENDAR_PRECISIONS = frozenset({"day", "week", "month", "year", "decade", "century", "quarter"})


def month_day(month: int, day_number: int, year: int | None, last_day: int) -> Callable[[Context], Value]:
    """A day ("Mar. 3") or a range of days in one month ("24-25 April")."""

    def resolve(context: Context) -> Value:
        if year is not None:
            try:
                day = dt.date(year, month, day_number)
                return Value("day", day, day.replace(day=last_day), explicit_year=True)
            except ValueError:
                return Value("month-day")
        if context.reference is None:
            return Value("month-day")
        day = nearest_year(month, day_number, context.reference, context.tense())
        if day is None:
            return Value("month-day")
        try:
            return Value("day", day, day.replace(day=last_day))
        except ValueError:  # "29-30 Feb." in a year without a 29th
            return Value("month-day")

    return resolve


def bare_month(month: int) -> Callable[[Context], Value]:
    def resolve(context: Context) -> Value:
        if context.reference is None:
            return Value("month")
        day = nearest_year(month, 1, context.reference.replace(day=1), context.tense())
        return period_of("month", day) if day else Value("month")

    return resolve


def deictic(start: int, end: int, groups: dict[str, str]) -> Found | None:
    """ "last week", "next summer", "last Friday", "this March": a period stepped from the one
    holding the reference date."""
    lex = lexicon()
    steps = lex.shifts[groups["shift"].lower()]
    word = groups["shift"].lower()
    if period := groups.get("period"):
        period = period.lower()
        if period == "day":  # "this day" / "last day" are rarely dates
            return None

        def resolve(context: Context) -> Value:
            if context.reference is None:
                return Value(period)
            if period == "week" and steps < 0 and context.reference.weekday() == SUNDAY:
                # On a Sunday the week is all but over: a Sunday paper's "last week" is the week
                # ending that day (ISO's Monday-to-Sunday week; the US Sunday-to-Saturday week
                # just ended holds the same working days), not the one before it.
                return period_of("week", context.reference)
            return shift_period(period, context.reference, steps)

        return Found(start, end, "shifted", resolve, period=period)
    if season_word := groups.get("season"):
        season = lex.seasons[season_word.lower()]

        def resolve_season(context: Context) -> Value:
            if context.reference is None:
                return Value("season")
            ref = context.reference
            # The occurrence of the season that began most recently, on or before the reference date.
            year = ref.year if dt.date(ref.year, season[1], 1) <= ref else ref.year - 1
            latest = season_of(season, year)
            running = latest.end is not None and ref <= latest.end
            if steps < 0:
                return season_of(season, year - 1) if running else latest
            if steps > 0:
                return season_of(season, year + 1)
            return latest if running else season_of(season, year + 1)

        return Found(start, end, "shifted", resolve_season, period="season")
    if weekday_word := groups.get("weekday"):
        if not capitalised(weekday_word):
            return None
        weekday = lex.weekdays[weekday_word.lower()]

        def resolve_weekday(context: Context) -> Value:
            if context.reference is None:
                return Value("weekday")
            ref = context.reference
            if steps < 0:
                back = (ref.weekday() - weekday) % 7 or 7
                day = ref - dt.timedelta(days=back)
            elif steps > 0:
                ahead = (weekday - ref.weekday()) % 7 or 7
                day = ref + dt.timedelta(days=ahead)
            else:
                day = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=weekday)
            return Value("day", day, day)

        return Found(start, end, "shifted", resolve_weekday, period="day", day_like=True)
    month_word = groups.get("month")
    if not month_word or not capitalised(month_word) or word not in ("last", "this", "next", "past"):
        return None
    month = lex.months[month_word.lower().rstrip(".")]

    def resolve_month(context: Context) -> Value:
        if context.reference is None:
            return Value("month")
        ref = context.reference
        if steps < 0:
            year = ref.year if month < ref.month else ref.year - 1
        elif steps > 0:
            year = ref.year if month > ref.month else ref.year + 1
        else:
            year = ref.year
        return period_of("month", dt.date(year, month, 1))

    return Found(start, end, "shifted", resolve_month, period="month")


def earlier_this(side: str, period: str) -> Callable[[Context], Value]:
    def resolve(context: Context) -> Value:
        precision = part_precision(period)
        if context.reference is None:
            return Value(precision)
        whole = period_of(period, context.reference)
        if side == "earlier":
            return Value(precision, whole.start, context.reference)
        return Value(precision, context.reference, whole.end)

    return resolve


def the_weekend(context: Context) -> Value:
    """ "over the weekend": the last one for a past verb, the next for a future one, else the
    nearest (the one under way on a Saturday or Sunday)."""
    if context.reference is None:
        return Value("weekend")
    ref = context.reference
    if ref.weekday() >= 5:
        return period_of("weekend", ref)
    last = ref - dt.timedelta(days=ref.weekday() + 2)  # the Saturday before this week
    tense = context.tense()
    ahead = tense > 0 or (tense == 0 and ref.weekday() >= 4)
    return period_of("weekend", last + dt.timedelta(days=7) if ahead else last)


def relative_day(offset: int) -> Callable[[Context], Value]:
    def resolve(context: Context) -> Value:
        if context.reference is None:
            return Value("day")
        day = context.reference + dt.timedelta(days=offset)
        return Value("day", day, day)

    return resolve


def named_weekday(weekday: int) -> Callable[[Context], Value]:
    def resolve(context: Context) -> Value:
        if context.reference is None:
            return Value("weekday")
        day = nearest_weekday(weekday, context.reference, context.tense())
        return Value("day", day, day)

    return resolve


def duration(count: float | None, unit: Unit) -> Callable[[Context], Value]:
    return lambda context: Value(unit.name, kind="duration", duration=iso_duration(count, unit))


def ago(count: float | None, unit: Unit, sign: int, anaphoric: bool) -> Callable[[Context], Value]:
    """ "two years ago" (from the reference date); "two years later" (from the date last
    mentioned). Unresolved, a point in time at the unit's precision; a vague or clock-unit
    count ("several hours ago") keeps only its length."""

    def resolve(context: Context) -> Value:
        precision = {"weekend": "week"}.get(unit.name, unit.name)
        if count is None or unit.clock or precision not in CALENDAR_PRECISIONS:
            return Value(unit.name, kind="duration", duration=iso_duration(count, unit))
        if anaphoric:
            last = next((v for _, v in reversed(context.earlier) if v.start and v.kind == "date"), None)
            # "six months earlier" than "2016" may be any month from mid-2015 to mid-2016: counting
            # from a period longer than the unit would invent a month the text never gave.
            if last is not None and last.end is not None and (last.end - last.start).days + 1 > _unit_days(unit):
                last = None
            base = last.start if last else None
        else:
            base = context.reference
        if base is None:
            return Value(precision)  # a point in time, but nothing to count from
        moved = add_units(base, sign * count, unit)
        if moved is None:
            return Value(unit.name, kind="duration", duration=iso_duration(count, unit))
        return period_of(precision, moved)

    return resolve


def _unit_days(unit: Unit) -> int:
    """The most days one of this unit spans (a month 31, a year 366)."""
    return {"day": 1, "week": 7, "weekend": 7, "month": 31, "quarter": 92, "year": 366, "decade": 3653,
            "century": 36525}.get(unit.name, 0)  # fmt: skip


def present(context: Context) -> Value:
    if context.reference is None:
        return Value("present")
    return Value("present", context.reference, context.reference)


def clock_time(start: int, end: int, groups: dict[str, str]) -> Found:
    if "word" in groups:
        hour, minute = (0, 0) if groups["word"].lower() == "midnight" else (12, 0)
    elif "h24" in groups:
        hour, minute = int(groups["h24"]), int(groups["mi24"])
    else:
        hour, minute = int(groups["h"]) % 12, int(groups.get("mi") or 0)
        if groups["ap"].lower().startswith("p"):
            hour += 12
    clock = f"{hour:02d}:{minute:02d}"

    def resolve(context: Context) -> Value:
        return Value("time", kind="time", clock=clock)

    return Found(start, end, "clock", resolve)


def anaphor(period: str, steps: int) -> Callable[[Context], Value]:
    """ "that year", "the following month": the period last mentioned, stepped."""
    within_year = {"year", "year-part", "season", "quarter", "month", "month-part", "week", "day", "minute"}
    wanted = {
        "decade": within_year | {"decade"},
        "year": within_year,
        "month": {"month", "month-part", "day", "minute"},
        "week": {"week", "day", "minute"},
        "day": {"day", "minute"},
    }[period]

    def resolve(context: Context) -> Value:
        for _, value in reversed(context.earlier):
            if value.start is None or value.kind != "date" or value.precision not in wanted:
                continue
            # Only a year the text wrote counts for "that year" ("last week" says nothing of it).
            if (
                period in ("year", "decade")
                and not value.explicit_year
                and value.precision not in ("year", "year-part")
            ):
                continue
            shifted = shift_period(period, value.start, steps)
            shifted.explicit_year = value.explicit_year
            return shifted
        return Value(period)

    return resolve
