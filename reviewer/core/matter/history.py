"""The matter's history: the list of operations (label, who, machine, when and the typed
changes of each) and undo / redo of any of them.

Undo applies an operation's audit snapshots backwards and redo forwards, each as a new
operation (``kind`` undo / redo, ``undoes`` = the original), so the stacks can be rebuilt
from the log at any time — by the app, the CLI or a test. An operation that changed a
document's text (a re-cut, a delete) also brings the search index back in step.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

import sqlite_utils.db

from reviewer.core.errors import ClaimError
from reviewer.core.matter.audit import CONTENT, Recorder, key_of
from reviewer.core.matter.store import Matter
from reviewer.core.records import Changes

_SHOWN = 120  # characters of a long value shown in a change (texts, word boxes)


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation as ``reviewer history`` lists it."""

    op_id: int
    label: str
    user: str
    machine: str | None
    at: str
    kind: str  # do | undo | redo
    undoes: int | None
    changes: tuple[dict[str, Any], ...]

    def as_json(self) -> dict[str, object]:
        return {
            "op_id": self.op_id, "label": self.label, "user": self.user,
            "machine": self.machine, "at": self.at, "kind": self.kind, "undoes": self.undoes,
            "changes": list(self.changes),
            # the names the audit log used before operations had rows of their own
            "batch": self.op_id, "who": self.user, "action": self.label,
        }  # fmt: skip


def _short(value: Any) -> Any:
    if isinstance(value, str) and len(value) > _SHOWN:
        return value[:_SHOWN] + "…"
    return value


def _change(tbl: str, row_id: int, before: str | None, after: str | None, summary: str) -> dict:
    """One typed change: table, row, insert/update/delete, and the values that changed."""
    old = None if before is None else json.loads(before)
    new = None if after is None else json.loads(after)
    state = new if new is not None else old
    key = key_of(tbl, state) if state else row_id
    out: dict[str, Any] = {
        "table": tbl,
        "id": list(key) if isinstance(key, tuple) else key,
        "change": "insert" if old is None else "delete" if new is None else "update",
        "summary": summary,
    }
    if old is not None and new is not None:
        out["fields"] = {
            k: [_short(old.get(k)), _short(v)] for k, v in new.items() if old.get(k) != v
        }
    else:
        out["row"] = {k: _short(v) for k, v in (state or {}).items()}
    return out


def operations(matter: Matter, limit: int | None = 50) -> list[Operation]:
    """The latest operations, newest first, each with its changes in the order made."""
    ops = matter.db.execute(
        "SELECT id, label, who, machine, at, kind, undoes FROM operations ORDER BY id DESC LIMIT ?",
        [-1 if limit is None else limit],
    ).fetchall()
    if not ops:
        return []
    rows = matter.db.execute(
        "SELECT batch, tbl, row_id, before, after, summary FROM audit WHERE batch >= ? "
        "AND batch <= ? ORDER BY id",
        [ops[-1][0], ops[0][0]],
    ).fetchall()
    by_op: dict[int, list[dict[str, Any]]] = {}
    for batch, *row in rows:
        by_op.setdefault(batch, []).append(_change(*row))
    return [
        Operation(op_id, label, who, machine, at, kind, undoes, tuple(by_op.get(op_id, [])))
        for op_id, label, who, machine, at, kind, undoes in ops
    ]


def stacks(matter: Matter) -> tuple[list[int], list[int]]:
    """The undo stack and the redo stack (original operation ids, top last)."""
    undo_: list[int] = []
    redo_: list[int] = []
    rows = matter.db.execute("SELECT id, kind, undoes FROM operations ORDER BY id").fetchall()
    for op_id, kind, undoes in rows:
        if kind == "do":
            undo_.append(op_id)
            redo_.clear()
        elif kind == "undo" and undo_ and undo_[-1] == undoes:
            redo_.append(undo_.pop())
        elif kind == "redo" and redo_ and redo_[-1] == undoes:
            undo_.append(redo_.pop())
    return undo_, redo_


def next_labels(matter: Matter) -> tuple[str | None, str | None]:
    """The labels of what Undo and Redo would do now (None: nothing), for Edit ▸ Undo …"""
    undo_, redo_ = stacks(matter)
    return (
        label_of(matter, undo_[-1]) if undo_ else None,
        label_of(matter, redo_[-1]) if redo_ else None,
    )


def touches_content(matter: Matter, kind: str) -> bool:
    """Whether the next ``undo`` / ``redo`` changes a document's text, pages or paragraphs
    (a delete, a re-cut, a kind or caption change): those bring the search index back in
    step too, seconds for a long document, so the app runs them in the background."""
    undo_, redo_ = stacks(matter)
    stack = undo_ if kind == "undo" else redo_
    if not stack:
        return False
    marks = ",".join("?" * len(CONTENT))
    row = matter.db.execute(
        f"SELECT 1 FROM audit WHERE batch = ? AND tbl IN ({marks}) LIMIT 1", [stack[-1], *CONTENT]
    ).fetchone()
    return row is not None


def label_of(matter: Matter, op_id: int) -> str:
    row = matter.db.execute("SELECT label FROM operations WHERE id = ?", [op_id]).fetchone()
    return "" if row is None else str(row[0])


def _apply(rec: Recorder, rows: list[Any], kind: str) -> None:
    # A document's paragraphs are unique by seq: park every paragraph of the documents the
    # operation renumbers at -seq - 1 first, so restoring them one by one never collides;
    # rows the operation did not write are un-parked at the end (the same map, reversed).
    docs = sorted({json.loads(r[2] or r[3])["doc_id"] for r in rows if r[0] == "paragraphs"})
    marks = ",".join("?" * len(docs))
    if docs:
        rec.db.execute(f"UPDATE paragraphs SET seq = -seq - 1 WHERE doc_id IN ({marks})", docs)
    for tbl, _, before, after, summary in rows:
        old, new = (after, before) if kind == "undo" else (before, after)
        target = None if new is None else json.loads(new)
        current = json.loads(old) if old is not None else None
        if current is None:
            rec.insert(tbl, target, summary)  # type: ignore[arg-type]
        elif target is None:
            parked = current if tbl == "paragraphs" else None  # as it was before parking
            rec.delete(tbl, key_of(tbl, current), summary, before=parked)
        else:
            prior = rec.row(tbl, key_of(tbl, current))
            if tbl == "paragraphs" and prior is not None:
                prior["seq"] = current["seq"]  # as it was before it was parked
            rec.update(tbl, key_of(tbl, current), target, summary, before=prior)
    if docs:
        rec.db.execute(
            f"UPDATE paragraphs SET seq = -seq - 1 WHERE doc_id IN ({marks}) AND seq < 0", docs
        )


def _replay(matter: Matter, op_id: int, kind: str) -> Changes:
    rows = matter.db.execute(
        "SELECT tbl, row_id, before, after, summary FROM audit WHERE batch = ? "
        f"ORDER BY id {'DESC' if kind == 'undo' else 'ASC'}",
        [op_id],
    ).fetchall()
    label = label_of(matter, op_id)
    verb = "Undo" if kind == "undo" else "Redo"
    rec = Recorder(matter, f"{verb}: {label}", kind, op_id)
    content = {r[0] for r in rows} & set(CONTENT)
    updater = _index(matter) if content else None
    try:
        with matter.db.atomic():
            _apply(rec, rows, kind)
            _relink_exhibits(matter, rows)
            if content:
                matter.touch_content()
    except (sqlite3.IntegrityError, sqlite_utils.db.NotFoundError):
        if updater is not None:
            updater.close()
        raise ClaimError(
            f"Cannot {kind} '{label}': a document or paragraph it touched was deleted or "
            "changed since."
        ) from None
    changes = rec.changes()
    if updater is not None:
        _reindex(matter, updater, changes.content)
    return changes


def _relink_exhibits(matter: Matter, rows: list[Any]) -> None:
    """Issue 18: citation links follow exhibits and paragraphs undone or redone."""
    from reviewer.core.exhibits.citations import relink_touched  # exhibits import audit

    relink_touched(matter, rows)


def _index(matter: Matter) -> Any:
    from reviewer.core.search import IndexUpdater

    return IndexUpdater(matter)


def _reindex(matter: Matter, updater: Any, doc_ids: frozenset[int]) -> None:
    """Bring the search index in step with documents whose text changed."""
    try:
        for doc_id in sorted(doc_ids):
            updater.remove(doc_id)
            if matter.db.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone():
                updater.add(doc_id)
    finally:
        updater.close()


def undo(matter: Matter) -> Changes:
    """Reverse the latest operation not yet undone, whatever kind it was."""
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
