"""Russian dates, resolved against the reference date (the publication date).

    10 февраля, 10-20 февраля, 10 февраля 2022 года   a day, a range of days
    с 10 февраля, до 20 февраля                        from / until that day (one end known)
    в начале/середине/конце января                     a third of the month (1-10, 11-20, 21-end)
    в январе, в январе 2022 года                       the month
    в 2022 году                                        the year
    в понедельник ... в воскресенье                    the latest such day on or before the reference
    сегодня, вчера, позавчера, завтра                  relative to the reference

A date without a year takes the reference's year, moved a year back or forward when that puts
it within six months of the reference (a January date in a December article is next January's
only if it is closer). Without a reference date a relative expression stays unresolved
(``anchored`` False), as in English: an inferred date is not a known one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from newsint.lang.ru.parse import RussianParse
from newsint.model import TimeExpression

_MONTHS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр")
GENITIVE = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
PREPOSITIONAL = "январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре"
WEEKDAYS = {"понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4, "субботу": 5, "воскресенье": 6}
PARTS = {"начале": (1, 10), "середине": (11, 20), "конце": (21, 31)}
RELATIVE_DAYS = {"позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2}
YEAR = r"(?:\s+(?P<year>\d{4})\s*(?:года|г\.)?)?"

PATTERNS = (
    (
        "days",
        re.compile(
            rf"(?:(?P<prep>с|со|до|по)\s+)?(?P<day>\d{{1,2}})(?:\s*[-–—]\s*(?P<day2>\d{{1,2}}))?\s+(?P<month>{GENITIVE}){YEAR}",
            re.I,
        ),
    ),
    ("part", re.compile(rf"в\s+(?P<part>начале|середине|конце)\s+(?P<month>{GENITIVE}){YEAR}", re.I)),
    ("month", re.compile(rf"в\s+(?P<month>{PREPOSITIONAL}){YEAR}", re.I)),
    ("year", re.compile(r"в\s+(?P<year>\d{4})\s+году", re.I)),
    ("weekday", re.compile(r"во?\s+(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.I)),
    ("relative", re.compile(r"\b(?P<relative>" + "|".join(RELATIVE_DAYS) + r")\b", re.I)),
)


def _month(word: str) -> int:
    word = word.lower()
    # "ма" (май) is the prefix of no other month: the longer prefixes are tried first.
    for number, stem in sorted(enumerate(_MONTHS, start=1), key=lambda item: -len(item[1])):
        if word.startswith(stem):
            return number
    raise ValueError(word)


def _year_for(month: int, day: int, reference: dt.date) -> int:
    best = reference.year
    for year in (reference.year - 1, reference.year + 1):
        candidate = dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))
        current = dt.date(best, month, min(day, calendar.monthrange(best, month)[1]))
        if abs((candidate - reference).days) < abs((current - reference).days):
            best = year
    return best


def _value(kind: str, groups: dict[str, str | None], reference: dt.date | None):
    """(value_start, value_end, precision) as ISO dates; None where the text does not settle it."""
    year = int(groups["year"]) if groups.get("year") else None
    if kind == "year":
        return f"{year}-01-01", f"{year}-12-31", "year"
    if kind in ("days", "part", "month"):
        month = _month(groups["month"] or "")
        day = int(groups.get("day") or 1)
        if year is None:
            if reference is None:
                return None, None, "day" if kind == "days" else "month"
            year = _year_for(month, day, reference)
        last_day = calendar.monthrange(year, month)[1]
        if kind == "month":
            return f"{year}-{month:02d}-01", f"{year}-{month:02d}-{last_day:02d}", "month"
        if kind == "part":
            low, high = PARTS[(groups["part"] or "").lower()]
            return f"{year}-{month:02d}-{low:02d}", f"{year}-{month:02d}-{min(high, last_day):02d}", "month"
        if day > last_day:
            return None, None, "day"
        end_day = int(groups["day2"]) if groups.get("day2") else day
        start, end = dt.date(year, month, day), dt.date(year, month, min(end_day, last_day))
        prep = (groups.get("prep") or "").lower()
        if prep in ("с", "со"):
            return start.isoformat(), None, "day"  # from that day on: the end is not said
        if prep in ("до", "по"):
            return None, end.isoformat(), "day"
        return start.isoformat(), end.isoformat(), "day"
    if reference is None:
        return None, None, "day"
    if kind == "weekday":
        back = (reference.weekday() - WEEKDAYS[(groups["weekday"] or "").lower()]) % 7
        day = reference - dt.timedelta(days=back)
    else:
        day = reference + dt.timedelta(days=RELATIVE_DAYS[(groups["relative"] or "").lower()])
    return day.isoformat(), day.isoformat(), "day"


def extract_russian_times(doc: RussianParse, reference: dt.date | None) -> list[TimeExpression]:
    found: list[tuple[int, int, str, dict]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(doc.text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue  # inside a longer expression found first ("в середине января 2022 года")
            taken.append((start, end))
            found.append((start, end, kind, match.groupdict()))
    times = []
    for number, (start, end, kind, groups) in enumerate(sorted(found), start=1):
        value_start, value_end, precision = _value(kind, groups, reference)
        times.append(
            TimeExpression(
                id=f"T{number}",
                text=doc.text[start:end],
                start=start,
                end=end,
                precision=precision,
                anchored=value_start is not None or value_end is not None,
                value_start=value_start,
                value_end=value_end,
            )
        )
    return times
