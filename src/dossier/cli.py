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
from rich.progress import BarColumn, Progress, TextColumn
from rich.table import Table

from . import __version__
from .confidence import DEFAULT_MIN_CONFIDENCE
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
MinConfidence = Annotated[
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
    show_all: ShowAll = False,
    min_confidence: MinConfidence = None,
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
        for outcome in extract_paths(files, model=model, jobs=jobs):
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
                          on_item=on_item, stop=stop, batch_size=batch_size)
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
        if summary.skipped_inputs:
            kinds = Counter(Path(p.where).suffix or Path(p.where).name for p in summary.skipped_inputs)
            listed = ", ".join(f"{escape(k)} ×{n}" for k, n in kinds.most_common())
            err.print(f"[yellow]skipped[/] {summary.skipped} files of types dossier does not read ({listed})")
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


def _query(db: str | None, ask: Callable[[Store], Any], as_json: bool = False) -> Any:
    """Open the store read-only, ask it one thing, and turn its errors into a clean CLI error."""
    from .service import default_db, open_store

    try:
        with open_store(db) as store:
            return ask(store)
    except DossierError as exc:
        _fail(exc, as_json, where=str(db or default_db()))


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
def timeline(
    name: str, db: Db = None, show_all: ShowAll = False, min_confidence: MinConfidence = None, as_json: AsJson = False
) -> None:
    """NAME's facts in date order (roles, ties, quotes, events, claims).

    Each is dated by its own time or else by its article ("reported 2016-10-12"), in words;
    --json keeps the TIMEX values. Hypothetical and low-confidence facts are hidden unless --all.
    """
    rows = _query(db, lambda store: store.timeline(name, min_confidence=min_confidence, show_all=show_all), as_json)
    if as_json:
        _print_json(rows)
        return
    out.print(_table(f"timeline of {escape(name)}", ["date", "kind", "what", "status", "confidence"], (
        [r.get("date_text"), r.get("kind"), escape(_short(r.get("text"), 100)), r.get("status"),
         _confidence(r.get("confidence"))] for r in rows)))


def _confidence(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="A gold reading (*.gold.json) in the seed-gold form.")],
    article: Annotated[Path, typer.Argument(help="The article file it reads.")],
    model: Model = None,
    show_all: ShowAll = False,
    min_confidence: MinConfidence = None,
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
