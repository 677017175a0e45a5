"""Time expressions on TempEval-3 platinum: strict and relaxed span F1, and value F1.

As the TempEval-3 entity scorer (``evaluate_entities.py``) defines them (re-implemented):

- a gold and a system TIMEX3 are aligned when their extents overlap (one-to-one); *relaxed*
  precision/recall count aligned pairs, *strict* ones count aligned pairs with the same extent;
  the creation-time TIMEX3 (``t0``, in ``<DCT>``) is not scored;
- value accuracy = aligned pairs with the same ``value`` / aligned pairs, and the reported
  *value F1* = value accuracy × relaxed F1; sums are over all documents (micro).

The document text is the content of ``<TEXT>`` with the tags removed; it goes through the
pipeline with the DCT as reference date. newsint's ``TimeExpression`` (offsets into
``Document.text``, mapped back with :class:`OffsetMap`) gives ``value_start`` and a
``precision``; it is written as a TIMEX3 value at that precision (``year`` → ``2013``, ``month``
→ ``2013-03``, ``week`` → ``2013-W12``, ``day`` → ``2013-03-22``…); durations and sets are
written as their ISO 8601 ``duration`` (``P10D``, ``PXY``) and the ``present`` precision as
``PRESENT_REF``.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from newsint.errors import NewsintError
from newsint.eval.bench.common import (
    HALVES,
    Counts,
    OffsetMap,
    Report,
    analyze_text,
    bootstrap_interval,
    fmt,
    half_of,
    overlaps,
    ratio,
)

NAME = "times"
DATA_FOLDER = "time/te3-platinum"
SAMPLE_LIMIT = 2

ANCHORS = {"strict F1": 0.813, "relaxed F1": 0.903, "value F1": 0.776}  # HeidelTime, all 20 docs
_SEASONS = {
    12: "WI",
    1: "WI",
    2: "WI",
    3: "SP",
    4: "SP",
    5: "SP",
    6: "SU",
    7: "SU",
    8: "SU",
    9: "FA",
    10: "FA",
    11: "FA",
}


@dataclass(slots=True)
class Timex:
    start: int
    end: int
    value: str
    type: str = ""


@dataclass(slots=True)
class TimeDocument:
    name: str
    text: str
    dct: dt.date | None
    timexes: list[Timex]


def dataset_files(data_dir: Path) -> list[Path]:
    return sorted(data_dir.glob("*.tml"))


def parse_tml(path: Path) -> TimeDocument:
    root = ET.parse(path).getroot()
    dct = None
    dct_timex = root.find("DCT/TIMEX3")
    if dct_timex is not None and dct_timex.get("value"):
        try:
            dct = dt.date.fromisoformat(dct_timex.get("value", "")[:10])
        except ValueError:
            dct = None
    text_element = root.find("TEXT")
    parts: list[str] = []
    timexes: list[Timex] = []
    length = 0

    def walk(element: ET.Element) -> None:
        nonlocal length
        start = length
        if element.text:
            parts.append(element.text)
            length += len(element.text)
        for child in element:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if element.tag == "TIMEX3" and element.get("tid") != "t0":
            timexes.append(Timex(start, length, element.get("value", ""), element.get("type", "")))

    if text_element is not None:
        walk(text_element)
    return TimeDocument(path.stem, "".join(parts), dct, timexes)


def timex3_value(value: str | None, precision: str | None, kind: str = "date", duration: str | None = None) -> str:
    """newsint's ISO ``value_start`` written as a TIMEX3 value at its precision (a duration or a
    set as its ISO 8601 duration, "now" as PRESENT_REF)."""
    if kind in ("duration", "set") and duration:
        return duration
    if precision == "present":
        return "PRESENT_REF"
    if not value:
        return ""
    try:
        day = dt.date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        day = None
    cut = {
        "century": 2,
        "decade": 3,
        "year": 4,
        "year-part": 4,
        "month": 7,
        "month-part": 7,
        "day": 10,
        "hour": 13,
        "minute": 16,
        "time": 16,
        "second": 19,
    }
    if precision in cut:
        return value[: cut[precision]]
    if precision == "week" and day:
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if precision == "quarter" and day:
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if precision == "season" and day:
        return f"{day.year}-{_SEASONS[day.month]}"
    return value


@dataclass(slots=True)
class Tally:
    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    value: int = 0
    errors: int = 0


def align(gold: list[Timex], system: list[Timex]) -> list[tuple[int, int]]:
    """One-to-one pairs of overlapping extents, largest overlap first."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if overlaps((g.start, g.end), (s.start, s.end)):
                candidates.append((min(g.end, s.end) - max(g.start, s.start), gi, si))
    pairs, used_g, used_s = [], set(), set()
    for _, gi, si in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            pairs.append((gi, si))
    return sorted(pairs)


def score_document(gold: list[Timex], system: list[Timex], tally: Tally) -> None:
    tally.gold += len(gold)
    tally.system += len(system)
    for gi, si in align(gold, system):
        tally.relaxed += 1
        tally.strict += (gold[gi].start, gold[gi].end) == (system[si].start, system[si].end)
        tally.value += gold[gi].value == system[si].value


def system_timexes(document: TimeDocument, analysis) -> list[Timex]:
    mapping = OffsetMap(document.text, analysis.document.text)
    result = []
    for t in analysis.times:
        span = mapping.span(t.start, t.end)
        if span:
            result.append(Timex(span[0], span[1], timex3_value(t.value_start, t.precision, t.kind, t.duration)))
    return result


@dataclass(slots=True)
class Scores:
    strict: Counts = field(default_factory=Counts)
    relaxed: Counts = field(default_factory=Counts)
    value_accuracy: float = 0.0
    value_f1: float = 0.0


def scores(tally: Tally) -> Scores:
    strict = Counts(tally.strict, tally.system - tally.strict, tally.gold - tally.strict)
    relaxed = Counts(tally.relaxed, tally.system - tally.relaxed, tally.gold - tally.relaxed)
    accuracy = ratio(tally.value, tally.relaxed)
    return Scores(strict, relaxed, accuracy, accuracy * relaxed.f1)


def run(data_dir: Path, *, limit: int | None = None, verbose: bool = False) -> Report:
    documents = [parse_tml(p) for p in dataset_files(data_dir)[:limit]]
    tally = Tally()
    details = []
    by_document: list[tuple[str, Tally]] = []
    for document in documents:
        analysis = analyze_text(document.text, source=document.name, reference_date=document.dct)
        if isinstance(analysis, NewsintError):
            tally.errors += 1
            system: list[Timex] = []
        else:
            system = system_timexes(document, analysis)
        score_document(document.timexes, system, tally)
        own = Tally()
        score_document(document.timexes, system, own)
        by_document.append((document.name, own))
        if verbose:
            gold_desc = [(document.text[g.start : g.end], g.value) for g in document.timexes]
            sys_desc = [(document.text[s.start : s.end], s.value) for s in system]
            details.append(f"{document.name} (DCT {document.dct}):\n    gold {gold_desc}\n    newsint {sys_desc}")
    return report(tally, len(documents), details, by_document)


def _summed(tallies) -> Tally:
    total = Tally()
    for t in tallies:
        total.gold += t.gold
        total.system += t.system
        total.relaxed += t.relaxed
        total.strict += t.strict
        total.value += t.value
    return total


def report(tally: Tally, items: int, details: list[str], by_document=()) -> Report:
    s = scores(tally)
    table = [
        ["system", "strict P", "strict R", "strict F1", "relaxed P", "relaxed R", "relaxed F1", "value acc", "value F1"]
    ]
    table.append(
        [
            "newsint",
            fmt(s.strict.precision),
            fmt(s.strict.recall),
            fmt(s.strict.f1),
            fmt(s.relaxed.precision),
            fmt(s.relaxed.recall),
            fmt(s.relaxed.f1),
            fmt(s.value_accuracy),
            fmt(s.value_f1),
        ]
    )
    table.append(
        [
            "HeidelTime (published, all 20 docs)",
            "",
            "",
            fmt(ANCHORS["strict F1"]),
            "",
            "",
            fmt(ANCHORS["relaxed F1"]),
            "",
            fmt(ANCHORS["value F1"]),
        ]
    )
    halves: dict[str, float] = {}
    for half in HALVES if by_document else ():
        chosen = [t for name, t in by_document if half_of(name) == half]
        if not chosen:
            continue
        h = scores(_summed(chosen))
        ci = bootstrap_interval(chosen, lambda ts: scores(_summed(ts)).value_f1)
        table.append([f"newsint, {half} half ({len(chosen)} docs)", fmt(h.strict.precision), fmt(h.strict.recall),
                      fmt(h.strict.f1), fmt(h.relaxed.precision), fmt(h.relaxed.recall), fmt(h.relaxed.f1),
                      fmt(h.value_accuracy), f"{fmt(h.value_f1)} ±{ci:.3f}"])  # fmt: skip
        halves[f"{half}_value_f1"] = h.value_f1
    notes = [
        f"{items} documents, {tally.gold} gold TIMEX3 (DCT excluded), {tally.system} newsint time "
        f"expressions; {tally.errors} documents failed in the pipeline.",
        "The published HeidelTime figures are on all 20 platinum documents; this folder holds 10.",
        "Halves: a document is checking when sha256('check:' + file name) is odd; value F1 ±: 95% "
        "bootstrap interval over the half's documents.",
    ]
    figures = {"strict_f1": s.strict.f1, "relaxed_f1": s.relaxed.f1, "value_f1": s.value_f1}
    info = {"value_accuracy": s.value_accuracy, "errors": float(tally.errors), **halves}
    headline = (
        f"headline: times newsint strict F1 {s.strict.f1:.3f} relaxed {s.relaxed.f1:.3f} value {s.value_f1:.3f} "
        f"HeidelTime 0.813/0.903/0.776"
    )
    return Report(NAME, table, headline, figures, info, notes, details, items=items)
