"""The exhibit register of a matter: storing what detection found in a document (on import,
or by a re-scan of documents already imported), exhibits a user declares
(``reviewer exhibits add``), and the register as the CLI, the exports and the app read it —
each exhibit with its pages, whether it is attached, and the paragraphs that cite it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from typing import Any

from reviewer.core.errors import ReviewerError
from reviewer.core.exhibits import detect
from reviewer.core.exhibits.citations import link_filing, user_work
from reviewer.core.exhibits.labels import cover_label, label_of
from reviewer.core.matter.audit import Recorder, current_user
from reviewer.core.matter.documents import find_document
from reviewer.core.matter.store import Matter
from reviewer.core.records import Changes, Progress

FOUND = ("cover", "stamp", "ecf")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def new_row(
    matter: Matter, doc_id: int, filing_id: int | None, key: str, *, source: str,
    attached: bool = True, label: str | None = None, first: int | None = None,
    last: int | None = None, description: str = "", parent: int | None = None,
    ecf_ref: str | None = None,
) -> int:  # fmt: skip
    row = {
        "doc_id": doc_id, "filing_id": filing_id, "label": label or label_of(key), "key": key,
        "first_page": first, "last_page": last, "attached": int(attached), "source": source,
        "parent_id": parent, "description": description, "ecf_ref": ecf_ref,
        "who": current_user(), "at": _now(),
    }  # fmt: skip
    return int(matter.db.table("exhibits").insert(row).last_pk or 0)


def _main_filing(matter: Matter, doc_id: int, ecf_ref: str | None) -> int | None:
    """The docket entry an ECF attachment (``55-3``) belongs to, when it is in the matter."""
    if not ecf_ref or "-" not in ecf_ref:
        return None
    row = matter.db.execute(
        """SELECT id FROM documents WHERE docket_no = ? AND id != ?
        AND case_no IS (SELECT case_no FROM documents WHERE id = ?) ORDER BY id LIMIT 1""",
        [ecf_ref.split("-")[0], doc_id, doc_id],
    ).fetchone()
    return row[0] if row else None


def _stamps_from_file(matter: Matter, stored_path: str) -> list[tuple[int, str, int | None]]:
    from reviewer.core.pdf import read_pdf

    try:
        return detect.page_stamps(read_pdf(matter.path / stored_path).pages)
    except (ReviewerError, OSError):  # a stored copy gone or unreadable: covers still count
        return []


def _store_found(matter: Matter, doc_id: int, found: list[detect.Found], filing: int | None,
                 page_count: int) -> None:  # fmt: skip
    """Replace the document's found exhibits, keeping the id (and so the numbers) of each
    one found again and the label and description a user may have edited; an exhibit no
    longer found that carries user work (a number, trial dates) is kept."""
    db = matter.db
    old = {
        (r[1], r[2]): r[0]
        for r in db.execute(
            f"SELECT id, key, first_page FROM exhibits WHERE doc_id = ? AND source IN "
            f"({','.join('?' * len(FOUND))})",
            [doc_id, *FOUND],
        ).fetchall()
    }
    ids: list[int] = []
    for f in found:
        whole = f.parent is None and f.first_page == 1 and f.last_page == page_count
        values = {
            "filing_id": (filing if whole else doc_id), "label": f.label, "key": f.key,
            "first_page": f.first_page, "last_page": f.last_page, "source": f.source,
            "parent_id": ids[f.parent] if f.parent is not None else None,
            "description": f.description, "ecf_ref": f.ecf_ref, "attached": 1,
        }  # fmt: skip
        row_id = old.pop((f.key, f.first_page), None)
        if row_id is None:
            row_id = new_row(matter, doc_id, None, f.key, source=f.source)
        else:  # found again: a label or description the user gave stays
            values.pop("label")
            values.pop("description")
        db.table("exhibits").update(row_id, values)
        ids.append(row_id)
    for row_id in old.values():
        if user_work(matter, row_id):
            continue
        db.execute("UPDATE exhibits SET parent_id = NULL WHERE parent_id = ?", [row_id])
        db.execute("DELETE FROM exhibit_cites WHERE exhibit_id = ?", [row_id])
        db.execute("DELETE FROM exhibits WHERE id = ?", [row_id])


def scan_document(
    matter: Matter, doc_id: int, stamps: Sequence[Sequence[object]] | None = None
) -> int:
    """Find the exhibits of one stored document and link the citations of it and of the
    filing it belongs to; run inside the caller's transaction. ``stamps`` are the
    document's ``detect.page_stamps`` (read from its stored file when not given). Returns
    how many exhibits were found."""
    db = matter.db
    doc = db.execute(
        "SELECT page_count, docket_no, title, stored_path, kind FROM documents WHERE id = ?",
        [doc_id],
    ).fetchone()
    page_count, docket, title, stored, _kind = doc
    pages = db.execute(
        "SELECT text, ecf_doc FROM pages WHERE doc_id = ? ORDER BY pno", [doc_id]
    ).fetchall()
    texts, ecf_docs = [r[0] for r in pages], [r[1] for r in pages]
    if stamps is None:
        stamps = _stamps_from_file(matter, stored)
    heading = _title(title)
    found = detect.layout(detect.marks(texts, stamps, ecf_docs), page_count, docket, heading)
    filing = _main_filing(matter, doc_id, docket)
    _store_found(matter, doc_id, found, filing, page_count)
    if docket and "-" not in docket:  # a main filing adopts its attachments already here
        db.execute(
            """UPDATE exhibits SET filing_id = ? WHERE filing_id IS NULL AND ecf_ref LIKE ?
            AND doc_id IN (SELECT id FROM documents WHERE case_no IS
                           (SELECT case_no FROM documents WHERE id = ?))""",
            [doc_id, f"{docket}-%", doc_id],
        )
    link_filing(matter, doc_id)
    if filing is not None:
        link_filing(matter, filing)
    return len(found)


_JUNK_TITLE = re.compile(r"^Microsoft Word|\.(?:docx?|wpd|rtf|pdf)$|^untitled", re.IGNORECASE)


def _title(pdf_title: str | None) -> str:
    """A whole document's description: the PDF's title, unless it is a word processor's
    file name (``Microsoft Word - 1131.docx``); the user may give a better one."""
    title = " ".join((pdf_title or "").split())
    return "" if _JUNK_TITLE.search(title) else title[:200]


def rescan(matter: Matter, docs: Sequence[int] | None = None) -> Iterator[Progress]:
    """Re-detect the exhibits of documents already imported (all by default), one
    transaction per document; yields Progress."""
    matter.require_writable()
    ids = list(docs) if docs else [r[0] for r in matter.db.execute(
        "SELECT id FROM documents ORDER BY id")]  # fmt: skip
    for n, doc_id in enumerate(ids, start=1):
        with matter.db.atomic():
            found = scan_document(matter, doc_id)
        yield Progress(n, len(ids), f"{found} exhibit(s) in document {doc_id}", str(doc_id))


def key_for_label(label: str) -> str:
    """The key of a label a user typed (``Exhibit 3``, ``Ex. C``, ``PX-12``, ``Tab 4``)."""
    found = cover_label(label)
    if found is not None:
        return found[0]
    return "USER:" + " ".join(label.upper().split())


def _pages(spec: str | None, count: int) -> tuple[int | None, int | None]:
    if not spec:
        return None, None
    try:
        a, _, b = spec.partition("-")
        first, last = int(a), int(b or a)
    except ValueError:
        raise ReviewerError(f"{spec!r}: give pages as A-B, e.g. 3-9.") from None
    if not 1 <= first <= last <= count:
        raise ReviewerError(f"Pages {spec}: the document has pages 1-{count}.")
    return first, last


def add_exhibit(
    matter: Matter, doc: str, label: str, of: str | None = None, pages: str | None = None,
    description: str = "",
) -> tuple[int, Changes]:  # fmt: skip
    """Declare DOC (or its pages A-B) an exhibit, of filing OF when given; one undoable
    step. The filing's citations of that label link to it."""
    matter.require_writable()
    if not label.strip():
        raise ReviewerError('Give the exhibit\'s label, e.g. --label "Exhibit 3".')
    d = find_document(matter, doc)
    filing = find_document(matter, of).id if of else None
    first, last = _pages(pages, d.pages)
    key = key_for_label(label)
    rec = Recorder(matter, f"Declare {label} an exhibit")
    with matter.db.atomic():
        row_id = rec.insert("exhibits", {
            "doc_id": d.id, "filing_id": filing, "label": " ".join(label.split()), "key": key,
            "first_page": first, "last_page": last, "attached": 1, "source": "user",
            "description": description, "who": rec.who, "at": rec.at,
        }, f"{label}: {d.file_name}")  # fmt: skip
        if filing is not None:
            link_filing(matter, filing)
    return row_id, rec.changes()


def _cited_by(matter: Matter) -> dict[int, list[dict[str, Any]]]:
    rows = matter.db.execute(
        """SELECT c.exhibit_id, p.doc_id, p.seq, p.number, p.kind, p.cite, p.page_start, c.text,
        p.id FROM exhibit_cites c JOIN paragraphs p ON p.id = c.para_id
        ORDER BY c.exhibit_id, p.doc_id, p.seq, c.text"""
    ).fetchall()
    out: dict[int, list[dict[str, Any]]] = {}
    for ex, doc_id, seq, number, kind, cite, page, text, pid in rows:
        out.setdefault(ex, []).append({"seq": seq, "number": number, "kind": kind, "cite": cite,
                                       "doc_id": doc_id, "page": page, "text": text,
                                       "para_id": pid})  # fmt: skip
    return out


def list_exhibits(matter: Matter, doc: str | None = None) -> list[dict[str, Any]]:
    """The register: ``{exhibit_id, doc_id, file_name, label, first_page, last_page,
    attached, description, cited_by: [{seq, number, kind, cite, doc_id, page, text,
    para_id}], key, source, filing_id, filing, parent_id, ecf_ref, cited, numbers, offered, marked,
    admitted}``, by filing and page. ``doc``: exhibits in or of that document."""
    where, args = "", []
    if doc is not None:
        d = find_document(matter, doc)
        where, args = "WHERE e.doc_id = ? OR e.filing_id = ?", [d.id, d.id]
    rows = matter.db.execute(
        f"""SELECT e.id, e.doc_id, d.file_name, e.label, e.first_page, e.last_page, e.attached,
        e.description, e.key, e.source, e.filing_id, f.file_name, e.parent_id, e.ecf_ref,
        e.offered, e.marked, e.admitted, d.page_count
        FROM exhibits e JOIN documents d ON d.id = e.doc_id
        LEFT JOIN documents f ON f.id = e.filing_id {where}
        ORDER BY coalesce(e.filing_id, e.doc_id), e.attached DESC, e.doc_id,
                 coalesce(e.first_page, 0), e.id""",
        args,
    ).fetchall()
    cited = _cited_by(matter)
    numbers = _numbers(matter)
    out = []
    for r in rows:
        first, last = r[4], r[5]
        if r[6] and first is None:  # a whole separately imported document
            first, last = 1, r[17]
        out.append({
            "exhibit_id": r[0], "doc_id": r[1], "file_name": r[2], "label": r[3],
            "first_page": first, "last_page": last, "attached": bool(r[6]),
            "description": r[7], "cited_by": cited.get(r[0], []), "key": r[8], "source": r[9],
            "filing_id": r[10], "filing": r[11], "parent_id": r[12], "ecf_ref": r[13],
            "cited": r[0] in cited, "numbers": numbers.get(r[0], []),
            "offered": r[14], "marked": r[15], "admitted": r[16],
        })  # fmt: skip
    return out


def _numbers(matter: Matter) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for ex, label in matter.db.execute(
        "SELECT exhibit_id, label FROM exhibit_numbers WHERE withdrawn = 0 AND exhibit_id "
        "IS NOT NULL ORDER BY scheme, number"
    ):
        out.setdefault(ex, []).append(label)
    return out


def find_exhibit(matter: Matter, ref: str) -> dict[str, Any]:
    """An exhibit by id or by an assigned number (``PX-012``)."""
    ref = ref.strip()
    for ex in list_exhibits(matter):
        if str(ex["exhibit_id"]) == ref or ref.upper() in (n.upper() for n in ex["numbers"]):
            return ex
    raise ReviewerError(f"{ref}: no exhibit has this id or number (see 'reviewer exhibits').")


EDITABLE = ("description", "offered", "marked", "admitted", "label")


def update_exhibit(matter: Matter, exhibit: str, **values: str | None) -> Changes:
    """Set an exhibit's description, label or AO 187 dates (offered, marked, admitted);
    options left out keep their value; one undoable step."""
    matter.require_writable()
    ex = find_exhibit(matter, exhibit)
    change = {k: v for k, v in values.items() if k in EDITABLE and v is not None}
    if not change:
        raise ReviewerError("Nothing to change: give --description, --offered, --marked, …")
    rec = Recorder(matter, f"Edit {ex['label']}")
    with matter.db.atomic():
        rec.update("exhibits", ex["exhibit_id"], change, f"{ex['label']}: {', '.join(change)}")
    return rec.changes()
