"""The Matter: one folder holding the SQLite database (the truth), the search index (a cache)
and content-addressed copies of imported files. Every core function takes a Matter first."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from pathlib import Path
from typing import IO

from sqlite_utils import Database

from reviewer.core import schema
from reviewer.core.errors import MatterError, MatterLockedError

DB_NAME = "matter.sqlite"
LOCK_NAME = "matter.lock"
FILES_DIR = "files"
INDEX_DIR = "index"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Matter:
    """An open matter. Writers hold an exclusive lock for the life of the handle."""

    def __init__(self, path: Path, *, readonly: bool, locked: bool = False) -> None:
        self.path = path
        self.readonly = readonly
        self._lock_file: IO[bytes] | None = None
        if not readonly and not locked:
            self._lock_file = _acquire_lock(path)
        conn = sqlite3.connect(path / DB_NAME, check_same_thread=False, timeout=10)
        self.db = Database(conn)
        self.db.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            self.db.execute("PRAGMA journal_mode = WAL")
            schema.migrations.apply(self.db)
        elif schema.migrations.pending(self.db):
            raise MatterError(
                f"{path}: this matter was made by an older version of reviewer; "
                "open it once for writing to upgrade it."
            )

    # -- lifecycle ---------------------------------------------------------------------------
    @classmethod
    def create(cls, path: str | Path, name: str | None = None) -> Matter:
        p = Path(path)
        if (p / DB_NAME).exists():
            raise MatterError(f"{p}: a matter already exists here.")
        if p.exists() and not p.is_dir():
            raise MatterError(f"{p}: is a file, not a matter folder.")
        p.mkdir(parents=True, exist_ok=True)
        (p / FILES_DIR).mkdir(exist_ok=True)
        matter = cls(p, readonly=False)
        with matter.db.atomic():
            matter.set_meta("name", name or p.stem)
            matter.set_meta("created", _now())
        return matter

    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False) -> Matter:
        p = Path(path)
        if not (p / DB_NAME).is_file():
            raise MatterError(f"{p}: not a matter (no {DB_NAME}). Create one with 'reviewer init'.")
        return cls(p, readonly=readonly)

    def clone(self) -> Matter:
        """Another handle on this matter with its own connection, for another thread (a GUI
        worker). It shares this handle's write lock: close it before closing this one."""
        return Matter(self.path, readonly=self.readonly, locked=True)

    def close(self) -> None:
        self.db.conn.close()
        if self._lock_file is not None:
            self._lock_file.close()
            self._lock_file = None

    def __enter__(self) -> Matter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- small helpers -----------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.get_meta("name") or self.path.stem

    @property
    def files_dir(self) -> Path:
        return self.path / FILES_DIR

    @property
    def index_dir(self) -> Path:
        return self.path / INDEX_DIR

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM matter_meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db["matter_meta"].upsert({"key": key, "value": value}, pk="key")

    def touch_content(self) -> None:
        """Record that documents changed (call inside the writing transaction): the search
        index compares this counter with the one it was built at."""
        self.set_meta("content_version", str(int(self.get_meta("content_version") or 0) + 1))

    def require_writable(self) -> None:
        if self.readonly:
            raise MatterError(f"{self.path}: opened read-only.")


def _acquire_lock(path: Path) -> IO[bytes]:
    """Take the matter's exclusive write lock without waiting, or raise MatterLockedError."""
    f = open(path / LOCK_NAME, "a+b")  # noqa: SIM115 - held open for the Matter's life
    try:
        if os.name == "nt":  # pragma: no cover - Windows
            import msvcrt

            f.seek(0)
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        f.close()
        raise MatterLockedError(path) from None
    with contextlib.suppress(OSError):
        f.truncate(0)
        f.write(str(os.getpid()).encode())
        f.flush()
    return f
