"""``newsint doctor``: what is installed and usable, what is missing, and the command that fixes it.

Users of this field often work offline; nothing here downloads anything.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import sqlite3
import sys
from dataclasses import dataclass

import typer

from newsint.cli.common import EXIT_INPUT_ERROR, StdoutConsole
from newsint.nlp.model import INSTALL_HINT, REQUIRED_MODEL_VERSION, find_model

FIX_ALL = "pip install -r requirements.lock -e ."


def doctor() -> None:
    """Say what is installed and usable, what is missing, and the command that fixes it."""
    from rich.markup import escape
    from rich.table import Table

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


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str | None = None
    required: bool = True


def run_checks() -> list[Check]:
    checks = [
        Check("python", sys.version_info >= (3, 11), sys.version.split()[0], "install Python 3.11 or newer"),
        _package("spacy", "spaCy (tokens, parse, base NER)"),
        _model(),
        _package("trafilatura", "HTML reader (main text, metadata)"),
        _package("pypdf", "PDF reader"),
        _package("charset_normalizer", "encoding detection", distribution="charset-normalizer"),
        _package("ftfy", "mojibake repair"),
        _package("warcio", "WARC reader (optional)", required=False, fix="pip install warcio"),
        _package("feedparser", "RSS/Atom reader (optional)", required=False, fix="pip install feedparser"),
        _knowledge_base(),
        _sqlite(),
        _store(),
        _package(
            "psycopg", "PostgreSQL store (optional, for teams)", required=False, fix='pip install "psycopg[binary]"'
        ),
    ]
    return checks


def _package(module: str, what: str, *, distribution: str | None = None, required: bool = True,
             fix: str | None = None) -> Check:  # fmt: skip
    if importlib.util.find_spec(module) is None:
        return Check(module, False, f"{what}: not installed", fix or FIX_ALL, required)
    try:
        version = importlib.metadata.version(distribution or module)
    except importlib.metadata.PackageNotFoundError:
        version = "?"
    return Check(module, True, f"{what}: {version}", None, required)


def _model() -> Check:
    info = find_model()
    if info is None:
        return Check("model", False, "no English spaCy model installed", INSTALL_HINT)
    ok = info.version == REQUIRED_MODEL_VERSION
    detail = f"{info.name} {info.version or '?'}" + (
        "" if ok else f" (newsint is measured with {REQUIRED_MODEL_VERSION})"
    )
    return Check("model", ok, detail, None if ok else INSTALL_HINT)


def _knowledge_base() -> Check:
    from newsint.kb.common import load_data_file

    names = ("countries.yaml", "regions.yaml", "people.yaml", "organisations.yaml", "equipment.yaml", "operations.yaml")
    try:
        headers = {name: load_data_file(name) for name in names}
    except Exception as error:  # a broken data file is exactly what doctor must report, whatever it is
        return Check("knowledge base", False, f"unreadable: {error}", "reinstall: " + FIX_ALL)
    versions = ", ".join(
        f"{name.split('.')[0]} {data.get('version')} ({data.get('valid_as_of')})" for name, data in headers.items()
    )
    return Check("knowledge base", True, versions)


def _sqlite() -> Check:
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE VIRTUAL TABLE probe USING fts5(body)")
        fts5 = True
    except sqlite3.OperationalError:
        fts5 = False
    finally:
        connection.close()
    detail = f"SQLite {sqlite3.sqlite_version}" + (
        " with FTS5" if fts5 else " WITHOUT FTS5 (full-text search unavailable)"
    )
    return Check("store", fts5, detail, None if fts5 else "use a Python built against SQLite with FTS5")


def _store() -> Check:
    """The store that `ingest`/`search` would use now (--db default, NEWSINT_DB): where, schema, size."""
    from pathlib import Path

    from newsint.errors import NewsintError
    from newsint.store import open_store
    from newsint.store.backend import is_postgres, resolve_location, sqlite_path

    location = resolve_location(None)
    if not is_postgres(location) and not Path(sqlite_path(location)).exists():
        # Opening would create it: say where it will be instead.
        return Check("store data", True, f"{location}: none yet (`newsint ingest` creates it)", required=False)
    try:
        with open_store(location, read_only=True) as store:  # looking must not migrate or change it
            stats = store.stats()
    except NewsintError as error:
        return Check("store data", False, str(error), "check --db / NEWSINT_DB", required=False)
    detail = (
        f"{stats.location} ({stats.backend}, schema {stats.schema_version}): {stats.articles} articles, "
        f"{stats.claims} claims, {stats.failures} failed"
    )
    return Check("store data", True, detail, required=False)
