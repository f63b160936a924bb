"""What the start page says about a matter it lists: name, caption, documents and the last
change — read from the matter's database opened read-only, without taking any lock, so that
listing recent matters never blocks or alters one."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from reviewer.core.matter.store import DB_NAME

_CAPTION_KEYS = ("case_name", "court", "case_no")


@dataclass(frozen=True, slots=True)
class MatterSummary:
    path: Path
    name: str
    caption: str  # e.g. "Doe v. Streamline Social, Inc. · N.D. Cal. · 3:25-cv-01234"
    documents: int
    last_change: str | None  # ISO time of the last audited change or import
    problem: str | None = None  # why it cannot be opened (moved, deleted, not a matter)


def _query(db: sqlite3.Connection, sql: str) -> object:
    try:
        row = db.execute(sql).fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _caption(db: sqlite3.Connection) -> str:
    try:
        meta = dict(db.execute("SELECT key, value FROM matter_meta").fetchall())
    except sqlite3.Error:
        return ""
    parts = [str(meta[k]) for k in _CAPTION_KEYS if meta.get(k)]
    if not parts:  # no caption recorded yet: the first complaint's case number
        case_no = _query(
            db,
            "SELECT case_no FROM documents WHERE case_no IS NOT NULL "
            "ORDER BY kind != 'complaint', id LIMIT 1",
        )
        parts = [str(case_no)] if case_no else []
    return " · ".join(parts)


def summarize(path: str | Path) -> MatterSummary:
    """The start page's line for one matter; never raises."""
    p = Path(path)
    db_file = p / DB_NAME
    if not db_file.is_file():
        return MatterSummary(p, p.stem, "", 0, None, "not found (moved or deleted?)")
    try:
        db = sqlite3.connect(f"{db_file.resolve().as_uri()}?mode=ro", uri=True, timeout=0.2)
    except sqlite3.Error as exc:
        return MatterSummary(p, p.stem, "", 0, None, f"cannot be read ({exc})")
    with closing(db):
        name = _query(db, "SELECT value FROM matter_meta WHERE key = 'name'") or p.stem
        docs = _query(db, "SELECT count(*) FROM documents") or 0
        last = _query(
            db,
            "SELECT max(at) FROM (SELECT max(at) AS at FROM audit "
            "UNION ALL SELECT max(imported_at) FROM documents)",
        )
        return MatterSummary(p, str(name), _caption(db), int(str(docs)), _local(last))


def _local(iso: object) -> str | None:
    """An ISO time as the user's local ``2026-12-03 09:14``."""
    if not iso:
        return None
    try:
        when = dt.datetime.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    if when.tzinfo is not None:
        when = when.astimezone()
    return when.strftime("%Y-%m-%d %H:%M")
