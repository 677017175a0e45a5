"""Fixtures for export tests: the project's example corpus (examples/) analysed by the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsint.corpus.article import CorpusArticle

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="session")
def example_corpus() -> list[CorpusArticle]:
    from newsint.pipeline import analyze_many
    from newsint.readers import expand, read_path
    from newsint.settings import Settings

    raws = [item for path in expand([str(EXAMPLES)]) for item in read_path(path, Settings())]
    assert not [r for r in raws if isinstance(r, Exception)]
    return [CorpusArticle(article_id=a.document.id, analysis=a) for a in analyze_many(raws)]
