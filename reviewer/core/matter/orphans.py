"""Orphaned work: tags, privilege coding, redactions and rejected suggestions whose paragraph
a re-cut took away (see ``recut``). They are listed with a snapshot of the old paragraph
(number, text, pages, cite) and re-attached to a paragraph of the same document as one
undoable operation; nothing here ever deletes them."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from reviewer.core.errors import NotFoundError, OrphanError
from reviewer.core.matter.audit import operation
from reviewer.core.matter.documents import paragraph_by_id
from reviewer.core.matter.store import Matter
from reviewer.core.records import Changes, Paragraph


@dataclass(frozen=True, slots=True)
class Orphan:
    """One orphaned work row: ``table`` it belongs in, what it is, the old paragraph."""

    id: int
    table: str
    doc_id: int
    file_name: str
    what: str
    old_para: dict[str, Any]
    reason: str
    who: str
    at: str
    row: dict[str, Any]

    def as_json(self) -> dict[str, object]:
        return {
            "orphan_id": self.id, "table": self.table, "doc_id": self.doc_id,
            "file_name": self.file_name, "what": self.what, "old_para": self.old_para,
            "reason": self.reason, "who": self.who, "at": self.at, "row": self.row,
        }  # fmt: skip


def _element(matter: Matter, element_id: int) -> str:
    row = matter.db.execute(
        "SELECT c.key || '.' || e.key FROM elements e JOIN claims c ON c.id = e.claim_id "
        "WHERE e.id = ?",
        [element_id],
    ).fetchone()
    return str(row[0]) if row else f"element {element_id}"


def describe(matter: Matter, table: str, row: dict[str, Any]) -> str:
    """``tag tvpra-1595.venture (factual)``, ``privilege withheld``, ``redaction RED-0003``."""
    if table == "tags":
        return f"tag {_element(matter, row['element_id'])} ({row['assessment']})"
    if table == "privilege":
        return f"privilege {row['status']}" + (f" {row['entry_id']}" if row["entry_id"] else "")
    if table == "redactions":
        return f"redaction {row['entry_id']} ({row['info_type']})"
    return f"rejected suggestion for {_element(matter, row['element_id'])}"


def list_orphans(matter: Matter, doc_id: int | None = None) -> list[Orphan]:
    """Orphaned work in document order, oldest first."""
    where, args = ("WHERE o.doc_id = ?", [doc_id]) if doc_id is not None else ("", [])
    cur = matter.db.execute(
        "SELECT o.id, o.tbl, o.doc_id, d.file_name, o.row, o.para, o.reason, o.who, o.at "
        f"FROM orphans o JOIN documents d ON d.id = o.doc_id {where} ORDER BY o.doc_id, o.id",
        args,
    )
    cols = [c[0] for c in cur.description]
    out = []
    for values in (dict(zip(cols, r, strict=True)) for r in cur.fetchall()):
        row = json.loads(values["row"])
        out.append(Orphan(
            values["id"], values["tbl"], values["doc_id"], values["file_name"],
            describe(matter, values["tbl"], row), json.loads(values["para"]), values["reason"],
            values["who"], values["at"], row,
        ))  # fmt: skip
    return out


def find_orphan(matter: Matter, orphan_id: int) -> Orphan:
    for o in list_orphans(matter):
        if o.id == orphan_id:
            return o
    raise NotFoundError(f"Orphan {orphan_id} is not in {matter.name} (see 'reviewer orphans').")


def _values(matter: Matter, orphan: Orphan, para: Paragraph) -> dict[str, Any]:
    values = dict(orphan.row)
    taken = matter.db.execute(
        f"SELECT 1 FROM {orphan.table} WHERE id = ?", [values["id"]]
    ).fetchone()
    if taken:  # its old id was handed out again: take a new one
        del values["id"]
    values["para_id"] = para.id
    if "doc_id" in values:
        values["doc_id"] = para.doc_id
    if orphan.table == "redactions" and not para.page_start <= values["page"] <= para.page_end:
        values["page"] = para.page_start
    return values


def attach(matter: Matter, orphan_id: int, para_id: int) -> Changes:
    """Put orphaned work back on paragraph ``para_id`` of its document (one operation)."""
    orphan = find_orphan(matter, orphan_id)
    para = paragraph_by_id(matter, para_id)
    if para.doc_id != orphan.doc_id:
        raise OrphanError(
            f"Orphan {orphan_id} belongs to {orphan.file_name}; choose a paragraph of it."
        )
    try:
        with operation(matter, f"Re-attach {orphan.what} to {para.cite}") as op:
            op.delete("orphans", orphan.id, f"orphan {orphan.id} re-attached")
            op.insert(orphan.table, _values(matter, orphan, para), f"{orphan.what} → {para.cite}")
    except sqlite3.IntegrityError:
        raise OrphanError(
            f"{para.cite} already has this {orphan.what.split(' ')[0]}; choose another "
            "paragraph, or remove the one it has first."
        ) from None
    return op.changes()
