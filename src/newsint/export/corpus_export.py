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

The output is rendered whole first, then written to a temporary sibling of ``--out`` and renamed
into place: a failure leaves no half-written file and an existing one untouched.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from newsint.corpus.article import CorpusArticle
from newsint.errors import UsageError


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"
    gexf = "gexf"
    acled = "acled"
    ftm = "ftm"


FTM_TABLES = ("entities", "statements")


def render_export(export_format: ExportFormat, articles: Sequence[CorpusArticle], table: str | None = None) -> bytes:
    """The whole export as bytes (UTF-8 text, or a zip for csv without ``table``)."""
    check_table(export_format, table)
    if export_format is ExportFormat.jsonl:
        return "".join(a.analysis.to_json() + "\n" for a in articles).encode("utf-8")
    if export_format is ExportFormat.csv:
        from newsint.export.tables import TABLES, table_csv

        if table:
            return table_csv(table, articles).encode("utf-8")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name in TABLES:
                archive.writestr(f"{name}.csv", table_csv(name, articles))
        return buffer.getvalue()
    if export_format is ExportFormat.geojson:
        from newsint.export.geojson import corpus_places_geojson

        return (json.dumps(corpus_places_geojson(articles), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if export_format is ExportFormat.gexf:
        import networkx as nx

        from newsint.corpus.network import actor_network

        buffer = io.BytesIO()
        nx.write_gexf(actor_network(articles), buffer)
        return buffer.getvalue()
    if export_format is ExportFormat.acled:
        from newsint.export.acled import acled_csv

        return acled_csv(articles).encode("utf-8")
    from newsint.export.ftm import ftm_entities_jsonl, ftm_statements_csv

    if table == "statements":
        return ftm_statements_csv(articles).encode("utf-8")
    return ftm_entities_jsonl(articles).encode("utf-8")


def is_binary(export_format: ExportFormat, table: str | None) -> bool:
    return export_format is ExportFormat.csv and table is None


def write_export(data: bytes, out: Path | None) -> None:
    """Write to stdout, or to ``out`` whole or not at all."""
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    if out.is_dir():
        raise IsADirectoryError(21, "is a folder", str(out))
    handle, temp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
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
