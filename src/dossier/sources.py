"""What ``ingest`` reads: article inputs (through the readers) and article-graph files, streamed.

Article-graph files hold one contract object a line (objects with ``article`` and
``entities`` keys), as written by ``dossier extract --format jsonl`` or by
``dossier spark extract``; they are stored without extracting again. They are found by
content: a file whose first line is such an object, or a folder with a ``_SUCCESS``
marker (a finished Spark job) whose ``part-*`` files are read in name order. A
``{"problem": {...}}`` line (the Spark job's record of an input it could not use) is
reported as that problem.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO

from .errors import ReadError
from .graph import Article, ArticleGraph
from .read import iter_articles

SPARK_DONE = "_SUCCESS"
_SNIFF_BYTES = 64 * 1024 * 1024  # one graph line may be large; this only bounds a pathological file


def _open(path: Path) -> IO[bytes]:
    if path.name.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]  # a GzipFile is a binary IO
    return path.open("rb")


def is_graph_file(path: Path) -> bool:
    """Whether the first non-blank line of ``path`` is an article-graph object."""
    if not path.is_file() or path.name.endswith((".warc", ".warc.gz", ".html", ".htm", ".txt")):
        return False
    try:
        with _open(path) as stream:
            for raw in stream:
                if raw.strip():
                    obj = json.loads(raw[:_SNIFF_BYTES])
                    return isinstance(obj, dict) and "article" in obj and "entities" in obj
    except (OSError, ValueError, EOFError):
        return False
    return False


def graph_files(path: Path) -> list[Path] | None:
    """The graph files ``path`` stands for, or None when it is an article input."""
    if path.is_dir():
        if not (path / SPARK_DONE).is_file():
            return None
        return sorted(p for p in path.iterdir() if p.name.startswith("part-") and p.is_file())
    return [path] if is_graph_file(path) else None


def read_graphs(path: Path) -> Iterator[ArticleGraph | ReadError]:
    """Graphs from a graph file; a bad line is a ``ReadError`` at ``file:line`` and the rest go on."""
    try:
        with _open(path) as stream:
            for number, raw in enumerate(stream, start=1):
                if not raw.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    obj = json.loads(raw)
                    if isinstance(obj, dict) and isinstance(obj.get("problem"), dict):
                        # a problem the Spark job recorded for an input: reported as if read here
                        p = obj["problem"]
                        yield ReadError(str(p.get("where", where)), str(p.get("reason", "")), str(p.get("kind")))
                        continue
                    graph = ArticleGraph.from_dict(obj)
                except json.JSONDecodeError as err:
                    yield ReadError(where, f"not JSON ({err.msg} at column {err.colno})", "json")
                except (KeyError, TypeError, ValueError, AttributeError) as err:
                    yield ReadError(where, f"not an article graph: {type(err).__name__}: {err}", "invalid")
                else:
                    yield replace(graph, article=replace(graph.article, source=where))
    except (OSError, EOFError) as err:
        yield ReadError(str(path), f"cannot read: {err}", "invalid")


def iter_inputs(
    paths: Iterable[str | Path], follow_links: bool = False
) -> Iterator[Article | ArticleGraph | ReadError]:
    """Articles (via :func:`dossier.read.iter_articles`) and stored-ready graphs, in the order given."""
    run: list[str | Path] = []
    for given in paths:
        files = None if str(given) == "-" else graph_files(Path(given))
        if files is None:
            run.append(given)
            continue
        if run:
            yield from iter_articles(run, follow_links=follow_links)
            run = []
        for file in files:
            yield from read_graphs(file)
    if run:
        yield from iter_articles(run, follow_links=follow_links)


def estimate_total(paths: Iterable[str | Path]) -> int | None:
    """A quick count of the articles ``paths`` hold (lines of JSONL, one per text or HTML file), for an ETA.

    None when it cannot be told cheaply (stdin, WARC archives).
    """
    total = 0
    for given in paths:
        if str(given) == "-":
            return None
        path = Path(given)
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else []
        for file in files:
            if any(part.startswith(".") for part in file.relative_to(path).parts if path.is_dir()):
                continue
            name = file.name.lower()
            if name.endswith((".warc", ".warc.gz")):
                return None
            if name.endswith((".txt", ".html", ".htm")):
                total += 1
            elif name.endswith((".jsonl", ".ndjson")) or name.startswith("part-"):
                total += _count_lines(file)
    return total


def _count_lines(path: Path) -> int:
    count = 0
    try:
        with _open(path) as stream:
            for raw in stream:
                count += bool(raw.strip())
    except (OSError, EOFError):
        return 0
    return count
