"""Ingest jobs: submitted documents are analysed and stored, failed ones listed by name, and
"retry" sends only those again; the lists see the new articles without a restart."""

from __future__ import annotations

import shutil

ARTICLE = """Belarus says joint drills with Russia will end on 20 February

MINSK, 10 February 2022 - Belarusian defence minister Viktor Khrenin said on Thursday that
the joint exercise with Russia would end on 20 February and that all Russian troops would
leave Belarus afterwards. NATO said about 30,000 Russian troops were in the country.
"""


def test_a_job_stores_what_it_can_and_lists_what_failed(examples_sqlite, tmp_path, make_client) -> None:
    store = tmp_path / "writable.db"
    shutil.copy(examples_sqlite, store)  # the session's examples store stays as it is
    client = make_client(str(store))
    before = client.get("/api/1/articles").json()["total"]

    submitted = client.post(
        "/api/1/jobs",
        json={
            "documents": [
                {"name": "khrenin.txt", "text": ARTICLE},
                {"name": "blank.txt", "text": "   \n  \n"},
            ]
        },
    )
    assert submitted.status_code == 202
    job_id = submitted.json()["id"]
    client.app.state.jobs.wait()

    job = client.get(f"/api/1/jobs/{job_id}").json()
    assert job["state"] == "done"
    assert (job["stored"], job["failed"], job["done"], job["documents"]) == (1, 1, 2, 2)
    assert [(f["name"], f["code"]) for f in job["failures"]] == [("blank.txt", "N002")]
    assert client.get("/api/1/articles").json()["total"] == before + 1
    found = client.get("/api/1/articles", params={"q": "Khrenin"}).json()["items"]
    assert "Belarus says joint drills with Russia will end on 20 February" in [a["title"] for a in found]

    retried = client.post(f"/api/1/jobs/{job_id}/retry").json()
    assert retried["documents"] == 1 and retried["retry_of"] == job_id
    client.app.state.jobs.wait()
    assert client.get(f"/api/1/jobs/{retried['id']}").json()["failures"][0]["name"] == "blank.txt"
    assert [j["id"] for j in client.get("/api/1/jobs").json()["items"]] == [retried["id"], job_id]


def test_retry_of_a_job_without_failures_is_409(examples_sqlite, tmp_path, make_client) -> None:
    store = tmp_path / "writable.db"
    shutil.copy(examples_sqlite, store)
    client = make_client(str(store))
    job_id = client.post("/api/1/jobs", json={"documents": [{"name": "a.txt", "text": ARTICLE}]}).json()["id"]
    client.app.state.jobs.wait()
    response = client.post(f"/api/1/jobs/{job_id}/retry")
    assert response.status_code == 409 and response.json()["error"]["code"] == "nothing_to_retry"
    assert client.get("/api/1/jobs/nope").status_code == 404
