"""Reading documents and paragraphs back out of a matter, resolving what users type (a doc id
or a file name; a printed ¶ number) to records, and the corrections a person makes to a
document (its kind, its caption fields)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from reviewer.core.audit import Recorder
from reviewer.core.classify import KINDS
from reviewer.core.errors import NotFoundError, ReviewerError
from reviewer.core.matter import Matter
from reviewer.core.records import Changes, Document, Paragraph

_DOC_COLS = (
    "id, file_name, sha256, kind, page_count, text_quality, needs_ocr, quality_note, title, "
    "court, case_no, docket_no, filed, stored_path, imported_at"
)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class DocumentError(ReviewerError):
    """A kind or property value a document cannot take."""


_PARA_COLS = (
    "id, doc_id, seq, number, kind, section, count, text, page_start, page_end, cite, boxes"
)


def _doc(row: Any) -> Document:
    r = list(row)
    r[6] = bool(r[6])
    return Document(*r)


def _para(row: Any) -> Paragraph:
    r = list(row)
    r[-1] = [tuple(b) for b in json.loads(r[-1])]
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


# -- corrections a person makes (kind, caption fields) ----------------------------------------
PROPERTY_FIELDS = ("title", "court", "case_no", "docket_no", "filed")


@contextmanager
def reindexing(matter: Matter, doc_ids: Iterable[int]) -> Iterator[None]:
    """Around a write to documents' rows (a kind or caption change, or its undo): afterwards
    their index entries are replaced, so ``kind:`` and ``filed:`` follow. Nothing is written
    to the index if the write fails; an index already out of step is left to be rebuilt."""
    from reviewer.core.search import IndexUpdater  # search imports this module

    updater = IndexUpdater(matter)
    try:
        yield
        for doc_id in doc_ids:
            updater.remove(doc_id)
            updater.add(doc_id)
    finally:
        updater.close()


def _reindexed(matter: Matter, doc_id: int, write: Callable[[], Changes]) -> Changes:
    with reindexing(matter, [doc_id]):
        changes = write()
    return changes | Changes(documents=frozenset({doc_id}))


def set_kind(matter: Matter, doc_id: int, kind: str) -> Changes:
    """Change only a document's kind: its paragraphs keep their ids, so every tag, privilege
    coding and redaction stays. One audited, undoable operation."""
    value = kind.strip().lower()
    if value not in KINDS:
        raise DocumentError(f"{kind!r} is not a kind of filing; use one of {', '.join(KINDS)}.")
    doc = find_document(matter, doc_id)
    if doc.kind == value:
        raise DocumentError(f"{doc.file_name} is already a {value}.")

    def write() -> Changes:
        rec = Recorder(matter, f"kind of {doc.file_name}: {doc.kind} → {value}")
        with matter.db.atomic():
            rec.update("documents", doc.id, {"kind": value}, rec.action)
            matter.touch_content()
        return rec.changes()

    return _reindexed(matter, doc.id, write)


def set_properties(matter: Matter, doc_id: int, values: Mapping[str, str | None]) -> Changes:
    """Correct a document's caption fields (``PROPERTY_FIELDS``); empty text clears one.
    ``filed`` is an ISO date (``2021-03-04``). One audited, undoable operation."""
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

    def write() -> Changes:
        rec = Recorder(matter, f"properties of {doc.file_name}")
        with matter.db.atomic():
            said = ", ".join(f"{k} {v or '(none)'}" for k, v in changed.items())
            rec.update("documents", doc.id, changed, f"{doc.file_name}: {said}")
            matter.touch_content()
        return rec.changes()

    return _reindexed(matter, doc.id, write)
