"""Operations on whole documents: deleting them and changing their own fields (kind, title,
docket…). Both are audited operations, undone like any other.

Deleting a document removes, in one operation, every row that points at it — the work on it
(tags, privilege coding, redactions, rejected suggestions, count mappings, production
membership, orphans) first, then its paragraphs, pages and the document row — each snapshot
in the audit log, so undo brings all of it back. The stored copy of the PDF stays in the
matter's ``files/`` folder (content-addressed, shared by a re-import) so undo can restore it.
"""

from __future__ import annotations

from typing import Any

from reviewer.core.errors import ReviewerError
from reviewer.core.matter.audit import AUDITED, PKS, Recorder, key_of, operation
from reviewer.core.matter.documents import find_document
from reviewer.core.matter.store import Matter
from reviewer.core.records import Changes, Document
from reviewer.core.search import IndexUpdater

# A document's own rows, deleted after everything that points at them (children first).
_OWN = ("paragraphs", "pages")
EDITABLE = ("kind", "title", "court", "case_no", "docket_no", "filed")


def _dependents(matter: Matter) -> list[tuple[str, str, str]]:
    """(table, column, parent) for every foreign key into documents or paragraphs, from the
    schema itself, so a table added later is covered too."""
    found = []
    for (tbl,) in matter.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall():
        if tbl in _OWN:
            continue
        for fk in matter.db.execute(f"PRAGMA foreign_key_list([{tbl}])").fetchall():
            parent, column = fk[2], fk[3]
            if parent in ("documents", "paragraphs"):
                found.append((tbl, column, parent))
    return found


def _columns(matter: Matter, tbl: str) -> set[str]:
    return {r[1] for r in matter.db.execute(f"PRAGMA table_info([{tbl}])").fetchall()}


def _rows(matter: Matter, sql: str, args: list[Any]) -> list[dict[str, Any]]:
    cur = matter.db.execute(sql, args)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def _delete_one(op: Recorder, matter: Matter, doc: Document) -> None:
    paras = "SELECT id FROM paragraphs WHERE doc_id = ?"
    for tbl, column, parent in _dependents(matter):
        if tbl not in AUDITED and tbl not in PKS and "id" not in _columns(matter, tbl):
            raise ReviewerError(f"{doc.file_name}: cannot be deleted safely ({tbl} refers to "
                                "it and its rows cannot be restored).")  # fmt: skip
        where = f"{column} = ?" if parent == "documents" else f"{column} IN ({paras})"
        for row in _rows(matter, f"SELECT * FROM {tbl} WHERE {where}", [doc.id]):
            op.delete(tbl, key_of(tbl, row), f"{doc.file_name}: {tbl} deleted with it")
    for tbl in _OWN:
        for row in _rows(matter, f"SELECT * FROM {tbl} WHERE doc_id = ?", [doc.id]):
            op.delete(tbl, key_of(tbl, row), "")
    op.delete("documents", doc.id, f"deleted {doc.file_name}")


def delete_documents(matter: Matter, docs: list[Document]) -> Changes:
    """Delete ``docs`` with everything on them as one undoable operation, then their index
    entries. The stored copies stay (undo needs them)."""
    matter.require_writable()
    names = ", ".join(d.file_name for d in docs)
    updater = IndexUpdater(matter)
    try:
        with operation(matter, f"Delete {names}") as op:
            for doc in docs:
                _delete_one(op, matter, doc)
            matter.touch_content()
        for doc in docs:
            updater.remove(doc.id)
    finally:
        updater.close()
    return op.changes()


def update_document(
    matter: Matter, doc: str | int, values: dict[str, Any], label: str | None = None
) -> Changes:
    """Change a document's own fields (``EDITABLE``: kind, title, court, case_no, docket_no,
    filed) as one undoable operation, and refresh its index entries (search filters on
    them). ``reviewer kind`` and the app's document editing call this."""
    d = find_document(matter, doc)
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ReviewerError(f"{', '.join(sorted(unknown))}: not a field of a document that can "
                            f"be changed (one of {', '.join(EDITABLE)}).")  # fmt: skip
    what = ", ".join(f"{k} → {v}" for k, v in values.items())
    updater = IndexUpdater(matter)
    try:
        with operation(matter, label or f"Change {d.file_name}: {what}") as op:
            op.update("documents", d.id, values, what)
            if op.batch is not None:
                matter.touch_content()
        if op.batch is not None:
            updater.remove(d.id)
            updater.add(d.id)
    finally:
        updater.close()
    return op.changes()


_WORK_TABLES = ("paragraphs", "tags", "privilege", "redactions", "production_docs")


def work_counts(matter: Matter, doc_id: int) -> dict[str, int]:
    """What deleting document ``doc_id`` takes with it (into the audit trail, undoable): the
    number of its rows in each table that holds work or structure of it."""
    return {
        table: matter.db.execute(
            f"SELECT COUNT(*) FROM {table} WHERE doc_id = ?", [doc_id]
        ).fetchone()[0]
        for table in _WORK_TABLES
    }
