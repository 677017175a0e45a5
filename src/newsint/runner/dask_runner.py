"""``process_shard`` over Dask distributed: a LocalCluster of worker processes by default, or the
cluster behind any scheduler address.

The model loads once per worker process through a ``WorkerPlugin`` (registered once, its
``setup`` also runs on every worker that joins or is restarted later). Each shard is one task,
submitted with ``retries``: a task that raises is run again; a worker that dies mid-task (killed,
out of memory) has its task rescheduled by the scheduler on another worker, up to Dask's
``distributed.scheduler.allowed-failures``. Nothing is lost either way: a shard's output appears
only when complete (shard.py), so a retried shard starts from nothing.

On a real cluster the shards and the output folder must be at the same paths on every worker
(a shared filesystem), and every worker needs newsint and its model installed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from distributed import WorkerPlugin

from newsint.runner.worker import prepare_worker
from newsint.settings import Settings

# Attempts after a task raises (a full disk that frees up, a shared filesystem that hiccups).
# A worker killed mid-task does not count here: the scheduler reschedules its tasks anyway.
TASK_RETRIES = 2


class ModelPlugin(WorkerPlugin):
    """Loads newsint's model into each worker process as it starts."""

    name = "newsint-model"

    def setup(self, worker) -> None:
        prepare_worker()


def run_shards_dask(
    jobs: list[tuple[Path, Path]],
    settings: Settings,
    *,
    workers: int,
    scheduler: str | None,
    on_done: Callable[[dict[str, Any]], None],
    on_error: Callable[[Path, BaseException], None],
) -> None:
    """``process_shard(shard, output)`` for each job as one Dask task, ``on_done(report)`` as each
    finishes; a task that fails after its retries goes to ``on_error`` and the others go on.
    ``scheduler``: an address (``tcp://host:8786``); None starts a LocalCluster of ``workers``
    single-threaded processes (spaCy's parse holds the GIL: threads would share one core)."""
    from distributed import Client, LocalCluster, as_completed

    from newsint.runner.shard import process_shard

    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,  # nothing listens beyond what the run needs
            silence_logs=logging.ERROR,  # the run's own lines on stderr, not the cluster's chatter
        )
        client = Client(cluster)
    else:
        cluster = None
        client = Client(scheduler)
    try:
        client.register_plugin(ModelPlugin())
        futures = {
            client.submit(
                process_shard,
                str(shard),
                str(output),
                settings,
                key=f"newsint-shard-{output.name}",
                retries=TASK_RETRIES,
                pure=False,
            ): shard
            for shard, output in jobs
        }
        for future in as_completed(futures):
            try:
                on_done(future.result())
            except Exception as error:  # KilledWorker after too many deaths, or the task's own error
                on_error(futures[future], error)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
