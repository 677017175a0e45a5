"""Throughput and memory of the pipeline in worker processes: ``newsint ingest --workers N`` and
``newsint run --workers N`` (Dask LocalCluster) on the Guardian corpus, 1 worker against 2.

    python benchmarks/runner.py [DATA_FILE] [--workers 1 2] [--shards 8] [--skip-ingest] [--skip-run]

Each command runs as a fresh subprocess, as a user runs it: the wall time includes starting the
worker processes and loading the model in each (a few seconds; a fixed cost a longer corpus
amortises), and the throughput is articles per second of wall time. The process tree's resident
memory is sampled every SAMPLE_S seconds (psutil), and the peak of each process reported:
the parent and each worker (the processes started by multiprocessing's spawn, under either engine).

The load average is printed before and after: other work on the machine takes cores from the
workers, and a ratio measured under load says little about an idle machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / ".." / "shared" / "data" / "news" / "guardian-syria.jsonl"
SAMPLE_S = 0.1
NEWSINT = Path(sys.executable).with_name("newsint")


@dataclass(slots=True)
class Measured:
    label: str
    workers: int
    articles: int
    wall_s: float
    exit_code: int
    parent_peak_mib: float
    worker_peaks_mib: list[float] = field(default_factory=list)

    @property
    def per_second(self) -> float:
        return self.articles / self.wall_s if self.wall_s else 0.0


def timed(label: str, workers: int, articles: int, command: list[str]) -> Measured:
    """Run ``command``, sampling the RSS of it and its descendants until it exits."""
    env = {**os.environ, "NEWSINT_WORKERS": str(workers)}
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    root = psutil.Process(process.pid)
    peaks: dict[int, float] = {}
    roles: dict[int, str] = {}
    while process.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for proc in tree:
            try:
                rss = proc.memory_info().rss / 2**20
                if proc.pid not in roles:
                    cmdline = " ".join(proc.cmdline())
                    roles[proc.pid] = "worker" if "spawn_main" in cmdline else "other"
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            peaks[proc.pid] = max(peaks.get(proc.pid, 0.0), rss)
        time.sleep(SAMPLE_S)
    wall = time.perf_counter() - start
    stderr = process.stderr.read() if process.stderr else ""
    if process.returncode not in (0, 1):
        print(stderr, file=sys.stderr)
    workers_peaks = sorted((peaks[p] for p in peaks if roles.get(p) == "worker"), reverse=True)
    return Measured(label, workers, articles, wall, process.returncode, peaks.get(process.pid, 0.0), workers_peaks)


def split(data: Path, shards: int, folder: Path) -> list[Path]:
    lines = [line for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    paths = []
    for n in range(shards):
        path = folder / f"guardian-{n:02d}.jsonl"
        path.write_text("".join(line + "\n" for line in lines[n::shards]), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--shards", type=int, default=8, help="shards for newsint run (default 8)")
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--skip-run", action="store_true")
    args = parser.parse_args()
    articles = sum(1 for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip())
    print(f"load average before: {os.getloadavg()}; usable cores: {len(os.sched_getaffinity(0))}", flush=True)
    results: list[Measured] = []
    work = Path(tempfile.mkdtemp(prefix="newsint-runner-bench-"))
    try:
        if not args.skip_ingest:
            for workers in args.workers:
                db = work / f"ingest-{workers}.db"
                command = [str(NEWSINT), "ingest", str(args.data), "--db", str(db), "--workers", str(workers)]
                results.append(timed("ingest", workers, articles, command))
                print(json.dumps(_row(results[-1])), flush=True)
        if not args.skip_run:
            shards = split(args.data, args.shards, work)
            for workers in args.workers:
                out = work / f"run-{workers}"
                command = [str(NEWSINT), "run", *map(str, shards), "--out", str(out), "--workers", str(workers)]
                results.append(timed(f"run ({args.shards} shards, dask)", workers, articles, command))
                print(json.dumps(_row(results[-1])), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"load average after: {os.getloadavg()}")
    print()
    print("| command | workers | articles | wall s | articles/s | × 1 worker | parent peak MiB | worker peaks MiB |")
    print("|---|---|---|---|---|---|---|---|")
    for m in results:
        base = next((b for b in results if b.label == m.label and b.workers == 1), None)
        speedup = f"{m.per_second / base.per_second:.2f}" if base and base.per_second else "–"
        peaks = ", ".join(f"{p:.0f}" for p in m.worker_peaks_mib) or "–"
        print(
            f"| {m.label} | {m.workers} | {m.articles} | {m.wall_s:.1f} | {m.per_second:.2f} | {speedup} "
            f"| {m.parent_peak_mib:.0f} | {peaks} |"
        )
    return 0


def _row(m: Measured) -> dict:
    return {
        "label": m.label,
        "workers": m.workers,
        "wall_s": round(m.wall_s, 1),
        "exit_code": m.exit_code,
        "parent_peak_mib": round(m.parent_peak_mib),
        "worker_peaks_mib": [round(p) for p in m.worker_peaks_mib],
        "load": os.getloadavg(),
    }


if __name__ == "__main__":
    sys.exit(main())
