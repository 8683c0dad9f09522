"""Plain CSV: ``nodes.csv``, ``edges.csv`` (one row per merged tie) and ``sources.csv`` (one row per source)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

NODE_COLUMNS = ["id", "name", "type", "gender", "aliases", "articles"]
EDGE_COLUMNS = ["id", "type", "source", "target", "start", "end", "status", "confidence", "sources", "outlets",
                "earliest", "latest", "contradictions"]
SOURCE_COLUMNS = ["edge", "article", "outlet", "published", "url", "status", "confidence", "source_entity",
                  "evidence_start", "evidence_end", "sentence"]
DECISION_COLUMNS = ["id", "kind", "label", "name", "key", "created_at"]


def write(data: dict[str, Any], folder: Path) -> list[Path]:
    paths = [folder / "nodes.csv", folder / "edges.csv", folder / "sources.csv", folder / "decisions.csv"]
    with paths[0].open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(NODE_COLUMNS)
        for n in data["nodes"]:
            w.writerow([n["id"], n["name"], n["type"], n["gender"] or "", "; ".join(n["aliases"]),
                        len(n["articles"])])
    with paths[1].open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(EDGE_COLUMNS)
        for e in data["edges"]:
            s = e["support"]
            kinds = "; ".join(c["kind"] for c in e["contradictions"])
            w.writerow([e["id"], e["type"], e["source"], e["target"], e["start"] or "", e["end"] or "", e["status"],
                        e["confidence"], len(e["sources"]), s["outlets"], s["earliest"] or "", s["latest"] or "",
                        kinds])
    with paths[2].open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(SOURCE_COLUMNS)
        for e in data["edges"]:
            for x in e["sources"]:
                w.writerow([e["id"], x["article"], x["outlet"] or "", x["published"] or "", x["url"] or "",
                            x["status"], x["confidence"], x["source_entity"] or "", x["evidence"]["start"],
                            x["evidence"]["end"], x["sentence"] or ""])
    with paths[3].open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(DECISION_COLUMNS)
        for d in data["decisions"]:
            w.writerow([d[c] for c in DECISION_COLUMNS])
    return paths
