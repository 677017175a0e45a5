"""The corpus views give the same answers after the move to database-side queries (issue #18).

Every corpus view and export of the examples corpus was recorded in ``golden_examples/`` by the
in-memory implementation, before the views were rewritten, and read through by hand (the
contradiction and corroborated figures of examples/README.md, the entities, the dated events).
Each backend must keep giving exactly those bytes: a rewrite that changes one answer fails here.

Timeline and exports are asked with ``--min-confidence 0``: the recordings predate the
confidence filter, which by default now leaves out low-confidence events (tested on its own).

Search is recorded per backend (it ranks by each database's own relevance measure).

Re-record (only when an answer is meant to change, and read the diff):
    NEWSINT_RECORD_GOLDEN=1 .venv/bin/python -m pytest tests/corpus/test_corpus_views_unchanged.py -k sqlite
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden_examples"
RECORD = os.environ.get("NEWSINT_RECORD_GOLDEN") == "1"
ALL_EVENTS = ("--min-confidence", "0")

# name -> (arguments, whether the filter option applies). One view (or export) per entry.
VIEWS: dict[str, tuple[tuple[str, ...], bool]] = {
    "brief.txt": (("brief",), False),
    "claims.txt": (("claims",), False),
    "claims.json": (("claims", "--format", "json"), False),
    "claims-about-stoltenberg.json": (("claims", "--about", "Jens Stoltenberg", "--format", "json"), False),
    "claims-contradictions.json": (("claims", "--contradictions", "--format", "json"), False),
    "claims-contradictions.txt": (("claims", "--contradictions"), False),
    "claims-contradictions-about-reznikov.json": (
        ("claims", "--contradictions", "--about", "Oleksii Reznikov", "--format", "json"),
        False,
    ),
    "timeline.txt": (("timeline",), True),
    "timeline-rus.txt": (("timeline", "--actor", "RUS"), True),
    "timeline-2021.txt": (("timeline", "--from", "2021-09-01", "--to", "2021-12-31"), True),
    "entity-stoltenberg.txt": (("entity", "Jens Stoltenberg"), False),
    "entity-nato.txt": (("entity", "NATO"), False),
    "entity-belarus.txt": (("entity", "Belarus"), False),
    "search-troops.json": (("search", "troops", "--format", "json", "--limit", "100"), False),
    "search-troops-claims.json": (("search", "troops", "--type", "claim", "--format", "json"), False),
    "export.jsonl": (("export", "--format", "jsonl"), True),
    "export.geojson": (("export", "--format", "geojson"), True),
    "export.gexf": (("export", "--format", "gexf"), True),
    "export-acled.csv": (("export", "--format", "acled"), True),
    "export-ftm.jsonl": (("export", "--format", "ftm"), True),
    "export-ftm-statements.csv": (("export", "--format", "ftm", "--table", "statements"), True),
    "export-csv.zip": (("export", "--format", "csv"), True),
}
# The GEXF writer stamps today's date; the rest of the file is the answer.
_GEXF_DATE = re.compile(rb'lastmodifieddate="[0-9-]+"')


# Stored sources are absolute paths: the checkout's own folder is written as <repo>, so the
# recordings hold in any clone.
_REPO = str(Path(__file__).resolve().parents[2]).encode()


def _normalised(name: str, output: bytes) -> bytes:
    if name.endswith(".gexf"):
        output = _GEXF_DATE.sub(b'lastmodifieddate=""', output)
    elif name.endswith(".zip"):
        # Zip members carry their write time: compare the tables' contents, in member order.
        with zipfile.ZipFile(io.BytesIO(output)) as archive:
            output = b"".join(b"== " + n.encode() + b"\n" + archive.read(n) for n in archive.namelist())
    return output.replace(_REPO, b"<repo>")


def _golden_name(db: str, name: str) -> str:
    # Search ranks by each database's own relevance (FTS5's bm25, PostgreSQL's ts_rank): equal
    # answers are per backend there, and the same everywhere else.
    if name.startswith("search-"):
        return ("postgresql-" if db.startswith("postgresql://") else "sqlite-") + name
    return name


def _run(db: str, args: tuple[str, ...], out: Path) -> bytes:
    from typer.testing import CliRunner

    from newsint.cli import app

    exporting = args[0] == "export"
    full = [*args, "--db", db] + (["--out", str(out)] if exporting else [])
    result = CliRunner().invoke(app, full, env={"NEWSINT_MAX_INPUT_BYTES": None})
    assert result.exit_code == 0, (args, result.output)
    return out.read_bytes() if exporting else result.stdout_bytes


def _filtered(args: tuple[str, ...], takes_filter: bool) -> tuple[str, ...]:
    # Every event, whatever its confidence: the filter is tested on its own, and a recording made
    # with the default threshold would pin the confidence model rather than the view.
    return (*args, *ALL_EVENTS) if takes_filter else args


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_view_gives_the_recorded_answer(examples_store, tmp_path, name) -> None:
    args, takes_filter = VIEWS[name]
    output = _normalised(name, _run(examples_store, _filtered(args, takes_filter), tmp_path / name))
    golden = GOLDEN / _golden_name(examples_store, name)
    if RECORD:
        golden.write_bytes(output)
    assert output == golden.read_bytes(), f"{name} differs from the recorded answer"
