"""Benchmark runners: newsint scored on public evaluation data, beside published figures.

One module per benchmark, each with the same shape — ``NAME``, ``DATA_FOLDER`` (under
``shared/data``), ``SAMPLE_LIMIT`` (the small sample the default test suite gates on),
``dataset_files(data_dir)`` and ``run(data_dir, *, limit=None, verbose=False, …) -> Report``:

    extraction   article body vs scrapinghub/article-extraction-benchmark (shingle F1)
    attribution  claims vs PolNeAR source / cue / content
    geo          PLACE entities vs LGL and TR-News toponyms (accuracy within 161 km)
    quantities   quantities vs NewsQuant (CQE's value and value+unit F1)
    times        time expressions vs TempEval-3 platinum (strict / relaxed / value F1)
    events       events vs the PLOVER gold-standard records (type, actor codes)
    ner          entities vs re3d, beside the base spaCy model
    speed        throughput, memory and cold start on full articles

``common`` holds the shared pieces, ``cli`` the command line of ``benchmarks/<name>.py``,
``floors`` the floor gate (``benchmarks/floors.json``).
"""

from __future__ import annotations

import importlib
from types import ModuleType

BENCHMARKS = ("extraction", "attribution", "geo", "quantities", "times", "events", "ner", "speed")


def load(name: str) -> ModuleType:
    if name not in BENCHMARKS:
        raise KeyError(f"no benchmark {name!r}; available: {', '.join(BENCHMARKS)}")
    return importlib.import_module(f"newsint.eval.bench.{name}")
