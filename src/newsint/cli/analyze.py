"""``newsint analyze``: files in, analyses out (the brief, JSON, Markdown, GeoJSON, ACLED CSV).

Every document and every error in input order, as ``newsint ingest`` reads them
(``pipeline.analyze_paths``): a bad JSON Lines record or a whole file that fails stands in its
place as one error line and the rest go on, unless ``--fail-fast``. ``--out`` is written whole or
not at all (export/sink.py).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from newsint.cli.common import (
    EXIT_INPUT_ERROR,
    AllowPrivateOption,
    EncodingOption,
    FailFastOption,
    FetchLinksOption,
    MaxBytesOption,
    PathsArgument,
    PublishedOption,
    WorkersOption,
    advancing,
    progress,
    report_error,
    run_settings,
    writing,
)
from newsint.errors import EmptyInputError, NewsintError
from newsint.export.sink import OutputFormat, OutputSink
from newsint.extract.events.confidence import DEFAULT_MIN_CONFIDENCE
from newsint.nlp.model import require_model


def analyze(
    paths: PathsArgument,
    published: PublishedOption = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.brief,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file (whole or not at all).")] = None,
    fail_fast: FailFastOption = False,
    max_bytes: MaxBytesOption = None,
    encoding: EncodingOption = None,
    fetch_links: FetchLinksOption = False,
    allow_private: AllowPrivateOption = False,
    min_confidence: Annotated[
        float,
        typer.Option(
            "--min-confidence",
            min=0.0,
            max=1.0,
            help="The brief's events and ACLED rows: only events at or above this confidence (JSON keeps all).",
        ),
    ] = DEFAULT_MIN_CONFIDENCE,
    workers: WorkersOption = None,
) -> None:
    """Analyse articles: clean text, metadata, entities, claims, quantities, times, events and judgements."""
    from newsint.readers import expand
    from newsint.runner.local_pool import analyze_paths_parallel
    from newsint.runner.worker import default_workers

    require_model()  # before any input is read: a missing model is one error line, not one per input
    settings = run_settings(
        published=published,
        max_bytes=max_bytes,
        encoding=encoding,
        fail_fast=fail_fast,
        fetch_links=fetch_links,
        allow_private=allow_private,
    )
    workers = workers or default_workers()
    inputs = expand(paths)
    with writing(out):
        sink = OutputSink(
            output_format, out, min_confidence=min_confidence
        )  # opened before any work: an unwritable --out fails at once
    failed = 0
    try:
        with progress(sum(not isinstance(i, NewsintError) for i in inputs), "analysing") as advance:
            # In input order whatever the number of workers; one batch or less is analysed here.
            for outcome in analyze_paths_parallel(advancing(inputs, advance), settings, workers=workers):
                if isinstance(outcome, NewsintError):
                    failed += 1
                    report_error(outcome)
                    continue
                with writing(out):
                    sink.add(outcome)
    finally:
        # A --fail-fast stop or a crash discards a partly written --out file; a finished run keeps
        # it even when some inputs failed (they were reported, the rest are good).
        with writing(out):
            sink.close(success=not (settings.fail_fast and failed) and sys.exc_info()[0] is None)
    if not sink.count and not failed:
        report_error(EmptyInputError("nothing to analyse"))
    if failed or not sink.count:
        raise typer.Exit(EXIT_INPUT_ERROR)
