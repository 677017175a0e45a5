"""Numbers written in digits and in words: the parsing half of the quantities stage.

No dependency: English number words are a closed class, and the parser needs to know where a
number's words end (which word2number / number-parser do not report), so it works on token
lists the caller has already delimited.

- ``parse_digits("10,000")`` -> 10000.0; ``"1.5"``, ``".001"``, ``"1/2"`` (0.5) too.
- ``parse_words(["twenty", "-", "seven"])`` -> 27.0; ``["two", "hundred", "and", "fifty"]`` ->
  250.0; ``["a", "dozen"]`` -> 12.0; ``["half", "a", "million"]`` -> 500000.0. ``None`` when the
  words do not form one number.
- ``SCALES``: the multipliers a number can carry ("million", "bn", "m", "k", ...).
"""

from __future__ import annotations

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
# Multipliers written as words ("three thousand") and, after digits, as abbreviations ("7.6bn").
LARGE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SCALES = {
    "hundred": 1e2, **LARGE,
    "k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "b": 1e9, "B": 1e9,
    "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
}  # fmt: skip
# Plural scale nouns read as an order of magnitude: "thousands" = [1,000, 10,000).
VAGUE_PLURALS = {"dozens": 12.0, "tens": 10.0, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | {"hundred", "dozen"} | frozenset(LARGE)


def parse_digits(text: str) -> float | None:
    """A number in digits: thousands separators, a decimal point or a simple fraction."""
    text = text.replace(",", "").strip()
    try:
        if "/" in text:
            numerator, denominator = text.split("/", 1)
            return float(numerator) / float(denominator) if float(denominator) else None
        return float(text)
    except ValueError:
        return None


def parse_words(words: list[str]) -> float | None:
    """One number written in words (lower-cased tokens; hyphens and "and" allowed between)."""
    words = [w.lower() for w in words if w not in ("-", "‐", "–")]
    if not words:
        return None
    if words[0] == "half":  # "half a million", "half a dozen"
        rest = parse_words(words[2:] if len(words) > 2 and words[1] in ("a", "an") else words[1:])
        return None if rest is None else rest / 2
    if words[0] in ("a", "an"):
        words = ["one", *words[1:]]
    total = current = 0.0
    seen = False
    previous = None
    for word in words:
        if word == "and":
            if previous not in ("hundred", *LARGE):
                return None
            previous = word
            continue
        if word in UNITS:
            if previous in UNITS or (previous in TENS and UNITS[word] >= 10):
                return None  # "three four" is two numbers
            current += UNITS[word]
        elif word in TENS:
            if previous in UNITS or previous in TENS:
                return None
            current += TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in LARGE:
            total += (current or 1) * LARGE[word]
            current = 0.0
        else:
            return None
        seen = True
        previous = word
    return total + current if seen else None
