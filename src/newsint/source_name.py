"""A file's path as the text newsint shows and stores (``Document.source``), and back: used by
the readers, the store and ``newsint failed --retry``.

A file name on Linux is bytes, not text: it may hold bytes that are not UTF-8 (a name written
under a Latin-1 or cp1251 locale, a name copied off an old disk, or a hostile one such as a raw
0x9B, the one-byte CSI). Python represents each such byte by a lone surrogate (``\\udc9b``,
PEP 383), which no UTF-8 output can hold: the JSON of ``newsint analyze``, an output file, the
SQLite and PostgreSQL text columns all refused it with a UnicodeEncodeError.

So a path becomes text once, where a reader takes it in: the name as written, with each byte
that is not UTF-8 shown as ``\\xNN`` (``report\\x9b.txt``), and, so that the text maps back to
exactly one name, a backslash the name itself holds before an ``x`` written ``\\x5c``
(``a\\xb.txt`` is ``a\\x5cxb.txt``). Every other name, valid UTF-8, is its text unchanged. The
text is what every output, error line and store column holds; ``source_path`` gives back the
bytes to open the file again (``newsint failed --retry``). One text column, no raw-bytes
column beside it: the mapping is exact both ways, and existing stores need no migration.
"""

from __future__ import annotations

import os
import re

# Surrogates that stand for no byte (only U+DC80-U+DCFF do, PEP 383): no OS name holds them, but a
# caller's text might, and they must not make source_name fail.
_NOT_A_BYTE = re.compile("[\ud800-\udc7f\udd00-\udfff]")
# The escapes source_name writes: a byte that is not UTF-8 (0x80-0xFF), or a name's own "\" (0x5c).
_ESCAPE = re.compile(rb"\\x([0-9a-f]{2})")


def source_name(path: str | os.PathLike[str]) -> str:
    """The text of ``path`` (see the module notes): valid Unicode, reversible by ``source_path``."""
    raw = os.fsencode(_NOT_A_BYTE.sub("\ufffd", os.fspath(path)))
    # The name's own "\x" first, so that after decoding every "\xNN" in the text is an escape.
    return raw.replace(b"\\x", b"\\x5cx").decode("utf-8", "backslashreplace")


def source_path(name: str) -> str:
    """The path whose ``source_name`` is ``name``, as Python's ``str`` for the OS (surrogates for
    the bytes that are not UTF-8), ready for ``open`` or ``Path``."""
    raw = _ESCAPE.sub(lambda match: bytes([int(match[1], 16)]), name.encode("utf-8"))
    return os.fsdecode(raw)
