"""How sure a claim is, 0-1: that it is someone's statement, and that its source is the one named.

Two readings multiply. The shape of the report: "according to" or a reporting verb with a clause
are the forms attribution corpora agree on; a quotation, a speaker label, an object cue ("called
the plan a disaster") or a topic ("spoke about the refugees") are less often right. The source:
resolved to an entity, a phrase with no entity ("officials"), or a pronoun no one was found for,
which leaves the analyst with no one to weigh it by.

The figures are ranks, not calibrated probabilities: RESULTS.md (claims, issue #16) gives the
precision measured in each band.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsint.extract.claims.lexicon import CUE_VERBS, OPEN_QUOTES
from newsint.model import Claim

# A quotation ranks below a reported clause: on the tuning half of the complete gold files its
# source was wrong more often (the speaker of a quotation is found by proximity, and the
# quotation's subject or an earlier speaker stands near it).
# What the brief shows (the JSON keeps every claim with its score): on both halves of the complete
# gold files, claims under 0.50 (a source left as a pronoun no one was found for) were never right;
# the cut-off was chosen on the tuning half (RESULTS.md, claims, issue #16).
DEFAULT_MIN_CLAIM_CONFIDENCE = 0.5

SHAPE_CONFIDENCE = {"according": 0.9, "clause": 0.85, "label": 0.8, "quotation": 0.7, "other": 0.6}
# A pronoun resolved to the speaker before it (sources.py) is a guess by proximity and gender:
# surer than a pronoun no one was found for, less sure than a name written at the cue.
SOURCE_FACTOR = {"entity": 1.0, "phrase": 0.85, "resolved pronoun": 0.75, "pronoun": 0.5}
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})


def claim_confidence(cue: list[Token], source: Span | None, content: Span, entity: str | None) -> float:
    return round(SHAPE_CONFIDENCE[_shape(cue, content)] * SOURCE_FACTOR[_source_kind(source, entity)], 2)


def _shape(cue: list[Token], content: Span) -> str:
    if content.text.startswith(OPEN_QUOTES):
        return "quotation"
    if not cue:
        return "other"
    if cue[0].lower_ == "according":
        return "according"
    if cue[0].text == ":":
        return "label"
    verbs = [t for t in cue if t.lemma_.lower() in CUE_VERBS]
    if verbs and content.root.dep_ in CLAUSE_DEPS:
        return "clause"
    return "other"


def _source_kind(source: Span | None, entity: str | None) -> str:
    pronoun = source is None or (len(source) == 1 and source.root.pos_ == "PRON")
    if entity is not None:
        return "resolved pronoun" if pronoun else "entity"
    return "pronoun" if pronoun else "phrase"


def confident_claims(claims: list[Claim], min_confidence: float = DEFAULT_MIN_CLAIM_CONFIDENCE) -> list[Claim]:
    """The claims shown to a reader: at or above ``min_confidence`` (an unscored claim is shown)."""
    return [c for c in claims if c.confidence is None or c.confidence >= min_confidence]
