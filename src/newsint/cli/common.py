"""What every ``newsint`` command shares: the command group, exit codes, the one error line, the
run's Settings, the options several commands take, rich output on stdout and the progress bar.

A command raises a NewsintError and the group prints it as one line, ``newsint: error: <file>:
<reason> [code]``, on stderr, and exits non-zero (``reported``): never a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import click
import typer
from rich.console import Console
from typer.core import TyperGroup

from newsint.dates import parse_date_option
from newsint.errors import NewsintError, OutputError, UsageError
from newsint.settings import PROGRESS_BAR_MIN_FILES, Settings
from newsint.source_name import source_name

if TYPE_CHECKING:
    from newsint.readers import Input

EXIT_INPUT_ERROR = 1
EXIT_USAGE_ERROR = 2


class Commands(TyperGroup):
    """The ``newsint`` commands, each run so that a coded error is one line and a reader that
    stops early ends it quietly."""

    def invoke(self, ctx: click.Context):
        try:
            with reported():
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
        except BrokenPipeError:
            # `newsint search -f json | head -1`: the reader has what it wanted and closed the pipe.
            # Like ripgrep, stop at once and exit 0, with nothing on stderr (click alone would exit 1,
            # and Python would print an "Exception ignored" line when it flushes stdout at exit).
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
            ctx.exit(0)


def report_error(error: NewsintError) -> None:
    """The error's one line on stderr: ``newsint: error: <file>: <reason> [code]``."""
    from newsint.export.safe_text import one_line

    # Plain print: rich would re-wrap a long path and split the one line in two. one_line: a file
    # name can hold ESC or a newline, and must neither drive the terminal nor break the line.
    print(f"newsint: error: {one_line(str(error))}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def reported() -> Iterator[None]:
    """A NewsintError raised inside (a bad option value, a store that fails, a missing model) as
    its one error line and an exit: 2 for a usage error, 1 for any other."""
    try:
        yield
    except NewsintError as error:
        report_error(error)
        raise typer.Exit(EXIT_USAGE_ERROR if isinstance(error, UsageError) else EXIT_INPUT_ERROR) from None


@contextlib.contextmanager
def writing(out: Path | None, what: str = "output") -> Iterator[None]:
    """An output file that cannot be written (no such folder, no permission, disk full) as one
    OutputError naming it; a closed stdout stays the BrokenPipeError that ``Commands`` ends quietly."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as error:
        where = source_name(out) if out is not None else None
        raise OutputError(f"cannot write {what} ({error.strerror or error})", path=where) from None


def run_settings(
    *,
    published: str | None,
    max_bytes: int | None = None,
    encoding: str | None = None,
    fail_fast: bool = False,
    fetch_links: bool = False,
    allow_private: bool = False,
) -> Settings:
    """The run's Settings: the defaults, the ``NEWSINT_*`` variables over them, the command's
    options over those; --published parsed here, once, into the reference date."""
    settings = Settings.from_env()
    return replace(
        settings,
        max_input_bytes=settings.max_input_bytes if max_bytes is None else max_bytes,
        reference_date=parse_date_option(published, "--published"),
        encoding=encoding,
        fail_fast=fail_fast,
        fetch_links=fetch_links,
        allow_private=allow_private,
    )


class StdoutConsole(Console):
    """Rich output on stdout. Rich answers a closed pipe with ``SystemExit(1)``; raised as the
    BrokenPipeError it is, every command ends the same quiet way (``Commands.invoke``)."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


@contextlib.contextmanager
def progress(total: int, label: str) -> Iterator[Callable[[], None]]:
    """A function to call once per file done: a progress bar on stderr for more than a few files."""
    if total < PROGRESS_BAR_MIN_FILES:
        yield lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True, highlight=False, soft_wrap=True), transient=True) as bar:
        task = bar.add_task("files", total=total)
        yield lambda: bar.advance(task)


def advancing(inputs: Iterable[Input | NewsintError], advance: Callable[[], None]) -> Iterator[Input | NewsintError]:
    """The inputs, calling ``advance`` after each file or URL: once the next one is asked for, it was read."""
    for item in inputs:
        yield item
        if not isinstance(item, NewsintError):
            advance()


# The options several commands take, declared once.

PathsArgument = Annotated[
    list[str], typer.Argument(help="Files, folders, glob patterns or http(s):// URLs.", show_default=False)
]
FetchLinksOption = Annotated[
    bool, typer.Option("--fetch-links", help="Fetch feed items that carry only a link (else skipped and counted).")
]
AllowPrivateOption = Annotated[
    bool,
    typer.Option(
        "--allow-private", help="Fetch from private, loopback and link-local addresses (refused by default)."
    ),
]
PublishedOption = Annotated[
    str | None, typer.Option(help="Publication date YYYY-MM-DD (relative dates resolve against it).")
]
EncodingOption = Annotated[
    str | None, typer.Option(help="Force the text encoding instead of detecting it (e.g. cp1251).")
]
FailFastOption = Annotated[bool, typer.Option("--fail-fast", help="Stop at the first input that fails.")]
MaxBytesOption = Annotated[
    int | None, typer.Option("--max-bytes", min=1, help="Refuse inputs larger than this (default 50 MB).")
]
DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="NEWSINT_DB",
        show_envvar=True,
        help="The store: a SQLite file (default ./newsint.db) or postgresql://user@host/db.",
    ),
]
WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers",
        "-j",
        min=1,
        help="Worker processes for the analysis (default: the usable cores, or NEWSINT_WORKERS; 1: this process).",
    ),
]
TABLE_OR_JSON = ("table", "json")
TableOrJsonOption = Annotated[
    str, typer.Option("--format", "-f", metavar="[table|json]", help="Output format: table or json.")
]


def check_choice(value: str, choices: Iterable[str], option: str = "--format") -> None:
    """A plain str option checked here rather than an Enum typer checks: typer would answer a bad
    value with its multi-line usage box instead of the one error line every other option gives."""
    choices = tuple(choices)
    if value not in choices:
        raise UsageError(f"{option} must be one of {', '.join(choices)}, not {value!r}")
