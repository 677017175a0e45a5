"""The ``newsint`` command. Thin: parse options, call plain functions, print.

Errors a user can cause print one line, ``newsint: error: <file>: <reason> [code]``, on stderr
and the exit status is non-zero; the other inputs of the same run are still processed unless
``--fail-fast``. Output files are written whole or not at all (temp file, then rename).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import asdict, replace
from pathlib import Path
from typing import Annotated

import click
import typer
from rich.console import Console
from typer.core import TyperGroup

from newsint.errors import NewsintError, UsageError
from newsint.export.sink import OutputFormat, OutputSink
from newsint.nlp.model import require_model
from newsint.settings import PROGRESS_BAR_MIN_FILES, Settings


class _Commands(TyperGroup):
    """The ``newsint`` commands, each run so that a reader that stops early ends it quietly."""

    def invoke(self, ctx: click.Context):
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # inside the try: buffered output meets a closed pipe here, not at exit
            return result
        except typer.BadParameter as error:
            if type(error) is not typer.BadParameter:
                raise  # MissingParameter: click's usage text says what is missing better than one line
            # A value click rejects (not a number, out of an IntRange) is one coded line like every
            # other bad option value, not click's multi-line usage box.
            name = "/".join(error.param.opts) if error.param is not None and error.param.opts else "option"
            report_error(UsageError(f"{name}: {error.message.rstrip('.')}"))
            ctx.exit(EXIT_USAGE_ERROR)
        except NewsintError as error:
            # A coded error no command handled itself (a bad NEWSINT_* variable, a missing model):
            # still the one error line, never a traceback.
            report_error(error)
            ctx.exit(EXIT_USAGE_ERROR if isinstance(error, UsageError) else EXIT_INPUT_ERROR)
        except BrokenPipeError:
            # `newsint search -f json | head -1`: the reader has what it wanted and closed the pipe.
            # Like ripgrep, stop at once and exit 0, with nothing on stderr (click alone would exit 1,
            # and Python would print an "Exception ignored" line when it flushes stdout at exit).
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
            ctx.exit(0)


class StdoutConsole(Console):
    """Rich output on stdout. Rich answers a closed pipe with ``SystemExit(1)``; raised as the
    BrokenPipeError it is, every command ends the same quiet way (``_Commands.invoke``)."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


app = typer.Typer(
    cls=_Commands,
    name="newsint",
    help="Turn conflict and geopolitics reporting into structured, sourced, checkable data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_INPUT_ERROR = 1
EXIT_USAGE_ERROR = 2


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def report_error(error: NewsintError | str) -> None:
    from newsint.export.safe_text import one_line

    # Plain print: rich would re-wrap a long path and split the one line in two. one_line: a file
    # name can hold ESC or a newline, and must neither drive the terminal nor break the line.
    print(f"newsint: error: {one_line(str(error))}", file=sys.stderr, flush=True)


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or glob patterns.", show_default=False)],
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD (relative dates resolve against it).")
    ] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.brief,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file (whole or not at all).")] = None,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first input that fails.")] = False,
    max_bytes: Annotated[
        int | None, typer.Option("--max-bytes", min=1, help="Refuse inputs larger than this (default 50 MB).")
    ] = None,
    encoding: Annotated[
        str | None, typer.Option(help="Force the text encoding instead of detecting it (e.g. cp1251).")
    ] = None,
) -> None:
    """Analyse articles: clean text, metadata, and (as stages land) entities, claims and events."""
    from newsint.pipeline import analyze_paths
    from newsint.readers import expand

    require_model()  # before any input is read: a missing model is one error line, not one per input
    try:
        settings = run_settings(published=published, max_bytes=max_bytes, encoding=encoding, fail_fast=fail_fast)
    except UsageError as error:
        report_error(error)
        raise typer.Exit(EXIT_USAGE_ERROR) from None

    inputs = expand(paths)
    try:
        sink = OutputSink(output_format, out)
    except OSError as error:
        report_error(f"{out}: cannot write output ({error.strerror or error})")
        raise typer.Exit(EXIT_INPUT_ERROR) from None

    failed = 0
    try:
        with _progress(sum(isinstance(i, Path) for i in inputs)) as advance:
            for outcome in analyze_paths(_advancing(inputs, advance), settings):
                if isinstance(outcome, NewsintError):
                    failed += 1
                    report_error(outcome)
                    continue
                sink.add(outcome)
    finally:
        # A --fail-fast stop or a crash discards a partly written --out file; a finished run keeps
        # it even when some inputs failed (they were reported, the rest are good).
        sink.close(success=not (settings.fail_fast and failed) and sys.exc_info()[0] is None)
    if not sink.count and not failed:
        report_error("nothing to analyse")
    if failed or not sink.count:
        raise typer.Exit(EXIT_INPUT_ERROR)


def run_settings(
    *, published: str | None, max_bytes: int | None = None, encoding: str | None = None, fail_fast: bool = False
) -> Settings:
    """The run's Settings: the defaults, the NEWSINT_* variables over them, the options over those;
    --published parsed here, once, into the reference date."""
    from newsint.dates import parse_date_option

    settings = Settings.from_env()
    return replace(
        settings,
        max_input_bytes=settings.max_input_bytes if max_bytes is None else max_bytes,
        reference_date=parse_date_option(published, "--published"),
        encoding=encoding,
        fail_fast=fail_fast,
    )


def _advancing(inputs: list[Path | NewsintError], advance) -> Iterator[Path | NewsintError]:
    """The inputs, calling ``advance`` after each file: when the next one is asked for, it was read."""
    for item in inputs:
        yield item
        if isinstance(item, Path):
            advance()


@contextlib.contextmanager
def _progress(total: int, label: str = "analysing") -> Iterator:
    if total < PROGRESS_BAR_MIN_FILES:
        yield lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=_stderr(), transient=True) as progress:
        task = progress.add_task("files", total=total)
        yield lambda: progress.advance(task)


@app.command()
def doctor() -> None:
    """Say what is installed and usable, what is missing, and the command that fixes it."""
    from rich.markup import escape
    from rich.table import Table

    from newsint.doctor import run_checks

    checks = run_checks()
    table = Table(title="newsint doctor", title_justify="left")
    for column in ("", "component", "status", "fix"):
        table.add_column(column)
    for check in checks:
        mark = (
            "[green]ok[/green]"
            if check.ok
            else ("[red]MISSING[/red]" if check.required else "[yellow]optional[/yellow]")
        )
        table.add_row(mark, check.name, escape(check.detail), escape(check.fix or ""))
    StdoutConsole(width=140).print(table)
    if any(not c.ok and c.required for c in checks):
        raise typer.Exit(EXIT_INPUT_ERROR)


# --------------------------------------------------------------------------------------------
# The store: ingest, stats, search, failed

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="NEWSINT_DB",
        show_envvar=True,
        help="The store: a SQLite file (default ./newsint.db) or postgresql://user@host/db.",
    ),
]
TABLE_OR_JSON = ("table", "json")
TableOrJsonOption = Annotated[
    str, typer.Option("--format", "-f", metavar="[table|json]", help="Output format: table or json.")
]


def _open_store(db: str | None, *, create: bool = False, read_only: bool = False):
    from newsint.store import open_store

    try:
        return open_store(db, create=create, read_only=read_only)
    except NewsintError as error:
        report_error(error)
        raise typer.Exit(EXIT_INPUT_ERROR) from None


@contextlib.contextmanager
def _reported() -> Iterator[None]:
    """A store that fails while it is read, or a bad option value, as one error line and an exit."""
    try:
        yield
    except NewsintError as error:
        report_error(error)
        raise typer.Exit(EXIT_USAGE_ERROR if isinstance(error, UsageError) else EXIT_INPUT_ERROR) from None


def _check_format(output_format: str) -> None:
    if output_format not in TABLE_OR_JSON:
        report_error(UsageError(f"--format must be one of {', '.join(TABLE_OR_JSON)}, not {output_format!r}"))
        raise typer.Exit(EXIT_USAGE_ERROR)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or glob patterns.", show_default=False)],
    db: DbOption = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Skip sources already stored or recorded as failed (after a crash).")
    ] = False,
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD (relative dates resolve against it).")
    ] = None,
    encoding: Annotated[
        str | None, typer.Option(help="Force the text encoding instead of detecting it (e.g. cp1251).")
    ] = None,
) -> None:
    """Analyse articles into the store, one transaction each; failed inputs are recorded and skipped."""
    # Everything that can be wrong before an input is read is checked before the store is
    # opened, which would create it: a failed start leaves no empty store behind.
    require_model()
    try:
        settings = run_settings(published=published, encoding=encoding)
    except UsageError as error:
        report_error(error)
        raise typer.Exit(EXIT_USAGE_ERROR) from None
    with _open_store(db, create=True) as store:
        report = _run_ingest(store, paths, settings=settings, resume=resume)
    if report.failed or not (report.stored + report.duplicates + report.unchanged + report.skipped):
        raise typer.Exit(EXIT_INPUT_ERROR)


def _run_ingest(store, paths: list[str], **options):
    from newsint.ingest import ingest as ingest_paths
    from newsint.readers import expand

    files = sum(isinstance(item, Path) for item in expand(paths))
    try:
        with _progress(files, "ingesting") as advance:
            report = ingest_paths(paths, store, on_error=report_error, on_file_done=advance, **options)
    except NewsintError as error:  # the store itself failed (disk full, server gone): stop here
        report_error(error)
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    print(report.summary(store.location), flush=True)
    return report


@app.command()
def stats(
    db: DbOption = None,
    output_format: TableOrJsonOption = "table",
) -> None:
    """Counts of what the store holds: articles, sources, entities, claims, quantities, events…"""
    _check_format(output_format)
    with _open_store(db, read_only=True) as store, _reported():
        figures = store.stats().to_dict()
    if output_format == "json":
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    from rich.table import Table

    table = Table(title="newsint store", title_justify="left", show_header=False)
    for name, value in figures.items():
        table.add_row(name.replace("_", " "), "–" if value is None else str(value))
    StdoutConsole(highlight=False).print(table)


@app.command()
def search(
    query: Annotated[
        str,
        typer.Argument(help="Words to find (all of them), searched as plain text. Starting with '-'? Put -- first."),
    ],
    db: DbOption = None,
    entity: Annotated[
        str | None,
        typer.Option(help="Only articles mentioning this entity: any name or alias of it (any case), or its KB id."),
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--type", metavar="[article|claim]", help="Only this kind of hit.")
    ] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Published on or after (YYYY[-MM[-DD]]).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Published on or before (YYYY[-MM[-DD]]).")] = None,
    source: Annotated[str | None, typer.Option(help="Outlet name, or part of the source path or URL.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many hits.")] = 20,
    output_format: TableOrJsonOption = "table",
) -> None:
    """Full-text search over stored articles and claims, with snippets, best matches first.

    A query that starts with '-' is read as an option: put -- before it (newsint search --db x.db -- -1.5).
    """
    _check_format(output_format)
    with _open_store(db, read_only=True) as store, _reported():
        hits = store.search(
            query, entity=entity, type=kind, date_from=date_from, date_to=date_to, source=source, limit=limit
        )
    from newsint.export.safe_text import json_safe, rich_text

    if output_format == "json":
        print(json_safe(json.dumps([hit.to_dict() for hit in hits], ensure_ascii=False, indent=2)))
        return
    if not hits:
        print("no matches")
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=True)
    for column in ("kind", "article", "snippet"):
        table.add_column(column)
    for hit in hits:
        # Titles, outlets, sources and snippets are article text: rich_text, never markup.
        where = " · ".join(x for x in (hit.published, hit.outlet) if x) or hit.source
        about = rich_text(hit.title or hit.source)
        about.append("\n")
        about.append(rich_text(f"{where} {hit.article_id[:12]}", style="dim"))
        if hit.duplicate_of:
            about.append(f"\ncopy of {hit.duplicate_of[:12]}", style="dim")
        snippet = Text()
        if hit.kind == "claim":
            snippet.append(rich_text(f"{hit.claim_source or 'unknown source'} {hit.cue or ''}: ", style="italic"))
        # The matched words bold: by their spans, never by a character in the text (a "[/i]" in
        # an article is text).
        shown = 0
        for start, end in hit.matches:
            snippet.append(rich_text(hit.snippet[shown:start]))
            snippet.append(rich_text(hit.snippet[start:end], style="bold"))
            shown = end
        snippet.append(rich_text(hit.snippet[shown:]))
        table.add_row(rich_text(hit.kind), about, snippet)
    StdoutConsole(width=140).print(table)


@app.command()
def failed(
    db: DbOption = None,
    retry: Annotated[bool, typer.Option("--retry", help="Ingest the failed documents again.")] = False,
    output_format: TableOrJsonOption = "table",
) -> None:
    """Documents that could not be ingested, with the reason; --retry ingests them again."""
    from newsint.ingest import retry_paths

    _check_format(output_format)
    # Read-only unless retrying: listing the failures works on a store the user cannot write.
    with _open_store(db, read_only=not retry) as store:
        with _reported():
            failures = store.failures()
        if retry:
            if not failures:
                print("nothing to retry")
                return
            require_model()
            sources = [f.source for f in failures]
            report = _run_ingest(store, retry_paths(sources), settings=Settings.from_env(), only=set(sources))
            if report.failed:
                raise typer.Exit(EXIT_INPUT_ERROR)
            return
    from newsint.export.safe_text import json_safe, rich_text

    if output_format == "json":
        print(json_safe(json.dumps([asdict(f) for f in failures], ensure_ascii=False, indent=2)))
        return
    if not failures:
        print("no failed documents")
        return
    from rich.table import Table

    table = Table()
    for column in ("source", "code", "reason", "failed at", "attempts"):
        table.add_column(column)
    for f in failures:
        # The source is a file name and the reason may quote the input: text, never markup.
        cells = (rich_text(f.source), rich_text(f.code), rich_text(f.reason), rich_text(f.failed_at))
        table.add_row(*cells, str(f.attempts))
    StdoutConsole(width=160).print(table)


@app.command("eval")
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
) -> None:
    """Score the pipeline against gold files: recall (precision where complete) per section, and every miss."""
    from newsint.eval.report import REPORT_FORMATS, evaluate, falls_short, render, write_report

    if output_format not in REPORT_FORMATS:
        report_error(UsageError(f"--format must be one of {', '.join(REPORT_FORMATS)}, not {output_format!r}"))
        raise typer.Exit(EXIT_USAGE_ERROR)
    require_model()  # before any gold file is read: one error line, not one per file
    settings = Settings.from_env()
    reports, failed = [], False
    for path in gold_files:
        try:
            reports.append(evaluate(path, settings))
        except NewsintError as error:
            failed = True
            report_error(error)
    if reports:
        sys.stdout.write(render(reports, output_format, color=sys.stdout.isatty()))
        sys.stdout.flush()
        if report is not None:
            try:
                write_report(report, reports)
            except OSError as error:
                failed = True
                report_error(f"{report}: cannot write the report ({error.strerror})")
    if failed or (strict and falls_short(reports)):
        raise typer.Exit(EXIT_INPUT_ERROR)


# The corpus commands (brief, claims, entity, timeline, export) live in their own module and
# register themselves on ``app`` when imported.
from newsint import cli_corpus  # noqa: E402, F401


def main() -> None:  # pragma: no cover - console-script entry for `python -m newsint`
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
