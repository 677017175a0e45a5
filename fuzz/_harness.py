"""What every harness shares: run it under libFuzzer, or feed it a list of inputs without atheris's
engine (the smoke test does that). Imports nothing of newsint: a module imported here, before a
harness's ``atheris.instrument_imports()`` block, would not be instrumented."""

from __future__ import annotations

import sys
from collections.abc import Callable

import atheris


def main(test_one_input: Callable[[bytes], None]) -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
