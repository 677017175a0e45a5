"""Events on the PLOVER gold-standard records: event type accuracy, source/target actor F1.

    python benchmarks/events.py [DATA_DIR] [--limit N] [--no-record] [--verbose]

The metric and the run live in newsint.eval.bench.events; this file is the command.
"""

import sys
from pathlib import Path

from newsint.eval.bench import events
from newsint.eval.bench.cli import main

if __name__ == "__main__":
    sys.exit(main(events, root=Path(__file__).resolve().parents[1]))
