"""Exports are streamed: jsonl writes each article before the next is read, so a corpus read
one article at a time from the store is never held whole in memory."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

from newsint.export.corpus_export import ExportFormat, stream_export, write_export
from newsint.model import Analysis, CorpusArticle, Document


def _article(number: int) -> CorpusArticle:
    document = Document(id=f"doc-{number}", source=f"{number}.txt", text=f"Article number {number}.")
    return CorpusArticle(document.id, Analysis(document=document))


def test_jsonl_writes_each_article_before_reading_the_next(tmp_path) -> None:
    out = tmp_path / "corpus.jsonl"
    written_when_read: list[int] = []

    def articles(stream: io.BufferedWriter) -> Iterator[CorpusArticle]:
        for number in range(3):
            stream.flush()
            # The temporary file (the only file in the folder) holds the lines of the articles before.
            (temp,) = tmp_path.iterdir()
            written_when_read.append(len(temp.read_bytes().splitlines()))
            yield _article(number)

    write_export(lambda stream: stream_export(ExportFormat.jsonl, articles(stream), None, stream), out)
    assert written_when_read == [0, 1, 2]
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["document"]["id"] for line in lines] == ["doc-0", "doc-1", "doc-2"]


def test_the_other_formats_take_an_iterator_too(tmp_path) -> None:
    out = tmp_path / "articles.csv"
    write_export(
        lambda stream: stream_export(ExportFormat.csv, iter([_article(1), _article(2)]), "articles", stream), out
    )
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("article_id,") and len(rows) == 3
    assert rows[1].startswith("doc-1,") and rows[2].startswith("doc-2,")
