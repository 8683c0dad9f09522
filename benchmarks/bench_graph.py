"""The cross-article graph at scale: ingest (resolution + store) of synthetic article graphs, store size and
query latency.

Usage: python benchmarks/bench_graph.py [--sizes 10000 100000] [--queries 200] [--db /tmp/bench_graph.db]

Graphs come from ``dossier.synthetic`` (no spaCy), so extraction is out of it. For each size the
store is filled up to that many articles; the cost per article is measured over the first
``--window`` articles and over the last ``--window`` before each size, and reported as a ratio
(late / early: about 1.0 means the cost does not grow with the store), together with the SQL
statements run per article, which do not depend on the machine's load. Query latencies (p50/p95)
are measured on the final store. The store is a file (WAL), as users have it.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from dossier.store import Store
from dossier.synthetic import synthetic_graphs


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(fn, args: list) -> dict[str, float]:
    times = []
    for a in args:
        t = time.perf_counter()
        fn(*a)
        times.append((time.perf_counter() - t) * 1000)
    return {"p50_ms": round(percentile(times, 50), 2), "p95_ms": round(percentile(times, 95), 2), "n": len(times)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--window", type=int, default=1000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--db", type=Path, default=Path("/tmp/bench_graph.db"))
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    sizes = sorted(args.sizes)
    report: dict[str, object] = {"sizes": sizes}
    windows: dict[str, float] = {}
    statements: dict[str, float] = {}
    with Store(args.db) as store:
        count = [0]
        store.conn.set_trace_callback(lambda _sql: count.__setitem__(0, count[0] + 1))
        t_window = time.perf_counter()
        marks = {args.window: "first"} | {n: f"last before {n}" for n in sizes}
        starts = {n - args.window: n for n in sizes}
        graphs = synthetic_graphs(sizes[-1], args.seed, n_people=max(50, sizes[-1] // 20))
        for done, graph in enumerate(graphs, 1):
            if done - 1 in starts:
                t_window = time.perf_counter()
                count[0] = 0
            store.ingest(graph)
            if done in marks:
                windows[marks[done]] = round((time.perf_counter() - t_window) * 1000 / args.window, 3)
                statements[marks[done]] = round(count[0] / args.window, 1)
                print(f"{done} articles: {windows[marks[done]]} ms/article over the {marks[done]} {args.window}",
                      flush=True)
            if done == args.window:
                t_window = time.perf_counter()
                count[0] = 0
        store.conn.set_trace_callback(None)
        report["ms_per_article"] = windows
        report["statements_per_article"] = statements
        report["growth"] = {k: round(v / windows["first"], 2) for k, v in windows.items() if k != "first"}
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        report["store_bytes"] = args.db.stat().st_size
        report["store_bytes_per_article"] = round(args.db.stat().st_size / sizes[-1])
        counts = store.counts()
        report["rows"] = {k: counts[k] for k in ("articles", "entities", "article_entities", "relations", "roles")}

        rng = random.Random(args.seed)
        people = [f"#{r[0]}" for r in store.conn.execute(
            "SELECT id FROM entities WHERE type = 'PERSON' AND id IN (SELECT subject_id FROM relations)")]
        pairs = [(f"#{r[0]}", f"#{r[1]}") for r in store.conn.execute(
            "SELECT subject_id, object_id FROM relations WHERE subject_id != object_id GROUP BY 1, 2")]
        sample = [(rng.choice(people),) for _ in range(args.queries)]
        report["queries"] = {
            "profile": timed(store.person, sample),
            "ties": timed(store.ties, rng.sample(pairs, min(args.queries, len(pairs)))),
            "path": timed(lambda a, b: store.shortest_paths(a, b, max_depth=3),
                          [(rng.choice(people), rng.choice(people)) for _ in range(args.queries // 4)]),
            "network_depth2": timed(lambda a: store.network(a, depth=2, limit=50), sample[: args.queries // 4]),
            "search": timed(lambda t: store.search(t), [("linked",)] * 10),
        }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
