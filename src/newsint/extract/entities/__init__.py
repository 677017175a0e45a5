"""Entities: spaCy's entities (KB names marked first by the ruler) grouped, linked and typed."""

from newsint.extract.entities.extractor import extract_entities, with_dateline_place, with_publisher

__all__ = ["extract_entities", "with_dateline_place", "with_publisher"]
