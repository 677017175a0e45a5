"""Inputs for the runner's tests and what they should give: JSON Lines shards cut from the shared
Guardian corpus (the shortest articles, so that real worker processes finish quickly), and the
in-process analysis to compare with. (A module of its own: ``import conftest`` is ambiguous.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
GUARDIAN = HERE.parents[1] / ".." / "shared" / "data" / "news" / "guardian-syria.jsonl"
# A record the reader takes and the cleaner refuses (no text): it must fail alone.
BAD_RECORD = {"id": "empty-one", "title": "Nothing here", "date": "2019-04-10", "text": "   "}


def guardian_records(count: int) -> list[dict]:
    """The ``count`` shortest Guardian articles, in the corpus's order."""
    if not GUARDIAN.is_file():
        pytest.skip(f"shared Guardian corpus not found at {GUARDIAN}")
    records = [json.loads(line) for line in GUARDIAN.read_text(encoding="utf-8").splitlines() if line.strip()]
    shortest = sorted(range(len(records)), key=lambda i: len(records[i]["text"]))[:count]
    return [records[i] for i in sorted(shortest)]


def write_shards(folder: Path, records: list[dict], per_shard: int) -> list[Path]:
    """``records`` as JSON Lines shards of ``per_shard`` records each, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    shards = []
    for n, start in enumerate(range(0, len(records), per_shard)):
        shard = folder / f"shard-{n:02d}.jsonl"
        shard.write_text("".join(json.dumps(r) + "\n" for r in records[start : start + per_shard]), encoding="utf-8")
        shards.append(shard)
    return shards


_expected: dict[Path, list[dict]] = {}


def expected_outcomes(shard: Path) -> list[dict]:
    """What ``newsint analyze`` gives for this shard, in this process (``pipeline.analyze_paths``,
    its door), as the runner's plain outcome dicts: ``{"analysis": ...}`` or ``{"failure": ...}``."""
    if shard not in _expected:
        from newsint.pipeline import analyze_paths
        from newsint.readers import expand
        from newsint.runner.records import outcome_to_dict
        from newsint.settings import Settings

        _expected[shard] = [outcome_to_dict(o) for o in analyze_paths(expand([str(shard)]), Settings())]
    return _expected[shard]


def shard_outcomes(output: Path) -> list[dict]:
    """A shard output read back: its analyses then its failure records, as outcome dicts."""
    import gzip

    from newsint.runner.shard import failures_path

    with gzip.open(output, "rt", encoding="utf-8") as lines:
        analyses = [{"analysis": json.loads(line)} for line in lines]
    failures = [{"failure": json.loads(line)} for line in failures_path(output).read_text().splitlines()]
    return analyses + failures


def in_shard_order(outcomes: list[dict]) -> list[dict]:
    """Analyses first, then failures (how a shard output keeps them), each in input order."""
    return [o for o in outcomes if "analysis" in o] + [o for o in outcomes if "failure" in o]
