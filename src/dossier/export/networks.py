"""GraphML and GEXF (for Gephi) through networkx: one node per entity, one edge per merged tie, with dates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx


def to_networkx(data: dict[str, Any]) -> nx.MultiDiGraph:
    """The graph as a networkx MultiDiGraph with plain (string, number) attributes."""
    g = nx.MultiDiGraph()
    for n in data["nodes"]:
        g.add_node(n["id"], label=n["name"], type=n["type"], gender=n["gender"] or "",
                   aliases="; ".join(n["aliases"]), articles=len(n["articles"]))
    for e in data["edges"]:
        s = e["support"]
        g.add_edge(e["source"], e["target"], key=e["id"], id=e["id"], label=e["type"], type=e["type"],
                   status=e["status"], confidence=float(e["confidence"]), since=e["start"] or "", until=e["end"] or "",
                   sources=len(e["sources"]), outlets=s["outlets"], earliest=s["earliest"] or "",
                   latest=s["latest"] or "", contradictions=len(e["contradictions"]),
                   articles=" ".join(sorted({x["article"] for x in e["sources"]})),
                   source_statuses=json.dumps(s["statuses"]))
    return g


def write_graphml(data: dict[str, Any], folder: Path) -> list[Path]:
    path = folder / "graph.graphml"
    nx.write_graphml(to_networkx(data), path)
    return [path]


def write_gexf(data: dict[str, Any], folder: Path) -> list[Path]:
    path = folder / "graph.gexf"
    nx.write_gexf(to_networkx(data), path)
    return [path]
