"""Real `newsint ingest` processes on one SQLite file: two at once, and one killed mid-run.

The inputs are Guardian reports on the Syrian war written out as .txt files, one per article.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsint.pipeline import PIPE_BATCH_SIZE

GUARDIAN = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "news" / "guardian-syria.jsonl"
RUN_TIMEOUT_S = 600


def newsint() -> list[str]:
    script = Path(sys.executable).with_name("newsint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "newsint"]


def write_reports(folder: Path, count: int) -> list[Path]:
    if not GUARDIAN.exists():
        pytest.skip(f"shared data not found: {GUARDIAN}")
    folder.mkdir()
    paths = []
    with GUARDIAN.open(encoding="utf-8") as handle:
        for n, line in zip(range(count), handle, strict=False):
            path = folder / f"report-{n:03d}.txt"
            path.write_text(json.loads(line)["text"], encoding="utf-8")
            paths.append(path)
    return paths


def count(db: Path, sql: str) -> int:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as connection:
        return connection.execute(sql).fetchone()[0]


def test_two_ingests_at_once_store_every_article_once(tmp_path):
    reports = write_reports(tmp_path / "in", 8)
    db = tmp_path / "newsint.db"
    command = [*newsint(), "ingest", str(tmp_path / "in"), "--db", str(db)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=RUN_TIMEOUT_S) for run in runs]
    for run, (_, stderr) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, stderr
        assert "Traceback" not in stderr and "locked" not in stderr
    assert count(db, "SELECT COUNT(*) FROM articles") == len(reports)
    assert count(db, "SELECT COUNT(*) FROM sources") == len(reports)
    assert count(db, "SELECT COUNT(*) FROM search_index WHERE kind = 'article'") == len(reports)
    assert count(db, "SELECT MAX(seq) FROM articles") == len(reports)  # no article written twice
    # Between them the two runs stored each article once; the other run found it already there.
    new = sum(int(out.split("stored ")[1].split(" new")[0]) for out, _ in outputs)
    assert new == len(reports)


def test_a_killed_ingest_loses_nothing_and_resume_completes_it(tmp_path):
    # More than one spaCy batch (pipeline.PIPE_BATCH_SIZE): the run is still alive, parsing the
    # second batch, after the first batch's articles are committed.
    reports = write_reports(tmp_path / "in", PIPE_BATCH_SIZE + 4)
    db = tmp_path / "newsint.db"
    command = [*newsint(), "ingest", str(tmp_path / "in"), "--db", str(db)]
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + RUN_TIMEOUT_S
    stored = 0
    while time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.05)
        try:
            stored = count(db, "SELECT COUNT(*) FROM articles")
        except sqlite3.Error:  # the file or its tables are not there yet
            continue
        if stored >= 3:
            break
    assert run.poll() is None, "the run ended before it could be killed; give it more documents"
    os.kill(run.pid, signal.SIGKILL)
    run.wait(timeout=60)
    assert run.returncode == -signal.SIGKILL

    with sqlite3.connect(db, timeout=30) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        kept = connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        # Every committed article is whole: its source, its text in the index.
        assert connection.execute("SELECT COUNT(*) FROM sources").fetchone()[0] == kept
        assert connection.execute("SELECT COUNT(*) FROM search_index WHERE kind = 'article'").fetchone()[0] == kept
        orphans = connection.execute(
            "SELECT COUNT(*) FROM claims WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
        assert orphans == 0
    assert stored <= kept < len(reports)

    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{kept} source(s) skipped" in resumed.stdout
    assert f"stored {len(reports) - kept} new article(s)" in resumed.stdout
    assert count(db, "SELECT COUNT(*) FROM articles") == len(reports)
    assert count(db, "SELECT COUNT(DISTINCT source) FROM articles") == len(reports)
    assert count(db, "SELECT COUNT(*) FROM sources") == len(reports)
