"""A bounded load test of `newsint serve` on the loopback address: mixed search and article
calls at a fixed rate for a fixed time, then p50/p95/p99 latency, the rate achieved and errors.

    python benchmarks/serve_load.py --store load.db [--from-store examples.db --articles 10000]
                                    [--rate 200] [--seconds 60]

--from-store: build --store first (when it does not exist) from that store's articles, copied
under new texts (a copy number appended as a last paragraph) until it holds --articles. The
server is the real command (`newsint serve --rate 0`) in its own process; the load is
open-loop: a request starts every 1/rate seconds whether or not earlier ones have answered, so a
slow server shows as latency and errors, not as a quietly lower rate. It stops by itself: no new
request after --seconds, and every request gives up after --timeout. Nothing is recorded: the
figures go in benchmarks/RESULTS.md with the command that gave them.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from newsint.model import Paragraph
from newsint.store import open_store

SEARCH_WORDS = ["troops", "Belarus", "drills", "NATO", "border", "missile", "Minsk", "exercise", "Kyiv", "aircraft"]
STARTUP_SECONDS = 600  # the server reads the whole store into memory before its first answer


def build_store(source: str, target: Path, articles: int) -> None:
    with open_store(source, read_only=True) as store:
        originals = [a.analysis for a in store.articles()]
    with open_store(str(target)) as store:
        for number in range(articles):
            analysis = originals[number % len(originals)]
            marker = f"\n\nLoad copy {number}."
            document = analysis.document
            start = len(document.text) + 2
            copy = dataclasses.replace(
                document,
                id=f"{document.id}-copy-{number}",
                text=document.text + marker,
                site=f"outlet {number % 50}",
                paragraphs=[*document.paragraphs, Paragraph(kind="body", start=start, end=start + len(marker) - 2)],
            )
            store.add(dataclasses.replace(analysis, document=copy))
            if number % 1000 == 999:
                print(f"built {number + 1} articles", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def run_load(
    base: str, ids: list[str], rate: float, seconds: float, timeout: float
) -> list[tuple[str, float, int]]:
    results: list[tuple[str, float, int]] = []
    rng = random.Random(19)
    limits = httpx.Limits(max_connections=512, max_keepalive_connections=512)
    async with httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits) as client:

        async def one(kind: str, path: str, params: dict[str, str]) -> None:
            started = time.perf_counter()
            try:
                status = (await client.get(path, params=params)).status_code
            except httpx.HTTPError:
                status = 0  # timed out or refused
            results.append((kind, time.perf_counter() - started, status))

        tasks = []
        began = time.perf_counter()
        for tick in range(int(rate * seconds)):
            delay = began + tick / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            if rng.random() < 0.5:
                call = ("search", "/api/1/search", {"q": rng.choice(SEARCH_WORDS), "limit": "20"})
            else:
                call = ("article", f"/api/1/articles/{rng.choice(ids)}", {})
            tasks.append(asyncio.create_task(one(*call)))
        await asyncio.gather(*tasks)
        results.append(("elapsed", time.perf_counter() - began, 200))
    return results


def report(results: list[tuple[str, float, int]], rate: float, seconds: float) -> None:
    elapsed = next(t for kind, t, _ in results if kind == "elapsed")
    calls = [r for r in results if r[0] != "elapsed"]
    errors = [r for r in calls if r[2] != 200]
    print(f"requests: {len(calls)} at {rate:g}/s for {seconds:g} s (all answered after {elapsed:.1f} s)")
    print(f"errors: {len(errors)} ({', '.join(sorted({str(s) for _, _, s in errors})) or 'none'})")
    for kind in ("search", "article", None):
        times = sorted(t for k, t, s in calls if (kind is None or k == kind) and s == 200)
        if len(times) < 2:
            continue
        q = statistics.quantiles(times, n=100)
        label = kind or "all"
        p50, p95, p99 = (q[i] * 1000 for i in (49, 94, 98))
        print(f"{label:8s} n={len(times):6d}  p50 {p50:8.1f} ms  p95 {p95:8.1f} ms  p99 {p99:8.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--from-store")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()
    if not args.store.exists():
        if not args.from_store:
            parser.error("--store does not exist: give --from-store to build it")
        build_store(args.from_store, args.store, args.articles)
    with open_store(str(args.store), read_only=True) as store:
        ids = [a.article_id for a in store.articles()]
    print(f"store: {args.store} ({len(ids)} articles)")
    port = free_port()
    newsint = Path(sys.executable).with_name("newsint")
    server = subprocess.Popen(
        [str(newsint), "serve", "--db", str(args.store), "--port", str(port), "--rate", "0"],
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        # Warm up: the first request reads the store into the server's snapshot.
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                if httpx.get(f"{base}/api/1/articles", params={"limit": 1}, timeout=STARTUP_SECONDS).status_code == 200:
                    break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.2)
        report(asyncio.run(run_load(base, ids, args.rate, args.seconds, args.timeout)), args.rate, args.seconds)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:  # still draining open connections: stopped outright
            server.kill()
            server.wait()


if __name__ == "__main__":
    main()
