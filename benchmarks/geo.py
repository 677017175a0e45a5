"""Toponyms on LGL and TR-News: recall, accuracy within 161 km, mean error (km).

    python benchmarks/geo.py [DATA_DIR] [--limit N] [--no-record] [--verbose]

The metric and the run live in newsint.eval.bench.geo; this file is the command.
"""

import sys
from pathlib import Path

from newsint.eval.bench import geo
from newsint.eval.bench.cli import main

if __name__ == "__main__":
    sys.exit(main(geo, root=Path(__file__).resolve().parents[1]))
