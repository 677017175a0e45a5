"""``newsint export``: the stored corpus in the formats other tools read.

    jsonl    one Analysis per line (the contract, as ``newsint analyze -f jsonl`` writes it)
    csv      every table as one CSV inside a zip (``--table NAME`` for one table as plain CSV)
    geojson  RFC 7946 FeatureCollection of places with mention counts
    gexf     the actor network (Gephi, networkx)
    acled    ACLED-shaped CSV of deduplicated factual events
    ftm      FollowTheMoney entities as JSON Lines (``--table statements``: FtM statements CSV)

Why a zip for csv: the tables only make sense together (they join on ``article_id`` and item
ids), one file keeps them consistent from one run, and it is what spreadsheet and pandas users
unpack with one call. ``--table`` gives one table as plain CSV for pipes and stdout.

The output is streamed (row by row, article by article for jsonl) into a temporary sibling of
``--out`` and renamed into place at the end: a failure leaves no half-written file and an existing
one untouched, and no export is ever held whole in memory.

Text from the articles is escaped for each format (export/safe_text.py): JSON with C1 and bidi
controls as ``\\u`` escapes, GEXF valid XML 1.0 whatever an entity is named, CSV cells without
formulas or terminal controls (csvfile.py).
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import io
import json
import os
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO, TextIO

from newsint.errors import UsageError
from newsint.export.safe_text import json_safe, xml_safe
from newsint.model import CorpusArticle


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"
    gexf = "gexf"
    acled = "acled"
    ftm = "ftm"


FTM_TABLES = ("entities", "statements")


def render_export(
    export_format: ExportFormat,
    articles: Iterable[CorpusArticle],
    table: str | None = None,
    min_confidence: float = 0.0,
) -> bytes:
    """The whole export as bytes (UTF-8 text, or a zip for csv without ``table``): small corpora, tests."""
    buffer = io.BytesIO()
    stream_export(export_format, articles, table, buffer, min_confidence)
    return buffer.getvalue()


def stream_export(
    export_format: ExportFormat,
    articles: Iterable[CorpusArticle],
    table: str | None,
    stream: BinaryIO,
    min_confidence: float = 0.0,
) -> None:
    """Write the export to ``stream`` as it is produced, never whole in memory.

    jsonl reads ``articles`` once, one at a time, so an iterator straight from the store keeps
    one article in memory. The other formats are about the corpus as a whole (resolved entities,
    deduplicated events, figures compared across articles) and take several passes over it: they
    get the articles as a list.

    ``min_confidence``: every format but jsonl holds only the events at or above it (the CLI's
    default is DEFAULT_MIN_CONFIDENCE); jsonl is the Analysis contract and keeps every event.
    """
    check_table(export_format, table)
    if export_format is not ExportFormat.jsonl and min_confidence > 0:
        articles = [_confident_events_only(a, min_confidence) for a in articles]
    if export_format is ExportFormat.gexf:
        import networkx as nx

        from newsint.corpus.network import actor_network

        # networkx writes control characters in names as they are, which makes the whole file
        # invalid XML; the graph is small (one node per actor), so it is serialised, then fixed.
        serialised = io.BytesIO()
        nx.write_gexf(actor_network(_listed(articles)), serialised)
        stream.write(xml_safe(serialised.getvalue().decode("utf-8")).encode("utf-8"))
        return
    if is_binary(export_format, table):
        from newsint.export.tables import TABLES, write_table_csv

        listed = _listed(articles)
        with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name in TABLES:
                with archive.open(f"{name}.csv", "w") as member, _text(member) as text:
                    write_table_csv(text, name, listed)
        return
    if export_format is ExportFormat.jsonl:
        for article in articles:
            stream.write((json_safe(article.analysis.to_json()) + "\n").encode("utf-8"))
        return
    with _text(stream) as text:
        _write_text_export(export_format, articles, table, text)


def _write_text_export(
    export_format: ExportFormat, articles: Iterable[CorpusArticle], table: str | None, text: TextIO
) -> None:
    if export_format is ExportFormat.csv:
        from newsint.export.tables import write_table_csv

        write_table_csv(text, table or "", _listed(articles))
    elif export_format is ExportFormat.geojson:
        from newsint.export.geojson import corpus_places_geojson

        places = corpus_places_geojson(_listed(articles))
        text.write(json_safe(json.dumps(places, ensure_ascii=False, indent=2)) + "\n")
    elif export_format is ExportFormat.acled:
        from newsint.export.acled import write_acled_csv

        write_acled_csv(text, _listed(articles))
    elif table == "statements":
        from newsint.export.ftm import write_ftm_statements_csv

        write_ftm_statements_csv(text, _listed(articles))
    else:
        from newsint.export.ftm import write_ftm_entities_jsonl

        write_ftm_entities_jsonl(text, _listed(articles))


def _confident_events_only(article: CorpusArticle, min_confidence: float) -> CorpusArticle:
    """The article as the exports show it: its events below ``min_confidence`` left out (a
    shallow copy; the stored Analysis is not changed)."""
    from newsint.extract.events.confidence import confident

    analysis = copy.copy(article.analysis)
    analysis.events = confident(analysis.events, min_confidence)
    return dataclasses.replace(article, analysis=analysis)


@contextlib.contextmanager
def _text(stream: BinaryIO) -> Iterator[TextIO]:
    """UTF-8 text over ``stream``, flushed and detached at the end so ``stream`` stays open."""
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=False)
    try:
        yield text
    finally:
        text.flush()
        text.detach()


def _listed(articles: Iterable[CorpusArticle]) -> Sequence[CorpusArticle]:
    return articles if isinstance(articles, Sequence) else list(articles)


def is_binary(export_format: ExportFormat, table: str | None) -> bool:
    return export_format is ExportFormat.csv and table is None


def write_export(data: bytes | Callable[[BinaryIO], None], out: Path | None) -> None:
    """Write ``data`` (bytes, or a function that writes to a binary stream) to stdout, or to
    ``out`` whole or not at all: into a temporary sibling first, renamed over ``out`` at the end."""
    write = data if callable(data) else (lambda stream: stream.write(data))
    if out is None:
        write(sys.stdout.buffer)
        sys.stdout.flush()
        return
    if out.is_dir():
        raise IsADirectoryError(21, "is a folder", str(out))
    handle, temp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            # mkstemp makes the file 0600; the export should get the mode any new file gets here.
            os.fchmod(stream.fileno(), new_file_mode())
            # On disk before the rename: a crash right after it must not leave an empty --out.
            os.fsync(stream.fileno())
        os.replace(temp, out)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def new_file_mode() -> int:
    """The mode ``open(path, "w")`` would give a new file: 0666 less the process umask."""
    umask = os.umask(0)  # the only way to read it; set straight back
    os.umask(umask)
    return 0o666 & ~umask


def check_table(export_format: ExportFormat, table: str | None) -> None:
    if table is None:
        return
    if export_format is ExportFormat.csv:
        from newsint.export.tables import TABLES

        if table not in TABLES:
            raise UsageError(f"--table must be one of {', '.join(TABLES)}, not {table!r}")
    elif export_format is ExportFormat.ftm:
        if table not in FTM_TABLES:
            raise UsageError(f"--table must be one of {', '.join(FTM_TABLES)} for ftm, not {table!r}")
    else:
        raise UsageError(f"--table applies to csv and ftm, not to {export_format}")
