"""Quantities: numbers in digits and words, their hedge, unit and what they count.

A light pass over the already parsed Doc (no second parse): digits are found by a regular
expression over ``doc.text`` (it sees "£7.6bn", "USD10m", "256GB" that the tokenizer splits
unevenly), number words by a walk over the tokens; the parse and the entities then say what
is counted and which numbers are not quantities.

What each field holds (the contract's ``quantities[]``):

- ``value``: the stated number ("about 4,000" -> 4000; "more than 60%" -> 60). ``None`` for a
  range ("between 5,000 and 9,000", "5,000-9,000", "169,000 to 190,000": no single value was
  stated; the ends are ``low``/``high``) and for vague amounts ("tens of thousands").
- ``low``/``high``: what the hedge allows. Exact: both equal ``value``. "about/around/some/
  roughly/approximately/an estimated/~" -> ±10% (``APPROX_TOLERANCE``), ``approximate``;
  "nearly/almost" -> [value − 10%, value], ``approximate``; "more than/over/at least/upwards of/
  in excess of/N or more/N+" -> [value, None]; "fewer than/less than/under/below/up to/as many
  as/at most/no more than" -> [None, value]. A range -> its ends (low ≤ high). Vague amounts
  are orders of magnitude, as CQE reads them: "thousands" [1,000, 10,000], "tens of thousands"
  [10,000, 100,000], "dozens" [12, 120]; "a few hundred" [200, 500], "several hundred"
  [300, 900]; all ``approximate``.
- ``unit``: what is counted or measured, singular: a counted noun's lemma with its noun
  compounds ("troop", "soldier", "people", "job cut"); measurement units by full singular name
  ("kilometre", "mile per hour", "gigabyte", "year of age"); "percent"; money as ISO 4217 codes
  where the text names the currency ("£" GBP, "€" EUR, "US$" USD, "HK$" HKD, "yen" JPY) and
  "dollar" for a bare "$"/"dollars" (which dollar is not stated); rates add "per X" ("dollar
  per month", "barrel per day"). ``None`` when the text gives no unit — except for ellipsis: a
  bare number inherits the unit (and ``of``) of the nearest preceding quantity in the same
  sentence whose value is within a factor of ``INHERIT_RATIO`` and is not a percentage ("reported
  about 4,000 Turkish troops, while analysts said 2,500 is more likely": 2,500 troops); a
  bare number coordinated with a money amount ("8 or $9") takes its currency.
- ``of``: the noun phrase of what is counted, from the parse: the head noun with its modifiers
  and an attached "in/near/at/on/from/of X" phrase ("Turkish troops in Syria"); for a
  measurement, the "of X" after it ("12.3m tonnes of jet fuel" -> "jet fuel").
- ``start``/``end``/``text``: the hedge, the number, its unit and, for a counted noun, the words
  up to that noun ("about 4,000 Turkish troops"); ``text == doc.text[start:end]``.
- ``predicate``/``modality``: the lemma of the verb that governs the quantity ("killed up to 75
  people" -> kill) and whether it is a count, a plan or a forecast (``predicates``).

Not quantities: dates and times ("March 29", "9:01 p.m.", "in 2020", "the 1970s"), ordinals
("22nd", "second"), numbers in names ("F-16", "MiG-29", "Exercise-2019", "Page 2", "Stoxx 600",
"iPhone 11", "COVID-19"), sports scores ("2-1") and "one" used as a pronoun ("each one").

One file per concern, in reading order: ``finding`` (numbers in digits and in words; the word
parser is ``numbers``), ``units`` (the unit or counted noun of each, ages, ellipsis; the word
lists are ``lexicon``), ``filters`` (which numbers are not quantities), ``ranges``, ``hedges``,
and ``extractor`` (``extract_quantities``: the passes in order); ``mention`` holds the working
record they pass along. ``dating`` (``timed_quantities``) runs after the times stage: which
time expression dates each quantity.
"""

from newsint.extract.quantities.dating import timed_quantities
from newsint.extract.quantities.extractor import extract_quantities
from newsint.extract.quantities.hedges import APPROX_TOLERANCE

__all__ = ["APPROX_TOLERANCE", "extract_quantities", "timed_quantities"]
