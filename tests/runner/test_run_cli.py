"""newsint run: shards over a real Dask LocalCluster (2 worker processes) or a local process pool;
each document's Analysis is the one ``newsint analyze`` gives; a rerun skips finished shards; a
worker killed mid-run (SIGKILL, a real signal) loses nothing."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from runner_inputs import expected_outcomes, guardian_records, in_shard_order, shard_outcomes, write_shards

from newsint.runner.shard import shard_output

KILL_WAIT_S = 900  # generous: the machine is shared; nothing here measures time


@pytest.mark.parametrize("engine", ["dask", "local"])
def test_run_writes_each_shard_as_analyze_would_and_a_rerun_skips_them(cli, small_shards, tmp_path, engine):
    out = tmp_path / "out"
    result = cli("run", *small_shards, "--out", out, "--workers", 2, "--engine", engine)
    # One document of the three shards fails (the empty record): reported in its shard's failures.
    assert result.exit_code == 1, result.stderr
    assert "3 shard(s) analysed (6 document(s), 1 failed" in result.stdout
    for shard in small_shards:
        assert shard_outcomes(shard_output(shard, out)) == in_shard_order(expected_outcomes(shard))
    stamps = {p: p.stat().st_mtime_ns for p in out.iterdir()}
    again = cli("run", *small_shards, "--out", out, "--workers", 2, "--engine", engine)
    assert "0 shard(s) analysed (0 document(s), 0 failed" in again.stdout and "3 already done" in again.stdout
    assert {p: p.stat().st_mtime_ns for p in out.iterdir()} == stamps


def test_run_reports_a_missing_shard_and_does_the_others(cli, small_shards, tmp_path):
    out = tmp_path / "out"
    done = cli("run", small_shards[2], "--out", out, "--workers", 1, "--engine", "local")
    assert done.exit_code == 0, done.stderr
    result = cli("run", tmp_path / "nope.jsonl", small_shards[2], "--out", out, "--engine", "local")
    assert result.exit_code == 1
    assert result.error_lines == [f"newsint: error: {tmp_path / 'nope.jsonl'}: no such file or folder [N001]"]
    assert "1 already done, 1 not done" in result.stdout


def test_run_refuses_a_scheduler_with_the_local_engine(cli, small_shards, tmp_path):
    result = cli("run", small_shards[0], "--out", tmp_path, "--engine", "local", "--scheduler", "tcp://x:1")
    assert result.exit_code == 2
    assert result.error_lines == ["newsint: error: --scheduler needs --engine dask [N100]"]


@pytest.mark.cluster
def test_a_worker_killed_mid_run_loses_nothing(tmp_path):
    """A LocalCluster of 2 workers; once a worker is writing a shard (its temporary file, named by
    its pid, exists), that worker process is sent SIGKILL. Dask reschedules its task: the run
    ends with every shard complete and each document's Analysis as ``newsint analyze`` gives it."""
    shards = write_shards(tmp_path / "in", guardian_records(16), 4)
    out = tmp_path / "out"
    newsint = Path(sys.executable).with_name("newsint")
    run = subprocess.Popen(
        [str(newsint), "run", *map(str, shards), "--out", str(out), "--workers", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    temp_name = re.compile(r"\..+\.jsonl\.gz\.(\d+)\.tmp")
    deadline = time.monotonic() + KILL_WAIT_S
    victim = None
    while victim is None and run.poll() is None and time.monotonic() < deadline:
        writing = [m for p in (out.iterdir() if out.is_dir() else ()) if (m := temp_name.fullmatch(p.name))]
        victim = int(writing[0][1]) if writing else None
        time.sleep(0.02)
    assert victim is not None, "no worker was seen writing a shard"
    os.kill(victim, signal.SIGKILL)
    stdout, stderr = run.communicate(timeout=KILL_WAIT_S)
    assert run.returncode == 0, stderr
    assert "4 shard(s) analysed (16 document(s), 0 failed" in stdout
    for shard in shards:
        assert shard_outcomes(shard_output(shard, out)) == in_shard_order(expected_outcomes(shard))
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # the killed worker's file cleared
    with pytest.raises(ProcessLookupError):
        os.kill(victim, 0)
