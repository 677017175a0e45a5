"""Quantities on NewsQuant: CQE's value F1 and value+unit F1.

    python benchmarks/quantities.py [DATA_DIR] [--limit N] [--no-record] [--verbose]

The metric and the run live in newsint.eval.bench.quantities; this file is the command.
"""

import sys
from pathlib import Path

from newsint.eval.bench import quantities
from newsint.eval.bench.cli import main

if __name__ == "__main__":
    sys.exit(main(quantities, root=Path(__file__).resolve().parents[1]))
