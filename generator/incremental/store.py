"""The build's memory between runs: ``.cache/build.sqlite`` in the project folder.

Values are pickled under string keys that name everything they depend on (a file's bytes, the
configuration's fingerprint…); the file as a whole belongs to one generator version (a digest
of the generator's own source and the Python version), and is emptied when that changes.
SQLite, not a folder of pickles: one file, written in one transaction (a killed build leaves
the previous cache intact), safe under two builds at once, and 10,000 entries read in one query.

The cache is an optimisation only: when it cannot be opened, read or written (read-only
project, damaged file), the build goes on without it and the result is the same.
Pickle runs code when loading; the file is written by this program into the project folder,
which is trusted as much as its templates.
"""
from __future__ import annotations

import functools
import hashlib
import pickle
import sqlite3
import sys
from pathlib import Path
from typing import Any, Iterable

# The project's layout decides where the cache lives; the cache is keyed by the generator's code.
from ..output_folder import CACHE_DIR, GENERATOR_DIR  # noqa: F401

CACHE_FILE = "build.sqlite"
DAMAGED = (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT)  # error codes of a file to throw away


@functools.lru_cache(maxsize=1)
def generator_version() -> str:
    """Changes whenever any generator code changes, so no stale result survives an upgrade."""
    digest = hashlib.sha256(repr(sys.version_info[:2]).encode())
    for path in sorted(GENERATOR_DIR.rglob("*.py")):
        digest.update(path.relative_to(GENERATOR_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:20]


class Store:
    def __init__(self, folder: Path | None):
        self._db: sqlite3.Connection | None = None
        self._pending: dict[str, bytes] = {}
        if folder is not None:
            self._db = _open(folder / CACHE_FILE, generator_version())

    def get_many(self, keys: Iterable[str]) -> dict[str, Any]:
        keys = list(keys)
        if self._db is None or not keys:
            return {}
        found: dict[str, Any] = {}
        try:
            for start in range(0, len(keys), 900):  # SQLite's limit on bound parameters
                batch = keys[start:start + 900]
                rows = self._db.execute(f"SELECT key, value FROM entries WHERE key IN ({','.join('?' * len(batch))})",
                                        batch)
                found.update((key, pickle.loads(value)) for key, value in rows)
        except (sqlite3.Error, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return {}  # a damaged entry: recompute
        return found

    def put(self, key: str, value: Any) -> None:
        if self._db is not None:
            self._pending[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def commit(self, keep: set[str] | None = None) -> None:
        """Write what this build added; with ``keep``, forget every other entry (but the
        records of last builds, ``last-build|…``)."""
        if self._db is None:
            return
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?)", self._pending.items())
                if keep is not None:
                    self._db.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY)")
                    self._db.execute("DELETE FROM keep")
                    self._db.executemany("INSERT OR IGNORE INTO keep VALUES (?)", ((k,) for k in keep))
                    self._db.execute("DELETE FROM entries WHERE key NOT IN (SELECT key FROM keep) "
                                     "AND key NOT LIKE 'last-build|%'")
        except sqlite3.Error:
            pass  # the cache is an optimisation: a read-only or full disk only costs speed
        self._pending = {}

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _open(path: Path, version: str, retry: bool = True) -> sqlite3.Connection | None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, timeout=30)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
        db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB)")
        row = db.execute("SELECT value FROM meta WHERE name = 'version'").fetchone()
        if row is None or row[0] != version:
            with db:
                db.execute("DELETE FROM entries")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (version,))
        return db
    except sqlite3.DatabaseError as exc:
        if not retry or getattr(exc, "sqlite_errorcode", None) not in DAMAGED:
            return None  # locked by another build for too long, or damaged beyond a restart
        for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)  # a damaged cache is thrown away and started again
        return _open(path, version, retry=False)
    except (OSError, sqlite3.Error):
        return None  # an unwritable folder: build without a cache
