"""Pipeline speed vs bare spaCy in the same run, memory while streaming, cold start.

    python benchmarks/speed.py [DATA_DIR] [--limit N] [--no-record] [--verbose] [--passes N] [--cold-starts N]

The metric and the run live in newsint.eval.bench.speed; this file is the command.
"""

import sys
from pathlib import Path

from newsint.eval.bench import speed
from newsint.eval.bench.cli import main

if __name__ == "__main__":
    sys.exit(main(speed, root=Path(__file__).resolve().parents[1]))
