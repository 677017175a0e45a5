"""src/ holds no strings of the founding seed article (shared/seed/belarus-staging-area.txt): its
names, phrases, figures and dates were used as examples in comments and error messages, where they
read as rules tuned to one article. The knowledge-base data files list real people, places and
systems and are not checked."""

from __future__ import annotations

from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "newsint"
KB_DATA = SRC / "kb" / "data"

# Distinctive strings of the seed article, read by hand from it.
SEED_STRINGS = (
    "Lukashenk",
    "LUKASHENK",
    "Allied Resolve",
    "2022-02-11",
    "Feb. 10",
    "Belarus-Ukraine border",
    "Belarus–Ukraine border",
    "Ukrainian-Belarusian",
    "Su-35",
    "Su-30SM",
    "S-400",
    "Pantsir",
    "Iskander",
    "Zapad-2021",
    "Eastern European Switzerland",
    "staging area",
    "30,000",
    "10,000 is a more realistic",
)


def _source_files() -> list[Path]:
    return [
        p for p in SRC.rglob("*") if p.is_file() and p.suffix in (".py", ".md", ".txt") and KB_DATA not in p.parents
    ]


@pytest.mark.parametrize("seed_string", SEED_STRINGS)
def test_src_has_no_seed_string(seed_string) -> None:
    found = [
        f"{path.relative_to(SRC)}:{number}"
        for path in _source_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if seed_string in line
    ]
    assert found == []
