"""CSV writing shared by the corpus exports: rows go to a text stream as they come.

Streaming, not one string: an export of a large corpus is written row by row into its file (or
into its zip member) instead of being held whole in memory first.

Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with ``=``,
``+``, ``-`` or ``@`` (tab and carriage return too) as a formula, and the cells here hold text
taken from articles anyone can write. Such a text cell gets a leading single quote, which
spreadsheets show as text. Numbers (-3, -12.5, whether int, float or a numeric string) and
dates are left alone: they cannot carry a formula and must stay numbers.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO


def write_csv(stream: TextIO, columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> None:
    """A header (written even when there are no rows), then one line per row."""
    writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: spreadsheet_safe(value) for column, value in row.items()})


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def spreadsheet_safe(value: Any) -> Any:
    """``value``, with a leading ``'`` when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def csv_text(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> str:
    """The same CSV as one string (small tables, tests)."""
    buffer = io.StringIO()
    write_csv(buffer, columns, rows)
    return buffer.getvalue()
