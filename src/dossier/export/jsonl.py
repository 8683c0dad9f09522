"""``nodes.jsonl``, ``edges.jsonl`` and ``decisions.jsonl``: the export contract (shared/contract/export.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

NODE_FIELDS = ("id", "name", "type", "aliases", "articles", "mentions")
EDGE_FIELDS = ("id", "type", "source", "target", "start", "end", "status", "confidence", "sources")
SOURCE_FIELDS = ("article", "outlet", "published", "evidence", "status", "source_entity")


def _line(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=False) + "\n"


def node_record(n: dict[str, Any]) -> dict[str, Any]:
    """A node as the contract orders it (contract fields first, extras after)."""
    return {**{k: n[k] for k in NODE_FIELDS}, **{k: v for k, v in n.items() if k not in NODE_FIELDS}}


def edge_record(e: dict[str, Any]) -> dict[str, Any]:
    sources = [{**{k: s[k] for k in SOURCE_FIELDS}, **{k: v for k, v in s.items() if k not in SOURCE_FIELDS}}
               for s in e["sources"]]
    out = {k: e[k] for k in EDGE_FIELDS}
    out["sources"] = sources
    out.update({k: v for k, v in e.items() if k not in EDGE_FIELDS})
    return out


def write(data: dict[str, Any], folder: Path) -> list[Path]:
    paths = [folder / "nodes.jsonl", folder / "edges.jsonl", folder / "decisions.jsonl"]
    with paths[0].open("w", encoding="utf-8") as f:
        f.writelines(_line(node_record(n)) for n in data["nodes"])
    with paths[1].open("w", encoding="utf-8") as f:
        f.writelines(_line(edge_record(e)) for e in data["edges"])
    with paths[2].open("w", encoding="utf-8") as f:
        f.writelines(_line(d) for d in data["decisions"])
    return paths
