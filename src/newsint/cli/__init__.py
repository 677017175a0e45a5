"""The ``newsint`` command. Thin: parse options, call plain functions, print.

    common.py    the command group (one coded error line, quiet on a closed pipe), exit codes,
                 the run's Settings from the options, the options several commands share
    analyze.py   analyze: files in, analyses out
    doctor.py    doctor: what is installed, what is missing, the command that fixes it
    store.py     ingest, stats, search, failed: the store
    run.py       run, merge: input shards in parallel (Dask or a process pool), then into the store
    evaluate.py  eval: the pipeline scored against gold files
    corpus.py    brief, claims, entity, timeline, export: across the stored articles
    serve.py     serve: the HTTP API and the dashboard (newsint.serve)

Errors a user can cause print one line, ``newsint: error: <file>: <reason> [code]``, on stderr
and the exit status is non-zero; the other inputs of the same run are still processed unless
``--fail-fast``. Output files are written whole or not at all (temp file, then rename).

The command modules import ``common`` and nothing here; this module registers their commands,
in the order ``newsint --help`` lists them.
"""

from __future__ import annotations

import typer

from newsint.cli import analyze, corpus, doctor, evaluate, run, serve, store
from newsint.cli.common import Commands

__all__ = ["app", "main"]

app = typer.Typer(
    cls=Commands,
    name="newsint",
    help="Turn conflict and geopolitics reporting into structured, sourced, checkable data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

app.command()(analyze.analyze)
app.command()(doctor.doctor)
app.command()(store.ingest)
app.command()(store.stats)
app.command()(store.search)
app.command()(store.failed)
app.command("run")(run.run)
app.command()(run.merge)
app.command("eval")(evaluate.eval_gold)
app.command()(corpus.brief)
app.command()(corpus.claims)
app.command()(corpus.entity)
app.command()(corpus.timeline)
app.command("export")(corpus.export_corpus)
app.command()(serve.serve)


def main() -> None:  # pragma: no cover - console-script entry for `python -m newsint`
    app()
