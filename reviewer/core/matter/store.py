"""The Matter: one folder holding the SQLite database (the truth), the search index (a cache)
and content-addressed copies of imported files. Every core function takes a Matter first."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from reviewer.core.errors import MatterError, MatterLockedError
from reviewer.core.matter import opening, schema

DB_NAME = "matter.sqlite"
LOCK_NAME = opening.LOCK_NAME
FILES_DIR = "files"
INDEX_DIR = "index"

# The raw connection type, for the few readers outside this package that are handed one.
Connection = sqlite3.Connection


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class _Database(Database):
    """sqlite-utils' Database whose outer transactions begin IMMEDIATE: a write transaction
    takes SQLite's write lock when it starts, waiting (busy timeout) while another process
    writes, instead of failing half-way when it turns from reading to writing."""

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise


class Matter:
    """An open matter. Any number of handles, in any number of processes, may write side by
    side (WAL, short IMMEDIATE transactions, a busy timeout); each holds the open lock shared,
    so that only a migration or a crash clean-up, which need the matter alone, can exclude
    them. ``readonly`` handles open SQLite ``mode=ro``: they cannot write."""

    def __init__(
        self, path: Path, *, readonly: bool, locked: bool = False, fallback: bool = False
    ) -> None:
        """``locked``: a clone in this process (no lock of its own). ``fallback``: a folder
        that cannot be written is opened read-only (``readonly_reason`` says so) instead of
        refused."""
        self.path = path
        self.readonly = readonly
        self.readonly_reason: str | None = "opened read-only" if readonly else None
        self.cleaned: list[Path] = []
        writable_folder = opening.folder_writable(path)
        if not writable_folder:
            if not readonly and not fallback:
                raise MatterError(
                    f"{path}: the matter folder is read-only, so nothing can be changed. Copy "
                    "the folder somewhere you may write, or use a command that only reads."
                )
            self.readonly, self.readonly_reason = True, "the matter folder is read-only"
        self._lock = None if locked or not writable_folder else opening.OpenLock(path)
        try:
            self._open(immutable=not writable_folder, first=not locked)
        except BaseException:
            self.close()
            raise

    def _open(self, *, immutable: bool, first: bool) -> None:
        # Readers never clean up or migrate: only a writer tries for the matter alone.
        alone = self._lock.try_exclusive() if self._lock and not self.readonly else False
        if self._lock is not None and not alone and not self._lock.shared():
            raise MatterLockedError(self.path)  # another process migrates it: a rare wait
        db_file = self.path / DB_NAME
        conn = opening.connect(db_file, readonly=self.readonly, immutable=immutable)
        self.db = _Database(conn)
        if first and not self.readonly:  # 0.3 s at 100,000 paragraphs: writers only; a
            opening.check_integrity(conn, self.path)  # reader meets damage as a sentence too
        self.db.execute("PRAGMA foreign_keys = ON")
        version = opening.stored_version(conn, self.path)
        pending = schema.migrations.pending(self.db)
        if pending and self.readonly:
            raise MatterError(
                f"{self.path}: this matter was made by an older version of reviewer; "
                "open it once for writing to upgrade it."
            )
        if not pending and version != opening.schema_version() and not self.readonly:
            self.db.execute(f"PRAGMA user_version = {opening.schema_version()}")  # a matter
            # from before user_version was kept: nothing to migrate, so no need to be alone
        elif pending and not self.readonly:
            if not alone:
                raise MatterError(
                    f"{self.path}: this matter must be upgraded to this version of reviewer, "
                    "which needs it alone: close it in other windows, then try again."
                )
            opening.migrate(self.db, db_file, self.path)
        if alone:
            self.cleaned = opening.clean_strays(self.path)
            self._lock.shared()  # type: ignore[union-attr]

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
    def open(cls, path: str | Path, *, readonly: bool = False, fallback: bool = False) -> Matter:
        p = Path(path)
        if not (p / DB_NAME).is_file():
            raise MatterError(f"{p}: not a matter (no {DB_NAME}). Create one with 'reviewer init'.")
        return cls(p, readonly=readonly, fallback=fallback)

    def clone(self) -> Matter:
        """Another handle on this matter with its own connection, for another thread (a GUI
        worker). It relies on this handle's open lock: close it before closing this one."""
        clone = Matter(self.path, readonly=self.readonly, locked=True, fallback=True)
        clone.readonly_reason = self.readonly_reason
        return clone

    def close(self) -> None:
        db = getattr(self, "db", None)
        if db is not None:
            db.conn.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Matter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def data_version(self) -> int:
        """SQLite's ``data_version``: changes when another connection (another process, a
        worker thread, a second window) commits. The app polls it to show their changes."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def scratch(self, target: Path) -> contextlib.AbstractContextManager[Path]:
        """Register a temporary path outside the matter: removed on the next open if this
        process dies before it is renamed into place (``opening.scratch``)."""
        return opening.scratch(self.path, target)

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
        self.db.table("matter_meta").upsert({"key": key, "value": value}, pk="key")

    def touch_content(self) -> None:
        """Record that documents changed (call inside the writing transaction): the search
        index compares this counter with the one it was built at."""
        self.set_meta("content_version", str(int(self.get_meta("content_version") or 0) + 1))

    def require_writable(self) -> None:
        if self.readonly:
            raise MatterError(f"{self.path}: {self.readonly_reason or 'opened read-only'}; "
                              "nothing can be changed here.")  # fmt: skip


def snapshot(matter: Matter, dest: Path) -> Connection:
    """A consistent copy of the matter's database at ``dest`` (SQLite's online backup: other
    writers wait, nothing is half-copied), open for the caller to cut down and close."""
    dst = sqlite3.connect(dest)
    try:
        matter.db.conn.backup(dst)
    except BaseException:
        dst.close()
        raise
    return dst
