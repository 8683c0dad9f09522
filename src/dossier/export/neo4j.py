"""Neo4j admin-import CSVs: ``nodes.csv`` (``id:ID``, ``:LABEL``) and ``relationships.csv`` (``:START_ID``,
``:END_ID``, ``:TYPE``); arrays use ``;`` (neo4j-admin's default array delimiter)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

NODE_HEADER = ["id:ID", "name", "type", "gender", "aliases:string[]", "articles:int", ":LABEL"]
EDGE_HEADER = [":START_ID", ":END_ID", ":TYPE", "id", "relation", "status", "confidence:float", "start", "end",
               "sources:int", "outlets:int", "earliest", "latest", "articles:string[]", "contradictions", "evidence"]


def label(entity_type: str) -> str:
    return {"PERSON": "Person", "ORG": "Organization", "OUTLET": "Outlet", "GPE": "Place", "LOC": "Place",
            "NORP": "Group", "GROUP": "Group", "EVENT": "Event", "WORK": "Work"}.get(entity_type, "Entity")


def rel_type(edge_type: str) -> str:
    """``social.friendship`` -> ``SOCIAL_FRIENDSHIP`` (Neo4j relationship types are upper snake case)."""
    return "".join(c if c.isalnum() else "_" for c in edge_type.upper())


def write(data: dict[str, Any], folder: Path) -> list[Path]:
    nodes, rels = folder / "neo4j_nodes.csv", folder / "neo4j_relationships.csv"
    with nodes.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(NODE_HEADER)
        for n in data["nodes"]:
            w.writerow([n["id"], n["name"], n["type"], n["gender"] or "", ";".join(a.replace(";", ",")
                        for a in n["aliases"]), len(n["articles"]), f"Entity;{label(n['type'])}"])
    with rels.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(EDGE_HEADER)
        for e in data["edges"]:
            s = e["support"]
            w.writerow([e["source"], e["target"], rel_type(e["type"]), e["id"], e["type"], e["status"],
                        e["confidence"], e["start"] or "", e["end"] or "", len(e["sources"]), s["outlets"],
                        s["earliest"] or "", s["latest"] or "",
                        ";".join(sorted({x["article"] for x in e["sources"]})),
                        json.dumps(e["contradictions"], ensure_ascii=False),
                        json.dumps([{k: x[k] for k in ("article", "outlet", "published", "status", "sentence")}
                                    for x in e["sources"]], ensure_ascii=False)])
    return [nodes, rels]
