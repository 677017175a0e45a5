"""Attributed claims: who said what — source, cue, content — from the dependency parse."""

from newsint.extract.claims.extractor import extract_claims

__all__ = ["extract_claims"]
