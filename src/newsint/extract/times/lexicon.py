"""The time lexicons (``extract/data/times.yaml``): month, weekday and unit words, counts,
shifts ("last", "next"), parts of periods, seasons, day words; parsed once."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from importlib import resources

import yaml

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SUNDAY = WEEKDAY_NAMES.index("sunday")  # as datetime.date.weekday() counts


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


def capitalised(word: str) -> bool:
    return word[:1].isupper()
