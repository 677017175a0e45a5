"""The matching rules: an Analysis against one gold file's sections. Pure functions, no I/O.

``match_analysis(analysis, sections, complete)`` returns one ``SectionResult`` per scored
section the gold file has, each holding one ``Finding`` per gold item (or check) and, where the
gold file claims the section complete, the output items that matched no gold item.

The rules (shared/gold/FORMAT.md, made precise here; each one is pinned by tests/eval):

- **Text** is compared after ``normalise``: Unicode NFKC, curly quotes made straight, every dash
  made ``-``, invisible format characters dropped, runs of whitespace made one space. Document
  values keep their case and must be equal (prefix, suffix, substring where FORMAT.md says so).
- **Contains** (claim content, source text, sentences, conditions) is a case-folded, normalised
  substring that starts and ends on word boundaries: "10,000" is not in "110,000 troops".
- **Names** (``name_key``) are also case-folded; full stops and apostrophes are dropped ("U.S."
  = "US"), every other punctuation mark or dash is a space ("Israel–Lebanon" = "Israel-Lebanon").
- **Entities**: a gold entity matches an output entity of the same type whose name or any
  mention equals the gold name or an alias, and *every optional attribute the gold item gives
  must hold* (``actor`` = Entity.actor; ``kind``, ``iso``, ``category``, ``origin`` =
  Entity.attributes[key], compared as names; ``min_mentions`` ≤ len(mentions)). An entity with
  the right name but a wrong attribute is missed, and the report says which attribute.
- **Cues** (``cue_matches``): the gold cue's head words are its words minus function words
  (articles, prepositions, auxiliaries, "that"…; all its words if nothing else is left); each
  head word's stem must be the stem of a word of the output cue. Stems: a few irregular reporting
  verbs mapped to their base form (said → say, spoken → speak), then one suffix stripped (-ies/-ied
  → -y, -ing, -ed, -es, -s but not -ss) and a final -e dropped. So "stress" matches "to stress
  that" and "stressed"; "briefed the media" needs both "briefed" and "media".
- **Quantities**: value within ±1% of the gold value; units equal as names, the last word
  singularised (troops = troop; troops ≠ km).
- **Bands** overlap when they share more than an end point ([0, 0.05] and [0.05, 0.2] do not);
  a point band [p, p] overlaps a band that contains p.
- **Dates**: within the gold precision — day: same day; month: same month; month-part: same half
  month (days 1–15 or 16–end); year: same year. The output needs at least the date parts that
  precision needs ("2022-01" cannot show which half of January), and an output whose stated
  precision is coarser than the gold precision does not match.
- **Claims**: content contains ``content_contains``; ``source`` (a gold entity id) means the
  claim's source.entity is the output entity matched to that gold entity (so a claim cannot be
  found while its source entity is missed); ``source_text`` is contained in source.text;
  ``source_actor`` equals source.actor; the cue matches; a ``quantity`` matches one of the
  claim's own attached quantities. ``approximate`` and ``of`` are informational.
- **Contradictions**: both gold claims matched, and one output contradiction whose items name
  each matched claim, or one of the quantities attached to it.
- **Judgements**: ``contains`` is in the judgement's text or in the sentence around its span;
  the bands overlap; a gold ``condition`` is contained in the output condition.
- **Events**: same type; every gold actor (target) code among the output's; ``mode``,
  ``modality`` equal; ``location``/``origin`` are the output entities matched to those gold
  entities; ``start``/``end`` within the gold precision (against Event.precision as stated);
  ``condition_contains`` contained in the condition. ``equipment``/``operation`` are informational.
- **entities_not** (checks): an output entity with this text as its name or a mention (and this
  type, if given) is a forbidden item produced; with ``as: event location``, only when an event
  has it as its location. **events_hypothetical**: an event with modality ``asserted`` (and this
  type, if given) whose sentence overlaps the sentence holding ``contains`` is forbidden; a
  ``contains`` the text does not hold fails the check. **actor_mentions**: see ``actor_mentions``.
- **Document** precision (only when complete) counts the title, captions, links and related
  articles; every other document field is a check.
- **Assignment**: each output item matches one gold item only. Within a section, gold items and
  the output items they are compatible with form a bipartite graph and the matching is a
  *maximum* one (Kuhn's augmenting paths, gold items in file order, outputs in output order), so
  no gold item is lost because an earlier one took an output it could have done without.

One file per concern: ``text`` (normalising, ``contains``, the sentences of a text), ``rules``
(cues, quantities, bands, dates), ``assignment`` (the maximum matching), ``results``
(``Finding``, ``SectionResult``); ``matcher`` matches each section through them.
"""

from newsint.eval.match.assignment import assign
from newsint.eval.match.matcher import match_analysis
from newsint.eval.match.results import NOT_FOUND, Finding, SectionResult
from newsint.eval.match.rules import (
    bands_overlap,
    cue_matches,
    date_matches,
    head_words,
    quantity_matches,
    stem,
)
from newsint.eval.match.text import contains, find_sentence, find_spans, name_key, normalise, sentence_spans

__all__ = [
    "NOT_FOUND",
    "Finding",
    "SectionResult",
    "assign",
    "bands_overlap",
    "contains",
    "cue_matches",
    "date_matches",
    "find_sentence",
    "find_spans",
    "head_words",
    "match_analysis",
    "name_key",
    "normalise",
    "quantity_matches",
    "sentence_spans",
    "stem",
]
