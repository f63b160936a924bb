"""Reading documents and paragraphs back out of a matter, and resolving what users type
(a doc id or a file name; a printed ¶ number) to records."""

from __future__ import annotations

import json
from typing import Any

from reviewer.core.errors import NotFoundError
from reviewer.core.matter import Matter
from reviewer.core.records import Document, Paragraph

_DOC_COLS = (
    "id, file_name, sha256, kind, page_count, text_quality, needs_ocr, quality_note, title, "
    "court, case_no, docket_no, filed, stored_path, imported_at"
)
_PARA_COLS = (
    "id, doc_id, seq, number, kind, section, count, text, page_start, page_end, cite, boxes, "
    "list, footnote_of, count_against"
)


def _doc(row: Any) -> Document:
    r = list(row)
    r[6] = bool(r[6])
    return Document(*r)


def _para(row: Any) -> Paragraph:
    r = list(row)
    r[11] = [tuple(b) for b in json.loads(r[11])]
    return Paragraph(*r)


def list_documents(matter: Matter) -> list[Document]:
    rows = matter.db.execute(f"SELECT {_DOC_COLS} FROM documents ORDER BY id").fetchall()
    return [_doc(r) for r in rows]


def find_document(matter: Matter, ref: str | int) -> Document:
    """A document by id, or by file name (exact, then unique prefix)."""
    ref = str(ref).strip()
    q = f"SELECT {_DOC_COLS} FROM documents WHERE "
    rows = matter.db.execute(q + "id = ?", [ref]).fetchall() if ref.isdigit() else []
    rows = rows or matter.db.execute(q + "file_name = ?", [ref]).fetchall()
    rows = rows or matter.db.execute(q + "file_name LIKE ? || '%'", [ref]).fetchall()
    if len(rows) != 1:
        why = "no document" if not rows else f"{len(rows)} documents"
        raise NotFoundError(f"{ref}: {why} in {matter.path.name} match(es) this id or file name.")
    return _doc(rows[0])


def paragraphs(matter: Matter, doc_id: int) -> list[Paragraph]:
    rows = matter.db.execute(
        f"SELECT {_PARA_COLS} FROM paragraphs WHERE doc_id = ? ORDER BY seq", [doc_id]
    ).fetchall()
    return [_para(r) for r in rows]


def find_paragraph(
    matter: Matter, doc: Document, number: str | None = None, seq: int | None = None
) -> Paragraph:
    """A paragraph by its printed ¶ number (body paragraphs) or by its sequence number."""
    if seq is not None:
        sql, args = "seq = ?", [seq]
    else:
        sql, args = "number = ? AND kind = 'numbered'", [str(number).lstrip("¶ ").strip()]
    row = matter.db.execute(
        f"SELECT {_PARA_COLS} FROM paragraphs WHERE doc_id = ? AND {sql}", [doc.id, *args]
    ).fetchone()
    if row is None:
        what = f"seq {seq}" if seq is not None else f"¶ {number}"
        raise NotFoundError(f"{doc.file_name}: has no paragraph {what}.")
    return _para(row)


def paragraph_by_id(matter: Matter, pid: int) -> Paragraph:
    row = matter.db.execute(f"SELECT {_PARA_COLS} FROM paragraphs WHERE id = ?", [pid]).fetchone()
    if row is None:
        raise NotFoundError(f"Paragraph {pid} is no longer in {matter.path.name}.")
    return _para(row)


def quotation(p: Paragraph) -> str:
    """A paragraph as a litigator pastes it into a brief: the text quoted, then its pin cite."""
    return f"“{' '.join(p.text.split())}” {p.cite}."
