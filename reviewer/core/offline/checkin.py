"""Check-in: merge a package's operations into the matter it came from.

Before anything is written the package is checked (``package.read_manifest``: its digest,
its files, its schema; the matter it came from; the batch recorded as out; its rows of work
following from its log). Then, in ONE transaction, each package operation not yet checked
in becomes one operation of the matter with the label, person, machine and time it was
made offline; each of its changes is merged (``merge``). Every operation handled is
recorded by its origin (``batch:op``), so checking the same package in again applies
nothing, and a package worked on further after a check-in brings only the new work. A
check-in cut short (a crash, a kill) leaves the matter exactly as it was.

Changes to what a document is (its text, paragraphs, kind — a re-cut or an import made
offline) are not merged: they are listed as skipped with the reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reviewer.core.matter.audit import CONTENT, Recorder
from reviewer.core.matter.store import Matter
from reviewer.core.offline.checkout import find_batch
from reviewer.core.offline.keys import SPECS, Keys, dumps
from reviewer.core.offline.merge import Change, Merger
from reviewer.core.offline.package import OfflineError, check_log, read_manifest
from reviewer.core.records import Changes, Progress

# A test hook: seconds to wait after each operation merged (inside the transaction), and a
# file touched when the first one is, so a test can kill a check-in half-way.
PAUSE_ENV, PAUSE_FILE_ENV = "REVIEWER_CHECKIN_PAUSE", "REVIEWER_CHECKIN_PAUSE_FILE"


@dataclass
class CheckinResult:
    """What a check-in did: changes applied, already in the matter, kept as conflicts."""

    batch_id: str
    to: str
    applied: int
    unchanged: int
    conflicts: int
    operations: int  # package operations merged now
    already: int  # package operations checked in before (skipped)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    changes: list[Changes] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "batch_id": self.batch_id, "to": self.to, "applied": self.applied,
            "unchanged": self.unchanged, "conflicts": self.conflicts,
            "operations": self.operations, "already": self.already, "skipped": self.skipped,
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Op:
    op_id: int
    label: str
    who: str
    machine: str | None
    at: str
    rows: list[tuple[str, str | None, str | None, str]]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def verify(matter: Matter, folder: Path) -> dict[str, Any]:
    """The manifest of a package that may be checked into ``matter`` (else ``OfflineError``
    with the reason; nothing is written)."""
    manifest = read_manifest(folder)
    if matter.get_meta("package_batch"):
        raise OfflineError(f"{matter.path} is a review package: check packages into the matter.")
    if manifest.get("matter_id") != matter.get_meta("matter_id"):
        raise OfflineError(
            f"{folder}: a package of another matter ('{manifest.get('matter_name')}'), not of "
            f"'{matter.name}'; nothing was changed."
        )
    if find_batch(matter, str(manifest.get("batch_id"))) is None:
        raise OfflineError(
            f"{folder}: this matter has no record of checking the package out (batch "
            f"{manifest.get('batch_id')}); nothing was changed."
        )
    return manifest


def _read_ops(pkg: Matter) -> list[_Op]:
    ops = pkg.db.execute(
        "SELECT id, label, who, machine, at FROM operations ORDER BY id"
    ).fetchall()
    rows: dict[int, list[tuple[str, str | None, str | None, str]]] = {}
    for batch, tbl, before, after, summary in pkg.db.execute(
        "SELECT batch, tbl, before, after, summary FROM audit ORDER BY id"
    ):
        rows.setdefault(batch, []).append((tbl, before, after, summary))
    return [_Op(i, label, who, machine, at, rows.get(i, [])) for i, label, who, machine, at in ops]


def checkin(matter: Matter, folder: Path | str) -> CheckinResult:
    """Merge the package at ``folder`` into ``matter`` (one transaction)."""
    steps = checkin_steps(matter, folder)
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]


def checkin_steps(matter: Matter, folder: Path | str) -> Generator[Progress, None, CheckinResult]:
    """``checkin`` as a long job (the app runs it in the background): yields ``Progress``
    (operations merged of the package's) inside the one transaction, returns the result.
    Closed early (Cancel), the transaction is rolled back: the matter is as it was."""
    matter.require_writable()
    folder = Path(folder)
    manifest = verify(matter, folder)
    with Matter.open(folder, readonly=True) as pkg:  # its keys are read while merging
        check_log(folder, pkg.db)
        ops = _read_ops(pkg)
        batch_id, now = str(manifest["batch_id"]), _now()
        merger = Merger(matter, Keys(pkg.db), batch_id, str(manifest.get("to", "")), now)
        result = CheckinResult(batch_id, merger.to, 0, 0, 0, 0, 0)
        yield from _merge_all(matter, merger, ops, result, now)
    result.applied, result.unchanged = merger.applied, merger.unchanged
    result.conflicts, result.skipped = merger.conflicts, merger.skipped
    return result  # nothing is yielded after the commit: a cancel then would be a lie


def _merge_all(
    matter: Matter, merger: Merger, ops: list[_Op], result: CheckinResult, now: str
) -> Iterator[Progress]:
    """Every operation in one transaction, about a hundred progress updates however long the
    log, the last before the commit; closed at any of them (Cancel), it rolls back."""
    every = max(1, len(ops) // 100)
    yield _progress(0, len(ops), merger.to)
    with matter.db.atomic():
        for n, op in enumerate(ops, start=1):
            _merge_op(matter, merger, op, result, now)
            if n % every == 0 or n == len(ops):
                yield _progress(n, len(ops), merger.to)
        matter.db.execute(
            "UPDATE batches SET status = 'in', in_at = ? WHERE id = ?", [now, merger.batch_id]
        )


def _progress(done: int, total: int, to: str) -> Progress:
    return Progress(done, total, f"Merging {to or 'the reviewer'}'s work: {done} of {total} "
                    "operations", step="checkin", unit="operations")  # fmt: skip


def _digest(op: _Op) -> str:
    return hashlib.sha256(dumps([op.label, op.who, op.at, op.rows]).encode()).hexdigest()


def _merge_op(matter: Matter, merger: Merger, op: _Op, result: CheckinResult, now: str) -> None:
    origin, digest = f"{merger.batch_id}:{op.op_id}", _digest(op)
    done = matter.db.execute("SELECT digest FROM checkin_ops WHERE origin = ?", [origin])
    seen = done.fetchone()
    if seen is not None and seen[0] != digest:
        raise OfflineError(
            f"Operation {op.op_id} of this package ('{op.label}') is not the one checked in "
            "before under that number: two copies of the package were worked on separately. "
            "Check in the copy that was checked in before; nothing was changed."
        )
    if seen is not None:
        result.already += 1
        merger.unchanged += len(op.rows)
        return
    rec = Recorder(matter, op.label)
    rec.who, rec.at, rec.machine = op.who, op.at, op.machine or "unknown"
    for tbl, before, after, summary in op.rows:
        change = Change(
            tbl, None if before is None else json.loads(before),
            None if after is None else json.loads(after), summary, origin, op.who,
            op.machine, op.at,
        )  # fmt: skip
        if tbl in SPECS:
            merger.merge(rec, change)
        else:
            merger.skip(change, _not_merged(tbl))
    matter.db.table("checkin_ops").insert({
        "origin": origin, "batch_id": merger.batch_id, "op_id": rec.batch, "label": op.label,
        "who": op.who, "machine": op.machine, "at": op.at, "digest": digest,
        "checked_in": now,
    })  # fmt: skip
    result.operations += 1
    result.changes.append(rec.changes())
    _pause()


def _not_merged(tbl: str) -> str:
    if tbl in CONTENT:
        return f"{tbl} are not merged: a document's text and paragraphs change only in the matter"
    return f"{tbl.replace('_', ' ')} made offline are not merged: they are managed in the matter"


def _pause() -> None:
    seconds = float(os.environ.get(PAUSE_ENV) or 0)
    if seconds <= 0:
        return
    marker = os.environ.get(PAUSE_FILE_ENV)
    if marker:
        Path(marker).touch()
    time.sleep(seconds)
