"""How far an event can be trusted: a score in 0-1 that the brief, the timelines and the exports
filter on (``DEFAULT_MIN_CONFIDENCE``; ``--min-confidence`` to change it). The JSON keeps all.

The score adds evidence to a prior, each weight for a reason that holds beyond the text it was
read on (issue #15's analyst review and the tuning half of the complete gold):

The score is a logistic model: the log-odds that an analyst accepts the event add one weight per
feature the event has. The weights were fitted (L2-regularised logistic regression, rounded to one
decimal) on the output events of the tuning half of the complete gold, each labelled right or
wrong by ``newsint eval``; the checking half was read only as precision by band
(benchmarks/RESULTS.md). Each feature stands for a reason that holds beyond those texts:

- **Named participants.** A trigger whose actor (or target, or place) the text names is far more
  often a real occurrence; figurative uses ("gave fresh ammunition to critics", "capture the
  public mood") rarely have a coded actor.
- **Type.** Verbal and diplomatic types whose words are common in figurative or abstract use
  (AGREE, SUPPORT, REJECT, THREATEN, AID, SANCTION, STATEMENT) are wrong far more often than the
  material ones (FIGHT, ASSAULT, COERCE, PROTEST, DISAPPROVE, INVESTIGATE, CONSULT).
- **Form.** A noun alone ("the war", "a deal") is more often a reference than a report.
- **Modality.** Negation is read from few cues and is itself often misplaced; the other
  non-factual readings and a source's report are slightly less sure than the author's statement.
- **Date.** An occurrence the text dates is a report of something that happened, not a generic
  statement.
"""

from __future__ import annotations

import math

from newsint.model import Event

# The default threshold of the brief's timeline and the exports, chosen on the tuning half: the
# lowest at which the tuning half's shown events reach 0.90 precision (benchmarks/RESULTS.md).
DEFAULT_MIN_CONFIDENCE = 0.8

# Log-odds weights (see above). BIAS: an event with none of the features is a coin toss.
BIAS = 0.0
NAMED_ACTOR = 1.2
NAMED_TARGET_OR_PLACE = 0.5
RELIABLE_TYPE = 0.7
FIGURATIVE_PRONE_TYPE = -0.5
NOUN_ALONE = -0.2
NEGATED = -1.0
OTHER_NON_FACTUAL = -0.2  # hypothetical, conditional, future
REPORTED = -0.1
DATED = 0.3
RELIABLE_TYPES = frozenset(("FIGHT", "ASSAULT", "COERCE", "PROTEST", "DISAPPROVE", "INVESTIGATE", "CONSULT"))
FIGURATIVE_PRONE_TYPES = frozenset(("AGREE", "SUPPORT", "REJECT", "THREATEN", "AID", "SANCTION", "STATEMENT"))


def event_confidence(event: Event, *, nominal: bool) -> float:
    named_actor = any(p.actor for p in event.actors)
    log_odds = BIAS
    log_odds += NAMED_ACTOR if named_actor else 0.0
    log_odds += NAMED_TARGET_OR_PLACE if any(p.actor for p in event.targets) or event.location is not None else 0.0
    if event.type in RELIABLE_TYPES:
        log_odds += RELIABLE_TYPE
    elif event.type in FIGURATIVE_PRONE_TYPES:
        log_odds += FIGURATIVE_PRONE_TYPE
    log_odds += NOUN_ALONE if nominal and not named_actor else 0.0
    if event.modality == "negated":
        log_odds += NEGATED
    elif event.modality == "reported":
        log_odds += REPORTED
    elif event.modality != "asserted":
        log_odds += OTHER_NON_FACTUAL
    log_odds += DATED if event.start else 0.0
    return round(1.0 / (1.0 + math.exp(-log_odds)), 2)


def confident(events: list[Event], min_confidence: float) -> list[Event]:
    """The events shown to a reader: at or above ``min_confidence`` (an unscored event is shown)."""
    return [e for e in events if e.confidence is None or e.confidence >= min_confidence]
