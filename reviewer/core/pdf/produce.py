"""Productions: find text, redact for real (content under a box removed, not covered), stamp
Bates numbers and legends, slip sheets, and check a produced PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewer.core.errors import BadFileError
from reviewer.core.pdf.read import _open, _pymupdf
from reviewer.core.pdf.scrub import scrub, secrets_of
from reviewer.core.pdf.view import PageImage

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
    occurrence is on), kept where every word they cut into is one of the needle's words, then
    narrowed to the glyphs' own boxes (``tight_boxes``)."""
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
    finally:
        doc.close()
    return tight_boxes(path, found)


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


# --- Which characters a box redacts ----------------------------------------------------------
#
# A character belongs to a box when its centre does: horizontally the middle of its glyph
# box, vertically the middle of its x-height (0.35 em above the baseline). MuPDF removes
# every glyph whose full box (ascender to descender, taller than the line when lines are set
# solid) touches a redaction rectangle; so the text is removed through thin bands inside the
# x-height of the chosen characters only, and the black box is drawn apart. No glyph of the
# line above or below, nor of the next word, is touched.


Glyph = tuple[str, float, float, Rect, Rect]


def _glyphs(page: Any) -> list[Glyph]:
    """Each character of a page: (char, centre x, centre y, removal band, visible box — the
    glyph's own box from 0.8 em above the baseline to 0.22 em below it)."""
    out: list[Glyph] = []
    raw = page.get_text("rawdict", flags=0)
    for block in raw["blocks"]:
        for line in block.get("lines", []):
            horizontal = abs(line["dir"][1]) < 1e-3
            for span in line["spans"]:
                size = span["size"]
                for ch in span["chars"]:
                    x0, y0, x1, y1 = ch["bbox"]
                    if horizontal and size > 0:
                        base = ch["origin"][1]
                        cx, cy = (x0 + x1) / 2, base - 0.35 * size
                        inset = 0.25 * (x1 - x0)
                        band = (x0 + inset, base - 0.48 * size, x1 - inset, base - 0.26 * size)
                        box = (x0, base - 0.8 * size, x1, base + 0.22 * size)
                    else:
                        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
                        w, h = (x1 - x0) / 4, (y1 - y0) / 4
                        band, box = (x0 + w, y0 + h, x1 - w, y1 - h), (x0, y0, x1, y1)
                    out.append((ch["c"], cx, cy, band, box))
    return out


def _inside(x: float, y: float, r: Rect) -> bool:
    return r[0] <= x <= r[2] and r[1] <= y <= r[3]


def _bands(glyphs: list[Glyph], rects: list[Rect]) -> list[Rect]:
    """Removal bands of the characters whose centre is in one of ``rects``."""
    return [band for c, x, y, band, _ in glyphs
            if not c.isspace() and any(_inside(x, y, r) for r in rects)]  # fmt: skip


def tight_boxes(path: str | Path, boxes: list[tuple[int, Rect]]) -> list[tuple[int, Rect]]:
    """The glyphs' own boxes of the characters whose centre is in each (1-based page, rect):
    one box per line, from 0.8 em above the baseline to 0.22 em below it, so that no box
    reaches into the line above or below however tightly the lines are set."""
    doc = _open(Path(path))
    out: list[tuple[int, Rect]] = []
    try:
        cache: dict[int, list[Glyph]] = {}
        for number, rect in boxes:
            if number not in cache:
                cache[number] = _glyphs(doc[number - 1])
            lines: dict[int, list[float]] = {}
            for c, x, y, _, box in cache[number]:
                if c.isspace() or not _inside(x, y, rect):
                    continue
                line = lines.setdefault(round(y), [*box])
                line[0], line[1] = min(line[0], box[0]), min(line[1], box[1])
                line[2], line[3] = max(line[2], box[2]), max(line[3], box[3])
            out += [(number, (b[0], b[1], b[2], b[3])) for _, b in sorted(lines.items())]
            if not lines:  # no character's centre in it (a sliver): keep the box as it was
                out.append((number, rect))
        return out
    finally:
        doc.close()


def text_under(path: str | Path, boxes: dict[int, list[Rect]]) -> dict[int, list[str]]:
    """The text each box redacts (1-based page -> one string per box, in order)."""
    doc = _open(Path(path))
    out: dict[int, list[str]] = {}
    try:
        for number, rects in boxes.items():
            if not 1 <= number <= doc.page_count:
                continue
            glyphs = _glyphs(doc[number - 1])
            out[number] = ["".join(g[0] for g in glyphs if _inside(g[1], g[2], r)) for r in rects]
        return out
    finally:
        doc.close()


def secrets_for(path: str | Path, boxes: dict[int, list[Rect]]) -> list[str]:
    """The strings a production of ``path`` redacted with ``boxes`` must leave nowhere in the
    file (``scrub.secrets_of``): the text under each box, less what stays visible elsewhere."""
    under = text_under(path, boxes)
    doc = _open(Path(path))
    try:
        kept = " ".join(
            w[4] for number, page in enumerate(doc, 1) for w in page.get_text("words")
            if not any(_inside((w[0] + w[2]) / 2, (w[1] + w[3]) / 2, r)
                       for r in boxes.get(number, []))
        )  # fmt: skip
    finally:
        doc.close()
    return secrets_of([t for texts in under.values() for t in texts], kept)


def text_outside(path: str | Path, boxes: dict[int, list[Rect]]) -> list[str]:
    """Each page's characters whose centre is outside every box, spaces left out."""
    doc = _open(Path(path))
    try:
        return [
            "".join(
                g[0]
                for g in _glyphs(page)
                if not g[0].isspace()
                and not any(_inside(g[1], g[2], r) for r in boxes.get(number, []))
            )
            for number, page in enumerate(doc, 1)
        ]
    finally:
        doc.close()


def _drop_annots(m: Any, page: Any, rects: list[Rect]) -> None:
    """Annotations, links and form fields over a redaction box go with what they mark."""
    boxes = [m.Rect(r) for r in rects]
    for link in page.get_links():
        if any(m.Rect(link["from"]).intersects(b) for b in boxes):
            page.delete_link(link)
    for widget in list(page.widgets() or []):
        if any(widget.rect.intersects(b) for b in boxes):
            page.delete_widget(widget)
    for annot in list(page.annots() or []):
        if any(annot.rect.intersects(b) for b in boxes):
            page.delete_annot(annot)


def _remove_text(m: Any, page: Any, bands: list[Rect]) -> None:
    for band in bands:
        page.add_redact_annot(m.Rect(band), fill=False, cross_out=False)
    if bands:
        page.apply_redactions(images=m.PDF_REDACT_IMAGE_NONE, graphics=m.PDF_REDACT_LINE_ART_NONE)


def _blacken(m: Any, page: Any, rects: list[Rect]) -> None:
    """Image pixels blanked and vector art wholly under the boxes removed; black boxes."""
    for rect in rects:
        page.add_redact_annot(m.Rect(rect), fill=(0, 0, 0), cross_out=False)
    if rects:
        page.apply_redactions(images=m.PDF_REDACT_IMAGE_PIXELS,
                              graphics=m.PDF_REDACT_LINE_ART_REMOVE_IF_COVERED,
                              text=m.PDF_REDACT_TEXT_NONE)  # fmt: skip


def stamp_rects(m: Any, page: Any, bates: str, legend: str) -> list[Rect]:
    """Where ``_stamp`` puts its white backings (the visible page's coordinates)."""
    font, size, rect = m.Font("helv"), 9.0, page.rect
    y = rect.y1 - 14
    out = []
    for x, text in ((rect.x1 - 24 - font.text_length(bates, size), bates), (24.0, legend)):
        if text:
            out.append((x - 3, y - size, x + font.text_length(text, size) + 3, y + 3.5))
    return out


def _produce_page(
    m: Any, page: Any, mine: list[tuple[Rect, str]], bates: str, legend: str
) -> list[tuple[Rect, str]]:
    """One page as ``produce`` makes it; its boxes as placed on the turned page."""
    rects = [rect for rect, _ in mine]
    if mine:
        _drop_annots(m, page, rects)
        _remove_text(m, page, _bands(_glyphs(page), rects))
        _blacken(m, page, rects)
    turn = page.rotation_matrix
    page.remove_rotation()
    page.wrap_contents()  # keeps what is added next out of the rotation's transform
    seen = [(m.Rect(rect) * turn, label) for rect, label in mine]
    if seen:
        _labels(m, page, [(tuple(r), label) for r, label in seen])
    backing = stamp_rects(m, page, bates, legend)
    _remove_text(m, page, _bands(_glyphs(page), backing))
    _stamp(m, page, bates, legend)
    return [((r.x0, r.y0, r.x1, r.y1), label) for r, label in seen]


def produced_page_image(
    src: str | Path, number: int, boxes: list[tuple[Rect, str]], bates: str, legend: str,
    zoom: float,
) -> PageImage:  # fmt: skip
    """Page ``number`` (1-based) of ``src`` produced exactly as ``produce`` would make it
    (text under the boxes removed, black boxes and labels, Bates number and legend), in
    memory, rendered at ``zoom`` times 72 dpi. The file itself is not touched."""
    m = _pymupdf()
    doc = _open(Path(src))
    try:
        if not 1 <= number <= doc.page_count:
            raise BadFileError(Path(src), f"has no page {number}")
        doc.select([number - 1])
        page = doc[0]
        _produce_page(m, page, boxes, bates, legend)
        return _rendered(m, doc[0], zoom)
    finally:
        doc.close()


def slip_sheet_image(message: str, bates: str, legend: str, zoom: float) -> PageImage:
    """A withheld document's slip sheet (``slip_sheet``) rendered at ``zoom``."""
    m = _pymupdf()
    doc = _slip_doc(m, message, bates, legend)
    try:
        return _rendered(m, doc[0], zoom)
    finally:
        doc.close()


def _rendered(m: Any, page: Any, zoom: float) -> PageImage:
    pix = page.get_pixmap(matrix=m.Matrix(zoom, zoom), alpha=False)
    return PageImage(pix.width, pix.height, pix.stride, bytes(pix.samples))


def produce(
    src: str | Path, dest: str | Path, boxes: dict[int, list[tuple[Rect, str]]],
    bates: list[str], legend: str, meta: dict[str, str] | None = None,
) -> dict[int, list[tuple[Rect, str]]]:  # fmt: skip
    """Save a produced copy of ``src``: on each 1-based page the ``boxes`` (rect in the
    page's own, unrotated points, label) are redacted for real (the characters whose centre
    is in a box removed and nothing else, image pixels blanked, vector art wholly under a
    box removed; a black box with the optional white label in its place); the redacted text
    is then scrubbed from everywhere else in the file (``scrub``). The page's rotation is
    made part of its content, the text under the Bates and legend backings is removed, and
    ``bates[i]`` and ``legend`` are stamped on page i+1. The metadata is ``meta`` alone
    (nothing of the source's). Returns the boxes in the copy's coordinates."""
    m = _pymupdf()
    secrets = secrets_for(src, {p: [r for r, _ in b] for p, b in boxes.items()})
    doc = _open(Path(src))
    produced: dict[int, list[tuple[Rect, str]]] = {}
    try:
        for number, page in enumerate(doc, 1):
            seen = _produce_page(m, page, boxes.get(number, []), bates[number - 1], legend)
            if seen:
                produced[number] = seen
        scrub(m, doc, secrets)
        doc.set_metadata({"producer": "reviewer", "creator": "reviewer", **(meta or {})})
        doc.save(str(dest), garbage=4, deflate=True, clean=True, use_objstms=0)
        return produced
    finally:
        doc.close()


def slip_sheet(dest: str | Path, message: str, bates: str, legend: str) -> None:
    """A one-page US-letter PDF saying ``message``, stamped like a produced page."""
    m = _pymupdf()
    doc = _slip_doc(m, message, bates, legend)
    try:
        doc.save(str(dest), garbage=4, deflate=True)
    finally:
        doc.close()


def _slip_doc(m: Any, message: str, bates: str, legend: str) -> Any:
    doc = m.open()
    page = doc.new_page(width=612, height=792)
    font = m.Font("helv")
    writer = m.TextWriter(page.rect)
    size = 14.0
    writer.append(((612 - font.text_length(message, size)) / 2, 380), message, font=font,
                  fontsize=size)  # fmt: skip
    writer.write_text(page)
    _stamp(m, page, bates, legend)
    return doc


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
