"""Domain entities on re3d dev, beside the base spaCy model (per-label precision/recall/F1).

    python benchmarks/ner.py [DATA_DIR] [--limit N] [--no-record] [--verbose]

The metric and the run live in newsint.eval.bench.ner; this file is the command.
"""

import sys
from pathlib import Path

from newsint.eval.bench import ner
from newsint.eval.bench.cli import main

if __name__ == "__main__":
    sys.exit(main(ner, root=Path(__file__).resolve().parents[1]))
