"""CSV exports neutralise text a spreadsheet would run as a formula (OWASP CSV Injection), and
leave numbers and dates as they are."""

from __future__ import annotations

import csv
import io

import pytest

from newsint.export.acled import COLUMNS as ACLED_COLUMNS
from newsint.export.csvfile import csv_text, spreadsheet_safe
from newsint.export.ftm import ftm_statements_csv
from newsint.export.tables import table_csv
from newsint.model import Analysis, CorpusArticle, Document, Entity, Mention


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1 555 0100", "'+1 555 0100"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-3", "-3"),
        ("-12.5", "-12.5"),
        ("+4,000", "+4,000"),
        (-3, -3),
        (-0.25, -0.25),
        ("2022-03-01", "2022-03-01"),
        ("Kharkiv", "Kharkiv"),
        ("a = b", "a = b"),
        (None, None),
    ],
)
def test_spreadsheet_safe(cell, written) -> None:
    assert spreadsheet_safe(cell) == written


def _article() -> CorpusArticle:
    text = "@Ministry said the total was -3 degrees."
    ministry = Entity(id="E1", name="@Ministry", type="ORG", mentions=[Mention(0, 9, "@Ministry")])
    document = Document(
        id="doc-1", source="=cmd|' /C calc'!A0.txt", text=text, title="=HYPERLINK(\"http://x\",\"click\")",
        published="2022-03-01",
    )  # fmt: skip
    return CorpusArticle(document.id, Analysis(document=document, entities=[ministry]))


def test_the_articles_table_quotes_a_formula_title_but_not_the_date() -> None:
    (row,) = csv.DictReader(io.StringIO(table_csv("articles", [_article()])))
    assert row["title"] == '\'=HYPERLINK("http://x","click")'
    assert row["source"] == "'=cmd|' /C calc'!A0.txt"
    assert row["published"] == "2022-03-01"


def test_ftm_statements_quote_a_formula_name() -> None:
    rows = list(csv.DictReader(io.StringIO(ftm_statements_csv([_article()]))))
    names = [r for r in rows if r["prop"] == "name"]
    assert names and all(r["value"] == "'@Ministry" for r in names)


def test_numbers_stay_numbers_in_any_csv() -> None:
    row = dict.fromkeys(ACLED_COLUMNS, "") | {"latitude": -33.87, "longitude": -70.5, "notes": "-shelling"}
    (written,) = csv.DictReader(io.StringIO(csv_text(ACLED_COLUMNS, [row])))
    assert (written["latitude"], written["longitude"], written["notes"]) == ("-33.87", "-70.5", "'-shelling")
