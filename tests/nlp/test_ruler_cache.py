"""The user cache of the KB rulers and the KB's parsed YAML (issue #20): a hit gives what a fresh
build gives; a stale, truncated, garbled or unwritable cache is rebuilt or bypassed with one
warning line on stderr, never a crash. Real files, the real spaCy model."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from newsint import cache
from newsint.kb import common
from newsint.nlp import ruler_cache
from newsint.nlp.model import _load
from newsint.nlp.rulers import add_city_ruler, add_entity_ruler

PATTERNS = ruler_cache.RulerPatterns(
    city=[{"label": "GPE", "pattern": "Deir ez-Zor", "id": "geonames:1"}],
    entity=[
        {"label": "ORG", "pattern": "U.S. Army", "id": "org:usarmy"},
        {"label": "EQUIPMENT", "pattern": "Kh-101", "id": "equipment:kh101"},
        {"label": "PERSON", "pattern": "Bashar al-Assad", "id": "person:assad"},
    ],
    tokens={
        "Deir ez-Zor": (["Deir", "ez", "-", "Zor"], [True, False, False, False]),
        "U.S. Army": (["U.S.", "Army"], [True, False]),
        "Kh-101": (["Kh-101"], [False]),
        "Bashar al-Assad": (["Bashar", "al", "-", "Assad"], [True, False, False, False]),
    },
)


@pytest.fixture
def cache_home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


class Builds:
    """A build function that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> ruler_cache.RulerPatterns:
        self.calls += 1
        return PATTERNS


def test_the_cache_dir_follows_the_override_then_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv(cache.CACHE_DIR_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "newsint"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert cache.cache_dir() == Path.home() / ".cache" / "newsint"
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(tmp_path / "mine"))
    assert cache.cache_dir() == tmp_path / "mine"


def test_a_built_cache_is_read_back_without_building(cache_home, capsys):
    build = Builds()
    assert ruler_cache.load_or_build("k1", build) == PATTERNS
    assert (cache_home / ruler_cache.CACHE_FILE).is_file()
    assert ruler_cache.load_or_build("k1", build) == PATTERNS
    assert build.calls == 1
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: b"\xc1\xff garbage" * 10, id="garbled"),
        pytest.param(lambda data: ruler_cache.srsly.msgpack_dumps({"key": "k1"}), id="fields-missing"),
    ],
)
def test_a_corrupt_rule_cache_is_rebuilt_with_one_warning(cache_home, capsys, damage):
    build = Builds()
    ruler_cache.load_or_build("k1", build)
    path = cache_home / ruler_cache.CACHE_FILE
    path.write_bytes(damage(path.read_bytes()))
    assert ruler_cache.load_or_build("k1", build) == PATTERNS
    assert build.calls == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [f"newsint: warning: {path}: the rule cache is corrupt; rebuilding it"]
    # ... and rewritten: the next start reads it again.
    assert ruler_cache.load_or_build("k1", build) == PATTERNS
    assert build.calls == 2


def test_a_stale_rule_cache_is_rebuilt(cache_home, capsys):
    build = Builds()
    ruler_cache.load_or_build("old-kb", build)
    assert ruler_cache.load_or_build("new-kb", build) == PATTERNS
    assert build.calls == 2
    assert "out of date" in capsys.readouterr().err


def test_an_unwritable_cache_is_bypassed_with_one_warning(tmp_path, monkeypatch, capsys):
    # A file where the cache folder should be: no one can create the folder, root included.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(blocker))
    build = Builds()
    assert ruler_cache.load_or_build("k1", build) == PATTERNS
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("newsint: warning: ") and "cannot write the cache" in err[0]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_a_read_only_cache_folder_is_bypassed(cache_home, capsys):
    cache_home.mkdir()
    cache_home.chmod(0o500)
    try:
        assert ruler_cache.load_or_build("k1", Builds()) == PATTERNS
    finally:
        cache_home.chmod(0o700)
    assert "cannot write the cache" in capsys.readouterr().err


def test_the_key_changes_with_the_model_version():
    assert ruler_cache.cache_key("en_core_web_sm", "3.8.0") != ruler_cache.cache_key("en_core_web_sm", "3.8.1")
    assert ruler_cache.cache_key("en_core_web_sm", "3.8.0") == ruler_cache.cache_key("en_core_web_sm", "3.8.0")


def test_rulers_filled_from_stored_tokens_equal_a_fresh_build():
    fresh, cached = _load(), _load()
    add_city_ruler(fresh, PATTERNS.city)
    add_entity_ruler(fresh, PATTERNS.entity)
    # The tokens as the model's own tokenizer splits them, then a round trip through the file.
    tokens = ruler_cache.tokenize_patterns(cached, PATTERNS.city + PATTERNS.entity)
    assert tokens == PATTERNS.tokens
    restored, _ = ruler_cache._decode(ruler_cache._encode("k", PATTERNS), "k")
    with ruler_cache.stored_tokens(cached, restored.tokens):
        add_city_ruler(cached, restored.city)
        add_entity_ruler(cached, restored.entity)
    assert cached.tokenizer is not None and cached("x").text == "x"  # the real tokenizer is back
    text = "The U.S. Army said Kh-101 missiles hit Deir ez-Zor; Bashar al-Assad was silent."
    for nlp in (fresh, cached):
        doc = nlp(text)
        found = [(e.text, e.label_, e.ent_id_) for e in doc.ents if e.ent_id_]
        cities = [s.text for s in doc.spans["newsint_cities"]]
        assert found == [
            ("U.S. Army", "ORG", "org:usarmy"),
            ("Kh-101", "EQUIPMENT", "equipment:kh101"),
            ("Bashar al-Assad", "PERSON", "person:assad"),
        ]
        assert cities == ["Deir ez-Zor"]


def _fresh_load(name: str) -> dict:
    common.load_data_file.cache_clear()  # the process keeps each file once; a new start is wanted
    return common.load_data_file(name)


def test_the_kb_yaml_comes_from_the_cache_and_a_corrupt_one_is_reparsed(cache_home, capsys):
    parsed = _fresh_load("operations.yaml")
    path = cache_home / "kb-operations.yaml.pickle"
    key, stored = pickle.loads(path.read_bytes())
    assert stored == parsed
    # A hit returns what the cache holds (not a fresh parse): proven by a marked copy.
    path.write_bytes(pickle.dumps((key, {**stored, "marker": 1})))
    assert _fresh_load("operations.yaml")["marker"] == 1
    path.write_bytes(path.read_bytes()[:40])
    assert _fresh_load("operations.yaml") == parsed
    common.load_data_file.cache_clear()
    assert capsys.readouterr().err.splitlines() == [f"newsint: warning: {path}: the cache is corrupt; rebuilding it"]


def test_a_cache_file_others_can_write_is_not_loaded(cache_home, capsys):
    """Some entries are pickles, which run code as they load: a file another account could have
    changed is ignored (rebuilt), never unpickled."""
    parsed = _fresh_load("operations.yaml")
    path = cache_home / "kb-operations.yaml.pickle"
    key, stored = pickle.loads(path.read_bytes())
    path.write_bytes(pickle.dumps((key, {**stored, "marker": 1})))
    path.chmod(0o666)
    assert "marker" not in _fresh_load("operations.yaml")  # parsed again, not read
    common.load_data_file.cache_clear()
    warning = f"newsint: warning: {path}: the cache file is writable by other users; not read; rebuilding it"
    assert capsys.readouterr().err.splitlines() == [warning]
    assert _fresh_load("operations.yaml") == parsed  # the rewritten entry (0644) is trusted again
    common.load_data_file.cache_clear()
