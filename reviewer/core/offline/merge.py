"""The three-way merge of one change a package made (its row before and after) with the
matter's row now, value column by value column.

- The package did not change a field, or both sides hold the same value: nothing to do
  (tags both sides made alike are one tag — a union).
- Only the package changed it (the matter still holds the value the package started
  from): the package's value is applied, with who and when as made offline.
- Both changed it differently: the matter's value stays and the package's is kept as a
  conflict record — unless the matter's value itself came from another package's change
  made later than this one. Between packages the earlier change is kept and the later is
  the conflict, whichever package is checked in first, so the order of check-ins does not
  change the matter.
- A row one side deleted and the other changed is a conflict on the whole row (``*``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reviewer.core.matter.audit import Recorder, key_of
from reviewer.core.matter.store import Matter
from reviewer.core.offline.keys import (
    SPECS,
    WHOLE,
    Keys,
    Missing,
    Row,
    describe,
    dumps,
    merged_fields,
    merges,
    next_entry_id,
    stamp,
    values,
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Change:
    """One row a package operation wrote (``origin`` = ``batch:op``)."""

    tbl: str
    before: Row | None
    after: Row | None
    summary: str
    origin: str
    who: str
    machine: str | None
    at: str


@dataclass
class Merger:
    """Merges one package's changes into the matter inside the check-in's transaction."""

    matter: Matter
    pkg: Keys
    batch_id: str
    to: str
    now: str
    applied: int = 0
    unchanged: int = 0
    conflicts: int = 0
    skipped: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.keys = Keys(self.matter.db)

    def merge(self, rec: Recorder, ch: Change) -> None:
        """Apply, skip or keep as a conflict one change (counted in the totals)."""
        self.pkg.remember(ch.tbl, ch.before)
        self.pkg.remember(ch.tbl, ch.after)
        if not merges(ch.tbl, ch.after if ch.after is not None else ch.before or {}):
            self.skip(ch, "a setting of the package itself, not merged")
            return
        try:
            nkey = self.pkg.nkey(ch.tbl, ch.after if ch.after is not None else ch.before or {})
            ids = self.keys.ids(ch.tbl, nkey)
        except Missing as exc:
            self.skip(ch, str(exc))
            return
        mine = self.keys.find(ch.tbl, nkey)
        if ch.after is None:
            self._deleted(rec, ch, nkey, mine)
        elif mine is None:
            if ch.before is None:
                self._insert(rec, ch, nkey, ids)
            else:  # the matter deleted what the package changed
                self._conflict(ch, nkey, "*", None, values(ch.tbl, ch.after), False)
        else:
            self._fields(rec, ch, nkey, mine)

    def skip(self, ch: Change, reason: str) -> None:
        self.skipped.append({"origin": ch.origin, "table": ch.tbl, "what": ch.summary,
                             "reason": reason})  # fmt: skip

    def _deleted(self, rec: Recorder, ch: Change, nkey: list[Any], mine: Row | None) -> None:
        if mine is None:
            self.unchanged += 1
        elif values(ch.tbl, mine) == values(ch.tbl, ch.before):
            rec.delete(ch.tbl, key_of(ch.tbl, mine), ch.summary)
            self._record(ch, nkey, "*", None)
            self.applied += 1
        else:  # the matter changed what the package deleted
            self._conflict(ch, nkey, "*", values(ch.tbl, mine), None, False, mine.get("id"))

    def _insert(self, rec: Recorder, ch: Change, nkey: list[Any], ids: dict[str, Any]) -> None:
        row = {c: v for c, v in (ch.after or {}).items() if c not in ("id", "entry_id")}
        row.update(ids)
        counter = SPECS[ch.tbl].counter
        if counter and (ch.after or {}).get("entry_id"):
            row["entry_id"] = self._entry_id(*counter)
        rec.insert(ch.tbl, row, ch.summary)
        for f, value in (merged_fields(ch.tbl, row) or {"*": None}).items():
            self._record(ch, nkey, f, value)
        self.applied += 1

    def _fields(self, rec: Recorder, ch: Change, nkey: list[Any], mine: Row) -> None:
        spec, after = SPECS[ch.tbl], ch.after or {}
        ours_all, theirs_all = merged_fields(ch.tbl, mine), merged_fields(ch.tbl, after)
        base = None if ch.before is None else merged_fields(ch.tbl, ch.before)
        take: dict[str, Any] = {}
        before_conflicts = self.conflicts
        for f, theirs in theirs_all.items():
            ours = ours_all[f]
            if ours == theirs and spec.follow and self._earlier(ch, nkey, f, ours):
                self._restamp(rec, ch, nkey, f, mine)  # both agree: the earlier is credited
            if ours == theirs or (base is not None and base[f] == theirs):
                continue
            if (base is not None and ours == base[f]) or self._earlier(ch, nkey, f, ours):
                take[f] = theirs
                if base is None or ours != base[f]:
                    self._conflict(ch, nkey, f, theirs, ours, True, mine.get("id"))
            else:
                self._conflict(ch, nkey, f, ours, theirs, False, mine.get("id"))
        if not take:
            self.unchanged += self.conflicts == before_conflicts
            return
        for f, value in take.items():
            self._record(ch, nkey, f, value)
        columns = dict(take.pop(WHOLE)) if spec.whole else take
        columns.update({c: after[c] for c in spec.follow})
        counter = spec.counter
        if counter and after.get("entry_id") and not mine.get("entry_id"):
            columns["entry_id"] = self._entry_id(*counter)
        rec.update(ch.tbl, key_of(ch.tbl, mine), columns, ch.summary)
        self.applied += 1

    def _restamp(self, rec: Recorder, ch: Change, nkey: list[Any], f: str, mine: Row) -> None:
        """Two packages made the same change: who and when are the earlier one's, whichever
        package came back first."""
        after = ch.after or {}
        rec.update(
            ch.tbl, key_of(ch.tbl, mine), {c: after[c] for c in SPECS[ch.tbl].follow}, ch.summary
        )
        self._record(ch, nkey, f, merged_fields(ch.tbl, after)[f])

    def _entry_id(self, meta_key: str, prefix: str) -> str:
        return next_entry_id(self.matter, meta_key, prefix)

    # -- provenance of merged values, conflicts ----------------------------------------------
    def _merged(self, tbl: str, nkey: list[Any], f: str) -> tuple[str | None, str, str] | None:
        row = self.matter.db.execute(
            "SELECT value, origin, at FROM merged WHERE tbl = ? AND nkey = ? AND field = ?",
            [tbl, dumps(nkey), f],
        ).fetchone()
        return None if row is None else (row[0], row[1], row[2])

    def _earlier(self, ch: Change, nkey: list[Any], f: str, ours: Any) -> bool:
        """Whether the matter's value came from another package's later change (then this
        earlier one is kept, as it would have been had this package come back first)."""
        got = self._merged(ch.tbl, nkey, f)
        if got is None or got[0] != dumps(ours) or got[1].startswith(f"{self.batch_id}:"):
            return False
        return (ch.at, ch.origin) < (got[2], got[1])

    def _record(self, ch: Change, nkey: list[Any], f: str, value: Any) -> None:
        self.matter.db.execute(
            "INSERT OR REPLACE INTO merged (tbl, nkey, field, value, origin, at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [ch.tbl, dumps(nkey), f, dumps(value), ch.origin, ch.at],
        )

    def _from(self, ch: Change) -> str:
        return f"{ch.who} on {ch.machine or 'a laptop'}, {stamp(ch.at)} (batch for {self.to})"

    def _source(self, ch: Change, nkey: list[Any], f: str, value: Any, row_id: int | None) -> str:
        """Who set the matter's value: another package's change, or someone in the matter
        (the last operation that wrote the row)."""
        got = self._merged(ch.tbl, nkey, f)
        if got is None or got[0] != dumps(value):
            return self._matter_source(ch.tbl, row_id)
        row = self.matter.db.execute(
            "SELECT c.who, c.machine, c.at, b.to_name FROM checkin_ops c JOIN batches b "
            "ON b.id = c.batch_id WHERE c.origin = ?",
            [got[1]],
        ).fetchone()
        if row is None:  # set earlier in this same check-in
            return self._from(ch)
        return f"{row[0]} on {row[1] or 'a laptop'}, {stamp(row[2])} (batch for {row[3]})"

    def _matter_source(self, tbl: str, row_id: int | None) -> str:
        row = None if row_id is None else self.matter.db.execute(
            "SELECT o.who, o.machine, o.at FROM audit a JOIN operations o ON o.id = a.batch "
            "WHERE a.tbl = ? AND a.row_id = ? ORDER BY a.id DESC LIMIT 1",
            [tbl, row_id],
        ).fetchone()  # fmt: skip
        if row is None:
            return "the matter"
        return f"the matter: {row[0]} on {row[1] or 'the office'}, {stamp(row[2])}"

    def _conflict(
        self, ch: Change, nkey: list[Any], f: str, ours: Any, theirs: Any, taken: bool,
        row_id: int | None = None,
    ) -> None:  # fmt: skip
        """Keep a disagreement: ``ours`` the value the matter holds after the merge."""
        if taken:  # this change's value replaced another package's: that one is 'theirs'
            ours_from, theirs_from = self._from(ch), self._source(ch, nkey, f, theirs, row_id)
            self._record(ch, nkey, f, ours)
        else:
            ours_from, theirs_from = self._source(ch, nkey, f, ours, row_id), self._from(ch)
        key, what = dumps(nkey), describe(self.matter.db, ch.tbl, nkey)
        if f not in ("*", WHOLE):
            what = f"{what} — {f.replace('_', ' ')}"
        self.matter.db.execute(
            "DELETE FROM conflicts WHERE tbl = ? AND nkey = ? AND field = ? AND batch_id = ? "
            "AND status = 'open'",
            [ch.tbl, key, f, self.batch_id],
        )  # a later operation of the same package supersedes its earlier disagreement
        self.matter.db.table("conflicts").insert({
            "batch_id": self.batch_id, "tbl": ch.tbl, "nkey": key, "field": f, "what": what,
            "ours": dumps(ours), "theirs": dumps(theirs), "ours_from": ours_from,
            "theirs_from": theirs_from, "status": "open", "at": self.now,
        })  # fmt: skip
        self.conflicts += 1
