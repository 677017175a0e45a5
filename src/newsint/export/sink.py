"""Where `newsint analyze` writes: stdout, or a file written whole or not at all.

Analyses are rendered and written one by one as they are produced, so memory stays flat however
many articles a run reads. A file is written to a temporary sibling and renamed into place only
when the run succeeds with at least one article: a crash, a --fail-fast stop or a run where every
input failed leaves an existing file untouched and no half-written one.

Text from the articles is escaped for each format (export/safe_text.py): JSON with its C1 and
bidi controls as ``\\u`` escapes, the brief as rich text, never markup.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import IO

from rich.console import Console

from newsint.export.safe_text import json_safe
from newsint.extract.events.confidence import DEFAULT_MIN_CONFIDENCE
from newsint.model import Analysis

BRIEF_WIDTH = 110


class OutputFormat(StrEnum):
    brief = "brief"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    geojson = "geojson"  # the places of all analysed articles, one FeatureCollection
    acled = "acled"  # events of all analysed articles, one ACLED-shaped CSV with one header


class OutputSink:
    def __init__(self, output_format: OutputFormat, out: Path | None, *,
                 min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> None:  # fmt: skip
        """``min_confidence``: the brief's events and the ACLED rows show only events at or above
        it; JSON, JSON Lines and Markdown keep every event with its score."""
        self.format = output_format
        self.out = out
        self.min_confidence = min_confidence
        self.count = 0
        self._first_json: str | None = None  # json: one object alone, an array for several
        self._features: list[dict] = []  # geojson: features only (small), not whole analyses
        self._temp: Path | None = None
        self._stream: IO[str]
        if out is None:
            self._stream = sys.stdout
            self._color = sys.stdout.isatty()
        else:
            # Opened before any work, so an unwritable destination fails at once.
            if out.is_dir():
                raise IsADirectoryError(21, "is a folder", str(out))
            handle, temp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
            self._temp = Path(temp)
            self._stream = os.fdopen(handle, "w", encoding="utf-8")
            self._color = False

    def add(self, analysis: Analysis) -> None:
        self.count += 1
        if self.format is OutputFormat.json:
            rendered = json_safe(analysis.to_json(indent=2))
            if self.count == 1:
                self._first_json = rendered
                return
            if self.count == 2:
                self._stream.write("[\n" + self._first_json + ",\n")  # type: ignore[operator]
            else:
                self._stream.write(",\n")
            self._stream.write(rendered)
        elif self.format is OutputFormat.geojson:
            from newsint.export.geojson import places_geojson

            self._features.extend(places_geojson([analysis])["features"])
            return
        elif self.format is OutputFormat.acled:
            from newsint.export.acled_events import acled_csv, acled_header

            if self.count == 1:
                self._stream.write(acled_header())
            self._stream.write(acled_csv(analysis, min_confidence=self.min_confidence))
        elif self.format is OutputFormat.jsonl:
            self._stream.write(json_safe(analysis.to_json()) + "\n")
        elif self.format is OutputFormat.markdown:
            from newsint.export.markdown import render_markdown

            self._stream.write(("\n---\n\n" if self.count > 1 else "") + render_markdown(analysis))
        else:
            self._stream.write(render_brief_text(analysis, color=self._color, min_confidence=self.min_confidence))
        self._stream.flush()

    def close(self, *, success: bool) -> None:
        if self.format is OutputFormat.geojson and self.count:
            collection = {"type": "FeatureCollection", "features": self._features}
            self._stream.write(json_safe(json.dumps(collection, ensure_ascii=False, indent=2)) + "\n")
        if self.format is OutputFormat.json and self.count:
            self._stream.write(self._first_json + "\n" if self.count == 1 else "\n]\n")  # type: ignore[operator]
        self._stream.flush()
        if self._temp is None:
            return
        if success and self.count:
            from newsint.export.corpus_export import new_file_mode

            # As write_export: the mode of a new file (mkstemp made it 0600), on disk before the rename.
            os.fchmod(self._stream.fileno(), new_file_mode())
            os.fsync(self._stream.fileno())
            self._stream.close()
            os.replace(self._temp, self.out)  # type: ignore[arg-type]
            return
        self._stream.close()
        self._temp.unlink(missing_ok=True)


def render_brief_text(analysis: Analysis, *, color: bool, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> str:
    from newsint.export.brief import render_brief

    buffer = io.StringIO()
    console = Console(file=buffer, width=BRIEF_WIDTH, force_terminal=color, color_system="auto" if color else None)
    console.print(render_brief(analysis, min_confidence=min_confidence))
    return buffer.getvalue()
