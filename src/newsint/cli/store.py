"""The store's commands: ``ingest`` (files in), ``stats``, ``search`` and ``failed`` (``--retry``).

The commands that only read open the store read-only: a mistyped --db is reported, not answered
from a new, empty store left behind, and a store on read-only media can be read.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING, Annotated

import typer

from newsint.cli.common import (
    EXIT_INPUT_ERROR,
    TABLE_OR_JSON,
    AllowPrivateOption,
    DbOption,
    EncodingOption,
    FailFastOption,
    FetchLinksOption,
    MaxBytesOption,
    PathsArgument,
    PublishedOption,
    StdoutConsole,
    TableOrJsonOption,
    WorkersOption,
    check_choice,
    progress,
    report_error,
    run_settings,
)
from newsint.errors import NewsintError
from newsint.nlp.model import require_model
from newsint.settings import Settings

if TYPE_CHECKING:
    from newsint.ingest import IngestReport
    from newsint.store import Store


def ingest(
    paths: PathsArgument,
    db: DbOption = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Skip sources already stored or recorded as failed (after a crash).")
    ] = False,
    published: PublishedOption = None,
    encoding: EncodingOption = None,
    fail_fast: FailFastOption = False,
    max_bytes: MaxBytesOption = None,
    fetch_links: FetchLinksOption = False,
    allow_private: AllowPrivateOption = False,
    workers: WorkersOption = None,
) -> None:
    """Analyse articles into the store, one transaction each; failed inputs are recorded and skipped."""
    # Everything that can be wrong before an input is read is checked before the store is
    # opened, which would create it: a failed start leaves no empty store behind.
    require_model()
    settings = run_settings(
        published=published,
        max_bytes=max_bytes,
        encoding=encoding,
        fail_fast=fail_fast,
        fetch_links=fetch_links,
        allow_private=allow_private,
    )
    from newsint.runner.worker import default_workers

    workers = workers or default_workers()
    with _open_store(db, create=True) as store:
        report = _run_ingest(store, paths, settings=settings, resume=resume, workers=workers)
    if report.failed or not (report.stored + report.duplicates + report.unchanged + report.skipped):
        raise typer.Exit(EXIT_INPUT_ERROR)


def _open_store(db: str | None, *, create: bool = False, read_only: bool = False) -> Store:
    from newsint.store import open_store

    return open_store(db, create=create, read_only=read_only)


def _run_ingest(store: Store, paths: list[str], *, settings: Settings, **options) -> IngestReport:
    """Ingest with a progress bar and the summary line; a store that fails (disk full, server
    gone) stops the run with its error."""
    from newsint.ingest import ingest as ingest_paths
    from newsint.readers import expand

    files = sum(not isinstance(item, NewsintError) for item in expand(paths))
    with progress(files, "ingesting") as advance:
        report = ingest_paths(paths, store, settings=settings, on_error=report_error, on_file_done=advance, **options)
    print(report.summary(store.location), flush=True)
    return report


def stats(
    db: DbOption = None,
    output_format: TableOrJsonOption = "table",
) -> None:
    """Counts of what the store holds: articles, sources, entities, claims, quantities, events…"""
    check_choice(output_format, TABLE_OR_JSON)
    with _open_store(db, read_only=True) as store:
        figures = store.stats().to_dict()
    if output_format == "json":
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    from rich.table import Table

    table = Table(title="newsint store", title_justify="left", show_header=False)
    for name, value in figures.items():
        table.add_row(name.replace("_", " "), "–" if value is None else str(value))
    StdoutConsole(highlight=False).print(table)


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
    check_choice(output_format, TABLE_OR_JSON)
    with _open_store(db, read_only=True) as store:
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


def failed(
    db: DbOption = None,
    retry: Annotated[bool, typer.Option("--retry", help="Ingest the failed documents again.")] = False,
    output_format: TableOrJsonOption = "table",
) -> None:
    """Documents that could not be ingested, with the reason; --retry ingests them again."""
    from newsint.ingest import retry_paths

    check_choice(output_format, TABLE_OR_JSON)
    # Read-only unless retrying: listing the failures works on a store the user cannot write.
    with _open_store(db, read_only=not retry) as store:
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
