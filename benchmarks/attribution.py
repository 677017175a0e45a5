"""Attributed claims on PolNeAR dev: source, cue and content precision/recall/F1.

    python benchmarks/attribution.py [DATA_DIR] [--limit N] [--no-record] [--verbose]

The metric and the run live in newsint.eval.bench.attribution; this file is the command.
"""

import sys
from pathlib import Path

from newsint.eval.bench import attribution
from newsint.eval.bench.cli import main

if __name__ == "__main__":
    sys.exit(main(attribution, root=Path(__file__).resolve().parents[1]))
