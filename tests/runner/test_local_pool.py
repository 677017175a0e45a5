"""--workers N on analyze and ingest: the pipeline in real worker processes (a spawn pool), the
outcomes in input order and identical to one process's, a bad document failing alone, the store
written by the parent alone and ending the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from runner_inputs import BAD_RECORD, guardian_records, write_shards

from newsint.ingest import ingest
from newsint.pipeline import analyze_paths
from newsint.readers import expand
from newsint.runner import local_pool
from newsint.runner.local_pool import TASK_DOCUMENTS, analyze_paths_parallel
from newsint.runner.records import outcome_to_dict
from newsint.settings import Settings
from newsint.store import open_store

# More documents than one batch: the pool starts (one batch or less is analysed in-process).
DOCUMENTS = TASK_DOCUMENTS + 3


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """Two JSON Lines files (a bad record in the first), a missing file between them."""
    records = guardian_records(DOCUMENTS)
    records.insert(5, BAD_RECORD)
    folder = tmp_path_factory.mktemp("many")
    first, second = write_shards(folder, records, 7)
    return [str(first), str(folder / "missing.jsonl"), str(second)]


def _outcomes(outcomes) -> list[dict]:
    return [outcome_to_dict(o) for o in outcomes]


def test_parallel_outcomes_are_one_process_outcomes_in_input_order(inputs, monkeypatch):
    started = []
    real_pool = local_pool.worker_pool
    monkeypatch.setattr(local_pool, "worker_pool", lambda n: started.append(n) or real_pool(n))
    settings = Settings()
    alone = _outcomes(analyze_paths(expand(inputs), settings))
    parallel = _outcomes(analyze_paths_parallel(expand(inputs), settings, workers=2))
    assert started == [2]  # the worker processes did the work
    assert parallel == alone
    failures = [o["failure"] for o in parallel if "failure" in o]
    assert [(f["code"], Path(f["source"]).name) for f in failures] == [
        ("N002", "shard-00.jsonl:6"),
        ("N001", "missing.jsonl"),
    ]
    assert sum("analysis" in o for o in parallel) == DOCUMENTS


def test_fail_fast_stops_at_the_first_failure_in_input_order(inputs):
    settings = Settings(fail_fast=True)
    alone = _outcomes(analyze_paths(expand(inputs), settings))
    parallel = _outcomes(analyze_paths_parallel(expand(inputs), settings, workers=2))
    assert parallel == alone and "failure" in parallel[-1] and len(parallel) == 6


def _content(db: Path):
    with open_store(str(db)) as store:
        articles = [(a.article_id, a.duplicate_of, a.analysis.to_json()) for a in store.articles()]
        failures = sorted((f.source, f.code, f.reason) for f in store.failures())
        counts = store.stats().to_dict()
        del counts["location"]  # the file's name: the one thing that must differ
        return articles, failures, counts


def test_ingest_with_two_workers_gives_the_store_one_process_gives(inputs, tmp_path):
    reports = {}
    for workers in (1, 2):
        with open_store(str(tmp_path / f"w{workers}.db"), create=True) as store:
            reports[workers] = ingest(inputs, store, settings=Settings(), workers=workers)
    assert (reports[2].stored, reports[2].failed) == (reports[1].stored, reports[1].failed) == (DOCUMENTS, 2)
    # Same articles (content hashes) in the same order, same failures, same counts of everything.
    assert _content(tmp_path / "w2.db") == _content(tmp_path / "w1.db")


def test_analyze_cli_with_two_workers_prints_what_one_worker_prints(cli, inputs):
    one = cli("analyze", *inputs, "--format", "jsonl", "--workers", "1")
    two = cli("analyze", *inputs, "--format", "jsonl", "--workers", "2")
    assert one.exit_code == two.exit_code == 1  # two inputs failed, the rest analysed
    assert two.stdout == one.stdout and len(two.jsonl()) == DOCUMENTS
    assert two.error_lines == one.error_lines and len(two.error_lines) == 2
