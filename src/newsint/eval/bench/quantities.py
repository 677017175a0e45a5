"""Quantities on NewsQuant: value F1 and value+unit F1 as CQE's evaluation defines them.

The metric (satya77/CQE_Evaluation, ``evaluate_models.py``; re-implemented, not copied):

- per sentence, gold and predicted quantities are sorted by normalised unit; each gold quantity
  walks the remaining predictions in order: a prediction whose value matches (``np.isclose``
  semantics: |gold − predicted| ≤ 1e-8 + 1e-5·|predicted|; a range matches a range bound for
  bound) earns a value credit — at most as many value credits per sentence as it has gold
  quantities — and if its lower-cased unit also matches, a value+unit credit, is removed from
  the predictions and the gold quantity stops looking;
- precision = credits / all predictions, recall = credits / all gold quantities, summed over
  the corpus (micro), F1 their harmonic mean.

Gold values are strings: ``"275.0"``, ranges ``"1.0-1.5"`` (a leading minus is a sign). newsint
gives ``Quantity.value`` or a ``low``/``high`` range and a free-text ``unit``; its unit is
lower-cased, mapped through ``UNIT_ALIASES`` to CQE's normalised unit names and, failing that, a
plain English plural loses its "s"; no unit is CQE's ``"-"``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from newsint.errors import NewsintError
from newsint.eval.bench.common import HALVES, Counts, Report, analyze_text, bootstrap_interval, fmt, half_of

NAME = "quantities"
DATA_FOLDER = "quantities"
SAMPLE_LIMIT = 20

# np.isclose defaults, as CQE's values_match uses them.
RELATIVE_TOLERANCE = 1e-5
ABSOLUTE_TOLERANCE = 1e-8
NO_UNIT = "-"

ANCHORS = {"CQE": (0.920, 0.856), "quantulum3": (0.730, 0.472)}

# newsint unit spellings → CQE normalised unit names (lower case).
UNIT_ALIASES = {
    "%": "percentage",
    "percent": "percentage",
    "per cent": "percentage",
    "pct": "percentage",
    "percentage point": "percentage point",
    "percentage points": "percentage point",
    "$": "dollar",
    "usd": "dollar",
    "us$": "dollar",
    "us dollar": "dollar",
    "dollars": "dollar",
    "£": "pound sterling",
    "gbp": "pound sterling",
    "pound": "pound sterling",
    "pounds": "pound sterling",
    "€": "euro",
    "eur": "euro",
    "euros": "euro",
    "¥": "japanese yen",
    "jpy": "japanese yen",
    "yen": "japanese yen",
    "yuan": "chinese yuan",
    "cny": "chinese yuan",
    "rmb": "chinese yuan",
    "rm": "malaysian ringgit",
    "ringgit": "malaysian ringgit",
    "hk$": "hong kong dollar",
    "hkd": "hong kong dollar",
    # The other ISO 4217 codes newsint writes, under CQE's names for those currencies.
    "aud": "australian dollar",
    "nzd": "new zealand dollar",
    "sgd": "singaporean dollar",
    "cad": "canadian dollar",
    "myr": "malaysian ringgit",
    "ils": "shekel",
    "inr": "indian rupee",
    "zar": "south african rand",
    "km": "kilometre",
    "kilometer": "kilometre",
    "kilometers": "kilometre",
    "kilometres": "kilometre",
    "m": "metre",
    "meter": "metre",
    "meters": "metre",
    "metres": "metre",
    "mi": "mile",
    "miles": "mile",
    "mph": "mile per hour",
    "km/h": "kilometre per hour",
    "kph": "kilometre per hour",
    "kg": "kilogram",
    "kilograms": "kilogram",
    "lb": "pound-mass",
    "lbs": "pound-mass",
    "°c": "celsius",
    "°f": "fahrenheit",
    "hp": "horsepower",
    "kw": "kilowatt",
    "gb": "gigabyte",
    "mb": "megabyte",
    "tb": "terabyte",
    "l": "litre",
    "liter": "litre",
    "liters": "litre",
    "years old": "year of age",
    "year old": "year of age",
    "yrs": "year",
    "hrs": "hour",
    "mins": "minute",
}
_KEEP_S = ("ss", "us", "is")  # "celsius", "analysis": not plurals

Value = float | tuple[float, float]


@dataclass(slots=True)
class Item:
    value: Value
    unit: str


@dataclass(slots=True)
class Sentence:
    text: str
    gold: list[Item]


def dataset_files(data_dir: Path) -> list[Path]:
    return [data_dir / "newsquant.json"]


_RANGE = re.compile(r"^\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\s*-\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\s*$")


def parse_value(text: str) -> Value:
    """A gold value string: a number, or a range ``low-high`` (a leading minus is a sign)."""
    match = _RANGE.match(text)
    if match:
        return (float(match.group(1)), float(match.group(2)))
    return float(text)


def load_sentences(data_dir: Path, limit: int | None = None) -> list[Sentence]:
    data = json.loads((data_dir / "newsquant.json").read_text(encoding="utf-8"))
    sentences = []
    for record in data[:limit]:
        gold = [Item(parse_value(q["value"]), q["normalized_unit"].lower()) for q in record["quantities"]]
        sentences.append(Sentence(record["text"], gold))
    return sentences


def normalize_unit(unit: str | None) -> str:
    if not unit or not unit.strip():
        return NO_UNIT
    unit = " ".join(unit.lower().split())
    if " per " in unit:  # a rate: each side through the alias table ("AUD per month"); CQE keeps
        numerator, _, denominator = unit.partition(" per ")  # plurals there ("revolutions per minute")
        return f"{UNIT_ALIASES.get(numerator, numerator)} per {UNIT_ALIASES.get(denominator, denominator)}"
    if unit in UNIT_ALIASES:
        return UNIT_ALIASES[unit]
    if unit.endswith("s") and not unit.endswith(_KEEP_S) and len(unit) > 3:
        return unit[:-1]
    return unit


def values_match(gold: Value, predicted: Value) -> bool:
    if isinstance(gold, tuple) != isinstance(predicted, tuple):
        return False
    if isinstance(gold, tuple) and isinstance(predicted, tuple):
        return _close(gold[0], predicted[0]) and _close(gold[1], predicted[1])
    return _close(gold, predicted)  # type: ignore[arg-type]


def _close(gold: float, predicted: float) -> bool:
    return abs(gold - predicted) <= ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * abs(predicted)


@dataclass(slots=True)
class Tally:
    gold: int = 0
    predicted: int = 0
    value: int = 0
    value_unit: int = 0
    errors: int = 0
    misses: list[str] = field(default_factory=list)

    def counts(self, correct: int) -> Counts:
        return Counts(correct, self.predicted - correct, self.gold - correct)


def score_sentence(gold: list[Item], predicted: list[Item], tally: Tally) -> None:
    tally.gold += len(gold)
    tally.predicted += len(predicted)
    remaining = sorted(predicted, key=lambda q: q.unit)
    value_credits = len(gold)
    for g in sorted(gold, key=lambda q: q.unit):
        for p in list(remaining):
            if not values_match(g.value, p.value):
                continue
            if value_credits > 0:
                tally.value += 1
                value_credits -= 1
            if p.unit == g.unit:
                tally.value_unit += 1
                remaining.remove(p)
                break


def predicted_items(analysis) -> list[Item]:
    items = []
    for q in analysis.quantities:
        if q.value is not None:
            value: Value = float(q.value)
        elif q.low is not None and q.high is not None:
            value = (float(q.low), float(q.high))
        elif q.low is not None or q.high is not None:
            value = float(q.low if q.low is not None else q.high)  # type: ignore[arg-type]
        else:
            continue
        items.append(Item(value, normalize_unit(q.unit)))
    return items


def run(data_dir: Path, *, limit: int | None = None, verbose: bool = False) -> Report:
    sentences = load_sentences(data_dir, limit)
    tally = Tally()
    by_sentence: list[tuple[str, Tally]] = []
    details = []
    for i, sentence in enumerate(sentences):
        analysis = analyze_text(sentence.text, source=f"newsquant:{i}")
        if isinstance(analysis, NewsintError):
            tally.errors += 1
            predicted: list[Item] = []
        else:
            predicted = predicted_items(analysis)
        before = tally.value_unit
        score_sentence(sentence.gold, predicted, tally)
        own = Tally()
        score_sentence(sentence.gold, predicted, own)
        by_sentence.append((str(len(by_sentence)), own))  # id: the sentence's index in the file
        if verbose and (tally.value_unit - before < len(sentence.gold) or len(predicted) > len(sentence.gold)):
            details.append(
                f"[{i}] {sentence.text[:100]}\n    gold {[(g.value, g.unit) for g in sentence.gold]}"
                f"\n    newsint {[(p.value, p.unit) for p in predicted]}"
            )
    return report(tally, len(sentences), details, by_sentence)


def _summed(tallies) -> Tally:
    total = Tally()
    for t in tallies:
        total.gold += t.gold
        total.predicted += t.predicted
        total.value += t.value
        total.value_unit += t.value_unit
    return total


def _value_f1(tallies) -> float:
    total = _summed(tallies)
    return total.counts(total.value).f1


def _value_unit_f1(tallies) -> float:
    total = _summed(tallies)
    return total.counts(total.value_unit).f1


def report(tally: Tally, items: int, details: list[str], by_sentence=()) -> Report:
    value, value_unit = tally.counts(tally.value), tally.counts(tally.value_unit)
    table = [["system", "value P", "value R", "value F1", "value+unit P", "value+unit R", "value+unit F1"]]
    table.append(
        [
            "newsint",
            fmt(value.precision),
            fmt(value.recall),
            fmt(value.f1),
            fmt(value_unit.precision),
            fmt(value_unit.recall),
            fmt(value_unit.f1),
        ]
    )
    halves: dict[str, float] = {}
    for half in HALVES if by_sentence else ():
        chosen = [t for sentence_id, t in by_sentence if half_of(sentence_id) == half]
        if not chosen:
            continue
        total = _summed(chosen)
        hv, hvu = total.counts(total.value), total.counts(total.value_unit)
        ci_v = bootstrap_interval(chosen, _value_f1)
        ci_vu = bootstrap_interval(chosen, _value_unit_f1)
        table.append([f"newsint, {half} half ({len(chosen)} sentences)", fmt(hv.precision), fmt(hv.recall),
                      f"{fmt(hv.f1)} ±{ci_v:.3f}", fmt(hvu.precision), fmt(hvu.recall),
                      f"{fmt(hvu.f1)} ±{ci_vu:.3f}"])  # fmt: skip
        halves[f"{half}_value_f1"] = hv.f1
        halves[f"{half}_value_unit_f1"] = hvu.f1
    for name, (v, vu) in ANCHORS.items():
        table.append([f"{name} (published)", "", "", fmt(v), "", "", fmt(vu)])
    notes = [
        "Halves: a sentence is checking when sha256('check:' + its index in newsquant.json, from 0) "
        "is odd; ±: 95% bootstrap interval over the half's sentences.",
        f"{items} sentences, {tally.gold} gold quantities, {tally.predicted} newsint quantities; "
        f"{tally.errors} sentences failed in the pipeline (scored as none).",
        "Units: newsint's unit lower-cased and mapped to CQE's normalised names (UNIT_ALIASES, "
        "plural 's' dropped); CQE's own figures use its unit normaliser.",
    ]
    figures = {"value_f1": value.f1, "value_unit_f1": value_unit.f1}
    info = {"errors": float(tally.errors), "predicted": float(tally.predicted), **halves}
    headline = (
        f"headline: quantities value F1 newsint {value.f1:.3f} value+unit {value_unit.f1:.3f} "
        f"CQE 0.920/0.856 quantulum3 0.730/0.472"
    )
    return Report(NAME, table, headline, figures, info, notes, details, items=items)
