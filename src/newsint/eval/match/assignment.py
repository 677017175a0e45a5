"""Each output item matches one gold item only: a maximum matching over the compatible pairs."""

from __future__ import annotations

from collections.abc import Sequence


def assign(candidates: Sequence[Sequence[int]]) -> list[int | None]:
    """A maximum matching: ``candidates[g]`` lists the outputs gold item ``g`` may take.

    Kuhn's augmenting paths, gold items in order, each trying its candidates in order; returns
    for each gold item the output it got, or None. No output is given to two gold items.
    """
    owner: dict[int, int] = {}

    def augment(gold: int, seen: set[int]) -> bool:
        for output in candidates[gold]:
            if output in seen:
                continue
            seen.add(output)
            if output not in owner or augment(owner[output], seen):
                owner[output] = gold
                return True
        return False

    for gold in range(len(candidates)):
        augment(gold, set())
    result: list[int | None] = [None] * len(candidates)
    for output, gold in owner.items():
        result[gold] = output
    return result
