"""Place names settled by the article (extract/entities/geocontext.py), on sentences from PolNeAR's news
texts (shared/data/attribution/polnear/train/text) and the Guardian corpus.

Coordinates checked by hand against the towns' known positions."""

from __future__ import annotations

import datetime as dt

from newsint.extract.entities.geocontext import dateline_town
from newsint.model import Analysis
from newsint.pipeline import analyze
from newsint.readers.raw import RawDocument


def run(text: str) -> Analysis:
    return analyze(RawDocument(source="test", reader="text", text=text), reference_date=dt.date(2016, 1, 1))


def place(a: Analysis, text: str):
    found = [e for e in a.entities if e.type == "PLACE" and any(m.text == text for m in e.mentions)]
    assert found, [(e.name, e.type, [m.text for m in e.mentions]) for e in a.entities]
    return found[0]


def test_a_state_abbreviation_after_a_town_picks_the_town_in_that_state() -> None:
    # usa-today_2016-07-27 (UPI): Pasadena, California (34.15 N, 118.14 W), not Pasadena, Texas.
    a = run("A handful of skywriters in Pasadena, Calif., are definitely not voting for Donald Trump.")
    pasadena = place(a, "Pasadena")
    assert abs(pasadena.attributes["lat"] - 34.15) < 0.2 and abs(pasadena.attributes["lon"] + 118.14) < 0.2
    assert pasadena.attributes["resolved_by"] == "document context"
    # ... and the abbreviation itself is the state, not a namesake elsewhere.
    assert place(a, "Calif.").kb_id == "admin1:US-CA"


def test_a_state_written_after_a_name_beats_an_ocean() -> None:
    # Atlantic, Iowa (41.40 N, 95.01 W), a town; "the Atlantic" alone stays the ocean.
    a = run("Carson campaign volunteer Braden Joplin indeed died in a car crash in Atlantic, Iowa, in January.")
    atlantic = place(a, "Atlantic")
    assert atlantic.attributes["iso"] == "USA" and abs(atlantic.attributes["lat"] - 41.40) < 0.2
    b = run("The convoy crossed the Atlantic in January.")
    assert place(b, "the Atlantic").kb_id == "region:atlantic-ocean"


def test_a_state_named_elsewhere_in_the_article_picks_the_local_namesake() -> None:
    # Paris, Texas (33.66 N, 95.56 W) in an article that names Texas; Paris, France otherwise.
    a = run(
        "The county fair opened in Paris on Friday. Texas state troopers closed two roads and the "
        "mayor thanked volunteers from across Lamar County."
    )
    assert abs(place(a, "Paris").attributes["lat"] - 33.66) < 0.2
    b = run("Protesters marched in Paris on Saturday against the French government's pension plan.")
    assert place(b, "Paris").attributes["iso"] == "FRA"


def test_without_evidence_the_best_known_namesake_stays() -> None:
    # guardian-0122: Homs, Syria; nothing in the sentence argues for another Homs.
    a = run("Israel bombed an Iranian Revolutionary Guard drone base in Homs province, despite Iranian appeals.")
    homs = place(a, "Homs province")
    assert homs.attributes.get("iso") == "SYR"
    assert "resolved_by" not in homs.attributes


def test_a_name_is_no_evidence_for_itself() -> None:
    # guardian-0055: Washington (DC, 38.9 N) must not move to a smaller Washington-area namesake
    # because it lies near the capital the same word already names.
    a = run(
        "The Turkish leader said Turkey's armed forces had finished preparations to enter Syria and that "
        "Washington was stalling on a commitment to leave the town of Manbij as a first step."
    )
    washington = [e for e in a.entities if any(m.text == "Washington" for m in e.mentions)]
    assert washington
    assert all("resolved_by" not in e.attributes for e in washington)
    assert all(abs(e.attributes.get("lat", 38.9) - 38.9) < 0.2 for e in washington)


def test_a_country_named_elsewhere_does_not_move_a_world_city_to_a_village() -> None:
    # A Guardian-style sentence pair: the United States is named, and so is Brussels. Brussels,
    # Belgium (50.85 N, 4.35 E, ~1.0 million) must not become Brussels, Wisconsin (~1,000 people)
    # on that evidence alone; a state written after it still would.
    a = run(
        "The United States sent more troops to Poland. "
        "Speaking at NATO headquarters in Brussels, the alliance's chief welcomed the move."
    )
    brussels = place(a, "Brussels")
    assert brussels.attributes["iso"] == "BEL" and abs(brussels.attributes["lat"] - 50.85) < 0.2
    b = run("The fire broke out at a dairy farm in Brussels, Wis., on Monday.")
    assert place(b, "Brussels").attributes["iso"] == "USA"


def test_a_variant_name_never_moves_a_place_to_a_town_not_called_so() -> None:
    # Guardian (2019, Baghuz): GeoNames lists "Mecca" among the variant names of Medina, Ohio;
    # Florida named beside it must not send the pilgrimage to Ohio. Mecca is Makkah (21.43 N, 39.83 E).
    a = run(
        "The 37-year-old American had just completed a pilgrimage to Mecca and his repeated messages "
        "to his wife in Florida had gone unanswered for over a week."
    )
    mecca = place(a, "Mecca")
    assert mecca.attributes["within"] == "SAU"
    assert abs(mecca.attributes["lat"] - 21.43) < 0.2


def test_washington_alone_is_the_capital_not_the_state() -> None:
    # Guardian (2019): "hailed in northern Syria and Washington" — the US capital (38.90 N, 77.04 W);
    # the state (47.3 N) only where the article says so.
    a = run("The battle for Baghuz is being hailed in northern Syria and Washington as the pinnacle of the war.")
    washington = place(a, "Washington")
    assert washington.kb_id == "geonames:4140963" and abs(washington.attributes["lat"] - 38.90) < 0.1
    b = run("Wildfires spread near Spokane and Seattle, Washington, on Monday.")
    assert place(b, "Washington").kb_id == "admin1:US-WA"
    c = run("The festival moved from Savannah to Athens, Georgia, last spring.")
    assert place(c, "Georgia").kb_id == "admin1:US-GA" and abs(place(c, "Athens").attributes["lat"] - 33.96) < 0.1


def test_georgia_is_the_us_state_when_the_article_places_its_towns_there() -> None:
    # Local news: towns in Georgia (US) named, none in the country; then Athens is Athens, Georgia
    # (33.96 N, 83.38 W). With Tbilisi named, Georgia stays the country.
    a = run(
        "The school board in Athens met on Tuesday. Parents drove in from Atlanta and Macon, and "
        "Georgia law requires a public vote."
    )
    assert place(a, "Georgia").kb_id == "admin1:US-GA"
    assert abs(place(a, "Athens").attributes["lat"] - 33.96) < 0.1
    b = run("Russian troops remain in Georgia. Officials in Tbilisi and Washington said talks would resume.")
    assert place(b, "Georgia").kb_id == "country:GEO"


def test_counties_get_a_point_and_a_shared_name_is_settled_by_the_state_of_the_others() -> None:
    # LGL 40558425 (Athens Banner-Herald): Barrow County is only in Georgia; Jackson County is in
    # 23 states, and the article's other county settles it: Georgia's (34.13 N, 83.56 W).
    a = run(
        "Two Northeast Georgia counties remain among the fastest-growing counties in the country, "
        "though their growth rates are slowing, new U.S. Census Bureau numbers reveal. Barrow County, "
        "previously ranked as the 12th fastest-growing U.S. county, fell to 18th in population growth. "
        "Jackson County ranked as the 25th fastest-growing county."
    )
    barrow, jackson = place(a, "Barrow County"), place(a, "Jackson County")
    assert barrow.kb_id == "county:US-GA-barrow-county" and barrow.attributes["kind"] == "county"
    assert jackson.kb_id == "county:US-GA-jackson-county"
    assert abs(jackson.attributes["lat"] - 34.13) < 0.1 and abs(jackson.attributes["lon"] + 83.56) < 0.1
    # Without a state anywhere, a shared county name gets no point rather than a guessed one.
    b = run("Washington County deputies arrested a man on Friday.")
    washington = [e for e in b.entities if any(m.text == "Washington County" for m in e.mentions)]
    assert all(e.attributes.get("lat") is None for e in washington)


def test_a_shared_county_name_near_a_town_of_the_article_in_its_state_is_that_county() -> None:
    # Henry County is in ten states; Atlanta is a Georgia town 40 km from Georgia's (33.45 N,
    # 84.15 W), and no other Henry County has a town of the article near it.
    a = run("The Henry County school board met on Tuesday. Atlanta traffic was heavy after the storm.")
    henry = place(a, "Henry County")
    assert henry.kb_id == "county:US-GA-henry-county"
    assert abs(henry.attributes["lat"] - 33.45) < 0.2 and abs(henry.attributes["lon"] + 84.15) < 0.2
    # With Nashville named too, Tennessee's Henry County (135 km from it) has as much to say for
    # it: no point rather than a guess.
    b = run("The Henry County school board met on Tuesday. Traffic was heavy in Atlanta and in Nashville.")
    assert place(b, "Henry County").attributes.get("lat") is None


def test_a_datelines_town_is_the_best_known_one_unless_its_state_or_country_is_written() -> None:
    # Datelines as wire services write them: the town in capitals, a state (AP abbreviation) or
    # country after it where the town is not the best-known of its name.
    paris = dateline_town("PARIS")
    assert paris is not None and paris.iso3 == "FRA"
    texas = dateline_town("PARIS, Tex.")
    assert texas is not None and (texas.iso3, texas.admin1) == ("USA", "TX")
    kyiv = dateline_town("KYIV, Ukraine")
    assert kyiv is not None and kyiv.iso3 == "UKR"
    assert dateline_town("NOWHEREVILLE") is None


def test_a_common_noun_is_never_linked_to_a_town_of_that_name() -> None:
    # LGL 42619403: "the metro area" is no town (GeoNames has a "Metro" in Indonesia); with
    # Georgia's towns named, it must not become a Georgian namesake either.
    a = run("The unemployment rate for the metro area remained below the statewide rate in Georgia and Atlanta.")
    metro = [e for e in a.entities if any(m.text == "the metro" for m in e.mentions)]
    assert all(e.kb_id is None and e.attributes.get("lat") is None for e in metro)
    assert place(a, "Atlanta").kb_id == "geonames:4180439"
