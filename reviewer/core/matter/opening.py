"""What opening a matter checks and cleans, and the locks matters share between processes.

- The open lock (``matter.lock``): every handle holds it *shared* for its life, so the app,
  a second window and CLI commands write side by side (SQLite WAL and short transactions
  serialize their writes). Only work that needs the matter alone — a schema migration, and
  cleaning up after a crash — takes it *exclusively*, never by waiting.
- The schema version is SQLite's ``user_version``: a matter from a newer reviewer is refused;
  an older one is backed up beside itself, then migrated.
- ``PRAGMA quick_check`` on open: a damaged database is refused with a sentence.
- A crashed process leaves ``.part`` files, an ``index.new`` folder, or a scratch folder
  outside the matter (a production export): the next process to open the matter alone
  removes them (``scratch`` registers the outside ones).
- The index lock (``search.lock``) serializes search-index writes across processes.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
import sys
import time
import uuid
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import IO

from sqlite_utils import Database

from reviewer.core.errors import MatterDamagedError, MatterError, MatterTooNewError
from reviewer.core.matter import schema

log = logging.getLogger("reviewer")

LOCK_NAME = "matter.lock"
INDEX_LOCK_NAME = "search.lock"
SCRATCH_DIR = ".scratch"
BUSY_TIMEOUT_S = 15.0


@cache
def schema_version() -> int:
    """This program's schema version: the number of migrations it knows."""
    return len(schema.migrations.pending(Database(memory=True)))


def folder_writable(path: Path) -> bool:
    """True when a file can be created in ``path`` (probed: root ignores permission bits, and
    a read-only mount shows only on writing)."""
    probe = path / f".probe-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    try:
        probe.touch()
    except OSError:
        return False
    with contextlib.suppress(OSError):
        probe.unlink()
    return True


def connect(db_file: Path, *, readonly: bool, immutable: bool = False) -> sqlite3.Connection:
    """A connection with the busy timeout; readers open the file ``mode=ro`` (they cannot
    write, even by mistake); a read-only folder is opened ``immutable`` (no -shm can be made)."""
    try:
        return _connect(db_file, readonly=readonly, immutable=immutable)
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise MatterDamagedError(db_file.parent, str(exc)) from None
        raise


def _connect(db_file: Path, *, readonly: bool, immutable: bool) -> sqlite3.Connection:
    if readonly:
        flags = "mode=ro&immutable=1" if immutable else "mode=ro"
        uri = f"{db_file.resolve().as_uri()}?{flags}"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_S)
    else:
        conn = sqlite3.connect(db_file, check_same_thread=False, timeout=BUSY_TIMEOUT_S)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")  # WAL: durable at checkpoints, never corrupt
    # Python's implicit transactions (before a bare INSERT/UPDATE) take the write lock at once,
    # so they wait out another writer (the busy timeout) instead of failing mid-transaction.
    conn.isolation_level = "IMMEDIATE"
    return conn


def check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a damaged database (``PRAGMA quick_check``) or a file that is not one."""
    try:
        rows = conn.execute("PRAGMA quick_check(3)").fetchall()
    except sqlite3.DatabaseError as exc:
        raise MatterDamagedError(path, str(exc)) from None
    problems = [r[0] for r in rows if r[0] != "ok"]
    if problems:
        raise MatterDamagedError(path, "; ".join(problems))


def stored_version(conn: sqlite3.Connection, path: Path) -> int:
    """The matter's ``user_version``; a newer one than this program's is refused."""
    found = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if found > schema_version():
        raise MatterTooNewError(path, found, schema_version())
    return found


def backup(conn: sqlite3.Connection, db_file: Path, version: int) -> Path:
    """A consistent copy of the database beside it before a migration (SQLite's backup API,
    written to ``.part`` then renamed, so a crash leaves no half copy under the final name)."""
    dest = db_file.with_name(f"{db_file.name}.v{version}.bak")
    tmp = dest.with_name(dest.name + ".part")
    target = sqlite3.connect(tmp)
    try:
        conn.backup(target)
    finally:
        target.close()
    os.replace(tmp, dest)
    return dest


def migrate(db: Database, db_file: Path, path: Path) -> Path | None:
    """Apply pending migrations (backing an existing matter up first) and record the version.
    Returns the backup's path, if one was made. The caller holds the matter alone."""
    applied = schema.migrations.applied(db)
    copy = None
    if schema.migrations.pending(db):
        if applied:
            copy = backup(db.conn, db_file, int(db.execute("PRAGMA user_version").fetchone()[0]))
            log.info("%s: backed up to %s before upgrading it", path, copy)
        schema.migrations.apply(db)
    db.execute(f"PRAGMA user_version = {schema_version()}")
    return copy


class OpenLock:
    """The matter's open lock: shared for the life of a handle, exclusive to migrate or clean
    up. flock: the kernel drops it when a process dies, so a crash never leaves it held."""

    def __init__(self, path: Path, name: str = LOCK_NAME) -> None:
        self._file: IO[bytes] | None = open(path / name, "a+b")  # noqa: SIM115 - held open

    def _flock(self, exclusive: bool, wait: float) -> bool:
        assert self._file is not None
        deadline = time.monotonic() + wait
        while True:
            try:
                _lock(self._file, exclusive)
                return True
            except OSError:
                if time.monotonic() >= deadline:
                    return False
                time.sleep(0.05)

    def try_exclusive(self) -> bool:
        """Take the lock exclusively if no other handle has the matter open (no waiting)."""
        return self._flock(True, 0.0)

    def shared(self, wait: float = BUSY_TIMEOUT_S) -> bool:
        """Hold the lock shared (from exclusive: let others in again)."""
        return self._flock(False, wait)

    def exclusive(self, wait: float) -> bool:
        return self._flock(True, wait)

    def release(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def _lock(f: IO[bytes], exclusive: bool) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows: byte-range lock, exclusive
        import msvcrt

        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(f.fileno(), (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)


@contextlib.contextmanager
def index_lock(path: Path, wait: float = 600.0) -> Iterator[None]:
    """Hold the matter's search-index write lock (one index writer at a time, across
    processes); waits up to ``wait`` seconds for another process's writer to finish."""
    lock = OpenLock(path, INDEX_LOCK_NAME)
    try:
        if not lock.exclusive(wait):
            raise MatterError(
                f"{path}: another reviewer process has been writing the search index for "
                f"{wait:.0f} s; try again when it has finished."
            )
        yield
    finally:
        lock.release()


@contextlib.contextmanager
def scratch(matter_path: Path, target: Path) -> Iterator[Path]:
    """Register a temporary file or folder written outside the matter (e.g. a production
    export's ``.part`` folder), so that if this process dies the next open removes it."""
    folder = matter_path / SCRATCH_DIR
    entry = folder / f"{os.getpid()}-{uuid.uuid4().hex[:12]}"
    try:
        folder.mkdir(exist_ok=True)
        entry.write_text(str(target.resolve()), encoding="utf-8")
    except OSError:
        entry = None  # type: ignore[assignment]  # a read-only matter: nothing to register
    try:
        yield target
    finally:
        if entry is not None:
            with contextlib.suppress(OSError):
                entry.unlink()


def clean_scratch(path: Path, pid: int) -> None:
    """Remove what the (dead) process ``pid`` registered with ``scratch``."""
    for entry in (path / SCRATCH_DIR).glob(f"{pid}-*"):
        with contextlib.suppress(OSError, ValueError):
            target = Path(entry.read_text(encoding="utf-8").strip())
            if target.name.startswith(".") and ".part" in target.name and target.exists():
                shutil.rmtree(target) if target.is_dir() else target.unlink()
        with contextlib.suppress(OSError):
            entry.unlink()


def clean_strays(path: Path) -> list[Path]:
    """Remove what a crashed process left; call only while holding the matter alone."""
    found: list[Path] = []
    found += [p for p in (path / "files").rglob("*.part") if p.is_file()]
    found += [p for p in path.glob("*.part") if p.is_file()]
    index, new, old = path / "index", path / "index.new", path / "index.old"
    if old.is_dir() and not index.exists():
        old.rename(index)  # a reindex died between its two renames: the old index is whole
    found += [p for p in (new, old) if p.exists()]
    scratch_dir = path / SCRATCH_DIR
    entries = list(scratch_dir.glob("*")) if scratch_dir.is_dir() else []
    for entry in entries:
        with contextlib.suppress(OSError, ValueError):
            target = Path(entry.read_text(encoding="utf-8").strip())
            if target.name.startswith(".") and ".part" in target.name and target.exists():
                found.append(target)
        found.append(entry)
    for stray in found:
        with contextlib.suppress(OSError):
            shutil.rmtree(stray) if stray.is_dir() else stray.unlink()
    if found:
        log.info("%s: removed %d file(s) left by an interrupted run", path, len(found))
    return found
