"""Article body extraction: newsint's HTML path beside bare trafilatura (F1 of body shingles).

    python benchmarks/extraction.py [DATA_DIR] [--limit N] [--no-record] [--verbose]

The metric and the run live in newsint.eval.bench.extraction; this file is the command.
"""

import sys
from pathlib import Path

from newsint.eval.bench import extraction
from newsint.eval.bench.cli import main

if __name__ == "__main__":
    sys.exit(main(extraction, root=Path(__file__).resolve().parents[1]))
