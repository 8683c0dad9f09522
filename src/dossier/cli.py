"""The ``dossier`` command line: thin Typer commands over :mod:`dossier.service`."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .errors import DossierError, UsageError

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


@app.command()
def extract(
    files: Files,
    fmt: Annotated[str, typer.Option("--format", help="json (one document, a list when several) or jsonl.")] = "json",
    model: Model = None,
    follow_links: FollowLinks = False,
) -> None:
    """Print the article graph of each article (the JSON contract); problems go to stderr."""
    from .service import extract_paths

    if fmt not in {"json", "jsonl"}:
        _fail(UsageError(f"--format must be json or jsonl, not {fmt!r}"), code=2)
    graphs: list[dict[str, Any]] = []
    failed = 0
    try:
        for outcome in extract_paths(files, model=model, follow_links=follow_links):
            if outcome.problem:
                failed += 1
                p = outcome.problem
                err.print(f"[red]skipped[/] {escape(p.where)} ({escape(p.kind)}): {escape(p.reason)}", highlight=False)
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
    follow_links: FollowLinks = False,
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
                on_item=lambda _o: progress.advance(task), follow_links=follow_links,
            )
    except DossierError as exc:
        _fail(exc, as_json, where=str(db or default_db()))
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
        out.print(
            f"read {summary.read} · stored {summary.stored} · unchanged {summary.unchanged} · "
            f"skipped {summary.skipped} · failed {len(summary.failed)} → {escape(str(db or default_db()))}",
            highlight=False,
        )
    if not summary.ok:
        raise typer.Exit(1)


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
    rows = _query(db, lambda store: store.people(limit=limit), as_json)
    if as_json:
        _print_json(rows)
        return
    out.print(_table(f"{len(rows)} people", ["name", "gender", "mentions", "articles"], (
        [r["name"], r.get("gender"), r["mentions"], r["articles"]] for r in rows)))


@app.command()
def show(name: str, db: Db = None, as_json: AsJson = False) -> None:
    """Who is NAME: aliases, articles, roles, ties, quotes, events, claims."""
    profile = _query(db, lambda store: store.person(name), as_json)
    if as_json:
        _print_json(profile)
        return
    gender = f", {profile['gender']}" if profile["gender"] else ""
    out.print(f"[bold]{escape(profile['name'])}[/] ({escape(profile['type'] + gender)})", highlight=False)
    if profile["aliases"]:
        out.print("also: " + escape(", ".join(profile["aliases"])), highlight=False)
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
        out.print("[dim]other matches: " + escape(", ".join(o["name"] for o in profile["others"])) + "[/]",
                  highlight=False)


@app.command()
def quotes(name: str, db: Db = None, as_json: AsJson = False) -> None:
    """What NAME said, newest first, with outlet, date and article."""
    rows = _query(db, lambda store: store.quotes(name), as_json)
    if as_json:
        _print_json(rows)
        return
    out.print(_table(f"quotes of {name}", QUOTE_COLUMNS, map(_quote_row, rows)))


@app.command()
def ties(a: str, b: str, db: Db = None, as_json: AsJson = False) -> None:
    """Every tie between two people, with its evidence sentence."""
    result = _query(db, lambda store: store.ties(a, b), as_json)
    if as_json:
        _print_json(result)
        return
    title = f"ties: {result['a']['name']} — {result['b']['name']}"
    out.print(_table(title, TIE_COLUMNS, map(_tie_row, result["relations"])))


@app.command()
def timeline(name: str, db: Db = None, as_json: AsJson = False) -> None:
    """NAME's dated facts in order (roles, ties, quotes, events), undated ones after."""
    rows = _query(db, lambda store: store.timeline(name), as_json)
    if as_json:
        _print_json(rows)
        return
    out.print(_table(f"timeline of {name}", ["date", "kind", "what", "status"], (
        [r.get("date"), r.get("kind"), _short(r.get("text"), 100), r.get("status")] for r in rows)))


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="A gold reading (*.gold.json) in the seed-gold form.")],
    article: Annotated[Path, typer.Argument(help="The article file it reads.")],
    model: Model = None,
    as_json: AsJson = False,
) -> None:
    """Score one article's extraction against a gold reading: recall of must items, of all, precision."""
    from .service import evaluate

    try:
        report = evaluate(gold, article, model=model)
    except DossierError as exc:
        _fail(exc, as_json)
    if as_json:
        _print_json(report.to_dict())
        return
    render_report(report, out)
    out.print(report.summary_line())


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


if __name__ == "__main__":  # pragma: no cover
    app()
