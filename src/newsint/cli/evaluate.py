"""``newsint eval``: score the pipeline against gold files (shared/gold/FORMAT.md)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from newsint.cli.common import EXIT_INPUT_ERROR, TableOrJsonOption, check_choice, report_error, writing
from newsint.errors import NewsintError
from newsint.nlp.model import require_model
from newsint.settings import Settings


def eval_gold(
    gold_files: Annotated[list[Path], typer.Argument(help="Gold files (shared/gold/FORMAT.md).", show_default=False)],
    output_format: TableOrJsonOption = "table",
    report: Annotated[
        Path | None, typer.Option("--report", help="Also write the JSON report here (whole or not at all).")
    ] = None,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Exit 1 when a section scores below 1.0 (recall; precision where complete)."),
    ] = False,
    split: Annotated[
        Path | None,
        typer.Option("--split", help="Group totals by this split.json (default: the split.json beside each gold file)."),
    ] = None,
    summary: Annotated[
        bool, typer.Option("--summary", help="Print the totals only (all files, tuning and checking halves).")
    ] = False,
) -> None:
    """Score the pipeline against gold files: recall (precision where complete) per section, and every miss."""
    from newsint.eval.report import REPORT_FORMATS, evaluate, falls_short, render, write_report

    check_choice(output_format, REPORT_FORMATS)
    require_model()  # before any gold file is read: one error line, not one per file
    settings = Settings.from_env()
    reports, failed = [], False
    for path in gold_files:
        try:
            reports.append(evaluate(path, settings, split))
        except NewsintError as error:
            failed = True
            report_error(error)
    if reports:
        sys.stdout.write(render(reports, output_format, color=sys.stdout.isatty(), summary=summary))
        sys.stdout.flush()
        if report is not None:
            try:
                with writing(report, "the report"):
                    write_report(report, reports)
            except NewsintError as error:
                failed = True
                report_error(error)
    if failed or (strict and falls_short(reports)):
        raise typer.Exit(EXIT_INPUT_ERROR)
