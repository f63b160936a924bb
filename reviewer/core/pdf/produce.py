"""Productions: find text, redact for real (content under a box removed, not covered), stamp
Bates numbers and legends, slip sheets, and check a produced PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewer.core.pdf.read import _open, _pymupdf

# --- Productions: find text, redact for real, stamp Bates numbers, check the result ---------

Rect = tuple[float, float, float, float]


def bare_word(word: str) -> str:
    """A word compared case-blind, without surrounding punctuation or a possessive 's."""
    word = word.strip(".,;:!?()[]{}\"'\u201c\u201d\u2018\u2019").casefold()
    return word[:-2] if word.endswith(("'s", "\u2019s")) else word


def find_text(path: str | Path, needle: str) -> list[tuple[int, Rect]]:
    """Every whole-word occurrence of ``needle`` (one or more words; case and surrounding
    punctuation ignored, so "Court" finds "Court," and "Court's" but not "courtesy") as
    (1-based page, rectangle in points): PyMuPDF's ``search_for`` rectangles (one per line an
    occurrence is on), kept where every word they cut into is one of the needle's words."""
    tokens = {bare_word(t) for t in needle.split()}
    doc = _open(Path(path))
    found: list[tuple[int, Rect]] = []
    try:
        for number, page in enumerate(doc, 1):
            hits = page.search_for(needle)
            words = page.get_text("words") if hits else []
            for r in hits:
                # words on the hit's line that it overlaps
                cut = [w[4] for w in words if min(r.x1, w[2]) - max(r.x0, w[0]) > 1
                       and min(r.y1, w[3]) - max(r.y0, w[1]) > 0.5 * (w[3] - w[1])]  # fmt: skip
                if all(bare_word(w) in tokens for w in cut):  # nothing cut: keep, to be safe
                    found.append((number, (r.x0, r.y0, r.x1, r.y1)))
        return found
    finally:
        doc.close()


def _stamp(m: Any, page: Any, bates: str, legend: str) -> None:
    """Bates number lower right, legend lower left, in the page's visible orientation, each
    on a white backing so that a filing's own footer under it cannot make it unreadable."""
    font = m.Font("helv")  # a TextWriter keeps the en dash that insert_text would lose
    size, rect = 9.0, page.rect
    writer = m.TextWriter(rect)
    y = rect.y1 - 14
    for x, text in ((rect.x1 - 24 - font.text_length(bates, size), bates), (24.0, legend)):
        if text:
            width = font.text_length(text, size)
            page.draw_rect(m.Rect(x - 3, y - size, x + width + 3, y + 3.5), color=None,
                           fill=(1, 1, 1), overlay=True)  # fmt: skip
            writer.append((x, y), text, font=font, fontsize=size)
    writer.write_text(page)


def _labels(m: Any, page: Any, boxes: list[tuple[Rect, str]]) -> None:
    """White labels centred in the black boxes, shrunk to fit (left out where too small)."""
    font, writer = m.Font("helv"), m.TextWriter(page.rect)
    for (x0, y0, x1, y1), label in boxes:
        size = min(8.0, 0.7 * (y1 - y0), (x1 - x0 - 2) / max(font.text_length(label, 1), 1))
        if label and size >= 3:
            x = (x0 + x1 - font.text_length(label, size)) / 2
            writer.append((x, (y0 + y1) / 2 + 0.35 * size), label, font=font, fontsize=size)
    writer.write_text(page, color=(1, 1, 1))


def produce(
    src: str | Path, dest: str | Path, boxes: dict[int, list[tuple[Rect, str]]],
    bates: list[str], legend: str,
) -> dict[int, list[tuple[Rect, str]]]:  # fmt: skip
    """Save a produced copy of ``src``: on each 1-based page the ``boxes`` (rect in the
    page's own, unrotated points, label) are redacted for real (text removed, image pixels
    blanked, vector art wholly under a box removed; a black box with the optional white label
    in its place), the page's rotation is made part of its content (so the copy looks the
    same and its coordinates are the visible ones), and ``bates[i]`` and ``legend`` are
    stamped on page i+1. Returns the boxes in the copy's coordinates."""
    m = _pymupdf()
    doc = _open(Path(src))
    produced: dict[int, list[tuple[Rect, str]]] = {}
    try:
        for number, page in enumerate(doc, 1):
            mine = boxes.get(number, [])
            for rect, _ in mine:
                page.add_redact_annot(m.Rect(rect), fill=(0, 0, 0), cross_out=False)
            if mine:
                page.apply_redactions(images=m.PDF_REDACT_IMAGE_PIXELS,
                                      graphics=m.PDF_REDACT_LINE_ART_REMOVE_IF_COVERED)  # fmt: skip
            turn = page.rotation_matrix
            page.remove_rotation()
            page.wrap_contents()  # keeps what is added next out of the rotation's transform
            seen = [(m.Rect(rect) * turn, label) for rect, label in mine]
            if seen:
                _labels(m, page, [(tuple(r), label) for r, label in seen])
                produced[number] = [((r.x0, r.y0, r.x1, r.y1), label) for r, label in seen]
            _stamp(m, page, bates[number - 1], legend)
        doc.set_metadata({})
        doc.del_xml_metadata()
        doc.save(str(dest), garbage=4, deflate=True, clean=True)
        return produced
    finally:
        doc.close()


def slip_sheet(dest: str | Path, message: str, bates: str, legend: str) -> None:
    """A one-page US-letter PDF saying ``message``, stamped like a produced page."""
    m = _pymupdf()
    doc = m.open()
    try:
        page = doc.new_page(width=612, height=792)
        font = m.Font("helv")
        writer = m.TextWriter(page.rect)
        size = 14.0
        writer.append(((612 - font.text_length(message, size)) / 2, 380), message, font=font,
                      fontsize=size)  # fmt: skip
        writer.write_text(page)
        _stamp(m, page, bates, legend)
        doc.save(str(dest), garbage=4, deflate=True)
    finally:
        doc.close()


def leftover_words(path: str | Path, boxes: dict[int, list[Rect]], allowed: set[str]) -> list[
    tuple[int, str]
]:  # fmt: skip
    """Words still extractable under the redaction ``boxes`` (1-based page -> rects) of a
    produced PDF, other than the ``allowed`` ones (labels, Bates, legend): (page, word)."""
    doc = _open(Path(path))
    found: list[tuple[int, str]] = []
    try:
        for number, rects in boxes.items():
            if number > doc.page_count:
                found.append((number, "<page missing>"))
                continue
            page = doc[number - 1]
            words = page.get_text("words")
            for x0, y0, x1, y1 in rects:
                # a word counts as under the box when its centre is: one only touching an edge
                # keeps its visible part, as MuPDF's redaction does
                found += [
                    (number, w[4]) for w in words if w[4] not in allowed
                    and x0 < (w[0] + w[2]) / 2 < x1 and y0 < (w[1] + w[3]) / 2 < y1
                ]  # fmt: skip
        return found
    finally:
        doc.close()


def page_count(path: str | Path) -> int:
    doc = _open(Path(path))
    try:
        return int(doc.page_count)
    finally:
        doc.close()
