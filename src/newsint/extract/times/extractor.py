"""``extract_times``: the base patterns over the text, the longest of overlapping candidates
kept, the extensions, then each expression resolved in text order against the reference date
and the expressions before it."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from newsint.extract.intervals import Intervals
from newsint.extract.times.builders import base_expression
from newsint.extract.times.extensions import extend
from newsint.extract.times.patterns import patterns
from newsint.extract.times.values import Context, Found, Value
from newsint.model import TimeExpression
from newsint.nlp.text import doc_text

# Entity labels of amounts: a four-digit number inside one is not a year ("$2020").
AMOUNT_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY"})
# Entity labels under which a capitalised month or weekday is a name, not a date ("April Ryan").
NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "GPE", "LOC", "NORP", "EVENT"})


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
            item = base_expression(rule, match, doc, text, spans)
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
    return extend(text, chosen)
