"""The cross-article graph at scale: bulk ingest (resolution + store + edge summary) of synthetic article graphs,
store size and query latency at each size.

Usage: python benchmarks/bench_graph.py [--sizes 10000 100000] [--queries 200] [--batch 500]
                                        [--db .cache/bench_graph/graph.db] [--queries-only | --reuse]

Graphs come from ``dossier.synthetic`` (no spaCy), so extraction is out of it; they go in through
``Store.ingest_batch`` (one transaction per ``--batch`` articles, the same writes as ``ingest``).
The cost per article is measured over the first ``--window`` articles and over the last
``--window`` before each size, and reported as a ratio (late / early: about 1.0 means the cost
does not grow with the store), in wall-clock time and in this process's CPU time (which a loaded
machine disturbs less), with the SQL statements run per article (which do not depend on the load).

At each size the queries run on the store as it is then, with the default filters a user gets
(the shown view): the paged profile, ties of a pair, path, network at depth 1 and 2 (the 20 strongest
ties followed from each node), a page of a person's ties best supported first (what the web network
view asks for), and a network and a profile with a date filter (source filters: the summary prunes,
the pair indexes answer the rest). People are a seeded sample of those with ties, and the 20 in most
articles ("top 20") apart. The load average is printed beside each figure (the machine may be
shared). The store is a file (WAL), as users have it, and is kept (``bench_web.py --db`` can serve
it; ``--queries-only`` measures it again).

``--reuse`` skips the build where it can: for each size it queries ``--db`` when that store holds
that many articles, else ``graph-SIZE.db`` beside it, building that one (alone) only when it is
missing. The last lines are a table: p50 / p95 per query and size, with the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dossier import service
from dossier.store import Store
from dossier.synthetic import synthetic_graphs

REPO = Path(__file__).resolve().parents[1]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def load() -> float:
    return round(os.getloadavg()[0], 2)


def timed(fn: Callable[..., Any], args: list[tuple[Any, ...]]) -> dict[str, float]:
    """Wall-clock p50/p95 and, beside them, this process's CPU time per call (less sensitive to a loaded
    machine: the time the query itself computed, without waiting for a core)."""
    times, cpu = [], []
    for a in args:
        t, c = time.perf_counter(), time.process_time()
        fn(*a)
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return {"p50_ms": round(percentile(times, 50), 2), "p95_ms": round(percentile(times, 95), 2),
            "max_ms": round(max(times), 2), "cpu_p50_ms": round(percentile(cpu, 50), 2),
            "cpu_p95_ms": round(percentile(cpu, 95), 2), "n": len(times), "load": load()}


def queries(store: Store, n: int, seed: int) -> dict[str, dict[str, float]]:
    """Latencies of the graph queries on the store as it is, default filters."""
    rng = random.Random(seed)
    where = service.filters()
    dated = service.filters(since="2019")
    people = [f"#{r[0]}" for r in store.conn.execute(
        "SELECT id FROM entities WHERE type = 'PERSON' AND id IN (SELECT subject_id FROM relations) ORDER BY id")]
    top = [f"#{r[0]}" for r in store.conn.execute(
        "SELECT entity_id FROM article_entities GROUP BY entity_id ORDER BY count(*) DESC LIMIT 20")]
    pairs = [(f"#{r[0]}", f"#{r[1]}") for r in store.conn.execute(
        "SELECT subject_id, object_id FROM relations WHERE subject_id != object_id GROUP BY 1, 2 ORDER BY 1, 2")]
    sample = [(rng.choice(people),) for _ in range(n)]
    hubs = [(p,) for p in top] * max(1, n // 40)
    few = max(10, n // 4)
    return {
        "profile": timed(lambda a: service.profile_page(store, a, where), sample),
        "profile, top 20": timed(lambda a: service.profile_page(store, a, where), hubs),
        "ties": timed(lambda a, b: service.ties(store, a, b, where), rng.sample(pairs, min(n, len(pairs)))),
        "path": timed(lambda a, b: service.path(store, a, b, where, max_depth=3),
                      [(rng.choice(people), rng.choice(people)) for _ in range(few)]),
        "network depth 1": timed(lambda a: service.network(store, a, 1, where, limit=50), sample[:few]),
        "network depth 2": timed(lambda a: service.network(store, a, 2, where, limit=50), sample[:few]),
        "network depth 2, top 20": timed(lambda a: service.network(store, a, 2, where, limit=50), hubs[:few]),
        "network depth 2, --since (facts)": timed(lambda a: service.network(store, a, 2, dated, limit=50),
                                                  sample[: max(5, few // 4)]),
        "network depth 2, --since, top 20": timed(lambda a: service.network(store, a, 2, dated, limit=50),
                                                  hubs[: max(5, few // 4)]),
        "ties page (web network), top 20": timed(
            lambda a: service.ties_page(store, a, where, 0, 50, order="support"), hubs),
        "profile, top 20, --since": timed(lambda a: service.profile_page(store, a, dated), hubs[: max(5, few // 4)]),
    }


def articles_in(path: Path) -> int | None:
    """How many articles the store at ``path`` holds (None: no store there)."""
    if not path.is_file():
        return None
    with Store(path, readonly=True) as store:
        return int(store.conn.execute("SELECT count(*) FROM articles").fetchone()[0])


def build(path: Path, n: int, seed: int, batch: int) -> float:
    """A store of ``n`` synthetic articles at ``path`` (replacing any); the seconds it took."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    began = time.perf_counter()
    with Store(path) as store:
        graphs = synthetic_graphs(n, seed, n_people=max(50, n // 20))
        chunk: list[Any] = []
        for g in graphs:
            chunk.append(g)
            if len(chunk) == batch:
                store.ingest_batch(chunk)
                chunk = []
        if chunk:
            store.ingest_batch(chunk)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return time.perf_counter() - began


def table(results: dict[int, dict[str, dict[str, float]]]) -> str:
    """p50 / p95 (ms) per query and size, with the load average at each."""
    sizes = sorted(results)
    names = list(next(iter(results.values())))
    head = f"{'query':40}" + "".join(f"{f'{n:,} p50 / p95 (load)':>30}" for n in sizes)
    rows = [head]
    for q in names:
        cells = []
        for n in sizes:
            r = results[n].get(q)
            cells.append(f"{r['p50_ms']:>9.2f} / {r['p95_ms']:>8.2f} ({r['load']:.1f})" if r else "-")
        rows.append(f"{q:40}" + "".join(f"{c:>30}" for c in cells))
    return "\n".join(rows)


def reuse(args: argparse.Namespace) -> int:
    """Query existing stores of each size (building only a missing one) and print the table."""
    results: dict[int, dict[str, dict[str, float]]] = {}
    report: dict[str, Any] = {"load_at_start": load(), "stores": {}}
    for n in sorted(args.sizes):
        path = args.db if articles_in(args.db) == n else args.db.with_name(f"{args.db.stem}-{n}{args.db.suffix}")
        if articles_in(path) != n:
            print(f"building {path} ({n} articles)", flush=True)
            report.setdefault("built_s", {})[n] = round(build(path, n, args.seed, args.batch), 1)
        with Store(path, readonly=True) as store:
            results[n] = queries(store, args.queries, args.seed)
        report["stores"][n] = str(path)
    report["queries"] = results
    print(json.dumps(report, indent=2))
    print(table(results))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--window", type=int, default=2000)
    ap.add_argument("--batch", type=int, default=500, help="articles per transaction")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--db", type=Path, default=REPO / ".cache" / "bench_graph" / "graph.db")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--queries-only", action="store_true",
                    help="only the query latencies, on the store --db already holds (left by an earlier run)")
    ap.add_argument("--reuse", action="store_true",
                    help="query existing stores of each size (--db, or graph-SIZE.db beside it), building only a"
                         " missing one")
    args = ap.parse_args()
    if args.reuse:
        return reuse(args)
    if args.queries_only:
        with Store(args.db, readonly=True) as store:
            n = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            results = queries(store, args.queries, args.seed)
            print(json.dumps({"store": str(args.db), "articles": n, "load_at_start": load(),
                              "queries": results}, indent=2))
            print(table({n: results}))
        return 0
    args.db.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    sizes = sorted(args.sizes)
    window = min(args.window, sizes[0])
    report: dict[str, Any] = {"sizes": sizes, "batch": args.batch, "load_at_start": load()}
    windows: dict[str, float] = {}
    cpu_windows: dict[str, float] = {}
    statements: dict[str, float] = {}
    at_size: dict[int, dict[str, Any]] = {}
    began = time.perf_counter()
    with Store(args.db) as store:
        count = [0]
        store.conn.set_trace_callback(lambda _sql: count.__setitem__(0, count[0] + 1))
        # Window edges fall on batch ends: the first window, and the last before each size.
        marks = {window: "first"} | {n: f"last before {n}" for n in sizes}
        starts = {n - window for n in sizes if n - window >= window}
        graphs = synthetic_graphs(sizes[-1], args.seed, n_people=max(50, sizes[-1] // 20))
        done, t_window, c_window, batch = 0, time.perf_counter(), time.process_time(), []
        build_s = 0.0
        for graph in graphs:
            batch.append(graph)
            if len(batch) < args.batch and done + len(batch) not in marks and done + len(batch) not in starts:
                continue
            t = time.perf_counter()
            store.ingest_batch(batch)
            build_s += time.perf_counter() - t
            done += len(batch)
            batch = []
            if done in marks:
                windows[marks[done]] = round((time.perf_counter() - t_window) * 1000 / window, 3)
                cpu_windows[marks[done]] = round((time.process_time() - c_window) * 1000 / window, 3)
                statements[marks[done]] = round(count[0] / window, 1)
                print(f"{done} articles ({build_s:.0f} s ingesting): {windows[marks[done]]} ms/article"
                      f" ({cpu_windows[marks[done]]} ms CPU) over the {marks[done]} {window}, load {load()}",
                      flush=True)
            if done in starts or done == window:
                t_window, c_window = time.perf_counter(), time.process_time()
                count[0] = 0
            if done in sizes:
                store.conn.set_trace_callback(None)
                store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                counts = store.counts()
                at_size[done] = {
                    "build_s": round(build_s, 1), "store_bytes": args.db.stat().st_size,
                    "store_bytes_per_article": round(args.db.stat().st_size / done),
                    "rows": {k: counts[k] for k in ("articles", "entities", "article_entities", "relations", "roles",
                                                    "edge_summary")},
                    "queries": queries(store, args.queries, args.seed),
                }
                print(json.dumps({done: at_size[done]}), flush=True)
                store.conn.set_trace_callback(lambda _sql: count.__setitem__(0, count[0] + 1))
                if done in starts:
                    t_window, c_window = time.perf_counter(), time.process_time()
        store.conn.set_trace_callback(None)
    report["wall_s"] = round(time.perf_counter() - began, 1)
    report["ms_per_article"] = windows
    report["cpu_ms_per_article"] = cpu_windows
    report["statements_per_article"] = statements
    report["growth"] = {k: round(v / windows["first"], 2) for k, v in windows.items() if k != "first"}
    report["cpu_growth"] = {k: round(v / cpu_windows["first"], 2) for k, v in cpu_windows.items() if k != "first"}
    report["statement_growth"] = {k: round(v / statements["first"], 2) for k, v in statements.items()
                                  if k != "first"}
    report["at_size"] = at_size
    report["store"] = str(args.db)
    print(json.dumps(report, indent=2))
    print(table({n: at_size[n]["queries"] for n in at_size}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
