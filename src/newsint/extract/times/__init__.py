"""Time expressions: recognised in the text and normalised against a reference date.

``extract_times(doc, reference_date)`` returns one :class:`TimeExpression` per expression, in
text order, with ids T1, T2, ... Recognition is a regex pass over ``doc.text`` built from the
lexicons in ``extract/data/times.yaml``; the parse already in ``doc`` is only consulted (spaCy's
DATE entities, part-of-speech tags and the verb's tense), never redone.

How it works, in three passes:

1. *Base expressions*, each a regex: written dates ("Mar. 3", "3 March 2021",
   "2021-03-03"), month and year ("March 2013"), bare months and years (only where a
   preposition or spaCy's DATE entity says they are dates), decades, centuries, deictic
   periods ("last week", "this year", "next month", "last Friday"), day words ("yesterday"),
   weekdays, counts of units ("ten days", "three-month"), "N units ago", "the past N units",
   present references ("now"), frequencies ("annually"), clock times and anaphors ("that
   year"). Overlaps keep the longest.
2. *Extensions* that combine neighbours: a part of a period before it ("the middle of
   January", "early 2020", "late last year", "the first half of 2021"), a clock time next to a
   day ("15:00 GMT Saturday"), and a duration anchored to a start ("five days from Mar. 3").
3. *Resolution* in text order against the reference date, and for anaphors against the
   expressions before them ("that year" = the year last mentioned).

Conventions (what the values mean):

- ``value_start``/``value_end`` are ISO dates (or date-times), both inclusive: "January 2022"
  is 2022-01-01..2022-01-31, "this week" Monday..Sunday (ISO weeks).
- Parts of a period: a plain part word is a third of it — beginning/start/early the first
  third, middle/mid the second, end/close/late the last — rounded to whole days (months) or
  whole months (years): "the middle of January 2022" is 2022-01-11..2022-01-21 and "late
  2020" 2020-09-01..2020-12-31; "the first half" / "the second half" are halves. Precision
  ``month-part`` / ``year-part``.
- A duration anchored to a start ("for five days from Mar. 3") runs from the anchor to the
  anchor plus the duration (2021-03-03..2021-03-08), at the anchor's precision; it keeps
  ``kind`` "duration" and its ISO 8601 ``duration`` (P5D).
- Durations without an anchor ("for ten days", "several years") have no calendar value: kind
  "duration", ``duration`` P10D / PXY (X: an unstated number), ``anchored`` false.
- A day and month without a year ("Mar. 3") takes the year that puts it nearest the
  reference date ("Dec. 28" in an article of 2022-01-03 is 2021-12-28); beyond a month from
  it, a past-tense clause moves it into the past and a future one (will, a modal, "until")
  into the future; "since" always looks back. A bare month likewise. A weekday is the last
  one (the reference day included) for a past-tense clause or one of unknown tense, the next
  one for a future clause or when that is only a day ahead. The tense is the verb's the
  expression hangs on through prepositions, else (it dates a noun: "Monday's debate") the
  sentence's main verb's.
- Without a reference date nothing relative is resolved: "Mar. 3" has no value and precision
  ``month-day`` (what is known: a month and a day), "yesterday" and "last week" no value.
  Written years ("March 2013", "2020") need no reference and are always resolved.
- ``precision``: century, decade, year, year-part, season, quarter, month, month-part, week,
  day, minute (a clock time on a known day), ``time`` (a clock time on an unknown day),
  ``present`` ("now", "currently"), ``month-day`` / ``month`` / ``weekday`` / ``year`` for
  what an unresolved expression states; for durations and frequencies, the unit.
- ``anchored`` is true exactly when the expression was resolved to a calendar value.

One file per concern, in reading order: ``lexicon`` (the word lists of ``data/times.yaml``),
``patterns`` (the regexes built from them), ``builders`` (one per base pattern: a match becomes
a ``Found``, or is rejected where the context says it is no date), ``resolvers`` (what each
kind of expression means given the reference date and the expressions before it), ``periods``
(calendar arithmetic and ISO durations), ``tense`` (the tense of an expression's clause),
``extensions`` (pass 2) and ``extractor`` (``extract_times``: the three passes in order);
``values`` holds the working records they pass along (``Value``, ``Found``, ``Context``).
"""

from newsint.extract.times.extractor import extract_times
from newsint.extract.times.lexicon import lexicon
from newsint.extract.times.tense import clause_tense

__all__ = ["clause_tense", "extract_times", "lexicon"]
