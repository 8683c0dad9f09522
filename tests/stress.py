"""Reliability harness: kill loops, racing writers, reads during an ingest, and fuzzing of the readers.

``tests/test_stress.py`` runs each part with a small budget; ``make stress`` runs them large::

    python -m tests.stress --inputs 100000 --kills 100

Ingest workers use a blank spaCy pipeline and a stand-in for ``doc_to_graph`` (entities
for the invented names below, a mention at each occurrence), so what is exercised is
reading, the service and the store, not the model. The report is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
NAMES = ["Ines Varga", "Oren Tall", "Pell Auden", "Mara Quell", "Tobin Ash", "Ilse Moran", "Cato Brenn"]
READY = "READY"
IN_WRITE = "IN-WRITE"


# --- invented corpus and the stand-in extractor ----------------------------------------------------


def corpus_lines(n: int, start: int = 0) -> list[str]:
    """``n`` invented JSONL articles (ids ``art-<i>``), two or three of NAMES in each."""
    lines = []
    for i in range(start, start + n):
        rnd = random.Random(i)
        people = rnd.sample(NAMES, rnd.choice([2, 3]))
        body = " ".join(f"{p} spoke about item {i} at the harbor meeting." for p in people)
        body += f" Later {people[0]} met {people[1]} again."
        record = {"id": f"art-{i}", "title": f"Item {i}", "published": "2024-05-01", "body": body}
        lines.append(json.dumps(record))
    return lines


def write_corpus(path: Path, n: int, start: int = 0) -> Path:
    path.write_text("\n".join(corpus_lines(n, start)) + "\n", encoding="utf-8")
    return path


def fake_graph(doc: Any, article: Any) -> Any:
    """An article graph without a model: one entity per invented name found, a mention at each occurrence."""
    from dossier.graph import ArticleGraph, Entity, Mention

    entities = []
    for n, name in enumerate(NAMES):
        mentions = []
        at = article.body.find(name)
        while at >= 0:
            mentions.append(Mention(at, at + len(name), name, "body", "name"))
            at = article.body.find(name, at + 1)
        if mentions:
            entities.append(Entity(f"e{n}", name, "PERSON", mentions=mentions))
    return ArticleGraph(article=article, entities=entities)


def blank_pipeline_patches() -> list[tuple[Any, str, Any]]:
    """(object, attribute, value) triples that make ``service`` extract with a blank pipeline and ``fake_graph``."""
    import spacy

    from dossier import nlp as nlp_mod
    from dossier import service

    blank = spacy.blank("en")
    return [(nlp_mod, "load", lambda model=None: blank), (service, "doc_to_graph", fake_graph)]


# --- ingest worker (a subprocess that can be killed) -----------------------------------------------


def _worker(db: str, inputs: list[str], aim: float) -> None:
    for obj, name, value in blank_pipeline_patches():
        setattr(obj, name, value)
    if aim:
        _aim_inside_writes(aim)
    from dossier import service

    print(READY, flush=True)
    summary = service.ingest(inputs, db=db)
    print(json.dumps(summary.to_dict()), flush=True)


def _aim_inside_writes(chance: float) -> None:
    """Announce some statements inside write transactions and pause there, so the parent can kill mid-write."""
    from dossier.store import db as db_mod

    real = db_mod.connect
    rnd = random.Random(os.getpid())

    def connect(path: Any, readonly: bool = False) -> sqlite3.Connection:
        conn = real(path, readonly)

        def trace(statement: str) -> None:
            if conn.in_transaction and statement.startswith("INSERT") and rnd.random() < chance:
                print(IN_WRITE, flush=True)
                time.sleep(0.2)

        conn.set_trace_callback(trace)
        return conn

    db_mod.connect = connect


def start_worker(db: Path, inputs: list[Path], aim: float = 0.0) -> subprocess.Popen[str]:
    """Start an ingest worker; it prints READY once imported, IN-WRITE when paused inside a write (``aim``)."""
    code = "import sys, json; from tests.stress import _worker; _worker(sys.argv[1], json.loads(sys.argv[2]), " \
           "float(sys.argv[3]))"
    args = [sys.executable, "-c", code, str(db), json.dumps([str(p) for p in inputs]), str(aim)]
    return subprocess.Popen(args, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(proc: subprocess.Popen[str], marker: str, timeout: float = 120) -> bool:
    """Read the worker's output until ``marker``; False if it ended first."""
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            return False
        if line.strip() == marker:
            return True
    return False


def run_worker(db: Path, inputs: list[Path]) -> dict[str, Any]:
    """Run an ingest worker to the end; its summary."""
    proc = start_worker(db, inputs)
    # communicate() only: with two pipes it reads the raw descriptors, so lines already
    # taken into the text buffer by readline() would be lost
    out, err = proc.communicate(timeout=600)
    lines = out.strip().splitlines()
    if proc.returncode != 0 or not lines or lines[0] != READY:
        raise RuntimeError(f"ingest worker failed ({proc.returncode}): {err[-2000:]}")
    return json.loads(lines[-1])


def ingest_here(db: Path, inputs: list[Path]) -> dict[str, Any]:
    """The same ingest as a worker's, in this process (for reference runs: no start-up cost)."""
    from dossier import service

    patches = blank_pipeline_patches()
    saved = [(obj, name, getattr(obj, name)) for obj, name, _ in patches]
    for obj, name, value in patches:
        setattr(obj, name, value)
    try:
        return service.ingest(inputs, db=db).to_dict()
    finally:
        for obj, name, value in saved:
            setattr(obj, name, value)


# --- checks on a store -----------------------------------------------------------------------------


def snapshot(db: Path) -> dict[str, Any]:
    """What a store holds, for comparing runs: articles by id with their graph, and rows per table."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('migrations') "
            "AND name NOT LIKE 'sqlite_%'")]
        if "articles" not in tables:  # killed before the first migration committed
            return {"articles": {}, "counts": {"articles": 0}}
        articles = {row[0]: (row[1], row[2]) for row in conn.execute(
            "SELECT id, content_hash, graph_json FROM articles")}
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        return {"articles": articles, "counts": counts}
    finally:
        conn.close()


def check_store(db: Path, reference: dict[str, Any]) -> list[str]:
    """Problems with a store after a kill: integrity, and any article stored in part or unlike the reference."""
    problems = []
    conn = sqlite3.connect(str(db))
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            problems.append(f"integrity_check: {result}")
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append(f"foreign_key_check: {len(fk)} rows")
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchone():
            return problems
        expected = {aid: len(json.loads(graph)["entities"]) for aid, (_, graph) in reference["articles"].items()}
        for aid, graph in conn.execute("SELECT id, graph_json FROM articles"):
            if aid not in reference["articles"] or reference["articles"][aid][1] != graph:
                problems.append(f"article {aid} differs from an uninterrupted run")
                continue
            rows = conn.execute("SELECT count(*) FROM article_entities WHERE article_id = ?", (aid,)).fetchone()[0]
            if rows != expected[aid]:
                problems.append(f"article {aid} stored in part ({rows} of {expected[aid]} entities)")
    finally:
        conn.close()
    return problems


# --- kill loop -----------------------------------------------------------------------------------


def kill_loop(kills: int, workdir: Path, articles: int = 120, rounds: int | None = None,
              seed: int = 0) -> dict[str, Any]:
    """SIGKILL ingests at random points and inside write transactions; check the store after each kill.

    Kills are spread over ``rounds`` fresh stores; after the last kill of a round the ingest
    is resumed to the end and compared with an uninterrupted run.
    """
    rnd = random.Random(seed)
    inputs = [write_corpus(workdir / "corpus.jsonl", articles)]
    reference_db = workdir / "reference.db"
    started = time.monotonic()
    ingest_here(reference_db, inputs)
    took = time.monotonic() - started
    reference = snapshot(reference_db)
    rounds = rounds or max(1, kills // 10)
    stats: dict[str, Any] = {"kills": 0, "inside_writes": 0, "corrupt_stores": 0, "partial_articles": 0,
                             "resume_mismatches": 0, "lost_articles": 0, "duplicated_articles": 0,
                             "workers_done_before_kill": 0, "problems": []}
    per_round = -(-kills // rounds)
    while stats["kills"] < kills:
        db = workdir / f"kill-{stats['kills']}.db"
        for _ in range(min(per_round, kills - stats["kills"])):
            aimed = rnd.random() < 0.5
            proc = start_worker(db, inputs, aim=0.02 if aimed else 0.0)
            if not _wait_for(proc, READY):
                stats["problems"].append(f"worker did not start: {proc.communicate()[1][-500:]}")
                break
            if aimed:
                reached = _wait_for(proc, IN_WRITE, timeout=60)
            else:  # anywhere in what is left to do
                left = 1 - len(snapshot(db)["articles"]) / articles if db.exists() else 1
                time.sleep(rnd.uniform(0.0, took * left))
                reached = proc.poll() is None
            if reached:
                proc.send_signal(signal.SIGKILL)
                stats["kills"] += 1
                stats["inside_writes"] += aimed
            else:
                stats["workers_done_before_kill"] += 1
            proc.communicate()
            if db.exists():
                problems = check_store(db, reference)
                stats["corrupt_stores"] += any(p.startswith(("integrity", "foreign")) for p in problems)
                stats["partial_articles"] += sum("in part" in p or "differs" in p for p in problems)
                stats["problems"].extend(problems)
        try:
            run_worker(db, inputs)  # resume
        except RuntimeError as exc:
            stats["resume_mismatches"] += 1
            stats["problems"].append(str(exc)[-500:])
        after = snapshot(db)
        if after != reference:
            stats["resume_mismatches"] += 1
            missing = set(reference["articles"]) - set(after["articles"])
            stats["lost_articles"] += len(missing)
            stats["problems"].append(f"{db.name}: resume differs from an uninterrupted run")
        stats["duplicated_articles"] += max(0, after["counts"]["articles"] - reference["counts"]["articles"])
        db.unlink(missing_ok=True)
        for suffix in ("-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
    return stats


# --- writers and readers at once --------------------------------------------------------------------


def two_writers(rounds: int, workdir: Path, articles: int = 60) -> dict[str, Any]:
    """Two ingests at once into a fresh store, on overlapping inputs; both must succeed and store each article once."""
    half = articles // 2
    a = write_corpus(workdir / "first.jsonl", articles)
    b = write_corpus(workdir / "second.jsonl", articles, start=half)
    reference_db = workdir / "both-reference.db"
    ingest_here(reference_db, [a, b])
    reference = snapshot(reference_db)
    stats: dict[str, Any] = {"rounds": 0, "failed_writers": 0, "mismatches": 0, "problems": []}
    for n in range(rounds):
        db = workdir / f"pair-{n}.db"
        procs = [start_worker(db, [a]), start_worker(db, [b])]
        for proc in procs:
            _, err = proc.communicate(timeout=300)
            if proc.returncode != 0:
                stats["failed_writers"] += 1
                stats["problems"].append(err[-500:])
        problems = check_store(db, reference)
        if snapshot(db) != reference or problems:
            stats["mismatches"] += 1
            stats["problems"].extend(problems or [f"{db.name}: differs from one ingest of both inputs"])
        stats["rounds"] += 1
    return stats


def migration_race(rounds: int, workdir: Path) -> dict[str, Any]:
    """Two processes open the same fresh store at the same instant, ``rounds`` times; count failures."""
    code = (
        "import sys, time\n"
        "from dossier.store import Store\n"
        "start = float(sys.argv[2])\n"
        "while time.time() < start: pass\n"
        "with Store(sys.argv[1]) as s: print(s.counts()['articles'])\n"
    )
    failures: list[str] = []
    for n in range(rounds):
        db = workdir / f"fresh-{n}.db"
        start = time.time() + 0.6
        procs = [subprocess.Popen([sys.executable, "-c", code, str(db), str(start)], cwd=REPO,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        for proc in procs:
            _, err = proc.communicate(timeout=60)
            if proc.returncode != 0:
                failures.append(err.strip().splitlines()[-1] if err.strip() else f"exit {proc.returncode}")
        conn = sqlite3.connect(str(db))
        names = [r[0] for r in conn.execute("SELECT name FROM migrations")]
        conn.close()
        if len(names) != len(set(names)):
            failures.append(f"{db.name}: a migration recorded twice")
    return {"rounds": rounds, "failures": len(failures), "problems": failures[:10]}


def reads_during_ingest(workdir: Path, articles: int = 300, readers: int = 2) -> dict[str, Any]:
    """Query a store read-only from threads while an ingest writes to it; count the reads that failed."""
    from dossier.store import Store

    db = workdir / "busy.db"
    Store(db).close()  # migrated, so readers can open it at once
    inputs = [write_corpus(workdir / "busy.jsonl", articles)]
    stop = threading.Event()
    stats = {"reads": 0, "read_errors": 0, "problems": []}
    lock = threading.Lock()

    def read() -> None:
        while not stop.is_set():
            try:
                with Store(db, readonly=True) as store:
                    store.people(limit=5)
                    store.counts()
                    store.articles(limit=3)
                with lock:
                    stats["reads"] += 1
            except Exception as exc:
                with lock:
                    stats["read_errors"] += 1
                    stats["problems"].append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=read) for _ in range(readers)]
    for t in threads:
        t.start()
    try:
        summary = run_worker(db, inputs)
    finally:
        stop.set()
        for t in threads:
            t.join()
    stats["stored"] = summary["stored"]
    stats["problems"] = stats["problems"][:10]
    return stats


# --- fuzzing the readers -----------------------------------------------------------------------------


_STORE: Any = None


def check_read(items: list[Any], where: str) -> None:
    """What every reader must give: articles and errors only, errors naming the input, articles storable."""
    from dossier.errors import ReadError
    from dossier.graph import Article, ArticleGraph
    from dossier.read import MAX_YEAR, MIN_YEAR
    from dossier.store import Store

    for item in items:
        if isinstance(item, ReadError):
            assert item.where.startswith(where), (item.where, where)
            assert item.kind and item.reason
            (item.where + item.reason).encode("utf-8")
            continue
        assert isinstance(item, Article), type(item)
        assert item.body.strip()
        for value in (item.id, item.title, item.body, item.outlet, item.url, item.source, item.published):
            if value is not None:
                value.encode("utf-8")
        if item.published is not None:
            assert MIN_YEAR <= int(item.published[:4]) <= MAX_YEAR
        global _STORE
        if _STORE is None:
            _STORE = Store(":memory:")
        _STORE.ingest(ArticleGraph(article=item))  # storable as it is


def fuzz_targets() -> dict[str, Any]:
    """Functions from fuzzed bytes to a checked read, one per reader."""
    from dossier.errors import ReadError
    from dossier.read import parse_detected, parse_jsonl_bytes
    from dossier.read.common import decode
    from dossier.read.html import parse_html
    from dossier.read.text import parse_text

    sentinel = b'\n{"id": "sentinel", "body": "Last line, always read."}\n'

    def jsonl(data: bytes) -> None:
        items = list(parse_jsonl_bytes([data[: len(data) // 2], data[len(data) // 2:] + sentinel], "f.jsonl", 4096))
        check_read(items, "f.jsonl")
        assert any(getattr(i, "id", None) == "sentinel" for i in items), "a later record was lost"

    def whole(parse: Any, html: bool = False) -> Any:
        def target(data: bytes) -> None:
            try:
                text = decode(data, "f", html=html)
            except ReadError:
                return
            out = parse(text, "f")
            check_read(list(out) if not hasattr(out, "body") else [out], "f")
        return target

    def tolerant(parse: Any) -> Any:
        inner = whole(parse)

        def target(data: bytes) -> None:
            try:
                inner(data)
            except ReadError as err:
                check_read([err], "f")
        return target

    return {
        "jsonl": jsonl,
        "text": tolerant(parse_text),
        "detected": whole(parse_detected),
        "html": tolerant(lambda text, where: parse_html(text, where)),
    }


def seeds() -> Iterator[bytes]:
    """Hand-made hostile inputs to start from: each class the probe found, and markup."""
    yield b'{"id": "s", "body": "\\ud800"}'
    yield b'{"body": "x", "n": ' + b"9" * 5000 + b"}"
    yield b'{"body": "x", "d": ' + b"[" * 1200 + b"]" * 1200 + b"}"
    yield b"\xef\xbb\xbf"
    yield b'{"body": "a\x00b"}\r{"body": "c"}\r\n'
    yield b'{"body": "[bold]Ines[/] said \\"[/x]", "published": "9999-12-31"}'
    yield "date ٢٠٢٤-01-05 Title\nBody".encode()
    yield b"date 0001-01-01 Old\nYesterday Mara Quell said next year.\n"
    yield b"<html><body>" + b"<div>" * 3000 + b"<p>deep</p>" + b"</div>" * 3000 + b"</body></html>"
    yield b"<html><head><title>[red]x[/]</title></head><body><p>\xe2\x80\x9cunbalanced quote</p></body></html>"


def fuzz_with_hypothesis(budget: int) -> dict[str, Any]:
    """Structured fuzzing of every reader target, ``budget`` inputs in total."""
    from hypothesis import HealthCheck, given, settings

    targets = fuzz_targets()
    share = {"jsonl": 0.4, "text": 0.25, "detected": 0.25, "html": 0.1}
    stats: dict[str, Any] = {"inputs": 0, "crashes": 0, "problems": []}
    for name, target in targets.items():
        count = [0]

        def body(data: bytes, target: Any = target, count: list[int] = count) -> None:
            count[0] += 1
            target(data)

        run = settings(max_examples=max(1, int(budget * share[name])), deadline=None, database=None,
                       suppress_health_check=list(HealthCheck))(given(hostile_bytes())(_bind(body)))
        try:
            run()
        except Exception as exc:  # a crash: the shrunk example is in the message
            stats["crashes"] += 1
            stats["problems"].append(f"{name}: {type(exc).__name__}: {str(exc)[:500]}")
        stats["inputs"] += count[0]
    return stats


def _bind(body: Any) -> Any:
    def run(data: bytes) -> None:
        body(data)
    return run


def hostile_bytes() -> Any:
    """A hypothesis strategy for hostile reader input: pieces of JSON, text, HTML, dates, markup, bad bytes."""
    from hypothesis import strategies as st

    names = st.sampled_from(NAMES)
    dates = st.one_of(
        st.dates().map(str), st.sampled_from(["0001-01-01", "9999-12-31", "1799-12-31", "2201-01-01",
                                               "٢٠٢٤-٠١-٠٥", "2024-02-30", "2024-1-1T", "20240101"]),
    )
    json_text = st.one_of(
        st.text(max_size=30).map(json.dumps),
        st.sampled_from(['"\\ud800"', '"\\udfff x"', '"[bold]"', '"[/]"', '"\\u0000"', '"\\"']),
    )
    record = st.builds(
        lambda body, date, title, extra: (
            '{"body": ' + body + ', "published": ' + json.dumps(date) + ', "title": ' + title + extra + "}"
        ),
        json_text, dates, json_text,
        st.one_of(st.just(""), st.integers(1, 6000).map(lambda n: ', "n": ' + "7" * n),
                  st.integers(1, 3000).map(lambda n: ', "d": ' + "[" * n + "]" * n)),
    )
    prose = st.builds(
        lambda who, date, words: f"date {date} {who} story\n{who} said “{words} on Friday. Yesterday [bold]{words}",
        names, dates, st.text(max_size=40),
    )
    html = st.builds(
        lambda depth, words, title: (
            f"<html><head><title>{title}</title></head><body>" + "<div>" * depth + f"<p>{words}</p>"
            + "</div>" * (depth // 2) + "</body></html>"
        ),
        st.integers(0, 2000), st.text(max_size=60), st.text(max_size=20),
    )
    piece = st.one_of(
        record, prose, html, st.text(max_size=80), st.binary(max_size=80),
        st.sampled_from(["\ufeff", "\x00", "\r", "\r\n", "\n", "\u2028", "[/]", "[link=x]", "“", "\\"]),
    )
    encoded = piece.map(lambda p: p if isinstance(p, bytes) else p.encode("utf-8", "surrogatepass"))
    return st.lists(encoded, max_size=6).map(b"\n".join)


def fuzz_with_atheris(budget: int, workdir: Path) -> dict[str, Any] | None:
    """Coverage-guided fuzzing (atheris, libFuzzer) of each reader target, in subprocesses; None if unavailable."""
    try:
        import atheris  # noqa: F401
    except ImportError:
        return None
    share = {"jsonl": 0.4, "text": 0.25, "detected": 0.25, "html": 0.1}
    stats: dict[str, Any] = {"inputs": 0, "crashes": 0, "hangs": 0, "problems": []}
    corpus = workdir / "atheris-seeds"
    corpus.mkdir(exist_ok=True)
    for n, seed in enumerate(seeds()):
        (corpus / f"seed-{n}").write_bytes(seed)
    for name in share:
        runs = max(1, int(budget * share[name]))
        code = (
            "import sys, atheris\n"
            "with atheris.instrument_imports(include=['dossier']):\n"
            "    from tests.stress import fuzz_targets\n"
            f"target = fuzz_targets()[{name!r}]\n"
            "atheris.Setup(sys.argv, target)\n"
            "atheris.Fuzz()\n"
        )
        work = workdir / f"atheris-{name}"
        work.mkdir(exist_ok=True)
        args = [sys.executable, "-c", code, f"-runs={runs}", "-timeout=30", "-rss_limit_mb=4096",
                f"-artifact_prefix={work}/", "-print_final_stats=1", str(work), str(corpus)]
        proc = subprocess.run(args, cwd=REPO, capture_output=True, text=True)
        done = [line for line in proc.stderr.splitlines() if line.startswith("Done ")]
        stats["inputs"] += int(done[-1].split()[1]) if done else 0
        if proc.returncode != 0:
            hang = "timeout" in proc.stderr.lower()
            stats["hangs" if hang else "crashes"] += 1
            stats["problems"].append(f"{name}: " + "\n".join(proc.stderr.splitlines()[-30:]))
    return stats


# --- fuzzing extraction (the real model) ----------------------------------------------------------


def hostile_article() -> Any:
    """A hypothesis strategy for articles that are hard to read: odd quotes, markup, dates, scripts."""
    from hypothesis import strategies as st

    from dossier.graph import Article

    names = st.sampled_from(NAMES)
    marks = st.sampled_from(['"', "“", "”", "'", "‘", "’", "«", "»", "[/]", "[bold]", "\\", ":", "—", "\n", "\u2028"])
    words = st.sampled_from(["said", "told", "according to", "yesterday", "next year", "on Friday", "last century",
                             "was named director of", "met", "married", "criticized", "the council", "in 2019",
                             "Suppose", "reportedly", "did not", "Mr.", "Dr.", "Q3", "Easter", "¿", "مرحبا", "北京"])
    tokens = st.lists(st.one_of(names, marks, words, st.text(max_size=8)), min_size=1, max_size=40)
    body = tokens.map(" ".join).filter(lambda b: bool(b.strip()))
    published = st.one_of(st.none(), st.sampled_from(["1800-01-01", "2200-12-31", "2024-02-29", "2024-05-01"]))
    return st.builds(lambda title, text, day: Article(id=Article.content_id(title, text, day), title=title,
                                                        body=text, published=day),
                     st.text(max_size=20).map(str.strip), body, published)


def check_extract(article: Any) -> None:
    """One outcome per article; a graph whose spans lie inside the article and whose JSON round-trips."""
    from dossier.service import extract_articles

    outcomes = list(extract_articles([article]))
    assert len(outcomes) == 1, outcomes
    (outcome,) = outcomes
    assert (outcome.graph is None) != (outcome.problem is None)
    if outcome.graph is None:
        return
    data = json.loads(json.dumps(outcome.graph.to_dict(), ensure_ascii=False))
    for entity in data["entities"]:
        for m in entity["mentions"]:
            text = article.title if m.get("in") == "title" else article.body
            assert 0 <= m["start"] <= m["end"] <= len(text)
            assert text[m["start"]:m["end"]] == m["text"], m


def fuzz_extract(budget: int) -> dict[str, Any]:
    """Hypothesis over ``extract`` with the real model: ``budget`` articles."""
    from hypothesis import HealthCheck, given, settings

    count = [0]

    def body(article: Any) -> None:
        count[0] += 1
        check_extract(article)

    run = settings(max_examples=budget, deadline=None, database=None, suppress_health_check=list(HealthCheck))(
        given(hostile_article())(body))
    stats: dict[str, Any] = {"inputs": 0, "crashes": 0, "problems": []}
    try:
        run()
    except Exception as exc:
        stats["crashes"] += 1
        stats["problems"].append(f"extract: {type(exc).__name__}: {str(exc)[:800]}")
    stats["inputs"] = count[0]
    return stats


# --- the whole run ---------------------------------------------------------------------------------------


SECTIONS = ("fuzz", "extract", "kills", "pairs", "races", "reads")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=100_000, help="fuzzed inputs in total")
    parser.add_argument("--kills", type=int, default=100, help="SIGKILLs during ingests")
    parser.add_argument("--pairs", type=int, default=10, help="rounds of two ingests at once")
    parser.add_argument("--races", type=int, default=40, help="paired opens of a fresh store")
    parser.add_argument("--extract", type=int, default=200, help="fuzzed articles through extract (the model)")
    parser.add_argument("--engine", choices=["auto", "atheris", "hypothesis"], default="auto")
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"sections to run, of {','.join(SECTIONS)}")
    parser.add_argument("--seed", type=int, default=0, help="seed of the kill loop's random points")
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    report: dict[str, Any] = {}

    def done(name: str, result: dict[str, Any]) -> None:
        report[name] = result
        print(json.dumps({name: result}, ensure_ascii=False), file=sys.stderr, flush=True)  # survives a later crash

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="dossier-stress-") as tmp:
        work = Path(tmp)
        if "fuzz" in only:
            fuzz = None
            if args.engine in ("auto", "atheris"):
                fuzz = fuzz_with_atheris(int(args.inputs * 0.8), work)
                if fuzz is not None:
                    done("fuzz_atheris", fuzz)
            rest = args.inputs - (fuzz["inputs"] if fuzz else 0)
            done("fuzz_hypothesis", fuzz_with_hypothesis(max(rest, args.inputs // 5)))
        if "extract" in only and args.extract:
            done("fuzz_extract", fuzz_extract(args.extract))
        if "kills" in only:
            done("kill_loop", kill_loop(args.kills, work, seed=args.seed))
        if "pairs" in only:
            done("two_writers", two_writers(args.pairs, work))
        if "races" in only:
            done("migration_race", migration_race(args.races, work))
        if "reads" in only:
            done("reads_during_ingest", reads_during_ingest(work))
    report["seconds"] = round(time.monotonic() - started)
    report["totals"] = totals(report)
    print(json.dumps(report, indent=2, ensure_ascii=False))
    bad = [k for k, v in report["totals"].items() if k not in ("inputs_tried", "kills_survived") and v]
    return 1 if bad else 0


def totals(report: dict[str, Any]) -> dict[str, int]:
    """The figures the issue asks for, from whichever sections ran."""
    def get(section: str, key: str) -> int:
        return int(report.get(section, {}).get(key, 0))

    fuzzed = ("fuzz_atheris", "fuzz_hypothesis", "fuzz_extract")
    return {
        "inputs_tried": sum(get(f, "inputs") for f in fuzzed),
        "crashes": sum(get(f, "crashes") for f in fuzzed),
        "hangs": sum(get(f, "hangs") for f in fuzzed),
        "kills_survived": get("kill_loop", "kills") - get("kill_loop", "corrupt_stores"),
        "corrupt_stores": get("kill_loop", "corrupt_stores"),
        "partial_articles": get("kill_loop", "partial_articles"),
        "lost_articles": get("kill_loop", "lost_articles") + get("two_writers", "mismatches"),
        "duplicated_articles": get("kill_loop", "duplicated_articles"),
        "failed_writers": get("two_writers", "failed_writers") + get("migration_race", "failures"),
        "concurrent_read_errors": get("reads_during_ingest", "read_errors"),
    }


if __name__ == "__main__":
    sys.exit(main())
