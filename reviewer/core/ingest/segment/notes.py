"""Footnotes: found at a page's foot by their markers and position (smaller print, or body
size below a gap with a marker the page's text references), each its own unit placed after
the paragraphs of its page and linked (``note_of``) to the paragraph that cites it."""

from __future__ import annotations

import re

from reviewer.core.ingest.layout import CleanPage, Row
from reviewer.core.ingest.segment.units import Geometry, Para

_NOTE_RE = re.compile(r"^\s*(\d{1,3}|[*†‡§]+)\s*(?=[A-Za-z“\"‘(\[])")


def _referenced(marker: str, text: str) -> bool:
    return bool(re.search(rf"[A-Za-z.,;:)”\"’]{re.escape(marker)}(?:\s|$|[.,;:])", text))


def split_footnotes(page: CleanPage, g: Geometry) -> tuple[list[Row], list[Row]]:
    """Split a page's rows into body rows and the footnote block at its foot."""
    rows = page.rows
    i = len(rows)
    while i > 0 and rows[i - 1].size < g.size * 0.94 and rows[i - 1].y0 > page.height * 0.3:
        i -= 1
    foot = rows[i:]
    if foot and any(_NOTE_RE.match(r.text) for r in foot):
        return rows[:i], foot
    # Body-size footnotes: a low row "1 Text" below a gap, whose marker the text above uses.
    for j in range(len(rows) - 1, 0, -1):
        r = rows[j]
        if r.y0 < page.height * 0.55:
            break
        m = re.match(r"^(\d{1,3}|[*†‡]+)\s*[A-Z“\"(]", r.text)
        if m is None or abs(r.x0 - g.left) >= 40:
            continue
        if r.y0 - rows[j - 1].y1 <= 0.8 * (r.y1 - r.y0):  # no gap above it
            continue
        above = " ".join(x.text for x in rows[:j])
        if _referenced(m.group(1), above) and _note_block(rows[j:], g):
            return rows[:j], rows[j:]
    return rows, []


def _note_block(foot: list[Row], g: Geometry) -> bool:
    """Every row below starts a note or continues one (no body paragraph after it)."""
    return all(_NOTE_RE.match(r.text) or r.x0 < g.left + 40 for r in foot)


def _next_marker(marker: str, last: Para | None) -> bool:
    """A footnote number follows the document's last one (continuation lines that open
    with a number, "8912, at *4", are not notes)."""
    if not marker.isdigit():
        return True
    prev = last.number if last is not None else None
    if prev is None or not prev.isdigit():
        return int(marker) <= 9
    return int(prev) < int(marker) <= int(prev) + 6


def footnote_paras(foot: list[Row], carry: Para | None) -> list[Para]:
    out: list[Para] = []
    for row in foot:
        m = _NOTE_RE.match(row.text)
        last = out[-1] if out else carry
        fresh = m is not None and _next_marker(m.group(1), last)
        if m and fresh and (not out or row.x0 <= out[-1].rows[0].x0 + 8):
            out.append(Para("footnote", m.group(1), [row], lead=row.text[m.end() :]))
        elif out:
            out[-1].rows.append(row)
        elif carry is not None:
            carry.rows.append(row)
    return out


def link_notes(paras: list[Para], notes: list[Para]) -> None:
    """Set each footnote's ``note_of``: the paragraph on its page whose text carries its
    marker (a superscript first), else the last paragraph begun on or before its page."""
    body = [p for p in paras if p.kind != "caption"]
    by_page: dict[int, list[Para]] = {}
    for p in body:
        for page in sorted({r.page for r in p.rows}):
            by_page.setdefault(page, []).append(p)
    for note in notes:
        page = note.rows[0].page
        marker = note.number or ""
        on_page = by_page.get(page, [])
        found = next((p for p in on_page if _has_superscript(p, page, marker)), None)
        if found is None:
            found = next((p for p in on_page if _referenced(marker, _page_text(p, page))), None)
        if found is None:
            found = next((by_page[k][-1] for k in range(page, -1, -1) if by_page.get(k)), None)
        note.note_of = found


def _has_superscript(p: Para, page: int, marker: str) -> bool:
    return any(
        part.superscript and part.text.strip().endswith(marker)
        for r in p.rows
        if r.page == page
        for part in r.parts
    )


def _page_text(p: Para, page: int) -> str:
    return " ".join(r.text for r in p.rows if r.page == page)


def interleave(paras: list[Para], notes: list[Para]) -> list[Para]:
    """Place each footnote after the last paragraph that starts on or before its page."""
    out: list[Para] = []
    pending = list(notes)
    for p in paras:
        while pending and pending[0].page_start < p.page_start:
            out.append(pending.pop(0))
        out.append(p)
    out.extend(pending)
    return out
