"""Exhibit binders and stamps: an index page whose entries link to each exhibit, a bookmark
per exhibit, a slip sheet before each, an exhibit sticker on its first page and a footer on
every page (``PX-012 — page 3 of 9``). The originals are never changed: pages are copied
into a new PDF and stamped there, so a binder made again after numbers change is stamped
afresh. Also reads a binder back (bookmarks, links) for checks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.core.pdf.read import _open, _pymupdf

LETTER = (612.0, 792.0)
ROWS_PER_INDEX_PAGE = 28
_MARGIN = 54.0
STRIP = 24.0  # points added below each exhibit page for its footer


@dataclass(frozen=True, slots=True)
class BinderEntry:
    """One exhibit of a binder: pages ``first``-``last`` (1-based) of ``source``."""

    number: str  # PX-012, Exhibit A
    description: str
    source: Path
    first: int
    last: int
    sticker: tuple[str, ...]  # lines of the sticker: PLAINTIFF'S / EXHIBIT / 12 / case no.
    inner: tuple[tuple[str, int], ...] = ()  # exhibits within it: (label, 1-based page in it)


def _text(m: Any, page: Any, x: float, y: float, text: str, size: float,
          bold: bool = False) -> float:  # fmt: skip
    """Write one line at baseline ``y`` (TextWriter keeps em dashes and curly quotes);
    returns its width."""
    font = m.Font("hebo" if bold else "helv")
    w = m.TextWriter(page.rect)
    w.append((x, y), text, font=font, fontsize=size)
    w.write_text(page)
    return float(font.text_length(text, size))


def _width(m: Any, text: str, size: float, bold: bool = False) -> float:
    return float(m.Font("hebo" if bold else "helv").text_length(text, size))


def _fit(m: Any, text: str, size: float, room: float) -> str:
    """``text`` cut with an ellipsis to fit ``room`` points."""
    if _width(m, text, size) <= room:
        return text
    while text and _width(m, text + "…", size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def _upright(page: Any) -> None:
    """Make a rotated page's rotation part of its content, so stamps land where it is read."""
    if page.rotation:
        page.remove_rotation()
        page.wrap_contents()


def _strip(m: Any, page: Any) -> None:
    """Add a blank strip below the page for the footer, so it never covers the page's own
    footer (an ECF stamp, a Bates number)."""
    mb = page.mediabox
    page.set_mediabox(m.Rect(mb.x0, mb.y0 - STRIP, mb.x1, mb.y1))


def _footer(m: Any, page: Any, text: str, strip: bool = True) -> None:
    size = 9.0
    w = _width(m, text, size, bold=True)
    r = page.rect
    x, y = (r.width - w) / 2, r.height - (STRIP / 2 - 3 if strip else 14)
    page.draw_rect(m.Rect(x - 4, y - 10, x + w + 4, y + 4), color=None, fill=(1, 1, 1))
    _text(m, page, x, y, text, size, bold=True)


def _sticker_box(m: Any, page: Any) -> Any:
    """The corner (lower right first) where the sticker covers the fewest words."""
    r = page.rect
    bottom = r.height - STRIP - 8
    corners = [m.Rect(r.width - 150, bottom - 84, r.width - 30, bottom),
               m.Rect(r.width - 150, 30, r.width - 30, 114),
               m.Rect(30, bottom - 84, 150, bottom), m.Rect(30, 30, 150, 114)]  # fmt: skip
    words = page.get_text("words")

    def covered(box: Any) -> int:
        return sum(1 for w in words if box.intersects(m.Rect(w[:4])))

    return min(corners, key=covered)


def _sticker(m: Any, page: Any, lines: Sequence[str]) -> None:
    """A classic exhibit sticker: white, ruled, the number large."""
    box = _sticker_box(m, page)
    page.draw_rect(box, color=(0.1, 0.1, 0.5), fill=(1, 1, 1), width=1.5)
    y = box.y0 + 16
    for i, line in enumerate(lines):
        size = 20.0 if i == 2 else 8.0
        line = _fit(m, line, size, box.width - 10)
        w = _width(m, line, size, bold=True)
        _text(m, page, box.x0 + (box.width - w) / 2, y, line, size, bold=True)
        y += 24 if i in (1, 2) else 11


def _slip(m: Any, doc: Any, e: BinderEntry) -> None:
    page = doc.new_page(width=LETTER[0], height=LETTER[1])
    w = _width(m, e.number, 40, bold=True)
    _text(m, page, (LETTER[0] - w) / 2, 330, e.number, 40, bold=True)
    rect = m.Rect(_MARGIN + 20, 360, LETTER[0] - _MARGIN - 20, 560)
    tw = m.TextWriter(page.rect)
    tw.fill_textbox(rect, e.description, font=m.Font("helv"), fontsize=13, align=1)
    tw.write_text(page)


def _index(m: Any, doc: Any, title: Sequence[str], entries: Sequence[BinderEntry],
           starts: Sequence[int], pages: int) -> None:  # fmt: skip
    """Index page(s) 0..pages-1: one linked row per exhibit with its binder page."""
    for p in range(pages):
        page = doc[p]
        y = 72.0
        for i, line in enumerate(title if p == 0 else title[:1]):
            size = 15.0 if i == 0 else 10.0
            _text(m, page, _MARGIN, y, _fit(m, line, size, 500), size, bold=i == 0)
            y += 20 if i == 0 else 14
        y += 14
        _text(m, page, _MARGIN, y, "Exhibit", 10, bold=True)
        _text(m, page, _MARGIN + 90, y, "Description", 10, bold=True)
        _text(m, page, LETTER[0] - _MARGIN - 30, y, "Page", 10, bold=True)
        page.draw_line((_MARGIN, y + 4), (LETTER[0] - _MARGIN, y + 4), width=0.8)
        y += 20
        chunk = range(p * ROWS_PER_INDEX_PAGE, min(len(entries), (p + 1) * ROWS_PER_INDEX_PAGE))
        for i in chunk:
            e = entries[i]
            _text(m, page, _MARGIN, y, _fit(m, e.number, 10, 86), 10, bold=True)
            desc = _fit(m, e.description, 10, LETTER[0] - 2 * _MARGIN - 130)
            _text(m, page, _MARGIN + 90, y, desc, 10)
            _text(m, page, LETTER[0] - _MARGIN - 30, y, str(starts[i] + 1), 10)
            link = m.Rect(_MARGIN - 2, y - 11, LETTER[0] - _MARGIN + 2, y + 4)
            page.insert_link({"kind": m.LINK_GOTO, "from": link, "page": starts[i],
                              "to": m.Point(0, 0)})  # fmt: skip
            y += 22
        if pages > 1:
            _footer(m, page, f"Index — page {p + 1} of {pages}", strip=False)


def _bind(m: Any, out: Any, e: BinderEntry) -> int:
    """Copy an exhibit's pages to the end of ``out`` and stamp them; returns the index of
    its first page there."""
    src = _open(e.source)
    try:
        first = out.page_count
        out.insert_pdf(src, from_page=e.first - 1, to_page=e.last - 1)
    finally:
        src.close()
    count = e.last - e.first + 1
    for k in range(count):
        page = out[first + k]
        _upright(page)
        _strip(m, page)
        if k == 0:
            _sticker(m, page, e.sticker)
        _footer(m, page, f"{e.number} — page {k + 1} of {count}")
    return int(first)


def _save(out: Any, dest: str | Path, title: str) -> int:
    out.set_metadata({"title": title, "producer": ""})
    out.save(str(dest), garbage=4, deflate=True)
    return int(out.page_count)


def assemble_binder(dest: str | Path, title: Sequence[str], entries: Sequence[BinderEntry]) -> int:
    """Write the binder to ``dest``; returns its page count."""
    m = _pymupdf()
    out = m.open()
    index_pages = max(1, -(-len(entries) // ROWS_PER_INDEX_PAGE))
    for _ in range(index_pages):
        out.new_page(width=LETTER[0], height=LETTER[1])
    starts: list[int] = []
    toc: list[list[Any]] = [[1, "Index of exhibits", 1]]
    try:
        for e in entries:
            starts.append(out.page_count)
            name = e.description if e.description.startswith(e.number) else (
                f"{e.number} — {e.description}")  # fmt: skip
            toc.append([1, _fit(m, name, 10, 900), out.page_count + 1])
            _slip(m, out, e)
            first = _bind(m, out, e)
            toc.extend([2, label, first + k] for label, k in e.inner)
        _index(m, out, title, entries, starts, index_pages)
        out.set_toc(toc)
        return _save(out, dest, title[0] if title else "Exhibit binder")
    finally:
        out.close()


def stamp_exhibit(dest: str | Path, entry: BinderEntry) -> int:
    """One exhibit alone, stickered and footed as in the binder (no index, no slip sheet),
    e.g. to file or serve it; returns its page count."""
    m = _pymupdf()
    out = m.open()
    try:
        _bind(m, out, entry)
        out.set_toc([[1, entry.number, 1], *([2, label, k] for label, k in entry.inner)])
        return _save(out, dest, entry.number)
    finally:
        out.close()


def outline(path: str | Path) -> list[tuple[int, str, int]]:
    """A PDF's bookmarks: (level, title, 1-based page)."""
    doc = _open(Path(path))
    try:
        return [(int(a), str(b), int(c)) for a, b, c, *_ in doc.get_toc(simple=True)]
    finally:
        doc.close()


def goto_links(path: str | Path, page: int) -> list[int]:
    """The 1-based pages that the links on ``page`` (1-based) go to, top to bottom."""
    doc = _open(Path(path))
    try:
        links = sorted(doc[page - 1].get_links(), key=lambda ln: ln["from"].y0)
        return [int(ln["page"]) + 1 for ln in links if ln.get("kind") == 1]
    finally:
        doc.close()
