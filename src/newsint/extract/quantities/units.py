"""Quantities: numbers in digits and words, their hedge, unit and what they count.

A light pass over the already parsed Doc (no second parse): digits are found by a regular
expression over ``doc.text`` (it sees "£7.6bn", "USD10m", "256GB" that the tokenizer splits
unevenly), number words by a walk over the tokens; the parse and the entities then say what
is counted and which numbers are not quantities.

What each field holds (the contract's ``quantities[]``):

- ``value``: the stated number ("about 4,000" -> 4000; "more than 60%" -> 60). ``None`` for a
  range ("between 5,000 and 9,000", "5,000-9,000", "169,000 to 190,000": no single value was
  stated; the ends are ``low``/``high``) and for vague amounts ("tens of thousands").
- ``low``/``high``: what the hedge allows. Exact: both equal ``value``. "about/around/some/
  roughly/approximately/an estimated/~" -> ±10% (``APPROX_TOLERANCE``), ``approximate``;
  "nearly/almost" -> [value − 10%, value], ``approximate``; "more than/over/at least/upwards of/
  in excess of/N or more/N+" -> [value, None]; "fewer than/less than/under/below/up to/as many
  as/at most/no more than" -> [None, value]. A range -> its ends (low ≤ high). Vague amounts
  are orders of magnitude, as CQE reads them: "thousands" [1,000, 10,000], "tens of thousands"
  [10,000, 100,000], "dozens" [12, 120]; "a few hundred" [200, 500], "several hundred"
  [300, 900]; all ``approximate``.
- ``unit``: what is counted or measured, singular: a counted noun's lemma with its noun
  compounds ("troop", "soldier", "people", "job cut"); measurement units by full singular name
  ("kilometre", "mile per hour", "gigabyte", "year of age"); "percent"; money as ISO 4217 codes
  where the text names the currency ("£" GBP, "€" EUR, "US$" USD, "HK$" HKD, "yen" JPY) and
  "dollar" for a bare "$"/"dollars" (which dollar is not stated); rates add "per X" ("dollar
  per month", "barrel per day"). ``None`` when the text gives no unit — except for ellipsis: a
  bare number inherits the unit (and ``of``) of the nearest preceding quantity in the same
  sentence whose value is within a factor of ``INHERIT_RATIO`` and is not a percentage ("reported
  about 4,000 Turkish troops, while analysts said 2,500 is more likely": 2,500 troops); a
  bare number coordinated with a money amount ("8 or $9") takes its currency.
- ``of``: the noun phrase of what is counted, from the parse: the head noun with its modifiers
  and an attached "in/near/at/on/from/of X" phrase ("Turkish troops in Syria"); for a
  measurement, the "of X" after it ("12.3m tonnes of jet fuel" -> "jet fuel").
- ``start``/``end``/``text``: the hedge, the number, its unit and, for a counted noun, the words
  up to that noun ("about 4,000 Turkish troops"); ``text == doc.text[start:end]``.
- ``predicate``/``modality``: the lemma of the verb that governs the quantity ("killed up to 75
  people" -> kill) and whether it is a count, a plan or a forecast (``newsint.extract.predicates``).

Not quantities: dates and times ("March 29", "9:01 p.m.", "in 2020", "the 1970s"), ordinals
("22nd", "second"), numbers in names ("F-16", "MiG-29", "Exercise-2019", "Page 2", "Stoxx 600",
"iPhone 11", "COVID-19"), sports scores ("2-1") and "one" used as a pronoun ("each one").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsint.extract.predicates import governing_verb, modality, predicate
from newsint.extract.quantities.numbers import (
    LARGE,
    NUMBER_WORDS,
    SCALES,
    VAGUE_PLURALS,
    parse_digits,
    parse_words,
)
from newsint.model import Quantity
from newsint.nlp.text import doc_text

APPROX_TOLERANCE = 0.10
INHERIT_RATIO = 10.0
MAX_OF_TOKENS = 10

# --------------------------------------------------------------------------------------------
# Lexicons

CURRENCY_PREFIXES = {
    "US$": "USD", "$US": "USD", "USD": "USD", "HK$": "HKD", "HKD": "HKD", "AU$": "AUD", "A$": "AUD",
    "AUD": "AUD", "NZ$": "NZD", "NZD": "NZD", "S$": "SGD", "SGD": "SGD", "C$": "CAD", "CA$": "CAD",
    "CAD": "CAD", "$": "dollar", "£": "GBP", "GBP": "GBP", "€": "EUR", "EUR": "EUR", "¥": "JPY",
    "Y=": "JPY", "JPY": "JPY", "INR": "INR", "Rs": "INR", "Rs.": "INR", "CNY": "CNY", "RMB": "CNY",
    "CHF": "CHF", "RUB": "RUB", "UAH": "UAH", "MYR": "MYR", "RM": "MYR",
}  # fmt: skip

# Units written after a number, case-insensitive words (plural forms listed; matched whole).
WORD_UNITS = {
    "per cent": "percent", "percent": "percent", "pct": "percent", "pc": "percent",
    "percentage points": "percentage point", "percentage point": "percentage point",
    "basis points": "basis point", "basis point": "basis point",
    "years old": "year of age", "year old": "year of age", "years-old": "year of age",
    "year-old": "year of age", "year-olds": "year of age",
    "years": "year", "year": "year", "yrs": "year", "months": "month", "month": "month",
    "weeks": "week", "week": "week", "days": "day", "day": "day", "hours": "hour", "hour": "hour",
    "hrs": "hour", "hr": "hour", "minutes": "minute", "minute": "minute", "mins": "minute",
    "min": "minute", "seconds": "second", "second": "second", "secs": "second", "sec": "second",
    "decades": "decade", "decade": "decade", "centuries": "century", "century": "century",
    "kilometres": "kilometre", "kilometre": "kilometre", "kilometers": "kilometre", "kilometer": "kilometre",
    "metres": "metre", "metre": "metre", "meters": "metre", "meter": "metre",
    "centimetres": "centimetre", "centimeters": "centimetre", "millimetres": "millimetre",
    "millimeters": "millimetre", "miles per hour": "mile per hour", "kilometres per hour": "kilometre per hour",
    "kilometers per hour": "kilometre per hour", "square miles": "square mile", "square mile": "square mile",
    "square kilometres": "square kilometre", "square kilometers": "square kilometre",
    "square metres": "square metre", "square meters": "square metre", "square feet": "square foot",
    "nautical miles": "nautical mile", "miles": "mile", "mile": "mile", "feet": "foot", "foot": "foot",
    "inches": "inch", "inch": "inch", "yards": "yard", "yard": "yard", "hectares": "hectare",
    "hectare": "hectare", "acres": "acre", "acre": "acre", "knots": "knot",
    "kilograms": "kilogram", "kilogram": "kilogram", "kilos": "kilogram", "grams": "gram", "gram": "gram",
    "milligrams": "milligram", "milligram": "milligram", "tonnes": "metric ton", "tonne": "metric ton",
    "metric tons": "metric ton", "tons": "ton", "ton": "ton", "ounces": "ounce", "ounce": "ounce",
    "litres": "litre", "litre": "litre", "liters": "litre", "liter": "litre", "gallons": "gallon",
    "gallon": "gallon", "barrels": "barrel", "barrel": "barrel", "cubic metres": "cubic metre",
    "cubic meters": "cubic metre",
    "degrees celsius": "celsius", "degree celsius": "celsius", "celsius": "celsius", "centigrade": "celsius",
    "degrees fahrenheit": "fahrenheit", "fahrenheit": "fahrenheit", "degrees": "degree", "degree": "degree",
    "horsepower": "horsepower", "watts": "watt", "watt": "watt", "kilowatts": "kilowatt", "kilowatt": "kilowatt",
    "megawatts": "megawatt", "megawatt": "megawatt", "gigawatts": "gigawatt", "gigawatt": "gigawatt",
    "volts": "volt", "volt": "volt",
    "us dollars": "USD", "u.s. dollars": "USD", "australian dollars": "AUD", "canadian dollars": "CAD",
    "new zealand dollars": "NZD", "hong kong dollars": "HKD", "singapore dollars": "SGD",
    "dollars": "dollar", "dollar": "dollar", "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP",
    "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR", "rupee": "INR",
    "shekels": "ILS", "shekel": "ILS", "ringgit": "MYR", "roubles": "RUB", "rubles": "RUB",
    "rouble": "RUB", "ruble": "RUB", "hryvnias": "UAH", "hryvnia": "UAH", "hryvnia's": "UAH",
    "swiss francs": "CHF", "rand": "ZAR", "cents": "cent", "cent": "cent", "pence": "pence", "sen": "sen",
}  # fmt: skip
# Symbols and abbreviations, case-sensitive; spaced or attached ("87 mph", "256GB").
SYMBOL_UNITS = {
    "%": "percent", "km/h": "kilometre per hour", "km/hr": "kilometre per hour", "kph": "kilometre per hour",
    "mph": "mile per hour", "km²": "square kilometre", "km2": "square kilometre", "sq km": "square kilometre",
    "m²": "square metre", "m2": "square metre", "sq m": "square metre", "sqm": "square metre",
    "sq ft": "square foot", "km": "kilometre", "cm": "centimetre", "mm": "millimetre", "μm": "micrometre",
    "µm": "micrometre", "ft": "foot", "yd": "yard", "kg": "kilogram", "mg": "milligram", "lbs": "pound-mass",
    "lb": "pound-mass", "oz": "ounce", "ml": "millilitre", "mL": "millilitre", "°C": "celsius",
    "ºC": "celsius", "degC": "celsius", "deg C": "celsius", "°F": "fahrenheit", "degF": "fahrenheit",
    "deg F": "fahrenheit", "kWh": "kilowatt hour", "MWh": "megawatt hour", "GWh": "gigawatt hour",
    "TWh": "terawatt hour", "W": "watt", "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt",
    "TW": "terawatt", "hp": "horsepower", "HP": "horsepower", "bhp": "brake horsepower", "PS": "horsepower",
    "Nm": "newton metre", "lb-ft": "foot pound-force", "mAh": "milliampere-hour", "kV": "kilovolt",
    "Hz": "hertz", "kHz": "kilohertz", "MHz": "megahertz", "GHz": "gigahertz", "GB": "gigabyte",
    "MB": "megabyte", "TB": "terabyte", "KB": "kilobyte", "kB": "kilobyte", "Gbps": "gigabit per second",
    "Mbps": "megabit per second", "rpm": "revolutions per minute", "ppb": "parts-per-billion",
    "ppm": "parts-per-million", "ksi": "kilopound per square inch", "MPa": "megapascal", "″": "inch",
    "′": "foot", "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY", "INR": "INR",
    "CHF": "CHF", "RUB": "RUB", "UAH": "UAH", "HKD": "HKD", "AUD": "AUD", "CAD": "CAD",
}  # fmt: skip
# Only attached to the digits ("45g", "1.0l"): spaced, these letters are too often words.
ATTACHED_UNITS = {"g": "gram", "l": "litre", "L": "litre", "m": "metre", "p": "pence", "t": "metric ton"}
POUND_WORDS = ("pounds", "pound")
CURRENCIES = frozenset(CURRENCY_PREFIXES.values()) | {"ILS", "ZAR", "cent", "pence", "sen"}
RATE_NOUNS = {
    "day": "day", "week": "week", "month": "month", "year": "year", "hour": "hour", "h": "hour",
    "hr": "hour", "minute": "minute", "min": "minute", "second": "second", "share": "share",
    "barrel": "barrel", "head": "head", "person": "person", "capita": "capita", "night": "night",
    "kilo": "kilogram", "kg": "kilogram", "litre": "litre", "liter": "litre", "gallon": "gallon",
    "tonne": "metric ton", "ton": "ton", "ounce": "ounce", "unit": "unit",
}  # fmt: skip

# Hedges before a number: kind -> phrases. Longest first in the compiled pattern.
HEDGES = {
    "approx": ("about", "around", "approximately", "approx.", "roughly", "some", "circa", "c.",
               "an estimated", "estimated", "close to", "~", "≈", "or so"),
    "nearly": ("nearly", "almost", "just under", "just shy of"),
    "lower": ("more than", "over", "at least", "upwards of", "in excess of", "greater than", "above",
              "exceeding", "just over", "well over", "no fewer than", "no less than", "not less than", ">"),
    "upper": ("fewer than", "less than", "under", "below", "up to", "as many as", "as much as",
              "as high as", "at most", "no more than", "not more than", "a maximum of", "<"),
}  # fmt: skip
_HEDGE_KIND = {phrase: kind for kind, phrases in HEDGES.items() for phrase in phrases}
_HEDGE_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?P<h>"
    + "|".join(re.escape(p) for p in sorted(_HEDGE_KIND, key=len, reverse=True) if p[0].isalpha())
    + r")\s+|(?P<s>[~≈<>])\s?)$",
    re.I,
)
_HEDGE_AFTER = re.compile(r"(?:\+|-plus\b|\s(?P<w>or so|or more|or fewer|or less)\b)", re.I)
_AFTER_KIND = {"or so": "approx", "or more": "lower", "+": "lower", "-plus": "lower", "or fewer": "upper",
               "or less": "upper"}  # fmt: skip

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
PRONOUN_ONE_BEFORE = {"the", "this", "that", "each", "every", "any", "no", "which", "another", "same",
                      "only", "last", "next", "little", "big", "new", "old", "other", "a", "an"}  # fmt: skip
PERSON_PRONOUNS = {"he", "she", "i", "you", "we", "they", "who"}
OF_PREPOSITIONS = {"in", "near", "at", "on", "from", "inside", "outside", "along", "across", "within",
                   "around", "of", "into", "to"}  # fmt: skip
YEAR_PREPOSITIONS = {"in", "since", "from", "between", "until", "till", "before", "after", "during", "circa",
                     "c."}  # fmt: skip

# --------------------------------------------------------------------------------------------
# Regular expressions over the text

_CUR_LETTERS = "|".join(
    re.escape(k) for k in sorted(CURRENCY_PREFIXES, key=len, reverse=True) if k[0].isalpha() or k == "$US"
)
_NUMBER = re.compile(
    r"(?P<cur>(?:(?<![A-Za-z])(?:" + _CUR_LETTERS + r")|US\s\$|HK\s\$|AU\s\$|NZ\s\$|(?<![A-Za-z])S\s\$"
    r"|[$£€¥])\s?)?"
    r"(?P<sign>[-−](?=[\d.])|(?<![A-Za-z])minus[-\s](?=\d))?"
    r"(?P<cur2>[$£€¥])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!,\d)|\d+(?:\.\d+)?|\.\d+)"
    r"(?:/(?P<den>\d+))?"
)
_SCALE = re.compile(
    r"(?:(?P<att>bn|bln|mn|mln|mil|tn|trn|[kKmMbB])(?![A-Za-z\d/²])"
    r"|\s(?P<sp>bn|mn|mln|mil|tn|m)\.?(?![A-Za-z\d])"
    r"|[\s-](?P<w>(?:hundred|thousand|million|billion|trillion)(?:\s(?:hundred|thousand|million|billion|trillion))*)"
    r"(?![A-Za-z]))"
)
_WORD_UNIT = re.compile(
    r"(?P<sep>[\s-]?)(?P<u>"
    + "|".join(re.escape(k).replace(r"\ ", r"\s") for k in sorted([*WORD_UNITS, *POUND_WORDS], key=len, reverse=True))
    + r")(?![A-Za-z])",
    re.I,
)
_SYMBOL_UNIT = re.compile(
    r"(?P<sep>\s?)(?P<u>"
    + "|".join(re.escape(k).replace(r"\ ", r"\s") for k in sorted(SYMBOL_UNITS, key=len, reverse=True))
    + r")(?![A-Za-z\d])"
)
_ATTACHED_UNIT = re.compile(r"(?P<u>[glLmpt])(?![A-Za-z\d])")
_RATE = re.compile(
    r"(?:\s(?:a|an|per|each)\s|/)(?P<p>"
    + "|".join(sorted(RATE_NOUNS, key=len, reverse=True))
    + r")s?(?![A-Za-z])(?!\s+(?:earlier|ago|before|later|after|on)\b)",
    re.I,
)
# Dates and clock times written with digits: never quantities.
_DATE_TIME = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}(?:T[\d:.]+Z?)?"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:\s?[ap]\.?m\.?)?"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b\d{1,2}(?:\.\d{2})?\s?[ap]\.?m\.?(?![A-Za-z])",
    re.I,
)
_WORDLIKE = re.compile(r"[A-Za-z][A-Za-z&.\-]*")
_RANGE_SEP = re.compile(r"^(?:\s?[–—]\s?|-|\s(?:to|through)\s|\sto-|\s?[–—]?\sto\s)$")


# --------------------------------------------------------------------------------------------
# Working record


@dataclass(slots=True)
class _Mention:
    start: int  # number expression: currency prefix, sign, digits or words, scale
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    vague: bool = False
    words: bool = False
    plain: bool = False  # a bare integer without separators, currency or scale: maybe a year
    scaled: float = 1.0  # the scale word's multiplier, 1 when none
    raw: float | None = None  # the value before the scale
    unit: str | None = None
    unit_end: int = 0
    head: Token | None = None  # the counted noun
    of: str | None = None
    approximate: bool = False
    span_start: int = 0
    span_end: int = 0
    text: str = ""  # the whole document text (doc.text rebuilds the string on every access)
    reason: str | None = None  # why it is not a quantity: "year", "name", "date", "score", ...
    is_range: bool = False

    @property
    def source(self) -> str:
        return self.text[self.start : self.end]


def extract_quantities(doc: Doc) -> list[Quantity]:
    text = doc_text(doc)
    blocked = _blocked_chars(text)
    mentions = [m for m in _digit_mentions(text, blocked)]
    taken = [(m.start, m.end) for m in mentions]
    mentions += _word_mentions(doc, _coverage(taken, len(text)))
    mentions.sort(key=lambda m: m.start)
    ents = _entity_index(doc)
    for m in mentions:
        m.text = text
        _attach_unit(doc, m)
        if not m.vague:
            m.reason = _not_a_quantity(doc, m, ents)
    mentions = [m for m in _merge_ranges(text, mentions) if m.reason is None]
    for m in mentions:
        _apply_hedges(text, m)
        if m.unit is None and m.head is None:
            _find_counted_noun(doc, m)
    _ages(doc, mentions)
    _inherit_units(doc, text, mentions)
    quantities = []
    for m in mentions:
        if m.value is None and m.low is None and m.high is None:
            continue
        verb = _governing_verb(doc, m)
        quantities.append(
            Quantity(
                id=f"Q{len(quantities) + 1}",
                value=m.value,
                start=m.span_start,
                end=m.span_end,
                text=text[m.span_start : m.span_end],
                low=m.low,
                high=m.high,
                unit=m.unit,
                approximate=m.approximate,
                of=m.of,
                predicate=predicate(verb),
                modality=modality(verb),
            )
        )
    return quantities


def _governing_verb(doc: Doc, m: _Mention) -> Token | None:
    """The verb over what the quantity counts (its counted noun, else the number's last token)."""
    span = _tokens(doc, m.start, m.end)
    number = span[-1] if span is not None and len(span) else None
    head = m.head
    if head is not None and number is not None and head.dep_ == "pobj" and head.head.head == number:
        head = None  # "thousands of fighters were active": the number is the verb's argument
    if head is not None:
        return governing_verb(head)
    return governing_verb(number) if number is not None else None


# --------------------------------------------------------------------------------------------
# Finding numbers


def _blocked_chars(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _DATE_TIME.finditer(text)]


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _coverage(spans: list[tuple[int, int]], length: int) -> bytearray:
    """One byte per character of the text, 1 where one of ``spans`` covers it: whether a token
    overlaps any span is then one search of its characters, where comparing every token with
    every span grew with the square of the article's length."""
    covered = bytearray(length)
    for start, end in spans:
        end = min(end, length)
        if start < end:
            covered[start:end] = b"\x01" * (end - start)
    return covered


def _digit_mentions(text: str, blocked: list[tuple[int, int]]) -> list[_Mention]:
    out = []
    for match in _NUMBER.finditer(text):
        num_end = match.end("num")
        start = match.start()
        sign = match.group("sign")
        cur = (match.group("cur") or match.group("cur2") or "").strip()
        if (
            sign
            and start == match.start("sign")
            and start > 0
            and (text[start - 1].isalnum() or text[start - 1] in ")/")
        ):
            sign, start = None, match.start("sign") + len(match.group("sign"))  # "5,000-9,000": a range
            if match.group("cur2"):
                cur = match.group("cur2")
        if _overlaps(start, match.end(), blocked):
            continue
        before = text[start - 1] if start > 0 else " "
        if not cur and (before.isalnum() or before in "_."):
            continue  # "S23", "mk5", "v1.2.3": part of a name or code
        hyphenated = not cur and not sign and before in "-‐" and start > 1 and text[start - 2].isalpha()
        if hyphenated and not re.search(r"(?:\bminus|\bto)$", text[max(0, start - 6) : start - 1], re.I):
            continue  # "F-16", "Exercise-2019", "COVID-19" (not "minus-5", "200,000 to-260,000")
        value = parse_digits(match.group("num"))
        end = num_end
        if match.group("den"):
            numerator, denominator = value or 0, float(match.group("den"))
            if not (0 < denominator <= 16 and numerator < denominator):
                continue  # "24/7", "9/11": not a fraction
            value = numerator / denominator
            end = match.end("den")
        if value is None:
            continue
        if sign:
            value = -value
        m = _Mention(start, end, value, raw=value, plain=bool(re.fullmatch(r"\d+", match.group("num"))) and not cur)
        if cur:
            m.unit = CURRENCY_PREFIXES.get(cur.replace(" ", ""), "dollar")
        scale = _SCALE.match(text, end)
        if scale:
            word = scale.group("att") or scale.group("sp") or scale.group("w")
            factor = 1.0
            for part in word.split():
                factor *= SCALES[part]
            following = text[scale.end() : scale.end() + 2]
            if word == "m" and not cur and not (following[:1] == " " and following[1:2].isalpha()):
                factor = 0  # "100m." is metres; "12.3m tonnes", "$6m" are millions
            if word in ("b", "B") and not cur:
                factor = 0
            if scale.group("sp") == "m" and not cur:
                factor = 0
            if factor:
                m.scaled, m.value, m.plain = factor, value * factor, False
                end = scale.end()
        m.end = m.unit_end = end
        after = text[end : end + 1]
        if after.isalpha() and not _unit_at(text, end, m):
            continue  # "22nd", "1970s", "5G", "9AB8": an ordinal, a decade or a code
        out.append(m)
    return out


def _unit_at(text: str, pos: int, m: _Mention) -> bool:
    """Read a unit written right after the number at ``pos``; set m.unit/unit_end."""
    has_currency = m.unit is not None
    symbol = _SYMBOL_UNIT.match(text, pos)
    word = _WORD_UNIT.match(text, pos)
    attached = _ATTACHED_UNIT.match(text, pos)
    found: tuple[str, int] | None = None
    if symbol and (not has_currency or SYMBOL_UNITS[symbol.group("u")] not in CURRENCIES):
        found = SYMBOL_UNITS[symbol.group("u")], symbol.end()
    if word and (found is None or word.end() > found[1]):
        key = " ".join(word.group("u").lower().split())
        pound = "GBP" if m.scaled > 1 or has_currency else "pound-mass"  # "£5m pounds", "1/2 pound"
        unit = pound if key in POUND_WORDS else WORD_UNITS[key]
        if word.group("sep") == "-" and unit in CURRENCIES:
            unit = ""
        if unit and not (has_currency and unit in CURRENCIES):
            found = unit, word.end()
    if found is None and attached and not has_currency:
        found = ATTACHED_UNITS[attached.group("u")], attached.end()
    if found is None:
        return False
    m.unit, m.unit_end = found
    return True


def _word_mentions(doc: Doc, taken: bytearray) -> list[_Mention]:
    """Numbers written in words, outside the characters ``taken`` (see ``_coverage``) by the
    numbers written in digits."""
    out: list[_Mention] = []
    tokens = list(doc)
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        low = tok.lower_
        if low not in _WORD_NUMBER_STARTS or taken.find(1, tok.idx, tok.idx + len(tok)) != -1:
            i += 1
            continue
        vague = _vague_at(tokens, i)
        if vague:
            j, lo, hi = vague
            m = _Mention(tok.idx, tokens[j].idx + len(tokens[j]), None, low=lo, high=hi, vague=True, words=True)
            m.approximate, m.unit_end = True, m.end
            out.append(m)
            i = j + 1
            continue
        if low == "half" and _half_is_number(tokens, i):
            m = _Mention(tok.idx, tok.idx + len(tok), 0.5, raw=0.5, words=True)
            m.unit_end = m.end
            out.append(m)
            i += 1
            continue
        starts_number = low in NUMBER_WORDS or (
            low in ("a", "an", "half") and i + 1 < n and tokens[i + 1].lower_ in {*LARGE, "hundred", "dozen", "a", "an"}
        )
        if not starts_number or (
            low in ("hundred", "thousand", "million", "billion", "trillion") and i > 0 and tokens[i - 1].like_num
        ):
            i += 1
            continue
        j = i
        value = parse_words([tok.text])
        k = i + 1
        while k < n:
            nxt = tokens[k].lower_
            if nxt in ("-", "and", "a", "an") and k + 1 < n and tokens[k + 1].lower_ in NUMBER_WORDS:
                candidate = parse_words([t.text for t in tokens[i : k + 2]])
                if candidate is None:
                    break
                value, j, k = candidate, k + 1, k + 2
                continue
            if nxt in NUMBER_WORDS:
                candidate = parse_words([t.text for t in tokens[i : k + 1]])
                if candidate is None:
                    break
                value, j, k = candidate, k, k + 1
                continue
            break
        if value is None or (j == i and low in ("a", "an", "half")):
            i = j + 1
            continue
        if low == "one" and j == i and not _one_is_number(tokens, i):
            i += 1
            continue
        if j == i and low in ("hundred", "thousand", "dozen", "million", "billion", "trillion"):
            i += 1
            continue  # a bare scale noun: "the hundred", "a dozen" is caught with its "a"
        m = _Mention(tok.idx, tokens[j].idx + len(tokens[j]), value, raw=value, words=True)
        m.unit_end = m.end
        if any(t.lower_ in LARGE for t in tokens[i : j + 1]):
            m.scaled = 1e3
        out.append(m)
        i = j + 1
    return out


# Every word a number in words can start with (each branch of _word_mentions and _vague_at
# begins with one of them): the rest of the tokens, nearly all, are passed over at once.
_WORD_NUMBER_STARTS = (
    frozenset(NUMBER_WORDS) | frozenset(VAGUE_PLURALS) | {"few", "several", "couple", "a", "an", "half"}
)


def _vague_at(tokens: list[Token], i: int) -> tuple[int, float, float] | None:
    """ "tens of thousands", "hundreds", "a few hundred", "several thousand": (last index, low, high)."""
    n = len(tokens)
    low = tokens[i].lower_
    if low in VAGUE_PLURALS and tokens[i].pos_ in ("NOUN", "NUM"):
        base = VAGUE_PLURALS[low]
        if i + 2 < n and tokens[i + 1].lower_ == "of" and tokens[i + 2].lower_ in ("thousands", "millions", "billions"):
            big = VAGUE_PLURALS[tokens[i + 2].lower_]
            return i + 2, base * big, base * big * 10
        if low == "tens" and not (i + 1 < n and tokens[i + 1].lower_ == "of"):
            return None
        return i, base, base * 10
    if low in ("few", "several", "couple") and i + 1 < n:
        j = i + 1
        if low == "couple" and tokens[j].lower_ == "of" and j + 1 < n:
            j += 1
        word = tokens[j].lower_
        if word in ("hundred", "thousand", "million", "billion", "dozen"):
            size = SCALES.get(word, 12.0)
            factor = {"few": (2, 5), "several": (3, 9), "couple": (2, 2)}[low]
            return j, factor[0] * size, factor[1] * size
    if low in ("a",) and i + 2 < n and tokens[i + 1].lower_ in ("few", "couple"):
        inner = _vague_at(tokens, i + 1)
        if inner:
            return inner
    return None


def _half_is_number(tokens: list[Token], i: int) -> bool:
    """ "half the condos", "half of the troops" (not "the second half", "half-time", "half a million")."""
    if i > 0 and (tokens[i - 1].lower_ in PRONOUN_ONE_BEFORE or tokens[i - 1].ent_type_ == "ORDINAL"):
        return False
    nxt = tokens[i + 1].lower_ if i + 1 < len(tokens) else ""
    after = tokens[i + 2].lower_ if i + 2 < len(tokens) else ""
    if nxt in ("a", "an") and after in NUMBER_WORDS:
        return False  # "half a million": read as one number
    return nxt in ("the", "of", "its", "their", "his", "her", "our", "a", "an", "all", "these", "those")


def _one_is_number(tokens: list[Token], i: int) -> bool:
    tok = tokens[i]
    if tok.tag_ != "CD":
        return False
    if i > 0 and tokens[i - 1].lower_ in PRONOUN_ONE_BEFORE:
        return False
    return not (i + 1 < len(tokens) and tokens[i + 1].lower_ in ("another", "day"))


# --------------------------------------------------------------------------------------------
# Which numbers are not quantities


def _entity_index(doc: Doc) -> dict[int, Span]:
    index = {}
    for ent in doc.ents:
        for t in ent:
            index[t.i] = ent
    return index


def _tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _not_a_quantity(doc: Doc, m: _Mention, ents: dict[int, Span]) -> str | None:
    """Why this number is not a quantity ("name", "date", "year"), or None when it is one."""
    span = _tokens(doc, m.start, m.end)
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


def _in_name(m: _Mention, span: Span, ents: dict[int, Span]) -> bool:
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


# --------------------------------------------------------------------------------------------
# Units, counted nouns, hedges


def _attach_unit(doc: Doc, m: _Mention) -> None:
    text = m.text
    if m.unit is None or m.unit in CURRENCIES:
        currency = m.unit
        if _unit_at(text, m.unit_end, m):
            if currency and m.unit not in CURRENCIES:
                m.unit = currency  # "$500 US": the prefix already said it
        else:
            m.unit = currency
    if m.unit is not None:
        rate = _RATE.match(text, m.unit_end)
        if rate:
            m.unit = f"{m.unit} per {RATE_NOUNS[rate.group('p').lower()]}"
            m.unit_end = rate.end()
        _of_after_measure(doc, m)


def _of_after_measure(doc: Doc, m: _Mention) -> None:
    """ "12.3m tonnes of jet fuel" -> of "jet fuel"."""
    after = re.match(r"\s+of\s+", m.text[m.unit_end : m.unit_end + 6])
    if not after:
        return
    span = _tokens(doc, m.unit_end + after.end(), m.unit_end + after.end() + 1)
    if span is None:
        return
    tok = span[0]
    head = tok if tok.pos_ in ("NOUN", "PROPN") else tok.head
    if head.pos_ in ("NOUN", "PROPN") and head.i >= tok.i:
        m.of = _phrase(doc, head, tok.i)


def _find_counted_noun(doc: Doc, m: _Mention) -> None:
    span = _tokens(doc, m.start, m.end)
    if span is None:
        return
    last = span[-1]
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    head = None
    if nxt is not None and nxt.lower_ == "of":
        objects = [c for c in nxt.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
        if objects:
            head = objects[0]
    if head is None and not m.vague:
        candidate = last.head
        if last.dep_ in ("nummod", "compound", "quantmod", "amod", "nmod", "appos") and candidate.i > last.i:
            between = doc[last.i + 1 : candidate.i]
            if all(
                t.pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT", "VERB", "ADV") and t.text not in ",;:()" for t in between
            ):
                head = candidate
        if head is None:
            k = last.i + 1
            run = []
            while k < len(doc) and doc[k].pos_ in ("ADJ", "NOUN", "PROPN") and len(run) < 4:
                run.append(doc[k])
                k += 1
            nouns = [t for t in run if t.pos_ == "NOUN"]
            if nouns and run[-1].pos_ == "NOUN":
                head = run[-1]
    if head is None or not _countable(head):
        return
    m.head = head
    compounds = [
        c.lower_
        for c in head.lefts
        if c.dep_ == "compound" and c.pos_ == "NOUN" and c.is_alpha and not c.ent_type_ and c.i > last.i
    ]  # "job cuts" -> "job cut"; not "F-16 jets"
    lemma = head.lemma_.lower() if head.pos_ == "NOUN" else re.sub(r"(?<=[a-z])s$", "", head.text)
    lemma = WORD_UNITS.get(lemma, WORD_UNITS.get(head.lower_, lemma))
    m.unit = " ".join([*compounds, lemma])
    m.of = _phrase(doc, head, last.i + 1)
    adjacent = head.i > last.i and all(
        t.pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT", "VERB", "ADV") for t in doc[last.i + 1 : head.i]
    )
    if adjacent:
        m.span_end = max(m.span_end, head.idx + len(head))  # "about 4,000 Turkish troops"


def _countable(head: Token) -> bool:
    if head.pos_ == "PROPN":
        return head.tag_ == "NNPS"
    return head.pos_ == "NOUN" and head.is_alpha and head.lower_ not in ("%",)


def _phrase(doc: Doc, head: Token, left_limit: int) -> str:
    """The head noun with its left modifiers (not before left_limit) and an attached preposition."""
    start = head.i
    for child in head.lefts:
        if child.i >= left_limit and child.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod", "advmod", "punct"):
            start = min(start, max(child.left_edge.i, left_limit))
    while start < head.i and doc[start].pos_ in ("PUNCT", "DET"):
        start += 1
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in OF_PREPOSITIONS and child.i == end:
            sub = [t for t in child.subtree]
            stop = child.i
            for t in sub:
                if t.i != stop or t.pos_ in ("VERB", "AUX") or t.text in ",;:()" or t.dep_ in ("relcl", "acl"):
                    break
                stop = t.i + 1
            if stop - head.i <= MAX_OF_TOKENS and stop > child.i + 1:
                end = stop
            break
    return doc[start:end].text


def _apply_hedges(text: str, m: _Mention) -> None:
    m.span_start = m.start
    m.span_end = max(m.span_end, m.unit_end, m.end)
    kind = None
    before = _HEDGE_BEFORE.search(text, max(0, m.start - 24), m.start)
    if before:
        phrase = (before.group("h") or before.group("s")).lower()
        kind = _HEDGE_KIND.get(phrase)
        if kind == "approx" and phrase == "some" and m.vague:
            kind = None
        if kind:
            m.span_start = before.start()
    after = _HEDGE_AFTER.match(text, m.span_end)
    if after and kind is None:
        kind = _AFTER_KIND[(after.group("w") or after.group(0)).lower()]
        m.span_end = after.end()
    if m.vague or m.is_range:
        if kind in ("approx", "nearly"):
            m.approximate = True
        elif kind == "lower":
            m.high = None
        elif kind == "upper":
            m.low = None
        return
    v = m.value
    assert v is not None
    m.low = m.high = v
    if kind == "approx":
        m.approximate = True
        m.low, m.high = sorted((v * (1 - APPROX_TOLERANCE), v * (1 + APPROX_TOLERANCE)))
    elif kind == "nearly":
        m.approximate = True
        m.low, m.high = sorted((v * (1 - APPROX_TOLERANCE), v))
    elif kind == "lower":
        m.high = None
    elif kind == "upper":
        m.low = None


# --------------------------------------------------------------------------------------------
# Ranges and ellipsis


def _merge_ranges(text: str, mentions: list[_Mention]) -> list[_Mention]:
    out: list[_Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        if i + 1 < len(mentions):
            r = _range(text, m, mentions[i + 1])
            if r is not None:
                out.append(r)
                i += 2
                continue
        out.append(m)
        i += 1
    return out


def _range(text: str, a: _Mention, b: _Mention) -> _Mention | None:
    if a.vague or b.vague or a.value is None or b.value is None:
        return None
    if b.reason is not None or a.reason not in (None, "year"):
        return None  # "between 1600 and 1900": two years
    if a.reason == "year" and not (b.plain and a.value < b.value):
        return None  # "from 1000 to 2000 hires" is a range; "in 2018 to 3.9 million" is not
    between = text[a.unit_end : b.start]
    lead = text[max(0, a.start - 9) : a.start].lower()
    unit = _common_unit(a.unit, b.unit)
    if unit is False:
        return None
    is_range = False
    if _RANGE_SEP.match(between):
        if a.unit is not None and b.unit is None:
            return None  # "rose 0.68 per cent to 3,005.47": a change, then a level
        if between.strip() == "to" and a.unit is not None and re.search(r"\bby\s+$", lead):
            return None  # "increased by $43.6 billion to $419.2 billion": a change, then a level
        if between == "-" and a.plain and b.plain and a.value >= b.value and b.value <= 20:
            a.reason = b.reason = "score"  # "2-1"
            return None
        is_range = True
    else:
        between_and = between.strip() == "and" and re.search(r"\bbetween\s+$", lead)
        words_or = between.strip() == "or" and a.words and b.words and a.value < b.value  # "three or four years"
        is_range = bool(between_and or words_or)
    if not is_range:
        return None
    low_value = a.value
    if a.scaled == 1.0 and b.scaled > 1.0 and a.raw is not None and b.raw is not None and a.raw < b.raw:
        low_value = a.value * b.scaled  # "US $89 to $93 billion"
    r = _Mention(a.start, b.end, None, vague=False, words=a.words and b.words, text=a.text)
    r.low, r.high = min(low_value, b.value), max(low_value, b.value)
    r.is_range = True
    r.unit = unit  # type: ignore[assignment]
    r.unit_end = max(b.unit_end, b.end)
    r.head, r.of = b.head, b.of
    if re.search(r"\bbetween\s+$", lead):
        r.start = a.start - len(re.search(r"between\s+$", lead).group(0))  # type: ignore[union-attr]
    return r


def _common_unit(a: str | None, b: str | None) -> str | bool | None:
    """The unit two range ends share (False when they differ): "$89 to $93" dollar."""
    if a is None or b is None or a == b:
        return b if b is not None else a
    if b.startswith(a + " per "):
        return b  # "$500,000 to $1 million a year"
    dollars = {"dollar", "USD", "HKD", "AUD", "NZD", "SGD", "CAD"}
    if a in dollars and b in dollars:
        return b if a == "dollar" else a
    return False


def _ages(doc: Doc, mentions: list[_Mention]) -> None:
    """ "He will be 35", "who was 10", "aged 68": a person's age in years."""
    for m in mentions:
        if m.unit is not None or m.is_range or m.vague or m.value is None or not (0 < m.value < 130):
            continue
        span = _tokens(doc, m.start, m.end)
        if span is None:
            continue
        tok = span[-1]
        prev = doc[span[0].i - 1] if span[0].i > 0 else None
        person = False
        if tok.dep_ in ("attr", "acomp") and tok.head.lemma_ == "be":
            subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
            person = any(c.lower_ in PERSON_PRONOUNS or c.ent_type_ == "PERSON" for c in subjects)
        if person or (prev is not None and prev.lower_ == "aged"):
            m.unit = "year of age"


def _inherit_units(doc: Doc, text: str, mentions: list[_Mention]) -> None:
    for i, m in enumerate(mentions):
        if m.unit is not None or m.vague or m.is_range or m.value is None:
            continue
        # "8 or $9": the currency of the amount it is coordinated with.
        if i + 1 < len(mentions) and mentions[i + 1].unit in CURRENCIES:
            between = text[m.span_end : mentions[i + 1].start].strip()
            if between in ("or", "to", "and", "-"):
                m.unit = mentions[i + 1].unit
                continue
        sentence = _tokens(doc, m.start, m.end)
        if sentence is None:
            continue
        sent_start = sentence[0].sent.start_char
        for prev in reversed(mentions[:i]):
            if prev.start < sent_start:
                break
            if prev.unit is None or prev.value is None:
                continue
            if (
                prev.value
                and m.value
                and max(abs(prev.value), abs(m.value)) <= INHERIT_RATIO * min(abs(prev.value), abs(m.value))
            ):
                m.unit, m.of = prev.unit, prev.of
                break
