"""``write_export`` to a file: the mode a new file gets from the umask, and the data on disk."""

from __future__ import annotations

import os
import stat

import pytest

from newsint.export.corpus_export import write_export


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_out_gets_the_mode_of_a_new_file_under_the_umask(tmp_path, umask, mode) -> None:
    out = tmp_path / "corpus.jsonl"
    previous = os.umask(umask)
    try:
        write_export(b"{}\n", out)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(out.stat().st_mode) == mode
    assert out.read_bytes() == b"{}\n"


def test_the_data_is_synced_before_the_rename(tmp_path, monkeypatch) -> None:
    order: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (order.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (order.append("replace"), real_replace(a, b))[1])
    write_export(b"x\n", tmp_path / "out.csv")
    assert order == ["fsync", "replace"]


def test_analyze_out_gets_the_mode_of_a_new_file_too(tmp_path) -> None:
    from newsint.export.sink import OutputFormat, OutputSink
    from newsint.model import Analysis, Document

    out = tmp_path / "one.jsonl"
    previous = os.umask(0o022)
    try:
        sink = OutputSink(OutputFormat.jsonl, out)
        sink.add(Analysis(document=Document(id="d", source="x.txt", text="Text.")))
        sink.close(success=True)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["one.jsonl"]
