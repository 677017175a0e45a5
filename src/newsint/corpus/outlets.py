"""Who published an article, and which articles count as one independent outlet.

A figure repeated by three outlets is better supported than one repeated by three articles of the
same outlet, or by three syndicated copies of one wire story. The independence key is the outlet
of the article's original (a near-duplicate takes its original's outlet), and the original's own
id when no outlet is known, so that unknown outlets never merge with each other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from newsint.dates import iso_day
from newsint.model import CorpusArticle


def outlet_name(article: CorpusArticle) -> str | None:
    """The store's outlet, else what the document itself says: its site, its original publisher,
    then the agency of its dateline ("MINSK, Feb 20 (Reuters) -": the wire that wrote it)."""
    document = article.analysis.document
    agency = document.dateline.agency if document.dateline else None
    return article.outlet or document.site or document.original_publisher or agency


def published(article: CorpusArticle) -> dt.date | None:
    return iso_day(article.analysis.document.published)


class Outlets:
    """Outlet names and independence keys for one corpus (an original and its copies count once)."""

    def __init__(self, articles: Sequence[CorpusArticle]) -> None:
        self._by_id = {a.article_id: a for a in articles}

    def name(self, article: CorpusArticle) -> str | None:
        return outlet_name(article)

    def independent_key(self, article: CorpusArticle) -> str:
        original = self._by_id.get(article.independent_source, article)
        name = outlet_name(original)
        return f"outlet:{' '.join(name.lower().split())}" if name else f"article:{original.article_id}"

    def count(self, articles: Iterable[CorpusArticle]) -> int:
        """How many independent outlets stand behind these articles."""
        return len({self.independent_key(a) for a in articles})
