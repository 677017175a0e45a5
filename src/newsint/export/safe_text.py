"""Text from an input, made safe to show: in a terminal, in Markdown, in JSON, in XML.

Articles, titles, outlet names, URLs and file names are written by anyone, and an analyst's
terminal, notes wiki or graph tool must show them as text, never obey them. Every renderer passes
each input-derived string through one of these before it is written:

    terminal_text(s)   for the terminal and for CSV: control characters and bidi overrides replaced
    rich_text(s)       the same as a ``rich.text.Text``: rich never reads it as markup (``[/i]``,
                       ``[link=…]``) nor as an emoji code (``:warning:``)
    one_line(s)        terminal_text on one line (error messages: a name with a newline in it
                       must not split the one error line in two)
    markdown_text(s)   Markdown and HTML metacharacters escaped, so ``<script>`` and ``[x](…)`` stay text
    markdown_url(url)  an http(s) URL as a link; any other scheme (javascript:, data:…) as plain text
    json_safe(json)    serialised JSON with the characters above written as \\u escapes (lossless)
    xml_safe(xml)      serialised XML made valid XML 1.0 and inert in a terminal

What is replaced, and why (terminal_text):
- C0 controls but newline and tab, DEL, and C1 controls (U+0080-U+009F). ESC starts the ANSI
  sequences (CSI ``ESC [`` moves the cursor, clears the screen; OSC 8 ``ESC ] 8`` makes a live
  hyperlink); U+009B and U+009D are the one-character CSI and OSC that xterm and VTE also obey in
  UTF-8; BEL, backspace and carriage return overwrite what was already shown.
- The bidi embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069), which reorder
  the characters after them ("Trojan Source"): a title can be made to read as something else, or
  push the next column's text out of order. They are replaced *visibly* rather than dropped:
  dropping would silently hide that the input tried to reorder its text, and the analyst reads the
  screen as evidence. Stored text and the JSON exports keep them exactly.
Each such character becomes U+FFFD (the Unicode replacement character, one column wide): the reader
sees that something was there, the rest of the text is shown as written, and no column moves.
rich itself strips only five codes (BEL, BS, VT, FF, CR) and leaves ESC and C1 as they are.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from rich.text import Text

REPLACEMENT = "\ufffd"

_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
# What a terminal would obey rather than show (see the module docstring).
_UNSHOWABLE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI_CONTROLS}]")
_LINE_BREAKS = re.compile(r"[\n\t]+")


def terminal_text(value: str | None) -> str:
    """``value`` with every character a terminal would obey replaced by U+FFFD; newlines and tabs kept."""
    return _UNSHOWABLE.sub(REPLACEMENT, value or "")


def rich_text(value: str | None, style: str = "") -> Text:
    """``value`` as rich text, never parsed as markup, with terminal controls replaced."""
    return Text(terminal_text(value), style=style)


def one_line(value: str | None) -> str:
    """terminal_text with newlines and tabs as single spaces."""
    return _LINE_BREAKS.sub(" ", terminal_text(value))


# --------------------------------------------------------------------------------------------
# Markdown

# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that start
# emphasis, code, links, images, tables, strikethrough or an escape themselves.
_MARKDOWN_INLINE = re.compile(r"([\\`*_{}\[\]()!|~])")
# Characters that only mean something at the start of a line: a heading, a quote, a list item,
# a setext underline, a numbered list ("1." / "1)").
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])", re.MULTILINE)


def markdown_text(value: str | None, *, one_line_only: bool = False) -> str:
    """``value`` as Markdown that renders as exactly this text, with no markup, HTML or link in it.

    ``<``, ``>`` and ``&`` become entity references rather than backslash escapes, so the Markdown
    source itself holds no ``<script`` either (an HTML-aware viewer of the raw file stays safe).
    """
    text = one_line(value) if one_line_only else terminal_text(value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_INLINE.sub(r"\\\1", text)
    return _MARKDOWN_LINE_START.sub(lambda m: m.group(1) + _escape_line_start(m.group(2)), text)


def _escape_line_start(marker: str) -> str:
    # "1." -> "1\.": only the punctuation after the digits makes it a list item.
    return marker[:-1] + "\\" + marker[-1]


WEB_SCHEMES = {"http", "https"}
# Left as they are inside a URL (RFC 3986 reserved and unreserved characters, and an existing
# percent escape); anything else (spaces, <, >, quotes, controls, non-ASCII) is percent-encoded,
# so the URL cannot end the autolink early or smuggle markup into it.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def markdown_url(url: str | None) -> str:
    """An http or https URL as a Markdown autolink; any other URL (``javascript:``, ``data:``,
    ``vbscript:``, ``file:``, none at all) as plain escaped text, never as a link."""
    value = (url or "").strip()
    if not value:
        return ""
    try:
        scheme = urlsplit(value).scheme.lower()
    except ValueError:  # an unparsable URL (a bad IPv6 host) is text, not a link
        scheme = ""
    if scheme in WEB_SCHEMES and not _UNSHOWABLE.search(value):
        return f"<{quote(value, safe=_URL_SAFE)}>"
    return markdown_text(value, one_line_only=True)


# --------------------------------------------------------------------------------------------
# JSON and XML

# Characters json.dumps(ensure_ascii=False) writes raw: DEL, C1 controls, bidi controls.
_JSON_RAW = re.compile(f"[\x7f-\x9f{_BIDI_CONTROLS}]")


def json_safe(serialised: str) -> str:
    """Serialised JSON with DEL, C1 and bidi controls written as ``\\uXXXX`` escapes.

    json.dumps escapes C0 controls itself, but with ``ensure_ascii=False`` it writes the others raw,
    and a U+009B in ``newsint search -f json`` is a CSI to the terminal that shows it. Outside its
    strings JSON is ASCII, and inside one an escape means the same character: the data is unchanged.
    """
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", serialised)


# XML 1.0 allows no C0 control but tab, newline and carriage return, not even as a character
# reference, nor U+FFFE/U+FFFF: those can only be replaced.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Allowed in XML but obeyed by a terminal that shows the file: written as character references.
_XML_AS_REFERENCE = re.compile(f"[\r\x7f-\x9f{_BIDI_CONTROLS}]")


def xml_safe(serialised: str) -> str:
    """Serialised XML whose characters XML 1.0 forbids are replaced by U+FFFD (the file stays
    valid: a parser would reject it whole), and whose DEL, C1, bidi controls and raw carriage
    returns are written as character references (the same data, inert in a terminal).

    Markup (names, the declaration) is ASCII: these characters can only be in text or attribute
    values, where a character reference means the character itself."""
    serialised = _XML_FORBIDDEN.sub(REPLACEMENT, serialised)
    return _XML_AS_REFERENCE.sub(lambda m: f"&#x{ord(m.group()):x};", serialised)
