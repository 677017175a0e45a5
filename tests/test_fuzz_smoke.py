"""A short run of every fuzz harness (fuzz/) under atheris: its seed corpus, then a few hundred
mutated inputs, with a fixed seed. A harness that no longer runs, or an input that now escapes
as anything but a coded NewsintError (libFuzzer then exits non-zero and prints the traceback),
fails here. The long runs are by hand: fuzz/README.md.

atheris ships wheels for Linux x86-64 only (3.0.0 for Python 3.11 and 3.12); where it cannot be
imported these tests skip and say so.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("atheris", reason="atheris (a dev dependency with Linux wheels only) is not installed")

FUZZ = Path(__file__).resolve().parents[1] / "fuzz"
# Executions per harness, the seed corpus included: a few seconds each on a quiet machine. The
# HTML, JSON Lines and PDF harnesses run trafilatura or pypdf on every input (~30-50 a second).
# The PDF article harness picks a language's stop words among 100 lists on every input (~40 a second).
RUNS = {
    "text": 300,
    "clean": 300,
    "gzip": 300,
    "pdf": 60,
    "pdf_article": 80,
    "html": 50,
    "jsonl": 50,
    "warc": 50,
    "feed": 100,
}


def test_every_harness_has_a_smoke_run_and_a_seed_corpus():
    harnesses = {path.stem.removeprefix("fuzz_") for path in FUZZ.glob("fuzz_*.py")}
    assert harnesses == set(RUNS)
    for name in harnesses:
        assert any((FUZZ / "corpus" / name).iterdir()), name


@pytest.mark.parametrize("name", RUNS)
def test_harness_runs_its_corpus_and_mutations_without_a_finding(name, tmp_path):
    (tmp_path / "new").mkdir()
    done = subprocess.run(
        [
            sys.executable,
            str(FUZZ / f"fuzz_{name}.py"),
            str(tmp_path / "new"),  # libFuzzer writes new inputs to the first folder: not the repo's
            str(FUZZ / "corpus" / name),
            f"-runs={RUNS[name]}",
            "-seed=13",
            "-timeout=120",
            "-rss_limit_mb=2048",
            f"-artifact_prefix={tmp_path}/",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    tail = done.stderr[-3000:]
    assert done.returncode == 0, tail
    assert f"Done {RUNS[name]} runs" in done.stderr, tail
    assert not list(tmp_path.glob("crash-*")) and not list(tmp_path.glob("timeout-*")), tail
