"""Batch runs: the pipeline in worker processes, on this machine's cores or a Dask cluster.

    records.py     the plain dicts that cross process boundaries (documents in, outcomes out)
    worker.py      what each worker process runs: the model loaded once, ``analyze_records``
    local_pool.py  a process pool without Dask: ``analyze_paths_parallel`` (analyze/ingest
                   --workers N) and ``run_shards_local`` (newsint run --engine local)
    shard.py       ``process_shard(shard, output)``: one input shard to gzip JSON Lines of
                   analyses plus its failure records, idempotent (written whole, then renamed)
    dask_runner.py ``run_shards_dask``: one task per shard on a LocalCluster or any scheduler,
                   the model loaded by a worker plugin, retries on failure
    merge.py       ``merge_shards``: shard outputs into the store, nothing analysed again

One engine or the other, the same worker code runs: ``prepare_worker`` then the pipeline's own
``analyze_stream``, so a document's Analysis is the one ``newsint analyze`` gives.
"""

from __future__ import annotations

from newsint.runner.shard import process_shard

__all__ = ["process_shard"]
