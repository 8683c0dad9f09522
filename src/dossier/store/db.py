"""SQLite connections and named migrations for the store."""

from __future__ import annotations

import re
import sqlite3
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
    """Open a connection in autocommit mode (transactions are explicit) with WAL and foreign keys on."""
    target = str(path)
    memory = target == ":memory:"
    if not memory and not readonly:
        parent = Path(target).parent
        if not parent.is_dir():
            raise StoreError(f"cannot open store {target}: folder {parent} does not exist")
    try:
        if readonly and not memory:
            conn = sqlite3.connect(
                f"{Path(target).resolve().as_uri()}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
            )
        else:
            conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not memory and not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open store {target}: {exc}") from exc
    return conn


def applied(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations recorded in the store, in the order applied."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").fetchone()
    if not exists:
        return []
    return [row[0] for row in conn.execute("SELECT name FROM migrations ORDER BY rowid")]


def migrate(conn: sqlite3.Connection, readonly: bool = False) -> list[str]:
    """Apply pending migrations in order, each in its own transaction; return the names applied.

    Raises StoreError when the store holds migrations this code does not know
    (a store written by a newer dossier) or, read-only, when some are pending.
    """
    known = migrations()
    try:
        done = applied(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"not a dossier store: {exc}") from exc
    unknown = sorted(set(done) - {m.name for m in known})
    if unknown:
        names = ", ".join(unknown)
        raise StoreError(f"the store is newer than this dossier (unknown migrations: {names}); upgrade dossier")
    pending = [m for m in known if m.name not in done]
    if pending and readonly:
        raise StoreError(f"the store needs migrations {[m.name for m in pending]}; open it once read-write")
    if pending and not done:
        _check_empty(conn)
    for migration in pending:
        _apply(conn, migration)
    return [m.name for m in pending]


def _check_empty(conn: sqlite3.Connection) -> None:
    # A database with tables but no migrations table belongs to something else; don't write into it.
    tables = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").fetchall()
    if tables:
        raise StoreError(f"not a dossier store: it has tables {[t[0] for t in tables]} but no migrations table")


def _apply(conn: sqlite3.Connection, migration: Migration) -> None:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    script = (
        "BEGIN IMMEDIATE;\n"
        "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL);\n"
        f"{migration.sql}\n;\n"
        f"INSERT INTO migrations (name, applied_at) VALUES ('{migration.name}', '{now}');\n"
        f"PRAGMA user_version = {migration.number};\n"
        "COMMIT;"
    )
    try:
        conn.executescript(script)
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise StoreError(f"migration {migration.name} failed: {exc}") from exc
