"""Russian figures: digits or number words, a multiplier (тыс., млн), the words that make them
approximate or a bound (около, более, до), and what they count: the noun after them, by its
lemma ("30 тыс. военнослужащих" -> 30000, unit "военнослужащий").

Not figures: days of a date ("10 февраля"), years ("в 2022 году"), the number in a model's
name ("С-400", "Су-35"), and numbers inside a longer word.
"""

from __future__ import annotations

import bisect
import re

from newsint.lang.ru.parse import RussianParse, Token
from newsint.model import Quantity

NUMBER_WORDS = {
    "один": 1,
    "одна": 1,
    "одно": 1,
    "два": 2,
    "две": 2,
    "три": 3,
    "четыре": 4,
    "пять": 5,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
    "десять": 10,
    "одиннадцать": 11,
    "двенадцать": 12,
    "пятнадцать": 15,
    "двадцать": 20,
    "тридцать": 30,
    "сорок": 40,
    "пятьдесят": 50,
    "сто": 100,
    "двести": 200,
    "триста": 300,
    "пятьсот": 500,
    "несколько": None,
    "десятки": None,
    "сотни": None,
}
MULTIPLIERS = {"тыс": 1e3, "тысяча": 1e3, "млн": 1e6, "миллион": 1e6, "млрд": 1e9, "миллиард": 1e9}
# Words before a figure: (approximate, which bound the figure is: "low" = at least, "high" = at most)
QUALIFIERS = {
    "около": (True, None),
    "порядка": (True, None),
    "примерно": (True, None),
    "почти": (True, "high"),
    "приблизительно": (True, None),
    "более": (False, "low"),
    "свыше": (False, "low"),
    "больше": (False, "low"),
    "менее": (False, "high"),
    "меньше": (False, "high"),
    "до": (False, "high"),
    "не менее": (False, "low"),
    "не более": (False, "high"),
    "не меньше": (False, "low"),
}
MONTH_OR_YEAR = re.compile(r"^(январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр|год)", re.I)

FIGURE = re.compile(
    r"(?<![\w\-])(?P<number>\d{1,3}(?:[  ]\d{3})+|\d+(?:,\d+)?)(?![\w\-])"
    r"(?:\s*(?P<multiplier>тыс\.|тысяч\w*|млн|миллион\w*|млрд|миллиард\w*))?",
    re.I,
)


def _value(number: str, multiplier: str | None) -> float:
    value = float(re.sub(r"[  ]", "", number).replace(",", "."))
    if multiplier:
        stem = multiplier.lower().rstrip(".")
        value *= next(factor for word, factor in MULTIPLIERS.items() if stem.startswith(word[:3]))
    return value


def _token_at(doc: RussianParse, offset: int) -> Token | None:
    """The first token that starts at or after ``offset`` (tokens are in text order)."""
    index = bisect.bisect_left(doc.tokens, offset, key=lambda t: t.start)
    return doc.tokens[index] if index < len(doc.tokens) else None


def extract_russian_quantities(doc: RussianParse) -> list[Quantity]:
    quantities: list[Quantity] = []
    spans: list[tuple[int, int, float | None]] = []
    for match in FIGURE.finditer(doc.text):
        spans.append((match.start(), match.end(), _value(match["number"], match["multiplier"])))
    for token in doc.tokens:
        if token.lemma in NUMBER_WORDS and token.pos == "NUM":  # "пяти" is "пять"
            spans.append((token.start, token.end, NUMBER_WORDS[token.lemma]))
    for start, end, value in sorted(spans):
        noun = _token_at(doc, end)
        if noun is None or MONTH_OR_YEAR.match(noun.text) or doc.text[start - 3 : start].lower().endswith("в "):
            continue  # a date or a year
        if noun.pos not in ("NOUN", "PROPN") or noun.sentence != (_token_at(doc, start) or noun).sentence:
            continue  # no counted noun: a bare number says nothing an analyst can use
        qualifier, approximate, bound = _qualifier(doc.text, start)
        start -= len(qualifier)
        value_low = value if bound == "low" else None
        value_high = value if bound == "high" else None
        quantities.append(
            Quantity(
                id=f"Q{len(quantities) + 1}",
                value=value,
                start=start,
                end=noun.end,
                text=doc.text[start : noun.end],
                low=value_low,
                high=value_high,
                unit=noun.lemma,
                approximate=approximate,
            )
        )
    return quantities


def _qualifier(text: str, start: int) -> tuple[str, bool, str | None]:
    """The qualifying words right before the figure (with their space), and what they say."""
    before = text[max(0, start - 20) : start].lower()
    for words in sorted(QUALIFIERS, key=len, reverse=True):
        if before.endswith(words + " "):
            return text[start - len(words) - 1 : start], *QUALIFIERS[words]
    return "", False, None
