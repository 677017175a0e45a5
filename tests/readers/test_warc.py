"""WARC archives: each HTML response record a document with its target URI and WARC-Date; other
records skipped and counted; a damaged archive keeps the records before the damage and ends
with one coded error for the file."""

from __future__ import annotations

import io

import pytest
from web_fixtures import shared_pages, write_warc

from newsint.errors import MalformedError, NewsintError
from newsint.readers import read_bytes, read_path
from newsint.readers.warc import read_warc
from newsint.settings import Settings

PAGE = (
    b"<html><head><title>Shelling near Kherson</title></head><body><article>"
    + (b"<p>Russian forces shelled the outskirts of Kherson on Tuesday, the regional governor said.</p>" * 6)
    + b"</article></body></html>"
)


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
def test_html_responses_become_documents_with_url_and_fetch_date(tmp_path, compress):
    pages = shared_pages(3)
    name = "crawl.warc.gz" if compress else "crawl.warc"
    path = write_warc(
        tmp_path / name, [(url, "text/html; charset=utf-8", html) for url, html in pages], compress=compress
    )
    items = list(read_path(path, Settings()))
    assert [type(i).__name__ for i in items] == ["RawDocument"] * 3
    assert [i.url for i in items] == [url for url, _ in pages]
    for item in items:
        assert item.reader == "warc"
        assert item.fetched and item.fetched.endswith("Z") and item.fetched[:4].isdigit()
        assert item.source.startswith(f"{path}:") and item.source.rsplit(":", 1)[1].isdigit()
        assert len(item.text) > 200


def test_record_offsets_in_sources_find_the_records(tmp_path):
    # What CDX tools do with an offset: seek there and read one record (warcio, not the reader's library).
    from warcio.archiveiterator import ArchiveIterator

    urls = ["https://a.example/1", "https://a.example/2"]
    path = write_warc(tmp_path / "two.warc.gz", [(url, "text/html", PAGE) for url in urls])
    offsets = [int(item.source.rsplit(":", 1)[1]) for item in read_path(path, Settings())]
    for offset, url in zip(offsets, urls, strict=True):
        with path.open("rb") as stream:
            stream.seek(offset)
            record = next(iter(ArchiveIterator(stream)))
        assert (record.rec_type, record.rec_headers.get_header("WARC-Target-URI")) == ("response", url)


def test_non_html_records_are_skipped_and_counted(tmp_path, capsys):
    records = [
        ("https://a.example/story", "text/html", PAGE),
        ("https://a.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
        ("https://a.example/data.json", "application/json", b'{"a": 1}'),
        ("https://a.example/file", "", b"a resource record"),
    ]
    items = list(read_path(write_warc(tmp_path / "mixed.warc.gz", records), Settings()))
    assert [i.url for i in items] == ["https://a.example/story"]
    note = capsys.readouterr().err
    assert "1 HTML page(s) read" in note
    assert "4 request record(s)" in note and "1 resource record(s)" in note
    assert "1 image/png response(s)" in note and "1 application/json response(s)" in note


def test_a_truncated_archive_keeps_the_whole_records_and_ends_with_one_error(tmp_path):
    path = write_warc(
        tmp_path / "cut.warc", [(f"https://a.example/{n}", "text/html", PAGE) for n in range(4)], compress=False
    )
    data = path.read_bytes()
    cut = data[: int(len(data) * 0.9)]  # inside the last response record
    items = list(read_bytes(cut, source="cut.warc", settings=Settings()))
    documents = [i for i in items if not isinstance(i, NewsintError)]
    assert [d.url for d in documents] == [f"https://a.example/{n}" for n in range(3)]
    assert isinstance(items[-1], MalformedError)
    assert str(items[-1]).startswith("cut.warc: truncated WARC") and str(items[-1]).endswith("[N007]")


def test_a_truncated_gzip_archive_keeps_the_whole_records_and_ends_with_one_error(tmp_path):
    path = write_warc(tmp_path / "cut.warc.gz", [(f"https://a.example/{n}", "text/html", PAGE) for n in range(4)])
    data = path.read_bytes()
    (tmp_path / "short.warc.gz").write_bytes(data[: len(data) - 200])
    items = list(read_path(tmp_path / "short.warc.gz", Settings()))
    assert [i.url for i in items[:-1]] == [f"https://a.example/{n}" for n in range(3)]
    assert isinstance(items[-1], MalformedError) and items[-1].path == str(tmp_path / "short.warc.gz")


def test_a_corrupt_record_header_ends_the_archive_with_one_error():
    stream = io.BytesIO(b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\n")
    items = list(read_warc(stream, source="bad.warc", max_record_bytes=1000, max_html_depth=255))
    assert len(items) == 1 and isinstance(items[0], MalformedError), items


def test_a_record_over_the_size_limit_is_its_own_error(tmp_path):
    big = b"<html><body>" + b"<p>word word word</p>" * 5000 + b"</body></html>"
    path = write_warc(
        tmp_path / "big.warc.gz",
        [("https://a.example/big", "text/html", big), ("https://a.example/ok", "text/html", PAGE)],
    )
    items = list(read_path(path, Settings(max_input_bytes=50_000)))
    assert items[0].code == "N003" and items[0].path.startswith(f"{path}:")
    assert items[1].url == "https://a.example/ok"


def test_a_response_with_too_many_http_headers_is_skipped_not_a_crash(tmp_path, capsys):
    # http.client refuses more than 100 header lines with its own exception, no OSError.
    head = b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-%d: y\r\n" % n for n in range(150)) + b"\r\n"
    block = head + PAGE
    record = (
        b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/\r\n"
        b"Content-Length: %d\r\n\r\n" % len(block) + block + b"\r\n\r\n"
    )
    items = list(read_warc(io.BytesIO(record), source="many.warc", max_record_bytes=1 << 20, max_html_depth=255))
    assert items == []
    assert "skipped 1 non-HTTP response(s)" in capsys.readouterr().err
