"""The floor gate: pinned benchmark figures that may only go up.

``benchmarks/floors.json`` holds, per benchmark, the sha256 of its dataset file set and two
sets of floors: ``full`` (the whole dataset, checked by the slow tests) and ``sample`` (the
first ``SAMPLE_LIMIT`` items, checked by the default test suite). A figure below its floor, or a
dataset whose hash changed, fails ``tests/benchmarks/test_floors.py``.

``benchmarks/update_floors.py`` re-runs benchmarks and raises floors to the new figures; it
refuses to lower a floor, or to accept a changed dataset, unless told ``--allow-lower`` with a
``--reason``, which is kept in the file's history.

Figures are floored (not rounded) to ``DECIMALS`` places when pinned, so a rerun of the same
code always passes; all gated figures are higher-is-better.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from newsint.eval.bench.common import DECIMALS, Report, default_data_dir, git_commit, hash_files, repo_root

FLOORS_FILE = Path("benchmarks") / "floors.json"
# Tolerance for float noise when comparing a figure with its floor.
EPSILON = 1e-9
KINDS = ("full", "sample")


def floors_path(root: Path | None = None) -> Path:
    return (root or repo_root()) / FLOORS_FILE


def load_floors(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {"version": 1, "benchmarks": {}, "history": []}
    return json.loads(path.read_text(encoding="utf-8"))


def save_floors(path: Path, floors: dict[str, Any]) -> None:
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(floors, indent=2, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8")
    tmp.replace(path)


def pin(value: float) -> float:
    """A figure as pinned: floored to DECIMALS places."""
    scale = 10**DECIMALS
    return math.floor(value * scale + 1e-7) / scale


def dataset_hash(module: ModuleType, data_dir: Path) -> str:
    return hash_files(module.dataset_files(data_dir), data_dir)


def data_dir_for(module: ModuleType, root: Path | None = None) -> Path:
    return default_data_dir(module.DATA_FOLDER, root)


def sample_options(module: ModuleType) -> dict[str, Any]:
    """How the sample gate runs a benchmark: small, and without third-party baselines."""
    options = dict(getattr(module, "SAMPLE_OPTIONS", {}))
    if "baselines" in module.run.__code__.co_varnames:
        options.setdefault("baselines", False)
    return options


def run_kind(module: ModuleType, data_dir: Path, kind: str) -> Report:
    if kind == "sample":
        return module.run(data_dir, limit=module.SAMPLE_LIMIT, **sample_options(module))
    return module.run(data_dir)


def gated(module: ModuleType, report: Report, kind: str) -> dict[str, float]:
    names = getattr(module, "SAMPLE_FIGURES", None) if kind == "sample" else None
    return {k: v for k, v in report.figures.items() if names is None or k in names}


def check(figures: dict[str, float], pinned: dict[str, float]) -> list[str]:
    """Messages for each pinned figure that is missing or below its floor."""
    problems = []
    for name, floor in sorted(pinned.items()):
        if name not in figures:
            problems.append(f"{name}: no longer reported (floor {floor})")
        elif not figures[name] >= floor - EPSILON:  # written so that NaN fails too
            problems.append(f"{name}: {figures[name]:.{DECIMALS}f} is below its floor {floor:.{DECIMALS}f}")
    return problems


@dataclass(slots=True)
class Change:
    benchmark: str
    kind: str
    figure: str
    old: float | None
    new: float

    def __str__(self) -> str:
        old = "new" if self.old is None else f"{self.old:.{DECIMALS}f}"
        return f"{self.benchmark} {self.kind} {self.figure}: {old} → {self.new:.{DECIMALS}f}"


@dataclass(slots=True)
class Update:
    raised: list[Change] = field(default_factory=list)
    lowered: list[Change] = field(default_factory=list)
    dataset_changed: list[str] = field(default_factory=list)


def plan(floors: dict[str, Any], name: str, kind: str, figures: dict[str, float], digest: str) -> Update:
    """What pinning ``figures`` would change for one benchmark and kind."""
    update = Update()
    entry = floors.get("benchmarks", {}).get(name, {})
    if entry.get("dataset_sha256") and entry["dataset_sha256"] != digest:
        update.dataset_changed.append(name)
    pinned = entry.get(kind, {})
    for figure, value in sorted(figures.items()):
        new = pin(value)
        old = pinned.get(figure)
        if old is None or new > old:
            update.raised.append(Change(name, kind, figure, old, new))
        elif new < old:
            update.lowered.append(Change(name, kind, figure, old, new))
    for figure in sorted(set(pinned) - set(figures)):
        update.lowered.append(Change(name, kind, figure, pinned[figure], float("nan")))
    return update


def apply(
    floors: dict[str, Any],
    name: str,
    kind: str,
    figures: dict[str, float],
    digest: str,
    *,
    sample_limit: int,
    allow_lower: bool,
) -> None:
    """Pin ``figures``: raise every floor; lower (or drop) one only when ``allow_lower``."""
    entry = floors.setdefault("benchmarks", {}).setdefault(name, {})
    entry["dataset_sha256"] = digest
    entry["sample_limit"] = sample_limit
    pinned = entry.setdefault(kind, {})
    for figure, value in figures.items():
        new = pin(value)
        if figure not in pinned or new > pinned[figure] or allow_lower:
            pinned[figure] = new
    if allow_lower:
        for figure in set(pinned) - set(figures):
            del pinned[figure]
    entry[kind] = dict(sorted(pinned.items()))


def record_history(floors: dict[str, Any], changes: list[str], *, reason: str | None, root: Path | None) -> None:
    if not changes:
        return
    floors.setdefault("history", []).append(
        {
            "date": dt.date.today().isoformat(),
            "commit": git_commit(root),
            "reason": reason or "raised",
            "changes": changes,
        }
    )


@dataclass(slots=True)
class Outcome:
    """What ``update_floors`` did: exit status, floors raised, floors refused (or lowered)."""

    status: int
    raised: list[str] = field(default_factory=list)
    lowered: list[str] = field(default_factory=list)
    written: bool = False


def update_floors(
    modules: Iterable[ModuleType],
    *,
    path: Path,
    root: Path | None = None,
    kinds: Iterable[str] = KINDS,
    allow_lower: bool = False,
    reason: str | None = None,
    dry_run: bool = False,
    log: Callable[[str], None] = lambda line: print(line, file=sys.stderr, flush=True),
) -> Outcome:
    """Run each benchmark (each kind) and raise its floors; refuse to lower without ``allow_lower``.

    Refused means nothing is written at all, so a run that lowers one figure does not half-update
    the file.
    """
    if allow_lower and not (reason and reason.strip()):
        raise ValueError("lowering a floor needs a reason")
    floors = load_floors(path)
    outcome = Outcome(status=0)
    pending = []
    for module in modules:
        data_dir = data_dir_for(module, root)
        if not data_dir.is_dir():
            log(f"{module.NAME}: no dataset at {data_dir}; skipped")
            continue
        digest = dataset_hash(module, data_dir)
        for kind in kinds:
            log(f"running {module.NAME} ({kind})…")
            figures = gated(module, run_kind(module, data_dir, kind), kind)
            planned = plan(floors, module.NAME, kind, figures, digest)
            outcome.raised += [str(c) for c in planned.raised]
            outcome.lowered += [f"{n}: dataset sha256 changed" for n in planned.dataset_changed]
            outcome.lowered += [
                f"{c.benchmark} {c.kind} {c.figure}: no longer reported" if math.isnan(c.new) else str(c)
                for c in planned.lowered
            ]
            pending.append((module, kind, figures, digest))
    outcome.lowered = list(dict.fromkeys(outcome.lowered))
    if outcome.lowered and not allow_lower:
        outcome.status = 1
        return outcome
    if dry_run:
        return outcome
    for module, kind, figures, digest in pending:
        apply(floors, module.NAME, kind, figures, digest, sample_limit=module.SAMPLE_LIMIT, allow_lower=allow_lower)
    record_history(floors, outcome.lowered + outcome.raised, reason=reason if outcome.lowered else None, root=root)
    save_floors(path, floors)
    outcome.written = True
    return outcome
