"""Places first from evidence, codes valid at the date, one entity per referent (issue #17).

Sentences written for these tests; the expected values are what a reader of the sentence knows
(a town named after "in" is a place; the Taliban of 2019 were insurgents)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsint.model import Analysis, Entity
from newsint.pipeline import analyze
from newsint.readers.raw import RawDocument

BEFORE_KABUL_FELL = dt.date(2019, 3, 20)
AFTER_KABUL_FELL = dt.date(2023, 3, 20)


def run(text: str, date: dt.date = BEFORE_KABUL_FELL) -> Analysis:
    return analyze(RawDocument(source="test", reader="text", text=text), reference_date=date)


def with_mention(analysis: Analysis, text: str) -> list[Entity]:
    return [e for e in analysis.entities if any(m.text == text or m.text.endswith(" " + text) for m in e.mentions)]


def placed(analysis: Analysis, text: str) -> Entity:
    [found] = with_mention(analysis, text)
    assert found.type == "PLACE", (text, found.type)
    assert found.attributes.get("lat") is not None, text
    return found


# ------------------------------------------------------------------------------ places from evidence


def test_a_gazetteer_town_after_a_locative_preposition_is_a_placed_place() -> None:
    # The small model reads these Turkish resort towns as organisations.
    a = run("Armed police swooped on a holiday flat in Didim, about 100km north of Bodrum, on Sunday.")
    assert placed(a, "Didim").attributes["iso"] == "TUR"
    assert placed(a, "Bodrum").attributes["iso"] == "TUR"


def test_the_name_of_a_town_of_and_its_later_bare_mentions_are_one_place() -> None:
    a = run("Four soldiers died in the battle for the city of Manbij in Syria. Manbij fell to the SDF a week later.")
    manbij = placed(a, "Manbij")
    assert len(manbij.mentions) == 2


def test_a_village_or_camp_is_placed_when_used_as_a_place_in_a_country_the_article_names() -> None:
    a = run("Thousands of families from Syria were taken to the al-Hawl camp after the fighting.")
    hawl = placed(a, "al-Hawl")
    assert hawl.attributes["iso"] == "SYR"
    assert hawl.kb_id and hawl.kb_id.startswith("geonames:")


@pytest.mark.parametrize(
    ("sentence", "written", "iso"),
    [
        ("Russian mercenaries died in an airstrike near Deir Ezzor, close to the Iraqi border.", "Deir Ezzor", "SYR"),
        ("Kurdish officials in Qamishli said the prisoners had been moved.", "Qamishli", "SYR"),
    ],
)
def test_transliteration_variants_are_placed(sentence: str, written: str, iso: str) -> None:
    assert placed(run(sentence), written).attributes["iso"] == iso


def test_two_spellings_of_an_unlisted_village_are_one_place() -> None:
    a = run("The last fighters held out in Baghuz, a village on the Euphrates. Civilians fled Baghouz on Tuesday.")
    places = with_mention(a, "Baghuz")
    assert len(places) == 1 and places[0].type == "PLACE"
    assert {m.text for m in places[0].mentions} == {"Baghuz", "Baghouz"}


def test_a_place_name_inside_an_organisation_name_stays_the_organisations() -> None:
    a = run("Charles Lister, a fellow at the Middle East Institute, said the offensive had stalled.")
    assert not [e for e in a.entities if e.type == "PLACE" and any(m.text == "Middle East" for m in e.mentions)]
    [institute] = with_mention(a, "Middle East Institute")
    assert institute.type == "ORG"


def test_an_unknown_organisation_named_after_a_place_is_not_that_place() -> None:
    # Not in the knowledge base: the place name and an organisation's head word make an ORG.
    a = run("A study by the Baltic Sea Research Network found the cable had been cut.")
    assert not [e for e in a.entities if e.type == "PLACE" and any(m.text == "Baltic Sea" for m in e.mentions)]


def test_a_speaker_is_not_made_a_place_by_a_namesake_town() -> None:
    a = run("Jackson said the plan would fail. A letter from Jackson was read out in parliament.")
    assert all(e.type == "PERSON" for e in with_mention(a, "Jackson"))


# ------------------------------------------------------------------------------ codes valid at the date


def test_the_taliban_are_coded_as_they_stood_at_the_articles_date() -> None:
    text = "The Taliban attacked a checkpoint in Helmand province on Monday."
    assert with_mention(run(text, BEFORE_KABUL_FELL), "Taliban")[0].actor == "AFG REB"
    assert with_mention(run(text, AFTER_KABUL_FELL), "Taliban")[0].actor == "AFG GOV"


def test_military_leaders_are_the_military() -> None:
    a = run(
        "US military leaders said the Syrian Democratic Forces would hold the town. Syrian rebel leaders disagreed."
    )
    assert with_mention(a, "US military leaders")[0].actor == "USA MIL"
    assert with_mention(a, "Syrian rebel leaders")[0].actor == "SYR REB"


def test_one_group_is_one_entity_with_one_code() -> None:
    a = run(
        "The US-backed Syrian Democratic Forces (SDF) took the village. "
        "The Kurdish-led Syrian Democratic Forces said it had lost 11 fighters. "
        "The Syrian Democratic Forces, which the US backs, said so."
    )
    codes = {e.actor for e in a.entities if e.type == "ORG"}
    assert codes == {"SYR REB"}, [(e.name, e.actor) for e in a.entities]
    assert len([e for e in a.entities if e.type == "ORG"]) == 1


def test_a_faction_of_a_nationality_is_not_the_states_military() -> None:
    a = run("Syrian Kurdish forces and the SDF held the line.")
    assert "SYR MIL" not in {e.actor for e in a.entities}


def test_platforms_and_outlets_are_media_organisations_not_people() -> None:
    a = run("Trump wrote on Twitter that the war was won. Amaq said a soldier of the caliphate carried out the attack.")
    for name in ("Twitter", "Amaq"):
        [found] = with_mention(a, name)
        assert (found.type, found.attributes.get("kind")) == ("ORG", "media"), name


def test_people_quoted_in_the_news_have_codes_for_their_role_at_the_date() -> None:
    a = run(
        "Bolton, the national security adviser, said Pence would travel to Kabul. "
        "Senator Lindsey Graham criticised the plan; Pedersen, the UN envoy, was silent.",
        dt.date(2019, 3, 20),
    )
    codes = {e.name: e.actor for e in a.entities if e.type == "PERSON"}
    assert codes == {"John Bolton": "USA GOV", "Mike Pence": "USA GOV", "Lindsey Graham": "USA LEG",
                     "Geir Pedersen": "UN"}  # fmt: skip


def test_a_surname_typed_a_place_after_the_full_name_is_that_person() -> None:
    a = run("Anna Petrova, a nurse from Lviv, said the shelling had stopped. Petrova added that supplies were short.")
    [petrova] = with_mention(a, "Petrova")
    assert petrova.type == "PERSON" and {m.text for m in petrova.mentions} == {"Anna Petrova", "Petrova"}


def test_a_surname_two_people_share_is_given_to_neither() -> None:
    a = run(
        "Maria Kovacs, the mother of the volunteer Peter Kovacs, spoke on Monday. Kovacs travelled to Syria in 2017."
    )
    lone = [e for e in a.entities if any(m.text == "Kovacs" for m in e.mentions)]
    assert all(not any(m.text in {"Maria Kovacs", "Peter Kovacs"} for m in e.mentions) for e in lone)
