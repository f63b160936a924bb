"""Check-out: a package of some of a matter's documents for one reviewer, and the list of
batches out and in.

The package is a consistent copy of the matter's database (SQLite's backup API, so a
writer in another window is no trouble) cut down to the chosen documents: their pages,
paragraphs and coding stay, with every claim, element, person and privilege setting; other
documents and their work go. Its operation log starts empty, so everything in it later is
offline work. The PDFs are copied, the search index built, the baseline of work and the
manifest written; the folder is assembled under a temporary name and renamed into place,
so a package is never half-written. Only then is the batch recorded as out.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import uuid
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.core import search
from reviewer.core.matter import opening
from reviewer.core.matter.audit import current_user
from reviewer.core.matter.documents import find_document
from reviewer.core.matter.store import DB_NAME, FILES_DIR, Connection, Matter, snapshot
from reviewer.core.offline.package import BASELINE, OfflineError, work_rows, write_manifest
from reviewer.core.records import Progress

# Tables emptied in a package: the log (offline work starts it afresh) and check-in records.
_EMPTIED = ("audit", "operations", "batches", "checkin_ops", "conflicts", "merged")


@dataclass(frozen=True, slots=True)
class Batch:
    """One package checked out: ``reviewer batch list`` prints these."""

    batch_id: str
    to: str
    docs: tuple[int, ...]
    status: str  # out | in
    out_at: str
    in_at: str | None
    path: str
    who: str

    def as_json(self) -> dict[str, object]:
        return {
            "batch_id": self.batch_id, "to": self.to, "docs": list(self.docs),
            "status": self.status, "out_at": self.out_at, "in_at": self.in_at,
            "path": self.path, "who": self.who,
        }  # fmt: skip


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def batches(matter: Matter) -> list[Batch]:
    """Every batch checked out of the matter, oldest first."""
    rows = matter.db.execute(
        "SELECT id, to_name, docs, status, out_at, in_at, path, who FROM batches "
        "ORDER BY out_at, rowid"
    ).fetchall()
    return [Batch(r[0], r[1], tuple(json.loads(r[2])), r[3], r[4], r[5], r[6], r[7]) for r in rows]


def find_batch(matter: Matter, batch_id: str) -> Batch | None:
    return next((b for b in batches(matter) if b.batch_id == batch_id), None)


def checkout(matter: Matter, docs: Sequence[str | int], to: str, out: Path) -> Batch:
    """Write a package of ``docs`` for reviewer ``to`` at ``out`` (a new folder) and record
    the batch as out."""
    steps = checkout_steps(matter, docs, to, out)
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]


def _checked(matter: Matter, docs: Sequence[str | int], to: str, out: Path) -> Batch:
    """The batch to write, once the request makes sense (else ``OfflineError``)."""
    matter.require_writable()
    if matter.get_meta("package_batch"):
        raise OfflineError(f"{matter.path} is itself a review package: check out from the matter.")
    to = " ".join(to.split())
    if not to:
        raise OfflineError("Name the reviewer the package is for.")
    found = [find_document(matter, d) for d in dict.fromkeys(str(d) for d in docs)]
    if not found:
        raise OfflineError("Choose at least one document to check out.")
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise OfflineError(f"{out}: already exists; choose a new folder for the package.")
    return Batch(uuid.uuid4().hex, to, tuple(sorted(d.id for d in found)), "out", _now(), None,
                 str(out.resolve()), current_user())  # fmt: skip


def checkout_steps(
    matter: Matter, docs: Sequence[str | int], to: str, out: Path
) -> Generator[Progress, None, Batch]:
    """``checkout`` as a long job (the app runs it in the background): yields ``Progress``
    while it indexes the package, returns the batch. Closed early (Cancel), it leaves no
    package and no batch behind."""
    out = Path(out)
    batch = _checked(matter, docs, to, out)
    tmp = out.parent / f".{out.name}.part-{batch.batch_id[:8]}"
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        yield from _write(matter, batch, tmp)
        if out.exists():
            out.rmdir()
        tmp.rename(out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    try:
        with matter.db.atomic():
            matter.db.table("batches").insert({
                "id": batch.batch_id, "to_name": batch.to, "docs": json.dumps(list(batch.docs)),
                "status": "out", "base_op": _base_op(out), "path": batch.path,
                "who": batch.who, "out_at": batch.out_at,
            })  # fmt: skip
    except BaseException:
        shutil.rmtree(out, ignore_errors=True)
        raise
    return batch


def _base_op(folder: Path) -> int:
    manifest = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    return int(manifest["base_op"])


def _write(matter: Matter, batch: Batch, tmp: Path) -> Iterator[Progress]:
    yield Progress(0, len(batch.docs), "Copying the matter", step="checkout", unit="documents")
    (tmp / FILES_DIR).mkdir(parents=True)
    dst = snapshot(matter, tmp / DB_NAME)
    try:
        base_op = dst.execute("SELECT coalesce(max(id), 0) FROM operations").fetchone()[0]
        _prune(dst, batch)
    finally:
        dst.close()
    files = [BASELINE]
    with Matter.open(tmp) as pkg:
        for doc_id in batch.docs:
            stored = find_document(pkg, doc_id).stored_path
            if (matter.path / stored).is_file():
                (tmp / stored).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(matter.path / stored, tmp / stored)
                files.append(stored)
        yield from search.reindex(pkg)
        (tmp / BASELINE).write_text(json.dumps(work_rows(pkg.db), ensure_ascii=False))
    write_manifest(tmp, {
        "batch_id": batch.batch_id, "matter_id": matter.get_meta("matter_id"),
        "matter_name": matter.name, "schema_version": opening.schema_version(),
        "to": batch.to, "docs": list(batch.docs), "out_at": batch.out_at,
        "base_op": base_op, "who": batch.who,
    }, files)  # fmt: skip


def _prune(db: Connection, batch: Batch) -> None:
    """Cut the copy down to the batch's documents and empty its log."""
    keep = ",".join(str(int(d)) for d in batch.docs)
    db.execute("PRAGMA foreign_keys = OFF")
    triggers = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
        "('audit', 'operations')"
    ).fetchall()
    for name, _ in triggers:
        db.execute(f"DROP TRIGGER {name}")
    for (tbl,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        cols = {r[1] for r in db.execute(f"PRAGMA table_info([{tbl}])")}
        if tbl == "documents":
            db.execute(f"DELETE FROM documents WHERE id NOT IN ({keep})")
        elif "doc_id" in cols:
            db.execute(f"DELETE FROM [{tbl}] WHERE doc_id NOT IN ({keep})")
    db.execute(f"UPDATE exhibits SET filing_id = NULL WHERE filing_id NOT IN ({keep})")
    db.execute("DELETE FROM exhibit_cites WHERE para_id NOT IN (SELECT id FROM paragraphs)")
    db.execute("DELETE FROM exhibit_numbers WHERE exhibit_id NOT IN (SELECT id FROM exhibits)")
    for tbl in _EMPTIED:
        db.execute(f"DELETE FROM {tbl}")
    for _, sql in triggers:
        db.execute(sql)
    meta = {"package_batch": batch.batch_id, "package_to": batch.to}
    name = db.execute("SELECT value FROM matter_meta WHERE key = 'name'").fetchone()
    meta["name"] = f"{name[0] if name else 'Matter'} — batch for {batch.to}"
    db.executemany(
        "INSERT OR REPLACE INTO matter_meta (key, value) VALUES (?, ?)", list(meta.items())
    )
    db.commit()
    db.execute("VACUUM")


def package_info(matter: Matter) -> dict[str, Any] | None:
    """For a package opened like a matter: whom it is for and its batch (else None)."""
    batch = matter.get_meta("package_batch")
    return None if batch is None else {"batch_id": batch, "to": matter.get_meta("package_to")}
