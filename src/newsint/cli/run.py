"""``newsint run``: input shards to analysis files on a Dask cluster or a local process pool;
``newsint merge``: those files into the store, nothing analysed again.

``run`` writes one gzip JSON Lines file of analyses per shard, and its failure records, into
``--out`` (runner/shard.py); a shard whose output is there already is skipped, so a run that
stopped is finished by running it again. ``merge`` is the store's single writer for a batch run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsint.cli.common import (
    EXIT_INPUT_ERROR,
    DbOption,
    EncodingOption,
    MaxBytesOption,
    PublishedOption,
    WorkersOption,
    check_choice,
    progress,
    report_error,
    run_settings,
    writing,
)
from newsint.errors import AnalysisError, NewsintError, NotFoundError, UsageError
from newsint.source_name import source_name

ENGINES = ("dask", "local")


def run(
    shards: Annotated[
        list[str],
        typer.Argument(help="Input shards: JSON Lines files, folders, any file newsint reads.", show_default=False),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the shard outputs (created if missing).")],
    scheduler: Annotated[
        str | None,
        typer.Option(help="A Dask scheduler's address (tcp://host:8786); default: a local cluster."),
    ] = None,
    workers: WorkersOption = None,
    engine: Annotated[
        str, typer.Option(metavar="[dask|local]", help="dask (a cluster), or local (a process pool, no Dask).")
    ] = "dask",
    published: PublishedOption = None,
    encoding: EncodingOption = None,
    max_bytes: MaxBytesOption = None,
) -> None:
    """Analyse input shards in parallel into --out, one gzip JSON Lines file per shard; finished shards are skipped."""
    from newsint.nlp.model import require_model
    from newsint.runner.shard import is_complete, remove_leftovers, shard_output
    from newsint.runner.worker import default_workers

    check_choice(engine, ENGINES, "--engine")
    if scheduler is not None and engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    if scheduler is None:
        require_model()  # the workers are this machine's: a missing model is one line, not one per shard
    settings = run_settings(published=published, max_bytes=max_bytes, encoding=encoding)
    workers = workers or default_workers()
    with writing(out, "output folder"):
        out.mkdir(parents=True, exist_ok=True)
    missing = 0
    jobs: dict[Path, Path] = {}
    for arg in shards:
        shard = Path(arg)
        if not shard.exists():
            report_error(NotFoundError("no such file or folder", path=source_name(arg)))
            missing += 1
            continue
        jobs.setdefault(shard_output(shard, out), shard.resolve())
    todo = [(shard, output) for output, shard in jobs.items() if not is_complete(output)]
    with writing(out, "output folder"):
        remove_leftovers(out)  # of a run that was killed: nothing of this folder is running now
    totals = {"documents": 0, "failed": 0, "shards_failed": 0}

    with progress(len(todo), "shards") as advance:

        def done(report: dict) -> None:
            totals["documents"] += report["documents"]
            totals["failed"] += report["failed"]
            advance()

        def failed(shard: Path, error: BaseException) -> None:
            totals["shards_failed"] += 1
            if not isinstance(error, NewsintError):
                error = AnalysisError.from_exception(error, path=source_name(shard))  # type: ignore[arg-type]
            report_error(error)
            advance()

        if todo and engine == "local":
            from newsint.runner.local_pool import run_shards_local

            run_shards_local(todo, settings, workers=workers, on_done=done, on_error=failed)
        elif todo:
            from newsint.runner.dask_runner import run_shards_dask

            run_shards_dask(todo, settings, workers=workers, scheduler=scheduler, on_done=done, on_error=failed)
    remove_leftovers(out)  # a worker killed mid-shard left its temporary file; the retry wrote the shard
    print(
        f"{len(todo) - totals['shards_failed']} shard(s) analysed ({totals['documents']} document(s), "
        f"{totals['failed']} failed: see *.failures.jsonl), {len(jobs) - len(todo)} already done, "
        f"{totals['shards_failed'] + missing} not done; out: {source_name(out)}",
        flush=True,
    )
    if missing or totals["shards_failed"] or totals["failed"]:
        raise typer.Exit(EXIT_INPUT_ERROR)


def merge(
    folder: Annotated[Path, typer.Argument(help="The --out folder of newsint run.", show_default=False)],
    db: DbOption = None,
) -> None:
    """Load the analyses and failures of newsint run's shard outputs into the store, without analysing again."""
    from newsint.runner.merge import merge_shards, shard_outputs
    from newsint.store import open_store

    outputs = shard_outputs(folder)  # before the store is opened, which would create it
    bad: list[NewsintError] = []

    def refused(error: NewsintError) -> None:
        bad.append(error)
        report_error(error)

    with open_store(db, create=True) as store, progress(len(outputs), "merging") as advance:
        report = merge_shards(folder, store, on_error=refused, on_shard_done=advance)
        print(report.summary(store.location), flush=True)
    if bad:
        raise typer.Exit(EXIT_INPUT_ERROR)
