"""Text from an input is data: never rich markup, never terminal control, never HTML.

Hostile strings (rich markup, ANSI/OSC/C1 escape sequences, carriage-return and backspace tricks,
HTML and Markdown links, bidi overrides, NUL) are put in the text, title, outlet and URL of JSON
Lines articles, in an HTML page and in file names, ingested into a real SQLite store and shown by
every renderer: ``analyze`` in each format, ``brief``, ``claims``, ``timeline``, ``entity``,
``search``, ``failed`` and each ``export`` format. Each must exit 0 with no traceback, write no
control character (so no ESC ] 8 hyperlink either), and still show the hostile words as text.

Two stores: one ingested now (the JSON Lines reader drops controls, so its controls come from file
names), and one as an older version wrote it, holding the raw controls in every text column: the
same corpus ingested with plain placeholder words, then each placeholder replaced in the database
by its hostile string of the same length (so every stored offset stays true).
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsint.export.corpus_export import ExportFormat
from newsint.export.safe_text import json_safe, markdown_url, xml_safe
from newsint.export.sink import OutputFormat
from newsint.export.tables import TABLES

# name: (hostile string, the words of it that must still be shown). The words are short and start
# the longest word of the string, so a table that folds or ellipsises a long cell still shows them.
HOSTILE: dict[str, tuple[str, str]] = {
    "markup-close": ("highly unlikely [/i]", "[/i]"),
    "markup-link": ("[link=https://evil.example]Reuters[/link]", "[link="),
    "markup-style": ("[bold red]alarm[/bold red]", "[bold"),
    "osc8-hyperlink": ("\x1b]8;;https://evil.example\x1b\\ clickhere \x1b]8;;\x1b\\", "clickhere"),
    "csi-clear-screen": ("\x1b[2J\x1b[H cleared", "cleared"),
    "c1-csi": ("\x9b31m crimson", "crimson"),
    "bel-bs-cr": ("ring\x07 back\x08\x08 over\r written", "written"),
    "script": ("<script>alert(1)</script>", "<script>"),
    "markdown-js-link": ("[x](javascript:alert(1))", "[x](javascript"),
    "img-onerror": ("<img src=x onerror=alert(1)>", "onerror="),
    "bidi-override": ("invoice\u202etxt.exe\u202c report", "txt.exe"),
    "nul": ("nul\x00byte", "byte"),  # "nulbyte" once read, "nul\ufffdbyte" in a gold file
}
# An older version never stored NUL (the cleaner has always dropped it): not in the older store.
OLD_STORE_HOSTILE = {name: value for name, value in HOSTILE.items() if name != "nul"}
# In the older store a place's name holds controls too, so the GEXF and GeoJSON carry them.
KHARKIV = "Kharkiv"
KHARKIV_HOSTILE = "K\x1b[2J\u202ev"  # as long as "Kharkiv": every offset in the store stays true
assert len(KHARKIV_HOSTILE) == len(KHARKIV)
# Made into file names (no "/" in a name: "[/b]" comes from the folder "x[").
FILE_NAME_HOSTILE = "\x1b[2J cleared [bold red] <img src=x onerror=alert(1)> \x9b31m \u202eexe"
FILE_NAME_WORDS = ("cleared", "[bold", "onerror=", "[/b]")

# Nothing a terminal obeys: C0 but newline and tab, DEL, C1, bidi embeddings/overrides/isolates.
UNSHOWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

PLACES = ["Kharkiv", "Mariupol", "Kherson", "Sumy", "Izium", "Bakhmut", "Avdiivka", "Lysychansk"]


def _record(number: int, name: str, hostile: str) -> dict[str, str]:
    # Short, different texts: none is a near-duplicate of another (each is its own article).
    other = PLACES[1 + number % (len(PLACES) - 1)]
    url = f"https://example.com/{number}?q={hostile}"
    return {
        "title": f"Title {hostile}",
        "source": f"Outlet {hostile}",
        "url": f"javascript:alert(1)//{hostile}" if name == "markdown-js-link" else url,
        "date": f"2022-03-{number + 4:02d}",
        "text": (
            f"The Ukrainian defence ministry said on {number + 3} March 2022 that Russian forces shelled "
            f"{KHARKIV}, killing {40 + number} civilians. {hostile} Officials in {other} reported "
            f"{number + 2} more strikes."
        ),
    }


def _write_inputs(folder: Path, hostile: dict[str, str], file_name_part: str) -> tuple[list[Path], list[Path]]:
    """The inputs that analyse (JSON Lines, text, HTML) and the ones that fail (empty files)."""
    feed = folder / "hostile.jsonl"
    records = [_record(n, name, value) for n, (name, value) in enumerate(hostile.items())]
    feed.write_text("".join(json.dumps(record) + "\n" for record in records), "utf-8")
    (folder / "x[").mkdir()
    markup_named = folder / "x[" / "b]y.txt"
    markup_named.write_text(
        "Shelling reported [/i] here\n\nThe Ukrainian defence ministry said that [bold red]Russian[/bold red] "
        "forces shelled Kharkiv on 2 March 2022, killing 12 civilians.\n",
        "utf-8",
    )
    control_named = folder / f"report {file_name_part}.txt"
    control_named.write_text(
        "Strikes near Sumy\n\nThe regional governor said that Russian artillery hit Sumy on 1 March 2022, "
        "wounding 9 people.\n",
        "utf-8",
    )
    page = folder / "hostile.html"
    paragraph = (
        "The border guard service said that Russian helicopters crossed into Ukraine near Chernihiv on "
        "5 March 2022. \x9b31m crimson \x9d8;;https://evil.example\x9c and invoice\u202etxt.exe\u202c report. "
    )
    page.write_text(
        f"<html><head><title>Helicopters over Chernihiv</title></head><body><article><p>{paragraph * 2}</p>"
        f"<p>{paragraph}</p></article></body></html>",
        "utf-8",
    )
    failing = [folder / "x[" / "b]empty.txt", folder / f"empty {file_name_part}.txt"]
    for path in failing:
        path.write_text("", "utf-8")
    # A gold file for `newsint eval` whose items (printed when missed) are the hostile strings.
    (folder / "gold").mkdir()
    entities = [{"name": value, "type": "PERSON"} for value in hostile.values()]
    claims = [{"source_text": value, "cue": "said", "content_contains": value} for value in hostile.values()]
    gold = {"article": "x[/b]y.txt", "entities": entities, "claims": claims}
    (folder / "gold" / "hostile.yaml").write_text(json.dumps(gold), "utf-8")  # JSON is YAML
    return [feed, markup_named, control_named, page], failing


def _ingest(paths: list[Path], db: Path) -> None:
    from newsint.cli import app

    result = CliRunner().invoke(app, ["ingest", *map(str, paths), "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 1, result.output  # the empty files fail, the rest are stored
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 2 and all(e.startswith("newsint: error: ") and "[N002]" in e for e in errors)
    assert not UNSHOWABLE.search(result.stderr)  # an error line names the file, never obeys it


@pytest.fixture(scope="module")
def hostile_inputs(tmp_path_factory) -> tuple[list[Path], list[Path]]:
    """(the inputs that analyse, the ones that fail); the folder also holds gold/hostile.yaml."""
    return _write_inputs(tmp_path_factory.mktemp("hostile"), {k: v for k, (v, _) in HOSTILE.items()}, FILE_NAME_HOSTILE)


@pytest.fixture(scope="module")
def fresh_store(hostile_inputs, tmp_path_factory) -> str:
    db = tmp_path_factory.mktemp("fresh") / "newsint.db"
    _ingest([*hostile_inputs[0], *hostile_inputs[1]], db)
    return str(db)


def _placeholder(number: int, length: int) -> str:
    """Letters only (every reader and stage keeps them as they are), as long as the hostile string."""
    return (f"Zq{number:02d}" + "x" * length)[:length]


@pytest.fixture(scope="module")
def old_store(tmp_path_factory) -> str:
    """The corpus as a version without control stripping stored it: raw controls in every text column."""
    folder = tmp_path_factory.mktemp("old")
    placeholders = {name: _placeholder(n, len(h)) for n, (name, (h, _)) in enumerate(OLD_STORE_HOSTILE.items())}
    file_name_placeholder = _placeholder(99, len(FILE_NAME_HOSTILE))
    swaps = {placeholders[name]: hostile for name, (hostile, _) in OLD_STORE_HOSTILE.items()}
    swaps |= {KHARKIV: KHARKIV_HOSTILE, file_name_placeholder: FILE_NAME_HOSTILE}
    inputs, failing = _write_inputs(folder, placeholders, file_name_placeholder)
    db = folder / "newsint.db"
    _ingest([*inputs, *failing], db)
    with sqlite3.connect(db) as connection:
        tables = [
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not name.startswith(("search_index_", "sqlite_"))
        ]
        for table in tables:
            for column in [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]:
                for placeholder, hostile in swaps.items():
                    # JSON columns (the analysis) hold the string escaped as JSON writes it.
                    connection.execute(
                        f"UPDATE {table} SET {column} = CASE WHEN json_valid({column}) "
                        f"AND substr({column}, 1, 1) IN ('{{', '[') THEN replace({column}, ?, ?) "
                        f"ELSE replace({column}, ?, ?) END WHERE typeof({column}) = 'text'",
                        (placeholder, json.dumps(hostile)[1:-1], placeholder, hostile),
                    )
        held = connection.execute("SELECT count(*) FROM articles WHERE analysis LIKE '%\\u001b%'").fetchone()[0]
        assert held, "the older store holds no ESC: the test would prove nothing"
    return str(db)


# (command, what its output is, whether it shows each article's title/outlet/URL)
STORE_COMMANDS: list[tuple[list[str], str, bool]] = [
    (["brief"], "terminal", True),
    (["claims"], "terminal", True),
    (["claims", "--contradictions"], "terminal", True),
    (["claims", "-f", "json"], "json", False),
    (["timeline"], "terminal", True),
    (["entity", "geonames:706483"], "terminal", True),  # Kharkiv, by its id (the older store renamed it)
    (["search", "civilians", "--limit", "50"], "terminal", True),
    (["search", "civilians", "--limit", "50", "-f", "json"], "json", True),
    (["failed"], "terminal", False),
    (["failed", "-f", "json"], "json", False),
    (["export", "-f", "jsonl"], "json", True),
    (["export", "-f", "geojson"], "json", False),
    (["export", "-f", "gexf"], "xml", False),
    (["export", "-f", "acled"], "csv", False),
    (["export", "-f", "ftm"], "json", False),
    (["export", "-f", "ftm", "--table", "statements"], "csv", True),
    (["export", "-f", "csv"], "zip", True),
    *[(["export", "-f", "csv", "--table", table], "csv", table == "articles") for table in TABLES],
]
# analyze --format: what its output is, whether it shows each article's title/outlet/URL
ANALYZE_FORMATS: dict[str, tuple[str, bool]] = {
    "brief": ("terminal", True),
    "json": ("json", True),
    "jsonl": ("json", True),
    "markdown": ("markdown", True),
    "geojson": ("json", False),
    "acled": ("csv", False),
}
CASES = [
    *[
        pytest.param(None, ["analyze", "-f", output_format], kind, shows, id=f"analyze-{output_format}")
        for output_format, (kind, shows) in ANALYZE_FORMATS.items()
    ],
    pytest.param(None, ["eval", "-f", "table"], "terminal", True, id="eval-table"),
    pytest.param(None, ["eval", "-f", "json"], "json", True, id="eval-json"),
    *[
        pytest.param(store, args, kind, shows, id=f"{store}-{'-'.join(args)}")
        for store in ("fresh", "old")
        for args, kind, shows in STORE_COMMANDS
    ],
]


def test_every_format_is_covered() -> None:
    assert set(ANALYZE_FORMATS) == set(OutputFormat)
    assert {args[2] for args, _, _ in STORE_COMMANDS if args[0] == "export"} == set(ExportFormat)


@pytest.mark.parametrize(("store", "args", "kind", "shows"), CASES)
def test_every_renderer_shows_hostile_input_as_text(request, cli, tmp_path, hostile_inputs, store, args, kind, shows):
    if args[0] == "eval":
        result = cli(*args, hostile_inputs[0][0].parent / "gold" / "hostile.yaml")
    elif store is None:
        result = cli(*args, *hostile_inputs[0])
    else:
        db = request.getfixturevalue(f"{store}_store")
        out = [] if kind != "zip" else ["--out", tmp_path / "tables.zip"]
        result = cli(*args, "--db", db, *out)
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    output = _output(result.stdout, kind, tmp_path / "tables.zip")
    found = UNSHOWABLE.search(output)
    assert found is None, f"{found.group()!r} written in {output[found.start() - 40 : found.end() + 40]!r}"

    shown = _shown(output, kind)
    if kind == "markdown":
        assert "<script" not in output.lower() and "<img" not in output.lower()
        assert "](javascript:" not in output.lower() and "<javascript:" not in output.lower()
    if kind == "xml":
        ET.fromstring(output.encode("utf-8"))  # valid XML 1.0, whatever the names held
    expected = HOSTILE if store != "old" else OLD_STORE_HOSTILE
    if shows:
        missing = [name for name, (_, words) in expected.items() if words not in shown]
        assert not missing, f"hostile input no longer shown as text: {missing}"
    if args[0] == "failed":
        assert all(words in shown for words in FILE_NAME_WORDS), shown


def _output(stdout: str, kind: str, archive: Path) -> str:
    if kind != "zip":
        return stdout
    with zipfile.ZipFile(archive) as tables:
        return "".join(tables.read(name).decode("utf-8") for name in tables.namelist())


def _shown(output: str, kind: str) -> str:
    """The text a reader of this output sees: Markdown and XML escapes undone."""
    if kind == "markdown":
        return html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", output))
    if kind == "xml":
        return html.unescape(output)
    return output


# --------------------------------------------------------------------------------------------
# The sanitisers' promises on their own: JSON and XML keep the data, Markdown links only the web.


def test_json_as_json_dumps_writes_it_carries_c1_and_bidi_raw_and_json_safe_escapes_them_losslessly() -> None:
    value = {"title": "a\x1b[2J b\x9b31m c\x7f d\u202eevil\u2066e", "n": [1, "\x85"]}
    raw = json.dumps(value, ensure_ascii=False)
    assert "\x9b" in raw and "\u202e" in raw  # why json_safe exists: ensure_ascii=False keeps them
    safe = json_safe(raw)
    assert not UNSHOWABLE.search(safe)
    assert json.loads(safe) == value


def test_xml_safe_keeps_the_file_valid_and_what_xml_can_hold_exact() -> None:
    label = "K\x1b[2J \x9b31m \u202eevil\r\x00"
    element = ET.Element("node", label=label)
    element.text = label
    safe = xml_safe(ET.tostring(element, encoding="unicode"))
    assert not UNSHOWABLE.search(safe)
    parsed = ET.fromstring(safe)
    # ESC and NUL cannot be in XML 1.0 at all: replaced; C1, bidi and CR come back as they were.
    expected = "K\ufffd[2J \x9b31m \u202eevil\r\ufffd"
    assert parsed.get("label") == expected and parsed.text == expected


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
     "vbscript:msgbox(1)", "file:///etc/passwd", "java\tscript:alert(1)", "https://evil.example/\x1b]8;;x"],
)  # fmt: skip
def test_markdown_links_only_web_urls(url) -> None:
    shown = markdown_url(url)
    assert not shown.startswith("<") and "](" not in shown and "<script" not in shown
    assert markdown_url("https://example.com/a b?q=<x>") == "<https://example.com/a%20b?q=%3Cx%3E>"
