"""Character-level normalisation before any line or paragraph decision."""

from __future__ import annotations

import re

from newsint.readers.raw import PAGE_BREAK

# NUL is no text in any encoding (it reaches here from a JSON "\u0000" or past the binary check's
# first bytes), and PostgreSQL cannot store it: the store would refuse the article.
_INVISIBLE = re.compile("[\x00\u00ad\u200b\u200c\u200d\u2060\ufeff]")  # NUL, soft hyphen, zero-width marks, BOM
_ODD_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_LINE_SEPARATORS = re.compile("\r\n|\r|\u2028|\u2029|\x85|\x0b")


def normalize(text: str) -> str:
    """Unify line endings and spaces, drop invisible characters; keep typography and page breaks."""
    text = _LINE_SEPARATORS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    # A page break is kept as a line of its own so line-level rules see it.
    return text.replace(PAGE_BREAK, f"\n{PAGE_BREAK}\n")
