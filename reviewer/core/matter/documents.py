"""Reading documents and paragraphs back out of a matter, resolving what users type (a doc id
or a file name; a printed ¶ number) to records, and the corrections a person makes to a
document (its kind, its caption fields)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from reviewer.core.errors import NotFoundError, ReviewerError
from reviewer.core.ingest.classify import KINDS
from reviewer.core.matter.store import Matter
from reviewer.core.records import Changes, Document, Paragraph

_DOC_COLS = (
    "id, file_name, sha256, kind, page_count, text_quality, needs_ocr, quality_note, title, "
    "court, case_no, docket_no, filed, stored_path, imported_at, court_name, case_no_printed, "
    "case_name, parties AS parties_json, kind_reason, abbrev, pdf_title"
)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class DocumentError(ReviewerError):
    """A kind or property value a document cannot take."""


_PARA_COLS = (
    "id, doc_id, seq, number, kind, section, count, text, page_start, page_end, cite, boxes, "
    "list AS list_no, footnote_of, count_against"
)


def _named(cur: Any) -> list[dict[str, Any]]:
    """A cursor's rows as dicts by column name (records are built by name, not position)."""
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def _doc(row: dict[str, Any]) -> Document:
    values = dict(row)
    values["pages"] = values.pop("page_count")
    values["needs_ocr"] = bool(values["needs_ocr"])
    return Document(**values)


def _para(row: dict[str, Any]) -> Paragraph:
    values = dict(row)
    values["boxes"] = [tuple(b) for b in json.loads(values["boxes"])]
    return Paragraph(**values)


def list_documents(matter: Matter) -> list[Document]:
    rows = _named(matter.db.execute(f"SELECT {_DOC_COLS} FROM documents ORDER BY id"))
    return [_doc(r) for r in rows]


def find_document(matter: Matter, ref: str | int) -> Document:
    """A document by id, or by file name (exact, then unique prefix)."""
    ref = str(ref).strip()
    q = f"SELECT {_DOC_COLS} FROM documents WHERE "
    rows = _named(matter.db.execute(q + "id = ?", [ref])) if ref.isdigit() else []
    rows = rows or _named(matter.db.execute(q + "file_name = ?", [ref]))
    rows = rows or _named(matter.db.execute(q + "file_name LIKE ? || '%'", [ref]))
    if len(rows) != 1:
        why = "no document" if not rows else f"{len(rows)} documents"
        raise NotFoundError(f"{ref}: {why} in {matter.path.name} match(es) this id or file name.")
    return _doc(rows[0])


def paragraphs(matter: Matter, doc_id: int) -> list[Paragraph]:
    rows = _named(
        matter.db.execute(
            f"SELECT {_PARA_COLS} FROM paragraphs WHERE doc_id = ? ORDER BY seq", [doc_id]
        )
    )
    return [_para(r) for r in rows]


def find_paragraph(
    matter: Matter, doc: Document, number: str | None = None, seq: int | None = None
) -> Paragraph:
    """A paragraph by its printed ¶ number (body paragraphs) or by its sequence number."""
    args: list[object]
    if seq is not None:
        sql, args = "seq = ?", [seq]
    else:
        sql, args = "number = ? AND kind = 'numbered'", [str(number).lstrip("¶ ").strip()]
    rows = _named(
        matter.db.execute(
            f"SELECT {_PARA_COLS} FROM paragraphs WHERE doc_id = ? AND {sql}", [doc.id, *args]
        )
    )
    row = rows[0] if rows else None
    if row is None:
        what = f"seq {seq}" if seq is not None else f"¶ {number}"
        raise NotFoundError(f"{doc.file_name}: has no paragraph {what}.")
    return _para(row)


def paragraph_by_id(matter: Matter, pid: int) -> Paragraph:
    rows = _named(matter.db.execute(f"SELECT {_PARA_COLS} FROM paragraphs WHERE id = ?", [pid]))
    row = rows[0] if rows else None
    if row is None:
        raise NotFoundError(f"Paragraph {pid} is no longer in {matter.path.name}.")
    return _para(row)


def paragraph_count(matter: Matter) -> int:
    """How many paragraphs the matter holds (every document)."""
    return int(matter.db.execute("SELECT count(*) FROM paragraphs").fetchone()[0])


def ocr_status(matter: Matter, doc_ids: list[int] | None = None) -> list[dict[str, Any]]:
    """Each document's state after OCR (``reviewer ocr --json``): ``{doc_id, file_name,
    needs_ocr, text_quality, ocr_pages}`` plus ``quality_note``, ``paragraphs``, ``numbered``."""
    where = f"WHERE d.id IN ({','.join('?' * len(doc_ids))})" if doc_ids else ""
    rows = _named(
        matter.db.execute(
            "SELECT d.id AS doc_id, d.file_name, d.needs_ocr, d.text_quality, d.quality_note, "
            "(SELECT count(*) FROM pages p WHERE p.doc_id = d.id AND p.ocr) AS ocr_pages, "
            "(SELECT count(*) FROM paragraphs p WHERE p.doc_id = d.id) AS paragraphs, "
            "(SELECT count(*) FROM paragraphs p WHERE p.doc_id = d.id AND p.kind = 'numbered') "
            f"AS numbered FROM documents d {where} ORDER BY d.id",
            doc_ids or [],
        )
    )
    for r in rows:
        r["needs_ocr"] = bool(r["needs_ocr"])
    return rows


def quotation(p: Paragraph) -> str:
    """A paragraph as a litigator pastes it into a brief: the text quoted, then its pin cite."""
    return f"“{' '.join(p.text.split())}” {p.cite}."


# -- corrections a person makes (kind, caption fields) ----------------------------------------
# Checked here, written by ``delete.update_document`` (one undoable operation that also
# replaces the document's index entries, so ``kind:`` and ``filed:`` follow, undo included).
PROPERTY_FIELDS = ("title", "court", "case_no", "docket_no", "filed")


def set_kind(matter: Matter, doc_id: int, kind: str) -> Changes:
    """Change only a document's kind: its paragraphs keep their ids, so every tag, privilege
    coding and redaction stays."""
    from reviewer.core.matter.delete import update_document  # it imports this module

    value = kind.strip().lower()
    if value not in KINDS:
        raise DocumentError(f"{kind!r} is not a kind of filing; use one of {', '.join(KINDS)}.")
    doc = find_document(matter, doc_id)
    if doc.kind == value:
        raise DocumentError(f"{doc.file_name} is already a {value}.")
    label = f"Kind of {doc.file_name}: {doc.kind} → {value}"
    return update_document(matter, doc.id, {"kind": value}, label)


def set_properties(matter: Matter, doc_id: int, values: Mapping[str, str | None]) -> Changes:
    """Correct a document's caption fields (``PROPERTY_FIELDS``); empty text clears one.
    ``filed`` is an ISO date (``2021-03-04``)."""
    from reviewer.core.matter.delete import update_document  # it imports this module

    doc = find_document(matter, doc_id)
    if unknown := set(values) - set(PROPERTY_FIELDS):
        raise DocumentError(f"{', '.join(sorted(unknown))}: not a document property.")
    clean = {k: (" ".join(v.split()) or None) if v is not None else None for k, v in values.items()}
    filed = clean.get("filed")
    if filed and not _ISO_DATE.fullmatch(filed):
        raise DocumentError(f"{filed!r}: write the filing date as YYYY-MM-DD, e.g. 2021-03-04.")
    changed = {k: v for k, v in clean.items() if getattr(doc, k) != v}
    if not changed:
        raise DocumentError(f"{doc.file_name}: nothing to change.")
    label = f"Properties of {doc.file_name}: {', '.join(changed)}"
    return update_document(matter, doc.id, changed, label)
