"""Latency of the HTTP API under load, on a large store.

Builds (once, reused after) the synthetic store of bench/store_queries.py
(default 1,000,000 events), starts `dyad serve` on it in a subprocess, and
runs a bounded load: ``--clients`` concurrent clients on loopback, each with
one keep-alive connection, sending a mix of API requests back to back for
``--seconds`` after a warm-up. Then it times the dyad page (HTML with its
chart) from a single client.

    python bench/api_load.py                          # 1M events, 50 clients, 30 s
    python bench/api_load.py --events 200000 --clients 20 --seconds 10
    python bench/api_load.py --db my.duckdb

Prints p50/p95/p99/max per kind of request and overall, requests per
second, errors, the server's start-up time and memory. The mix (weights):
event lists by dyad (a second page by cursor half the time), by actor and
type, by date span and status, full-text; single events; timelines; the
dyad page's JSON; dyads; actors; documents; the overview. Not a test: the
numbers depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

DYAD = Path(sys.executable).with_name("dyad")


def sample(db: Path, seed: int) -> dict:
    """Real values to ask about: event and document ids, actor names, event types."""
    from dyad.store import open_store

    with open_store(db, read_only=True) as store:
        con = store.con
        def column(query: str) -> list:
            return [r[0] for r in con.execute(query).fetchall()]

        events = column(f"SELECT event_id FROM events USING SAMPLE 2000 (reservoir, {seed})")
        docs = column(f"SELECT doc_id FROM documents USING SAMPLE 500 (reservoir, {seed})")
        names = [r[0] for r in con.execute("SELECT name FROM actors ORDER BY name LIMIT 300").fetchall()]
        words = [r[0].lower() for r in con.execute("SELECT DISTINCT event_type FROM events").fetchall()]
    return {"events": events, "docs": docs, "names": names, "words": words}


class Mix:
    """Draws the next request: (kind, path)."""

    def __init__(self, values: dict, dyads: list[str], seed: int):
        self.v, self.dyads, self.random = values, dyads, random.Random(seed)
        self.kinds = [
            (20, "events?dyad", lambda r: f"/api/events?dyad={r.choice(self.dyads)}&limit=50"),
            (10, "events?actor&type", lambda r: f"/api/events?actor={quote(r.choice(self.v['names']))}"
                                                f"&type={r.choice(self.v['words'])}&limit=50"),
            (10, "events?since&until&status", lambda r: f"/api/events?since={(y := r.randint(2000, 2024))}"
                                                        f"&until={y}-06&status=happened&limit=50"),
            (5, "events?q", lambda r: f"/api/events?q={r.choice(self.v['words'])}%20{r.choice(['did', 'something'])}"
                                      f"&limit=20"),
            (15, "events/{id}", lambda r: f"/api/events/{r.choice(self.v['events'])}"),
            (10, "timeline", lambda r: "/api/timeline?a={}&b={}&by={}".format(
                *r.choice(self.dyads).split("-"), r.choice(["month", "quarter", "year"]))),
            (5, "dyads/{A-B}", lambda r: f"/api/dyads/{r.choice(self.dyads)}?limit=50"),
            (5, "dyads", lambda r: "/api/dyads?limit=20"),
            (5, "actors", lambda r: "/api/actors?limit=100"),
            (10, "documents/{id}", lambda r: f"/api/documents/{r.choice(self.v['docs'])}"),
            (5, "overview", lambda r: "/api/overview"),
        ]
        self.weights = [w for w, _, _ in self.kinds]

    def draw(self) -> tuple[str, str]:
        _, kind, make = self.random.choices(self.kinds, self.weights)[0]
        return kind, make(self.random)


async def fetch(reader, writer, path: str) -> tuple[int, bytes]:
    """One GET on a keep-alive connection (HTTP/1.1, Content-Length or chunked)."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n".encode("ascii"))
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = dict(line.lower().split(": ", 1) for line in lines[1:] if ": " in line)
    if "content-length" in headers:
        return status, await reader.readexactly(int(headers["content-length"]))
    body = b""
    while True:  # chunked
        size = int((await reader.readuntil(b"\r\n")).strip(), 16)
        body += await reader.readexactly(size + 2)
        if size == 0:
            return status, body


async def client(port: int, mix: Mix, until: float, record: bool, results: list) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < until:
            kind, path = mix.draw()
            started = time.perf_counter()
            status, body = await fetch(reader, writer, path)
            if record:
                results.append((kind, status, time.perf_counter() - started))
            if kind == "events?dyad" and status == 200 and mix.random.random() < 0.5:
                cursor = json.loads(body).get("next")
                if cursor:
                    started = time.perf_counter()
                    status, _ = await fetch(reader, writer, f"{path}&cursor={cursor}")
                    if record:
                        results.append(("events?dyad&cursor", status, time.perf_counter() - started))
    finally:
        writer.close()


async def load(port: int, mix: Mix, clients: int, seconds: float, record: bool) -> tuple[list, float]:
    results: list = []
    started = time.perf_counter()
    await asyncio.gather(*(client(port, mix, started + seconds, record, results) for _ in range(clients)))
    return results, time.perf_counter() - started


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def report(results: list, elapsed: float) -> None:
    kinds = sorted({k for k, _, _ in results})
    print(f"{'request':28} {'n':>7} {'p50':>8} {'p95':>8} {'p99':>8} {'max':>8}  errors")
    for kind in kinds + ["ALL"]:
        rows = [r for r in results if kind in ("ALL", r[0])]
        times = [t * 1000 for _, _, t in rows]
        errors = sum(1 for _, status, _ in rows if status != 200)
        print(f"{kind:28} {len(rows):>7} {percentile(times, 50):>6.1f}ms {percentile(times, 95):>6.1f}ms "
              f"{percentile(times, 99):>6.1f}ms {max(times):>6.1f}ms  {errors}")
    print(f"{len(results) / elapsed:.0f} requests/s over {elapsed:.1f} s")


def get(url: str) -> tuple[int, bytes, float]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.status, response.read(), time.perf_counter() - started


def wait_ready(port: int, process: subprocess.Popen, timeout: float = 600) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if process.poll() is not None:
            raise SystemExit(f"the server stopped: {process.stderr.read()}")
        try:
            get(f"http://127.0.0.1:{port}/api/overview")
            return time.perf_counter() - started
        except OSError:
            time.sleep(0.25)
    raise SystemExit("the server did not start")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its children (the workers), from /proc."""
    total = 0.0
    for proc in [pid] + _children(pid):
        try:
            fields = Path(f"/proc/{proc}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _children(pid: int) -> list[int]:
    try:
        found = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []
    return found + [g for c in found for g in _children(c)]


def calibration_ms() -> float:
    """How fast this machine runs Python right now (best of three): figures from runs whose
    calibration differs are not comparable."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        sum(i * i for i in range(1_000_000))
        best = min(best, time.perf_counter() - started)
    return best * 1000


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="Store to use (default: /tmp/dyad-bench-N.duckdb, built if missing).")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0, help="Length of the measured load.")
    parser.add_argument("--warmup", type=float, default=5.0, help="Load before measuring, not counted.")
    parser.add_argument("--port", type=int, default=0, help="Port for the server (default: a free one).")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=1, help="Server processes (dyad serve --workers).")
    args = parser.parse_args()
    db = args.db or Path(f"/tmp/dyad-bench-{args.events}.duckdb")
    if not db.exists():
        from store_queries import build

        build(db, args.events)
    values = sample(db, args.seed)
    if not args.port:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            args.port = probe.getsockname()[1]
    process = subprocess.Popen([str(DYAD), "serve", "--db", str(db), "--port", str(args.port),
                                "--workers", str(args.workers)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        ready = wait_ready(args.port, process)
        base = f"http://127.0.0.1:{args.port}"
        overview = json.loads(get(f"{base}/api/overview")[1])
        dyads = [d["dyad"] for d in json.loads(get(f"{base}/api/dyads?limit=50")[1])]
        print(f"store {db}: {overview['counts']['events']:,} events, {overview['counts']['documents']:,} documents; "
              f"server ready in {ready:.1f} s, {rss_mb(process.pid):.0f} MB resident")
        mix = Mix(values, dyads, args.seed)
        asyncio.run(load(args.port, mix, args.clients, args.warmup, record=False))
        server_cpu, client_cpu = cpu_seconds(process.pid), time.process_time()
        results, elapsed = asyncio.run(load(args.port, mix, args.clients, args.seconds, record=True))
        server_cpu, client_cpu = cpu_seconds(process.pid) - server_cpu, time.process_time() - client_cpu
        print(f"\n{args.clients} concurrent clients, {args.seconds:.0f} s after {args.warmup:.0f} s of warm-up:")
        report(results, elapsed)
        print(f"CPU per request: server {server_cpu / len(results) * 1000:.2f} ms, load client "
              f"{client_cpu / len(results) * 1000:.2f} ms; {os.cpu_count()} cores, load average "
              f"{os.getloadavg()[0]:.1f}; calibration {calibration_ms():.0f} ms (a fixed Python loop: "
              f"the machine's speed at the time; other work on it counts)")
        times = [get(f"{base}/dyad/{d}")[2] * 1000 for d in dyads[:20]]
        print(f"\ndyad page (HTML with its chart), one client, {len(times)} dyads: "
              f"median {statistics.median(times):.0f} ms, "
              f"max {max(times):.0f} ms; server now {rss_mb(process.pid):.0f} MB resident")
    finally:
        process.terminate()
        process.wait(timeout=30)


if __name__ == "__main__":
    main()
