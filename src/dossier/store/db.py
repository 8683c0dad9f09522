"""SQLite connections and named migrations for the store."""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from ..errors import StoreError

BUSY_TIMEOUT_MS = 5000
_MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    """One schema change: ``NNN_name.sql`` in ``store/migrations``."""

    number: int
    name: str  # file stem, e.g. "001_initial"
    sql: str


def migrations() -> list[Migration]:
    """The migrations shipped with the code, in order."""
    found = []
    for item in resources.files(__package__).joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.match(item.name)
        if match:
            found.append(Migration(int(match.group(1)), item.name[:-4], item.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.number)
    numbers = [m.number for m in found]
    if len(set(numbers)) != len(numbers):
        raise StoreError(f"two migrations share a number: {[m.name for m in found]}")
    return found


def connect(path: str | Path, readonly: bool = False) -> sqlite3.Connection:
    """Open a connection in autocommit mode (transactions are explicit) with WAL and foreign keys on.

    Read-only, a store whose folder can't be written (so SQLite can't make its ``-shm``
    file) is opened as immutable instead. Read-write, the store must be writable, checked
    now so that an ingest fails before any work is done.
    """
    target = str(path)
    memory = target == ":memory:"
    if not memory and not readonly:
        parent = Path(target).parent
        if not parent.is_dir():
            raise StoreError(f"cannot open store {target}: folder {parent} does not exist")
    try:
        if readonly and not memory:
            conn = _open_readonly(target)
        else:
            conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")  # queries' scratch tables (graph neighbourhoods)
        if not memory and not readonly:
            _while_locked(lambda: _check_writable(conn, target))
            _while_locked(lambda: conn.execute("PRAGMA journal_mode = WAL"))
            conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open store {target}: {explain(exc)}") from exc
    if not memory:
        _check_size(conn, target)
    return conn


def _while_locked(step: Callable[[], object]) -> None:
    """Run ``step``, again while SQLite says "database is locked", for up to the busy timeout.

    Two processes opening a fresh store at once can meet SQLITE_BUSY while one turns the
    file to WAL: SQLite does not always call its busy handler there.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _open_readonly(target: str) -> sqlite3.Connection:
    uri = Path(target).resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        # A WAL store needs its -shm file; when the folder isn't writable SQLite can't make
        # one, so read the file as immutable (no locks: fine, as nobody can write there either).
        conn.close()
        if "readonly" not in str(exc) and "unable to open" not in str(exc):
            raise
    conn = sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def _check_writable(conn: sqlite3.Connection, target: str) -> None:
    # Rewrite the header's user_version inside a transaction that is rolled back: it fails
    # the same way a real write would (read-only file or folder, read-only file system).
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute(f"PRAGMA user_version = {int(version)}")
        finally:
            conn.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc) or "unable to open" in str(exc):
            folder = Path(target).resolve().parent
            raise StoreError(
                f"store {target} is not writable ({exc}): check the permissions of the file and of its folder "
                f"{folder}, where SQLite keeps its -wal and -shm files"
            ) from exc
        raise


def _check_size(conn: sqlite3.Connection, target: str) -> None:
    """A store file shorter than its header says was truncated (copied in part, disk full)."""
    try:
        size = Path(target).stat().st_size
        wal = Path(target + "-wal")
        if size == 0 or (wal.exists() and wal.stat().st_size > 0):
            return  # pages may be in the write-ahead log, not yet in the file
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    except (OSError, sqlite3.Error):
        return
    if size < page_size * pages:
        conn.close()
        raise StoreError(
            f"store {target} is truncated ({size} bytes, its header says {page_size * pages}); "
            "restore it from a copy or ingest into a new store"
        )


def explain(exc: sqlite3.Error) -> str:
    """SQLite's message, with what it means for a dossier store when it's cryptic."""
    text = str(exc)
    if "file is not a database" in text:
        return f"not an SQLite database ({text}): the wrong file, or a damaged store"
    if "malformed" in text:
        return f"the store file is damaged or truncated ({text}); restore it from a copy or ingest into a new store"
    return text


def applied(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations recorded in the store, in the order applied."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").fetchone()
    if not exists:
        return []
    return [row[0] for row in conn.execute("SELECT name FROM migrations ORDER BY rowid")]


def migrate(conn: sqlite3.Connection, readonly: bool = False, where: str = "") -> list[str]:
    """Apply pending migrations in order, each in its own transaction; return the names applied.

    Each migration is checked again under the write lock, so two processes opening a
    fresh store at once apply it once. Raises StoreError when the store holds
    migrations this code does not know (a store written by a newer dossier) or,
    read-only, when some are pending.
    """
    known = migrations()
    done = _applied_or_fail(conn, where)
    _check_known(done, known)
    pending = [m for m in known if m.name not in done]
    if pending and readonly:
        if not done and _is_blank(conn):
            raise StoreError(f"{where or 'the store'} is empty, not a dossier store: run `dossier ingest` to fill it")
        raise StoreError(f"the store needs migrations {[m.name for m in pending]}; open it once read-write")
    return [m.name for m in pending if _apply(conn, m, known, where)]


def _applied_or_fail(conn: sqlite3.Connection, where: str) -> list[str]:
    try:
        return applied(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{where + ' is ' if where else ''}not a dossier store: {explain(exc)}") from exc


def _check_known(done: list[str], known: list[Migration]) -> None:
    unknown = sorted(set(done) - {m.name for m in known})
    if unknown:
        names = ", ".join(unknown)
        raise StoreError(f"the store is newer than this dossier (unknown migrations: {names}); upgrade dossier")


def _is_blank(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


def _check_empty(conn: sqlite3.Connection) -> None:
    # A database with tables but no migrations table belongs to something else; don't write into it.
    tables = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").fetchall()
    if tables:
        raise StoreError(f"not a dossier store: it has tables {[t[0] for t in tables]} but no migrations table")


def _statements(sql: str) -> list[str]:
    """The statements of a migration script, split where SQLite says a statement is complete."""
    out: list[str] = []
    current = ""
    for line in sql.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            out.append(current)
            current = ""
    if current.strip() and not all(
        part.strip().startswith("--") or not part.strip() for part in current.splitlines()
    ):
        out.append(current)
    return out


def _apply(conn: sqlite3.Connection, migration: Migration, known: list[Migration], where: str) -> bool:
    """Apply one migration unless another process did first; True when this call applied it."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise StoreError(f"migration {migration.name} failed: {explain(exc)}") from exc
    try:
        done = applied(conn)  # again, now that this connection holds the write lock
        _check_known(done, known)
        if migration.name in done:
            conn.execute("COMMIT")
            return False
        if not done:
            _check_empty(conn)
        conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        for statement in _statements(migration.sql):
            conn.execute(statement)
        conn.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (migration.name, now))
        conn.execute(f"PRAGMA user_version = {migration.number}")
        conn.execute("COMMIT")
        return True
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(exc, StoreError):
            raise
        if isinstance(exc, sqlite3.Error):
            raise StoreError(f"migration {migration.name} failed: {explain(exc)}") from exc
        raise
