"""Time expressions: recognised in the text and normalised against a reference date.

``extract_times(doc, reference_date)`` returns one :class:`TimeExpression` per expression, in
text order, with ids T1, T2, ... Recognition is a regex pass over ``doc.text`` built from the
lexicons in ``extract/data/times.yaml``; the parse already in ``doc`` is only consulted (spaCy's
DATE entities, part-of-speech tags and the verb's tense), never redone.

How it works, in three passes:

1. *Base expressions*, each a regex: written dates ("Mar. 3", "3 March 2021",
   "2021-03-03"), month and year ("March 2013"), bare months and years (only where a
   preposition or spaCy's DATE entity says they are dates), decades, centuries, deictic
   periods ("last week", "this year", "next month", "last Friday"), day words ("yesterday"),
   weekdays, counts of units ("ten days", "three-month"), "N units ago", "the past N units",
   present references ("now"), frequencies ("annually"), clock times and anaphors ("that
   year"). Overlaps keep the longest.
2. *Extensions* that combine neighbours: a part of a period before it ("the middle of
   January", "early 2020", "late last year", "the first half of 2021"), a clock time next to a
   day ("15:00 GMT Saturday"), and a duration anchored to a start ("five days from Mar. 3").
3. *Resolution* in text order against the reference date, and for anaphors against the
   expressions before them ("that year" = the year last mentioned).

Conventions (what the values mean):

- ``value_start``/``value_end`` are ISO dates (or date-times), both inclusive: "January 2022"
  is 2022-01-01..2022-01-31, "this week" Monday..Sunday (ISO weeks).
- Parts of a period: a plain part word is a third of it — beginning/start/early the first
  third, middle/mid the second, end/close/late the last — rounded to whole days (months) or
  whole months (years): "the middle of January 2022" is 2022-01-11..2022-01-21 and "late
  2020" 2020-09-01..2020-12-31; "the first half" / "the second half" are halves. Precision
  ``month-part`` / ``year-part``.
- A duration anchored to a start ("for five days from Mar. 3") runs from the anchor to the
  anchor plus the duration (2021-03-03..2021-03-08), at the anchor's precision; it keeps
  ``kind`` "duration" and its ISO 8601 ``duration`` (P5D).
- Durations without an anchor ("for ten days", "several years") have no calendar value: kind
  "duration", ``duration`` P10D / PXY (X: an unstated number), ``anchored`` false.
- A day and month without a year ("Mar. 3") takes the year that puts it nearest the
  reference date ("Dec. 28" in an article of 2022-01-03 is 2021-12-28); beyond a month from
  it, a past-tense clause moves it into the past and a future one (will, a modal, "until")
  into the future; "since" always looks back. A bare month likewise. A weekday is the last
  one (the reference day included) for a past-tense clause or one of unknown tense, the next
  one for a future clause or when that is only a day ahead. The tense is the verb's the
  expression hangs on through prepositions, else (it dates a noun: "Monday's debate") the
  sentence's main verb's.
- Without a reference date nothing relative is resolved: "Mar. 3" has no value and precision
  ``month-day`` (what is known: a month and a day), "yesterday" and "last week" no value.
  Written years ("March 2013", "2020") need no reference and are always resolved.
- ``precision``: century, decade, year, year-part, season, quarter, month, month-part, week,
  day, minute (a clock time on a known day), ``time`` (a clock time on an unknown day),
  ``present`` ("now", "currently"), ``month-day`` / ``month`` / ``weekday`` / ``year`` for
  what an unresolved expression states; for durations and frequencies, the unit.
- ``anchored`` is true exactly when the expression was resolved to a calendar value.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from importlib import resources

import yaml
from spacy.tokens import Doc

from newsint.extract.intervals import Intervals
from newsint.model import TimeExpression
from newsint.nlp.text import doc_text

__all__ = ["clause_tense", "extract_times", "lexicon"]

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
# Bare four-digit numbers count as years only in this range (older or later ones are
# almost always counts: "1200 troops" is rare, but "1200" as a year in news rarer still).
YEAR_RANGE = (1800, 2099)
# The span before/after a base expression that an extension looks at, in characters.
EXTENSION_WINDOW = 48
# Verb words that mark the future when they govern the expression.
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "going"})
UNTIL_WORDS = frozenset({"until", "till", "by"})
SINCE_WORDS = frozenset({"since"})
PERFECT_AUX = frozenset({"has", "have", "had", "'ve", "'d"})
# Patterns led by a month or weekday name: matched case-sensitively (see patterns()).
CASED_RULES = frozenset({"month_day", "day_month", "month_year", "month", "weekday"})
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SUNDAY = WEEKDAY_NAMES.index("sunday")  # as datetime.date.weekday() counts
# Units that "N units ago" resolves to a calendar period of.
CALENDAR_PRECISIONS = frozenset({"day", "week", "month", "year", "decade", "century", "quarter"})
# Entity labels of amounts: a four-digit number inside one is not a year ("$2020").
AMOUNT_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY"})
# Counts above this are not durations ("5000 years" is rare; "5000 hours" a statistic).
MAX_COUNT = 1000
# Words after which "a year", "one day" are durations ("for a year", "after a day").
DURATION_CONTEXT = frozenset(
    {
        "for",
        "over",
        "within",
        "in",
        "after",
        "than",
        "about",
        "nearly",
        "almost",
        "past",
        "last",
        "around",
        "under",
        "lasting",
    }
)
RELATING_WORDS = frozenset({"before", "after", "later", "earlier", "ago", "long", "from"})
# An amount just before "a year" makes it a rate ("$25,000 a year", "20 percent a month").
RATE_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|trillion|bn|m|k|percent|cent|dollars|pounds|euros))\s*$", re.IGNORECASE
)
# The words before a bare "May" that make it the month.
MAY_CONTEXT = frozenset(
    {
        "in",
        "since",
        "by",
        "until",
        "till",
        "during",
        "before",
        "after",
        "early",
        "late",
        "mid",
        "of",
        "from",
        "through",
        "last",
        "next",
        "this",
        "between",
    }
)
# Periods whose parts the text can name ("early 2020", "the end of the week").
PARTED_PERIODS = frozenset({"month", "year", "decade", "century", "season", "week", "day", "quarter"})
# A "the next year" after one of these is a stretch of time, not the year after another.
EXTENT_PREPOSITIONS = frozenset({"over", "within", "in", "during", "for", "throughout"})
# Entity labels under which a capitalised month or weekday is a name, not a date ("April Ryan").
NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "GPE", "LOC", "NORP", "EVENT"})


# --------------------------------------------------------------------------------------------
# Lexicon


@dataclass(frozen=True, slots=True)
class Unit:
    name: str
    iso: str
    clock: bool


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, int]
    full_months: frozenset[str]  # the names written out, not abbreviated
    weekdays: dict[str, int]
    units: dict[str, Unit]  # form -> unit
    numbers: dict[str, float]
    vague_numbers: frozenset[str]
    ordinals: dict[str, int]
    shifts: dict[str, int]
    anaphoric_shifts: dict[str, int]
    parts: dict[str, tuple[Fraction, Fraction]]
    seasons: dict[str, tuple[str, int, int]]
    day_words: dict[str, int]
    day_parts: frozenset[str]
    present: frozenset[str]
    sets: dict[str, str]
    ago: frozenset[str]
    hence: frozenset[str]
    date_prepositions: frozenset[str]


def _words(raw: dict) -> dict[str, int]:
    return {form.lower(): int(key) for key, forms in raw.items() for form in forms}


@cache
def lexicon() -> Lexicon:
    """The time lexicons shipped as ``extract/data/times.yaml``, parsed once."""
    raw = yaml.safe_load(resources.files("newsint.extract").joinpath("data/times.yaml").read_text("utf-8"))
    units = {
        form: Unit(name, spec["iso"], bool(spec.get("clock", False)))
        for name, spec in raw["units"].items()
        for form in spec["forms"]
    }
    return Lexicon(
        months=_words(raw["months"]),
        full_months=frozenset(forms[0].lower() for forms in raw["months"].values()),
        weekdays=_words(raw["weekdays"]),
        units=units,
        numbers={str(k).lower(): float(v) for k, v in raw["numbers"].items()},
        vague_numbers=frozenset(raw["vague_numbers"]),
        ordinals=dict(raw["ordinals"]),
        shifts=dict(raw["shifts"]),
        anaphoric_shifts=dict(raw["anaphoric_shifts"]),
        parts={k: (Fraction(str(a)), Fraction(str(b))) for k, (a, b) in raw["parts"].items()},
        seasons={k: (v["code"], v["months"][0], v["months"][1]) for k, v in raw["seasons"].items()},
        day_words=dict(raw["day_words"]),
        day_parts=frozenset(raw["day_parts"]),
        present=frozenset(raw["present"]),
        sets=dict(raw["sets"]),
        ago=frozenset(raw["ago"]),
        hence=frozenset(raw["hence"]),
        date_prepositions=frozenset(raw["date_prepositions"]),
    )


def _cased(words) -> str:
    """An alternation of ``words`` capitalised and in capitals, for case-sensitive patterns."""
    return _alt({w.capitalize() for w in words} | {w.upper() for w in words})


def _alt(words) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)))


# --------------------------------------------------------------------------------------------
# Values


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
        return _tense(self.doc, self.found.start, self.found.end)


# --------------------------------------------------------------------------------------------
# Calendar helpers


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _add(day: dt.date, count: float, unit: Unit) -> dt.date | None:
    whole = int(count)
    if whole != count:
        return None
    if unit.name == "day":
        return day + dt.timedelta(days=whole)
    if unit.name in ("week", "weekend"):
        return day + dt.timedelta(weeks=whole)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit.name)
    return _add_months(day, whole * months) if months else None


def _period(precision: str, day: dt.date) -> Value:
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
        return Value("month", day.replace(day=1), _month_end(day.year, day.month))
    if precision == "quarter":
        first = (day.month - 1) // 3 * 3 + 1
        return Value("quarter", dt.date(day.year, first, 1), _month_end(day.year, first + 2))
    if precision == "year":
        return Value("year", dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))
    if precision == "decade":
        first = day.year // 10 * 10
        return Value("decade", dt.date(first, 1, 1), dt.date(first + 9, 12, 31))
    if precision == "century":
        first = day.year // 100 * 100
        return Value("century", dt.date(first, 1, 1), dt.date(first + 99, 12, 31))
    raise ValueError(precision)


def _shift_period(precision: str, day: dt.date, steps: int) -> Value:
    if precision in ("day",):
        return _period("day", day + dt.timedelta(days=steps))
    if precision in ("week", "weekend"):
        return _period(precision, day + dt.timedelta(weeks=steps))
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[precision]
    return _period(precision, _add_months(day.replace(day=1), steps * months))


def _season(code_start_end: tuple[str, int, int], year: int) -> Value:
    _, first, last = code_start_end
    end_year = year + 1 if last < first else year
    return Value("season", dt.date(year, first, 1), _month_end(end_year, last))


def _part(value: Value, fractions: tuple[Fraction, Fraction]) -> Value:
    """A part of a resolved period: thirds or halves of its days (a month or shorter) or of its
    months (a year or longer), rounded to whole days or months."""
    if value.start is None or value.end is None:
        return Value(_part_precision(value.precision), kind=value.kind)
    low, high = fractions
    if value.precision in ("year", "decade", "century", "season", "quarter"):
        months = (value.end.year - value.start.year) * 12 + value.end.month - value.start.month + 1
        first = _add_months(value.start, round(low * months))
        last = _add_months(value.start, round(high * months) - 1)
        return Value(_part_precision(value.precision), first, _month_end(last.year, last.month))
    days = (value.end - value.start).days + 1
    first_day = value.start + dt.timedelta(days=round(low * days))
    last_day = value.start + dt.timedelta(days=max(round(high * days) - 1, round(low * days)))
    return Value(_part_precision(value.precision), first_day, last_day)


def _part_precision(precision: str | None) -> str | None:
    return {"month": "month-part", "year": "year-part"}.get(precision or "", precision)


def _nearest_year(month: int, day: int, reference: dt.date, tense: int) -> dt.date | None:
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


def _nearest_weekday(weekday: int, reference: dt.date, tense: int) -> dt.date:
    back = (reference.weekday() - weekday) % 7
    ahead = (weekday - reference.weekday()) % 7
    if tense < 0:
        return reference - dt.timedelta(days=back)
    if tense > 0 or ahead < min(back, WEEKDAY_REACH):
        return reference + dt.timedelta(days=ahead)
    # Present or unknown tense: news mostly reports what happened ("Monday's debate"), so the
    # last one, unless the next is nearer and only a day or two off.
    return reference - dt.timedelta(days=back)


# --------------------------------------------------------------------------------------------
# Tense of the clause an expression sits in


def clause_tense(doc: Doc, start: int, end: int) -> int:
    """The tense of the clause the characters [start, end) sit in (see ``_tense``)."""
    return _tense(doc, start, end)


def _tense(doc: Doc, start: int, end: int) -> int:
    """-1 past, +1 future, 0 present or unknown, from the verb that governs the span."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0
    preposition = span.root.head.lower_ if span.root.dep_ == "pobj" else ""
    if preposition in SINCE_WORDS:
        return -1  # "since January 1": the date lies behind
    # Up from the expression through prepositions to its verb. Where a noun comes first, the
    # expression dates that noun ("At Monday's debate, Clinton cited ...", "victims between
    # January 1 and September 26 had ..."): the sentence's main verb tells its tense.
    token = span.root if span.root.pos_ in ("VERB", "AUX") else span.root.head
    while token.pos_ not in ("VERB", "AUX"):
        if token.pos_ not in ("ADP", "SCONJ") or token.head.i == token.i:
            token = span.sent.root
            break
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return 0
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if preposition in UNTIL_WORDS and token.tag_ != "VBD":
        return 1  # "has been postponed until Saturday": the date lies ahead
    words = {a.lower_ for a in auxes} | {token.lower_}
    if words & FUTURE_AUX:
        return 1
    if any(a.tag_ == "MD" for a in auxes) and not words & PERFECT_AUX:
        return 1  # "we could meet on Saturday": a modal looks ahead ("could have met" does not)
    if token.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return -1
    if token.tag_ == "VBN" and words & PERFECT_AUX:
        return -1
    return 0


# --------------------------------------------------------------------------------------------
# Patterns


@dataclass(frozen=True, slots=True)
class Patterns:
    base: list[tuple[str, re.Pattern[str]]]
    part_before: re.Pattern[str]
    ordinal_before: re.Pattern[str]
    hedge_before: re.Pattern[str]
    anchor_after: re.Pattern[str]
    clock_gap: re.Pattern[str]


@cache
def patterns() -> Patterns:
    lex = lexicon()
    month = rf"(?P<month>(?:{_alt(lex.full_months)})\b|(?:{_alt(set(lex.months) - lex.full_months)})\b\.?)"
    # Month and weekday names count only capitalised or in capitals ("may", "march", "sun" are
    # other words): the patterns led by them are case-sensitive, with (?i:...) around the rest.
    cased_month = rf"(?P<month>(?:{_cased(lex.full_months)})\b|(?:{_cased(set(lex.months) - lex.full_months)})\b\.?)"
    cased_weekday_opt = rf"(?:(?P<weekday>{_cased(lex.weekdays)})\b\.?,?\s+)?"
    # A day or a range of days in one month ("24-25 April", "March 3–5").
    days = r"(?P<day>[0-3]?\d)(?i:st|nd|rd|th)?(?:\s*[-–]\s*(?P<day2>[0-3]?\d)(?i:st|nd|rd|th)?)?"
    year = r"(?P<year>(?:1[89]|20)\d\d)(?![\d,]*\d)(?!\s*%)"
    number_words = _alt(k for k in lex.numbers if " " not in k or k.startswith("a "))
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    any_number = (
        rf"\d+(?:\.\d+)?|(?:{tens})[-\s](?:one|two|three|four|five|six|seven|eight|nine)|{number_words}"
        rf"|{_alt(lex.vague_numbers)}"
    )
    number = rf"(?P<num>{any_number})"
    unit = rf"(?P<unit>{_alt(lex.units)})"
    shift = rf"(?P<shift>{_alt(lex.shifts)})"
    # What a count can start with: a first-character test, cheap at every position.
    first = {w[0].lower() for w in [*lex.numbers, *lex.vague_numbers]} | {"t"}
    counted = rf"(?=[\d{''.join(sorted(first))}])"
    plain_periods = "day|week|weekend|month|quarter|year|decade|century"
    seasons = _alt(lex.seasons)
    # The start of a word, not inside a hyphenated or possessive one (the \b first: cheap to
    # test at every position, it spares the look-behind most of them).
    b = r"\b(?<![\w'’-])"
    e = r"(?![\w-])"
    base = [
        ("iso", rf"{b}(?P<year>\d{{4}})-(?P<m>\d\d)-(?P<d>\d\d){e}"),
        (
            "month_day",
            rf"(?=[A-Z]){b}{cased_weekday_opt}{cased_month}\s+{days}(?!\d)(?![\w:.,]\d)"
            rf"(?:,?\s+{year})?{e}",
        ),
        (
            "day_month",
            rf"(?=[\dA-Zt]){b}{cased_weekday_opt}(?:(?i:the)\s+)?{days}\s+(?:(?i:of)\s+)?"
            rf"{cased_month}(?:,?\s+{year})?{e}",
        ),
        ("month_year", rf"(?=[A-Z]){b}{cased_month},?\s+(?:(?i:of)\s+)?{year}{e}"),
        ("month", rf"(?=[A-Z])(?:{b}|(?<=mid-)){cased_month}(?!\w)"),
        ("weekend", rf"{b}the\s+weekend{e}"),
        ("year", rf"(?=[12])(?:(?<![\w$£€.,'’-])|(?<=mid-)){year}(?!-\w)(?![\w])"),
        ("decade", rf"(?<![\w'’-])(?:the\s+)?(?:(?P<century>1[5-9]|20)(?P<decade>\d)0|['’](?P<short>\d)0)['’]?s{e}"),
        ("century", rf"{b}(?:the\s+)?(?P<ordinal>\d{{1,2}})(?:st|nd|rd|th)[-\s]+century{e}"),
        (
            "season_year",
            rf"{b}(?:the\s+)?(?P<season>{seasons})\s+(?:of\s+)?{year}{e}",
        ),
        (
            "shifted",
            rf"{b}{shift}\s+(?:(?P<period>{plain_periods})|(?P<season>{seasons})|(?P<weekday>{_alt(lex.weekdays)})|{month}){e}",
        ),
        ("earlier_this", rf"{b}(?P<side>earlier|later)\s+this\s+(?P<period>week|month|year){e}"),
        (
            "day_word",
            rf"{b}(?P<word>{_alt(lex.day_words)})(?:\s+(?P<part>{_alt(lex.day_parts)}))?{e}",
        ),
        ("this_part", rf"{b}(?P<shift>this|last)\s+(?P<part>{_alt(lex.day_parts)}){e}"),
        (
            "weekday",
            rf"(?=[A-Z])(?<![\w-])(?P<weekday>{_cased(WEEKDAY_NAMES)})(?i:s)?(?:\s+(?P<part>(?i:{_alt(lex.day_parts)})))?{e}",
        ),
        ("the_past", rf"{b}the\s+(?P<shift>past|last|previous|next|coming|following)\s+(?:{number}\s+)?{unit}{e}"),
        # A count of units, in one pass for speed: "ten days", "two years ago" (direction), and
        # the first count of a range, "between 12 and 18 months" (range_unit: the unit after
        # the second count, which the next match takes).
        (
            "counted",
            rf"{counted}{b}(?:the\s+(?=\d|[a-z]+\s))?{number}"
            rf"(?:(?=\s*(?:and|to|or|-|–)\s*(?:{any_number})[-\s]+(?P<range_unit>{_alt(lex.units)}){e})"
            rf"|(?:\s+more)?[-\s]+{unit}(?:\s+(?P<direction>{_alt(lex.ago | lex.hence)})|[-\s]+long)?{e})",
        ),
        ("recent", rf"{b}recent\s+(?P<unit>days|weeks|months|years|decades){e}"),
        ("bare_units", rf"{b}(?P<unit>days|weeks|months|years|decades){e}"),
        ("present", rf"{b}(?:{_alt(lex.present)})(?![\w-])"),
        ("set", rf"{b}(?:(?P<adverb>{_alt(lex.sets)})|(?:every|each|per)\s+(?P<unit>day|week|month|year)){e}"),
        (
            "clock",
            r"(?=[\dnm])(?:(?<![\w:.])(?P<h>[012]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]m\b)"
            r"|(?<![\w:.])(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?![:\d])"
            r"(?:\s+(?P<tz>GMT|UTC|BST|CET|EST|EDT|PST|local time))?"
            r"|\b(?P<word>noon|midday|midnight)\b)",
        ),
        (
            "anaphor",
            rf"{b}(?P<ana>{_alt(lex.anaphoric_shifts)})\s+(?P<period>day|week|month|year|decade){e}",
        ),
    ]
    compiled = [(name, re.compile(regex, 0 if name in CASED_RULES else re.IGNORECASE)) for name, regex in base]
    parts = _alt(lex.parts)
    return Patterns(
        base=compiled,
        part_before=re.compile(
            rf"(?:(?:the\s+(?:very\s+)?)?(?P<part>{parts})\s+of\s+(?:the\s+)?|(?:the\s+)?(?P<adj>early|mid|late)(?:-|\s+))$",
            re.IGNORECASE,
        ),
        ordinal_before=re.compile(
            rf"(?:the\s+)?(?P<ordinal>{_alt(lex.ordinals)})\s+(?P<unit>week|weekend|month|quarter)\s+of\s+$",
            re.IGNORECASE,
        ),
        hedge_before=re.compile(
            r"(?:almost|nearly|about|approximately|roughly|around|a\s+mere|some)\s+$", re.IGNORECASE
        ),
        anchor_after=re.compile(
            r"^\s+(?:from|starting(?:\s+on|\s+from)?|beginning(?:\s+on)?|as\s+of)\s+", re.IGNORECASE
        ),
        clock_gap=re.compile(r"^(?:,?\s+(?:on\s+|at\s+)?)$", re.IGNORECASE),
    )


# --------------------------------------------------------------------------------------------
# Recognition


def extract_times(doc: Doc, reference_date: dt.date | None) -> list[TimeExpression]:
    """Time expressions in ``doc`` (a parsed spaCy Doc), normalised against ``reference_date``
    (the publication date; None when unknown: then nothing relative is resolved)."""
    text = doc_text(doc)  # Doc.ents too is rebuilt on every access: read it once
    found = _recognise(doc, text)
    earlier: list[tuple[Found, Value]] = []
    records = []
    for item in found:
        value = item.resolve(Context(doc, reference_date, item, earlier))
        earlier.append((item, value))
        records.append(_record(text, item, value, len(records) + 1))
    return records


def _record(text: str, item: Found, value: Value, number: int) -> TimeExpression:
    def iso(day: dt.date | None) -> str | None:
        if day is None:
            return None
        return f"{day.isoformat()}T{value.clock}" if value.clock else day.isoformat()

    return TimeExpression(
        id=f"T{number}",
        text=text[item.start : item.end],
        start=item.start,
        end=item.end,
        precision=value.precision,
        anchored=value.start is not None,
        value_start=iso(value.start),
        value_end=iso(value.end),
        kind=value.kind,
        duration=value.duration,
    )


def _recognise(doc: Doc, text: str) -> list[Found]:
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    spans = {
        "date": Intervals((s, e) for s, e, label in ents if label in ("DATE", "TIME")),
        "name": Intervals((s, e) for s, e, label in ents if label in NAME_LABELS),
        "amount": Intervals((s, e) for s, e, label in ents if label in AMOUNT_LABELS),
    }
    candidates: list[tuple[int, int, int, Found]] = []
    for priority, (rule, pattern) in enumerate(patterns().base):
        for match in pattern.finditer(text):
            item = _base(rule, match, doc, text, spans)
            if item is not None:
                candidates.append((-(item.end - item.start), priority, item.start, item))
    chosen: list[Found] = []
    # The characters of the expressions chosen so far (each a few words long): looked up, not
    # searched, so a long article's thousands of candidates cost each their own length.
    taken: set[int] = set()
    for _, _, _, item in sorted(candidates, key=lambda c: c[:3]):
        if not any(i in taken for i in range(item.start, item.end)):
            chosen.append(item)
            taken.update(range(item.start, item.end))
    chosen.sort(key=lambda f: f.start)
    return _extend(text, chosen)


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _previous_word(text: str, start: int) -> str:
    match = re.search(r"([A-Za-z]+)[\s-]*$", text[max(0, start - 20) : start])
    return match.group(1).lower() if match else ""


def _number(raw: str) -> float | None:
    lex = lexicon()
    word = " ".join(raw.lower().split())
    if word in lex.vague_numbers and word not in lex.numbers:
        return None
    if word in lex.numbers:
        return lex.numbers[word]
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    pieces = re.split(r"[-\s]", word)
    if len(pieces) == 2 and all(p in lex.numbers for p in pieces):
        return lex.numbers[pieces[0]] + lex.numbers[pieces[1]]
    return None


def _iso_duration(count: float | None, unit: Unit) -> str:
    if count is None:
        amount = "X"
    elif count == int(count):
        amount = str(int(count))
    else:
        amount = str(count)
    return f"PT{amount}{unit.iso}" if unit.clock else f"P{amount}{unit.iso}"


@dataclass(slots=True)
class Cue:
    """A regex match with the context its builder checks."""

    rule: str
    match: re.Match[str]
    doc: Doc
    text: str  # doc.text
    groups: dict[str, str]
    in_date_entity: bool  # overlaps spaCy's DATE or TIME entity
    in_name: bool  # overlaps a PERSON, ORG, ... entity
    in_amount: bool  # overlaps a MONEY, PERCENT or QUANTITY entity

    @property
    def start(self) -> int:
        return self.match.start()

    @property
    def end(self) -> int:
        return self.match.end()

    def found(self, resolve: Callable[[Context], Value], **facts) -> Found:
        return Found(self.start, self.end, self.rule, resolve, **facts)


def _base(rule: str, match: re.Match[str], doc: Doc, text: str, spans: dict[str, Intervals]) -> Found | None:
    """A recognised base expression, or None where the context says the words are not a date."""
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    # Month and weekday names count only capitalised: "may", "march", "sun" are other words.
    if any(groups.get(name) and not _capitalised(groups[name]) for name in ("month", "weekday")):
        return None
    in_spans = {kind: found.overlaps(match.start(), match.end()) for kind, found in spans.items()}
    cue = Cue(rule, match, doc, text, groups, in_spans["date"], in_spans["name"], in_spans["amount"])
    return _BUILDERS[rule](cue)


def _build_iso(cue: Cue) -> Found | None:
    try:
        day = dt.date(int(cue.groups["year"]), int(cue.groups["m"]), int(cue.groups["d"]))
    except ValueError:
        return None
    return cue.found(lambda c: Value("day", day, day, explicit_year=True), period="day", day_like=True)


def _build_month_day(cue: Cue) -> Found | None:
    month_word = cue.groups["month"]
    month = lexicon().months[month_word.lower().rstrip(".")]
    day_number = int(cue.groups["day"])
    last_day = int(cue.groups.get("day2", day_number))
    if not 1 <= day_number <= last_day <= calendar.monthrange(2000, month)[1]:  # 2000: a leap year
        return None
    if month_word.lower() == "may" and "year" not in cue.groups and _is_modal(cue.doc, cue.start):
        return None
    year = int(cue.groups["year"]) if "year" in cue.groups else None
    return cue.found(_month_day(month, day_number, year, last_day), period="day", day_like=True)


def _build_month_year(cue: Cue) -> Found | None:
    month = lexicon().months[cue.groups["month"].lower().rstrip(".")]
    year = int(cue.groups["year"])
    return cue.found(lambda c: _with_year(_period("month", dt.date(year, month, 1))), period="month")


def _build_month(cue: Cue) -> Found | None:
    lex = lexicon()
    word = cue.groups["month"].rstrip(".").lower()
    if not cue.in_date_entity:
        # Outside spaCy's DATE entities a bare month needs a preposition ("in June") and its
        # full name, and is not part of a name ("April Ryan").
        if word not in lex.full_months or word == "may" or cue.in_name:
            return None
        if _previous_word(cue.text, cue.start) not in lex.date_prepositions:
            return None
    # "May" alone is also a modal and a name ("urged May to"): only after a preposition that
    # takes a time ("in May", "since May", "early May") does it count, even in a DATE entity.
    if word == "may" and (_is_modal(cue.doc, cue.start) or _previous_word(cue.text, cue.start) not in MAY_CONTEXT):
        return None
    return cue.found(_bare_month(lex.months[word]), period="month")


def _build_year(cue: Cue) -> Found | None:
    year = int(cue.groups["year"])
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        return None
    if not cue.in_date_entity and _previous_word(cue.text, cue.start) not in lexicon().date_prepositions:
        return None
    if cue.in_amount:
        return None
    return cue.found(lambda c: _with_year(_period("year", dt.date(year, 1, 1))), period="year")


def _build_decade(cue: Cue) -> Found | None:
    if cue.groups.get("short"):  # "the '90s": which century is not written
        return cue.found(lambda c: Value("decade"), period="decade") if cue.in_date_entity else None
    first = int(cue.groups["century"]) * 100 + int(cue.groups["decade"]) * 10
    return cue.found(lambda c: _with_year(_period("decade", dt.date(first, 1, 1))), period="decade")


def _build_century(cue: Cue) -> Found | None:
    ordinal = int(cue.groups["ordinal"])
    if not 1 <= ordinal <= 22:
        return None
    first = max((ordinal - 1) * 100, 1)
    return cue.found(lambda c: _with_year(_period("century", dt.date(first, 1, 1))), period="century")


def _build_season_year(cue: Cue) -> Found | None:
    season = lexicon().seasons[cue.groups["season"].lower()]
    year = int(cue.groups["year"])
    return cue.found(lambda c: _with_year(_season(season, year)), period="season")


def _build_shifted(cue: Cue) -> Found | None:
    return _shifted(cue.start, cue.end, cue.groups)


def _build_earlier_this(cue: Cue) -> Found | None:
    return cue.found(_earlier_this(cue.groups["side"].lower(), cue.groups["period"].lower()))


def _build_weekend(cue: Cue) -> Found | None:
    return cue.found(_the_weekend, period="weekend")


def _build_day_word(cue: Cue) -> Found | None:
    word = cue.match.group(0)
    if word[:1].isupper() and not _sentence_start(cue.text, cue.start):
        return None  # "USA Today", "BBC Radio 4's Today programme": a name
    if cue.rule == "this_part":
        offset = -1 if cue.groups["shift"].lower() == "last" else 0
    else:
        offset = lexicon().day_words[cue.groups["word"].lower()]
    return cue.found(_relative_day(offset), period="day", day_like=True)


def _build_weekday(cue: Cue) -> Found | None:
    if cue.match.group(0).rstrip().lower().endswith("s") and "part" not in cue.groups:
        return None  # "Fridays": a set, not a day
    if cue.in_name and not cue.in_date_entity:
        return None
    weekday = lexicon().weekdays[cue.groups["weekday"].lower()]
    return cue.found(_weekday(weekday), period="day", day_like=True)


def _counted(cue: Cue, unit_group: str = "unit") -> tuple[float | None, Unit] | None:
    """The count and unit of "ten days", "several years", "the coming weeks"; None if no count."""
    lex = lexicon()
    unit = lex.units[cue.groups[unit_group].lower()]
    raw_number = cue.groups.get("num")
    if raw_number is None:
        # "the past week" is one week; "the coming weeks" an unstated number of them.
        return (None if cue.groups[unit_group].lower().endswith("s") else 1.0), unit
    count = _number(raw_number)
    if count is None and " ".join(raw_number.lower().split()) not in lex.vague_numbers:
        return None
    return count, unit


def _build_counted(cue: Cue) -> Found | None:
    if "range_unit" in cue.groups:
        return _build_range_first(cue)
    if "direction" in cue.groups:
        return _build_ago(cue)
    return _build_duration(cue)


def _build_duration(cue: Cue, end: int | None = None) -> Found | None:
    counted = _counted(cue)
    if counted is None:
        return None
    count, unit = counted
    raw_number = cue.groups.get("num", "").lower()
    text = cue.text
    end = end or cue.end
    if raw_number in ("a", "an") and RATE_BEFORE.search(text[max(0, cue.start - 20) : cue.start]):
        # "$25,000 a year", "10% a month": a rate, repeating every unit (a TIMEX3 set).
        return Found(cue.start, end, "set", lambda c: Value(None, kind="set", duration=_iso_duration(1, unit)))
    if raw_number in ("a", "an", "one"):
        # "a year", "one day" are durations only after a preposition of extent ("for a year")
        # or before a word relating them to an event ("an hour before"); "a quarter of" is a
        # fraction.
        next_word = re.match(r"\s+(\w+)", text[end : end + 20])
        related = next_word is not None and next_word.group(1).lower() in RELATING_WORDS
        if unit.name == "quarter" or not (related or _duration_context(text, cue.start)):
            return None
    if count is not None and count > MAX_COUNT:
        return None
    found = Found(cue.start, end, "duration", _duration(count, unit), count=count, unit=unit)
    if hedge := patterns().hedge_before.search(text[max(0, cue.start - EXTENSION_WINDOW) : cue.start]):
        found.start -= len(hedge.group(0))  # "almost seven years": the hedge is part of the extent
    return found


def _build_range_first(cue: Cue) -> Found | None:
    counted = _counted(cue, "range_unit")
    if counted is None or counted[0] is None or cue.groups["num"].lower() in ("a", "an"):
        return None
    count, unit = counted
    return Found(cue.start, cue.end, "duration", _duration(count, unit), count=count, unit=unit)


def _build_the_past(cue: Cue) -> Found | None:
    singular = "num" not in cue.groups and not cue.groups["unit"].lower().endswith("s")
    if singular and cue.groups["shift"].lower() in ("following", "previous", "next"):
        return None  # "the following year" is an anaphor, resolved from the year before it
    counted = _counted(cue)
    if counted is None:
        return None
    count, unit = counted
    return cue.found(_duration(count, unit), count=count, unit=unit)


def _build_ago(cue: Cue) -> Found | None:
    lex = lexicon()
    direction = " ".join(cue.groups["direction"].lower().split())
    if direction == "before" and re.match(r"\s+[A-Za-z]", cue.text[cue.end : cue.end + 2]):
        # "a week before the start": "before" opens a phrase; the expression is "a week".
        return _build_duration(cue, end=cue.match.end("unit"))
    counted = _counted(cue)
    if counted is None:
        return None
    count, unit = counted
    sign = -1 if direction in lex.ago else 1
    anaphoric = direction in ("earlier", "later", "before")
    return Found(cue.start, cue.end, "ago", _ago(count, unit, sign, anaphoric), count=count, unit=unit)


def _build_units(cue: Cue) -> Found | None:
    if cue.rule == "bare_units" and not cue.in_date_entity:
        return None  # "days", "years" alone only where spaCy marked a date ("for days")
    unit = lexicon().units[cue.groups["unit"].lower()]
    return cue.found(_duration(None, unit), unit=unit)


def _build_present(cue: Cue) -> Found | None:
    if cue.text[cue.end : cue.end + 1] == "-":
        return None  # "the now-defunct"
    return cue.found(_present)


def _build_set(cue: Cue) -> Found | None:
    if cue.in_name:
        return None  # "the Daily Mail"
    token = cue.doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if cue.groups.get("adverb") and token is not None and token.root.pos_ in ("NOUN", "PROPN"):
        return None  # "the Lebanese daily al-Joumhouria": a newspaper
    lex = lexicon()
    if adverb := cue.groups.get("adverb"):
        iso = lex.sets[adverb.lower()]
    else:
        iso = "P1" + lex.units[cue.groups["unit"].lower()].iso
    return cue.found(lambda c: Value(None, kind="set", duration=iso))


def _build_clock(cue: Cue) -> Found | None:
    return _clock(cue.start, cue.end, cue.groups)


def _build_anaphor(cue: Cue) -> Found | None:
    lex = lexicon()
    period = cue.groups["period"].lower()
    steps = lex.anaphoric_shifts[" ".join(cue.groups["ana"].lower().split())]
    if steps and _previous_word(cue.text, cue.start) in EXTENT_PREPOSITIONS:
        unit = lex.units[period]  # "over the next year": a duration
        return Found(cue.start, cue.end, "duration", _duration(1, unit), count=1, unit=unit)
    return cue.found(_anaphor(period, steps), period=period, day_like=period == "day")


_BUILDERS: dict[str, Callable[[Cue], Found | None]] = {
    "iso": _build_iso,
    "month_day": _build_month_day,
    "day_month": _build_month_day,
    "month_year": _build_month_year,
    "month": _build_month,
    "year": _build_year,
    "decade": _build_decade,
    "century": _build_century,
    "season_year": _build_season_year,
    "shifted": _build_shifted,
    "earlier_this": _build_earlier_this,
    "weekend": _build_weekend,
    "day_word": _build_day_word,
    "this_part": _build_day_word,
    "weekday": _build_weekday,
    "the_past": _build_the_past,
    "counted": _build_counted,
    "recent": _build_units,
    "bare_units": _build_units,
    "present": _build_present,
    "set": _build_set,
    "clock": _build_clock,
    "anaphor": _build_anaphor,
}


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:;—–-"


def _is_modal(doc: Doc, char: int) -> bool:
    span = doc.char_span(char, char + 3, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].tag_ == "MD"


def _duration_context(text: str, start: int) -> bool:
    """ "a day", "one year" are durations after a preposition of extent ("for a year")."""
    return _previous_word(text, start) in DURATION_CONTEXT


def _with_year(value: Value) -> Value:
    value.explicit_year = True
    return value


# --- resolvers (each returns a function of the context) -------------------------------------


def _month_day(month: int, day_number: int, year: int | None, last_day: int) -> Callable[[Context], Value]:
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
        day = _nearest_year(month, day_number, context.reference, context.tense())
        if day is None:
            return Value("month-day")
        try:
            return Value("day", day, day.replace(day=last_day))
        except ValueError:  # "29-30 Feb." in a year without a 29th
            return Value("month-day")

    return resolve


def _bare_month(month: int) -> Callable[[Context], Value]:
    def resolve(context: Context) -> Value:
        if context.reference is None:
            return Value("month")
        day = _nearest_year(month, 1, context.reference.replace(day=1), context.tense())
        return _period("month", day) if day else Value("month")

    return resolve


def _shifted(start: int, end: int, groups: dict[str, str]) -> Found | None:
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
                return _period("week", context.reference)
            return _shift_period(period, context.reference, steps)

        return Found(start, end, "shifted", resolve, period=period)
    if season_word := groups.get("season"):
        season = lex.seasons[season_word.lower()]

        def resolve_season(context: Context) -> Value:
            if context.reference is None:
                return Value("season")
            ref = context.reference
            # The occurrence of the season that began most recently, on or before the reference date.
            year = ref.year if dt.date(ref.year, season[1], 1) <= ref else ref.year - 1
            latest = _season(season, year)
            running = latest.end is not None and ref <= latest.end
            if steps < 0:
                return _season(season, year - 1) if running else latest
            if steps > 0:
                return _season(season, year + 1)
            return latest if running else _season(season, year + 1)

        return Found(start, end, "shifted", resolve_season, period="season")
    if weekday_word := groups.get("weekday"):
        if not _capitalised(weekday_word):
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
    if not month_word or not _capitalised(month_word) or word not in ("last", "this", "next", "past"):
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
        return _period("month", dt.date(year, month, 1))

    return Found(start, end, "shifted", resolve_month, period="month")


def _earlier_this(side: str, period: str) -> Callable[[Context], Value]:
    def resolve(context: Context) -> Value:
        precision = _part_precision(period)
        if context.reference is None:
            return Value(precision)
        whole = _period(period, context.reference)
        if side == "earlier":
            return Value(precision, whole.start, context.reference)
        return Value(precision, context.reference, whole.end)

    return resolve


def _the_weekend(context: Context) -> Value:
    """ "over the weekend": the last one for a past verb, the next for a future one, else the
    nearest (the one under way on a Saturday or Sunday)."""
    if context.reference is None:
        return Value("weekend")
    ref = context.reference
    if ref.weekday() >= 5:
        return _period("weekend", ref)
    last = ref - dt.timedelta(days=ref.weekday() + 2)  # the Saturday before this week
    tense = context.tense()
    ahead = tense > 0 or (tense == 0 and ref.weekday() >= 4)
    return _period("weekend", last + dt.timedelta(days=7) if ahead else last)


def _relative_day(offset: int) -> Callable[[Context], Value]:
    def resolve(context: Context) -> Value:
        if context.reference is None:
            return Value("day")
        day = context.reference + dt.timedelta(days=offset)
        return Value("day", day, day)

    return resolve


def _weekday(weekday: int) -> Callable[[Context], Value]:
    def resolve(context: Context) -> Value:
        if context.reference is None:
            return Value("weekday")
        day = _nearest_weekday(weekday, context.reference, context.tense())
        return Value("day", day, day)

    return resolve


def _duration(count: float | None, unit: Unit) -> Callable[[Context], Value]:
    return lambda context: Value(unit.name, kind="duration", duration=_iso_duration(count, unit))


def _ago(count: float | None, unit: Unit, sign: int, anaphoric: bool) -> Callable[[Context], Value]:
    """ "two years ago" (from the reference date); "two years later" (from the date last
    mentioned). Unresolved, a point in time at the unit's precision; a vague or clock-unit
    count ("several hours ago") keeps only its length."""

    def resolve(context: Context) -> Value:
        precision = {"weekend": "week"}.get(unit.name, unit.name)
        if count is None or unit.clock or precision not in CALENDAR_PRECISIONS:
            return Value(unit.name, kind="duration", duration=_iso_duration(count, unit))
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
        moved = _add(base, sign * count, unit)
        if moved is None:
            return Value(unit.name, kind="duration", duration=_iso_duration(count, unit))
        return _period(precision, moved)

    return resolve


def _unit_days(unit: Unit) -> int:
    """The most days one of this unit spans (a month 31, a year 366)."""
    return {"day": 1, "week": 7, "weekend": 7, "month": 31, "quarter": 92, "year": 366, "decade": 3653,
            "century": 36525}.get(unit.name, 0)  # fmt: skip


def _present(context: Context) -> Value:
    if context.reference is None:
        return Value("present")
    return Value("present", context.reference, context.reference)


def _clock(start: int, end: int, groups: dict[str, str]) -> Found:
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


def _anaphor(period: str, steps: int) -> Callable[[Context], Value]:
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
            shifted = _shift_period(period, value.start, steps)
            shifted.explicit_year = value.explicit_year
            return shifted
        return Value(period)

    return resolve


# --------------------------------------------------------------------------------------------
# Extensions: parts of periods, clock times with days, anchored durations


def _extend(text: str, found: list[Found]) -> list[Found]:
    found = _extend_parts(text, found)
    found = _join_clock(text, found)
    return _anchor_durations(text, found)


def _absorb(found: list[Found], item: Found, new_start: int, new_end: int) -> list[Found]:
    """``found`` with ``item`` widened to [new_start, new_end) and the items inside it dropped."""
    kept = [f for f in found if f is item or not (new_start <= f.start and f.end <= new_end)]
    if any(f is not item and f.start < new_end and new_start < f.end for f in kept):
        return found  # would cut another expression in two: leave both as they were
    item.start, item.end = new_start, new_end
    return kept


def _extend_parts(text: str, found: list[Found]) -> list[Found]:
    lex = lexicon()
    pats = patterns()
    for item in list(found):
        if item.period not in PARTED_PERIODS or (item.rule == "anaphor" and item.period == "day"):
            continue
        before = text[max(0, item.start - EXTENSION_WINDOW) : item.start]
        if match := pats.part_before.search(before):
            word = (match.group("part") or match.group("adj")).lower()
            fractions = lex.parts[" ".join(word.split())]
            found = _absorb(found, item, item.start - len(match.group(0)), item.end)
            inner = item.resolve
            item.resolve = lambda c, inner=inner, fractions=fractions: _part(inner(c), fractions)
            continue
        if item.period in ("month", "year") and (match := pats.ordinal_before.search(before)):
            ordinal = lex.ordinals[match.group("ordinal").lower()]
            unit = match.group("unit").lower()
            found = _absorb(found, item, item.start - len(match.group(0)), item.end)
            inner = item.resolve
            item.resolve = lambda c, inner=inner, ordinal=ordinal, unit=unit: _ordinal_part(inner(c), ordinal, unit)
    return found


def _ordinal_part(value: Value, ordinal: int, unit: str) -> Value:
    """ "the first week of March", "the last quarter of 2020"."""
    if value.start is None or value.end is None:
        return Value(unit, kind=value.kind)
    if unit in ("week", "weekend"):
        if ordinal > 0:
            first = value.start + dt.timedelta(weeks=ordinal - 1)
            return Value("week", first, min(first + dt.timedelta(days=6), value.end))
        return Value("week", value.end - dt.timedelta(days=6), value.end)
    size = {"month": 1, "quarter": 3}[unit]
    if ordinal > 0:
        first = _add_months(value.start, (ordinal - 1) * size)
    else:
        first = _add_months(dt.date(value.end.year, value.end.month, 1), 1 - size)
    last = _add_months(first, size - 1)
    return Value(unit, first, _month_end(last.year, last.month))


def _join_clock(text: str, found: list[Found]) -> list[Found]:
    """A clock time next to a day ("15:00 GMT Saturday", "Mar. 3 at 9 a.m.") is one expression."""
    pats = patterns()
    index = 0
    while index < len(found) - 1:
        first, second = found[index], found[index + 1]
        gap = text[first.end : second.start]
        pair = (
            (first, second)
            if first.rule == "clock" and second.day_like
            else (second, first)
            if second.rule == "clock" and first.day_like
            else None
        )
        if pair and pats.clock_gap.match(gap):
            clock, day = pair
            clock_value = clock.resolve
            day_value = day.resolve

            def resolve(c: Context, clock_value=clock_value, day_value=day_value) -> Value:
                when, at = day_value(c), clock_value(c)
                if when.start is None:
                    return Value("time", kind="time", clock=at.clock)
                return Value("minute", when.start, when.start, kind="time", clock=at.clock)

            merged = Found(first.start, second.end, "clock_day", resolve, period="day", day_like=True)
            found[index : index + 2] = [merged]
            continue
        index += 1
    # A clock time alone takes the day last mentioned in its sentence, else none.
    for item in found:
        if item.rule == "clock":
            item.resolve = _clock_alone(item.resolve)
    return found


def _clock_alone(inner: Callable[[Context], Value]) -> Callable[[Context], Value]:
    def resolve(context: Context) -> Value:
        at = inner(context)
        sentence = context.doc.char_span(context.found.start, context.found.end, alignment_mode="expand")
        sentence_start = sentence.sent.start_char if sentence is not None and len(sentence) else context.found.start
        for item, value in reversed(context.earlier):
            if item.start < sentence_start:
                break
            if value.precision == "day" and value.start is not None:
                return Value("minute", value.start, value.start, kind="time", clock=at.clock)
        return at

    return resolve


def _anchor_durations(text: str, found: list[Found]) -> list[Found]:
    """ "five days from Mar. 3": the duration runs from the anchor (2021-03-03..2021-03-08)."""
    pats = patterns()
    index = 0
    while index < len(found) - 1:
        first, second = found[index], found[index + 1]
        gap = text[first.end : second.start]
        if (
            first.rule == "duration"
            and first.count is not None
            and first.unit
            and second.day_like
            and pats.anchor_after.fullmatch(gap)
        ):
            count, unit, anchor = first.count, first.unit, second.resolve

            def resolve(c: Context, count=count, unit=unit, anchor=anchor) -> Value:
                start = anchor(c)
                iso = _iso_duration(count, unit)
                if start.start is None:
                    return Value(unit.name, kind="duration", duration=iso)
                end = _add(start.start, count, unit)
                if end is None:
                    return Value(unit.name, kind="duration", duration=iso)
                return Value("day", start.start, end, kind="duration", duration=iso, explicit_year=start.explicit_year)

            found[index : index + 2] = [Found(first.start, second.end, "anchored_duration", resolve)]
            continue
        index += 1
    return found
