"""The store when its file or folder is not as expected: read-only, empty, truncated, foreign."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from dossier.errors import StoreError
from dossier.store import Store
from tests.test_store import courier_graph, ledger_graph

REPO = Path(__file__).resolve().parents[1]
NOBODY = 65534


def unprivileged(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run Python ``code`` as a user who can't write the test's files.

    Tests run as root in CI, and root writes anything whatever the mode bits; so as root
    the child drops to ``nobody`` with setpriv, and as another user it runs as is.
    """
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot drop privileges")
        prefix = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    return subprocess.run([*prefix, sys.executable, "-c", code, *args], cwd=REPO, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "HOME": "/tmp"})


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder others may read but not write (pytest's tmp_path is private to its owner)."""
    folder = Path(tempfile.mkdtemp(prefix="dossier-ro-"))
    try:
        yield folder
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


def filled_store(folder: Path) -> Path:
    db = folder / "store.db"
    with Store(db) as store:
        store.ingest(ledger_graph())
        store.ingest(courier_graph())
    for leftover in (Path(f"{db}-wal"), Path(f"{db}-shm")):
        assert not leftover.exists()  # a clean close leaves only the file
    folder.chmod(0o755)
    db.chmod(0o644)
    return db


QUERY = """
import json, sys
from dossier.service import open_store
with open_store(sys.argv[1]) as store:
    print(json.dumps([p["name"] for p in store.people()]))
"""


def test_a_store_in_a_folder_the_user_cannot_write_can_be_queried(shared_dir: Path) -> None:
    db = filled_store(shared_dir)
    done = unprivileged(QUERY, str(db))
    assert done.returncode == 0, done.stderr
    assert "Dana Okafor" in json.loads(done.stdout)
    assert not Path(f"{db}-shm").exists()


def test_the_cli_queries_a_read_only_store(shared_dir: Path) -> None:
    db = filled_store(shared_dir)
    code = "import sys; from dossier.cli import app; app(sys.argv[1:])"
    done = unprivileged(code, "people", "--db", str(db), "--json")
    assert done.returncode == 0, done.stderr
    assert any(p["name"] == "Dana Okafor" for p in json.loads(done.stdout))


INGEST = """
import sys
from dossier import nlp, service
from dossier.errors import StoreError
def no_model(model=None):
    raise SystemExit("extraction started before the store was found unwritable")
nlp.load = no_model
try:
    service.ingest([sys.argv[2]], db=sys.argv[1])
except StoreError as exc:
    print(exc.message)
    sys.exit(3)
"""


def test_an_ingest_into_an_unwritable_store_fails_before_extracting(shared_dir: Path) -> None:
    db = filled_store(shared_dir)
    article = shared_dir / "new.txt"
    article.write_text("date 2024-06-01 New\nIlse Moran opened the bakery on Main Street.\n")
    article.chmod(0o644)
    done = unprivileged(INGEST, str(db), str(article))
    assert done.returncode == 3, done.stdout + done.stderr
    assert "not writable" in done.stdout or "readonly" in done.stdout


def test_an_ingest_into_a_folder_the_user_cannot_write_fails_before_extracting(shared_dir: Path) -> None:
    shared_dir.chmod(0o755)
    article = shared_dir / "new.txt"
    article.write_text("date 2024-06-01 New\nIlse Moran opened the bakery on Main Street.\n")
    article.chmod(0o644)
    done = unprivileged(INGEST, str(shared_dir / "fresh.db"), str(article))
    assert done.returncode == 3, done.stdout + done.stderr
    assert str(shared_dir / "fresh.db") in done.stdout


def test_writes_are_checked_when_a_store_opens(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Store(db).close()
    # an immutable read-only handle is what a store on a read-only medium gives SQLite
    conn = sqlite3.connect(f"{db.as_uri()}?immutable=1", uri=True, isolation_level=None)
    from dossier.store import db as db_mod

    with pytest.raises(StoreError, match="not writable"):
        db_mod._check_writable(conn, str(db))
    conn.close()


def test_an_empty_file_is_a_clear_error_for_queries(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    db.touch()
    with pytest.raises(StoreError) as info:
        Store(db, readonly=True)
    assert "empty" in info.value.message
    assert str(db) in info.value.message


def test_a_truncated_store_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store(db) as store:
        store.ingest(ledger_graph())
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    for readonly in (True, False):
        with pytest.raises(StoreError) as info, Store(db, readonly=readonly) as store:
            store.people()
        assert "truncated" in info.value.message or "damaged" in info.value.message


def test_a_file_cut_inside_its_header_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Store(db).close()
    db.write_bytes(db.read_bytes()[:60])
    with pytest.raises(StoreError) as info:
        Store(db, readonly=True)
    assert "damaged or truncated" in info.value.message or "not an SQLite database" in info.value.message


def test_a_text_file_is_not_a_store(tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("shopping list: eggs, flour\n" * 200)
    with pytest.raises(StoreError) as info:
        Store(db, readonly=True)
    assert "not an SQLite database" in info.value.message


def test_the_cli_says_what_is_wrong_with_an_empty_store_file(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dossier.cli import app

    db = tmp_path / "empty.db"
    db.touch()
    result = CliRunner().invoke(app, ["people", "--db", str(db)])
    assert result.exit_code == 1
    assert "empty" in result.output
    assert "Traceback" not in result.output
