"""Pin cites of a document's units, as import stores them: ``Compl. ¶ 45``, ``Order at 4``,
a transcript's units by page and line (``Tr. 3:3-5``, with an en dash), each with its ECF page
(``(Dkt. 1 at 12)``) when the filing carries the court's header."""

from __future__ import annotations

from reviewer.core.ingest import layout, segment


def _lines(para: segment.Para, pages: list[layout.CleanPage]) -> str | None:
    """A transcript unit's page:line span (``5:12-18``, ``5:20-6:3``, with an en dash), or
    None when its first or last row has no line number beside it."""
    first, last = para.rows[0], para.rows[-1]
    p1, p2 = pages[first.page], pages[last.page]
    l1, l2 = p1.line_at(first.y0, first.y1), p2.line_at(last.y0, last.y1)
    if l1 is None or l2 is None:
        return None
    a, b = p1.label or str(first.page + 1), p2.label or str(last.page + 1)
    if a != b:
        return f"{a}:{l1}\u2013{b}:{l2}"
    return f"{a}:{l1}" if l1 == l2 else f"{a}:{l1}\u2013{l2}"


def cite(
    abbrev: str, para: segment.Para, pages: list[layout.CleanPage], lined: bool = False
) -> str:
    """A unit's pin cite: ``Compl. ¶ 45``, ``Order at 4``; a transcript's units by page and
    line (``Tr. 5:12-18``); with the ECF page when the filing has one."""
    page = pages[para.page_start - 1]
    label = page.label or str(para.page_start)
    base = f"{abbrev} ¶ {para.number}" if para.kind == "numbered" else f"{abbrev} at {label}"
    span = _lines(para, pages) if lined and para.kind != "numbered" and para.rows else None
    if span is not None:
        base = f"{abbrev} {span}"
    if page.ecf is not None:
        return f"{base} (Dkt. {page.ecf.doc_no} at {page.ecf.page})"
    return base
