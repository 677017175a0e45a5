"""Language identification (lang/detect.py) on real documents: the English benchmark documents
are never called Russian (nor anything but English), factRuEval's Russian news is Russian, and
Ukrainian and Belarusian sentences written for these tests are told from Russian."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsint.lang.detect import detect_language

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
GUARDIAN = SHARED / "data" / "news" / "guardian-syria.jsonl"
POLNEAR = SHARED / "data" / "attribution" / "polnear" / "dev" / "text"
FACTRUEVAL = SHARED / "data" / "ru" / "factrueval"


def _english_documents() -> list[tuple[str, str]]:
    documents = []
    if GUARDIAN.is_file():
        for line in GUARDIAN.read_text("utf-8").splitlines():
            record = json.loads(line)
            documents.append((f"guardian {record.get('id')}", record["text"]))
    if POLNEAR.is_dir():
        documents += [(path.name, path.read_text("utf-8")) for path in sorted(POLNEAR.iterdir())]
    documents += [
        (p.name, p.read_text("utf-8"))
        for p in sorted((ROOT / "examples").glob("*.txt"))
        if not p.name.startswith("ru-")
    ]
    documents.append(("seed", (SHARED / "seed" / "belarus-staging-area.txt").read_text("utf-8")))
    return documents


def test_the_english_benchmark_documents_are_english() -> None:
    documents = _english_documents()
    if len(documents) < 100:
        pytest.skip("the shared English corpora are not here")
    wrong = [(name, guess.code) for name, text in documents if (guess := detect_language(text)).code != "en"]
    assert wrong == []


def test_factrueval_news_is_russian() -> None:
    if not FACTRUEVAL.is_dir():
        pytest.skip("factRuEval is not here")
    codes = {path.stem: detect_language(path.read_text("utf-8")).code for path in sorted(FACTRUEVAL.glob("*.txt"))}
    assert {code for code in codes.values()} == {"ru"}, codes


def test_a_russian_text_quoting_english_is_russian_and_the_reverse() -> None:
    russian = "Генсек НATO заявил журналистам: «We will defend every inch of allied territory», после чего покинул зал."
    english = (
        "The minister said Moscow would respond, citing the phrase «Минобороны России» "
        "from the statement of the ministry."
    )
    assert detect_language(russian).code == "ru"
    assert detect_language(english).code == "en"


def test_ukrainian_and_belarusian_are_told_from_russian() -> None:
    ukrainian = "Міністерство оборони України повідомило, що російські війська обстріляли Харків у середу вранці."
    belarusian = "Міністэрства абароны Беларусі паведаміла, што вучэнні працягнуцца да канца лютага ля мяжы."
    assert detect_language(ukrainian).code == "uk"
    assert detect_language(belarusian).code == "be"


def test_other_languages_are_named() -> None:
    german = "Das Verteidigungsministerium teilte am Donnerstag mit, dass die Übung bis Ende Februar fortgesetzt werde."
    assert detect_language(german).code == "de"


def test_a_short_latin_text_stays_english() -> None:
    # Too short to judge: what newsint did before it detected languages.
    assert detect_language("Kyiv, Feb 3").code == "en"


def test_an_english_headline_full_of_names_is_not_a_creole_close_to_english() -> None:
    # Written for this test: py3langid alone calls these Nigerian Pidgin ("pcm"), which would
    # leave the article unanalysed; a Latin text is weighed among the press languages only.
    for headline in (
        "Kremlin Says Drills Will End On Time, Troops To Go Home",
        "Russia Deploys Tu-95MS Bear And Tu-160M Blackjack Bombers To Base",
    ):
        assert detect_language(headline).code == "en", headline
