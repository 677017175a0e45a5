"""readers/text.py: bytes in any common encoding to the article's exact text.

The sample sentences are written for these tests (news-style, about the project's subject).
"""

from __future__ import annotations

import pytest

from newsint.errors import EncodingError
from newsint.readers import read_bytes
from newsint.readers.text import decode, read_text
from newsint.settings import Settings

RUSSIAN = (
    "Минск, 20 февраля. Министр обороны Беларуси Виктор Хренин заявил, что совместные учения "
    "с Россией будут продолжены. Российские войска останутся в стране до особого распоряжения.\n"
)
GERMAN = (
    "Der weißrussische Verteidigungsminister sagte am Sonntag, die gemeinsamen Übungen mit Russland "
    "würden fortgesetzt. Die Präsidenten beider Länder hätten das so entschieden, hieß es in einer "
    "Erklärung. Über die Zahl der russischen Soldaten äußerte er sich nicht.\n"
)
PORTUGUESE = (
    "O ministro da Defesa da Bielorrússia anunciou no domingo que os exercícios conjuntos com a "
    "Rússia vão continuar. Segundo ele, a decisão foi tomada pelos presidentes dos dois países "
    "devido à crescente atividade militar perto das fronteiras. A Ucrânia não comentou.\n"
)
FRENCH_CP1252 = (
    "Le ministre biélorusse de la Défense a annoncé dimanche que les manœuvres conjointes avec la "
    "Russie se poursuivraient. Selon lui, les présidents des deux pays ont pris cette décision en "
    "raison de l’activité militaire croissante près des frontières. « Il n’y a pas lieu de "
    "s’inquiéter », a-t-il déclaré à Minsk.\n"
)
SPANISH = (
    "El ministro de Defensa de Bielorrusia anunció el domingo que las maniobras conjuntas con Rusia "
    "continuarán. Según el ministerio, la decisión se tomó por la creciente actividad militar cerca "
    "de las fronteras. «No hay motivo para la alarma», añadió el portavoz en Minsk.\n"
)
ENGLISH_CP1252 = (
    "Café owners in Zürich said the naïve façade of neutrality was over. “It’s not a test,” one "
    "said — adding that the rôle of the Swiss was changing.\n"
)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        pytest.param(RUSSIAN, "cp1251", id="cyrillic-cp1251"),
        pytest.param(RUSSIAN, "koi8_r", id="cyrillic-koi8-r"),
        pytest.param(GERMAN, "latin-1", id="german-latin-1"),
        pytest.param(PORTUGUESE, "latin-1", id="portuguese-latin-1"),
        pytest.param(FRENCH_CP1252, "cp1252", id="french-cp1252"),
        pytest.param(SPANISH, "latin-1", id="spanish-latin-1"),
        pytest.param(ENGLISH_CP1252, "cp1252", id="english-cp1252"),
    ],
)
def test_legacy_encodings_are_detected(text, encoding):
    data = text.encode(encoding)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # really not UTF-8: detection has work to do
    assert decode(data, source="article.txt") == text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-8-sig", "utf-32"])
def test_unicode_with_a_byte_order_mark(codec):
    boms = {"utf-16-le-bom": (b"\xff\xfe", "utf-16-le"), "utf-16-be-bom": (b"\xfe\xff", "utf-16-be")}
    if codec in boms:
        bom, name = boms[codec]
        data = bom + RUSSIAN.encode(name)
    else:
        data = RUSSIAN.encode(codec)
    assert decode(data, source="article.txt") == RUSSIAN


def test_utf16_file_goes_through_the_reader_as_text():
    text = "The minister’s “red line” — he said — was clear.\n\nA second paragraph.\n"
    (raw,) = list(read_bytes(text.encode("utf-16"), source="article.txt", settings=Settings(), suffix=".txt"))
    assert raw.reader == "text"
    assert raw.text == text


def test_mojibake_is_repaired():
    original = "It’s the drills — and Minsk’s role… as Lukashenko’s ‘guests’ stay."
    mojibake = original.encode("utf-8").decode("cp1252")  # what a wrong decode upstream left
    assert "â€™" in mojibake and "â€”" in mojibake
    assert decode(mojibake.encode("utf-8"), source="article.txt") == original


def test_curly_quotes_and_typography_are_preserved():
    text = "“Allied Resolve” — ‘a dangerous moment’ … 30 000 troops; Lukashenko’s «guests»."
    assert decode(text.encode("utf-8"), source="a.txt") == text
    assert decode(text.encode("utf-16"), source="a.txt") == text


def test_forced_encoding_wins_over_detection():
    data = RUSSIAN.encode("cp1251")
    assert decode(data, source="a.txt", encoding="cp1251") == RUSSIAN
    assert decode(data, source="a.txt", encoding="koi8_r") != RUSSIAN  # obeyed, even if wrong


def test_invalid_utf8_is_refused_with_the_byte_offset():
    data = "Café and ".encode() + b"\xc3\x28" + b" more text after it."
    with pytest.raises(EncodingError) as caught:
        decode(data, source="broken.txt")
    message = str(caught.value)
    assert message.startswith("broken.txt: ")
    assert "byte 10" in message  # "Café and " is 10 bytes in UTF-8
    assert "\n" not in message


def test_unknown_forced_encoding_is_a_clear_error():
    with pytest.raises(EncodingError, match=r"^a\.txt: cannot decode as no-such-codec"):
        decode(b"abc", source="a.txt", encoding="no-such-codec")


def test_whitespace_only_text_is_empty():
    from newsint.errors import EmptyInputError

    with pytest.raises(EmptyInputError):
        read_text("\u00a0 \n\t\n".encode(), source="blank.txt")
