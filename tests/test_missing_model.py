"""No spaCy model installed: every command that needs it stops with one coded line naming the fix.

The model is found by import name (``newsint.nlp.model.MODEL_CANDIDATES``, through
``importlib.util.find_spec``); each run below is a fresh ``newsint`` process in which those names
point at a package that does not exist, which is what a venv without the model looks like to it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TEXT = REPO / "examples" / "example-wire-drills-extended.txt"
NO_MODEL = (("newsint_test_no_such_model", "newsint_test_no_such_model"),)
# `newsint ARGS...` in a process whose model candidates name nothing installed.
WITHOUT_MODEL = (
    "import sys\n"
    "import newsint.nlp.model as model\n"
    f"model.MODEL_CANDIDATES = {NO_MODEL!r}\n"
    "from newsint.cli import main\n"
    "sys.argv[0] = 'newsint'\n"
    "main()\n"
)
EXPECTED = (
    "newsint: error: no English spaCy model installed: run bash scripts/setup "
    "(or: pip install -r requirements.lock) [N300]"
)


def _newsint_without_model(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_MODEL, *(str(a) for a in args)],
        capture_output=True,
        text=True,
        timeout=300,
    )


def _gold_file(tmp_path: Path) -> Path:
    # The model check comes before any gold file is read; a real one keeps the run honest.
    shared = REPO / ".." / "shared" / "gold" / "belarus-staging-area.yaml"
    if shared.exists():
        return shared
    path = tmp_path / "gold.yaml"
    path.write_text("document: x\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["analyze", "analyze-many", "ingest", "eval"])
def test_a_missing_model_is_one_coded_line_and_a_non_zero_exit(tmp_path, command) -> None:
    db = tmp_path / "store.db"
    args = {
        "analyze": ("analyze", TEXT),
        "analyze-many": ("analyze", TEXT, TEXT, TEXT),  # one line for the run, not one per input
        "ingest": ("ingest", TEXT, "--db", db),
        "eval": ("eval", _gold_file(tmp_path)),
    }[command]
    done = _newsint_without_model(*args)
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines() == [EXPECTED]
    assert done.stdout == ""
    assert not db.exists()  # ingest stopped before creating the store


def test_doctor_still_reports_the_missing_model_and_its_fix() -> None:
    done = _newsint_without_model("doctor")
    assert done.returncode == 1  # a required component is missing
    (row,) = [line for line in done.stdout.splitlines() if " model " in line]
    assert "MISSING" in row and "no English spaCy model installed" in row and "bash scripts/setup" in row


def test_loading_the_model_through_the_api_raises_the_coded_error(monkeypatch) -> None:
    from newsint.errors import SetupError
    from newsint.nlp import model

    monkeypatch.setattr(model, "MODEL_CANDIDATES", NO_MODEL)
    with pytest.raises(SetupError) as raised:
        model._load()  # what load_nlp() and newsint_nlp() call (they cache a model once loaded)
    assert str(raised.value) == EXPECTED.removeprefix("newsint: error: ")
    assert raised.value.code == "N300"
