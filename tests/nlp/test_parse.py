"""nlp/parse.py: a long text is parsed in sections joined into one Doc whose offsets are the text's."""

from __future__ import annotations

import itertools
from pathlib import Path

from newsint.nlp.parse import parse, parse_many
from newsint.nlp.sections import SECTION_CHARS, section_bounds

ARTICLE = (Path(__file__).resolve().parents[2] / "examples" / "example-wire-drills-extended.txt").read_text("utf-8")
COPY = ARTICLE.rstrip("\n") + "\n\n"  # one article, ending in a paragraph break


def test_sections_join_into_the_text_with_every_offset_exact() -> None:
    text = COPY * 3
    limit = len(COPY) + 40  # one copy per section: each cut falls on the blank line after a copy
    assert section_bounds(text, limit) == [(0, len(COPY)), (len(COPY), 2 * len(COPY)), (2 * len(COPY), len(text))]
    doc = parse(text, section_chars=limit)
    assert doc.text == text
    # The tokens tile the text: each starts where the one before ends, whitespace included.
    assert all(a.idx + len(a.text_with_ws) == b.idx for a, b in itertools.pairwise(doc))
    # Each copy was parsed alone, so each has the same entities, at its own offsets.
    by_copy: list[list[tuple[int, int, str]]] = [[], [], []]
    for ent in doc.ents:
        copy = ent.start_char // len(COPY)
        by_copy[copy].append((ent.start_char - copy * len(COPY), ent.end_char - copy * len(COPY), ent.label_))
        assert text[ent.start_char : ent.end_char] == ent.text
    assert by_copy[0] and by_copy[0] == by_copy[1] == by_copy[2]
    # No sentence runs across a section boundary.
    assert {s.start_char for s in doc.sents} >= {len(COPY), 2 * len(COPY)}


def test_a_text_without_a_break_is_cut_hard_and_still_exact() -> None:
    line = " ".join(ARTICLE.split())  # one line: no paragraph or line break
    blob = "0f" * 2_000  # and a 4,000-character word no whitespace divides
    text = line + " " + blob + " " + line
    doc = parse(text, section_chars=1_500)
    assert doc.text == text
    name = "Viktor Khrenin"
    later = text.rindex(name)
    assert any(e.start_char == later and e.text == name for e in doc.ents)


def test_parse_many_keeps_the_order_of_short_and_long_texts() -> None:
    # Longer than a section (cheap to parse: a few hundred long "words"), between two short texts.
    long = COPY + ("0f" * 512 + " ") * (SECTION_CHARS // 1_000) + COPY
    texts = ["Talks ended in Geneva.", long, "Shelling resumed near Donetsk on Monday."]
    assert len(section_bounds(long)) > 1
    docs = parse_many(texts)
    assert [doc.text for doc in docs] == texts
    later = long.rindex("Viktor Khrenin")  # in the article after the data, in the last section
    assert any(e.start_char == later and e.text == "Viktor Khrenin" for e in docs[1].ents)
