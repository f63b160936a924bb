"""Tagging: a paragraph (or an exhibit page range) ↔ a claim element, with an assessment, a
note, who and when. Tag, untag and bulk tag return ``Changes`` and write their audit rows in
the same transaction; ``undo`` / ``redo`` reverse and replay the audit log (see ``audit``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from reviewer.core.claims.elements import element_for_hotkey, find_element
from reviewer.core.errors import ClaimError, NotFoundError
from reviewer.core.matter import audit
from reviewer.core.matter.audit import Recorder
from reviewer.core.matter.documents import paragraph_by_id
from reviewer.core.matter.store import Matter
from reviewer.core.records import ASSESSMENTS, Changes, Element, Paragraph, Tag

undo = audit.undo
redo = audit.redo
history = audit.history


def para_span(paras: Sequence[Paragraph]) -> str:
    """``¶ 5``, ``¶¶ 5-7, 9`` (with an en dash): the printed numbers of paragraphs, for an
    operation's label (a cite / ``4 paragraphs`` when some are not numbered)."""
    nums = sorted({int(p.number) for p in paras
                   if p.kind == "numbered" and p.number and p.number.isdigit()})  # fmt: skip
    if len(nums) != len(paras):
        return paras[0].cite if len(paras) == 1 else f"{len(paras)} paragraphs"
    runs: list[list[int]] = []
    for n in nums:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    text = ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else f"{r[0]}" for r in runs)
    return f"¶ {text}" if len(nums) == 1 else f"¶¶ {text}"


_TAG_SQL = """SELECT t.id, t.element_id, c.key || '.' || e.key AS element, t.doc_id,
    t.para_id, t.page_start, t.page_end, t.assessment, t.note, t.who, t.at, p.cite
    FROM tags t JOIN elements e ON e.id = t.element_id JOIN claims c ON c.id = e.claim_id
    JOIN documents d ON d.id = t.doc_id LEFT JOIN paragraphs p ON p.id = t.para_id"""


def check_assessment(assessment: str) -> str:
    value = assessment.strip().lower().replace(" ", "-")
    value = {
        "on-information-and-belief": "information-and-belief",
        "ib": "information-and-belief",
    }.get(value, value)
    if value not in ASSESSMENTS:
        raise ClaimError(f"{assessment!r}: the assessment must be one of {', '.join(ASSESSMENTS)}.")
    return value


def exhibit_cite(matter: Matter, doc_id: int, page_start: int, page_end: int) -> str:
    """``Ex. B at 3-4 (Dkt. 1-2 at 3)``-style cite of a page range of a document (1-based)."""
    name, title, docket, abbrev = matter.db.execute(
        "SELECT file_name, title, docket_no, abbrev FROM documents WHERE id = ?", [doc_id]
    ).fetchone()
    labels = dict(
        matter.db.execute(
            "SELECT pno, coalesce(label, pno) FROM pages WHERE doc_id = ? AND pno IN (?, ?)",
            [doc_id, page_start, page_end],
        ).fetchall()
    )
    first, last = labels.get(page_start, page_start), labels.get(page_end, page_end)
    pages = f"{first}" if page_start == page_end else f"{first}–{last}"
    # the Bluebook short form read from the caption (``Ex. B``), else the title
    label = (abbrev if abbrev and abbrev != "Doc." else "") or (title or "").strip()
    label = label or name.rsplit(".", 1)[0]
    base = f"{label} at {pages}"
    return f"{base} (Dkt. {docket})" if docket else base


def _tag(matter: Matter, row: dict[str, Any]) -> Tag:
    """A tag built by column name; an exhibit page range gets its cite here."""
    values = dict(row)
    if not values["cite"]:
        values["cite"] = exhibit_cite(
            matter, values["doc_id"], values["page_start"], values["page_end"]
        )
    return Tag(**values)


def list_tags(
    matter: Matter,
    element: Element | None = None,
    doc_id: int | None = None,
    para_ids: Iterable[int] | None = None,
) -> list[Tag]:
    """Tags, optionally of one element / document / set of paragraphs, in document order."""
    where, args = ["1"], []
    if element is not None:
        where.append("t.element_id = ?")
        args.append(element.id)
    if doc_id is not None:
        where.append("t.doc_id = ?")
        args.append(doc_id)
    if para_ids is not None:
        ids = list(para_ids)
        where.append(f"t.para_id IN ({','.join('?' * len(ids))})")
        args += ids
    cur = matter.db.execute(
        f"{_TAG_SQL} WHERE {' AND '.join(where)} "
        "ORDER BY t.doc_id, coalesce(p.seq, 0), t.page_start, c.position, e.position",
        args,
    )
    cols = [d[0] for d in cur.description]
    return [_tag(matter, dict(zip(cols, r, strict=True))) for r in cur.fetchall()]


def _element(matter: Matter, element: Element | str) -> Element:
    e = element if isinstance(element, Element) else find_element(matter, element)
    if e.retired:
        raise ClaimError(f"{e.full_id} is retired; restore it before tagging with it.")
    return e


def tag(
    matter: Matter,
    para_ids: Sequence[int],
    element: Element | str,
    assessment: str = "factual",
    note: str = "",
) -> Changes:
    """Tag paragraphs with an element (one undoable batch). A paragraph already tagged with
    it gets the new assessment and note."""
    e, value = _element(matter, element), check_assessment(assessment)
    if not para_ids:
        raise ClaimError("Choose at least one paragraph to tag.")
    paras = [paragraph_by_id(matter, pid) for pid in dict.fromkeys(para_ids)]
    rec = Recorder(matter, f"Tag {para_span(paras)} with {e.name}")
    with matter.db.atomic():
        for p in paras:
            summary = f"{p.cite} → {e.full_id} ({value})"
            old = matter.db.execute(
                "SELECT id FROM tags WHERE element_id = ? AND para_id = ?", [e.id, p.id]
            ).fetchone()
            values = {"assessment": value, "note": note, "who": rec.who, "at": rec.at}
            if old:
                rec.update("tags", old[0], values, summary)
            else:
                rec.insert("tags", {"element_id": e.id, "doc_id": p.doc_id, "para_id": p.id,
                                    **values}, summary)  # fmt: skip
    return rec.changes()


def tag_pages(
    matter: Matter,
    doc_id: int,
    page_start: int,
    page_end: int,
    element: Element | str,
    assessment: str = "factual",
    note: str = "",
) -> Changes:
    """Tag pages ``page_start``..``page_end`` (1-based) of an exhibit with an element."""
    e, value = _element(matter, element), check_assessment(assessment)
    pages = matter.db.execute("SELECT page_count FROM documents WHERE id = ?", [doc_id]).fetchone()
    if pages is None:
        raise NotFoundError(f"Document {doc_id} is not in {matter.name}.")
    if not 1 <= page_start <= page_end <= pages[0]:
        raise ClaimError(f"Pages {page_start}–{page_end} are not within 1–{pages[0]}.")
    cite = exhibit_cite(matter, doc_id, page_start, page_end)
    rec = Recorder(matter, f"Tag {cite} with {e.name}")
    with matter.db.atomic():
        old = matter.db.execute(
            "SELECT id FROM tags WHERE element_id = ? AND doc_id = ? AND para_id IS NULL "
            "AND page_start = ? AND page_end = ?",
            [e.id, doc_id, page_start, page_end],
        ).fetchone()
        values = {"assessment": value, "note": note, "who": rec.who, "at": rec.at}
        summary = f"{cite} → {e.full_id} ({value})"
        if old:
            rec.update("tags", old[0], values, summary)
        else:
            span = {"page_start": page_start, "page_end": page_end}
            rec.insert("tags", {"element_id": e.id, "doc_id": doc_id, **span, **values}, summary)
    return rec.changes()


def tag_by_hotkey(
    matter: Matter, para_ids: Sequence[int], claim_key: str, hotkey: int,
    assessment: str = "factual",
) -> Changes:  # fmt: skip
    """The app's 1-9 keys: tag the selection with the active claim's element on that key."""
    return tag(matter, para_ids, element_for_hotkey(matter, claim_key, hotkey), assessment)


def untag(matter: Matter, para_ids: Sequence[int], element: Element | str) -> Changes:
    """Remove an element's tag from paragraphs (one undoable batch)."""
    e = element if isinstance(element, Element) else find_element(matter, element)
    tags = list_tags(matter, e, para_ids=para_ids)
    if not tags:
        raise ClaimError(f"None of these paragraphs is tagged with {e.full_id}.")
    paras = [paragraph_by_id(matter, t.para_id) for t in tags if t.para_id is not None]
    return _delete(matter, tags, f"Untag {para_span(paras)} from {e.name}")


def untag_pages(
    matter: Matter, doc_id: int, page_start: int, page_end: int, element: Element | str
) -> Changes:
    e = element if isinstance(element, Element) else find_element(matter, element)
    tags = [
        t for t in list_tags(matter, e, doc_id=doc_id)
        if t.para_id is None and (t.page_start, t.page_end) == (page_start, page_end)
    ]  # fmt: skip
    if not tags:
        raise ClaimError(f"Pages {page_start}–{page_end} are not tagged with {e.full_id}.")
    return _delete(matter, tags, f"Untag {tags[0].cite} from {e.name}")


def _delete(matter: Matter, tags: list[Tag], action: str) -> Changes:
    rec = Recorder(matter, action)
    with matter.db.atomic():
        for t in tags:
            rec.delete("tags", t.id, f"{t.cite} ✕ {t.element}")
    return rec.changes()


def reject_suggestion(matter: Matter, para_id: int, element: Element | str) -> Changes:
    """Mark a suggested paragraph as not relevant to an element (not suggested again)."""
    e = element if isinstance(element, Element) else find_element(matter, element)
    p = paragraph_by_id(matter, para_id)
    rec = Recorder(matter, f"Reject suggestion {p.cite} for {e.name}")
    with matter.db.atomic():
        if not matter.db.execute(
            "SELECT 1 FROM suggestion_rejects WHERE element_id = ? AND para_id = ?", [e.id, p.id]
        ).fetchone():
            rec.insert("suggestion_rejects", {"element_id": e.id, "para_id": p.id}, rec.action)
    return rec.changes()
