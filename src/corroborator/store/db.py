"""The SQLite file: opening it, migrating it, and the one way to write to it (a transaction per batch)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from corroborator.errors import CorroboratorError, database_locked
from corroborator.store.migrations import MIGRATIONS

DEFAULT_PATH = "corroborator.db"
ENVIRONMENT_VARIABLE = "CORROBORATOR_DB"


def default_path() -> str:
    """The database path: $CORROBORATOR_DB, else corroborator.db in the current directory."""
    return os.environ.get(ENVIRONMENT_VARIABLE) or DEFAULT_PATH


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Database:
    """One SQLite file in WAL mode, migrated on open. All writes go through `transaction()`."""

    def __init__(self, path: str | os.PathLike | None = None, readonly: bool = False):
        self.path = str(path or default_path())
        self.readonly = readonly
        if readonly:
            if not Path(self.path).exists():
                raise CorroboratorError(f"no database at {self.path}; run `corroborator ingest PATH...` first")
            uri = f"file:{Path(self.path).resolve()}?mode=ro"
            self.connection = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        else:
            self.connection = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        self.connection.row_factory = sqlite3.Row
        self.connection.execute("PRAGMA foreign_keys = ON")
        self.connection.execute("PRAGMA busy_timeout = 30000")
        if not readonly:
            self.connection.execute("PRAGMA journal_mode = WAL")
            self.connection.execute("PRAGMA synchronous = NORMAL")
            self.migrate()

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One batch of writes: all of it lands, or none of it does."""
        try:
            self.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise CorroboratorError(database_locked(self.path)) from error
            raise
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        else:
            self.connection.execute("COMMIT")

    def ids_starting(self, table: str, prefix: str, limit: int = 4) -> list[str]:
        """The ids in `table` ("documents", "stories") that start with `prefix` (at most `limit`): more than one
        tells an ambiguous prefix from a wrong id."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self.connection.execute(
            f"SELECT id FROM {table} WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?", (escaped + "%", limit)
        ).fetchall()
        return [row[0] for row in rows]

    def applied_migrations(self) -> list[str]:
        return [row[0] for row in self.connection.execute("SELECT name FROM migrations ORDER BY name")]

    def migrate(self) -> None:
        """Apply, in order and each in its own transaction, the migrations this file has not had yet."""
        self.connection.execute(
            "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        applied = set(self.applied_migrations())
        for name, sql in MIGRATIONS:
            if name in applied:
                continue
            with self.transaction() as connection:
                for statement in _statements(sql):
                    connection.execute(statement)
                connection.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (name, now()))


def _statements(sql: str) -> list[str]:
    """Split a migration's script into statements (executescript would commit our transaction)."""
    statements, current = [], []
    for line in sql.splitlines():
        current.append(line)
        if sqlite3.complete_statement("\n".join(current)):
            statements.append("\n".join(current).strip())
            current = []
    return [s for s in statements if s]
