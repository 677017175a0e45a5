"""The record the store hands to corpus analysis: one analysed article and where it came from."""

from __future__ import annotations

from dataclasses import dataclass

from newsint.model import Analysis


@dataclass(slots=True)
class CorpusArticle:
    """One stored article.

    ``article_id`` is the store's key (the content hash of the analysed text). ``outlet`` is the
    publishing site or source name when known. ``duplicate_of`` points at the first-stored copy
    when this article is a near-duplicate (a syndicated or re-published wire story): corpus
    analysis counts a group of copies as one independent source.
    """

    article_id: str
    analysis: Analysis
    outlet: str | None = None
    duplicate_of: str | None = None

    @property
    def independent_source(self) -> str:
        """The key that identifies this article's independent origin (itself, or the copy it repeats)."""
        return self.duplicate_of or self.article_id
