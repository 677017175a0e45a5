"""One settings object shared by the CLI and the Python API.

Defaults live here with the reason beside each; the CLI fills the fields its options name, and
``NEWSINT_*`` environment variables override the defaults (for batch runs and tests).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from newsint.errors import UsageError

# Big enough for any article, a long PDF report or a JSONL shard of a few thousand articles;
# small enough that a mistaken `newsint analyze /var/log/huge.bin` fails at once, not after
# minutes of parsing.
DEFAULT_MAX_INPUT_BYTES = 50 * 1024 * 1024
MAX_INPUT_BYTES_ENV = "NEWSINT_MAX_INPUT_BYTES"

# libxml2 refuses documents nested deeper than this unless told otherwise; real pages stay far
# below it (the deepest of the 102 benchmark pages nests 51 levels as the parser builds the tree).
DEFAULT_MAX_HTML_DEPTH = 255

# More files than this and the CLI shows a progress bar (a few files print quickly anyway).
PROGRESS_BAR_MIN_FILES = 4


@dataclass(frozen=True, slots=True)
class Settings:
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES
    max_html_depth: int = DEFAULT_MAX_HTML_DEPTH
    fail_fast: bool = False

    @classmethod
    def from_env(cls) -> Settings:
        """The defaults with the ``NEWSINT_*`` variables applied; a value that is not a size is a
        UsageError naming the variable (set to the empty string, a variable counts as unset)."""
        settings = cls()
        if value := os.environ.get(MAX_INPUT_BYTES_ENV, "").strip():
            try:
                size = int(value)
            except ValueError:
                size = 0
            if size < 1:
                raise UsageError(f"{MAX_INPUT_BYTES_ENV} must be a whole number of bytes, 1 or more, not {value!r}")
            settings = replace(settings, max_input_bytes=size)
        return settings
