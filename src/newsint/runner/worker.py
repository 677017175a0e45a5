"""What every worker process runs, under any engine: load the model once, then analyse.

``prepare_worker`` is the ProcessPoolExecutor's initializer and what the Dask worker plugin's
``setup`` calls: the spaCy model, the knowledge-base rulers and the knowledge base load once per
process and stay for every batch or shard that process is given (loading costs seconds, one
article a fraction of one). ``analyze_records`` is the one worker function: plain dicts in
(documents, or readers' errors passing through), plain dicts out, one outcome per item in order,
through ``pipeline.analyze_stream`` exactly as an in-process run analyses them.
"""

from __future__ import annotations

import os
import resource
from typing import Any

from newsint.errors import UsageError
from newsint.settings import Settings

# Overrides the default number of workers (the usable cores): a shared batch machine, or a test
# suite that runs many small commands in-process.
WORKERS_ENV = "NEWSINT_WORKERS"


def usable_cores() -> int:
    """The cores this process may run on (a container's or taskset's limit, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS has no affinity call
        return os.cpu_count() or 1


def default_workers() -> int:
    """``NEWSINT_WORKERS`` when set, else the usable cores."""
    if value := os.environ.get(WORKERS_ENV, "").strip():
        if not value.isdigit() or int(value) < 1:
            raise UsageError(f"{WORKERS_ENV} must be a whole number of workers, 1 or more, not {value!r}")
        return int(value)
    return usable_cores()


def prepare_worker() -> None:
    """Load what every document needs, once for this process (each loader caches itself)."""
    from newsint.kb.knowledge import knowledge_base
    from newsint.nlp.model import newsint_nlp

    newsint_nlp()
    knowledge_base()


def analyze_records(records: list[dict[str, Any]], settings: Settings) -> list[dict[str, Any]]:
    """Each record (``records.item_to_dict``) analysed, as ``records.outcome_to_dict`` outcomes in
    the same order; a document that fails fails alone, in its place."""
    from newsint.pipeline import analyze_stream
    from newsint.runner.records import item_from_dict, outcome_to_dict

    items = [item_from_dict(record) for record in records]
    return [outcome_to_dict(outcome) for outcome in analyze_stream(items, reference_date=settings.reference_date)]


def peak_rss_mib() -> float:
    """This process's peak resident set size so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
