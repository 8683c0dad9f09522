"""The ``dossier`` command line: thin Typer commands over :mod:`dossier.service`."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn
from rich.table import Table

from . import __version__
from .confidence import DEFAULT_MIN_CONFIDENCE
from .errors import Ambiguous, DossierError, UsageError

if TYPE_CHECKING:
    from .scoring import Report
    from .store import Store

app = typer.Typer(
    help="dossier: a sourced, time-aware graph of public figures, built from dated news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

Files = Annotated[
    list[str], typer.Argument(help="Article files, folders, or - for stdin (.txt, .jsonl, .html, .warc).")
]
Db = Annotated[str | None, typer.Option("--db", help="SQLite store (default: $DOSSIER_DB or dossier.db).")]
Model = Annotated[
    str | None, typer.Option("--model", help="spaCy pipeline: md, sm, a package name or a path ($DOSSIER_MODEL).")
]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON for scripting.")]
FollowLinks = Annotated[
    bool,
    typer.Option("--follow-links", help="Follow symlinks in folders that lead outside them (skipped by default)."),
]
Since = Annotated[str | None, typer.Option("--since", help="Only sources published on or after (YYYY[-MM[-DD]]).")]
Until = Annotated[str | None, typer.Option("--until", help="Only sources published on or before (YYYY[-MM[-DD]]).")]
StatusOpt = Annotated[list[str] | None, typer.Option("--status", help="Only sources of this status (repeatable).")]
OutletOpt = Annotated[list[str] | None, typer.Option("--outlet", help="Only sources from this outlet (repeatable).")]
MinSources = Annotated[int, typer.Option("--min-sources", min=1, help="Only ties stated in at least N articles.")]
MinConfidence = Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0,
                                              help="Only ties with at least this confidence.")]


def _fail(exc: DossierError | UsageError, as_json: bool = False, where: str | None = None, code: int = 1) -> NoReturn:
    """Print one error with its code and exit non-zero.

    With ``--json`` it is exactly ``{"error": {"code", "message", "where"}}`` on stderr;
    ``where`` (the file, line or store) falls back to the one the command knows.
    """
    if isinstance(exc, DossierError):
        body = {**exc.to_dict(), "where": exc.where or where}
    else:
        body = {"code": exc.code, "message": str(exc), "where": where}
    if as_json:
        sys.stderr.write(json.dumps({"error": body}, ensure_ascii=False) + "\n")
    else:
        text = f"[{body['code']}] {body['message']}"
        err.print(f"[bold red]error:[/] {escape(text)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _version(value: bool) -> None:
    if value:
        out.print(f"dossier {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """dossier: who is this person, who are they close to, since when, says who, and how sure?"""


ShowAll = Annotated[
    bool, typer.Option("--all", help="Every fact, hypothetical and low-confidence ones too (each has its confidence).")
]
FactMinConfidence = Annotated[
    float | None,
    typer.Option("--min-confidence", min=0.0, max=1.0,
                 help=f"Hide facts below this confidence (default {DEFAULT_MIN_CONFIDENCE}, set on judged precision)."),
]


@app.command()
def extract(
    files: Files,
    fmt: Annotated[str, typer.Option("--format", help="json (one document, a list when several) or jsonl.")] = "json",
    model: Model = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes (output keeps input order).")] = 1,
    follow_links: FollowLinks = False,
    show_all: ShowAll = False,
    min_confidence: FactMinConfidence = None,
) -> None:
    """Print the article graph of each article (the JSON contract); problems go to stderr.

    Like every query command, it leaves out hypothetical facts and facts under the
    default confidence threshold; --all prints everything.
    """
    from .service import extract_paths, shown_graph

    if fmt not in {"json", "jsonl"}:
        _fail(UsageError(f"--format must be json or jsonl, not {fmt!r}"), code=2)
    graphs: list[dict[str, Any]] = []
    failed = 0
    skipped: Counter[str] = Counter()
    try:
        for outcome in extract_paths(files, model=model, jobs=jobs, follow_links=follow_links):
            if outcome.skipped and outcome.problem:
                skipped[outcome.problem.kind] += 1
            elif outcome.problem:
                failed += 1
                p = outcome.problem
                err.print(f"[red]skipped[/] {escape(p.where)} ({escape(p.kind)}): {escape(p.reason)}", highlight=False)
            elif outcome.graph:
                graph = outcome.graph if show_all else shown_graph(outcome.graph, min_confidence)
                if fmt == "jsonl":
                    sys.stdout.write(json.dumps(graph.to_dict(), ensure_ascii=False) + "\n")
                else:
                    graphs.append(graph.to_dict())
    except DossierError as exc:
        _fail(exc)
    if skipped:
        listed = ", ".join(f"{k} ×{n}" for k, n in skipped.most_common())
        err.print(f"[yellow]skipped[/] {skipped.total()} records that are not articles ({listed})")
    if fmt == "json" and graphs:
        _print_json(graphs[0] if len(graphs) == 1 else graphs)
    if failed:
        raise typer.Exit(1)


@app.command()
def ingest(
    files: Files,
    db: Db = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes for extraction (default: one per core).")
    ] = None,
    model: Model = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Articles a worker takes at a time (spaCy's batch).")
    ] = 8,
    progress_every: Annotated[
        float, typer.Option("--progress-every", min=1, help="Seconds between progress lines when not on a terminal.")
    ] = 30.0,
    follow_links: FollowLinks = False,
    as_json: AsJson = False,
) -> None:
    """Extract articles and store their graphs, streaming; the same article twice changes nothing.

    Ctrl-C or SIGTERM stops after the articles in flight; run the same command again to
    resume (stored articles are skipped). Graph files from `dossier extract --format jsonl`
    or `dossier spark extract` are stored without extracting.
    """
    from .progress import Meter
    from .service import Stop, default_db, default_jobs
    from .service import ingest as run

    meter = Meter()
    live = err.is_terminal and not as_json
    bar = Progress(
        TextColumn("[bold]ingest"), BarColumn(), TextColumn("{task.description}", markup=False),
        console=err, disable=not live, transient=True,
    )
    task = bar.add_task("", total=None)
    last_line = [meter.clock()]

    def on_total(total: int | None) -> None:
        meter.total = total
        bar.update(task, total=total)

    def on_item(outcome: Any) -> None:
        meter.add(outcome)
        if live:
            bar.update(task, completed=meter.done, description=meter.line())
        elif meter.clock() - last_line[0] >= progress_every:
            last_line[0] = meter.clock()
            err.print(f"ingest: {meter.line()}", highlight=False, markup=False)

    stop = Stop()
    try:
        with stop.on_signals(), bar:
            summary = run(files, db=db, model=model, jobs=jobs or default_jobs(), on_total=on_total,
                          on_item=on_item, stop=stop, batch_size=batch_size,
                          follow_links=follow_links)
    except DossierError as exc:
        _fail(exc, as_json, where=str(db or default_db()))
    except KeyboardInterrupt:
        err.print("[bold red]interrupted[/]: the articles stored so far are kept; run again to resume")
        raise typer.Exit(130) from None
    if as_json:
        _print_json({"db": str(db or default_db()), **summary.to_dict()})
    else:
        for p in summary.failed:
            err.print(f"[red]failed[/] {escape(p.where)} ({escape(p.kind)}): {escape(p.reason)}", highlight=False)
        unsupported = [p for p in summary.skipped_inputs if p.kind == "unsupported"]
        for p in summary.skipped_inputs:
            if p.kind != "unsupported":  # a FIFO, a device, a link not followed: each named
                err.print(f"[yellow]skipped[/] {escape(p.where)}: {escape(p.reason)}", highlight=False)
        if unsupported:
            kinds = Counter(Path(p.where).suffix or Path(p.where).name for p in unsupported)
            listed = escape(", ".join(f"{k} ×{n}" for k, n in kinds.most_common()))
            err.print(f"[yellow]skipped[/] {len(unsupported)} files of types dossier does not read ({listed})",
                      highlight=False)
        if summary.skipped_records:
            listed = ", ".join(f"{k} ×{n}" for k, n in summary.skipped_records.most_common())
            err.print(f"[yellow]skipped[/] {summary.skipped_records.total()} records that are not articles ({listed})")
        out.print(
            f"read {summary.read} · stored {summary.stored} · unchanged {summary.unchanged} · "
            f"skipped {summary.skipped + summary.skipped_records.total()} · failed {len(summary.failed)} · "
            f"{meter.rate:.2f} articles/s → {escape(str(db or default_db()))}",
            highlight=False,
        )
    if summary.interrupted:
        err.print(f"[bold yellow]stopped[/] by {stop.signal_name or 'request'} after the articles in flight; "
                  "run the same command again to resume")
        raise typer.Exit(130)
    if not summary.ok:
        raise typer.Exit(1)


def _service() -> Any:
    """The service module, imported on first use (it loads spaCy, which commands that only read a store
    should not wait for at start-up)."""
    from . import service

    return service


def _query(db: str | None, ask: Callable[[Store], Any], as_json: bool = False) -> Any:
    """Open the store read-only, ask it one thing, and turn its errors into a clean CLI error."""
    from .service import default_db, open_store

    try:
        with open_store(db) as store:
            return ask(store)
    except DossierError as exc:
        _fail(exc, as_json, where=str(db or default_db()))


def _table(title: str, columns: list[str], rows: Iterable[list[Any]]) -> Table:
    """A Rich table; every cell and the title are escaped, since they hold article text."""
    table = Table(*columns, title=escape(title), title_justify="left")
    for row in rows:
        table.add_row(*("" if v is None else escape(str(v)) for v in row))
    return table


def _short(text: str | None, n: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _ev(fact: dict[str, Any]) -> str:
    return _short(fact.get("sentence") or fact.get("evidence"))


ROLE_COLUMNS = ["title", "when", "current", "status", "evidence"]
TIE_COLUMNS = ["type", "other", "when", "status", "evidence"]
SUMMARY_TIE_COLUMNS = ["type", "other", "since", "until", "status", "sources", "evidence"]
QUOTE_COLUMNS = ["date", "cue", "to", "quote", "status", "article"]
EVENT_COLUMNS = ["type", "when", "status", "evidence"]


def _role_row(r: dict[str, Any]) -> list[Any]:
    return [r.get("title"), r.get("start") or r.get("when"), r.get("current"), r.get("status"), _ev(r)]


def _tie_row(r: dict[str, Any]) -> list[Any]:
    arrow = "→" if r.get("direction") == "out" else "←"
    return [f"{arrow} {r.get('type')}", r.get("other"), r.get("start") or r.get("when"), r.get("status"), _ev(r)]


def _summary_tie_row(t: dict[str, Any]) -> list[Any]:
    statuses = ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in t["statuses"].items())
    arrow = "→" if t["direction"] == "out" else "←"
    evidence = _short(t.get("sentence"), 60)
    return [f"{arrow} {t['type']}", t["other"], t["start"], t["end"], statuses, t["sources"], evidence]


def _quote_row(q: dict[str, Any]) -> list[Any]:
    article = _short(q.get("article_title"), 40)
    return [q.get("date"), q.get("cue"), q.get("addressee"), _short(q.get("text")), q.get("status"), article]


def _event_row(e: dict[str, Any]) -> list[Any]:
    return [e.get("type"), e.get("when"), e.get("status"), _ev(e)]


@app.command()
def people(
    db: Db = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many people to list.")] = 50,
    as_json: AsJson = False,
) -> None:
    """List the people in the store, most mentioned first."""
    rows = _query(db, lambda store: _service().people(store, limit), as_json)
    if as_json:
        _print_json(rows)
        return
    out.print(_table(f"{len(rows)} people", ["name", "gender", "mentions", "articles"], (
        [r["name"] + (f" ({r['label']})" if r.get("label") else ""), r.get("gender"), r["mentions"], r["articles"]]
        for r in rows)))


@app.command()
def show(
    name: str, db: Db = None, since: Since = None, until: Until = None, status: StatusOpt = None,
    outlet: OutletOpt = None, min_sources: MinSources = 1, min_confidence: MinConfidence = 0.0,
    show_all: ShowAll = False,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Items shown of each list (the totals say how many"
                                       " there are).")] = 20,
    as_json: AsJson = False,
) -> None:
    """Who is NAME: aliases, articles, roles, ties (merged across articles, strongest first), quotes, events,
    claims; the first --limit of each, with the totals."""
    from .service import profile_page

    where = _filters(since, until, status, outlet, min_sources, min_confidence, show_all)
    profile = _graph_query(db, lambda store: profile_page(store, name, where, limit), as_json)
    if as_json:
        _print_json(profile)
        return
    totals = profile["totals"]

    def title(key: str, label: str | None = None) -> str:
        shown, total = len(profile[key]), totals[key]
        return f"{label or key} ({total})" if shown >= total else f"{label or key} (first {shown} of {total})"

    gender = f", {profile['gender']}" if profile["gender"] else ""
    out.print(f"[bold]{escape(profile['name'])}[/] ({profile['type']}{gender})", highlight=False)
    if profile.get("note"):
        out.print(f"[dim]{escape(profile['note'])}[/]", highlight=False)
    others = [a for a in profile["aliases"] if a != profile["name"]]
    if others:
        out.print("also: " + escape(", ".join(others)), highlight=False)
    out.print(_table(title("articles"), ["published", "title", "outlet"], (
        [a["published"], a["title"], a["outlet"]] for a in profile["articles"])))
    sections = [
        ("roles", ROLE_COLUMNS, _role_row), ("quotes", QUOTE_COLUMNS, _quote_row),
        ("events", EVENT_COLUMNS, _event_row),
    ]
    if profile["ties"]:
        out.print(_edges_table(title("ties"), profile["ties"], profile["id"]))
    for key, columns, row in sections:
        if profile[key]:
            out.print(_table(title(key), columns, map(row, profile[key])))
    if profile.get("others"):
        out.print("[dim]other matches: " + escape(", ".join(o["name"] for o in profile["others"])) + "[/]")


@app.command()
def quotes(name: str, db: Db = None, as_json: AsJson = False) -> None:
    """What NAME said, newest first, with outlet, date and article."""
    rows = _query(db, lambda store: _service().quotes(store, name), as_json)
    if as_json:
        _print_json(rows)
        return
    out.print(_table(f"quotes of {name}", QUOTE_COLUMNS, map(_quote_row, rows)))


@app.command()
def ties(
    a: str, b: str, db: Db = None, since: Since = None, until: Until = None, status: StatusOpt = None,
    outlet: OutletOpt = None, min_sources: MinSources = 1, min_confidence: MinConfidence = 0.0,
    show_all: ShowAll = False, as_json: AsJson = False,
) -> None:
    """Every tie between two entities, merged across articles, with each source's status and sentence."""
    where = _filters(since, until, status, outlet, min_sources, min_confidence, show_all)
    result = _graph_query(db, lambda store: _service().ties(store, a, b, where), as_json)
    if as_json:
        _print_json(result)
        return
    for side in ("a", "b"):
        if result[side].get("note"):
            out.print(f"[dim]{escape(result[side]['note'])}[/]", highlight=False)
    title = f"ties: {result['a']['name']} — {result['b']['name']}"
    if not result["edges"]:
        out.print(f"{escape(title)}: none found", highlight=False)
    for edge in result["edges"]:
        _print_edge(edge)


@app.command()
def timeline(
    name: str, db: Db = None, show_all: ShowAll = False, min_confidence: FactMinConfidence = None,
    as_json: AsJson = False,
) -> None:
    """NAME's facts in date order (roles, ties, quotes, events, claims).

    Each is dated by its own time or else by its article ("reported 2016-10-12"), in words;
    --json keeps the TIMEX values. Hypothetical and low-confidence facts are hidden unless --all.
    """
    rows = _query(db, lambda store: _service().timeline(store, name, min_confidence, show_all), as_json)
    if as_json:
        _print_json(rows)
        return
    out.print(_table(f"timeline of {escape(name)}", ["date", "kind", "what", "status", "confidence"], (
        [r.get("date_text"), r.get("kind"), escape(_short(r.get("text"), 100)), r.get("status"),
         _confidence(r.get("confidence"))] for r in rows)))


def _confidence(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


@app.command()
def serve(
    db: Db = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
    allow_writes: Annotated[
        bool, typer.Option("--allow-writes", help="Accept posted articles (POST /api/articles); needs a token.")
    ] = False,
    token: Annotated[
        str | None, typer.Option("--token", envvar="DOSSIER_TOKEN", help="Bearer token for writes ($DOSSIER_TOKEN).")
    ] = None,
    model: Model = None,
    cache_mb: Annotated[int, typer.Option(
        "--cache-mb", min=0, max=65536,
        help="Memory for answers (JSON and pages) kept until the store changes (0: none).",
    )] = 64,
    workers: Annotated[int, typer.Option(
        "--workers", min=1, max=64,
        help="Server processes (one per core uses every core; read-only: each keeps its own readers and cache).",
    )] = 1,
    as_json: AsJson = False,
) -> None:
    """Serve the web interface and the JSON API (read-only unless --allow-writes) until Ctrl-C."""
    from .service import default_db

    path = str(db or default_db())
    if allow_writes and not token:
        _fail(UsageError("--allow-writes needs a token: pass --token or set $DOSSIER_TOKEN"), as_json, code=2)
    if allow_writes and workers > 1:
        # one writer keeps corrections and posted articles in one order; readers scale, the writer does not
        _fail(UsageError("--allow-writes serves from one process: drop --workers"), as_json, code=2)
    try:
        import uvicorn

        from .web import Settings, create_app
        from .web.app import SETTINGS_ENV, settings_env
        from .web.settings import check_store
    except ImportError as exc:
        _fail(UsageError(f"the web interface needs FastAPI and uvicorn ({exc.name} is missing): "
                         "pip install 'dossier[web]'"), as_json)
    try:
        check_store(path)
    except DossierError as exc:
        _fail(exc, as_json, where=path)
    settings = Settings(db=path, allow_writes=allow_writes, token=token, model=model, cache_mb=cache_mb)
    where = f"http://{host}:{port}/"
    if as_json:
        _print_json({"url": where, "db": path, "allow_writes": allow_writes, "workers": workers})
    else:
        mode = "writes on (token required)" if allow_writes else "read-only"
        procs = f", {workers} processes" if workers > 1 else ""
        err.print(f"serving {escape(path)} at {where} ({mode}{procs}); Ctrl-C stops", highlight=False)
    if workers == 1:
        uvicorn.run(create_app(settings), host=host, port=port, log_level="warning", access_log=False)
        return
    os.environ[SETTINGS_ENV] = settings_env(settings)
    uvicorn.run("dossier.web.app:app_from_env", factory=True, workers=workers, host=host, port=port,
                log_level="warning", access_log=False)


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="A gold reading (*.gold.json) in the seed-gold form.")],
    article: Annotated[Path, typer.Argument(help="The article file it reads.")],
    model: Model = None,
    show_all: ShowAll = False,
    min_confidence: FactMinConfidence = None,
    as_json: AsJson = False,
) -> None:
    """Score one article's extraction against a gold reading: recall of must items, of all, precision.

    It scores what a user is shown (the default threshold); --all scores every fact.
    """
    from .service import evaluate

    try:
        report = evaluate(gold, article, model=model, show_all=show_all, min_confidence=min_confidence)
    except DossierError as exc:
        _fail(exc, as_json)
    if as_json:
        _print_json(report.to_dict())
        return
    render_report(report, out)
    out.print(report.summary_line())


# --- the cross-article graph ------------------------------------------------------------------


def _filters(since: str | None, until: str | None, status: list[str] | None, outlet: list[str] | None,
             min_sources: int, min_confidence: float, show_all: bool = False) -> Any:
    from .service import filters

    try:
        return filters(since, until, status or (), outlet or (), min_sources, min_confidence, show_all=show_all)
    except ValueError as exc:
        _fail(UsageError(str(exc)), code=2)


def _graph_query(db: str | None, ask: Callable[[Store], Any], as_json: bool) -> Any:
    """Like _query, but a name that matches several entities lists them (the message names them too,
    as it names the nearest names when nothing matches)."""
    from .service import default_db, open_store

    try:
        with open_store(db) as store:
            return ask(store)
    except Ambiguous as exc:
        if not as_json:
            err.print(f"[bold red]error:[/] [{exc.code}] {escape(exc.message.split(':')[0])}:", highlight=False)
            err.print(_table("", ["id", "name", "type", "articles", "best alias", "match"], (
                [f"#{m['id']}", m["name"], m["type"], m["articles"], m["best_alias"], m["match"]]
                for m in exc.matches)))
            err.print("use a fuller name, or the #id")
            raise typer.Exit(1) from None
        _fail(exc, as_json, where=str(db or default_db()))
    except DossierError as exc:
        _fail(exc, as_json, where=str(db or default_db()))


def _statuses(edge: dict[str, Any]) -> str:
    return ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in edge["support"]["statuses"].items())


def _edges_table(title: str, edges: list[dict[str, Any]], me: int | None = None) -> Table:
    def row(e: dict[str, Any]) -> list[Any]:
        if me is None:
            ends = f"{e['source_name']} {'—' if e['symmetric'] else '→'} {e['target_name']}"
        else:
            other = e["target_name"] if e["source"] == me else e["source_name"]
            arrow = "—" if e["symmetric"] else ("→" if e["source"] == me else "←")
            ends = f"{arrow} {other}"
        s = e["support"]
        flags = " ⚠" if e["contradictions"] else ""
        return [e["type"], ends, e["start"], e["end"], e["status"] + flags, _statuses(e), s["articles"],
                s["outlets"], f"{s['earliest'] or ''}…{s['latest'] or ''}", f"{e['confidence']:.2f}"]

    return _table(title, ["type", "with", "since", "until", "status", "sources by status", "articles", "outlets",
                          "reported", "conf."], map(row, edges))


def _print_edge(edge: dict[str, Any]) -> None:
    sym = "—" if edge["symmetric"] else "→"
    out.print(f"[bold]{escape(edge['source_name'] or '?')} {sym} {escape(edge['type'])} {sym} "
              f"{escape(edge['target_name'] or '?')}[/]  {edge['status']}, confidence {edge['confidence']:.2f}, "
              f"since {edge['start'] or '?'} until {edge['end'] or '?'}", highlight=False)
    s = edge["support"]
    out.print(f"  {s['articles']} article(s), {s['outlets']} outlet(s), reported {s['earliest']} … {s['latest']};"
              f" sources: {escape(_statuses(edge))}", highlight=False)
    for c in edge["contradictions"]:
        out.print(f"  [yellow]contradiction ({c['kind']}):[/] {escape(json.dumps(c, ensure_ascii=False))}",
                  highlight=False)
    out.print(_table("", ["published", "outlet", "status", "said by", "article", "sentence"], (
        [x["published"], x["outlet"], x["status"], x.get("source_entity_name"), x["article"], _short(x["sentence"])]
        for x in edge["sources"])))


@app.command()
def path(
    a: str, b: str, db: Db = None,
    any_status: Annotated[bool, typer.Option("--any-status", help="Walk ties of every supporting status, not "
                                             "only asserted and attributed ones.")] = False,
    max_depth: Annotated[int, typer.Option("--max-depth", min=1, max=6, help="Longest path, in hops.")] = 4,
    limit: Annotated[int, typer.Option("--limit", min=1, help="How many shortest paths to list.")] = 5,
    since: Since = None, until: Until = None, status: StatusOpt = None, outlet: OutletOpt = None,
    min_sources: MinSources = 1, min_confidence: MinConfidence = 0.0, show_all: ShowAll = False,
    as_json: AsJson = False,
) -> None:
    """Shortest chains of ties from A to B (asserted and attributed ties by default), each hop with evidence."""
    where = _filters(since, until, status, outlet, min_sources, min_confidence, show_all)
    statuses = ("asserted", "attributed", "reported", "hedged", "speculative") if any_status else (
        "asserted", "attributed")
    result = _graph_query(db, lambda store: _service().path(store, a, b, where, statuses, max_depth, limit), as_json)
    if as_json:
        _print_json(result)
        return
    if not result["paths"]:
        why = f" (search stopped: {result['truncated']})" if result["truncated"] else ""
        out.print(f"no path of at most {max_depth} hops through {', '.join(statuses)} ties{why}", highlight=False)
        return
    for i, p in enumerate(result["paths"], 1):
        out.print(f"[bold]path {i}[/] ({p['length']} hops): " + escape(" → ".join(n["name"] for n in p["nodes"])),
                  highlight=False)
        for hop in p["hops"]:
            for e in hop["edges"]:
                first = e["sources"][0] if e["sources"] else {}
                out.print(f"  {escape(hop['from']['name'])} —{escape(e['type'])} ({e['status']}, "
                          f"{e['support']['articles']} article(s))→ {escape(hop['to']['name'])}: "
                          f"{escape(_short(first.get('sentence'), 100))}", highlight=False)


@app.command()
def network(
    name: str, db: Db = None,
    depth: Annotated[int, typer.Option("--depth", min=1, max=3, help="Hops from NAME.")] = 2,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Skip this many edges (paging).")] = 0,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Edges per page.")] = 50,
    max_nodes: Annotated[int, typer.Option("--max-nodes", min=1, help="Stop growing at this many nodes.")] = 500,
    fanout: Annotated[int, typer.Option("--fanout", min=1, max=500,
                                        help="Strongest ties followed from each entity.")] = 20,
    since: Since = None, until: Until = None, status: StatusOpt = None, outlet: OutletOpt = None,
    min_sources: MinSources = 1, min_confidence: MinConfidence = 0.0, show_all: ShowAll = False,
    as_json: AsJson = False,
) -> None:
    """NAME's neighbourhood: from NAME and each entity reached, its --fanout strongest ties, up to --depth hops
    (paged, capped)."""
    where = _filters(since, until, status, outlet, min_sources, min_confidence, show_all)
    result = _graph_query(
        db, lambda store: _service().network(store, name, depth, where, offset, limit, max_nodes, fanout), as_json
    )
    if as_json:
        _print_json(result)
        return
    shown = (f"{offset + 1}–{offset + len(result['edges'])} of {result['edges_total']}"
             f" ({result['tie_pairs']} tied pairs)"
             if result["edges"] else "none")
    cap = f"; stopped early ({result['truncated']})" if result["truncated"] else ""
    out.print(f"[bold]{escape(result['centre']['name'])}[/]: {len(result['nodes'])} entities within {depth} hops; "
              f"ties {shown}{cap}", highlight=False)
    out.print(_edges_table("ties", result["edges"]))


@app.command()
def search(
    text: str, db: Db = None,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Skip this many hits.")] = 0,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Hits per page.")] = 20,
    since: Since = None, until: Until = None, status: StatusOpt = None, outlet: OutletOpt = None,
    as_json: AsJson = False,
) -> None:
    """Evidence sentences and quotes containing every word of TEXT (full-text search)."""
    where = _filters(since, until, status, outlet, 1, 0.0)
    result = _graph_query(db, lambda store: _service().search(store, text, where, offset, limit), as_json)
    if as_json:
        _print_json(result)
        return
    out.print(_table(f"{result['total']} hits for {text}", ["published", "outlet", "kind", "status", "text"], (
        [h["published"], h["outlet"], h["kind"], h["status"], _short(h["text"], 100)] for h in result["hits"])))


@app.command()
def why(name: str, db: Db = None, as_json: AsJson = False) -> None:
    """Why NAME is one entity: each name form and bare surname merged into it, and any namesake kept apart
    from it (titles, co-mentions, outlets, years), with evidence and score."""
    result = _graph_query(db, lambda store: _service().why(store, name), as_json)
    if as_json:
        _print_json(result)
        return
    ent = result["entity"]
    out.print(f"[bold]{escape(ent['name'])}[/] (#{ent['id']}, {ent['type']}): {ent['articles']} article entities",
              highlight=False)
    if result["note"]:
        out.print(f"[dim]{escape(result['note'])}[/]", highlight=False)

    def evidence(ev: dict[str, Any] | None) -> str:
        if not ev:
            return ""
        extra = "; ".join(f"{k}: {v}" for k, v in ev.items() if k not in ("rule", "reasons", "decision"))
        return "; ".join(filter(None, [ev.get("rule"), ", ".join(ev.get("reasons", [])), extra]))

    out.print(_table("name forms", ["name", "articles", "score", "evidence", "article ids"], (
        [f["name"], f["articles"], f["score"], evidence(f["evidence"]), _short(" ".join(f["article_ids"]), 40)]
        for f in result["forms"])))
    if result["surnames"]:
        out.print(_table("bare surnames", ["surname", "gender", "titles", "articles", "score", "evidence"], (
            [s["surname"], s["gender"], ", ".join(s["titles"]), s["articles"], s["score"], evidence(s["evidence"])]
            for s in result["surnames"])))
    if result.get("namesakes"):
        out.print(_table("namesakes (same name, another person)", ["this is", "the other", "score", "evidence"], (
            ["the namesake" if n["kept_apart"] else "the main person", (n["other"] or {}).get("name", "?")
             + (f" #{n['other']['id']}" if n["other"] else ""), n["score"], _apart(n["evidence"], n["kept_apart"])]
            for n in result["namesakes"])))
    if result["single_articles"]:
        out.print(_table("single article entities (by a decision)", ["article", "name"], (
            [r["article_id"], r["name"]] for r in result["single_articles"])))
    if result["decisions"]:
        out.print(_table("corrections", ["#", "kind", "what", "when"], (
            [d["id"], d["kind"], d["label"], d["created_at"]] for d in result["decisions"])))


def _apart(ev: dict[str, Any], mine: bool) -> str:
    """A namesake's evidence in words: this entity's side first."""
    me, them = ("", "main_") if mine else ("main_", "")
    return "; ".join([", ".join(ev.get("reasons", [])),
                      *(f"{who}: titles {', '.join(ev.get(p + 'titles', []))};"
                        f" outlets {', '.join(ev.get(p + 'outlets', []))};"
                        f" seen with {', '.join(ev.get(p + 'comentions', [])[:5]) or '-'}"
                        for who, p in (("this one", me), ("the other", them)))])


def _correct(kind: str, db: str | None, as_json: bool, *args: Any) -> None:
    from .service import correct, default_db

    try:
        result = correct(kind, *args, db=db)
    except DossierError as exc:
        if isinstance(exc, Ambiguous) and not as_json:
            err.print(_table("matches", ["id", "name", "type", "articles", "best alias"], (
                [f"#{m['id']}", m["name"], m["type"], m["articles"], m["best_alias"]] for m in exc.matches)))
        _fail(exc, as_json, where=str(db or default_db()))
    if as_json:
        _print_json(result)
        return
    out.print(f"decision #{result['decision']} stored: {escape(kind)} "
              + escape(", ".join(f"{k}={v}" for k, v in result.items() if k not in ('decision', 'kind'))),
              highlight=False)


@app.command()
def merge(a: str, b: str, db: Db = None, as_json: AsJson = False) -> None:
    """A and B are one entity: B joins A, now and after every re-ingest."""
    _correct("merge", db, as_json, a, b)


@app.command()
def distinct(a: str, b: str, db: Db = None, as_json: AsJson = False) -> None:
    """A and B are different entities: never merge them (split them now if they are merged)."""
    _correct("distinct", db, as_json, a, b)


@app.command()
def split(
    name: str,
    article: Annotated[list[str], typer.Option("--article", help="An article id whose NAME is someone else "
                                               "(repeatable).")],
    db: Db = None, as_json: AsJson = False,
) -> None:
    """NAME in these articles is someone else: they become one separate entity, for good."""
    _correct("split", db, as_json, name, article)


alias_app = typer.Typer(help="Names an entity goes by.", no_args_is_help=True)
app.add_typer(alias_app, name="alias")


@alias_app.command("add")
def alias_add(name: str, alias: str, db: Db = None, as_json: AsJson = False) -> None:
    """ALIAS is another name of NAME: articles using it resolve to NAME."""
    _correct("alias", db, as_json, name, alias)


@app.command()
def resolve(db: Db = None, as_json: AsJson = False) -> None:
    """Resolve the whole store again (replaying every correction); ingest already does it incrementally."""
    from .service import reresolve

    try:
        result = reresolve(db)
    except DossierError as exc:
        _fail(exc, as_json, where=db)
    if as_json:
        _print_json(result)
        return
    out.print(f"resolved {result['blocks']} blocks ({result['articles_filled']} older articles indexed)")


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="jsonl, graphml, gexf, neo4j, csv or ftm.")],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder to write into (created if missing).")],
    db: Db = None, since: Since = None, until: Until = None, status: StatusOpt = None, outlet: OutletOpt = None,
    min_sources: MinSources = 1, min_confidence: MinConfidence = 0.0, show_all: ShowAll = False,
    as_json: AsJson = False,
) -> None:
    """Write the whole graph (entities, merged ties with every source, corrections) in one format."""
    from .service import EXPORT_FORMATS
    from .service import export as run

    if fmt not in EXPORT_FORMATS:
        _fail(UsageError(f"--format must be one of {', '.join(EXPORT_FORMATS)}, not {fmt!r}"), as_json, code=2)
    where = _filters(since, until, status, outlet, min_sources, min_confidence, show_all)
    files = _graph_query(db, lambda store: run(store, fmt, out_dir, where), as_json)
    if as_json:
        _print_json({"format": fmt, "files": [str(f) for f in files]})
        return
    for f in files:
        out.print(f"wrote {escape(str(f))}", highlight=False)


def render_report(report: Report, console: Console) -> None:
    """Print a ``dossier eval`` report as a Rich table (one row per section) followed by the list of issues."""
    table = Table(title=f"dossier eval {report.article or ''}".strip())
    for col in ("section", "must", "must exact", "all", "precision", "errors"):
        table.add_column(col, justify="left" if col == "section" else "right")
    for s in report.sections.values():
        p = s.precision
        table.add_row(
            s.name,
            f"{s.must_found}/{s.must_total}",
            f"{s.must_exact}/{s.must_total}",
            f"{s.all_found}/{s.all_total}",
            "-" if p is None else f"{p:.2f} ({s.predicted_ok}/{s.predicted})",
            str(len(s.errors)),
        )
    style = "bold red" if report.violations else ""
    table.add_row("must_not", "", "", "", "", str(len(report.violations)), style=style)
    console.print(table)
    console.print(report.summary_line(), highlight=False)
    for s in report.sections.values():
        for i in s.issues:
            mark = "[bold]must[/bold] " if i.must else ""
            console.print(f"  [cyan]{s.name}[/cyan] [yellow]{i.kind}[/yellow] {mark}{escape(i.message)}",
                          highlight=False)
    for v in report.violations:
        console.print(f"  [bold red]violation[/bold red] {escape(v.message)}", highlight=False)
    for text in report.unchecked:
        console.print(f"  [dim]must_not not checked automatically: {escape(text)}[/dim]", highlight=False)


spark_app = typer.Typer(help="Extraction on a Spark cluster (needs `pip install dossier[spark]` and Java 17+).",
                        no_args_is_help=True)
app.add_typer(spark_app, name="spark")


@spark_app.command("extract")
def spark_extract(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, or *.paths listings (e.g. warc.paths.gz).")],
    out_dir: Annotated[str, typer.Option("--out", help="Output folder for the graph files (must not exist).")],
    model: Model = None,
    master: Annotated[
        str | None, typer.Option("--master", help="Spark master, e.g. local[2], yarn (default: Spark's own).")
    ] = None,
    partitions: Annotated[
        int | None, typer.Option("--partitions", min=1, help="Partitions (default: one per input file).")
    ] = None,
    gzip: Annotated[bool, typer.Option("--gzip", help="Write gzipped part files.")] = False,
    as_json: AsJson = False,
) -> None:
    """Extract article graphs with Spark into DIR (JSONL part files); load them with `dossier ingest DIR`."""
    try:
        from .spark.job import run as run_spark
    except ImportError as exc:
        _fail(UsageError(f"Spark is not installed ({exc}); run `pip install 'dossier[spark]'`"), as_json)
    try:
        result = run_spark(inputs, out_dir, model=model, master=master, partitions=partitions, compress=gzip)
    except SystemExit as exc:
        _fail(UsageError(str(exc)), as_json, where=out_dir)
    if as_json:
        _print_json(result)
    else:
        out.print(f"{result['inputs']} input files in {result['partitions']} partitions → {escape(result['out'])}",
                  highlight=False)


if __name__ == "__main__":  # pragma: no cover
    app()
