"""The regular expressions of the times stage, built once from the lexicon: the base patterns
(one per kind of expression, in priority order) and the contexts the extensions look for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsint.extract.times.lexicon import WEEKDAY_NAMES, lexicon

# Patterns led by a month or weekday name: matched case-sensitively (see patterns()).
CASED_RULES = frozenset({"month_day", "day_month", "month_year", "month", "weekday"})


def _cased(words) -> str:
    """An alternation of ``words`` capitalised and in capitals, for case-sensitive patterns."""
    return _alt({w.capitalize() for w in words} | {w.upper() for w in words})


def _alt(words) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)))


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
