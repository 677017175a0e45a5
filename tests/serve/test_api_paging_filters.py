"""Paging (limit + opaque cursor, total counts) and filters, negative ones included; exports
honour the same filters as the list."""

from __future__ import annotations

import json


def _all_pages(client, path: str, **params) -> list[dict]:
    items: list[dict] = []
    cursor = None
    while True:
        body = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})}).json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items


def test_pages_cover_the_list_once_in_order(client) -> None:
    whole = client.get("/api/1/events", params={"limit": 1000}).json()
    paged = _all_pages(client, "/api/1/events", limit=7)
    assert [e["event_id_cnty"] for e in paged] == [e["event_id_cnty"] for e in whole["items"]]
    first = client.get("/api/1/events", params={"limit": 7}).json()
    assert first["total"] == whole["total"] and len(first["items"]) == 7 and first["next_cursor"]


def test_a_cursor_is_refused_under_other_filters_or_when_forged(client) -> None:
    cursor = client.get("/api/1/articles", params={"limit": 2}).json()["next_cursor"]
    other = client.get("/api/1/articles", params={"limit": 2, "cursor": cursor, "outlet": "Meridian Wire"})
    assert other.status_code == 422
    assert other.json()["error"]["code"] == "bad_cursor"
    forged = client.get("/api/1/articles", params={"cursor": "not-a-cursor"})
    assert forged.status_code == 422 and forged.json()["error"]["code"] == "bad_cursor"


def test_outlet_and_not_outlet_split_the_articles(client) -> None:
    total = client.get("/api/1/articles").json()["total"]
    wire = client.get("/api/1/articles", params={"outlet": "Meridian Wire"}).json()
    rest = client.get("/api/1/articles", params={"not_outlet": "Meridian Wire"}).json()
    assert wire["total"] > 0 and rest["total"] > 0
    assert wire["total"] + rest["total"] == total
    assert {a["outlet"] for a in wire["items"]} == {"Meridian Wire"}
    assert "Meridian Wire" not in {a["outlet"] for a in rest["items"]}


def test_entity_and_not_entity_split_the_articles(client) -> None:
    total = client.get("/api/1/articles").json()["total"]
    named = client.get("/api/1/articles", params={"entity": "Stoltenberg"}).json()["total"]
    unnamed = client.get("/api/1/articles", params={"not_entity": "Stoltenberg"}).json()["total"]
    assert 0 < named < total and named + unnamed == total


def test_text_query_and_dates_filter_articles(client) -> None:
    everything = client.get("/api/1/articles").json()["items"]
    zapad = client.get("/api/1/articles", params={"q": "Zapad"}).json()
    assert 0 < zapad["total"] < len(everything)
    dated = sorted(a["published"] for a in everything if a["published"])
    late = client.get("/api/1/articles", params={"from": dated[-1]}).json()
    assert late["total"] == dated.count(dated[-1])
    early = client.get("/api/1/articles", params={"to": dated[0]}).json()
    assert all(a["published"] <= dated[0] for a in early["items"])


def test_event_type_modality_and_negation(client) -> None:
    total = client.get("/api/1/articles").json()["total"]
    with_type = client.get("/api/1/articles", params={"event_type": "MOBILIZE"}).json()["total"]
    without = client.get("/api/1/articles", params={"not_event_type": "MOBILIZE"}).json()["total"]
    assert with_type > 0 and with_type + without == total
    hypothetical = client.get("/api/1/events", params={"modality": "hypothetical", "limit": 1000}).json()
    assert {e["modality"] for e in hypothetical["items"]} <= {"hypothetical"}


def test_facets_count_the_filtered_set(client) -> None:
    wire = client.get("/api/1/articles", params={"outlet": "Meridian Wire"}).json()
    assert wire["facets"]["outlet"] == [{"value": "Meridian Wire", "count": wire["total"]}]


def test_export_honours_the_filters(client) -> None:
    wire = client.get("/api/1/articles", params={"outlet": "Meridian Wire"}).json()
    lines = client.get("/api/1/exports/jsonl", params={"outlet": "Meridian Wire"}).text.splitlines()
    assert len(lines) == wire["total"]
    assert {json.loads(line)["document"]["title"] for line in lines} == {a["title"] for a in wire["items"]}
    everything = client.get("/api/1/exports/jsonl").text.splitlines()
    assert len(everything) > len(lines)


def test_bad_filter_values_are_422_in_the_error_shape(client) -> None:
    for params in (
        {"from": "last tuesday"},
        {"modality": "certain"},
        {"bbox": "1,2,3"},
        {"from": "2022-03-01", "to": "2022-01-01"},
    ):
        response = client.get("/api/1/articles", params=params)
        assert response.status_code == 422, params
        assert set(response.json()) == {"error"} and response.json()["error"]["code"] == "invalid_parameter"
