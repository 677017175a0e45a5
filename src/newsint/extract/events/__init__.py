"""Events: who did what to whom, where and when, typed in PLOVER, with a modality.

One pass over the parse the other stages already made (no second model):

- **Triggers.** A verb or a noun whose lemma the PLOVER lexicon (``extract/data/plover.yaml``,
  derived from the manual's definitions) lists under a type. Nominal events count ("the violent
  crackdown on opposition protests"). A verb whose object is itself a trigger noun is a light
  verb ("launched counterstrikes", "imposed sanctions"): the noun is the event and the verb lends
  it its subject.
- **Frames.** AGREE, DEMAND, REJECT and THREATEN govern an embedded action ("agreed to set up",
  "threatening Minsk with new sanctions"): the embedded action is an event of its own that did
  not happen (yet): future under AGREE, hypothetical under the others.
- **Participants.** Actors from the subject (the antecedent of "who", conjuncts included), the
  "by" agent, a possessive or nationality adjectives on a nominal trigger ("Russian strikes");
  targets from the object and party prepositions ("against", "on", "with", "to"). Codes come
  from the entity stage (mentions carry metonymy, groups named by nationality carry their
  sector); a state named as the agent of a military event acts through its military (MIL), of
  any other event through its government (GOV). A bare "the regime" stands for the government
  last named within a few sentences.
- **Place and time.** Location and origin from place prepositions ("to", "in", "near" /
  "from"), or from the place a relative "where" refers to; a border resolves to the side that
  the paragraph names on its own. Start and end come from the time expressions that govern the
  trigger's clause (not those of a nested clause with its own verb).
- **Modality.** negated > conditional > hypothetical > reported > future > asserted: an event is
  asserted only when the author states that it happened or is happening.

One file per concern: ``lexicon`` (the PLOVER types and their words), ``triggers`` (trigger words,
their type and mode, frames), ``participants`` (who acts, who is acted on), ``actor_codes`` (the
codes those participants get), ``places``, ``dates``, ``modality``; ``mentions`` indexes the
entity stage's mentions by token and ``grammar`` holds the parse readings they share;
``extractor`` puts one event together from them; ``incidents`` (a stage of its own, after the
events) links the mentions of one act within an article.
"""

from newsint.extract.events.extractor import extract_events
from newsint.extract.events.incidents import link_incidents

__all__ = ["extract_events", "link_incidents"]
