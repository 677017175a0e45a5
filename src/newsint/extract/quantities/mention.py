"""The working record of the quantities stage: one number found in the text, with what the
later passes learn about it (unit, counted noun, hedge, range, why it is not a quantity)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token


@dataclass(slots=True)
class Mention:
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


def tokens_of(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens that cover the characters [start, end), or None."""
    return doc.char_span(start, end, alignment_mode="expand")
