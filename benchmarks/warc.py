"""WARC parsing speed: fastwarc against warcio on the same file (issue #18), to pick the reader's
library on a figure.

    python benchmarks/warc.py [HTML_DIR] [--copies N] [--repeat R]

Builds a WARC (with warcio's writer, one gzip member per record as crawlers write them) from the
saved pages of HTML_DIR (default ../shared/data/extraction/html, each page repeated --copies
times so that the timing is not dominated by start-up), plus the same file uncompressed, then
reads every record of each with both libraries — headers parsed, every response payload read
whole, which is the reader's work minus the HTML extraction — and prints records/s and the
ratio. The best of --repeat runs is kept (the machine is shared; the best run is the least
disturbed one). Nothing is written outside a temporary folder.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import tempfile
import time
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

DEFAULT_HTML_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction" / "html"


def build_warc(pages: list[tuple[str, bytes]], path: Path, *, compress: bool) -> int:
    """Write one ``response`` record per (url, html) page; returns the number of records."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=compress)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(html), http_headers=headers)
            writer.write_record(record)
    return len(pages)


def read_warcio(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type == "response":
                record.content_stream().read()
                count += 1
    return count


def read_fastwarc(path: Path) -> int:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    count = 0
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
            record.reader.read()
            count += 1
    return count


def best_rate(reader, path: Path, repeat: int) -> tuple[int, float]:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        records = reader(path)
        best = min(best, time.perf_counter() - start)
    return records, records / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("html_dir", nargs="?", type=Path, default=DEFAULT_HTML_DIR)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    truth = json.loads((args.html_dir.parent / "ground-truth.json").read_text())
    pages = []
    for file in sorted(args.html_dir.glob("*.html.gz")):
        key = file.name.removesuffix(".html.gz")
        pages.append(
            (truth.get(key, {}).get("url") or f"https://example.org/{key}", gzip.decompress(file.read_bytes()))
        )
    pages = pages * args.copies
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, compress in (("warc.gz", True), ("warc", False)):
            path = Path(folder) / f"pages.{name}"
            build_warc(pages, path, compress=compress)
            size = path.stat().st_size
            for library, reader in (("warcio", read_warcio), ("fastwarc", read_fastwarc)):
                records, rate = best_rate(reader, path, args.repeat)
                results[(name, library)] = rate
                print(f"{name:8} {size / 1e6:7.1f} MB  {library:8} {records:5} records  {rate:9,.0f} records/s")
            print(f"{name:8} fastwarc / warcio = {results[(name, 'fastwarc')] / results[(name, 'warcio')]:.2f}x")


if __name__ == "__main__":
    main()
