"""CSV writing shared by the corpus exports: rows go to a text stream as they come.

Streaming, not one string: an export of a large corpus is written row by row into its file (or
into its zip member) instead of being held whole in memory first.

Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with ``=``,
``+``, ``-`` or ``@`` (tab and carriage return too) as a formula, and the cells here hold text
taken from articles anyone can write. Such a text cell gets a leading single quote, which
spreadsheets show as text. Numbers (-3, -12.5, whether int, float or a numeric string) and
dates are left alone: they cannot carry a formula and must stay numbers.

Control characters: CSV has no escape for them, and a CSV is read in a terminal (``export -f csv
--table NAME`` writes to stdout) as often as in a spreadsheet, so a text cell gets the terminal's
treatment (export/safe_text.py): ESC, C1 and bidi controls become U+FFFD; newlines and tabs stay.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from newsint.export.safe_text import terminal_text


def write_csv(stream: TextIO, columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> None:
    """A header (written even when there are no rows), then one line per row."""
    writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    write_rows(stream, columns, rows)


def write_rows(stream: TextIO, columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> None:
    """The rows alone, no header (a file written in parts: ``newsint analyze -f acled``)."""
    writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
    for row in rows:
        writer.writerow({column: csv_cell(value) for column, value in row.items()})


def csv_cell(value: Any) -> Any:
    """``value`` as a cell: text with terminal controls replaced, then made spreadsheet-safe."""
    return spreadsheet_safe(terminal_text(value) if isinstance(value, str) else value)


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
