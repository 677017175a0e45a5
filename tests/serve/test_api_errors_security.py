"""One error shape for every error, API keys with scopes, request size and rate limits, CORS,
and the refusal to listen beyond loopback without a key."""

from __future__ import annotations

import pytest

from newsint.errors import UsageError
from newsint.serve.config import ServeSettings, check_exposure, parse_api_key

READER = "reader-key-0123456789"
WRITER = "writer-key-0123456789"


def _shape(response, status: int, code: str) -> None:
    assert response.status_code == status
    assert response.json() == {"error": {"code": code, "message": response.json()["error"]["message"]}}
    assert response.json()["error"]["message"]


def test_unknown_path_and_article_are_404(client) -> None:
    _shape(client.get("/api/1/no-such-thing"), 404, "not_found")
    _shape(client.get("/api/1/articles/0000"), 404, "not_found")
    _shape(client.get("/api/1/entities/person:nobody"), 404, "not_found")


def test_a_failure_inside_is_500_without_a_traceback(client, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(client.app.state.queries, "stats", broken)
    response = client.get("/api/1/stats")
    _shape(response, 500, "internal")
    assert "secret" not in response.text and "Traceback" not in response.text


def test_keys_401_without_or_with_an_unknown_key_403_without_the_scope(examples_sqlite, make_client) -> None:
    keys = (parse_api_key(f"{READER}:read"), parse_api_key(WRITER))
    client = make_client(examples_sqlite, api_keys=keys)
    _shape(client.get("/api/1/stats"), 401, "unauthorized")
    _shape(client.get("/api/1/stats", headers={"X-API-Key": "wrong-key-0123456789"}), 401, "unauthorized")
    assert client.get("/api/1/stats", headers={"X-API-Key": READER}).status_code == 200
    # Submitting an ingest job writes to the store: the read key may not.
    job = {"documents": [{"name": "a.txt", "text": "NATO said so."}]}
    _shape(client.post("/api/1/jobs", json=job, headers={"X-API-Key": READER}), 403, "forbidden")
    # The dashboard's files carry no data: served without a key, the data they load needs one.
    assert client.get("/").status_code == 200


def test_a_body_over_the_limit_is_413(examples_sqlite, make_client) -> None:
    client = make_client(examples_sqlite, max_body_bytes=1000)
    big = {"documents": [{"name": "big.txt", "text": "x" * 5000}]}
    _shape(client.post("/api/1/jobs", json=big), 413, "too_large")

    def chunks():  # no Content-Length: counted as it is read
        for _ in range(10):
            yield b"x" * 500

    _shape(client.post("/api/1/jobs", content=chunks(), headers={"Content-Type": "application/json"}), 413, "too_large")


def test_over_the_rate_limit_is_429_with_retry_after(examples_sqlite, make_client) -> None:
    client = make_client(examples_sqlite, rate_per_minute=3)
    assert [client.get("/api/1/stats").status_code for _ in range(3)] == [200, 200, 200]
    response = client.get("/api/1/stats")
    _shape(response, 429, "rate_limited")
    assert int(response.headers["retry-after"]) >= 1
    assert client.get("/").status_code == 200, "the dashboard's files are not counted"


def test_no_cors_headers_unless_configured(examples_sqlite, make_client) -> None:
    origin = {"Origin": "https://analyst.example"}
    plain = make_client(examples_sqlite).get("/api/1/stats", headers=origin)
    assert "access-control-allow-origin" not in plain.headers
    allowed = make_client(examples_sqlite, cors_origins=("https://analyst.example",)).get(
        "/api/1/stats", headers=origin
    )
    assert allowed.headers["access-control-allow-origin"] == "https://analyst.example"


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "example.org"])
def test_listening_beyond_loopback_needs_a_key(host) -> None:
    with pytest.raises(UsageError, match="--api-key"):
        check_exposure(ServeSettings(host=host))
    check_exposure(ServeSettings(host=host, api_keys=(parse_api_key(WRITER),)))


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1"])
def test_loopback_needs_no_key(host) -> None:
    check_exposure(ServeSettings(host=host))


def test_api_key_scopes_parse_and_short_keys_are_refused() -> None:
    assert {str(s) for s in parse_api_key(f"{READER}:read").scopes} == {"read"}
    assert {str(s) for s in parse_api_key(WRITER).scopes} == {"read", "write"}
    with pytest.raises(UsageError):
        parse_api_key("short")
    with pytest.raises(UsageError):
        parse_api_key(f"{READER}:admin")


def test_serve_command_refuses_a_public_host_without_a_key(cli, examples_sqlite) -> None:
    result = cli("serve", "--db", examples_sqlite, "--host", "0.0.0.0")
    assert result.exit_code != 0
    assert "--api-key" in result.stderr
