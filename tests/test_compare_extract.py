"""scripts/compare_extract.py: identical records, records equal but for an ignored key, and real differences."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "compare_extract.py"


@pytest.fixture(scope="module")
def compare() -> ModuleType:
    spec = importlib.util.spec_from_file_location("compare_extract", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def record(name: str, **extra: object) -> dict[str, object]:
    return {"article": {"id": name, "body": "Ola Brandt swam."}, "entities": [{"id": "e1", "name": "Ola Brandt"}],
            **extra}


def write(path: Path, *records: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_identical_and_ignored_keys(tmp_path: Path, compare: ModuleType, capsys) -> None:
    before = write(tmp_path / "b.jsonl", record("a"), record("b"))
    after = write(tmp_path / "a.jsonl", record("a"), record("b", sentences=[{"start": 0, "end": 16}]))
    assert compare.main([str(before), str(after)]) == 1
    assert "sentences: only in AFTER" in capsys.readouterr().out
    assert compare.main([str(before), str(after), "--ignore-key", "sentences"]) == 0
    out = capsys.readouterr().out
    assert "identical bytes: 1" in out and "identical without sentences: 1" in out and "different: 0" in out


def test_a_changed_value_is_named_by_its_path(tmp_path: Path, compare: ModuleType, capsys) -> None:
    changed = record("a")
    changed["entities"] = [{"id": "e1", "name": "Ola Brant"}]
    before = write(tmp_path / "b.jsonl", record("a"))
    after = write(tmp_path / "a.jsonl", changed)
    assert compare.main([str(before), str(after), "--ignore-key", "sentences"]) == 1
    assert 'entities[0].name: "Ola Brandt" -> "Ola Brant"' in capsys.readouterr().out


def test_key_order_and_record_count_count_as_differences(tmp_path: Path, compare: ModuleType, capsys) -> None:
    a = record("a")
    reordered = {"entities": a["entities"], "article": a["article"]}
    before = write(tmp_path / "b.jsonl", a, record("b"))
    after = write(tmp_path / "a.jsonl", reordered)
    assert compare.main([str(before), str(after)]) == 1
    out = capsys.readouterr().out
    assert "same keys in another order" in out
    assert "record counts differ: 2 before, 1 after" in out
