"""RSS 2.0 and Atom feeds: items with their article are documents (title, date, link); items with
only a link are skipped and counted, or fetched with fetch_links; feeds told by their content."""

from __future__ import annotations

import pytest
from web_fixtures import Reply

from newsint.errors import EmptyInputError, MalformedError, NewsintError
from newsint.readers import read_bytes, read_path
from newsint.readers.detect import sniff
from newsint.readers.feed import read_feed
from newsint.settings import Settings

BODY = (
    "<p>Ukrainian forces struck a Russian ammunition depot near Melitopol overnight, the General Staff said.</p>"
    "<p>Regional officials reported <a href='https://example.org/report'>secondary explosions</a> for hours.</p>"
)
LONG_DESCRIPTION = "The ministry said the convoy had been hit twice on the road north of the city. " * 10

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Wire</title><link>https://wire.example/</link><description>news</description>
<item><title>Depot hit near \x1b[31mMelitopol</title><link>https://wire.example/depot</link>
<pubDate>Tue, 20 Feb 2024 10:00:00 GMT</pubDate><description>Short teaser.</description>
<content:encoded><![CDATA[{BODY}]]></content:encoded></item>
<item><title>Convoy hit</title><link>/convoy</link><pubDate>Wed, 21 Feb 2024 08:00:00 +0200</pubDate>
<description>{LONG_DESCRIPTION}</description></item>
<item><title>Headline only</title><link>https://wire.example/headline</link><description>One line.</description></item>
<item><title>Another headline</title><link>https://wire.example/other</link></item>
</channel></rss>
""".encode()

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title><id>urn:x</id><updated>2024-03-01T00:00:00Z</updated>
<entry><title>Strikes on Kharkiv</title><id>urn:1</id><link href="https://atom.example/kharkiv"/>
<updated>2024-03-02T06:00:00Z</updated><published>2024-03-01T22:00:00Z</published>
<content type="html">{BODY.replace("<", "&lt;").replace(">", "&gt;")}</content></entry>
</feed>
""".encode()


def test_rss_items_with_content_are_documents_with_title_date_and_link(capsys):
    items = list(read_bytes(RSS, source="wire.xml", settings=Settings()))
    assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument"]
    depot, convoy = items
    assert depot.reader == "feed" and depot.source == "wire.xml:1"
    assert depot.title == "Depot hit near Melitopol"  # the escape sequence is gone: text is data
    assert depot.published == "2024-02-20"
    assert depot.url == "https://wire.example/depot"
    assert depot.text.splitlines() == [
        "Ukrainian forces struck a Russian ammunition depot near Melitopol overnight, the General Staff said.",
        "Regional officials reported secondary explosions for hours.",
    ]
    assert [link.url for link in depot.links] == ["https://example.org/report"]
    # A long description is the article; a relative link resolves against the channel's link.
    assert convoy.source == "wire.xml:2" and convoy.url == "https://wire.example/convoy"
    assert convoy.published == "2024-02-21" and convoy.text.startswith("The ministry said")
    assert "wire.xml: skipped 2 item(s) with only a link (--fetch-links fetches them)" in capsys.readouterr().err


def test_atom_entries_are_documents():
    (entry,) = list(read_bytes(ATOM, source="atom.xml", settings=Settings()))
    assert (entry.title, entry.published, entry.url) == (
        "Strikes on Kharkiv",
        "2024-03-01",
        "https://atom.example/kharkiv",
    )
    assert entry.text.startswith("Ukrainian forces struck")


@pytest.mark.parametrize("name", ["feed", "feed.txt", "feed.html"])
def test_a_feed_is_told_by_its_content_not_its_name(tmp_path, name):
    (tmp_path / name).write_bytes(RSS)
    assert sniff(RSS, source=name, suffix=(tmp_path / name).suffix) == "feed"
    items = list(read_path(tmp_path / name, Settings()))
    assert [i.reader for i in items] == ["feed", "feed"]


def test_the_analysed_text_keeps_every_item_offset_exact(tmp_path):
    # Through the cleaner: each paragraph's span is the paragraph's own text.
    from newsint.clean import clean

    depot = next(iter(read_bytes(RSS, source="wire.xml", settings=Settings())))
    document = clean(depot)
    body = [document.text[p.start : p.end] for p in document.paragraphs if p.kind == "body"]
    assert body[0].startswith("Ukrainian forces struck")


def test_link_only_items_are_fetched_with_fetch_links(server, fresh_fetchers, capsys):
    page = b"<html><head><title>Headline</title></head><body><article>" + b"<p>Shelling continued overnight.</p>" * 8
    server.routes["/headline"] = Reply(body=page + b"</article></body></html>", headers={"Content-Type": "text/html"})
    feed = RSS.replace(b"https://wire.example/headline", server.url("/headline").encode())
    settings = Settings(fetch_links=True, allow_private=True, fetch_delay_s=0.0)
    items = list(read_bytes(feed, source="wire.xml", settings=settings))
    fetched = [i for i in items if not isinstance(i, NewsintError) and i.url == server.url("/headline")]
    assert len(fetched) == 1 and fetched[0].fetched and "Shelling continued" in fetched[0].text
    assert fetched[0].title == "Headline"
    # wire.example cannot be reached (no network in tests): that item is its error, in its place.
    errors = [i for i in items if isinstance(i, NewsintError)]
    assert [e.path for e in errors] == ["https://wire.example/other"]
    assert "skipped" not in capsys.readouterr().err


def test_a_feed_of_no_items_and_a_broken_feed_are_coded_errors():
    empty = b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>'
    with pytest.raises(EmptyInputError):
        list(read_bytes(empty, source="empty.xml", settings=Settings()))
    cut = b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>Cut'
    items = list(read_bytes(cut, source="cut.xml", settings=Settings()))
    assert [(type(i), i.path) for i in items] == [(EmptyInputError, "cut.xml:1")]
    with pytest.raises(MalformedError, match="unreadable feed"):
        list(read_feed(b"<rss", source="bad.xml", settings=Settings()))


def test_feedparser_never_opens_a_file_named_by_the_data(tmp_path, monkeypatch):
    # Given bytes, feedparser tries them as a file name first (and a str as a URL): data that
    # names a file would have been read as that file. The reader hands it a stream.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "secret").write_bytes(RSS)
    with pytest.raises(MalformedError):
        list(read_feed(b"secret", source="data.xml", settings=Settings()))


def test_an_encoding_declaration_holding_a_nul_is_a_coded_error():
    # Found by fuzz/fuzz_feed.py: feedparser let a ValueError out of its decoding.
    data = b'<?xml version="1.0" encoding="UTF-8\x00\x00"?>\n<rss version="2.0"><channel><item><title>x'
    with pytest.raises(MalformedError, match="unreadable feed"):
        list(read_feed(data, source="nul.xml", settings=Settings()))
