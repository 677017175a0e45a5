"""readers/jsonl.py: control characters written as JSON escapes ("\\u001b") are dropped from the text,
title, source and URL as the text reader drops them from a .txt file, and the words around them kept."""

from __future__ import annotations

import json
import re

from newsint.readers import read_bytes
from newsint.settings import Settings

# C0 controls but newline and tab, DEL, ESC's one-character stand-in CSI (U+009B).
DROPPED = re.compile("[\x00-\x08\x0b-\x1f\x7f\x9b]")


def test_json_lines_fields_lose_their_control_characters() -> None:
    hostile = (
        "\x1b]8;;https://evil.example\x1b\\ clickhere \x1b[2J\x1b[H cleared \x9b31m crimson "
        "ring\x07 back\x08 over\r written nul\x00byte"
    )
    record = {
        "text": f"The Ukrainian defence ministry said on 3 March 2022 that Russian forces shelled Kharkiv. {hostile}",
        "title": f"Title {hostile}",
        "source": f"Outlet {hostile}",
        "url": f"https://example.com/1?q={hostile}",
    }
    line = json.dumps(record)  # ASCII: every control is a \u escape, which the file-level repair cannot see
    (raw,) = read_bytes(line.encode("utf-8"), source="feed.jsonl", settings=Settings(), suffix=".jsonl")
    for field in (raw.text, raw.title, raw.site, raw.url):
        assert field is not None and not DROPPED.search(field), repr(field)
        for word in ("clickhere", "cleared", "crimson", "written", "nulbyte"):
            assert word in field, (word, field)
