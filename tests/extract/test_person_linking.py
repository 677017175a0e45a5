"""Person linking never merges different written given names, and a surname after a person the
article introduced is that person, not a knowledge-base namesake (issue #16)."""

from __future__ import annotations

import datetime as dt

from newsint.model import Analysis
from newsint.pipeline import analyze
from newsint.readers.raw import RawDocument


def people(text: str) -> dict[str, tuple[str, list[str]]]:
    a: Analysis = analyze(RawDocument(source="test", reader="text", text=text), reference_date=dt.date(2019, 3, 1))
    return {e.name: (e.kb_id, [m.text for m in e.mentions]) for e in a.entities if e.type == "PERSON"}


def test_a_different_given_name_blocks_a_surname_link() -> None:
    found = people("Diane Abbott spoke in the Commons. The analyst Hassan Hassan wrote about Jordan.")
    assert found["Diane Abbott"][0] is None and found["Hassan Hassan"][0] is None, found


def test_the_given_name_of_the_kb_person_still_links() -> None:
    found = people("Bashar Assad spoke in Damascus.")
    assert found["Bashar al-Assad"][0] is not None, found


def test_a_surname_after_the_full_name_is_the_person_the_article_introduced() -> None:
    found = people("Diane Abbott attacked the home secretary on Sunday. Abbott said the policy had failed.")
    assert "Abbott" in found["Diane Abbott"][1], found
    assert not any(kb_id == "person:tony-abbott" for kb_id, _ in found.values()), found
