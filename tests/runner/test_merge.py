"""newsint merge: shard outputs into the store without analysing again; twice adds nothing; a
corrupt or truncated shard is one coded error line and adds nothing of itself."""

from __future__ import annotations

import gzip
import shutil

import pytest
from runner_inputs import expected_outcomes

from newsint.model import Analysis
from newsint.runner.shard import failures_path, process_shard, shard_output
from newsint.store import open_store


@pytest.fixture(scope="module")
def run_folder(small_shards, tmp_path_factory):
    """The three small shards processed (in this process) into one run folder."""
    folder = tmp_path_factory.mktemp("run")
    for shard in small_shards:
        process_shard(shard, shard_output(shard, folder))
    return folder


def _store_content(db):
    with open_store(str(db)) as store:
        ids = sorted(article.article_id for article in store.articles())
        analyses = sorted(article.analysis.to_json() for article in store.articles())
        failures = sorted((f.source, f.code, f.attempts) for f in store.failures())
        return ids, analyses, failures


def test_merge_stores_each_analysis_as_analysed_and_records_failures(cli, run_folder, small_shards, tmp_path):
    db = tmp_path / "merged.db"
    result = cli("merge", run_folder, "--db", db)
    assert result.exit_code == 0, result.stderr
    assert "stored 6 new article(s)" in result.stdout and "1 failure(s) recorded" in result.stdout
    _, analyses, failures = _store_content(db)

    expected = [o["analysis"] for shard in small_shards for o in expected_outcomes(shard) if "analysis" in o]
    assert analyses == sorted(Analysis.from_dict(a).to_json() for a in expected)
    assert [(code, attempts) for _, code, attempts in failures] == [("N002", 1)]


def test_a_second_merge_adds_nothing(cli, run_folder, tmp_path):
    db = tmp_path / "twice.db"
    assert cli("merge", run_folder, "--db", db).exit_code == 0
    before = _store_content(db)
    again = cli("merge", run_folder, "--db", db)
    assert again.exit_code == 0
    assert "stored 0 new article(s), 6 already stored, 0 failure(s) recorded" in again.stdout
    assert _store_content(db) == before  # the failure's attempts included


@pytest.mark.parametrize("damage", ["truncated", "not-json", "not-an-analysis"])
def test_a_bad_shard_is_one_coded_line_and_adds_nothing_of_itself(cli, run_folder, tmp_path, damage):
    folder = tmp_path / "run"
    shutil.copytree(run_folder, folder)
    victim = sorted(folder.glob("*.jsonl.gz"))[0]
    data = gzip.decompress(victim.read_bytes())
    if damage == "truncated":  # a copy cut short: the gzip stream ends early
        victim.write_bytes(victim.read_bytes()[: len(victim.read_bytes()) // 2])
    elif damage == "not-json":  # the last line broken
        victim.write_bytes(gzip.compress(data + b'{"schema": "newsint.analysis/1", "docu\n'))
    else:
        victim.write_bytes(gzip.compress(data + b'{"schema": "newsint.analysis/1", "document": 3}\n'))
    good_documents = sum(
        len(gzip.decompress(o.read_bytes()).splitlines()) for o in folder.glob("*.jsonl.gz") if o != victim
    )
    db = tmp_path / "store.db"
    result = cli("merge", folder, "--db", db)
    assert result.exit_code == 1
    [line] = result.error_lines
    assert line.startswith(f"newsint: error: {victim}: not a complete shard output") and line.endswith("[N007]")
    ids, _, failures = _store_content(db)
    assert len(ids) == good_documents  # every other shard merged, nothing of the bad one
    other_failures = sum(
        len(failures_path(o).read_text().splitlines()) for o in folder.glob("*.jsonl.gz") if o != victim
    )
    assert len(failures) == other_failures  # nor the bad shard's failure records


def test_merge_of_a_folder_without_shards_creates_no_store(cli, tmp_path):
    db = tmp_path / "none.db"
    result = cli("merge", tmp_path, "--db", db)
    assert result.exit_code == 1
    assert result.error_lines == [f"newsint: error: {tmp_path}: no shard outputs (*.jsonl.gz) in this folder [N001]"]
    assert not db.exists()
