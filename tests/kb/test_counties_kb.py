"""US counties (kb/data/us-counties.tsv, built by scripts/build_us_counties.py): loaded as places
with a representative point, a name several states share flagged ambiguous.

Reference points checked by hand against the counties' published centres (US Census gazetteer
values, rounded): Tarrant County, Texas 32.77 N 97.29 W; Clarke County, Georgia 33.95 N 83.37 W;
Rapides Parish, Louisiana 31.20 N 92.53 W."""

from __future__ import annotations

import pytest

from newsint.kb.common import data_path
from newsint.kb.places import COUNTIES_FILE, lookup_place, place_by_id


def test_the_file_says_where_it_comes_from_and_when() -> None:
    header = [line for line in data_path(COUNTIES_FILE).read_text("utf-8").splitlines() if line.startswith("#")]
    text = "\n".join(header)
    assert "# source: zipcodes" in text and "# valid_as_of:" in text and "# built-by:" in text
    rows = [line for line in data_path(COUNTIES_FILE).read_text("utf-8").splitlines() if not line.startswith("#")]
    assert len(rows) > 3000  # the US has 3,143 counties and equivalents; a truncated build shows here


@pytest.mark.parametrize(
    ("name", "state", "lat", "lon"),
    [("Tarrant County", "TX", 32.77, -97.29), ("Rapides Parish", "LA", 31.20, -92.53)],
)
def test_a_county_only_one_state_has_is_found_at_its_centre(name: str, state: str, lat: float, lon: float) -> None:
    [county] = [e for e in lookup_place(name) if e.kind == "county"]
    assert (county.iso3, county.admin1, county.ambiguous) == ("USA", state, False)
    assert abs(county.lat - lat) < 0.15 and abs(county.lon - lon) < 0.15  # type: ignore[operator]
    assert county.approximate and place_by_id(county.id) == county


def test_a_name_many_states_share_is_ambiguous() -> None:
    counties = [e for e in lookup_place("Washington County") if e.kind == "county"]
    assert len(counties) >= 25 and all(c.ambiguous for c in counties)
    georgia = next(c for c in lookup_place("Clarke County") if c.admin1 == "GA")
    assert abs(georgia.lat - 33.95) < 0.1 and abs(georgia.lon + 83.37) < 0.1  # type: ignore[operator]
