"""Exports in every format the CLI writes, of the articles the filters select (Aleph #1998, #3126)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from newsint.errors import UsageError
from newsint.export.corpus_export import ExportFormat
from newsint.serve.auth import can_read
from newsint.serve.deps import QueriesDep
from newsint.serve.errors import ApiError
from newsint.serve.filters import FilterParams

router = APIRouter(prefix="/api/1", tags=["exports"], dependencies=[can_read])

MEDIA_TYPES = {
    ExportFormat.jsonl: ("application/x-ndjson", "jsonl"),
    ExportFormat.csv: ("text/csv; charset=utf-8", "csv"),
    ExportFormat.geojson: ("application/geo+json", "geojson"),
    ExportFormat.gexf: ("application/xml", "gexf"),
    ExportFormat.acled: ("text/csv; charset=utf-8", "csv"),
    ExportFormat.ftm: ("application/x-ndjson", "ftm.json"),
}


@router.get("/exports/{export_format}", summary="The filtered corpus as jsonl, csv, geojson, gexf, acled or ftm")
def export(
    export_format: ExportFormat,
    filters: FilterParams,
    q: QueriesDep,
    table: Annotated[str | None, Query(description="csv: one table; ftm: entities or statements.")] = None,
) -> Response:
    try:
        data, binary = q.export(export_format, table, filters)
    except UsageError as error:
        raise ApiError(422, f"query.table: {error.message}") from None
    media, extension = ("application/zip", "zip") if binary else MEDIA_TYPES[export_format]
    name = f"newsint-{export_format}{'-' + table if table else ''}.{extension}"
    # attachment: a browser saves the file rather than rendering article text as a page.
    headers = {"Content-Disposition": f'attachment; filename="{name}"', "X-Content-Type-Options": "nosniff"}
    return Response(data, media_type=media, headers=headers)
