"""Each resource of the API over the examples store: what it returns is what the store holds."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

ARTICLES = 8  # examples/: 4 single files (one in Russian) + the 3-record JSON Lines feed + the PDF (examples/README.md)


def test_stats_count_the_store(client) -> None:
    stats = client.get("/api/1/stats").json()
    assert stats["articles"] == ARTICLES
    assert stats["backend"] == "sqlite"


def test_article_list_is_every_article_with_counts_and_facets(client) -> None:
    body = client.get("/api/1/articles", params={"limit": 100}).json()
    assert body["total"] == ARTICLES == len(body["items"])
    assert body["next_cursor"] is None
    outlets = {f["value"]: f["count"] for f in body["facets"]["outlet"]}
    assert sum(outlets.values()) == ARTICLES
    assert outlets["Meridian Wire"] >= 3  # the feed's three records
    assert {"entity", "event_type", "modality"} <= body["facets"].keys()
    assert all(item["counts"]["entities"] > 0 for item in body["items"])


def test_one_article_is_its_analysis_json_with_entity_keys(client) -> None:
    first = client.get("/api/1/articles", params={"limit": 1}).json()["items"][0]
    article = client.get(f"/api/1/articles/{first['id']}").json()
    analysis = article["analysis"]
    assert analysis["schema"] == "newsint.analysis/1"
    assert analysis["document"]["title"] == first["title"]
    text = analysis["document"]["text"]
    for entity in analysis["entities"]:
        for mention in entity["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
    # Each article entity links to its corpus entity, which the entities resource knows.
    key = next(iter(article["entity_keys"].values()))
    assert client.get(f"/api/1/entities/{key}").status_code == 200


def test_entities_most_mentioned_first_and_one_entity_page(client) -> None:
    body = client.get("/api/1/entities", params={"limit": 5}).json()
    mentions = [e["mentions"] for e in body["items"]]
    assert mentions == sorted(mentions, reverse=True)
    assert body["total"] > 5
    nato = client.get("/api/1/entities", params={"name": "NATO"}).json()["items"][0]
    page = client.get(f"/api/1/entities/{nato['key']}").json()
    assert page["key"] == nato["key"] == "org:nato"
    assert page["claims_by"], "NATO's claims (examples/README.md: NATO says about 30,000 troops)"
    assert sum(d["mentions"] for d in page["timeline"]) == nato["mentions"]


def test_claims_carry_source_cue_content_and_figures(client) -> None:
    body = client.get("/api/1/claims", params={"limit": 1000}).json()
    assert body["total"] == client.get("/api/1/stats").json()["claims"]
    stoltenberg = [c for c in body["items"] if "Stoltenberg" in (c["source"] or "")]
    assert any("30,000" in " ".join(c["figures"]) for c in stoltenberg)


def test_figures_contradicted_nato_against_ukraine(client) -> None:
    body = client.get("/api/1/figures", params={"kind": "contradicted"}).json()
    # NATO's Stoltenberg: about 30,000 troops; Ukraine's Demchenko and Reznikov: about 9,000.
    pairs = [[{s["source"] for s in side["sources"]} for side in pair["sides"]] for pair in body["items"]]
    assert any({"Andriy Demchenko", "Oleksii Reznikov"} in p and {"Jens Stoltenberg"} in p for p in pairs), pairs
    corroborated = client.get("/api/1/figures", params={"kind": "corroborated"}).json()
    assert all(g["corroborated"] for g in corroborated["items"])


def test_events_are_acled_shaped_and_filter_by_type_and_actor(client) -> None:
    everything = client.get("/api/1/events", params={"limit": 1000}).json()
    assert everything["total"] == client.get("/api/1/stats").json()["events"]
    row = everything["items"][0]
    assert {
        "event_date",
        "event_type",
        "actor1",
        "actor2",
        "location",
        "latitude",
        "longitude",
        "source",
        "notes",
    } <= row.keys()
    mobilize = client.get("/api/1/events", params={"event_type": "MOBILIZE", "limit": 1000}).json()
    assert 0 < mobilize["total"] < everything["total"]
    assert {e["event_type"] for e in mobilize["items"]} == {"MOBILIZE"}
    russian = client.get("/api/1/events", params={"actor": "RUS", "limit": 1000}).json()
    assert russian["total"] > 0
    assert all(any(c.split()[0] == "RUS" for c in e["actor1_codes"] + e["actor2_codes"]) for e in russian["items"])


def test_event_dates_and_timeline_agree(client) -> None:
    timeline = client.get("/api/1/events/timeline").json()
    dated = sum(d["events"] for d in timeline["days"])
    assert dated > 0
    day = timeline["days"][0]["date"]
    one_day = client.get("/api/1/events", params={"from": day, "to": day}).json()
    assert one_day["total"] == timeline["days"][0]["events"]
    assert all(e["event_date"].startswith(day) for e in one_day["items"])


def test_bounding_box_keeps_events_located_inside(client) -> None:
    located = [
        e for e in client.get("/api/1/events", params={"limit": 1000}).json()["items"] if e["latitude"] is not None
    ]
    assert located, "the examples locate some events (Brest, Gomel…)"
    inside = client.get("/api/1/events", params={"bbox": "23,51,33,57", "limit": 1000}).json()["items"]  # Belarus
    assert inside and all(23 <= e["longitude"] <= 33 and 51 <= e["latitude"] <= 57 for e in inside)
    elsewhere = client.get("/api/1/events", params={"bbox": "-80,-10,-60,10"}).json()  # Amazonia
    assert elsewhere["total"] == 0


def test_network_nodes_laid_out_and_edges_weighted(client) -> None:
    graph = client.get("/api/1/network").json()
    assert graph["nodes"] and graph["edges"]
    ids = {n["id"] for n in graph["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in graph["edges"])
    assert all(0 <= n["x"] <= 1 and 0 <= n["y"] <= 1 for n in graph["nodes"])
    assert all(e["weight"] == e["events"] + e["claims"] for e in graph["edges"])
    assert len(client.get("/api/1/network", params={"max_nodes": 3}).json()["nodes"]) == 3


def test_search_finds_words_in_articles_and_claims(client) -> None:
    body = client.get("/api/1/search", params={"q": "troops", "limit": 1000}).json()
    assert body["total"] > 0
    assert {h["kind"] for h in body["items"]} == {"article", "claim"}
    claims = client.get("/api/1/search", params={"q": "troops", "kind": "claim", "limit": 1000}).json()
    assert claims["total"] < body["total"]
    assert {h["kind"] for h in claims["items"]} == {"claim"}


def test_search_pages_without_counting_every_match_until_the_last_page(client) -> None:
    whole = client.get("/api/1/search", params={"q": "troops", "limit": 1000}).json()
    first = client.get("/api/1/search", params={"q": "troops", "limit": 3}).json()
    assert (first["total"], first["more"], len(first["items"])) == (None, True, 3)
    seen, cursor, last = [], None, None
    while True:
        last = client.get(
            "/api/1/search", params={"q": "troops", "limit": 3, **({"cursor": cursor} if cursor else {})}
        ).json()
        seen += last["items"]
        cursor = last["next_cursor"]
        if cursor is None:
            break
    assert seen == whole["items"]
    assert (last["total"], last["more"]) == (whole["total"], False)


def test_search_takes_the_article_filters(client) -> None:
    wire = client.get("/api/1/search", params={"q": "troops", "outlet": "Meridian Wire", "limit": 1000}).json()
    assert wire["total"] > 0 and {h["outlet"] for h in wire["items"]} == {"Meridian Wire"}
    named = client.get("/api/1/search", params={"q": "troops", "entity": "Stoltenberg", "limit": 1000}).json()
    articles = {a["id"] for a in client.get("/api/1/articles", params={"entity": "Stoltenberg"}).json()["items"]}
    assert named["total"] > 0 and {h["article_id"] for h in named["items"]} <= articles


@pytest.mark.parametrize("export_format", ["jsonl", "geojson", "acled", "ftm", "gexf"])
def test_every_export_format_answers(client, export_format) -> None:
    response = client.get(f"/api/1/exports/{export_format}")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    assert response.content


def test_csv_export_is_a_zip_of_tables_and_one_table_alone(client) -> None:
    archive = zipfile.ZipFile(io.BytesIO(client.get("/api/1/exports/csv").content))
    assert "events.csv" in archive.namelist()
    table = client.get("/api/1/exports/csv", params={"table": "events"})
    assert table.headers["content-type"].startswith("text/csv")


def test_openapi_and_offline_docs(client) -> None:
    schema = client.get("/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    for path in (
        "/api/1/articles",
        "/api/1/articles/{article_id}",
        "/api/1/entities",
        "/api/1/claims",
        "/api/1/figures",
        "/api/1/events",
        "/api/1/network",
        "/api/1/exports/{export_format}",
        "/api/1/stats",
    ):
        assert path in schema["paths"], path
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower()
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_dashboard_is_served_with_its_vendored_assets(client) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "script-src 'self'" in page.headers["content-security-policy"]
    for asset in (
        "/static/js/main.js",
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/leaflet/leaflet.css",
        "/static/vendor/leaflet/LICENSE",
        "/static/vendor/countries.geojson",
    ):
        assert client.get(asset).status_code == 200, asset
    assert "http" not in page.text.replace("http-equiv", ""), "no asset from another host"
    outlines = json.loads(client.get("/static/vendor/countries.geojson").content)
    assert any(f["properties"]["iso"] == "BLR" for f in outlines["features"])
