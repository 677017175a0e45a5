"""Builders: one per base pattern, each turns a regex match into a :class:`Found` (its span, its
resolver and the facts the extensions need), or rejects it where the context says the words are
not a date ("May" the modal, "April Ryan", "$2020", "the Daily Mail")."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from newsint.extract.intervals import Intervals
from newsint.extract.times.extensions import EXTENSION_WINDOW
from newsint.extract.times.lexicon import Unit, capitalised, lexicon
from newsint.extract.times.patterns import patterns
from newsint.extract.times.periods import iso_duration, period_of, season_of
from newsint.extract.times.resolvers import (
    ago,
    anaphor,
    bare_month,
    clock_time,
    deictic,
    duration,
    earlier_this,
    month_day,
    named_weekday,
    present,
    relative_day,
    the_weekend,
)
from newsint.extract.times.values import Context, Found, Value

# Bare four-digit numbers count as years only in this range (older or later ones are
# almost always counts: "1200 troops" is rare, but "1200" as a year in news rarer still).
YEAR_RANGE = (1800, 2099)
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
# A "the next year" after one of these is a stretch of time, not the year after another.
EXTENT_PREPOSITIONS = frozenset({"over", "within", "in", "during", "for", "throughout"})


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


def base_expression(rule: str, match: re.Match[str], doc: Doc, text: str, spans: dict[str, Intervals]) -> Found | None:
    """A recognised base expression, or None where the context says the words are not a date."""
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    # Month and weekday names count only capitalised: "may", "march", "sun" are other words.
    if any(groups.get(name) and not capitalised(groups[name]) for name in ("month", "weekday")):
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
    return cue.found(month_day(month, day_number, year, last_day), period="day", day_like=True)


def _build_month_year(cue: Cue) -> Found | None:
    month = lexicon().months[cue.groups["month"].lower().rstrip(".")]
    year = int(cue.groups["year"])
    return cue.found(lambda c: _with_year(period_of("month", dt.date(year, month, 1))), period="month")


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
    return cue.found(bare_month(lex.months[word]), period="month")


def _build_year(cue: Cue) -> Found | None:
    year = int(cue.groups["year"])
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        return None
    if not cue.in_date_entity and _previous_word(cue.text, cue.start) not in lexicon().date_prepositions:
        return None
    if cue.in_amount:
        return None
    return cue.found(lambda c: _with_year(period_of("year", dt.date(year, 1, 1))), period="year")


def _build_decade(cue: Cue) -> Found | None:
    if cue.groups.get("short"):  # "the '90s": which century is not written
        return cue.found(lambda c: Value("decade"), period="decade") if cue.in_date_entity else None
    first = int(cue.groups["century"]) * 100 + int(cue.groups["decade"]) * 10
    return cue.found(lambda c: _with_year(period_of("decade", dt.date(first, 1, 1))), period="decade")


def _build_century(cue: Cue) -> Found | None:
    ordinal = int(cue.groups["ordinal"])
    if not 1 <= ordinal <= 22:
        return None
    first = max((ordinal - 1) * 100, 1)
    return cue.found(lambda c: _with_year(period_of("century", dt.date(first, 1, 1))), period="century")


def _build_season_year(cue: Cue) -> Found | None:
    season = lexicon().seasons[cue.groups["season"].lower()]
    year = int(cue.groups["year"])
    return cue.found(lambda c: _with_year(season_of(season, year)), period="season")


def _build_shifted(cue: Cue) -> Found | None:
    return deictic(cue.start, cue.end, cue.groups)


def _build_earlier_this(cue: Cue) -> Found | None:
    return cue.found(earlier_this(cue.groups["side"].lower(), cue.groups["period"].lower()))


def _build_weekend(cue: Cue) -> Found | None:
    return cue.found(the_weekend, period="weekend")


def _build_day_word(cue: Cue) -> Found | None:
    word = cue.match.group(0)
    if word[:1].isupper() and not _sentence_start(cue.text, cue.start):
        return None  # "USA Today", "BBC Radio 4's Today programme": a name
    if cue.rule == "this_part":
        offset = -1 if cue.groups["shift"].lower() == "last" else 0
    else:
        offset = lexicon().day_words[cue.groups["word"].lower()]
    return cue.found(relative_day(offset), period="day", day_like=True)


def _build_weekday(cue: Cue) -> Found | None:
    if cue.match.group(0).rstrip().lower().endswith("s") and "part" not in cue.groups:
        return None  # "Fridays": a set, not a day
    if cue.in_name and not cue.in_date_entity:
        return None
    weekday = lexicon().weekdays[cue.groups["weekday"].lower()]
    return cue.found(named_weekday(weekday), period="day", day_like=True)


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
        return Found(cue.start, end, "set", lambda c: Value(None, kind="set", duration=iso_duration(1, unit)))
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
    found = Found(cue.start, end, "duration", duration(count, unit), count=count, unit=unit)
    if hedge := patterns().hedge_before.search(text[max(0, cue.start - EXTENSION_WINDOW) : cue.start]):
        found.start -= len(hedge.group(0))  # "almost seven years": the hedge is part of the extent
    return found


def _build_range_first(cue: Cue) -> Found | None:
    counted = _counted(cue, "range_unit")
    if counted is None or counted[0] is None or cue.groups["num"].lower() in ("a", "an"):
        return None
    count, unit = counted
    return Found(cue.start, cue.end, "duration", duration(count, unit), count=count, unit=unit)


def _build_the_past(cue: Cue) -> Found | None:
    singular = "num" not in cue.groups and not cue.groups["unit"].lower().endswith("s")
    if singular and cue.groups["shift"].lower() in ("following", "previous", "next"):
        return None  # "the following year" is an anaphor, resolved from the year before it
    counted = _counted(cue)
    if counted is None:
        return None
    count, unit = counted
    return cue.found(duration(count, unit), count=count, unit=unit)


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
    return Found(cue.start, cue.end, "ago", ago(count, unit, sign, anaphoric), count=count, unit=unit)


def _build_units(cue: Cue) -> Found | None:
    if cue.rule == "bare_units" and not cue.in_date_entity:
        return None  # "days", "years" alone only where spaCy marked a date ("for days")
    unit = lexicon().units[cue.groups["unit"].lower()]
    return cue.found(duration(None, unit), unit=unit)


def _build_present(cue: Cue) -> Found | None:
    if cue.text[cue.end : cue.end + 1] == "-":
        return None  # "the now-defunct"
    return cue.found(present)


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
    return clock_time(cue.start, cue.end, cue.groups)


def _build_anaphor(cue: Cue) -> Found | None:
    lex = lexicon()
    period = cue.groups["period"].lower()
    steps = lex.anaphoric_shifts[" ".join(cue.groups["ana"].lower().split())]
    if steps and _previous_word(cue.text, cue.start) in EXTENT_PREPOSITIONS:
        unit = lex.units[period]  # "over the next year": a duration
        return Found(cue.start, cue.end, "duration", duration(1, unit), count=1, unit=unit)
    return cue.found(anaphor(period, steps), period=period, day_like=period == "day")


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
