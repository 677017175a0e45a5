"""The worker function on this machine's cores, without Dask: a ProcessPoolExecutor whose
initializer loads the model once per process.

``analyze_paths_parallel`` is ``pipeline.analyze_paths`` with the analysis in worker processes
(``newsint analyze``/``ingest --workers N``): this process reads the inputs (``pipeline.read_items``,
so ``keep`` and ``--fail-fast`` work as before), sends them in small batches of plain dicts to the
workers (``worker.analyze_records``) and yields the outcomes in input order, keeping only a few
batches in flight so that memory stays flat however long the input. The caller stays the one
writer of any store. An input of one batch or less is analysed here: starting processes would
cost more than it saves (and a cold ``newsint analyze article.txt`` stays as quick as ever).

``run_shards_local`` runs ``shard.process_shard`` over shards on the same kind of pool
(``newsint run --engine local``).
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from itertools import chain
from pathlib import Path
from typing import Any

from newsint.errors import AnalysisError, NewsintError
from newsint.model import Analysis
from newsint.readers.raw import RawDocument
from newsint.runner.records import item_to_dict, outcome_from_dict
from newsint.runner.worker import analyze_records, prepare_worker
from newsint.settings import Settings

# A batch sent to a worker ends at this many documents or characters: small enough that two
# workers share a 100-article file evenly and an interrupted run loses little, large enough for
# nlp.pipe to batch and for the pickling to cost nothing beside the parse.
TASK_DOCUMENTS = 8
TASK_CHARS = 120_000
# Reader errors ride in the batches too; a feed of broken lines must not pile up in one.
TASK_ITEMS = 4 * TASK_DOCUMENTS
# Batches in flight per worker: the next one waits in the queue when a worker finishes, and no
# more than this many batches' analyses are ever held waiting for an earlier one.
IN_FLIGHT_PER_WORKER = 2
# "spawn": a fresh interpreter per worker. Forking would copy this process's threads' locks (the
# progress bar's, the store driver's) in whatever state they are.
START_METHOD = "spawn"

WORKER_DIED = "a worker process died (out of memory?); run again with --workers 1, or with --resume for ingest"


def worker_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context(START_METHOD), initializer=_initialize
    )


def _initialize() -> None:
    # Ctrl-C reaches every process of the terminal's group: the parent stops the run and shuts
    # the pool down; workers that took it too would each print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    prepare_worker()


def analyze_paths_parallel(
    paths: Iterable[Path | NewsintError],
    settings: Settings,
    *,
    workers: int,
    keep: Callable[[Path, RawDocument | NewsintError], bool] | None = None,
) -> Iterator[Analysis | NewsintError]:
    """``pipeline.analyze_paths`` over ``workers`` processes: the same outcomes, in the same order.
    With ``workers`` 1 it is ``analyze_paths`` itself."""
    from newsint.pipeline import analyze_paths, analyze_stream, read_items

    if workers <= 1:
        yield from analyze_paths(paths, settings, keep=keep)
        return
    batches = _batches(read_items(paths, settings, keep=keep))
    first = next(batches, None)
    if first is None:
        return
    second = next(batches, None)
    if second is None:
        outcomes: Iterable[Analysis | NewsintError] = analyze_stream(first, reference_date=settings.reference_date)
    else:
        outcomes = _pooled(chain([first, second], batches), settings, workers)
    for outcome in outcomes:
        yield outcome
        if settings.fail_fast and isinstance(outcome, NewsintError):
            return


def _pooled(
    batches: Iterator[list[RawDocument | NewsintError]], settings: Settings, workers: int
) -> Iterator[Analysis | NewsintError]:
    pending: deque[Future] = deque()
    with worker_pool(workers) as pool:
        try:
            for batch in batches:
                pending.append(pool.submit(analyze_records, [item_to_dict(item) for item in batch], settings))
                while len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                    yield from _outcomes(pending.popleft())
            while pending:
                yield from _outcomes(pending.popleft())
        finally:
            # A --fail-fast stop, a closed generator or an error: batches not started are dropped.
            for future in pending:
                future.cancel()


def _outcomes(future: Future) -> Iterator[Analysis | NewsintError]:
    try:
        records = future.result()
    except BrokenProcessPool:
        raise AnalysisError(WORKER_DIED) from None
    for record in records:
        yield outcome_from_dict(record)


def _batches(items: Iterator[RawDocument | NewsintError]) -> Iterator[list[RawDocument | NewsintError]]:
    from newsint.pipeline import batched_by_size

    return batched_by_size(items, documents=TASK_DOCUMENTS, chars=TASK_CHARS, max_items=TASK_ITEMS)


def run_shards_local(
    jobs: list[tuple[Path, Path]],
    settings: Settings,
    *,
    workers: int,
    on_done: Callable[[dict[str, Any]], None],
    on_error: Callable[[Path, BaseException], None],
) -> None:
    """``process_shard(shard, output)`` for each job on a pool of ``workers`` processes,
    ``on_done(report)`` as each finishes (in any order). A shard whose task raised goes to
    ``on_error`` and the others go on; a worker that dies breaks the pool, and the shards not
    finished stay to do (a rerun does them: finished ones are skipped)."""
    from newsint.runner.shard import process_shard

    with worker_pool(workers) as pool:
        futures = {pool.submit(process_shard, shard, output, settings): shard for shard, output in jobs}
        for future in as_completed(futures):
            try:
                on_done(future.result())
            except Exception as error:  # one shard's failure (disk full, a dead worker) is reported
                on_error(futures[future], error)
