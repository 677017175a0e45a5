"""The floor gate: benchmark figures may not drop below benchmarks/floors.json, datasets may not
change under it.

Default suite: each dataset's sha256, and each benchmark on its small sample (its first
``SAMPLE_LIMIT`` items, third-party baselines off) against the sample floors. ``-m slow``: each
benchmark on its whole dataset against the full floors. Raise floors with
``python benchmarks/update_floors.py``; it refuses to lower one without ``--allow-lower --reason``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from newsint.eval.bench import BENCHMARKS, load
from newsint.eval.bench import floors as gate
from newsint.eval.bench.common import Report

ROOT = Path(__file__).resolve().parents[2]
FLOORS = gate.load_floors(gate.floors_path(ROOT))
HOW_TO_UPDATE = "python benchmarks/update_floors.py NAME (refuses to lower without --allow-lower --reason)"


def _entry(name: str) -> dict:
    entry = FLOORS.get("benchmarks", {}).get(name)
    if entry is None:
        pytest.fail(f"no floors pinned for {name}; run: {HOW_TO_UPDATE}")
    return entry


def _data_dir(name: str) -> Path:
    data_dir = gate.data_dir_for(load(name), ROOT)
    if not data_dir.is_dir():
        pytest.skip(f"evaluation data not available at {data_dir}")
    return data_dir


@cache
def _report(name: str, kind: str) -> Report:
    return gate.run_kind(load(name), _data_dir(name), kind)


def test_every_benchmark_has_floors() -> None:
    assert set(FLOORS.get("benchmarks", {})) == set(BENCHMARKS), HOW_TO_UPDATE


@pytest.mark.parametrize("name", BENCHMARKS)
def test_dataset_unchanged(name: str) -> None:
    entry = _entry(name)
    digest = gate.dataset_hash(load(name), _data_dir(name))
    assert digest == entry["dataset_sha256"], (
        f"the {name} dataset changed (sha256 {digest[:12]}…, pinned {entry['dataset_sha256'][:12]}…): "
        f"scores are not comparable; re-pin with --allow-lower --reason if this is intended"
    )


@pytest.mark.parametrize("name", BENCHMARKS)
def test_sample_at_or_above_floors(name: str) -> None:
    entry = _entry(name)
    module = load(name)
    assert entry.get("sample_limit") == module.SAMPLE_LIMIT, f"{name}: sample size changed; {HOW_TO_UPDATE}"
    report = _report(name, "sample")
    problems = gate.check(gate.gated(module, report, "sample"), entry.get("sample", {}))
    assert not problems, f"{name} sample below its floors:\n  " + "\n  ".join(problems)


@pytest.mark.slow
@pytest.mark.parametrize("name", BENCHMARKS)
def test_full_at_or_above_floors(name: str) -> None:
    entry = _entry(name)
    module = load(name)
    report = _report(name, "full")
    problems = gate.check(gate.gated(module, report, "full"), entry.get("full", {}))
    assert not problems, f"{name} below its floors:\n  " + "\n  ".join(problems) + f"\n{report.headline}"
