"""Extraction must not depend on the process's string-hash seed (set iteration order): the same
article gives the same graph in every process, so a resumed ingest equals an uninterrupted one."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

# One of the team's synthetic articles (dossier.synthetic_articles, number 5268): its headline's NER span
# runs over two names the body also uses alone, equally long; which one the span was cut to used to
# follow set order, so "Almera" came out WORK under some seeds and LOC under others.
START = 5268

SCRIPT = """
import json, sys, tempfile
from pathlib import Path
from dossier.read import read_all
from dossier.service import extract_articles
from dossier.synthetic_articles import write_jsonl
path = write_jsonl(Path(tempfile.mkdtemp()) / "one.jsonl", 1, start=int(sys.argv[1]))
art = next(iter(read_all([path]).articles))
graph = next(iter(extract_articles([art]))).graph
print(json.dumps(graph.to_dict(), sort_keys=True))
"""


def _extract(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(START)], capture_output=True, text=True,
                          env=env, check=True)
    return done.stdout


def test_the_same_article_gives_the_same_graph_under_any_hash_seed() -> None:
    outputs = {seed: _extract(seed) for seed in ("1", "4")}
    assert len(set(outputs.values())) == 1, "the graph depends on PYTHONHASHSEED"
