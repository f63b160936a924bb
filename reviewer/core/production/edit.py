"""Editing a production set as the app shows it (issue 15): the set's documents in order with
the Bates range each will take, taking documents out and moving them up or down (each one
undoable operation), and the redactions of one document with the text each box covers."""

from __future__ import annotations

import json
from dataclasses import dataclass

from reviewer.core import pdf
from reviewer.core.errors import ProductionError
from reviewer.core.matter import documents
from reviewer.core.matter.audit import Recorder
from reviewer.core.matter.store import Matter
from reviewer.core.production.export import _boxes, _withheld
from reviewer.core.production.sets import find_set
from reviewer.core.records import Changes, ProductionSet
from reviewer.core.search import locate

Rect = tuple[float, float, float, float]
_PREVIEW = 80  # characters of a redaction's text shown


@dataclass(frozen=True, slots=True)
class SetDocument:
    """One document of a set, in production order, with the Bates range it will take."""

    seq: int  # 1-based place in the set
    doc_id: int
    file_name: str
    pages: int  # pages produced (a withheld document: its one slip sheet)
    first: str
    last: str
    withheld: str | None  # the PRIV- id when the document is withheld
    redactions: int

    @property
    def bates(self) -> str:
        return self.first if self.first == self.last else f"{self.first}\u2013{self.last}"


@dataclass(frozen=True, slots=True)
class RedactionRow:
    """A redaction of one document as the dock lists it."""

    entry_id: str
    page: int
    rect: Rect | None  # None: a paragraph's boxes or the whole page
    reason: str
    info_type: str
    text: str  # what it covers, shortened


def set_documents(matter: Matter, pset: ProductionSet) -> list[SetDocument]:
    """The set's documents in order, numbered as the next export will number them."""
    out: list[SetDocument] = []
    number = pset.start
    counts = dict(matter.db.execute("SELECT doc_id, count(*) FROM redactions GROUP BY doc_id"))
    for seq, doc_id in enumerate(pset.doc_ids, 1):
        d = documents.find_document(matter, doc_id)
        withheld = _withheld(matter, doc_id)
        count = 1 if withheld else d.pages
        first, last = pset.bates(number), pset.bates(number + max(count, 1) - 1)
        number += count
        out.append(SetDocument(seq, doc_id, d.file_name, count, first, last, withheld,
                               int(counts.get(doc_id, 0))))  # fmt: skip
    return out


def total_range(rows: list[SetDocument]) -> str:
    """``DEMO000001\u2013DEMO000042 (42 pages)``; empty for an empty set."""
    if not rows:
        return ""
    pages = sum(r.pages for r in rows)
    return f"{rows[0].first}\u2013{rows[-1].last} ({pages} page{'s' * (pages != 1)})"


def remove_documents(matter: Matter, name: str, doc_ids: list[int]) -> Changes:
    """Take documents out of the set (their redactions stay: they belong to the document);
    the rest close up in order. One undoable operation."""
    pset = find_set(matter, name)
    gone = [d for d in doc_ids if d in pset.doc_ids]
    if not gone:
        raise ProductionError(f"{pset.name}: select a document of the production to remove.")
    names = ", ".join(documents.find_document(matter, d).file_name for d in gone)
    rec = Recorder(matter, f"remove {names} from production {pset.name}")
    with matter.db.atomic():
        for doc_id in gone:
            row = _link(matter, pset, doc_id)
            rec.delete("production_docs", row, f"{doc_id}")
        _renumber(matter, rec, pset)
    return rec.changes()


def move_document(matter: Matter, name: str, doc_id: int, delta: int) -> Changes:
    """Move a document ``delta`` places up (negative) or down in the set's order."""
    pset = find_set(matter, name)
    order = list(pset.doc_ids)
    if doc_id not in order:
        raise ProductionError(f"{pset.name}: that document is not in the production.")
    at = order.index(doc_id)
    to = min(max(at + delta, 0), len(order) - 1)
    if to == at:
        raise ProductionError(
            f"{pset.name}: the document is already {'first' if to == 0 else 'last'}."
        )
    order.insert(to, order.pop(at))
    file_name = documents.find_document(matter, doc_id).file_name
    rec = Recorder(matter, f"move {file_name} to place {to + 1} of production {pset.name}")
    with matter.db.atomic():
        _renumber(matter, rec, pset, order)
    return rec.changes()


def _link(matter: Matter, pset: ProductionSet, doc_id: int) -> int:
    row = matter.db.execute(
        "SELECT id FROM production_docs WHERE set_id = ? AND doc_id = ?", [pset.id, doc_id]
    ).fetchone()
    return int(row[0])


def _renumber(
    matter: Matter, rec: Recorder, pset: ProductionSet, order: list[int] | None = None
) -> None:
    """Give the set's remaining documents the places 1..n in ``order`` (else their own)."""
    rows = matter.db.execute(
        "SELECT id, doc_id, seq FROM production_docs WHERE set_id = ? ORDER BY seq, id",
        [pset.id],
    ).fetchall()
    by_doc = {doc_id: (row_id, seq) for row_id, doc_id, seq in rows}
    wanted = [d for d in (order or [d for _, d, _ in rows]) if d in by_doc]
    for seq, doc_id in enumerate(wanted, 1):
        row_id, old = by_doc[doc_id]
        if old != seq:
            rec.update("production_docs", row_id, {"seq": seq}, f"{doc_id} to {seq}")


def document_redactions(matter: Matter, doc_id: int) -> list[RedactionRow]:
    """A document's redactions by page, with the text each covers (shortened)."""
    rows = matter.db.execute(
        "SELECT entry_id, page, rect, para_id, reason, info_type FROM redactions "
        "WHERE doc_id = ? ORDER BY page, id",
        [doc_id],
    ).fetchall()
    rects = {i: None if r is None else tuple(json.loads(r)) for i, (_, _, r, *_rest) in
             enumerate(rows)}  # fmt: skip
    texts = _texts(matter, doc_id, [(rows[i][1], r) for i, r in rects.items()])
    out = []
    for i, (entry, page, _, para_id, reason, kind) in enumerate(rows):
        text = texts[i]
        if rects[i] is None:
            text = _para_text(matter, para_id) if para_id is not None else "(the whole page)"
        out.append(RedactionRow(entry, page, rects[i], reason, kind, _short(text)))  # type: ignore[arg-type]
    return out


def _texts(matter: Matter, doc_id: int, boxes: list[tuple[int, Rect | None]]) -> list[str]:
    """The text under each box: the PDF's characters, else a scan's OCR'd words."""
    path = locate.document_path(matter, doc_id)
    by_page: dict[int, list[Rect]] = {}
    for page, rect in boxes:
        if rect is not None:
            by_page.setdefault(page, []).append(rect)
    under = pdf.text_under(path, by_page) if path is not None and path.is_file() else {}
    ocr = locate.ocr_words(matter, doc_id) if by_page else {}
    seen: dict[int, int] = {}
    out = []
    for page, rect in boxes:
        if rect is None:
            out.append("")
            continue
        n = seen[page] = seen.get(page, -1) + 1
        text = under.get(page, [""] * (n + 1))[n]
        if not text.strip():
            text = " ".join(w[4] for w in ocr.get(page, []) if _centre_in(w, rect))
        out.append(text)
    return out


def _centre_in(w: pdf.WordBox, r: Rect) -> bool:
    x, y = (w[0] + w[2]) / 2, (w[1] + w[3]) / 2
    return r[0] <= x <= r[2] and r[1] <= y <= r[3]


def _para_text(matter: Matter, para_id: int) -> str:
    p = documents.paragraph_by_id(matter, para_id)
    return f"{p.cite}: {p.text}"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _PREVIEW else text[: _PREVIEW - 1] + "\u2026"


def text_in_box(matter: Matter, doc_id: int, page: int, rect: Rect) -> str:
    """The text a box would redact (shortened), for the reason dialog to show."""
    return _short(_texts(matter, doc_id, [(page, rect)])[0])


def last_reason(matter: Matter) -> tuple[str, str]:
    """The reason and type of information of the latest redaction (defaults for the next)."""
    row = matter.db.execute(
        "SELECT reason, info_type FROM redactions ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return (str(row[0]), str(row[1])) if row else ("", "personal")


def overlay_boxes(matter: Matter, doc_id: int) -> list[tuple[int, float, float, float, float]]:
    """Every redaction box of a document as (page, x0, y0, x1, y1), as the export places it
    (a paragraph's boxes, a whole page), in the page's coordinates as shown (``to_view``)."""
    return [(page, *to_view(matter, doc_id, page, rect))
            for page, boxes in sorted(_boxes(matter, doc_id, False).items())
            for rect, _ in boxes]  # fmt: skip


def to_view(matter: Matter, doc_id: int, page: int, rect: Rect) -> Rect:
    """A box in a page's own coordinates (as stored) as the page is shown: a page with a
    /Rotate is shown turned."""
    return _turned(matter, doc_id, page, rect, True)


def to_page(matter: Matter, doc_id: int, page: int, rect: Rect) -> Rect:
    """A box drawn on the page as shown, in the page's own coordinates (as stored)."""
    return _turned(matter, doc_id, page, rect, False)


def _turned(matter: Matter, doc_id: int, page: int, rect: Rect, view: bool) -> Rect:
    path = locate.document_path(matter, doc_id)
    if path is None or not path.is_file():
        return rect
    return pdf.turned_rects(path, page - 1, [rect], view)[0]
