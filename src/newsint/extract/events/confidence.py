"""How far an event can be trusted: a score in 0-1 that the brief, the timelines and the exports
filter on (``DEFAULT_MIN_CONFIDENCE``; ``--min-confidence`` to change it). The JSON keeps all.

The score adds evidence to a prior, each weight for a reason that holds beyond the text it was
read on (issue #15's analyst review and the tuning half of the complete gold):

- **Named participants.** A trigger whose actor (or target, or place) the text names is far more
  often a real occurrence; figurative uses ("gave fresh ammunition to critics", "capture the
  public mood") rarely have a coded actor.
- **Type.** Verbal and diplomatic types whose words are common in figurative or abstract use
  (AGREE, SUPPORT, REJECT, THREATEN, AID, SANCTION, STATEMENT) are wrong far more often than the
  material ones (FIGHT, ASSAULT, COERCE, PROTEST, DISAPPROVE, INVESTIGATE, CONSULT).
- **Form.** A noun alone ("the war", "a deal") is more often a reference than a report.
- **Modality.** Negation is read from few cues and is itself often misplaced.

Calibration (precision by band, tuning and checking halves) is in benchmarks/RESULTS.md.
"""

from __future__ import annotations

from newsint.model import Event

# The default threshold of the brief's timeline and the exports, chosen on the tuning half.
DEFAULT_MIN_CONFIDENCE = 0.7

PRIOR = 0.5
NAMED_ACTOR = 0.2
NAMED_TARGET_OR_PLACE = 0.1
RELIABLE_TYPE = 0.1
FIGURATIVE_PRONE_TYPE = -0.15
NOUN_ALONE = -0.1
NEGATED = -0.1
RELIABLE_TYPES = frozenset(("FIGHT", "ASSAULT", "COERCE", "PROTEST", "DISAPPROVE", "INVESTIGATE", "CONSULT"))
FIGURATIVE_PRONE_TYPES = frozenset(("AGREE", "SUPPORT", "REJECT", "THREATEN", "AID", "SANCTION", "STATEMENT"))
FLOOR, CEILING = 0.05, 0.95


def event_confidence(event: Event, *, nominal: bool) -> float:
    score = PRIOR
    if any(p.actor for p in event.actors):
        score += NAMED_ACTOR
    if any(p.actor for p in event.targets) or event.location is not None:
        score += NAMED_TARGET_OR_PLACE
    if event.type in RELIABLE_TYPES:
        score += RELIABLE_TYPE
    elif event.type in FIGURATIVE_PRONE_TYPES:
        score += FIGURATIVE_PRONE_TYPE
    if nominal and not any(p.actor for p in event.actors):
        score += NOUN_ALONE
    if event.modality == "negated":
        score += NEGATED
    return round(min(CEILING, max(FLOOR, score)), 2)


def confident(events: list[Event], min_confidence: float) -> list[Event]:
    """The events shown to a reader: at or above ``min_confidence`` (an unscored event is shown)."""
    return [e for e in events if e.confidence is None or e.confidence >= min_confidence]
