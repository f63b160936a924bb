"""What the app's lists show, read by id so a view never loads a whole table: the documents
table (its sort orders and its rows, fetched in blocks, with each document's privilege and
redaction state) and one document's outline (a short head of each paragraph)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from reviewer.core.matter.store import Matter


class DocumentRow(NamedTuple):
    id: int
    kind: str
    title: str | None
    file_name: str
    docket_no: str | None
    filed: str | None
    pages: int
    quality: str
    note: str | None
    numbered: int
    privilege: str | None = None  # the whole document's coding (withheld, redacted, …)
    privileged_parts: int = 0  # pages or ¶¶ coded withheld or redacted
    redactions: int = 0  # redaction boxes recorded

    @property
    def privilege_state(self) -> str:
        """What the documents list says of privilege and redaction: ``withheld``,
        ``redacted · 3 boxes``, ``2 parts privileged``, ``not privileged`` or empty."""
        parts = []
        if self.privilege:
            parts.append(self.privilege.replace("-", " "))
        if self.privileged_parts:
            n = self.privileged_parts
            parts.append(f"{n} part{'s' if n != 1 else ''} privileged")
        if self.redactions:
            n = self.redactions
            parts.append(f"{n} redaction{'s' if n != 1 else ''}")
        return " · ".join(parts)


class OutlineRow(NamedTuple):
    """One outline entry: a paragraph's first 160 characters (``head``), never its whole text."""

    id: int
    seq: int
    number: str | None
    kind: str
    count: str | None  # type: ignore[assignment]  # the COUNT heading, not tuple.count
    head: str
    page: int


_NUMBERED = "(SELECT COUNT(*) FROM paragraphs p WHERE p.doc_id = d.id AND p.kind = 'numbered')"
_WHOLE = "pr.para_id IS NULL AND pr.page_start IS NULL"
_PRIVILEGE = f"(SELECT pr.status FROM privilege pr WHERE pr.doc_id = d.id AND {_WHOLE})"
_PARTS = (
    "(SELECT COUNT(*) FROM privilege pr WHERE pr.doc_id = d.id AND NOT "
    f"({_WHOLE}) AND pr.status != 'not-privileged')"
)
_REDACTIONS = "(SELECT COUNT(*) FROM redactions r WHERE r.doc_id = d.id)"
_DOC_ROWS = f"""SELECT d.id, d.kind, d.title, d.file_name, d.docket_no, d.filed, d.page_count,
    d.text_quality, d.quality_note, {_NUMBERED}, {_PRIVILEGE}, {_PARTS}, {_REDACTIONS}
    FROM documents d WHERE d.id IN ({{}})"""
_OUTLINE = """SELECT id, seq, number, kind, count, substr(text, 1, 160), page_start
    FROM paragraphs WHERE doc_id = ? ORDER BY seq"""

# The documents table's sort orders: ORDER BY expressions over ``documents d``.
DOCUMENT_ORDERS: dict[str, tuple[str, ...]] = {
    "kind": ("d.kind",),
    "document": ("COALESCE(NULLIF(d.title, ''), d.file_name) COLLATE NOCASE",),
    "docket": ("CAST(d.docket_no AS INTEGER)", "d.docket_no"),
    "filed": ("d.filed",),
    "pages": ("d.page_count",),
    "paragraphs": (_NUMBERED,),
    "status": ("CASE d.text_quality WHEN 'needs_ocr' THEN 2 WHEN 'partial' THEN 1 ELSE 0 END",),
    "privilege": (
        f"CASE {_PRIVILEGE} WHEN 'withheld' THEN 3 WHEN 'redacted' THEN 2 ELSE 0 END",
        f"{_PARTS} + {_REDACTIONS}",
    ),
}


def document_ids(matter: Matter, order: str | None = None, descending: bool = False) -> list[int]:
    """Every document id, sorted by one of ``DOCUMENT_ORDERS`` (None: import order)."""
    way = "DESC" if descending else "ASC"
    exprs = DOCUMENT_ORDERS[order] if order is not None else ()
    keys = ", ".join([*(f"{e} {way} NULLS LAST" for e in exprs), f"d.id {way}"])
    return [r[0] for r in matter.db.execute(f"SELECT d.id FROM documents d ORDER BY {keys}")]


def document_rows(matter: Matter, ids: Sequence[int]) -> list[DocumentRow]:
    """The rows of these documents (those still in the matter), in no particular order."""
    out: list[DocumentRow] = []
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        sql = _DOC_ROWS.format(",".join("?" * len(chunk)))
        out += [DocumentRow(*r) for r in matter.db.execute(sql, chunk)]
    return out


def outline_rows(matter: Matter, doc_id: int) -> list[OutlineRow]:
    """One short row per paragraph of a document, in reading order."""
    return [OutlineRow(*r) for r in matter.db.execute(_OUTLINE, [doc_id])]


def ocr_page_counts(matter: Matter) -> list[tuple[int, str, int]]:
    """``(doc_id, file_name, pages OCR'd)`` of every document, for choosing one to export as a
    searchable PDF."""
    return [
        (int(i), str(n), int(k))
        for i, n, k in matter.db.execute(
            "SELECT id, file_name, (SELECT COUNT(*) FROM pages p WHERE p.doc_id = d.id"
            " AND p.ocr) FROM documents d ORDER BY id"
        )
    ]
