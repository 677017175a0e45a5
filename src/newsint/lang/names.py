"""Knowledge-base names in Cyrillic text, matched on lemmas: the alias files of ``lang/ru/data``
(``aliases.tsv`` written by hand, ``places.tsv`` generated) indexed by the normal forms of their
words, and a scan that finds them in a text's tokens, longest first.

The same index serves Russian, Ukrainian and Belarusian: each language brings its own
normaliser (``lemmatiser``): pymorphy's Russian or Ukrainian dictionary, or for Belarusian,
which pymorphy has no dictionary for, the word in lower case (so only the forms written in the
file match there).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

ALIAS_FILES = ("aliases.tsv", "places.tsv")
MAX_NAME_WORDS = 8


@dataclass(frozen=True, slots=True)
class AliasEntry:
    kb_id: str
    type: str  # PERSON, ORG, PLACE, EQUIPMENT
    written: str  # the name as the file writes it
    abbreviation: bool  # all capitals ("ВСУ", "ЕС"): matches only a word written in capitals


@dataclass(frozen=True, slots=True)
class NameMatch:
    first: int  # token indexes: the first, and one past the last
    last: int
    entry: AliasEntry


@cache
def alias_lines() -> tuple[tuple[str, str, str], ...]:
    """(kb_id, type, name) for every name of every alias file."""
    rows: list[tuple[str, str, str]] = []
    for filename in ALIAS_FILES:
        text = resources.files("newsint.lang.ru").joinpath("data", filename).read_text("utf-8")
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            kb_id, etype, names = line.split("\t")
            if etype not in ("PERSON", "ORG", "PLACE", "EQUIPMENT"):
                raise ValueError(f"{filename}:{number}: unknown type {etype!r}")
            rows += [(kb_id, etype, name.strip()) for name in names.split("|") if name.strip()]
    return tuple(rows)


def fold(word: str) -> str:
    # ё is written as е in most Russian news; quotes around a name are not part of it.
    return word.lower().replace("ё", "е").strip("«»\"'")


class NameIndex:
    """The alias names keyed by the tuple of their words' normal forms."""

    def __init__(self, lemmatiser: Callable[[str], str], tokenise: Callable[[str], list[str]]) -> None:
        self.lemmatiser = lemmatiser
        self.names: dict[tuple[str, ...], list[AliasEntry]] = {}
        for kb_id, etype, name in alias_lines():
            words = [w for w in tokenise(name) if fold(w)]
            key = tuple(fold(lemmatiser(w)) for w in words)
            abbreviation = len(words) == 1 and words[0].isupper() and len(words[0]) > 1
            entry = AliasEntry(kb_id, etype, name, abbreviation)
            if all(e.kb_id != kb_id for e in self.names.get(key, [])):
                self.names.setdefault(key, []).append(entry)

    def key_of(self, word: str) -> str:
        return fold(self.lemmatiser(word))

    def find(self, words: Sequence[str]) -> list[NameMatch]:
        """Every name in ``words`` (a text's tokens), longest first at each position, never
        overlapping. A name two entries share is not matched (it does not say which)."""
        keys = [self.key_of(w) if fold(w) else "" for w in words]
        matches: list[NameMatch] = []
        i = 0
        while i < len(words):
            for length in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
                entries = self.names.get(tuple(keys[i : i + length]))
                if not entries or len(entries) > 1 or not _written_as_name(words[i : i + length], entries[0]):
                    continue
                matches.append(NameMatch(i, i + length, entries[0]))
                i += length - 1
                break
            i += 1
        return matches


def _written_as_name(words: Sequence[str], entry: AliasEntry) -> bool:
    """A name begins with a capital or a digit (the lemma of "бук", beech, is the lemma of
    "Бук", the missile system); an abbreviation is written in capitals ("ес" is not "ЕС")."""
    if entry.abbreviation:
        return words[0].isupper()
    first = words[0].lstrip('«"')
    return bool(first) and (first[0].isupper() or first[0].isdigit())
