"""Exports of the store's graph: JSON Lines (the contract), GraphML, GEXF, Neo4j CSVs, CSV, FollowTheMoney.

Each writer takes the data of ``Store.graph_data()`` (nodes, edges, decisions) and
an output folder, and returns the files it wrote. Exports read through the
service; they hold no SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import ftm, jsonl, neo4j, networks, table

Writer = Callable[[dict[str, Any], Path], list[Path]]

FORMATS: dict[str, Writer] = {
    "jsonl": jsonl.write,
    "graphml": networks.write_graphml,
    "gexf": networks.write_gexf,
    "neo4j": neo4j.write,
    "csv": table.write,
    "ftm": ftm.write,
}


def write(data: dict[str, Any], fmt: str, out_dir: str | Path) -> list[Path]:
    """Write the graph in one format into ``out_dir`` (created if missing); return the files written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    return FORMATS[fmt](data, folder)
