"""Conflicts: where a package and the matter set the same thing differently. The matter
kept ``ours``; ``theirs`` waits here. Settling one is an ordinary operation (one undoable
step in the history): *take ours* closes it, *take theirs* writes the other value into the
matter — a field, or the whole row when one side had deleted it — and closes it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from reviewer.core.matter.audit import Recorder, key_of
from reviewer.core.matter.store import Matter
from reviewer.core.offline.keys import SPECS, Keys, Missing, next_entry_id
from reviewer.core.offline.package import OfflineError
from reviewer.core.records import Changes

TAKES = ("ours", "theirs")


@dataclass(frozen=True, slots=True)
class Conflict:
    """One disagreement, as ``reviewer conflicts`` lists it."""

    conflict_id: int
    batch_id: str
    to: str
    table: str
    what: str
    field: str
    ours: Any
    theirs: Any
    ours_from: str
    theirs_from: str
    status: str  # open | ours | theirs
    at: str
    resolved_by: str | None

    def as_json(self) -> dict[str, object]:
        return {
            "conflict_id": self.conflict_id, "batch_id": self.batch_id, "to": self.to,
            "table": self.table, "what": self.what, "field": self.field, "ours": self.ours,
            "theirs": self.theirs, "ours_from": self.ours_from,
            "theirs_from": self.theirs_from, "status": self.status, "at": self.at,
            "resolved_by": self.resolved_by,
        }  # fmt: skip


_SQL = (
    "SELECT c.id, c.batch_id, b.to_name, c.tbl, c.what, c.field, c.ours, c.theirs, "
    "c.ours_from, c.theirs_from, c.status, c.at, c.resolved_by FROM conflicts c "
    "JOIN batches b ON b.id = c.batch_id"
)


def _conflict(row: tuple[Any, ...]) -> Conflict:
    values = list(row)
    values[6], values[7] = json.loads(row[6]), json.loads(row[7])
    return Conflict(*values)


def list_conflicts(matter: Matter, include_resolved: bool = False) -> list[Conflict]:
    """The open conflicts (with ``include_resolved``, the settled ones too), oldest first."""
    where = "" if include_resolved else " WHERE c.status = 'open'"
    rows = matter.db.execute(f"{_SQL}{where} ORDER BY c.id").fetchall()
    return [_conflict(r) for r in rows]


def find_conflict(matter: Matter, conflict_id: int) -> Conflict:
    row = matter.db.execute(f"{_SQL} WHERE c.id = ?", [conflict_id]).fetchone()
    if row is None:
        raise OfflineError(f"No conflict {conflict_id} (see 'reviewer conflicts').")
    return _conflict(row)


def resolve(matter: Matter, conflict_id: int, take: str) -> Changes:
    """Settle a conflict: keep the matter's value (``ours``) or write the package's
    (``theirs``). One undoable operation."""
    if take not in TAKES:
        raise OfflineError(f"Take 'ours' or 'theirs', not '{take}'.")
    c = find_conflict(matter, conflict_id)
    if c.status != "open":
        raise OfflineError(f"Conflict {conflict_id} was already settled ({c.status}).")
    rec = Recorder(matter, f"Settle conflict {conflict_id} ({c.what}): take {take}")
    with matter.db.atomic():
        if take == "theirs":
            _write_theirs(matter, rec, c)
        rec.update("conflicts", conflict_id, {
            "status": take, "resolved_by": rec.who, "resolved_at": rec.at,
        }, f"conflict {conflict_id}: {take}")  # fmt: skip
    return rec.changes()


def _write_theirs(matter: Matter, rec: Recorder, c: Conflict) -> None:
    keys, nkey = Keys(matter.db), _nkey(matter, c.conflict_id)
    try:
        ids = keys.ids(c.table, nkey)
    except Missing as exc:
        raise OfflineError(f"Cannot take theirs for conflict {c.conflict_id}: {exc}.") from None
    row = keys.find(c.table, nkey)
    stamp = {f: v for f, v in (("who", rec.who), ("at", rec.at)) if f in SPECS[c.table].follow}
    summary = f"{c.what}: theirs"
    if c.field != "*":
        if row is None:
            raise OfflineError(f"Cannot take theirs: {c.what} is no longer in the matter.")
        value = c.theirs if SPECS[c.table].whole else {c.field: c.theirs}
        rec.update(c.table, key_of(c.table, row), {**value, **stamp}, summary)
    elif c.theirs is None:
        if row is not None:
            rec.delete(c.table, key_of(c.table, row), summary)
    elif row is None:
        counter = SPECS[c.table].counter
        extra = {"entry_id": next_entry_id(matter, *counter)} if counter else {}
        rec.insert(c.table, {**c.theirs, **ids, **stamp, **extra}, summary)
    else:
        rec.update(c.table, key_of(c.table, row), {**c.theirs, **stamp}, summary)


def place(matter: Matter, conflict_id: int) -> tuple[int | None, int | None]:
    """Where a conflict is (document id, paragraph id), to show it; None where it has none
    (a person, a claim, a setting)."""
    c, nkey = find_conflict(matter, conflict_id), _nkey(matter, conflict_id)
    key = SPECS[c.table].key
    if "doc_id" not in key:
        return None, None
    row = dict(zip(key, nkey, strict=True))
    return row["doc_id"], row.get("para_id")


def _nkey(matter: Matter, conflict_id: int) -> list[Any]:
    row = matter.db.execute("SELECT nkey FROM conflicts WHERE id = ?", [conflict_id]).fetchone()
    return list(json.loads(row[0]))
