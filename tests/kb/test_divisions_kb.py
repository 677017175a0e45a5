"""First-level divisions worldwide (kb/places.py over kb/data/geonames-places.tsv.gz): GeoNames'
names for provinces, states and governorates, their points, and when a name means one.

Expected points are checked against an atlas: each lies inside the division named (a box of its
extreme latitudes and longitudes, rounded outward).
"""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from newsint.kb.places import Division, box_centre, city_index, division_forms, lookup_place, place_by_id

ROOT = Path(__file__).resolve().parents[2]


def first_division(name: str):
    found = [e for e in lookup_place(name) if e.id.startswith("admin1:")]
    assert found, f"no division called {name!r}"
    return found[0]


@pytest.mark.parametrize(
    ("name", "iso3", "box"),
    [
        # name, country, (south, west, north, east) of the division itself
        ("Alberta", "CAN", (49.0, -120.0, 60.0, -110.0)),
        ("Queensland", "AUS", (-29.2, 138.0, -10.0, 153.6)),
        ("Helmand", "AFG", (29.8, 62.9, 32.9, 65.3)),
        ("Sichuan", "CHN", (26.0, 97.3, 34.3, 108.6)),
        ("Tigray", "ETH", (12.2, 36.4, 14.9, 40.0)),  # also a curated region: it must come first
        ("Bavaria", "DEU", (47.2, 8.9, 50.6, 13.9)),
    ],
)
def test_a_division_is_found_by_its_english_name_and_placed_inside_it(name, iso3, box) -> None:
    place = lookup_place(name)[0]
    assert place.iso3 == iso3, place
    south, west, north, east = box
    assert south <= place.lat <= north and west <= place.lon <= east, (place.lat, place.lon)


def test_a_local_designator_is_dropped_from_the_name_news_uses() -> None:
    assert division_forms("Jiangxi Sheng") == ("Jiangxi Sheng", "Jiangxi")
    assert division_forms("Xinjiang Uygur Zizhiqu") == ("Xinjiang Uygur Zizhiqu", "Xinjiang")
    assert division_forms("Muhafazat Kirkuk") == ("Muhafazat Kirkuk", "Kirkuk")
    assert division_forms("Basra Governorate") == ("Basra Governorate", "Basra")  # news: "Basra province"
    # English designators stay: without them the name is a common word.
    assert division_forms("Northern Territory") == ("Northern Territory",)
    jiangxi = first_division("Jiangxi")
    assert jiangxi.name == "Jiangxi" and jiangxi.iso3 == "CHN"
    assert first_division("Jiangxi Sheng").id == jiangxi.id


def test_a_name_several_countries_give_a_division_is_ambiguous() -> None:
    punjab = [e for e in lookup_place("Punjab") if e.id.startswith("admin1:")]
    assert {e.iso3 for e in punjab} == {"IND", "PAK"}
    assert all(e.ambiguous for e in punjab)


def test_a_division_named_only_by_common_words_is_not_a_name() -> None:
    # Papua New Guinea's Gulf Province and France's Centre are divisions, but "the Gulf" and "the
    # Centre" in news are not them; they stay reachable by id.
    assert not [e for e in lookup_place("Gulf") if e.id.startswith("admin1:")]
    assert not [e for e in lookup_place("Centre") if e.id.startswith("admin1:")]
    assert place_by_id("admin1:PG-02").iso3 == "PNG"


def test_the_town_a_division_is_named_after_comes_before_the_division() -> None:
    # Hama (about 700,000 people) and Daraa (under 100,000) both come before their governorates.
    for name in ("Hama", "Daraa", "Herat"):
        found = lookup_place(name)
        town = next(e for e in found if e.id.startswith("geonames:"))
        division = next(e for e in found if e.id.startswith("admin1:"))
        assert found.index(town) < found.index(division), name
        assert (town.iso3, town.admin1) == (division.iso3, division.admin1)


def test_the_point_is_the_box_centre_outside_the_us_and_the_mean_for_us_states() -> None:
    quebec = Division("CA", "10", "Quebec", 46.69, -72.62, (45.0, -79.5, 62.4, -57.1), 541)
    assert quebec.centre == (53.7, -68.3)  # the mean (46.7 N) sits on the St Lawrence, far south
    new_york = Division("US", "NY", "New York", 41.95, -74.88, (40.5, -79.8, 45.0, -71.9), 1000)
    assert new_york.centre == (41.95, -74.88)


def test_a_box_across_the_antimeridian_falls_back_to_the_mean() -> None:
    # Chukotka's places run from 170 E to 170 W: a box of min/max longitudes would be the whole globe.
    assert box_centre([(64.0, -179.9, 70.0, 179.9)], fallback=(66.0, 175.0)) == (66.0, 175.0)
    assert box_centre([(0.0, 10.0, 2.0, 20.0), (4.0, 12.0, 6.0, 30.0)], fallback=(0, 0)) == (3.0, 20.0)


def test_most_divisions_in_the_index_have_a_name() -> None:
    divisions = city_index().divisions()
    named = [d for d in divisions.values() if d.name]
    assert len(named) / len(divisions) > 0.9
    assert divisions[("AF", "10")].name == "Helmand"


def _load_builder():
    spec = importlib.util.spec_from_file_location("build_places_index", ROOT / "scripts" / "build_places_index.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_the_builder_names_a_division_by_what_most_of_its_matched_places_say(tmp_path: Path) -> None:
    builder = _load_builder()
    cities = [
        {"name": "Calgary", "countrycode": "CA", "admin1code": "01", "latitude": 51.05, "longitude": -114.08},
        {"name": "Edmonton", "countrycode": "CA", "admin1code": "01", "latitude": 53.55, "longitude": -113.47},
        {"name": "Banff", "countrycode": "CA", "admin1code": "01", "latitude": 51.18, "longitude": -115.57},
        {"name": "Regina", "countrycode": "CA", "admin1code": "11", "latitude": 50.45, "longitude": -104.61},
    ]
    rows = [
        # two say Alberta, one misspells it; Regina's row is too far from the index's Regina to match
        ("51.0501", "-114.0853", "Calgary", "Alberta", "", "CA"),
        ("53.5501", "-113.4687", "Edmonton", "Alberta", "", "CA"),
        ("51.1800", "-115.5700", "Banff", "Albreta", "", "CA"),
        ("48.0000", "-104.6100", "Regina", "Saskatchewan", "", "CA"),
    ]
    path = tmp_path / "rg.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["lat", "lon", "name", "admin1", "admin2", "cc"])
        writer.writerows(rows)
    assert builder.division_names(path, cities) == {("CA", "01"): "Alberta"}
