"""Extract article graphs with Spark: input files spread over partitions, the model loaded once per executor.

This follows the pattern of Common Crawl's cc-pyspark: the driver only lists input
files (JSONL, WARC, text, HTML, or a listing of paths such as CC-NEWS's
``warc.paths.gz``); each partition reads its files and extracts them with
``dossier.service.extract_paths``, so a record comes out exactly as a single
``dossier extract --format jsonl`` would write it. A Python worker keeps its loaded
model (``dossier.nlp.load`` is cached per process and Spark reuses Python workers).

The output folder holds ``part-*`` files of JSON lines plus Spark's ``_SUCCESS``
marker: one article graph a line, and one ``{"problem": {...}}`` line for each input
that could not be read or extracted (or was skipped, e.g. a WARC record that is not
an English article). ``dossier ingest DIR`` stores the graphs without extracting again.

Input paths must be readable from every executor (a shared or mounted file system).
This module holds no spaCy and no SQL: it calls the service.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from dossier import service

ARTICLE_SUFFIXES = (".jsonl", ".ndjson", ".warc", ".warc.gz", ".txt", ".html", ".htm")
LISTING_SUFFIXES = (".paths", ".paths.gz")


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """The files to read: files as given, folders walked in sorted order, listings read line by line.

    A listing (``*.paths``/``*.paths.gz``) names one input a line, relative to the
    listing's folder unless absolute. Hidden files and files of other types in folders
    are left out (``dossier ingest`` on the folder would report them).
    """
    files: list[str] = []
    for given in inputs:
        path = Path(given)
        if path.name.endswith(LISTING_SUFFIXES):
            opener: Any = gzip.open if path.name.endswith(".gz") else open
            with opener(path, "rt", encoding="utf-8") as listing:
                for line in listing:
                    if line.strip():
                        entry = Path(line.strip())
                        files.append(str(entry if entry.is_absolute() else path.parent / entry))
        elif path.is_dir():
            for folder, dirs, names in sorted(os.walk(path)):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files += [
                    str(Path(folder, n)) for n in sorted(names)
                    if not n.startswith(".") and n.lower().endswith(ARTICLE_SUFFIXES)
                ]
        else:
            files.append(str(path))
    return files


def record(outcome: service.Outcome) -> str:
    """One output line: the article graph, or the problem, as JSON."""
    if outcome.graph is not None:
        return json.dumps(outcome.graph.to_dict(), ensure_ascii=False)
    problem = outcome.problem or service.Problem(outcome.where, "extract", "no graph")
    return json.dumps({"problem": problem.to_dict()}, ensure_ascii=False)


def extract_partition(paths: Iterable[str], model: str | None = None) -> Iterator[str]:
    """The output lines for one partition's input files, in order (runs on an executor)."""
    for outcome in service.extract_paths(list(paths), model=model):
        yield record(outcome)


def run(
    inputs: Sequence[str],
    out: str,
    model: str | None = None,
    master: str | None = None,
    partitions: int | None = None,
    compress: bool = False,
    conf: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Run the job (a session is created, or the one spark-submit set up is used); returns counts."""
    from pyspark.sql import SparkSession

    files = expand_inputs(inputs)
    if not files:
        raise SystemExit("dossier spark: no input files")
    if "://" not in out and Path(out).exists():
        raise SystemExit(f"dossier spark: output folder {out} exists; remove it or choose another --out")
    # Executors must run a Python that has dossier installed: by default, this one.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("dossier-extract")
    if master:
        builder = builder.master(master)
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    try:
        sc = spark.sparkContext
        slices = min(partitions or len(files), len(files))
        lines = sc.parallelize(files, slices).mapPartitions(functools.partial(extract_partition, model=model))
        codec = "org.apache.hadoop.io.compress.GzipCodec" if compress else None
        lines.saveAsTextFile(out, compressionCodecClass=codec)
    finally:
        spark.stop()
    return {"inputs": len(files), "partitions": slices, "out": out}


def main(argv: Sequence[str] | None = None) -> None:
    """``extract INPUT... --out DIR [--model M] [--master URL] [--partitions N] [--gzip]``."""
    parser = argparse.ArgumentParser(prog="python -m dossier.spark", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="extract article graphs from input files into --out")
    extract.add_argument("inputs", nargs="+", help="files, folders or *.paths listings")
    extract.add_argument("--out", required=True, help="output folder (must not exist)")
    extract.add_argument("--model", default=None, help="spaCy pipeline (default: $DOSSIER_MODEL or md)")
    extract.add_argument("--master", default=None, help="Spark master, e.g. local[2] (default: spark-submit's)")
    extract.add_argument("--partitions", type=int, default=None, help="partitions (default: one per input file)")
    extract.add_argument("--gzip", action="store_true", help="gzip the part files")
    args = parser.parse_args(argv)
    result = run(args.inputs, args.out, model=args.model, master=args.master, partitions=args.partitions,
                 compress=args.gzip)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
