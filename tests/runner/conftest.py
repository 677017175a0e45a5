"""The runner's tests: the ``cluster`` tests (a Dask LocalCluster run with a worker killed
mid-run) take minutes on a loaded 2-core machine and run only when selected, ``-m cluster``
(.ci/run does); ``small_shards`` for the rest (runner_inputs.py says what they hold)."""

from __future__ import annotations

from pathlib import Path

import pytest
from runner_inputs import BAD_RECORD, guardian_records, write_shards

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "cluster" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="a Dask cluster run of minutes; select with -m cluster")
    for item in items:
        if "cluster" in item.keywords and HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def small_shards(tmp_path_factory) -> list[Path]:
    """Three shards: three short articles; BAD_RECORD and an article (a shard named like the
    first, in another folder); two articles."""
    records = guardian_records(6)
    records.insert(3, BAD_RECORD)
    folder = tmp_path_factory.mktemp("shards")
    return [*write_shards(folder, records[:3], 3), *write_shards(folder / "b", records[3:], 2)]
