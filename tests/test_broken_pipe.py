"""A reader that stops early (`newsint search -f json | head -1`) ends a streaming command quietly:
exit status 0 and nothing on stderr, checked through a real OS pipe whose read end is closed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TEXT = EXAMPLES / "borderland-monitor-belarus-buildup.txt"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("store") / "pipe.db")
    done = _newsint("ingest", TEXT, "--db", path)
    assert done.returncode == 0, done.stderr
    return path


def _newsint(*args: object, **options) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsint", *map(str, args)], capture_output=True, text=True, check=False, **options
    )


def _into_closed_pipe(*args: object) -> tuple[int, str]:
    """Run newsint with stdout a pipe whose read end is already closed: its first write meets EPIPE,
    as the writes after `head -1` has read its line do (deterministic: no race on buffer sizes)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        process = subprocess.run(
            [sys.executable, "-m", "newsint", *map(str, args)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write_end)
    return process.returncode, process.stderr


@pytest.mark.parametrize(
    "command",
    [
        ("search", "troops", "--format", "json"),
        ("search", "troops"),
        ("export", "--format", "jsonl"),
        ("export", "--format", "csv", "--table", "claims"),
        ("claims", "--format", "json"),
        ("brief",),
        ("stats", "--format", "json"),
    ],
)
def test_a_closed_pipe_ends_a_store_command_quietly(db, command) -> None:
    status, stderr = _into_closed_pipe(*command, "--db", db)
    assert (status, stderr) == (0, "")


def test_a_closed_pipe_ends_analyze_quietly() -> None:
    status, stderr = _into_closed_pipe("analyze", TEXT, "--format", "jsonl")
    assert (status, stderr) == (0, "")


def test_head_reads_the_first_bytes_and_newsint_exits_quietly(db) -> None:
    # The pipeline as a user types it, `set -o pipefail` on: head stops after 10 bytes.
    command = f"{sys.executable} -m newsint export --format jsonl --db {db} | head -c 10"
    done = subprocess.run(["/bin/bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, '{"schema":', "")
