"""Corrections over the API (token, validation, effect) and whole-graph export downloads."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dossier.web import Settings, create_app

from .conftest import build_store

AUTH = {"Authorization": "Bearer s3cret"}


@pytest.fixture()
def writer(tmp_path: Path):
    db = build_store(tmp_path / "writes.db")
    with TestClient(create_app(Settings(db=str(db), allow_writes=True, token="s3cret")),
                    raise_server_exceptions=False) as c:
        c.ids = {p["name"]: p["id"] for p in c.get("/api/people", params={"limit": 200}).json()["items"]}
        yield c


def test_alias_and_merge_change_what_is_read(writer) -> None:
    ada, eli = writer.ids["Ada Quill"], writer.ids["Eli Marsh"]
    added = writer.post("/api/corrections", json={"kind": "alias", "entity": ada, "alias": "Captain Quill"},
                        headers=AUTH)
    assert added.status_code == 200 and added.json()["kind"] == "alias"
    assert [s["id"] for s in writer.get("/api/suggest", params={"q": "Captain Quill"}).json()] == [ada]
    merged = writer.post("/api/corrections", json={"kind": "merge", "entity": ada, "other": eli}, headers=AUTH)
    assert merged.status_code == 200
    assert writer.get(f"/api/people/{eli}").status_code == 404  # Eli Marsh is part of Ada Quill now
    assert "Eli Marsh" in writer.get(f"/api/people/{ada}").json()["aliases"]


def test_split_takes_articles_out(writer) -> None:
    ada = writer.ids["Ada Quill"]
    before = {a["id"] for a in writer.get(f"/api/people/{ada}").json()["articles"]}
    done = writer.post("/api/corrections", json={"kind": "split", "entity": ada, "articles": ["rumour-2"]},
                       headers=AUTH)
    assert done.status_code == 200
    after = {a["id"] for a in writer.get(f"/api/people/{ada}").json()["articles"]}
    assert before - after == {"rumour-2"}


@pytest.mark.parametrize("body", [
    {"kind": "merge", "entity": 1},
    {"kind": "merge", "entity": 1, "other": 1},
    {"kind": "distinct", "entity": 1},
    {"kind": "alias", "entity": 1, "alias": "  "},
    {"kind": "split", "entity": 1},
    {"kind": "split", "entity": 1, "articles": ["../etc/passwd"]},
    {"kind": "rename", "entity": 1},
    {"kind": "alias", "entity": 0, "alias": "x"},
])
def test_bad_corrections_are_422(writer, body: dict) -> None:
    response = writer.post("/api/corrections", json=body, headers=AUTH)
    assert response.status_code == 422 and response.headers["content-type"] == "application/problem+json"


def test_corrections_need_the_token(writer, client) -> None:
    body = {"kind": "alias", "entity": 1, "alias": "x"}
    assert writer.post("/api/corrections", json=body).status_code == 401
    assert client.post("/api/corrections", json=body, headers=AUTH).status_code == 403  # a read-only server


def test_correction_buttons_only_when_writes_are_on(writer, client) -> None:
    ada = writer.ids["Ada Quill"]
    assert 'id="corrections"' in writer.get(f"/people/{ada}").text
    assert 'id="corrections"' not in client.get(f"/people/{ada}").text


@pytest.mark.parametrize(("fmt", "names"), [
    ("jsonl", {"nodes.jsonl", "edges.jsonl", "decisions.jsonl"}), ("graphml", {"graph.graphml"}),
    ("gexf", {"graph.gexf"}), ("csv", None), ("neo4j", None), ("ftm", None),
])
def test_whole_graph_exports_download_as_zip(client, fmt: str, names: set[str] | None) -> None:
    response = client.get("/api/export", params={"format": fmt})
    assert response.status_code == 200 and response.headers["content-type"] == "application/zip"
    assert response.headers["content-disposition"] == f'attachment; filename="dossier-{fmt}.zip"'
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    listed = set(archive.namelist())
    assert listed and (names is None or listed == names)
    if fmt == "jsonl":
        nodes = [json.loads(line) for line in archive.read("nodes.jsonl").decode().splitlines()]
        assert "Ada Quill" in {n.get("name") for n in nodes}


def test_export_format_is_checked(client) -> None:
    assert client.get("/api/export", params={"format": "xlsx"}).status_code == 422
