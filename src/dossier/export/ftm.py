"""FollowTheMoney entities (``entities.ftm.json``, one JSON object a line) so the graph loads into Aleph.

People become Person, organisations and outlets Organization; family ties
Family, membership and work for an organisation Membership, a role at an
organisation a Position plus an Occupancy, other ties between people Associate,
and the rest UnknownLink. Every link carries its dates, status, source URLs and
publishers. Written as plain FtM JSON (``id``, ``schema``, ``properties``), so
the ``followthemoney`` package is only needed to validate or load it.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_SCHEMA = {"PERSON": "Person", "ORG": "Organization", "OUTLET": "Organization"}
PERSON_TIES = ("social.", "professional.worked_with", "professional.mentor", "contact.", "political.", "contest.")


def _id(*parts: str) -> str:
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()[:24]


def _date(value: str | None) -> list[str]:
    return [value] if value and _DATE.match(value) else []


def _link(schema: str, e: dict[str, Any], ends: dict[str, list[str]], extra: dict[str, list[str]]) -> dict[str, Any]:
    s = e["sources"]
    props: dict[str, list[str]] = {
        **extra,
        "startDate": _date(e["start"]),
        "endDate": _date(e["end"]),
        "sourceUrl": sorted({x["url"] for x in s if x.get("url")}),
        "publisher": sorted({x["outlet"] for x in s if x.get("outlet")}),
        "summary": [f"{e['type']}: {e['status']} ({len(s)} source{'s' if len(s) != 1 else ''})"],
        "description": sorted({x["sentence"] for x in s if x.get("sentence")})[:20],
        "recordId": [e["id"]],
    }
    if schema in ("Membership", "Occupancy", "UnknownLink"):
        props["status"] = [e["status"]]
    props.update(ends)
    return {"id": _id(schema, e["id"]), "schema": schema, "properties": {k: v for k, v in props.items() if v}}


def entities(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The FtM entities for the graph (nodes of other types and the edges touching them are left out)."""
    schema_of: dict[str, str] = {}
    ftm_id: dict[str, str] = {}
    out = []
    for n in data["nodes"]:
        schema = _SCHEMA.get(n["type"])
        if schema is None:
            continue
        schema_of[n["id"]], ftm_id[n["id"]] = schema, _id(schema, n["id"])
        props = {"name": [n["name"]], "alias": n["aliases"][:50], "sourceUrl": n.get("urls", [])[:200]}
        if schema == "Person" and n.get("gender") in ("male", "female", "other"):
            props["gender"] = [n["gender"]]
        out.append({"id": ftm_id[n["id"]], "schema": schema, "properties": {k: v for k, v in props.items() if v}})
    for e in data["edges"]:
        a, b = e["source"], e["target"]
        if a not in schema_of or b not in schema_of:
            continue
        ia, ib, sa, sb = ftm_id[a], ftm_id[b], schema_of[a], schema_of[b]
        t = e["type"]
        if t.startswith("family.") and sa == sb == "Person":
            out.append(_link("Family", e, {"person": [ia], "relative": [ib]}, {"relationship": [t.split(".", 1)[1]]}))
        elif t.startswith("role.") and sa == "Person" and sb == "Organization":
            title = t.split(".", 1)[1]
            post_id = _id("Position", b, title)
            out.append({"id": post_id, "schema": "Position", "properties": {"name": [title], "organization": [ib]}})
            out.append(_link("Occupancy", e, {"holder": [ia], "post": [post_id]}, {}))
        elif t in ("membership.member_of", "professional.worked_for") and sa == "Person" and sb == "Organization":
            out.append(_link("Membership", e, {"member": [ia], "organization": [ib]}, {"role": [t.split(".", 1)[1]]}))
        elif sa == sb == "Person" and t.startswith((*PERSON_TIES, "professional.")):
            out.append(_link("Associate", e, {"person": [ia], "associate": [ib]}, {"relationship": [t]}))
        else:
            out.append(_link("UnknownLink", e, {"subject": [ia], "object": [ib]}, {"role": [t]}))
    # Positions repeat when several people held one; keep one of each.
    return list({x["id"]: x for x in out}.values())


def write(data: dict[str, Any], folder: Path) -> list[Path]:
    path = folder / "entities.ftm.json"
    with path.open("w", encoding="utf-8") as f:
        for ent in entities(data):
            f.write(json.dumps(ent, ensure_ascii=False) + "\n")
    return [path]
