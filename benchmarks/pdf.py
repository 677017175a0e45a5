"""Articles kept as PDF (issue #21): body F1 of printed pages beside raw pypdf text, and the
document fields of PDF exports pasted as text; tuning and checking halves apart.

    python benchmarks/pdf.py [DATA_DIR] [--limit N] [--no-record] [--verbose]

DATA_DIR is shared/data (it reads pdfprint/, pdfexport/ and extraction/ground-truth.json).
The metric and the run live in newsint.eval.bench.pdf; this file is the command. --verbose
prints per-item diffs of the tuning half only.
"""

import sys
from pathlib import Path

from newsint.eval.bench import pdf
from newsint.eval.bench.cli import main

if __name__ == "__main__":
    sys.exit(main(pdf, root=Path(__file__).resolve().parents[1]))
