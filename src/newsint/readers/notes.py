"""A reader's note to the user: what it passed over, counted (WARC records that are no HTML page,
feed items with only a link). One line on stderr, ``newsint: note: SOURCE: message``; not an
error: nothing failed, and the exit status does not change.

The source and the message hold text from the input (a file or feed name, a record's content
type), so every character that could drive a terminal or break the line is shown as U+FFFD.
"""

from __future__ import annotations

import sys


def note(source: str, message: str) -> None:
    line = f"{source}: {message}"
    print("newsint: note: " + "".join(c if c.isprintable() else "\ufffd" for c in line), file=sys.stderr, flush=True)
