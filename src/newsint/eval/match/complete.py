"""The matching rules of complete files (FORMAT.md "Complete files"): what counts as the same type,
the same modality class and the same actor when every event and claim mention is annotated.

- Types: an output type is right when it is among the gold types, with REQUEST = DEMAND and
  ACCUSE = DISAPPROVE (the two names PLOVER and the older CAMEO-style labels give one act).
- Modality classes: *factual* (asserted, reported: the author or a source says it happened) and
  *non-factual* (hypothetical, conditional, negated, future). Precision asks the same class only.
- Actor codes: a bare country code (``TUR``) accepts any sector of that country; a named armed
  group's code and its country's rebels are one actor (``SDF``/``YPG``/``HTS`` = ``SYR REB``,
  ``PKK`` = ``TUR REB``), and ``IS`` = ``ISIS`` = ``ISIL``.
"""

from __future__ import annotations

from collections.abc import Iterable

FACTUAL_MODALITIES = frozenset(("asserted", "reported"))
_TYPE_SYNONYMS = {"REQUEST": "DEMAND", "ACCUSE": "DISAPPROVE"}
_ACTOR_SYNONYMS = {
    "ISIS": "IS", "ISIL": "IS", "DAESH": "IS",
    "SDF": "SYR REB", "YPG": "SYR REB", "HTS": "SYR REB",
    "PKK": "TUR REB",
}  # fmt: skip
_COUNTRY_CODE_LENGTH = 3


def modality_class(modality: str | None) -> str:
    return "factual" if (modality or "asserted") in FACTUAL_MODALITIES else "non-factual"


def type_key(event_type: str) -> str:
    key = event_type.strip().upper()
    return _TYPE_SYNONYMS.get(key, key)


def type_accepted(output_type: str, gold_types: Iterable[str]) -> bool:
    return type_key(output_type) in {type_key(t) for t in gold_types}


def actor_key(code: str) -> str:
    key = " ".join(code.upper().split())
    return _ACTOR_SYNONYMS.get(key, key)


def actor_accepted(gold_code: str, output_codes: Iterable[str]) -> bool:
    """The gold code is among the output codes, under the equivalences above."""
    want = actor_key(gold_code)
    have = {actor_key(c) for c in output_codes}
    if want in have:
        return True
    if len(want) == _COUNTRY_CODE_LENGTH and want.isalpha():  # a bare country code: any sector
        return any(code.split()[0] == want for code in have if code)
    return False
