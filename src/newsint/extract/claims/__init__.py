"""Attributed claims: who said what — source, cue, content — from the dependency parse.

Shapes recognised (all from the parse, none from any one article):

- a reporting verb with a subject and a clausal complement: "X argued at length that …",
  "X briefed the media that …", "… , X said.", "X has said 2,000 is closer to the truth";
- a reporting verb with "about"/"on" and a noun phrase: "X has spoken about 4,000 refugees";
- a reporting verb inside an infinitive or a noun's complement, its source found up the tree:
  "he has taken every opportunity to stress that …";
- "according to X, …";
- a direct quote that runs on into the next sentences, until a sentence with its own cue;
- passive or impersonal reports without a named source ("it was reported that …"): source None.

The source is linked to an entity when one of the entity's mentions (a name, a title, a pronoun
resolved by extract/entities/coref.py) lies in the source phrase; its actor code comes from that
mention or entity.

One file per concern: ``lexicon`` (reporting verbs, stance cues, speaker and record nouns,
quotation marks), ``labels`` (speaker labels: "PENCE: …", "Poll: …"), ``quotes`` (direct
quotations and their cues), ``clauses`` (reports within a sentence); ``grammar`` holds the parse
readings they share; ``extractor`` puts the claims together, with their source entity and stance.
"""

from newsint.extract.claims.extractor import extract_claims

__all__ = ["extract_claims"]
