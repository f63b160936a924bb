"""The append-only audit log of tagging and claim changes, and undo/redo built on it.

Every claim, element, count-mapping and tag write goes through a ``Recorder``, which snapshots
the row before and after and appends one audit row, in the caller's transaction. One user
operation (a bulk tag, adding a claim with its elements) is one ``batch``. Undo applies a
batch's snapshots backwards and redo forwards, each as a new batch (``kind`` undo / redo,
``undoes`` = the original batch), so the log itself is never rewritten and the undo and redo
stacks can be rebuilt from it at any time — by the app, the CLI or a test.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import sqlite3
from typing import Any

import sqlite_utils.db

from reviewer.core.errors import ClaimError
from reviewer.core.matter import Matter
from reviewer.core.records import Changes

AUDITED = (
    "claims", "elements", "count_claims", "tags", "suggestion_rejects", "privilege", "people",
    "redactions",
)  # fmt: skip


def current_user() -> str:
    """Who is working: ``REVIEWER_USER`` if set, else the login name."""
    try:
        return os.environ.get("REVIEWER_USER") or getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers)
        return "unknown"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Recorder:
    """Writes audited rows for one batch; use inside ``matter.db.atomic()``."""

    def __init__(
        self, matter: Matter, action: str, kind: str = "do", undoes: int | None = None
    ) -> None:
        matter.require_writable()
        self.matter = matter
        self.db = matter.db
        self.action, self.kind, self.undoes = action, kind, undoes
        self.who, self.at = current_user(), _now()
        last = self.db.execute("SELECT max(batch) FROM audit").fetchone()[0]
        self.batch = (last or 0) + 1
        self._touched: list[tuple[str, dict[str, Any] | None, dict[str, Any] | None]] = []

    def _row(self, tbl: str, row_id: int) -> dict[str, Any] | None:
        cur = self.db.execute(f"SELECT * FROM {tbl} WHERE id = ?", [row_id])
        row = cur.fetchone()
        return None if row is None else dict(zip([d[0] for d in cur.description], row, strict=True))

    def _log(self, tbl: str, row_id: int, before: Any, after: Any, summary: str) -> None:
        self.db["audit"].insert(
            {
                "batch": self.batch, "at": self.at, "who": self.who, "action": self.action,
                "kind": self.kind, "undoes": self.undoes, "tbl": tbl, "row_id": row_id,
                "before": None if before is None else json.dumps(before),
                "after": None if after is None else json.dumps(after), "summary": summary,
            }
        )  # fmt: skip
        self._touched.append((tbl, before, after))

    def insert(self, tbl: str, values: dict[str, Any], summary: str = "") -> int:
        row_id = int(self.db[tbl].insert(values).last_pk)
        self._log(tbl, row_id, None, self._row(tbl, row_id), summary)
        return row_id

    def update(self, tbl: str, row_id: int, values: dict[str, Any], summary: str = "") -> None:
        before = self._row(tbl, row_id)
        self.db[tbl].update(row_id, values)
        self._log(tbl, row_id, before, self._row(tbl, row_id), summary)

    def delete(self, tbl: str, row_id: int, summary: str = "") -> None:
        before = self._row(tbl, row_id)
        if before is None:  # gone with its document (deletes cascade)
            raise sqlite_utils.db.NotFoundError(f"{tbl} {row_id}")
        self.db[tbl].delete(row_id)
        self._log(tbl, row_id, before, None, summary)

    def changes(self) -> Changes:
        """What the batch touched, for views to refresh."""
        sets: dict[str, set[Any]] = {
            k: set() for k in ("tags", "paras", "els", "claims", "cnt", "docs", "people")
        }
        for tbl, *states in self._touched:
            for row in filter(None, states):
                if tbl == "tags":
                    sets["tags"].add(row["id"])
                    sets["els"].add(row["element_id"])
                    if row["para_id"] is not None:
                        sets["paras"].add(row["para_id"])
                elif tbl == "elements":
                    sets["els"].add(row["id"])
                    sets["claims"].add(row["claim_id"])
                elif tbl == "claims":
                    sets["claims"].add(row["id"])
                elif tbl == "count_claims":
                    sets["cnt"].add((row["doc_id"], row["count"]))
                    sets["claims"].add(row["claim_id"])
                elif tbl in ("privilege", "redactions"):
                    sets["docs"].add(row["doc_id"])
                elif tbl == "people":
                    sets["people"].add(row["id"])
                elif tbl == "suggestion_rejects":
                    sets["els"].add(row["element_id"])
                    sets["paras"].add(row["para_id"])
        return Changes(
            frozenset(sets["tags"]), frozenset(sets["paras"]), frozenset(sets["els"]),
            frozenset(sets["claims"]), frozenset(sets["cnt"]),
            self.batch if self._touched else None, frozenset(sets["docs"]), bool(sets["people"]),
        )  # fmt: skip


def stacks(matter: Matter) -> tuple[list[int], list[int]]:
    """The undo stack and the redo stack (original batch ids, top last), replayed from the log."""
    undo: list[int] = []
    redo: list[int] = []
    rows = matter.db.execute(
        "SELECT batch, min(kind), min(undoes) FROM audit GROUP BY batch ORDER BY batch"
    ).fetchall()
    for batch, kind, undoes in rows:
        if kind == "do":
            undo.append(batch)
            redo.clear()
        elif kind == "undo" and undo and undo[-1] == undoes:
            redo.append(undo.pop())
        elif kind == "redo" and redo and redo[-1] == undoes:
            undo.append(redo.pop())
    return undo, redo


def _replay(matter: Matter, batch: int, kind: str) -> Changes:
    rows = matter.db.execute(
        "SELECT tbl, row_id, before, after, action, summary FROM audit WHERE batch = ? "
        f"ORDER BY id {'DESC' if kind == 'undo' else 'ASC'}",
        [batch],
    ).fetchall()
    rec = Recorder(matter, rows[0][4], kind, batch)
    docs = sorted({r[1] for r in rows if r[0] == "documents"})  # a kind or caption change
    try:
        with _reindexing(matter, docs), matter.db.atomic():
            for tbl, row_id, before, after, _, summary in rows:
                old, new = (after, before) if kind == "undo" else (before, after)
                target = None if new is None else json.loads(new)
                if old is None:
                    rec.insert(tbl, target, summary)
                elif target is None:
                    rec.delete(tbl, row_id, summary)
                else:
                    rec.update(tbl, row_id, target, summary)
    except (sqlite3.IntegrityError, sqlite_utils.db.NotFoundError):
        raise ClaimError(
            f"Cannot {kind} '{rows[0][4]}': a document or paragraph it touched was deleted since."
        ) from None
    changes = rec.changes()
    return changes | Changes(documents=frozenset(docs)) if docs else changes


def _reindexing(matter: Matter, doc_ids: list[int]) -> contextlib.AbstractContextManager[None]:
    """The search index follows documents' rows put back by undo or redo."""
    if not doc_ids:
        return contextlib.nullcontext()
    from reviewer.core.documents import reindexing  # documents imports this module

    return reindexing(matter, doc_ids)


def undo(matter: Matter) -> Changes:
    """Reverse the latest operation not yet undone."""
    stack, _ = stacks(matter)
    if not stack:
        raise ClaimError("Nothing to undo.")
    return _replay(matter, stack[-1], "undo")


def redo(matter: Matter) -> Changes:
    """Replay the latest undone operation (until a new operation clears the redo stack)."""
    _, stack = stacks(matter)
    if not stack:
        raise ClaimError("Nothing to redo.")
    return _replay(matter, stack[-1], "redo")


def history(matter: Matter, limit: int = 50) -> list[dict[str, Any]]:
    """The latest audit rows, newest first, for display."""
    cur = matter.db.execute(
        "SELECT id, batch, at, who, action, kind, undoes, tbl, row_id, summary FROM audit "
        "ORDER BY id DESC LIMIT ?",
        [limit],
    )
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
