"""Which numbers are not quantities: numbers in names ("F-16", "Page 2", "Stoxx 600",
"COVID-19"), days next to a month name ("March 29"), years ("in 2020") and numbers inside
spaCy's DATE entities that are not durations."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newsint.extract.quantities.lexicon import CURRENCIES
from newsint.extract.quantities.mention import Mention, tokens_of
from newsint.extract.quantities.numbers import NUMBER_WORDS, SCALES

MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
}  # fmt: skip
DURATION_WORDS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades",
                  "hour", "hours", "minute", "minutes", "second", "seconds", "century", "centuries", "old",
                  "fortnight", "fortnights", "night", "nights", "year-old", "years-old"}  # fmt: skip
# A number right after one of these names something: "Page 2", "Article 5", "Resolution 2254".
NAME_NOUNS = {
    "page", "pages", "part", "chapter", "article", "section", "clause", "paragraph", "resolution", "room",
    "flight", "route", "highway", "level", "phase", "stage", "round", "game", "grade", "type", "model",
    "gate", "pier", "terminal", "platform", "line", "channel", "act", "title", "no", "no.", "number",
    "#", "version", "season", "episode", "volume", "vol", "vol.", "figure", "fig", "fig.", "table",
    "item", "rule", "amendment", "protocol", "brigade", "battalion", "division", "regiment", "corps",
    "squadron", "unit", "camp", "block", "building", "district", "zone", "sector", "precinct", "ward",
    "apartment", "flat", "suite", "floor", "hall", "lot", "category", "step", "week", "day", "tier",
    "group", "league",
}  # fmt: skip
NAME_LABELS = {"ORG", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART", "FAC", "GPE", "LOC", "PERSON", "NORP",
               "EQUIPMENT", "OPERATION", "LANGUAGE"}  # fmt: skip
YEAR_PREPOSITIONS = {"in", "since", "from", "between", "until", "till", "before", "after", "during", "circa",
                     "c."}  # fmt: skip


_WORDLIKE = re.compile(r"[A-Za-z][A-Za-z&.\-]*")


def entity_index(doc: Doc) -> dict[int, Span]:
    index = {}
    for ent in doc.ents:
        for t in ent:
            index[t.i] = ent
    return index


def not_a_quantity(doc: Doc, m: Mention, ents: dict[int, Span]) -> str | None:
    """Why this number is not a quantity ("name", "date", "year"), or None when it is one."""
    span = tokens_of(doc, m.start, m.end)
    if span is None or len(span) == 0:
        return "name"
    first, last = span[0], span[-1]
    prev = doc[first.i - 1] if first.i > 0 else None
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    integer = m.value is not None and float(m.value).is_integer()
    no_unit = m.unit is None
    bare = no_unit and m.scaled == 1.0 and integer and "," not in m.source
    # A number inside a name: "S&P 500", "Euro 2020", "Apple Watch 5" (not "minus-5 yards").
    if (no_unit or (m.unit not in CURRENCIES and m.unit_end <= m.end)) and _in_name(m, span, ents):
        return "name"
    if prev is not None and bare:
        if prev.lower_ in NAME_NOUNS:
            return "name"  # "Page 2", "category 4", "Resolution 2254"
        capitalised = prev.is_title or prev.is_upper or any(c.isupper() for c in prev.text[1:])
        wordlike = _WORDLIKE.fullmatch(prev.text) and prev.lower_.rstrip(".") not in MONTHS and not m.words
        if capitalised and wordlike and (prev.pos_ == "PROPN" or prev.sent.start != prev.i):
            return "name"  # "Stoxx 600", "iPhone 11", "COVID -19", "Planet 9"
    # Dates: a day next to a month name, a year, a DATE entity that is not a duration.
    if integer and no_unit and m.value is not None and 1 <= m.value <= 31:
        for t in (prev, nxt):
            if t is not None and t.lower_.rstrip(".") in MONTHS and (t.is_title or t.is_upper):
                return "date"
    if m.plain and no_unit and m.value is not None and _looks_like_year(m.value, prev, nxt):
        return "year"
    if no_unit:
        for t in span:
            if t.ent_type_ in ("DATE", "TIME"):
                ent = ents.get(t.i)
                words = {x.lower_ for x in ent} if ent is not None else set()
                if words & DURATION_WORDS or any("year" in w for w in words):
                    return None
                counted = nxt is not None and nxt.pos_ == "NOUN" and nxt.is_lower
                if m.value is not None and integer and m.value <= 31 and not counted:
                    return "date"  # "March 29"
                if m.plain and m.value is not None and 1000 <= m.value <= 2100:
                    return "date"
                break
    return None


def _in_name(m: Mention, span: Span, ents: dict[int, Span]) -> bool:
    """Inside a named entity that has words of its own (not the number's unit or "minus")."""
    for t in span:
        ent = ents.get(t.i)
        if ent is None or ent.label_ not in NAME_LABELS:
            continue
        for x in ent:
            own = m.start <= x.idx < m.unit_end
            if (
                x.is_alpha
                and not own
                and x.lower_ not in NUMBER_WORDS
                and x.lower_ not in SCALES
                and x.lower_ != "minus"
            ):
                return True
    return False


def _looks_like_year(value: float, prev: Token | None, nxt: Token | None) -> bool:
    if not (1000 <= value <= 2100):
        return False
    if nxt is not None and nxt.pos_ == "NOUN" and nxt.is_lower and nxt.lower_ not in DURATION_WORDS:
        return False  # "2000 troops", "1500 units"
    if value >= 1900:
        return True
    return prev is not None and prev.lower_ in YEAR_PREPOSITIONS
