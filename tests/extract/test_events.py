"""Events (extract/events/): PLOVER type and mode, actor codes, place, time and modality.

Expected values were checked by hand against the sentences (the seed article, Guardian articles
read from the shared data at run time, and a few sentences written for these tests), never
copied from output. Each test names the sentence it reads.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from newsint.eval.bench.common import analyze_text
from newsint.export.acled_events import COLUMNS, acled_csv, acled_header
from newsint.export.sink import render_brief_text
from newsint.extract.events.lexicon import lexicon
from newsint.extract.events.mentions import named_actor
from newsint.model import Analysis, Event

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GUARDIAN = SHARED / "data" / "news" / "guardian-syria.jsonl"
SEED = SHARED / "seed" / "belarus-staging-area.txt"
PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE", "DEMAND",
    "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT",
}  # fmt: skip


def analyse(text: str, reference_date: dt.date | None = None) -> Analysis:
    analysis = analyze_text(text, source="test", reference_date=reference_date)
    assert isinstance(analysis, Analysis)
    return analysis


def in_sentence(analysis: Analysis, needle: str) -> list[Event]:
    text = analysis.document.text
    return [e for e in analysis.events if needle in text[e.sentence.start : e.sentence.end]]


def actors(event: Event) -> set[str]:
    return {p.actor for p in event.actors if p.actor}


def targets(event: Event) -> set[str]:
    return {p.actor for p in event.targets if p.actor}


def entity_name(analysis: Analysis, entity_id: str | None) -> str | None:
    return next((e.name for e in analysis.entities if e.id == entity_id), None)


# --------------------------------------------------------------------------------------------
# The lexicon


def test_lexicon_has_every_plover_type_and_the_statement_addition():
    lex = lexicon()
    assert PLOVER_TYPES | {"STATEMENT"} == set(lex.types)
    assert lex.aliases == {"REQUEST": "DEMAND", "ACCUSE": "DISAPPROVE"}
    assert all(kind.verbs or kind.nouns for kind in lex.types.values())


def test_object_constrained_readings_come_first():
    # "block the road" is a protest, "block the resolution" a rejection.
    assert lexicon().verbs["block"][0] == "PROTEST"
    assert analyse("Angry farmers blocked the main road to the capital.").events[0].type == "PROTEST"


# --------------------------------------------------------------------------------------------
# The seed article


@pytest.fixture(scope="module")
def seed() -> Analysis:
    return analyse(SEED.read_text(encoding="utf-8"), reference_date=dt.date(2022, 2, 11))


def test_seed_troop_movement_is_mobilize_troops_from_the_far_east_to_belarus(seed):
    (event,) = [e for e in in_sentence(seed, "moving troops from the Far East") if e.type == "MOBILIZE"]
    assert event.mode == "troops"
    assert actors(event) == {"RUS MIL"}  # a state moving troops acts through its military
    assert entity_name(seed, event.location.entity) == "Belarus"  # the border's side the paragraph names
    assert entity_name(seed, event.origin.entity) == "Russian Far East"
    assert event.start == "2022-01-11" and event.end is None  # "since the middle of January": not over
    assert event.modality == "asserted"


def test_seed_joint_exercise_is_cooperate_military_with_both_armies(seed):
    (event,) = [e for e in in_sentence(seed, "joint Russian-Belarusian military exercises") if e.type == "COOPERATE"]
    assert event.mode == "military"
    assert actors(event) == {"RUS MIL", "BLR MIL"}
    assert (event.start, event.end) == ("2022-02-10", "2022-02-20")  # "for ten days from Feb. 10"
    assert entity_name(seed, event.operation) == "Allied Resolve"


def test_seed_sanctions_threat_keeps_its_condition_and_is_asserted(seed):
    events = in_sentence(seed, "threatening Minsk with new sanctions")
    threat = next(e for e in events if e.type == "THREATEN")
    assert threat.mode == "restrict"
    assert (actors(threat), targets(threat)) == ({"USA GOV"}, {"BLR GOV"})
    assert threat.condition == "if it participates in Russian aggression against Ukraine"
    assert threat.modality == "asserted"
    # The sanctions themselves have not been imposed.
    sanction = next(e for e in events if e.type == "SANCTION")
    assert sanction.modality != "asserted"


def test_seed_nominal_crackdown_is_coerce_by_the_government_on_the_opposition(seed):
    event = next(e for e in in_sentence(seed, "violent crackdown") if e.type == "COERCE")
    assert (actors(event), targets(event)) == ({"BLR GOV"}, {"BLR OPP"})
    assert event.start == "2020-01-01" and event.precision == "year"  # "that year" after "Until 2020"


def test_seed_counterfactual_and_conditional_wars_are_never_asserted(seed):
    for needle in ("Ukraine launched counterstrikes", "If a war did break out"):
        events = in_sentence(seed, needle)
        assert events, needle
        assert all(e.modality in {"hypothetical", "conditional"} for e in events), needle


def test_seed_negated_refusal_is_not_an_occupation(seed):
    # "Lukashenko argued at length that he would not allow the country to be occupied."
    events = in_sentence(seed, "would not allow the country to be occupied")
    occupation = next(e for e in events if e.type == "FIGHT")
    assert occupation.modality == "negated"
    assert occupation.claim is not None  # inside Lukashenko's claim


def test_seed_announcement_is_a_statement_by_lukashenko(seed):
    (event,) = [e for e in in_sentence(seed, "It was he who announced") if e.type == "STATEMENT"]
    assert actors(event) == {"BLR GOV"}
    assert event.start == "2021-12-01" and event.precision == "month-part"


# --------------------------------------------------------------------------------------------
# Guardian articles


@pytest.fixture(scope="module")
def guardian() -> dict[str, Analysis]:
    wanted = {
        "guardian-0023", "guardian-0032", "guardian-0053", "guardian-0066", "guardian-0087", "guardian-0094",
        "guardian-0096", "guardian-0099", "guardian-0125", "guardian-0127", "guardian-0131", "guardian-0140",
        "guardian-0144", "guardian-0146", "guardian-0211", "guardian-0213",
    }  # fmt: skip
    out = {}
    for line in GUARDIAN.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        if article["id"] in wanted:
            out[article["id"]] = analyse(article["text"])
    return out


def test_guardian_withdrawal_is_retreat(guardian):
    # "The Kurdish militia, the YPG, withdrew from Afrin before dawn on Sunday, ..."
    (event,) = in_sentence(guardian["guardian-0144"], "withdrew from Afrin")
    assert (event.type, event.mode, event.modality) == ("RETREAT", "withdraw", "asserted")


def test_guardian_threat_with_a_veto(guardian):
    # "Early on Thursday, American diplomats threatened their British counterparts with a veto, ..."
    event = next(
        e for e in in_sentence(guardian["guardian-0066"], "American diplomats threatened") if e.type == "THREATEN"
    )
    assert (actors(event), targets(event)) == ({"USA GOV"}, {"GBR"})
    assert event.modality == "asserted"


def test_guardian_arrest_by_police_at_an_airport(guardian):
    # "British police arrested Robinson at Manchester airport on suspicion of terrorist offences ..."
    events = in_sentence(guardian["guardian-0087"], "British police arrested Robinson")
    assert [(e.type, e.mode, e.modality) for e in events] == [("COERCE", "arrest", "asserted")]
    assert actors(events[0]) == {"GBR COP"}
    assert events[0].location is not None and events[0].location.lat is not None


def test_guardian_demand_from_someone_targets_them(guardian):
    # "Boris Johnson has demanded answers from the Kremlin after OPCW backed the UK's findings ..."
    (event,) = [e for e in in_sentence(guardian["guardian-0127"], "demanded answers from") if e.type == "DEMAND"]
    assert targets(event) == {"RUS GOV"}


def test_guardian_uncoded_ngo_with_a_demonym_is_not_made_a_government(guardian):
    # "Amnesty International and the Norwegian Refugee Council also called for the planned assault
    # to be abandoned": no role word in its name, so Norway's government is not the actor.
    events = in_sentence(guardian["guardian-0094"], "Norwegian Refugee Council also called")
    assert events and all(not a.startswith("NOR") for e in events for a in actors(e))


def test_guardian_rebels_fighting_their_own_state_keep_it_as_target(guardian):
    # "... the Kurdistan Workers' party (PKK), which has fought the Turkish state for more than 40
    # years.": a state is dropped as its own government's target, not as its rebels'.
    (event,) = [e for e in in_sentence(guardian["guardian-0053"], "fought the Turkish state") if e.type == "FIGHT"]
    assert (actors(event), targets(event)) == ({"TUR REB"}, {"TUR"})


def test_guardian_forces_of_several_nations_are_each_an_actor(guardian):
    # "Airstrikes by US, British and French forces on Syrian regime targets ..."
    events = in_sentence(guardian["guardian-0099"], "Airstrikes by US, British and French forces")
    strike = next(e for e in events if e.type == "FIGHT")
    assert actors(strike) == {"USA MIL", "GBR MIL", "FRA MIL"}
    # "The hotline is used to prevent a direct clash between US and Russian troops in the crowded
    # Syrian conflict": both sides, and not Syria, which names the conflict, not the troops.
    (clash,) = [e for e in in_sentence(guardian["guardian-0127"], "direct clash between") if e.type == "FIGHT"]
    assert targets(clash) == {"USA MIL", "RUS MIL"}


def test_guardian_a_withdrawal_targets_the_country_left(guardian):
    # "... which could herald another phase of the contentious US pullout from Syria, announced by
    # Donald Trump in December."
    (event,) = [e for e in in_sentence(guardian["guardian-0032"], "US pullout from Syria") if e.type == "RETREAT"]
    assert (actors(event), targets(event)) == ({"USA GOV"}, {"SYR"})


def test_guardian_acting_on_an_act_targets_whoever_did_it(guardian):
    # "... rejecting an accusation by Russia's defence ministry."
    (rejection,) = [e for e in in_sentence(guardian["guardian-0125"], "rejecting an accusation") if e.type == "REJECT"]
    assert targets(rejection) == {"RUS"}
    # "... so as to support official statements made by British authorities."
    (support,) = [
        e for e in in_sentence(guardian["guardian-0127"], "official statements made by") if e.type == "SUPPORT"
    ]
    assert targets(support) == {"GBR GOV"}


def test_guardian_refugees_are_not_the_host_countrys_people(guardian):
    # "Turkey has not yet decided whether it will allow refugees into the area, ...": the refugees
    # are Syrians; a bare "refugees" is not given the acting state's country.
    events = in_sentence(guardian["guardian-0096"], "will allow refugees into the area")
    assert events and all(not t.startswith("TUR") for e in events for t in targets(e))


def test_guardian_an_act_done_where_someone_was_sent_targets_that_country(guardian):
    # "... a delegation of experts from the OPCW chemical watchdog arrived in Damascus to investigate."
    (event,) = [e for e in in_sentence(guardian["guardian-0125"], "arrived in Damascus") if e.type == "INVESTIGATE"]
    assert targets(event) == {"SYR"}


def test_guardian_crimes_committed_are_no_commitment(guardian):
    # "... the threat of crimes against humanity committed by Turkish forces." and "Huge massacres
    # have been committed by the Turks.": "commit" promises only towards something.
    for needle in ("crimes against humanity committed by", "Huge massacres have been committed"):
        assert all(e.type != "AGREE" for e in in_sentence(guardian["guardian-0023"], needle))
    # "... claiming it was committed to the defence of its allies only in areas in which it had a presence."
    (pledge,) = [e for e in in_sentence(guardian["guardian-0146"], "committed to the defence") if e.type == "AGREE"]
    assert actors(pledge) == {"USA GOV"}


def test_sworn_in_is_no_vow():
    # PolNeAR, politico 2016-08-08: "... before he was even sworn in."
    sentence = "Murphy's senatorial finding-himself period ended in an awful instant, before he was even sworn in."
    assert all(e.type != "AGREE" for e in analyse(sentence).events)


def test_guardian_establishing_is_support_only_for_diplomatic_relations(guardian):
    # "... in an attempt to prevent the YPG from establishing a foothold along its border."
    events = in_sentence(guardian["guardian-0140"], "establishing a foothold")
    assert all(e.type != "SUPPORT" for e in events)
    # "We have established fairly cordial relationships with members of the YPG"
    (ties,) = [e for e in in_sentence(guardian["guardian-0213"], "cordial relationships") if e.type == "SUPPORT"]
    assert targets(ties) == {"SYR REB"}


def test_guardian_asking_a_question_is_no_demand(guardian):
    # "... and asked them why sexual torture was being used in this conflict."
    assert all(e.type != "DEMAND" for e in in_sentence(guardian["guardian-0211"], "asked them why"))


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # Warnings of a risk are statements (guardian-0189, guardian-0151) ...
        (
            "Turkey’s prime minister, Binali Yildirim, warned at the weekend that the bombing campaign in Idlib "
            "could be the catalyst for a “new wave of migration”.",
            "STATEMENT",
        ),
        (
            "Late last year, aid agencies warned that 4.4 million people have been directly affected by the "
            "continuing hostilities.",
            "STATEMENT",
        ),
        # ... warnings of the warner's own act, or addressed to a party, are threats (guardian-0091,
        # guardian-0186, and a tweet quoted in the Guardian sample).
        (
            "Turkey has warned it will not stand by and watch a Russian-led attack on Syria’s Idlib province.",
            "THREATEN",
        ),
        (
            "The Turkish president, Recep Tayyip Erdoğan, warned Kurdish political activists in Turkey against "
            "staging protests.",
            "THREATEN",
        ),
        (
            "In an early-morning tweet on Wednesday, Trump warned that missiles “will be coming” in response to an "
            "alleged chemical weapons attack by Syrian government forces.",
            "THREATEN",
        ),
        # Insisting on a fact is a claim; insisting that someone act is a demand (guardian-0186,
        # guardian-0113, guardian-0077).
        (
            "Turkish officials on Sunday insisted the operation in Afrin was aimed at clearing out the Kurdish "
            "militias ruling the enclave.",
            "STATEMENT",
        ),
        ("I insisted he ask Sharf the question.", "DEMAND"),
        (
            "Suggestions that Trump is simply acting to shore up his electoral base, for example by insisting on "
            "funding the promised border wall with Mexico, are not the whole story, either.",
            "DEMAND",
        ),
    ],
)
def test_warning_and_insisting_are_threat_and_demand_only_when_they_press_someone(sentence, kind):
    first = analyse(sentence).events[0]
    assert first.type == kind


def test_whoever_leads_an_act_acts_and_an_anti_name_is_the_other_side():
    # guardian-0186: "... its alliance with the anti-Islamic State US-led coalition, which has backed
    # and later armed the group ...": the coalition is led by the US and fights Islamic State.
    events = analyse(
        "Ankara has been angered by the YPG’s expansion in northern Syria and its alliance with the "
        "anti-Islamic State US-led coalition, which has backed and later armed the group."
    ).events
    (backing,) = [e for e in events if e.type == "SUPPORT"]
    assert actors(backing) == {"USA GOV"}
    assert all(not p.startswith("ISIS") for e in events for p in actors(e) | targets(e))
    # guardian-0091: "Turkey has warned it will not stand by and watch a Russian-led attack on Syria's
    # Idlib province": Russia attacks, Turkey only watches.
    events = analyse(
        "Turkey has warned it will not stand by and watch a Russian-led attack on Syria’s Idlib province."
    ).events
    (attack,) = [e for e in events if e.type in {"ASSAULT", "FIGHT"}]
    assert (actors(attack), targets(attack)) == ({"RUS MIL"}, {"SYR"})


def test_relative_clauses_keep_who_acts_and_who_is_acted_on_apart():
    # guardian-0186: the YPG is the accused; "they" (the others) are not the YPG.
    (accusation,) = analyse(
        "Others see the offensive as a necessary measure against the YPG, which they accuse of attempting "
        "to carve out a statelet in northern Syria."
    ).events
    assert (accusation.type, actors(accusation), targets(accusation)) == ("DISAPPROVE", set(), {"SYR REB"})
    # guardian-0017: a passive relative clause: Kadyrov's regime is accused, it accuses no one.
    (accused,) = analyse(
        "The campaign for their return has found an unlikely champion in Ramzan Kadyrov, the strongman ruler "
        "of Chechnya, whose regime has long been accused of brutal reprisals against Islamist insurgents."
    ).events
    assert accused.type == "DISAPPROVE" and not actors(accused)
    # guardian-0095: "... Bashar al-Assad, who has been backed by both Russian and Iranian forces ..."
    events = analyse(
        "The northern province is the last swathe of territory held by insurgents fighting the Syrian "
        "president, Bashar al-Assad, who has been backed by both Russian and Iranian forces."
    ).events
    (backing,) = [e for e in events if e.type == "SUPPORT"]
    assert (actors(backing), targets(backing)) == ({"RUS MIL", "IRN MIL"}, {"SYR GOV"})
    # guardian-0190: "... the Turkish Kurdish PKK, with whom it has fought a four decade insurgency":
    # "it" is Ankara, not the PKK the clause hangs on.
    (fight,) = analyse(
        "Ankara views the Syrian Kurds as an extension of the Turkish Kurdish PKK, with whom it has fought "
        "a four decade insurgency inside its borders."
    ).events
    assert actors(fight) == {"TUR GOV"}


def test_guardian_reported_conditional_retaliation_is_not_asserted(guardian):
    # "... said last month that Russia would shoot down incoming missiles and attack their launching
    # platforms if a US strike on Syria threatened Russian military personnel."
    events = in_sentence(guardian["guardian-0131"], "would shoot down incoming missiles")
    assert {e.type for e in events} >= {"FIGHT"}
    assert all(e.modality != "asserted" for e in events)
    attack = next(e for e in events if e.type == "FIGHT" and actors(e) == {"RUS MIL"})
    assert attack.condition == "if a US strike on Syria threatened Russian military personnel"


# --------------------------------------------------------------------------------------------
# Modality on sentences written for these tests


@pytest.mark.parametrize(
    ("sentence", "kind", "modality"),
    [
        ("Russian troops did not attack Kyiv on Monday.", "FIGHT", "negated"),
        ("Russia and Belarus will hold joint military exercises in February.", "COOPERATE", "future"),
        ("NATO said Russian forces had shelled Kharkiv.", "FIGHT", "reported"),
        ("Ukrainian forces shelled Russian positions near Bakhmut.", "FIGHT", "asserted"),
        ("If Iran attacks Israel, the United States would impose new sanctions on Tehran.", "SANCTION", "conditional"),
    ],
)
def test_modality(sentence, kind, modality):
    events = [e for e in analyse(sentence).events if e.type == kind]
    assert [e.modality for e in events] == [modality]


def test_future_cooperation_is_an_agreement_and_a_refusal_a_rejection():
    # The PLOVER manual: cooperative actions reported in future tense are intentions (AGREE).
    assert analyse("Israel will evacuate all 21 settlements in the Gaza Strip.").events[0].type == "AGREE"
    assert analyse("Syria says it will not accept any more refugees.").events[0].type == "REJECT"


def test_conditional_retaliation_names_its_actors_and_target():
    events = analyse("If Iran attacks Israel, the United States would impose new sanctions on Tehran.").events
    attack = next(e for e in events if e.type == "FIGHT")
    sanction = next(e for e in events if e.type == "SANCTION")
    assert (actors(attack), targets(attack)) == ({"IRN MIL"}, {"ISR"})
    assert actors(sanction) == {"USA GOV"} and targets(sanction) == {"IRN"}
    assert sanction.condition == "If Iran attacks Israel"


# --------------------------------------------------------------------------------------------
# Exports


def test_acled_rows_carry_date_precision_actors_place_and_sentence(seed):
    rows = list(csv.DictReader(io.StringIO(acled_header() + acled_csv(seed, min_confidence=0.0))))
    assert tuple(rows[0]) == COLUMNS
    deploy = next(r for r in rows if r["event_type"] == "MOBILIZE" and r["modality"] == "asserted")
    assert (deploy["event_date"], deploy["time_precision"]) == ("2022-01-11", "month-part")
    assert (deploy["actor1"], deploy["location"]) == ("RUS MIL", "Belarus")
    assert float(deploy["latitude"]) == pytest.approx(53.5, abs=0.5)
    assert deploy["source_sentence"].startswith("Since the middle of January, Russia has been moving troops")
    threat = next(r for r in rows if r["event_type"] == "THREATEN" and r["actor1"] == "USA GOV")
    assert threat["event_date"] == "" and threat["location"] == ""  # unknown stays empty
    assert threat["notes"] == "condition: if it participates in Russian aggression against Ukraine"


def test_every_event_points_at_the_word_it_was_coded_from(seed):
    text = seed.document.text
    assert seed.events
    for event in seed.events:
        trigger = event.trigger
        assert trigger is not None and text[trigger.start : trigger.end] == trigger.text
        assert event.sentence.start <= trigger.start < trigger.end <= event.sentence.end
    # Checked by hand: the sanctions threat is coded from "threatening", the deployment from "moving".
    threat = next(e for e in seed.events if e.type == "THREATEN" and actors(e) == {"USA GOV"})
    assert threat.trigger.text == "threatening"  # type: ignore[union-attr]
    deploy = next(e for e in seed.events if e.type == "MOBILIZE" and e.modality == "asserted")
    assert deploy.trigger.text == "moving"  # type: ignore[union-attr]


def test_brief_shows_what_was_coded_beside_each_event(seed):
    from newsint.export.brief import _trigger_in_context

    shown = {e.trigger.text: _trigger_in_context(e, seed.document.text).plain for e in seed.events if e.trigger}
    # The trigger with a few words of its sentence either side, cut at word boundaries.
    assert shown["threatening"] == "…United States is threatening Minsk with new…"
    assert shown["moving"] == "…Russia has been moving troops from the…"
    text = render_brief_text(seed, color=False, min_confidence=0.0)  # every event, whatever its score
    timeline = text.index("Timeline (asserted events)")
    assert "what" in text[timeline : timeline + 800] and "threatening" in text[timeline:]


def test_brief_shows_asserted_timeline_then_the_rest(seed):
    text = render_brief_text(seed, color=False)
    timeline, rest = text.index("Timeline (asserted events)"), text.index("Reported, hypothetical and other events")
    assert timeline < rest
    assert text.index("2020-01-01", timeline) < text.index("2022-02-10", timeline) < rest
    assert "hypothetical" in text[rest:]


# --------------------------------------------------------------------------------------------
# An example wire story (examples/example-wire-drills-extended.txt)


@pytest.fixture(scope="module")
def wire() -> Analysis:
    path = Path(__file__).resolve().parents[2] / "examples" / "example-wire-drills-extended.txt"
    return analyse(path.read_text(encoding="utf-8"))


def test_wire_trip_for_talks_is_consult_between_the_two_governments(wire):
    # "Lukashenko flew to Moscow on Friday for talks with President Vladimir Putin."
    (event,) = in_sentence(wire, "flew to Moscow on Friday for talks")
    assert (event.type, event.modality) == ("CONSULT", "asserted")
    assert (actors(event), targets(event)) == ({"BLR GOV"}, {"RUS GOV"})


def test_wire_denial_is_a_claim_and_the_invasion_it_denies_is_not_asserted(wire):
    # "The Kremlin has repeatedly denied that it plans to invade Ukraine." A denial of an
    # accusation is a claim (shared/gold/ANNOTATE.md: "X claimed/denied" is an attribution), not
    # a REJECT of a proposal (issue #15).
    events = in_sentence(wire, "repeatedly denied that it plans to invade")
    assert not [e for e in events if e.type == "REJECT"]
    invasion = next(e for e in events if e.type == "FIGHT")
    assert invasion.modality != "asserted" and targets(invasion) == {"UKR"}


def test_wire_massing_of_troops_is_reported_from_the_ambassador(wire):
    # "... Michael Carpenter, told the organisation's members that Russia had probably massed between
    # 169,000 and 190,000 personnel in and near Ukraine ..."
    (event,) = [e for e in in_sentence(wire, "Russia had probably massed") if e.type == "MOBILIZE"]
    assert actors(event) == {"RUS MIL"}
    assert event.modality == "reported" and event.claim is not None


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Nigerian Union of Teachers", "NGA LAB"),
        ("Sri Lanka Freedom Party", "LKA PTY"),
        ("Latvian Constitutional Court", "LVA JUD"),
        ("Norwegian Refugee Council", None),  # no role word: an NGO is no state's
        ("Radical French", None),  # a misparse headed by the demonym
        ("Revolutionary United Front", None),  # no country named
    ],
)
def test_unknown_organisation_is_coded_from_its_own_name(name, code):
    assert named_actor("ORG", name) == code
    assert named_actor("PLACE", name) is None


def test_a_demand_made_of_someone_targets_them():
    analysis = analyse("The strikers demanded higher wages from Polish authorities.")
    (event,) = [e for e in analysis.events if e.type == "DEMAND"]
    assert targets(event) == {"POL GOV"}


def test_answer_to_a_request_targets_whoever_asked():
    rejection = analyse("Hamas rejected an invitation from Egypt to attend the talks.")
    (event,) = [e for e in rejection.events if e.type == "REJECT"]
    assert (actors(event), targets(event)) == ({"PSE REB"}, {"EGY"})
    concession = analyse("The Ukrainian government accepted demands from Polish farmers for a ban on grain imports.")
    (event,) = [e for e in concession.events if e.type == "CONCEDE"]
    assert (actors(event), targets(event)) == ({"UKR GOV"}, {"POL AGR"})


def test_a_people_named_inside_the_object_is_the_target():
    analysis = analyse("The commission investigated the treatment of 2,000 Libyans held in the camps.")
    (event,) = [e for e in analysis.events if e.type == "INVESTIGATE"]
    assert targets(event) == {"LBY CVL"}


def test_a_passive_subject_is_what_the_act_is_done_to():
    analysis = analyse("Three Syrian soldiers were killed in the attack near Damascus.")
    assert {t for e in analysis.events for t in targets(e)} == {"SYR MIL"}
    shelled = analyse("Two Ukrainian villages were shelled overnight.")
    (event,) = shelled.events
    assert targets(event) == {"UKR"}


def test_a_passive_state_with_a_party_keeps_its_subject_as_actor_side():
    # "opposed to X": X is the party, the subject is not acted upon.
    analysis = analyse("Israel is opposed to French mediation in the talks.")
    (event,) = [e for e in analysis.events if e.type == "REJECT"]
    assert "ISR" not in targets(event)


def test_whoever_is_to_do_what_is_demanded_is_the_target():
    analysis = analyse("The ministry demanded an immediate withdrawal by Russian forces.")
    (event,) = [e for e in analysis.events if e.type == "DEMAND"]
    assert targets(event) == {"RUS MIL"}


def test_a_stance_prefix_does_not_make_its_name_the_party():
    # "anti-Kremlin" says whom the blogger opposes, not that the Kremlin was attacked.
    analysis = analyse("An anti-Kremlin blogger was attacked in Vilnius.")
    assert all("RUS GOV" not in targets(e) for e in analysis.events)


def test_a_deed_named_inside_a_party_phrase_gives_its_own_party():
    # "for a possible war against Russia": the mobilisation is aimed at whom the war would be.
    analysis = analyse("Germany mobilized reservists for a possible war against Russia.")
    (event,) = [e for e in analysis.events if e.type == "MOBILIZE"]
    assert (actors(event), targets(event)) == ({"DEU MIL"}, {"RUS"})


def test_mediation_among_parties_targets_them():
    analysis = analyse("The European Union halted mediation among Serbia's feuding parties.")
    (event,) = analysis.events
    assert (actors(event), targets(event)) == ({"EU"}, {"SRB"})


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Protesters blocked the border crossing to show their anger at the Polish government.", "POL GOV"),
        (
            "Thousands of students marched through Tbilisi to voice their opposition to the Russian government.",
            "RUS GOV",
        ),
    ],
)
def test_a_protest_purpose_names_its_target(sentence, target):
    (event,) = [e for e in analyse(sentence).events if e.type == "PROTEST"]
    assert targets(event) == {target}


def test_the_other_side_of_a_suspended_relation_is_the_target():
    analysis = analyse("Lithuania announced a suspension of rail links with Belarus on Monday.")
    (event,) = [e for e in analysis.events if e.type == "SANCTION"]
    assert (actors(event), targets(event)) == ({"LTU GOV"}, {"BLR"})


def test_a_place_on_a_border_inside_an_of_phrase_is_no_party():
    analysis = analyse("Turkish troops captured part of a Kurdish stronghold on the Syrian border.")
    (event,) = [e for e in analysis.events if e.type == "FIGHT"]
    assert "SYR" not in targets(event)


def test_an_act_in_defiance_of_someone_targets_them():
    analysis = analyse("Thousands marched through Tbilisi in defiance of the Russian government.")
    (event,) = [e for e in analysis.events if e.type == "PROTEST"]
    assert targets(event) == {"RUS GOV"}


def test_an_investigation_into_deeds_targets_whoever_did_them():
    text = "Ukrainian prosecutors opened an investigation into war crimes committed by Russian troops near Kyiv."
    (event,) = [e for e in analyse(text).events if e.type == "INVESTIGATE"]
    assert (actors(event), targets(event)) == ({"UKR GOV"}, {"RUS MIL"})


def test_an_object_moved_after_its_label_is_the_target():
    text = "The foreign ministry condemned as illegal aggression Russia's annexation of the peninsula."
    (event,) = [e for e in analyse(text).events if e.type == "DISAPPROVE"]
    assert targets(event) == {"RUS"}
