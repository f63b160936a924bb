"""What a proof chart covers and what it cites besides paragraphs: the complaints a chart can
be drawn for (each named by its short cite — ``Compl.``, ``First Am. Compl.`` — told apart
by docket and case number when two share one), the documents whose tags count for one
complaint, and the exhibits each supporting paragraph cites (issue 18: exhibits shown under
the elements they support).

A chart **for one complaint** counts the tags on that complaint's own pages (its ¶¶ and the
exhibits attached at its end), on exhibits filed with it (``exhibits.filing_id``) and on
exhibits its ¶¶ cite; tags on other filings do not support its counts. ``None`` is the whole
matter (every count of every complaint, every tag).
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.core.errors import NotFoundError
from reviewer.core.matter.store import Matter


@dataclass(frozen=True, slots=True)
class Complaint:
    doc_id: int
    label: str  # unique in the matter: "Compl.", "First Am. Compl. (Dkt. 37)", …
    file_name: str


@dataclass(frozen=True, slots=True)
class ExhibitRef:
    """An exhibit a supporting paragraph cites: where its pages are (None: not attached)."""

    exhibit_id: int
    label: str
    doc_id: int
    first_page: int | None
    last_page: int | None
    attached: bool

    def text(self) -> str:
        if not self.attached or self.first_page is None:
            return f"{self.label} (cited, not attached)"
        last = self.last_page or self.first_page
        pages = f"p. {self.first_page}" if last == self.first_page else (
            f"pp. {self.first_page}\u2013{last}")  # fmt: skip
        return f"{self.label}, {pages}"


def _names(matter: Matter, doc_ids: set[int]) -> dict[int, list[str]]:
    """Each document's candidate names, shortest first: the short cite of its ¶¶, with the
    docket number, with the case number, the file name."""
    out = {}
    for doc_id in sorted(doc_ids):
        name, docket, case_no, cite = matter.db.execute(
            "SELECT d.file_name, d.docket_no, d.case_no, (SELECT cite FROM paragraphs p WHERE"
            " p.doc_id = d.id AND p.kind = 'numbered' ORDER BY seq LIMIT 1)"
            " FROM documents d WHERE d.id = ?",
            [doc_id],
        ).fetchone()
        short = cite.split(" ¶", 1)[0] if cite and " ¶" in cite else name
        names = [short, f"{short} (Dkt. {docket})" if docket else short]
        if case_no:
            names.append(f"{short} ({case_no}, Dkt. {docket or '?'})")
        out[doc_id] = [*names, name]
    return out


def complaint_labels(matter: Matter, doc_ids: set[int], shortest: int = 1) -> dict[int, str]:
    """A unique name per document, from level ``shortest`` of ``_names`` on (0: the bare
    short cite when it is unique; 1: with the docket number — how chart headings name a
    count's complaint); the file name is the last resort."""
    names = _names(matter, doc_ids)
    chosen: dict[int, str] = {}
    for level in range(shortest, 4):
        chosen = {d: v[min(level, len(v) - 1)] for d, v in names.items()}
        if len(set(chosen.values())) == len(chosen):
            break
    return chosen


def complaints(matter: Matter) -> list[Complaint]:
    """Documents a chart can be drawn for: complaints, and any document whose counts are
    mapped to claims; in filing order (docket number, then import order)."""
    rows = matter.db.execute(
        "SELECT id, file_name FROM documents WHERE kind = 'complaint' OR id IN "
        "(SELECT doc_id FROM count_claims WHERE status = 'confirmed')"
        " ORDER BY CAST(docket_no AS INTEGER) IS NULL, CAST(docket_no AS INTEGER), id"
    ).fetchall()
    labels = complaint_labels(matter, {r[0] for r in rows}, shortest=0)
    return [Complaint(doc_id, labels[doc_id], name) for doc_id, name in rows]


def find_complaint(matter: Matter, ref: str | int) -> Complaint:
    """A complaint by its label (``First Am. Compl.``), document id or file name."""
    found = complaints(matter)
    text = str(ref).strip()
    for c in found:
        if text in (str(c.doc_id), c.label, c.file_name):
            return c
    starts = [c for c in found if c.label.lower().startswith(text.lower())]
    if len(starts) == 1:
        return starts[0]
    names = ", ".join(f"'{c.label}'" for c in found) or "none"
    raise NotFoundError(f"{text}: no such complaint (the matter's complaints: {names}).")


def scope_documents(matter: Matter, doc_id: int) -> set[int]:
    """The documents whose tags support the counts of complaint ``doc_id``."""
    rows = matter.db.execute(
        "SELECT doc_id FROM exhibits WHERE filing_id = ? UNION SELECT e.doc_id FROM exhibits e"
        " JOIN exhibit_cites c ON c.exhibit_id = e.id JOIN paragraphs p ON p.id = c.para_id"
        " WHERE p.doc_id = ? AND e.attached = 1",
        [doc_id, doc_id],
    ).fetchall()
    return {doc_id, *(r[0] for r in rows)}


def cited_exhibits(matter: Matter) -> dict[int, list[ExhibitRef]]:
    """Paragraph id → the exhibits it cites, in label order."""
    rows = matter.db.execute(
        "SELECT DISTINCT c.para_id, e.id, e.label, e.doc_id, e.first_page, e.last_page,"
        " e.attached, d.page_count FROM exhibit_cites c JOIN exhibits e ON e.id = c.exhibit_id"
        " JOIN documents d ON d.id = e.doc_id ORDER BY c.para_id, e.label, e.id"
    ).fetchall()
    out: dict[int, list[ExhibitRef]] = {}
    for pid, ex_id, label, doc_id, first, last, attached, pages in rows:
        if attached and first is None:  # a whole separately imported document
            first, last = 1, pages
        out.setdefault(pid, []).append(
            ExhibitRef(ex_id, label, doc_id, first, last, bool(attached))
        )
    return out
