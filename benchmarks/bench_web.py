"""Load test of `dossier serve`: requests/s and latency of the profile and network endpoints.

Builds (once, cached under .cache/bench_web/) a store from the synthetic graph corpus
(`dossier.synthetic.synthetic_graphs`, no spaCy), starts `dossier serve` on 127.0.0.1 on a free
port, and sends GET requests from N concurrent clients (keep-alive connections), bounded both in
count and in time. Only 127.0.0.1 is ever contacted.

    .venv/bin/python benchmarks/bench_web.py --articles 100000 --requests 2000 --clients 8

People asked for: the 20 in most articles (the heaviest profiles, reported apart as "top 20") and a
seeded random sample of the other people with ties ("others"), the same for every run. ``--db`` serves
a store already built (e.g. the one ``bench_graph.py`` leaves in .cache/bench_graph/). The server's answer cache
is off unless ``--cache-mb N`` (each person is asked several times, so with it most asks are answered from memory;
the "cached" column counts them). Prints one table and a JSON line; exits 1 when any request failed.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CACHE = REPO / ".cache" / "bench_web"
TARGET_P95_MS = 100.0
BATCH = 500


def build(n: int, seed: int) -> Path:
    """The cached store of ``n`` synthetic articles (built if missing)."""
    from dossier.store import Store
    from dossier.synthetic import synthetic_graphs

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"synthetic-{n}-{seed}.db"
    if path.exists():
        return path
    partial = path.with_suffix(".partial.db")
    for leftover in CACHE.glob(partial.name + "*"):
        leftover.unlink()
    began = time.perf_counter()
    with Store(partial) as store:
        batch = []
        for i, graph in enumerate(synthetic_graphs(n, seed=seed), 1):
            batch.append(graph)
            if len(batch) == BATCH or i == n:
                store.ingest_batch(batch)  # the bulk path: one transaction per batch
                batch = []
            if i % 10_000 == 0:
                print(f"  built {i}/{n} articles in {time.perf_counter() - began:.0f} s", file=sys.stderr, flush=True)
    partial.rename(path)
    print(f"built {n} articles in {time.perf_counter() - began:.0f} s -> {path}", file=sys.stderr)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(db: Path, cache_mb: int = 0, workers: int = 1) -> tuple[subprocess.Popen, int]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "dossier.cli", "serve", "--db", str(db), "--host", "127.0.0.1",
                             "--port", str(port), "--cache-mb", str(cache_mb), "--workers", str(workers)],
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc, port
        except OSError:
            if proc.poll() is not None:
                said = proc.stderr.read().decode() if proc.stderr else ""
                raise SystemExit(f"dossier serve exited: {said}") from None
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("dossier serve did not start in 60 s")


def get(conn: http.client.HTTPConnection, path: str) -> tuple[int, int, bool]:
    """Status, body size, and whether the server answered from its cache."""
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    return response.status, len(body), response.getheader("X-Dossier-Cache") == "hit"


def people_to_ask(db: Path, seed: int, sample: int) -> list[int]:
    """The 20 people in most articles, then a seeded sample of the other people with ties."""
    import sqlite3

    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        top = [r[0] for r in conn.execute(
            "SELECT ae.entity_id FROM article_entities ae JOIN entities e ON e.id = ae.entity_id"
            " WHERE e.type = 'PERSON' GROUP BY ae.entity_id ORDER BY count(*) DESC, ae.entity_id LIMIT 20")]
        rest = [r[0] for r in conn.execute(
            "SELECT id FROM entities WHERE type = 'PERSON' AND id IN (SELECT source FROM edge_summary)"
            " ORDER BY id") if r[0] not in top]
    finally:
        conn.close()
    random.Random(seed).shuffle(rest)
    return top + rest[: max(0, sample - len(top))]


def run(port: int, paths: list[str], clients: int, seconds: float,
        hubs: frozenset[str] = frozenset()) -> dict[str, list[tuple[float, int, bool]]]:
    """Send ``paths`` (shared queue) from ``clients`` threads; stop at the end of the list or of the time."""
    results: dict[str, list[tuple[float, int, bool]]] = {}
    lock = threading.Lock()
    queue = list(reversed(paths))
    deadline = time.monotonic() + seconds

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < deadline:
            with lock:
                if not queue:
                    break
                path = queue.pop()
            kind = "network" if "/network" in path else "profile"
            group = "top 20" if path.split("/")[3] in hubs else "others"
            began = time.perf_counter()
            hit = False
            try:
                status, _size, hit = get(conn, path)
            except (OSError, http.client.HTTPException):
                status = 0
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            took = (time.perf_counter() - began) * 1000
            with lock:
                for key in (kind, f"{kind}, {group}"):
                    results.setdefault(key, []).append((took, status, hit))
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def summary(samples: list[tuple[float, int, bool]], wall: float) -> dict[str, float | int]:
    times = sorted(t for t, _, _ in samples)
    q = statistics.quantiles(times, n=100) if len(times) >= 2 else times * 99
    return {"requests": len(times), "errors": sum(1 for _, s, _ in samples if s != 200),
            "cached": sum(1 for _, _, hit in samples if hit),
            "p50_ms": round(q[49], 1), "p95_ms": round(q[94], 1), "max_ms": round(times[-1], 1),
            "per_s": round(len(times) / wall, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=100_000, help="synthetic articles in the store")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--requests", type=int, default=2000, help="requests in all (half profile, half network)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients")
    parser.add_argument("--seconds", type=float, default=120.0, help="stop sending after this long")
    parser.add_argument("--people", type=int, default=200, help="distinct people asked for")
    parser.add_argument("--db", type=Path, help="use this store instead of building one")
    parser.add_argument("--workers", type=int, default=1, help="server processes (`dossier serve --workers`)")
    parser.add_argument("--cache-mb", type=int, default=0,
                        help="the server's answer cache (`dossier serve --cache-mb`); 0, the default, makes every"
                             " request do its queries")
    args = parser.parse_args()

    db = args.db or build(args.articles, args.seed)
    proc, port = start(db, args.cache_mb, args.workers)
    try:
        ids = people_to_ask(db, args.seed, args.people)
        paths = []
        for i in range(args.requests // 2):
            pid = ids[i % len(ids)]
            paths += [f"/api/people/{pid}", f"/api/people/{pid}/network?limit=50"]
        run(port, paths[: 2 * args.clients], args.clients, 30)  # warm the connection pool
        hubs = frozenset(str(i) for i in ids[:20])
        load_before = os.getloadavg()[0]
        began = time.perf_counter()
        results = run(port, paths, args.clients, args.seconds, hubs)
        wall = time.perf_counter() - began
        load_after = os.getloadavg()[0]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    report = {"store": str(db), "articles": args.articles if not args.db else None, "clients": args.clients,
              "cache_mb": args.cache_mb, "workers": args.workers,
              "wall_s": round(wall, 1), "load_before": round(load_before, 2), "load_after": round(load_after, 2),
              **{k: summary(v, wall) for k, v in sorted(results.items())}}
    print(f"load average (1 min) {load_before:.2f} before, {load_after:.2f} after; {wall:.1f} s;"
          f" server cache {args.cache_mb} MB, {args.workers} server process(es)")
    print(f"{'endpoint':18} {'requests':>8} {'errors':>6} {'cached':>6} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7}"
          f" {'max ms':>7}")
    for kind in ("profile", "profile, top 20", "profile, others", "network", "network, top 20", "network, others"):
        s = report.get(kind)
        if s:
            flag = "" if s["p95_ms"] < TARGET_P95_MS else f"  (target p95 < {TARGET_P95_MS:.0f} ms)"
            print(f"{kind:18} {s['requests']:>8} {s['errors']:>6} {s['cached']:>6} {s['per_s']:>7} {s['p50_ms']:>7}"
                  f" {s['p95_ms']:>7}"
                  f" {s['max_ms']:>7}{flag}")
    print(json.dumps(report))
    return 1 if any(report[k]["errors"] for k in ("profile", "network") if k in report) else 0


if __name__ == "__main__":
    sys.exit(main())
