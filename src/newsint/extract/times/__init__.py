"""Time expressions (being split into one file per concern; see ``builders``)."""

from newsint.extract.times.builders import clause_tense, extract_times, lexicon

__all__ = ["clause_tense", "extract_times", "lexicon"]
