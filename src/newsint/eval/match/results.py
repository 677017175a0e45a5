"""What matching gives back: one ``Finding`` per gold item or check, gathered per section."""

from __future__ import annotations

from dataclasses import dataclass, field

NOT_FOUND = "not found in text"


@dataclass(frozen=True, slots=True)
class Finding:
    section: str
    item: str  # the gold item in words (for an unexpected output item: that item)
    ok: bool
    forbidden: bool = False  # the gold item forbids something; not ok = it was produced
    detail: str | None = None  # why it failed, or what it matched
    sentence: str | None = None  # the sentence of document.text it concerns; None: not found
    anchored: bool = True  # False for a check with no text of its own (the body paragraph count)


@dataclass(slots=True)
class SectionResult:
    section: str
    findings: list[Finding]
    complete: bool = False
    output_total: int | None = None  # output items counted for precision (complete sections)
    unexpected: list[Finding] = field(default_factory=list)  # those that matched no gold item
    # Complete files only: output items matched to an optional gold item (neither right nor wrong,
    # left out of output_total), and for events the output events asserted or reported in a
    # sentence whose gold events are all non-factual (negated, hypothetical, conditional, future).
    optional_matched: int = 0
    nonfactual_asserted: list[Finding] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(1 for f in self.findings if f.ok)

    @property
    def recall(self) -> float | None:
        return self.passed / len(self.findings) if self.findings else None

    @property
    def precision(self) -> float | None:
        if not self.complete or not self.output_total:
            return None
        return (self.output_total - len(self.unexpected)) / self.output_total

    @property
    def f1(self) -> float | None:
        recall, precision = self.recall, self.precision
        if recall is None or precision is None:
            return None
        return 0.0 if recall + precision == 0 else 2 * recall * precision / (recall + precision)
