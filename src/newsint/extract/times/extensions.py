"""Extensions: base expressions combined with their neighbours. A part of a period before it
("the middle of January", "early 2020", "the first week of March"), a clock time next to a day
("15:00 GMT Saturday"), and a duration anchored to a start ("five days from Mar. 3")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from newsint.extract.times.lexicon import lexicon
from newsint.extract.times.patterns import patterns
from newsint.extract.times.periods import add_months, add_units, iso_duration, month_end, part_of
from newsint.extract.times.values import Context, Found, Value

# The span before/after a base expression that an extension looks at, in characters.
EXTENSION_WINDOW = 48
# Periods whose parts the text can name ("early 2020", "the end of the week").
PARTED_PERIODS = frozenset({"month", "year", "decade", "century", "season", "week", "day", "quarter"})


def extend(text: str, found: list[Found]) -> list[Found]:
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
            item.resolve = lambda c, inner=inner, fractions=fractions: part_of(inner(c), fractions)
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
        first = add_months(value.start, (ordinal - 1) * size)
    else:
        first = add_months(dt.date(value.end.year, value.end.month, 1), 1 - size)
    last = add_months(first, size - 1)
    return Value(unit, first, month_end(last.year, last.month))


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
                iso = iso_duration(count, unit)
                if start.start is None:
                    return Value(unit.name, kind="duration", duration=iso)
                end = add_units(start.start, count, unit)
                if end is None:
                    return Value(unit.name, kind="duration", duration=iso)
                return Value("day", start.start, end, kind="duration", duration=iso, explicit_year=start.explicit_year)

            found[index : index + 2] = [Found(first.start, second.end, "anchored_duration", resolve)]
            continue
        index += 1
    return found
