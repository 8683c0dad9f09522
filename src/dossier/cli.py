"""The ``dossier`` command line: thin Typer commands over :mod:`dossier.service`."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .errors import DossierError

if TYPE_CHECKING:
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


def _fail(exc: Exception, code: int = 1) -> None:
    message = exc.message if isinstance(exc, DossierError) else str(exc)
    err.print(f"[bold red]error:[/] {message}", highlight=False)
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


@app.command()
def extract(
    files: Files,
    fmt: Annotated[str, typer.Option("--format", help="json (one document, a list when several) or jsonl.")] = "json",
    model: Model = None,
) -> None:
    """Print the article graph of each article (the JSON contract); problems go to stderr."""
    from .service import extract_paths

    if fmt not in {"json", "jsonl"}:
        _fail(ValueError(f"--format must be json or jsonl, not {fmt!r}"), 2)
    graphs: list[dict[str, Any]] = []
    failed = 0
    try:
        for outcome in extract_paths(files, model=model):
            if outcome.problem:
                failed += 1
                err.print(f"[red]skipped[/] {outcome.problem.where}: {outcome.problem.reason}", highlight=False)
            elif outcome.graph:
                if fmt == "jsonl":
                    sys.stdout.write(json.dumps(outcome.graph.to_dict(), ensure_ascii=False) + "\n")
                else:
                    graphs.append(outcome.graph.to_dict())
    except DossierError as exc:
        _fail(exc)
    if fmt == "json" and graphs:
        _print_json(graphs[0] if len(graphs) == 1 else graphs)
    if failed:
        raise typer.Exit(1)


@app.command()
def ingest(
    files: Files,
    db: Db = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes for extraction.")] = 1,
    model: Model = None,
    as_json: AsJson = False,
) -> None:
    """Extract articles and store their graphs; the same article twice changes nothing."""
    from .service import default_db
    from .service import ingest as run

    progress = Progress(
        TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, disable=as_json or not err.is_terminal, transient=True,
    )
    task = progress.add_task("extract", total=None)
    try:
        with progress:
            summary = run(
                files, db=db, model=model, jobs=jobs,
                on_total=lambda n: progress.update(task, total=n),
                on_item=lambda _o: progress.advance(task),
            )
    except DossierError as exc:
        _fail(exc)
    if as_json:
        _print_json({"db": str(db or default_db()), **summary.to_dict()})
    else:
        for p in summary.failed:
            err.print(f"[red]failed[/] {p.where} ({p.kind}): {p.reason}", highlight=False)
        if summary.skipped_inputs:
            kinds = Counter(Path(p.where).suffix or Path(p.where).name for p in summary.skipped_inputs)
            listed = ", ".join(f"{k} ×{n}" for k, n in kinds.most_common())
            err.print(f"[yellow]skipped[/] {summary.skipped} files of types dossier does not read ({listed})")
        out.print(
            f"read {summary.read} · stored {summary.stored} · unchanged {summary.unchanged} · "
            f"skipped {summary.skipped} · failed {len(summary.failed)} → {db or default_db()}"
        )
    if not summary.ok:
        raise typer.Exit(1)


def _query(db: str | None, ask: Callable[[Store], Any]) -> Any:
    """Open the store read-only, ask it one thing, and turn its errors into a clean CLI error."""
    from .service import open_store

    try:
        with open_store(db) as store:
            return ask(store)
    except DossierError as exc:
        _fail(exc)


def _table(title: str, columns: list[str], rows: Iterable[list[Any]]) -> Table:
    table = Table(*columns, title=title, title_justify="left")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
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
    rows = _query(db, lambda store: store.people(limit=limit))
    if as_json:
        _print_json(rows)
        return
    out.print(_table(f"{len(rows)} people", ["name", "gender", "mentions", "articles"], (
        [r["name"], r.get("gender"), r["mentions"], r["articles"]] for r in rows)))


@app.command()
def show(name: str, db: Db = None, as_json: AsJson = False) -> None:
    """Who is NAME: aliases, articles, roles, ties, quotes, events, claims."""
    profile = _query(db, lambda store: store.person(name))
    if as_json:
        _print_json(profile)
        return
    gender = f", {profile['gender']}" if profile["gender"] else ""
    out.print(f"[bold]{profile['name']}[/] ({profile['type']}{gender})", highlight=False)
    if profile["aliases"]:
        out.print("also: " + ", ".join(profile["aliases"]), highlight=False)
    out.print(_table("articles", ["published", "title", "outlet"], (
        [a["published"], a["title"], a["outlet"]] for a in profile["articles"])))
    sections = [
        ("roles", ROLE_COLUMNS, _role_row), ("ties", SUMMARY_TIE_COLUMNS, _summary_tie_row),
        ("quotes", QUOTE_COLUMNS, _quote_row), ("events", EVENT_COLUMNS, _event_row),
    ]
    for key, columns, row in sections:
        if profile[key]:
            out.print(_table(key, columns, map(row, profile[key])))
    if profile.get("others"):
        out.print("[dim]other matches: " + ", ".join(o["name"] for o in profile["others"]) + "[/]")


@app.command()
def quotes(name: str, db: Db = None, as_json: AsJson = False) -> None:
    """What NAME said, newest first, with outlet, date and article."""
    rows = _query(db, lambda store: store.quotes(name))
    if as_json:
        _print_json(rows)
        return
    out.print(_table(f"quotes of {name}", QUOTE_COLUMNS, map(_quote_row, rows)))


@app.command()
def ties(a: str, b: str, db: Db = None, as_json: AsJson = False) -> None:
    """Every tie between two people, with its evidence sentence."""
    result = _query(db, lambda store: store.ties(a, b))
    if as_json:
        _print_json(result)
        return
    title = f"ties: {result['a']['name']} — {result['b']['name']}"
    out.print(_table(title, TIE_COLUMNS, map(_tie_row, result["relations"])))


@app.command()
def timeline(name: str, db: Db = None, as_json: AsJson = False) -> None:
    """NAME's dated facts in order (roles, ties, quotes, events), undated ones after."""
    rows = _query(db, lambda store: store.timeline(name))
    if as_json:
        _print_json(rows)
        return
    out.print(_table(f"timeline of {name}", ["date", "kind", "what", "status"], (
        [r.get("date"), r.get("kind"), _short(r.get("text"), 100), r.get("status")] for r in rows)))


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
    as_json: AsJson = False,
) -> None:
    """Serve the web interface and the JSON API (read-only unless --allow-writes) until Ctrl-C."""
    from .service import default_db

    path = str(db or default_db())
    if allow_writes and not token:
        _fail(ValueError("--allow-writes needs a token: pass --token or set $DOSSIER_TOKEN"), 2)
    try:
        import uvicorn

        from .web import Settings, create_app
        from .web.settings import check_store
    except ImportError as exc:
        _fail(ValueError(f"the web interface needs FastAPI and uvicorn ({exc.name} is missing): "
                         "pip install 'dossier[web]'"))
    try:
        check_store(path)
    except DossierError as exc:
        _fail(exc)
    settings = Settings(db=path, allow_writes=allow_writes, token=token, model=model)
    where = f"http://{host}:{port}/"
    if as_json:
        _print_json({"url": where, "db": path, "allow_writes": allow_writes})
    else:
        mode = "writes on (token required)" if allow_writes else "read-only"
        err.print(f"serving {escape(path)} at {where} ({mode}); Ctrl-C stops", highlight=False)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning", access_log=False)


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="A gold reading (*.gold.json) in the seed-gold form.")],
    article: Annotated[Path, typer.Argument(help="The article file it reads.")],
    model: Model = None,
    as_json: AsJson = False,
) -> None:
    """Score one article's extraction against a gold reading: recall of must items, of all, precision."""
    from .evaluate import render
    from .service import evaluate

    try:
        report = evaluate(gold, article, model=model)
    except DossierError as exc:
        _fail(exc)
    if as_json:
        _print_json(report.to_dict())
        return
    render(report, out)
    out.print(report.summary_line())


if __name__ == "__main__":  # pragma: no cover
    app()
