"""Shared fixtures: a CLI runner that keeps stdout and stderr apart.

Test modules locate the shared evaluation data themselves, as the repository root's sibling
``shared/`` (``Path(__file__).resolve().parents[N] / ".." / "shared"``), read it at run time and
never copy it into the repository; where it is absent they skip with the reason. (Helpers are
not imported from this file: with several ``conftest.py`` files in folders without
``__init__.py``, ``import conftest`` is ambiguous.)
"""

from __future__ import annotations

import json
import traceback
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from typer.testing import CliRunner


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]

    def json(self):
        return json.loads(self.stdout)

    def jsonl(self) -> list[dict]:
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]


@pytest.fixture
def cli(monkeypatch) -> Callable[..., CliResult]:
    """Run ``newsint`` in-process (typer's CliRunner on ``newsint.cli.app``).

    An exception that escapes the command is added to stderr as the traceback a user would see,
    so "no traceback on stderr" covers it.
    """
    from newsint.cli import app

    monkeypatch.delenv("NEWSINT_MAX_INPUT_BYTES", raising=False)

    def run(*args: object, env: dict[str, str] | None = None) -> CliResult:
        result = CliRunner().invoke(app, [str(a) for a in args], env=env, catch_exceptions=True)
        stderr = result.stderr
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            stderr += "".join(traceback.format_exception(result.exception))
        return CliResult(result.exit_code, result.stdout, stderr)

    return run
