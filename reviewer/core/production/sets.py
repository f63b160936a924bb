"""Production sets (issue 7): create a set (name, Bates prefix, first number, padding,
legend), put documents in it in order, and redact the set's documents by box, by paragraph or
by finding text (a name, or the built-in SSN and account-number patterns). Redactions are rows
of issue 6's ``redactions`` table, so they feed the redaction log; the export applies them."""

from __future__ import annotations

import json
import re

from reviewer.core import pdf
from reviewer.core.errors import ProductionError, ReviewerError
from reviewer.core.exports.inert import safe_name
from reviewer.core.matter import documents
from reviewer.core.matter.audit import Recorder
from reviewer.core.matter.store import Matter
from reviewer.core.production.redactions import PRIVACY, add_boxes
from reviewer.core.records import Changes, Document, ProductionSet
from reviewer.core.search import locate

Rect = tuple[float, float, float, float]
PATTERNS = {
    "ssn": re.compile(r"\d{3}-\d{2}-\d{4}"),
    # 8-17 digits, optionally grouped by dashes or spaces inside one word (not a date or SSN)
    "account": re.compile(r"(?=(?:\D*\d){8,17}\D*$)\d[\d-]{6,}\d"),
}
_DATE = re.compile(r"\d{1,4}[-/]\d{1,2}[-/]\d{1,4}")
_PREFIX = re.compile(r"[A-Za-z0-9_.-]{1,20}")


def create_set(
    matter: Matter, name: str, prefix: str, start: int, digits: int = 6, legend: str = ""
) -> Changes:
    """A new, empty production set."""
    name = name.strip()
    if not name:
        raise ProductionError("Give the production a name.")
    check_names(name, prefix)
    if not 1 <= digits <= 12:
        raise ProductionError(f"{digits}: the number of digits must be 1-12.")
    if not 0 <= start < 10**digits:
        raise ProductionError(f"{start}: the first number must fit in {digits} digits.")
    if _row(matter, name) is not None:
        raise ProductionError(f"{name}: there is already a production of that name.")
    rec = Recorder(matter, f"create production {name}")
    with matter.db.atomic():
        rec.insert("production_sets", {
            "name": name, "prefix": prefix, "start": start, "digits": digits,
            "legend": legend.strip(), "who": rec.who, "at": rec.at}, name)  # fmt: skip
    return rec.changes()


def check_names(name: str, prefix: str) -> None:
    """A production name and a Bates prefix become parts of file names and load-file fields
    (the OPT volume): no path separator, no '..', no control character, no comma."""
    try:
        safe_name(name, "production name")
    except ReviewerError as exc:
        raise ProductionError(str(exc)) from None
    if "," in name:
        raise ProductionError(f"{name!r}: a production name cannot hold a comma (the OPT load "
                              "file separates its fields with commas).")  # fmt: skip
    if not _PREFIX.fullmatch(prefix) or ".." in prefix or prefix.startswith("."):
        raise ProductionError(f"{prefix!r}: a Bates prefix is 1-20 letters, digits, '_', '-' "
                              "or '.' (no spaces, commas, slashes or '..').")  # fmt: skip


def _row(matter: Matter, name: str) -> tuple | None:  # type: ignore[type-arg]
    return matter.db.execute(
        "SELECT id, name, prefix, start, digits, legend FROM production_sets WHERE name = ?",
        [name.strip()],
    ).fetchone()


def find_set(matter: Matter, name: str) -> ProductionSet:
    row = _row(matter, name)
    if row is None:
        raise ProductionError(f"{name}: no such production in {matter.path.name}.")
    ids = matter.db.execute(
        "SELECT doc_id FROM production_docs WHERE set_id = ? ORDER BY seq", [row[0]]
    ).fetchall()
    set_id, set_name, prefix, start, digits, legend = row
    return ProductionSet(
        set_id, set_name, prefix, start, digits, legend, doc_ids=tuple(i for (i,) in ids)
    )


def list_sets(matter: Matter) -> list[ProductionSet]:
    names = matter.db.execute("SELECT name FROM production_sets ORDER BY id").fetchall()
    return [find_set(matter, n) for (n,) in names]


def add_documents(matter: Matter, name: str, docs: list[str]) -> Changes:
    """Append ``docs`` (ids or file names) to the set, in the order given; a document already
    in the set is an error (nothing is added)."""
    pset = find_set(matter, name)
    found = [documents.find_document(matter, d) for d in docs]
    seen = set(pset.doc_ids)
    for d in found:
        if d.id in seen:
            raise ProductionError(f"{d.file_name}: is already in production {pset.name}.")
        seen.add(d.id)
    rec = Recorder(matter, f"add to production {pset.name}")
    with matter.db.atomic():
        top = matter.db.execute(
            "SELECT coalesce(max(seq), 0) FROM production_docs WHERE set_id = ?", [pset.id]
        ).fetchone()[0]
        for seq, d in enumerate(found, top + 1):  # after the last, gaps or not
            rec.insert("production_docs", {"set_id": pset.id, "doc_id": d.id, "seq": seq},
                       d.file_name)  # fmt: skip
    return rec.changes()


def member(matter: Matter, pset: ProductionSet, doc: str) -> Document:
    d = documents.find_document(matter, doc)
    if d.id not in pset.doc_ids:
        raise ProductionError(f"{d.file_name}: is not in production {pset.name}; add it first.")
    return d


def redact_box(
    matter: Matter, name: str, doc: str, page: int, rect: Rect, reason: str,
    info_type: str = "personal", basis: str = "",
) -> list[str]:  # fmt: skip
    """Redact one rectangle (PDF points, origin top-left) of ``page`` (1-based)."""
    pset = find_set(matter, name)
    d = checked_box(matter, pset, doc, page, rect)
    return _record(matter, [(d.id, page, rect)], info_type, basis, reason,
                   f"redact {d.file_name} p. {page}")  # fmt: skip


def checked_box(matter: Matter, pset: ProductionSet, doc: str, page: int, rect: Rect) -> Document:
    """The set's document ``doc`` if ``rect`` is a box within its ``page``; else an error."""
    d = member(matter, pset, doc)
    sizes = locate.page_sizes(matter, d.id)
    if not 1 <= page <= len(sizes):
        raise ProductionError(f"{d.file_name}: page {page} is not within 1-{len(sizes)}.")
    w, h = sizes[page - 1]
    x0, y0, x1, y1 = rect
    if x1 <= x0 or y1 <= y0:
        raise ProductionError(f"{list(rect)}: x1 and y1 must be greater than x0 and y0.")
    if x0 < -0.5 or y0 < -0.5 or (max(x1 - w, y1 - h) > 0.5 and max(x1 - h, y1 - w) > 0.5):
        # (in the page's own coordinates: a page shown turned a quarter has w and h swapped)
        raise ProductionError(f"{d.file_name} p. {page}: the box {list(rect)} is outside the "
                              f"page (0,0,{w:g},{h:g}).")  # fmt: skip
    return d


def redact_paragraph(
    matter: Matter, name: str, doc: str, number: str, reason: str,
    info_type: str = "personal", basis: str = "",
) -> list[str]:  # fmt: skip
    """Redact every box of the numbered paragraph ``number`` (¶ 12) of ``doc``."""
    pset = find_set(matter, name)
    d = member(matter, pset, doc)
    para = documents.find_paragraph(matter, d, number=number)
    boxes = dict(locate.paragraph_boxes(matter, d.id))[para.id]
    # the glyphs' own boxes of each line (a scan's OCR'd lines keep their boxes)
    lines = [(p, (x0, y0, x1, y1)) for p, x0, y0, x1, y1 in boxes]
    tight = pdf.tight_boxes(matter.path / d.stored_path, lines)
    return _record(matter, [(d.id, p, r) for p, r in tight], info_type, basis, reason,
                   f"redact {d.file_name} {para.cite}", para.id)  # fmt: skip


def redact_search(
    matter: Matter, name: str, text: str | None, reason: str, pattern: str | None = None,
    info_type: str = "personal", basis: str = "",
) -> list[str]:  # fmt: skip
    """Redact every occurrence of ``text`` (or of a built-in ``pattern``: ssn, account) on
    every page of the set's documents. Finding nothing is an error: nothing is recorded."""
    pset = find_set(matter, name)
    found = matches(matter, pset, text, pattern)
    boxes = [(d.id, page, rect) for d, hits in found for page, rect in hits]
    return _record(matter, boxes, info_type, basis, reason, f"find and redact in {pset.name}")


def matches(
    matter: Matter, pset: ProductionSet, text: str | None, pattern: str | None = None
) -> list[tuple[Document, list[tuple[int, Rect]]]]:
    """Every occurrence of ``text`` (or of a built-in ``pattern``) in the set's documents,
    in production order: (document, [(1-based page, rectangle)]). Finding nothing is an
    error."""
    if not pset.doc_ids:
        raise ProductionError(f"{pset.name}: has no documents yet; add some first.")
    if not (text or "").strip() and pattern is None:
        raise ProductionError("Give the text to find and redact.")
    found: list[tuple[Document, list[tuple[int, Rect]]]] = []
    for doc_id in pset.doc_ids:
        d = documents.find_document(matter, doc_id)
        path = matter.path / d.stored_path
        ocr = locate.ocr_words(matter, d.id)  # a scan's words are only in the matter
        if pattern:
            hits = _pattern_hits(path, d.pages, pattern, ocr)
        else:
            hits = pdf.find_text(path, text or "") + _ocr_hits(ocr, text or "")
        if hits:
            found.append((d, hits))
    if not found:
        what = f"the {pattern} pattern" if pattern else repr(text)
        raise ProductionError(f"{what}: not found in production {pset.name}; nothing redacted.")
    return found


def redact_bad_covers(
    matter: Matter, name: str, reason: str, info_type: str = "confidential", basis: str = "",
) -> list[str]:  # fmt: skip
    """Redact for real the text under every bad redaction found on import in the set's
    documents (a black box drawn over text that can still be copied): the cover's rectangle
    becomes a redaction box. Finding none is an error: nothing is recorded."""
    pset = find_set(matter, name)
    rows = matter.db.execute(
        f"SELECT doc_id, page, rect FROM bad_redactions WHERE doc_id IN "
        f"({','.join('?' * len(pset.doc_ids))}) ORDER BY doc_id, page, id",
        list(pset.doc_ids),
    ).fetchall()
    if not rows:
        raise ProductionError(f"{pset.name}: no document in it has text under a black box; "
                              "nothing redacted.")  # fmt: skip
    boxes = [(d, p, tuple(json.loads(r))) for d, p, r in rows]
    return _record(matter, boxes, info_type, basis, reason,  # type: ignore[arg-type]
                   f"redact bad redactions in {pset.name}")  # fmt: skip


def _ocr_hits(ocr: dict[int, list[pdf.WordBox]], text: str) -> list[tuple[int, Rect]]:
    """Whole-word occurrences of ``text`` among the OCR'd words, one box per word."""
    tokens = [pdf.bare_word(t) for t in text.split()]
    hits: list[tuple[int, Rect]] = []
    for page, words in ocr.items():
        bare = [pdf.bare_word(w[4]) for w in words]
        for i in range(len(words) - len(tokens) + 1):
            if tokens and bare[i : i + len(tokens)] == tokens:
                hits += [(page, tuple(w[:4])) for w in words[i : i + len(tokens)]]  # type: ignore[misc]
    return hits


def _pattern_hits(
    path: object, pages: int, pattern: str, ocr: dict[int, list[pdf.WordBox]]
) -> list[tuple[int, Rect]]:
    rx = PATTERNS.get(pattern)
    if rx is None:
        raise ProductionError(f"{pattern!r}: the pattern must be one of {', '.join(PATTERNS)}.")
    hits: list[tuple[int, Rect]] = []
    for page in range(1, pages + 1):
        words = ocr.get(page) or pdf.page_words(path, page - 1)  # type: ignore[arg-type]
        for x0, y0, x1, y1, word in words:
            bare = word.strip(".,;:()[]")
            ssn = PATTERNS["ssn"].fullmatch(bare)
            if rx.fullmatch(bare) and not (pattern == "account" and (ssn or _DATE.fullmatch(bare))):
                hits.append((page, (x0, y0, x1, y1)))
    return hits


def _record(
    matter: Matter, boxes: list[tuple[int, int, Rect]], info_type: str, basis: str,
    reason: str, action: str, para_id: int | None = None,
) -> list[str]:  # fmt: skip
    """One undoable batch; a non-privacy redaction without a basis takes its reason."""
    return record_boxes(matter, boxes, info_type, basis, reason, action, para_id)[0]


def record_boxes(
    matter: Matter, boxes: list[tuple[int, int, Rect]], info_type: str, basis: str,
    reason: str, action: str, para_id: int | None = None,
) -> tuple[list[str], Changes]:  # fmt: skip
    """``_record``, returning the new ids and what the operation changed."""
    if not reason.strip():
        raise ProductionError("Give the reason for the redaction (--reason).")
    if not basis.strip() and info_type not in PRIVACY:
        basis = f"custom: {reason.strip()}"
    return add_boxes(matter, boxes, info_type, basis, reason, para_id, action)
