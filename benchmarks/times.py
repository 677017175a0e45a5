"""Time expressions on TempEval-3 platinum: strict/relaxed span F1 and value F1.

    python benchmarks/times.py [DATA_DIR] [--limit N] [--no-record] [--verbose]

The metric and the run live in newsint.eval.bench.times; this file is the command.
"""

import sys
from pathlib import Path

from newsint.eval.bench import times
from newsint.eval.bench.cli import main

if __name__ == "__main__":
    sys.exit(main(times, root=Path(__file__).resolve().parents[1]))
