"""The corpus commands of ``newsint``: brief, claims, entity, timeline, export.

Thin, like the rest of the CLI: read the stored articles, call a plain function from
``newsint.corpus`` or ``newsint.export``, print. A bad option value or a store that fails is
raised as its coded error, which the command group prints as one line (``common.reported``).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import RenderableType

from newsint.cli.common import TABLE_OR_JSON, DbOption, StdoutConsole, TableOrJsonOption, check_choice, writing
from newsint.dates import parse_date_option
from newsint.errors import EmptyInputError, NotFoundError, UsageError
from newsint.export.corpus_export import ExportFormat
from newsint.export.safe_text import json_safe
from newsint.extract.events.confidence import DEFAULT_MIN_CONFIDENCE
from newsint.model import CorpusArticle

if TYPE_CHECKING:
    from newsint.corpus.entities import CorpusEntity, EntityIndex
    from newsint.corpus.profile import EntityProfile
    from newsint.model import Claim
    from newsint.store import Store

CONSOLE_WIDTH = 130
MinConfidenceOption = Annotated[
    float,
    typer.Option(
        "--min-confidence",
        min=0.0,
        max=1.0,
        help="Only events at or above this confidence (0 shows every event; jsonl keeps all).",
    ),
]


def load_corpus(db: str | None) -> list[CorpusArticle]:
    """Every stored article; a missing SQLite file or an empty store is an error, not an empty answer."""
    with stored_articles(db) as articles:
        return list(articles)


@contextlib.contextmanager
def stored_articles(db: str | None) -> Iterator[Iterator[CorpusArticle]]:
    """The stored articles as they are read, one at a time, while the store is open; no store, an
    empty one or one that fails while it is read raises its coded error."""
    from newsint.store import open_store

    # Read-only: a mistyped --db is reported, not answered from a new, empty store left behind, and
    # a store on read-only media can be read.
    with open_store(db, read_only=True) as store:
        articles = store.articles()
        first = next(articles, None)
        if first is None:
            raise EmptyInputError("the store holds no articles: run `newsint ingest FILES` first", path=store.location)
        yield itertools.chain([first], articles)


@contextlib.contextmanager
def stored_corpus(db: str | None) -> Iterator[Store]:
    """The store opened read-only for the database-side views; no store or an empty one raises
    its coded error, as ``stored_articles`` does."""
    from newsint.store import open_store

    with open_store(db, read_only=True) as store:
        if store.stats().articles == 0:
            raise EmptyInputError("the store holds no articles: run `newsint ingest FILES` first", path=store.location)
        yield store


def _print_json_rows(rows: Iterable[dict[str, Any]]) -> None:
    """A JSON list written row by row, byte for byte what ``print(_json(list(rows)))`` prints,
    so that a list of a million rows is never held whole."""
    write = sys.stdout.write
    empty = True
    for row in rows:
        write("[\n" if empty else ",\n")
        write("\n".join("  " + line for line in _json(row).splitlines()))
        empty = False
    write("[]\n" if empty else "\n]\n")


def _print(renderable: RenderableType) -> None:
    console = StdoutConsole(width=CONSOLE_WIDTH if not sys.stdout.isatty() else None, highlight=False)
    console.print(renderable)


def _json(value: Any) -> str:
    """JSON for stdout: C1 and bidi controls in article text as \\u escapes (export/safe_text.py)."""
    return json_safe(json.dumps(value, ensure_ascii=False, indent=2))


def brief(db: DbOption = None) -> None:
    """The corpus at a glance: sources, most named entities, timeline, corroborated and contradicted figures."""
    from newsint.corpus.brief import corpus_brief
    from newsint.export.corpus_text import render_corpus_brief

    _print(render_corpus_brief(corpus_brief(load_corpus(db))))


def claims(
    about: Annotated[str | None, typer.Option("--about", help="Only claims by or about this entity.")] = None,
    contradictions: Annotated[
        bool,
        typer.Option("--contradictions", help="Figures: contradicted and corroborated, with sources on each side."),
    ] = False,
    output_format: TableOrJsonOption = "table",
    db: DbOption = None,
) -> None:
    """Attributed claims across the corpus; with --contradictions, the figures sources agree or disagree on."""
    from newsint.corpus.entities import resolve_entities
    from newsint.corpus.figures import compare_figures, figures_about, report_to_dict
    from newsint.corpus.profile import entity_profile
    from newsint.export.corpus_text import render_claims, render_figures

    check_choice(output_format, TABLE_OR_JSON)
    _check_name(about, "--about")
    if output_format == "json" and about is None and not contradictions:
        # Every claim as a row of the claims table: streamed from the database, page by page.
        from newsint.store.queries import CorpusFilter
        from newsint.store.queries import claims as stored_claims

        with stored_corpus(db) as store:
            _print_json_rows(
                {"article_id": c.article_id, "published": c.published, "claim_id": c.claim_id, "source": c.source,
                 "actor": c.actor, "cue": c.cue, "content": c.content}
                for c in stored_claims(store, CorpusFilter())
            )  # fmt: skip
        return
    articles = load_corpus(db)
    index = resolve_entities(articles)
    entity = _find_entities(index, about)[0] if about is not None else None
    if contradictions:
        report = compare_figures(articles, index)
        if entity is not None:
            report = figures_about(report, entity)
        if output_format == "json":
            print(_json(report_to_dict(report)))
        else:
            _print(render_figures(report, contradictions_only=True))
        return
    profile = entity_profile(entity, articles, index) if entity is not None else None
    if output_format == "json":
        rows = _claim_rows(articles) if profile is None else _profile_rows(profile)
        print(_json(rows))
        return
    _print(render_claims(articles, profile))


def _check_name(name: str | None, what: str) -> None:
    # Every entity's name contains the empty string: '' would print the whole index, not an answer.
    if name is not None and not name.strip():
        raise UsageError(f"{what} is empty: give a name or knowledge-base id")


def _find_entities(index: EntityIndex, name: str) -> list[CorpusEntity]:
    found = index.find(name)
    if not found:
        raise NotFoundError(f"no entity named {name!r} in the store")
    return found


def _claim_rows(articles: list[CorpusArticle]) -> list[dict[str, Any]]:
    return [
        {"article_id": a.article_id, "published": a.analysis.document.published} | _claim_dict(c)
        for a in articles
        for c in a.analysis.claims
    ]


def _claim_dict(claim: Claim) -> dict[str, Any]:
    return {
        "claim_id": claim.id,
        "source": claim.source.text,
        "actor": claim.source.actor,
        "cue": claim.cue,
        "content": claim.content.text,
    }


def _profile_rows(profile: EntityProfile) -> list[dict[str, Any]]:
    return [
        {"relation": relation, "article_id": row.article_id, "published": row.published, "outlet": row.outlet}
        | _claim_dict(row.claim)
        for relation, rows in (("by", profile.claims_by), ("about", profile.claims_about))
        for row in rows
    ]


def entity(
    name: Annotated[str, typer.Argument(help="The entity's name (any of its names) or knowledge-base id.")],
    db: DbOption = None,
) -> None:
    """An entity across the corpus: mentions over time, roles, claims by and about it."""
    from newsint.corpus.entities import resolve_entities
    from newsint.corpus.profile import entity_profile
    from newsint.export.corpus_text import render_profile

    _check_name(name, "the entity name")
    articles = load_corpus(db)
    index = resolve_entities(articles)
    found = _find_entities(index, name)
    for number, corpus_entity in enumerate(found):
        if number:
            _print("")
        _print(render_profile(entity_profile(corpus_entity, articles, index)))


def timeline(
    actor: Annotated[str | None, typer.Option("--actor", help="Actor code, e.g. RUS or 'RUS MIL'.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="From this date (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Up to this date (YYYY-MM-DD).")] = None,
    min_confidence: MinConfidenceOption = DEFAULT_MIN_CONFIDENCE,
    db: DbOption = None,
) -> None:
    """Dated events and claims across the corpus, oldest first."""
    from newsint.corpus.timeline import build_timeline
    from newsint.export.corpus_text import render_timeline

    start, end = parse_date_option(date_from, "--from"), parse_date_option(date_to, "--to")
    if start and end and start > end:
        raise UsageError(f"--from {start} is after --to {end}")
    entries = build_timeline(load_corpus(db), actor=actor, start=start, end=end, min_confidence=min_confidence)
    _print(render_timeline(entries))


def export_corpus(
    output_format: Annotated[
        str, typer.Option("--format", "-f", metavar="[" + "|".join(ExportFormat) + "]", help="Export format.")
    ],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file (whole or not at all).")] = None,
    table: Annotated[
        str | None,
        typer.Option("--table", help="csv: one table as plain CSV; ftm: entities (default) or statements."),
    ] = None,
    min_confidence: MinConfidenceOption = DEFAULT_MIN_CONFIDENCE,
    db: DbOption = None,
) -> None:
    """Export the stored corpus: jsonl, csv, geojson, gexf, acled, ftm."""
    from newsint.export.corpus_export import check_table, is_binary, stream_export, write_export

    check_choice(output_format, ExportFormat)
    export_format = ExportFormat(output_format)
    check_table(export_format, table)
    if out is None and is_binary(export_format, table) and sys.stdout.isatty():
        raise UsageError("csv without --table is a zip of tables: give --out FILE.zip (or --table NAME)")
    if export_format is ExportFormat.jsonl:
        # One article at a time from the store to the file: the corpus is never held whole.
        with stored_articles(db) as articles, writing(out):
            write_export(lambda stream: stream_export(export_format, articles, table, stream, min_confidence), out)
    else:
        corpus = load_corpus(db)
        with writing(out):
            write_export(lambda stream: stream_export(export_format, corpus, table, stream, min_confidence), out)
