"""process_shard: one shard to its gzip JSON Lines of analyses and failure records, whole or not
at all, skipped once done; what it writes is what ``newsint analyze`` gives."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from runner_inputs import expected_outcomes, guardian_records, in_shard_order, shard_outcomes, write_shards

from newsint.runner.shard import failures_path, process_shard, remove_leftovers, shard_output

KILL_WAIT_S = 600  # generous: the machine is shared; nothing here measures time


def test_a_shard_gives_what_analyze_gives_and_a_bad_document_fails_alone(small_shards, tmp_path):
    shard = small_shards[1]  # the bad record, then an article
    output = shard_output(shard, tmp_path)
    report = process_shard(shard, output)
    assert (report["documents"], report["failed"], report["skipped"]) == (1, 1, False)
    assert shard_outcomes(output) == in_shard_order(expected_outcomes(shard))
    [failure] = [json.loads(line) for line in failures_path(output).read_text().splitlines()]
    assert failure["code"] == "N002" and failure["source"].endswith("shard-00.jsonl:1")


def test_a_finished_shard_is_skipped_and_left_as_it_is(small_shards, tmp_path):
    shard = small_shards[2]
    output = shard_output(shard, tmp_path)
    process_shard(shard, output)
    before = (output.read_bytes(), output.stat().st_mtime_ns)
    report = process_shard(shard, output)
    assert report["skipped"] and report["documents"] == 0
    assert (output.read_bytes(), output.stat().st_mtime_ns) == before


def test_shards_with_one_name_in_two_folders_get_two_outputs(small_shards, tmp_path):
    first, second = small_shards[0], small_shards[1]
    assert first.name == second.name
    assert shard_output(first, tmp_path) != shard_output(second, tmp_path)
    assert shard_output(first, tmp_path) == shard_output(Path(os.path.relpath(first)), tmp_path)


def test_a_shard_killed_mid_write_leaves_no_output_and_runs_again_whole(tmp_path):
    """A real process killed with SIGKILL while it writes: no output file, only its temporary
    one (named by its pid), which remove_leftovers clears; the next run writes the shard whole."""
    shard = write_shards(tmp_path / "in", guardian_records(40), 40)[0]
    output = shard_output(shard, tmp_path / "out")
    output.parent.mkdir()
    code = f"from newsint.runner.shard import process_shard; process_shard({str(shard)!r}, {str(output)!r})"
    worker = subprocess.Popen([sys.executable, "-c", code])
    temp = output.with_name(f".{output.name}.{worker.pid}.tmp")
    deadline = time.monotonic() + KILL_WAIT_S
    # The first file appears in the output folder: the model is loaded and the shard is under way.
    while not any(output.parent.iterdir()) and worker.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert worker.poll() is None, "the shard finished before it could be killed"
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    assert not output.exists() and not failures_path(output).exists()
    assert temp.exists()
    assert remove_leftovers(output.parent) >= 1 and not temp.exists()
    report = process_shard(shard, output)
    assert report["documents"] + report["failed"] == 40
    with gzip.open(output, "rt", encoding="utf-8") as lines:
        assert sum(1 for _ in lines) == report["documents"]
