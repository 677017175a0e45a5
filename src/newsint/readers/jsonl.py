"""JSON Lines: one article per line, ``text`` or ``html``, plus optional url, title, date, source.

The file is decoded and repaired as a whole (readers/text.py), but a JSON string can hold control
characters as escapes (``"\\u001b[2J"``) that only appear once the line is parsed. The text,
title, source and url fields are therefore repaired again, by the text reader's own function: its
ftfy pass drops ANSI escape sequences and C0 controls and turns C1 controls into the characters
they stand for, so an article reads the same from JSON Lines as from a .txt file.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

from newsint.errors import EmptyInputError, MalformedError, NewsintError
from newsint.readers.html import read_html
from newsint.readers.raw import RawDocument
from newsint.readers.text import repair_text


def read_jsonl(text: str, *, source: str, max_html_depth: int) -> Iterator[RawDocument | NewsintError]:
    """Yield one RawDocument per line; a bad line yields its error and the rest go on."""
    seen_any = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        seen_any = True
        where = f"{source}:{number}"
        try:
            yield _read_record(line, where=where, max_html_depth=max_html_depth)
        except NewsintError as error:
            yield error
    if not seen_any:
        yield EmptyInputError("no records in JSON Lines file", path=source)


def _read_record(line: str, *, where: str, max_html_depth: int) -> RawDocument:
    try:
        record = json.loads(line)
    except ValueError as exc:
        raise MalformedError(f"not a JSON object ({exc.msg} at column {exc.colno})", path=where) from None
    if not isinstance(record, dict):
        raise MalformedError("not a JSON object", path=where)
    url = _string(record.get("url"))
    if isinstance(record.get("html"), str) and record["html"].strip():
        raw = read_html(record["html"], source=where, max_depth=max_html_depth, url=url)
    elif isinstance(record.get("text"), str) and record["text"].strip():
        raw = RawDocument(source=where, reader="jsonl", text=repair_text(record["text"]), url=url)
    else:
        raise EmptyInputError('record has no "text" or "html"', path=where)
    raw.title = _string(record.get("title")) or raw.title
    raw.site = _string(record.get("source")) or raw.site
    raw.published = _iso_date(record.get("date")) or raw.published
    return raw


def _string(value: object) -> str | None:
    # NUL dropped as clean/normalize.py drops it from the text: a field nothing can store.
    # Controls as the text reader drops them (see the module docstring).
    return " ".join(repair_text(value.replace("\x00", "")).split()) or None if isinstance(value, str) else None


def _iso_date(value: object) -> str | None:
    """The date part of an ISO date or datetime; anything else is not trusted as a date."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None
