"""The language of a document's text.

py3langid (a Naive Bayes model over byte n-grams, 140 labels, shipped inside its wheel) names
the language; the text's script guards it, and a Latin text is weighed among the languages of
``LATIN_LANGUAGES`` only. A text written mostly in Latin letters is never
called Russian, Ukrainian or Belarusian, and a Cyrillic one is never called English, whatever
a few borrowed words tip the model towards: a quotation in another language, a list of place
names. Among Cyrillic languages the model is asked only about those that use Cyrillic, so that
Russian and its neighbours are told apart on their own letters (і, ї, є, ў are decisive).

A text too short to judge (fewer than ``MIN_LETTERS`` letters) in Latin script is taken as
English: that is what newsint did with every text before it detected languages, and a headline
alone carries too little to overrule it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

# What each language gets: the full pipeline, names only, or nothing (stored with a note).
FULL = frozenset({"en", "ru"})
NAMES_ONLY = frozenset({"uk", "be"})
CYRILLIC_LANGUAGES = ("ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "mn")
# The Latin-script languages a Latin text is weighed among: those with a national press. The
# model also knows regional and creole languages close to English (Nigerian Pidgin, Scots
# Gaelic, Walloon ...) that a short English passage full of names can tip towards; an English
# text called one of them would lose its analysis, which costs more than a rare Walloon text
# called French.
LATIN_LANGUAGES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "sl", "hr", "bs", "ro", "hu", "fi",
    "sv", "da", "no", "is", "et", "lv", "lt", "tr", "az", "uz", "id", "ms", "vi", "tl", "sq", "ca",
    "eu", "gl", "ga", "cy", "af", "sw", "so", "ha", "yo",
)  # fmt: skip

MIN_LETTERS = 40  # below this a Latin-script text stays English (see the module's note)
SAMPLE_CHARS = 20_000  # the language of a long text shows in its first pages; the rest costs time


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    code: str  # ISO 639-1
    confidence: float  # the model's probability for it, 0-1 (1.0 when the script decides)
    script: str  # "latin", "cyrillic" or "other": the script most of the letters are in


def detect_language(text: str) -> LanguageGuess:
    sample = text[:SAMPLE_CHARS]
    script, letters = _main_script(sample)
    if script == "latin" and letters < MIN_LETTERS:
        return LanguageGuess("en", 1.0, script)
    if script == "cyrillic":
        code, confidence = _identifier(CYRILLIC_LANGUAGES).classify(sample)
        return LanguageGuess(code, float(confidence), script)
    # A Latin-script text is never one of the Cyrillic-script languages, nor a minor one.
    code, confidence = _identifier(LATIN_LANGUAGES if script == "latin" else None).classify(sample)
    return LanguageGuess(code, float(confidence), script)


def _main_script(text: str) -> tuple[str, int]:
    """The script most letters of ``text`` are written in, and how many letters it has."""
    latin = cyrillic = other = 0
    for char in text:
        if not char.isalpha():
            continue
        if char.isascii():
            latin += 1
            continue
        name = unicodedata.name(char, "")
        if name.startswith("LATIN"):
            latin += 1
        elif name.startswith("CYRILLIC"):
            cyrillic += 1
        else:
            other += 1
    letters = latin + cyrillic + other
    best = max((latin, "latin"), (cyrillic, "cyrillic"), (other, "other"))
    return (best[1] if letters else "latin"), letters


@cache
def _identifier(languages: tuple[str, ...] | None):
    # One identifier per language set: set_languages changes the identifier it is called on.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if languages is not None:
        identifier.set_languages(list(languages))
    return identifier
