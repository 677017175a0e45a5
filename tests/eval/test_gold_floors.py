"""The gold-file gate: each section of `newsint eval` stays at or above its pinned recall floor
(benchmarks/gold_floors.json), so a change that loses a gold item fails the suite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
FLOORS = json.loads((ROOT / "benchmarks" / "gold_floors.json").read_text(encoding="utf-8"))
GOLD_FILES = [name for name in FLOORS if name.endswith(".yaml")]


@pytest.mark.parametrize("name", GOLD_FILES)
def test_gold_sections_at_or_above_their_floors(cli, name: str) -> None:
    gold = SHARED / name
    if not gold.exists():
        pytest.skip(f"gold file not found at {gold}")
    result = cli("eval", str(gold), "--format", "json")
    assert result.exit_code == 0, result.stderr
    (report,) = result.json()["files"]
    below = {
        section: (report["sections"][section]["recall"], floor)
        for section, floor in FLOORS[name].items()
        if report["sections"][section]["recall"] < floor
    }
    assert not below, f"sections below their floors (recall, floor): {below}"
