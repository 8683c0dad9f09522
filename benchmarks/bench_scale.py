"""Scale benchmarks, one table: extraction vs bare spaCy, ingest scaling, flat memory, kill and resume,
Spark local mode vs one process, and a projection of hours per CC-NEWS month.

Usage: python benchmarks/bench_scale.py [--quick] [--only SECTIONS] [--corpus FILE] [--scaling N] [--big N]
                                        [--spark N] [--month-articles N] [--cores 2,16,64,256] [--json OUT]

Every ratio compares two runs made one after the other in this run, on this machine.
The synthetic corpora are short invented articles (dossier.synthetic_articles), written
by the benchmark into a temporary folder. ``--quick`` runs everything at small sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_extract import bench, corpus  # noqa: E402

from dossier import nlp as nlp_mod  # noqa: E402
from dossier.synthetic_articles import write_jsonl  # noqa: E402

DOSSIER = [sys.executable, "-m", "dossier.cli"]
SECTIONS = ("extract", "scaling", "memory", "spark")
VOLATILE = {"ingested_at", "applied_at"}


# --- helpers ---------------------------------------------------------------------------------------


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return -1


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (Linux /proc), in MB."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total / 1024


def dump(db: Path) -> dict[str, list[Any]]:
    conn = sqlite3.connect(db)
    sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    out = {}
    for (table,) in conn.execute(sql).fetchall():
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in VOLATILE]
        out[table] = sorted(conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall(), key=repr)
    conn.close()
    return out


def ingest(corpus_path: Path, db: Path, jobs: int, watch: list[int] | None = None,
           kill_at: int | None = None) -> dict[str, Any]:
    """Run ``dossier ingest`` in a subprocess; sample the memory of its process tree while it runs.

    ``watch``: article counts at which to report the peak memory so far. ``kill_at``:
    SIGKILL the whole run once that many articles are stored.
    """
    cmd = [*DOSSIER, "ingest", str(corpus_path), "--db", str(db), "--jobs", str(jobs), "--json"]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            start_new_session=True)
    peak, peaks = 0.0, {}
    pending = sorted(watch or [])
    base = max(stored(db), 0)
    first: tuple[float, int] | None = None  # when the first new article was seen stored, and the count then
    while proc.poll() is None:
        time.sleep(0.5)
        peak = max(peak, tree_rss_mb(proc.pid))
        n = stored(db)
        if first is None and n > base:
            first = (time.perf_counter(), n)
        while pending and n >= pending[0]:
            peaks[pending.pop(0)] = round(peak, 1)
        if kill_at is not None and n >= kill_at:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            break
    out = proc.stdout.read() if proc.stdout else ""
    end = time.perf_counter()
    report = json.loads(out) if out.strip().startswith("{") else {}
    now = stored(db)
    # Steady rate: from the first article stored to the end, so model loading is left out.
    steady = (now - first[1]) / (end - first[0]) if first and now > first[1] and end > first[0] else None
    return {"seconds": end - t, "steady_per_s": steady, "peak_mb": round(peak, 1), "peaks": peaks,
            "report": report, "stored_now": now, "code": proc.returncode}


# --- sections --------------------------------------------------------------------------------------


def extract_vs_bare(args: argparse.Namespace) -> dict[str, Any]:
    articles = corpus(0 if args.quick else 30, args.corpus)
    return bench(nlp_mod.model_name(None), articles, 1 if args.quick else 2)


def scaling(tmp: Path, n: int) -> dict[str, Any]:
    path = write_jsonl(tmp / f"scaling-{n}.jsonl", n)
    one = ingest(path, tmp / "s1.db", 1)
    two = ingest(path, tmp / "s2.db", 2)
    s1, s2 = one["steady_per_s"], two["steady_per_s"]
    return {
        "articles": n,
        "jobs1_s": round(one["seconds"], 1), "jobs2_s": round(two["seconds"], 1),
        "jobs1_per_s": round(n / one["seconds"], 2), "jobs2_per_s": round(n / two["seconds"], 2),
        "speedup_2_jobs": round(one["seconds"] / two["seconds"], 2),
        "steady_jobs1_per_s": round(s1, 2) if s1 else None, "steady_jobs2_per_s": round(s2, 2) if s2 else None,
        "steady_speedup_2_jobs": round(s2 / s1, 2) if s1 and s2 else None,
        "same_store": dump(tmp / "s1.db") == dump(tmp / "s2.db"),
    }


def memory_and_resume(tmp: Path, n: int, marks: list[int]) -> dict[str, Any]:
    """Ingest ``n`` articles with 2 jobs, peak memory at the marks, SIGKILL half-way, resume, compare."""
    path = write_jsonl(tmp / f"big-{n}.jsonl", n)
    killed = tmp / "killed.db"
    first = ingest(path, killed, 2, watch=marks, kill_at=n // 2)
    second = ingest(path, killed, 2, watch=[m for m in marks if m > first["stored_now"]])
    whole = ingest(path, tmp / "whole.db", 2)
    rep = second["report"]
    return {
        "articles": n,
        "peak_mb_at": {**first["peaks"], **second["peaks"]},
        "killed_after": first["stored_now"],
        "resumed_unchanged": rep.get("unchanged"), "resumed_stored": rep.get("stored"),
        "same_store_as_uninterrupted": dump(killed) == dump(tmp / "whole.db"),
        "uninterrupted_s": round(whole["seconds"], 1),
        "uninterrupted_per_s": round(n / whole["seconds"], 2),
        "uninterrupted_peak_mb": whole["peak_mb"],
    }


def spark_vs_single(tmp: Path, n: int) -> dict[str, Any]:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return {"skipped": "pyspark is not installed"}
    folder = tmp / "spark-in"
    folder.mkdir()
    half = n // 2
    write_jsonl(folder / "a.jsonl", half)
    write_jsonl(folder / "b.jsonl", n - half, start=half)
    env = {**os.environ, "SPARK_LOCAL_IP": "127.0.0.1"}
    t = time.perf_counter()
    single = subprocess.run([*DOSSIER, "extract", str(folder / "a.jsonl"), str(folder / "b.jsonl"),
                             "--format", "jsonl", "--all"], capture_output=True, text=True, env=env)
    single_s = time.perf_counter() - t
    out = tmp / "spark-out"
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "dossier.spark", "extract", str(folder), "--out", str(out),
                    "--master", "local[2]"], capture_output=True, text=True, env=env, check=True)
    spark_s = time.perf_counter() - t
    lines = [x for p in sorted(out.glob("part-*")) for x in p.read_text(encoding="utf-8").splitlines()]
    return {
        "articles": n, "single_process_s": round(single_s, 1), "spark_local2_s": round(spark_s, 1),
        "spark_speedup": round(single_s / spark_s, 2),
        "same_records": lines == single.stdout.splitlines(),
    }


def projection(per_core: float, efficiency: float, month: int, cores: list[int]) -> dict[str, Any]:
    return {
        "assumed_articles_per_month": month,
        "per_core_articles_per_s": round(per_core, 3),
        "parallel_efficiency": round(efficiency, 2),
        "hours": {c: round(month / (per_core * c * efficiency) / 3600, 1) for c in cores},
    }


# --- table -----------------------------------------------------------------------------------------


def table(r: dict[str, Any]) -> str:
    rows = [("measure", "value", "how")]
    if "extract" in r:
        e = r["extract"]
        rows.append(("extract vs bare spaCy (throughput)", f"{e['throughput_vs_bare']:.2f}",
                     f"{e['articles']} articles, {e['articles_per_s']} vs {e['bare_articles_per_s']} articles/s"))
        shares = ", ".join(f"{k} {v:.0%}" for k, v in e["component_share"].items() if v >= 0.01)
        rows.append(("component shares", shares, "one article-by-article pass"))
    if "scaling" in r:
        s = r["scaling"]
        rows.append(("ingest 1 → 2 jobs (speed-up, wall)", f"{s['speedup_2_jobs']:.2f}",
                     f"{s['articles']} synthetic: {s['jobs1_per_s']} → {s['jobs2_per_s']} articles/s, model "
                     f"loads included; same store {s['same_store']}"))
        rows.append(("ingest 1 → 2 jobs (speed-up, steady)", f"{s['steady_speedup_2_jobs']}",
                     f"{s['steady_jobs1_per_s']} → {s['steady_jobs2_per_s']} articles/s after the first article "
                     "stored"))
    if "memory" in r:
        m = r["memory"]
        peaks = ", ".join(f"{k:,}: {v:,.0f} MB" for k, v in sorted(m["peak_mb_at"].items()))
        rows.append(("peak memory, 2 jobs (whole process tree)", peaks, f"{m['articles']:,} synthetic articles"))
        rows.append(("killed half-way, resumed", f"same store: {m['same_store_as_uninterrupted']}",
                     f"killed after {m['killed_after']:,}; resume skipped {m['resumed_unchanged']}, "
                     f"stored {m['resumed_stored']}; uninterrupted {m['uninterrupted_per_s']} articles/s"))
    if "spark" in r:
        sp = r["spark"]
        if "skipped" in sp:
            rows.append(("Spark local[2] vs one process", "skipped", sp["skipped"]))
        else:
            rows.append(("Spark local[2] vs one process (speed-up)", f"{sp['spark_speedup']:.2f}",
                         f"{sp['articles']} synthetic, {sp['single_process_s']} s vs {sp['spark_local2_s']} s; "
                         f"same records {sp['same_records']}"))
    if "projection" in r:
        p = r["projection"]
        hours = ", ".join(f"{c} cores {h:,} h" for c, h in p["hours"].items())
        rows.append(("hours per CC-NEWS month", hours,
                     f"{p['assumed_articles_per_month']:,} English articles assumed; {p['per_core_articles_per_s']} "
                     f"news articles/s per core × efficiency {p['parallel_efficiency']}"))
    width = [max(len(str(row[i])) for row in rows) for i in range(3)]
    lines = ["| " + " | ".join(str(c).ljust(w) for c, w in zip(row, width, strict=True)) + " |" for row in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in width) + "|")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes everywhere (a few minutes)")
    parser.add_argument("--corpus", default=None, help="real news for extract vs bare (default: examples + PolNeAR)")
    parser.add_argument("--scaling", type=int, default=None, help="articles for the 1 vs 2 jobs run")
    parser.add_argument("--big", type=int, default=None, help="articles for memory and kill/resume")
    parser.add_argument("--spark", type=int, default=None, help="articles for Spark vs one process")
    parser.add_argument("--marks", default=None, help="article counts at which to report peak memory")
    parser.add_argument("--month-articles", type=int, default=1_000_000)
    parser.add_argument("--cores", default="2,16,64,256")
    parser.add_argument("--json", default=None, help="also write the figures here")
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"comma-separated sections to run (default all: {','.join(SECTIONS)})")
    args = parser.parse_args()
    only = set(args.only.split(","))
    if only - set(SECTIONS):
        parser.error(f"unknown section(s): {', '.join(sorted(only - set(SECTIONS)))}")
    scaling_n = args.scaling or (24 if args.quick else 400)
    big = args.big or (400 if args.quick else 20_000)
    default_marks = [100, 400] if args.quick else [1_000, 10_000]
    marks = [m for m in ([int(x) for x in args.marks.split(",")] if args.marks else default_marks) if m <= big]
    spark_n = args.spark or (16 if args.quick else 200)

    result: dict[str, Any] = {"quick": args.quick}
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as tmp_name:
        tmp = Path(tmp_name)
        if "extract" in only:
            result["extract"] = extract_vs_bare(args)
        if "scaling" in only:
            result["scaling"] = scaling(tmp, scaling_n)
        if "memory" in only:
            result["memory"] = memory_and_resume(tmp, big, marks)
        if "spark" in only:
            result["spark"] = spark_vs_single(tmp, spark_n)
    if "extract" in result and "scaling" in result:
        speedup = result["scaling"]["steady_speedup_2_jobs"] or result["scaling"]["speedup_2_jobs"]
        efficiency = min(speedup / 2, 1.0)
        cores = [int(c) for c in args.cores.split(",")]
        result["projection"] = projection(result["extract"]["articles_per_s"], efficiency, args.month_articles,
                                          cores)
    print(table(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
