"""Operations: every edit a user makes is one call, one transaction, one audit entry.

``operation(matter, "Tag ¶¶ 5-7 with Knowingly benefited")`` opens the transaction and
yields a ``Recorder``; each row it inserts, updates or deletes is snapshotted before and after
into the append-only ``audit`` table, and the first write allocates the operation's row in
``operations`` (label, who, which machine, when) whose id is the audit ``batch``. The
recorder's ``changes()`` says what the operation touched, for views to refresh. Undo and redo
(``history``) replay a batch's snapshots backwards or forwards as new operations, so the log
itself is never rewritten.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import platform
from collections.abc import Iterator
from typing import Any

import sqlite_utils.db

from reviewer.core.matter.store import Matter
from reviewer.core.records import Changes

AUDITED = (
    "claims", "elements", "count_claims", "tags", "suggestion_rejects", "privilege", "people",
    "redactions", "documents", "pages", "paragraphs", "orphans", "production_sets",
    "production_docs", "production_pages",
    "exhibits", "exhibit_numbers",  # issue 18
)  # fmt: skip
# Tables whose rows are not keyed by an ``id`` column.
PKS: dict[str, tuple[str, ...]] = {"pages": ("doc_id", "pno"), "matter_meta": ("key",)}
# Tables whose rows say what a document is (its text, paragraphs, kind): a change to them
# changes what search finds.
CONTENT = ("documents", "pages", "paragraphs")
Key = int | str | tuple[Any, ...]


def current_user() -> str:
    """Who is working: ``REVIEWER_USER`` if set, else the login name."""
    try:
        return os.environ.get("REVIEWER_USER") or getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers)
        return "unknown"


def current_machine() -> str:
    """Which machine the work was done on (its host name)."""
    return os.environ.get("REVIEWER_MACHINE") or platform.node() or "unknown"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def key_of(tbl: str, row: dict[str, Any]) -> Key:
    """A row's primary key, from a snapshot of it."""
    cols = PKS.get(tbl, ("id",))
    return row[cols[0]] if len(cols) == 1 else tuple(row[c] for c in cols)


def _row_id(key: Key) -> int:
    """The audit row's ``row_id``: the key, or its last part (a page's number); 0 for a
    text key (a setting), which the snapshots carry anyway."""
    last = key[-1] if isinstance(key, tuple) else key
    return last if isinstance(last, int) else 0


def _where(tbl: str, key: Key) -> tuple[str, list[Any]]:
    cols = PKS.get(tbl, ("id",))
    values = list(key) if isinstance(key, tuple) else [key]
    return " AND ".join(f"{c} = ?" for c in cols), values


class Recorder:
    """Writes audited rows for one operation; use inside ``matter.db.atomic()`` (or use
    ``operation``, which opens it)."""

    def __init__(
        self, matter: Matter, action: str, kind: str = "do", undoes: int | None = None
    ) -> None:
        matter.require_writable()
        self.matter = matter
        self.db = matter.db
        self.action, self.kind, self.undoes = action, kind, undoes
        self.who, self.at, self.machine = current_user(), _now(), current_machine()
        self.batch: int | None = None  # allocated by the first write, inside the transaction
        self._touched: list[tuple[str, dict[str, Any] | None, dict[str, Any] | None]] = []

    @property
    def label(self) -> str:
        return self.action

    def _open(self) -> int:
        if self.batch is None:
            self.batch = int(
                self.db.table("operations").insert({
                    "label": self.action, "who": self.who, "machine": self.machine,
                    "at": self.at, "kind": self.kind, "undoes": self.undoes,
                }).last_pk or 0
            )  # fmt: skip
        return self.batch

    def row(self, tbl: str, key: Key) -> dict[str, Any] | None:
        """The row as it is now (None when there is none)."""
        where, args = _where(tbl, key)
        cur = self.db.execute(f"SELECT * FROM {tbl} WHERE {where}", args)
        found = cur.fetchone()
        if found is None:
            return None
        return dict(zip([d[0] for d in cur.description], found, strict=True))

    def _log(self, tbl: str, before: Any, after: Any, summary: str) -> None:
        state = after if after is not None else before
        key = key_of(tbl, state)
        self.db.table("audit").insert(
            {
                "batch": self._open(), "at": self.at, "who": self.who, "action": self.action,
                "kind": self.kind, "undoes": self.undoes, "tbl": tbl,
                "row_id": _row_id(key),
                "before": None if before is None else json.dumps(before),
                "after": None if after is None else json.dumps(after), "summary": summary,
                "machine": self.machine,
            }
        )  # fmt: skip
        self._touched.append((tbl, before, after))

    def insert(self, tbl: str, values: dict[str, Any], summary: str = "") -> int:
        last = self.db.table(tbl).insert(values).last_rowid
        cur = self.db.execute(f"SELECT * FROM {tbl} WHERE rowid = ?", [last])
        row = dict(zip([d[0] for d in cur.description], cur.fetchone(), strict=True))
        self._log(tbl, None, row, summary)
        key = key_of(tbl, row)
        return key if isinstance(key, int) else int(last or 0)

    def update(
        self, tbl: str, key: Key, values: dict[str, Any], summary: str = "",
        before: dict[str, Any] | None = None,
    ) -> None:  # fmt: skip
        """Update one row. ``before``: its state as the operation found it, when the caller
        already moved it aside (e.g. paragraphs parked at negative ``seq``)."""
        before = before or self.row(tbl, key)
        if before is None:
            raise sqlite_utils.db.NotFoundError(f"{tbl} {key}")
        where, args = _where(tbl, key)
        cols = ", ".join(f"[{c}] = ?" for c in values)
        self.db.execute(f"UPDATE {tbl} SET {cols} WHERE {where}", [*values.values(), *args])
        after = self.row(tbl, key)
        if after != before:
            self._log(tbl, before, after, summary)

    def delete(
        self, tbl: str, key: Key, summary: str = "", before: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """Delete one row; returns it as it was (``before``: as the operation found it)."""
        before = before or self.row(tbl, key)
        if before is None:
            raise sqlite_utils.db.NotFoundError(f"{tbl} {key}")
        where, args = _where(tbl, key)
        self.db.execute(f"DELETE FROM {tbl} WHERE {where}", args)
        self._log(tbl, before, None, summary)
        return before

    def changes(self) -> Changes:
        """What the operation touched, for views to refresh."""
        sets: dict[str, set[Any]] = {
            k: set()
            for k in ("tags", "paras", "els", "claims", "cnt", "docs", "people", "content",
                      "orphans")
        }  # fmt: skip
        for tbl, *states in self._touched:
            for row in filter(None, states):
                _collect(sets, tbl, row)
        return Changes(
            frozenset(sets["tags"]), frozenset(sets["paras"]), frozenset(sets["els"]),
            frozenset(sets["claims"]), frozenset(sets["cnt"]),
            self.batch if self._touched else None, frozenset(sets["docs"]), bool(sets["people"]),
            content=frozenset(sets["content"]), orphans=frozenset(sets["orphans"]),
            label=self.action if self._touched else "",
        )  # fmt: skip


def _collect(sets: dict[str, set[Any]], tbl: str, row: dict[str, Any]) -> None:
    """Add what one changed row means to the sets ``Recorder.changes`` builds."""
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
    elif tbl in ("privilege", "redactions", "production_docs", "production_pages"):
        sets["docs"].add(row["doc_id"])
    elif tbl == "people":
        sets["people"].add(row["id"])
    elif tbl == "suggestion_rejects":
        sets["els"].add(row["element_id"])
        sets["paras"].add(row["para_id"])
    elif tbl == "orphans":
        sets["orphans"].add(row["id"])
        sets["docs"].add(row["doc_id"])
    elif tbl in CONTENT:
        sets["content"].add(row["id"] if tbl == "documents" else row["doc_id"])
        if tbl == "paragraphs":
            sets["paras"].add(row["id"])


@contextlib.contextmanager
def operation(matter: Matter, label: str) -> Iterator[Recorder]:
    """One user operation: one transaction and one audit entry labelled ``label`` (written
    only if something changed). ``with operation(m, "…") as op: …; return op.changes()``."""
    rec = Recorder(matter, label)
    with matter.db.atomic():
        yield rec


def undo(matter: Matter) -> Changes:
    """Reverse the latest operation not yet undone (see ``history.undo``)."""
    from reviewer.core.matter import history

    return history.undo(matter)


def redo(matter: Matter) -> Changes:
    """Replay the latest undone operation (see ``history.redo``)."""
    from reviewer.core.matter import history

    return history.redo(matter)


def history(matter: Matter, limit: int = 50) -> list[dict[str, Any]]:
    """The latest operations, newest first (see ``history.operations``)."""
    from reviewer.core.matter import history as hist

    return [op.as_json() for op in hist.operations(matter, limit)]


def stacks(matter: Matter) -> tuple[list[int], list[int]]:
    """The undo and redo stacks (see ``history.stacks``)."""
    from reviewer.core.matter import history as hist

    return hist.stacks(matter)
