"""The HTML depth guard (issue #13): depth is that of the tree the parser builds, not a count of
open tags in the markup. A page full of unclosed <p> and <li> (old CMSes, forum exports) and
inline scripts with "<" in them is shallow as a tree and must be read; markup that really nests
past libxml2's cap must be refused with the coded error, quickly and without building the tree.

The page is written for these tests, in the shape of a real one that was refused.
"""

from __future__ import annotations

import pytest

from newsint.errors import MalformedError
from newsint.readers.html import html_depth, read_html
from newsint.settings import DEFAULT_MAX_HTML_DEPTH

SENTENCES = [
    "Two drones struck an energy facility on the outskirts of Kharkiv overnight, the regional governor said.",
    "About 3,000 homes lost power, and repair crews were sent at dawn, according to the grid operator.",
    "Air defence units shot down a third drone over the Chuhuiv district, the air force said in a statement.",
    "The governor urged residents to stay in shelters while the alert lasted and to report any debris.",
]


def _unclosed_page() -> str:
    """A news page from an old CMS: no </p>, no </li>, no </td>, and an ad loader script."""
    body = "".join(f"<p>{SENTENCES[n % 4]} ({n + 1})\n" for n in range(80))
    related = "".join(f'<li><a href="/news/{n}">Related report {n}</a>\n' for n in range(60))
    comments = "".join(f"<p class=comment>Reader {n}: thanks for the update<br>\n" for n in range(150))
    table = "".join(f"<tr><td>District {n}<td>{n * 100}\n" for n in range(20))
    script = (
        "<script>var slots = document.querySelectorAll('.ad'); var html = '';"
        "for (var i = 0; i<slots.length; i++) { if (i<3) { html += '<div class=\"slot\"><span>' + i; } }"
        "</script>"
    )
    return (
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>Drone strike cuts power in Kharkiv</title>"
        f"{script}</head><body><div id=page><div id=main><h1>Drone strike cuts power in Kharkiv</h1>"
        f"<div class=article>{body}<table>{table}</table></div>"
        f"<div class=related><ul>{related}</ul></div><div class=comments>{comments}</div></div></div>"
        "<div id=footer>© Example News</body></html>"
    )


def _open_tag_count(markup: str) -> int:
    """What the old guard measured: open tags minus closing ones, as written."""
    import re

    void = {"meta", "br", "img", "input", "link", "hr"}
    depth = 0
    for closing, name in re.findall(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)", markup):
        if name.lower() not in void:
            depth = max(depth - 1, 0) if closing else depth + 1
    return depth


def test_a_page_of_unclosed_tags_is_shallow_as_a_tree_and_is_read():
    page = _unclosed_page()
    assert _open_tag_count(page) > DEFAULT_MAX_HTML_DEPTH  # deep as raw markup
    assert html_depth(page.encode(), DEFAULT_MAX_HTML_DEPTH) < 15  # shallow as the parser builds it
    raw = read_html(page, source="kharkiv.html", max_depth=DEFAULT_MAX_HTML_DEPTH)
    assert raw.title == "Drone strike cuts power in Kharkiv"
    assert SENTENCES[2] in raw.text


HOSTILE = {
    "10000-unclosed-divs": "<html><body>" + "<div>" * 10_000 + "<p>Deep text.</p>",
    "10000-unclosed-b-i": "<html><body>" + "<b><i>" * 10_000 + "Deep text.",
    "300-closed-spans": "<html><body><p>" + "<span>" * 300 + "Deep text." + "</span>" * 300 + "</p></body></html>",
    "10000-closed-divs": "<html><body>" + "<div>" * 10_000 + "<p>Deep text.</p>" + "</div>" * 10_000,
}


@pytest.mark.parametrize("shape", HOSTILE)
def test_hostile_nesting_is_refused_with_the_coded_error(shape):
    with pytest.raises(MalformedError, match=f"nested more than {DEFAULT_MAX_HTML_DEPTH} levels") as caught:
        read_html(HOSTILE[shape], source="deep.html", max_depth=DEFAULT_MAX_HTML_DEPTH)
    assert caught.value.code == "N007"


def test_the_gauge_stops_at_the_limit_without_reading_the_rest():
    # 50 MB of "<div>": stopped one element past the limit, not counted to ten million.
    assert html_depth(b"<div>" * 10_000_000, DEFAULT_MAX_HTML_DEPTH) == DEFAULT_MAX_HTML_DEPTH + 1


@pytest.mark.parametrize("levels", [DEFAULT_MAX_HTML_DEPTH - 3, DEFAULT_MAX_HTML_DEPTH - 2])
def test_the_limit_is_the_trees_depth_counted_from_the_root(levels):
    # <html> and <body> are levels 1 and 2, the divs below them, the <p> at the bottom.
    page = "<html><body>" + "<div>" * levels + f"<p>{SENTENCES[0]}</p>" + "</div>" * levels + "</body></html>"
    depth = html_depth(page.encode(), DEFAULT_MAX_HTML_DEPTH)
    assert depth == levels + 3
    if depth <= DEFAULT_MAX_HTML_DEPTH:
        assert SENTENCES[0] in read_html(page, source="deep.html", max_depth=DEFAULT_MAX_HTML_DEPTH).text
    else:
        with pytest.raises(MalformedError):
            read_html(page, source="deep.html", max_depth=DEFAULT_MAX_HTML_DEPTH)
