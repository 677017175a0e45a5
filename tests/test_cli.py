"""`newsint analyze` with bad input, output files and output formats.

Every error a user can cause gives exactly one line on stderr, ``newsint: error: <file>: <reason>
[code]``, and a non-zero exit; the other files of the same run are still processed unless
``--fail-fast``; never a traceback. ``--out`` is written whole or not at all.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
GOOD_TEXT = EXAMPLES / "example-wire-drills-extended.txt"
SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "seed" / "belarus-staging-area.txt"

ARTICLE = (
    "Belarus says joint drills with Russia will continue\n\n"
    "Belarus said on Sunday that its joint military drills with Russia would go on.\n\n"
    "The statement did not say how long the exercises would now last.\n"
)


def _pdf_bytes() -> bytes:
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 (a dev dependency) makes the test PDFs")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "Belarus says joint drills with Russia will continue")
    pdf.ln(4)
    pdf.multi_cell(0, 6, "Belarus said on Sunday that its joint military drills with Russia would go on. " * 6)
    return bytes(pdf.output())


def _encrypted_pdf(user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf_bytes())))
    writer.encrypt(user_password=user_password, owner_password="owner-secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_bad(kind: str, tmp: Path) -> Path:
    """A bad input of the given kind in ``tmp``; returns the path to pass on the command line."""
    if kind == "empty":
        (path := tmp / "empty.txt").write_bytes(b"")
    elif kind == "blank":
        (path := tmp / "blank.txt").write_bytes(b"  \n\n\t \n")
    elif kind == "binary":
        (path := tmp / "photo.txt").write_bytes(b"\x00\x01\x02\x03binary\xff\xfe\x00" * 200)
    elif kind == "invalid-utf8":
        (path := tmp / "broken.txt").write_bytes("Café and ".encode() + b"\xc3\x28" + b" then more text.\n")
    elif kind == "too-large":
        (path := tmp / "huge.txt").write_text("Belarus said on Sunday. " * 200, encoding="utf-8")
    elif kind == "deep-html":
        depth = 100_000
        page = "<html><body>" + "<div>" * depth + "<p>Deep text.</p>" + "</div>" * depth + "</body></html>"
        (path := tmp / "deep.html").write_text(page, encoding="utf-8")
    elif kind == "encrypted-pdf":
        (path := tmp / "locked.pdf").write_bytes(_encrypted_pdf("secret"))
    elif kind == "truncated-pdf":
        data = _pdf_bytes()
        (path := tmp / "cut.pdf").write_bytes(data[: len(data) // 2])
    elif kind == "missing":
        path = tmp / "no-such-article.txt"
    elif kind == "empty-folder":
        (path := tmp / "inbox").mkdir()
        (path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")  # hidden files are not read
    else:  # pragma: no cover
        raise AssertionError(kind)
    return path


# kind -> (words the reason must contain, error code, extra options)
BAD_INPUTS = {
    "empty": ("empty", "N002", []),
    "blank": ("empty", "N002", []),
    "binary": ("binary", "N004", []),
    "invalid-utf8": ("invalid UTF-8 at byte 10", "N005", []),
    "too-large": ("size limit", "N003", ["--max-bytes", "3000"]),  # the good file is 2,288 bytes
    "deep-html": ("nested", "N007", []),
    "encrypted-pdf": ("encrypted", "N008", []),
    "truncated-pdf": ("truncated", "N007", []),
    "missing": ("no such file", "N001", []),
    "empty-folder": ("no readable files", "N001", []),
}


def assert_one_error_line(result, path: Path, words: str, code: str) -> None:
    assert result.exit_code != 0
    assert "Traceback" not in result.stderr
    assert len(result.error_lines) == 1, result.stderr
    (line,) = result.error_lines
    assert line.startswith(f"newsint: error: {path}: "), line
    assert words.lower() in line.lower()
    assert line.endswith(f"[{code}]")


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_bad_input_is_one_clear_line_and_the_other_files_still_run(cli, tmp_path, kind):
    words, code, options = BAD_INPUTS[kind]
    bad = make_bad(kind, tmp_path)
    result = cli("analyze", GOOD_TEXT, bad, "--format", "jsonl", *options)
    assert_one_error_line(result, bad, words, code)
    assert result.exit_code == 1
    (analysis,) = result.jsonl()  # the good file was analysed and written
    assert analysis["document"]["source"] == str(GOOD_TEXT)


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_fail_fast_stops_at_the_first_bad_input(cli, tmp_path, kind):
    words, code, options = BAD_INPUTS[kind]
    bad = make_bad(kind, tmp_path)
    other = make_bad("binary", tmp_path) if kind != "binary" else make_bad("empty", tmp_path)
    result = cli("analyze", bad, other, GOOD_TEXT, "--fail-fast", "--format", "jsonl", *options)
    assert_one_error_line(result, bad, words, code)
    assert result.stdout == ""  # neither the other bad file nor the good one was read


def test_fail_fast_reports_only_the_first_failure_in_argument_order(cli, tmp_path):
    first = make_bad("empty", tmp_path)
    result = cli("analyze", first, tmp_path / "nope1.txt", tmp_path / "nope2.txt", GOOD_TEXT, "--fail-fast")
    assert_one_error_line(result, first, "empty", "N002")


def test_size_limit_from_the_environment(cli, tmp_path):
    bad = make_bad("too-large", tmp_path)
    result = cli("analyze", bad, GOOD_TEXT, "--format", "jsonl", env={"NEWSINT_MAX_INPUT_BYTES": "3000"})
    assert_one_error_line(result, bad, "size limit", "N003")
    assert len(result.jsonl()) == 1
    # Without the limit the same file is an article.
    assert cli("analyze", bad, "--format", "jsonl").exit_code == 0


def test_hostile_nesting_is_refused_quickly_and_shallow_html_is_fine(cli, tmp_path):
    import time

    bad = make_bad("deep-html", tmp_path)
    started = time.perf_counter()
    result = cli("analyze", bad, "--format", "jsonl")
    assert time.perf_counter() - started < 10
    assert_one_error_line(result, bad, "nested", "N007")
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Drills go on</title></head><body><article><h1>Drills go on</h1>"
        + "<div>" * 40
        + "<p>Belarus said on Sunday that its joint military drills with Russia would go on, "
        "prolonging the presence of Russian troops near Ukraine's northern border.</p>"
        + "</div>" * 40
        + "</article></body></html>",
        encoding="utf-8",
    )
    assert cli("analyze", page, "--format", "jsonl").exit_code == 0


def test_pdf_encrypted_with_an_empty_password_is_read(cli, tmp_path):
    path = tmp_path / "restricted.pdf"
    path.write_bytes(_encrypted_pdf(""))
    result = cli("analyze", path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "would go on" in result.json()["document"]["text"]


@pytest.mark.parametrize("value", ["2022-13-45", "yesterday", "11/02/2022", ""])
def test_bad_published_date(cli, value):
    result = cli("analyze", GOOD_TEXT, "--published", value, "--format", "json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    (line,) = result.error_lines
    assert line.startswith("newsint: error: --published must be a date like")
    assert repr(value) in line


def test_all_inputs_failing_exits_non_zero_with_one_line_each(cli, tmp_path):
    bad = [make_bad(kind, tmp_path) for kind in ("empty", "binary", "missing")]
    result = cli("analyze", *bad, "--format", "json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(result.error_lines) == 3
    assert {line.split(": ")[2] for line in result.error_lines} == {str(p) for p in bad}


# --- --out: whole or nothing ----------------------------------------------------------------


def test_out_file_is_written_whole(cli, tmp_path):
    out = tmp_path / "result.json"
    result = cli("analyze", GOOD_TEXT, "--format", "json", "--out", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text("utf-8"))["document"]["source"] == str(GOOD_TEXT)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["result.json"]  # no temporary left behind


def test_out_is_not_clobbered_when_every_input_fails(cli, tmp_path):
    out = tmp_path / "result.json"
    out.write_text("previous results\n", encoding="utf-8")
    bad = make_bad("empty", tmp_path)
    result = cli("analyze", bad, make_bad("binary", tmp_path), "--format", "json", "--out", out)
    assert result.exit_code == 1
    assert out.read_text("utf-8") == "previous results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["result.json", "empty.txt", "photo.txt"])


def test_out_is_not_replaced_by_a_fail_fast_stop(cli, tmp_path):
    out = tmp_path / "result.jsonl"
    out.write_text("previous results\n", encoding="utf-8")
    result = cli("analyze", GOOD_TEXT, make_bad("empty", tmp_path), "--fail-fast", "--format", "jsonl", "--out", out)
    assert result.exit_code == 1
    assert out.read_text("utf-8") == "previous results\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_out_keeps_the_good_results_of_a_run_with_some_failures(cli, tmp_path):
    out = tmp_path / "result.jsonl"
    out.write_text("previous results\n", encoding="utf-8")
    result = cli("analyze", GOOD_TEXT, make_bad("empty", tmp_path), "--format", "jsonl", "--out", out)
    assert result.exit_code == 1 and len(result.error_lines) == 1
    (line,) = out.read_text("utf-8").splitlines()
    assert json.loads(line)["document"]["source"] == str(GOOD_TEXT)


def test_out_in_a_place_that_cannot_exist_fails_cleanly(cli, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    out = blocker / "sub" / "result.json"
    result = cli("analyze", GOOD_TEXT, "--format", "json", "--out", out)
    assert result.exit_code != 0
    assert "Traceback" not in result.stderr
    (line,) = result.error_lines
    assert line.startswith("newsint: error: ") and str(out) in line
    assert blocker.read_text("utf-8") == "not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_out_naming_an_existing_folder_fails_cleanly(cli, tmp_path):
    folder = tmp_path / "results"
    folder.mkdir()
    result = cli("analyze", GOOD_TEXT, "--format", "json", "--out", folder)
    assert result.exit_code != 0
    assert "Traceback" not in result.stderr
    (line,) = result.error_lines
    assert str(folder) in line
    assert list(folder.iterdir()) == [] and not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user for permissions")
def test_out_in_a_read_only_folder_fails_cleanly(cli, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = cli("analyze", GOOD_TEXT, "--format", "json", "--out", locked / "result.json")
        assert result.exit_code != 0 and "Traceback" not in result.stderr
        assert len(result.error_lines) == 1
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)


# --- progress bar and formats ---------------------------------------------------------------


def test_progress_bar_does_not_break_json_on_stdout(tmp_path):
    """A real process with a terminal forced on stderr: the bar is drawn there, stdout stays JSON."""
    files = [EXAMPLES / name for name in (
        "borderland-monitor-belarus-buildup.txt", "eastern-flank-zapad-2021.pdf",
        "eastern-marches-union-resolve.html", "example-wire-drills-extended.txt",
    )]  # fmt: skip
    env = {**os.environ, "FORCE_COLOR": "1", "TTY_COMPATIBLE": "1", "COLUMNS": "100"}
    env.pop("NEWSINT_MAX_INPUT_BYTES", None)
    command = [sys.executable, "-m", "newsint", "analyze", *map(str, files), "--format", "json"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "analysing" in done.stderr  # the bar really ran
    assert "Traceback" not in done.stderr
    analyses = json.loads(done.stdout)
    assert [a["document"]["source"] for a in analyses] == [str(f) for f in files]


def test_json_is_one_object_for_one_input_and_an_array_for_several(cli):
    one = cli("analyze", GOOD_TEXT, "--format", "json")
    assert one.exit_code == 0
    assert isinstance(one.json(), dict) and one.json()["schema"] == "newsint.analysis/1"
    several = cli("analyze", GOOD_TEXT, EXAMPLES / "meridian-wire-feed.jsonl", "--format", "json")
    assert several.exit_code == 0
    assert several.json()[0]["document"]["title"] == one.json()["document"]["title"]
    assert len(several.json()) == 4


def test_jsonl_is_one_analysis_per_line(cli):
    result = cli("analyze", EXAMPLES / "meridian-wire-feed.jsonl", GOOD_TEXT, "--format", "jsonl")
    lines = result.stdout.splitlines()
    assert len(lines) == 4
    for line in lines:
        assert json.loads(line)["schema"] == "newsint.analysis/1"


def test_markdown_shape(cli):
    result = cli("analyze", GOOD_TEXT, "--format", "markdown")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("# Belarus says joint drills with Russia will continue past Feb. 20\n")
    assert "- **Byline:** Anna Leitner" in text
    assert "\nBelarus said on Sunday that its joint military drills" in text
    assert "{" not in text  # not JSON
    two = cli("analyze", GOOD_TEXT, EXAMPLES / "borderland-monitor-belarus-buildup.txt", "--format", "markdown")
    assert two.stdout.count("\n---\n") == 1 and len(re.findall(r"^# ", two.stdout, re.M)) == 2


def test_brief_shape(cli):
    result = cli("analyze", GOOD_TEXT)  # brief is the default
    assert result.exit_code == 0
    text = result.stdout
    assert "Belarus says joint drills with Russia will continue past Feb. 20" in text
    assert "Anna Leitner" in text and "MINSK, Feb 20 (Example Wire) -" in text
    assert "\x1b[" not in text  # no colour codes when stdout is not a terminal
    assert not text.lstrip().startswith("{")
    assert all(len(line) <= 110 for line in text.splitlines())


def test_seed_json_validates_against_the_shipped_schema(cli):
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED.resolve()}")
    import jsonschema

    from newsint.model import load_schema

    result = cli("analyze", SEED, "--published", "2022-02-11", "--format", "json")
    assert result.exit_code == 0
    jsonschema.Draft202012Validator(load_schema()).validate(result.json())
    broken = result.json()
    broken["document"]["paragraphs"][0]["kind"] = "headline"
    assert not jsonschema.Draft202012Validator(load_schema()).is_valid(broken)


def test_no_arguments_prints_help_not_a_traceback(cli):
    result = cli("analyze")
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
