"""Generated bad-redaction and tricky-clean pages for the bad-redaction check (issue 17).
Each sample is one US-letter page with the line ``SECRET`` text at a known place."""

from __future__ import annotations

from pathlib import Path

import pymupdf

LINE = "The account holder is Jonathan Quincey Smith of Springfield."
AT = (72.0, 200.0)  # baseline origin of LINE
SIZE = 12.0
_BEFORE = pymupdf.get_text_length("The account holder is ", fontsize=SIZE)
_WIDTH = pymupdf.get_text_length("Jonathan Quincey Smith", fontsize=SIZE)
NAME = pymupdf.Rect(AT[0] + _BEFORE - 1, 188, AT[0] + _BEFORE + _WIDTH + 1, 204)


def _page(doc: pymupdf.Document) -> pymupdf.Page:
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 100), "Caption line that is not covered at all.", fontsize=SIZE)
    return page


def _name_rect(page: pymupdf.Page) -> pymupdf.Rect:
    hits = page.search_for("Jonathan Quincey Smith")
    assert hits
    r = hits[0]
    return pymupdf.Rect(r.x0 - 1, r.y0 - 1, r.x1 + 1, r.y1 + 1)


def _black_png(w: int = 20, h: int = 20, grey: int = 0) -> bytes:
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, w, h), False)
    pix.set_rect(pix.irect, (grey, grey, grey))
    return bytes(pix.tobytes("png"))


def _raw(page: pymupdf.Page, ops: str) -> None:
    """Append raw content-stream operators (PDF coordinates, origin bottom left)."""
    xref = page.get_contents()[-1]
    doc = page.parent
    doc.update_stream(xref, doc.xref_stream(xref) + b"\n" + ops.encode())


def bad(kind: str, path: Path) -> Path:
    doc = pymupdf.open()
    page = _page(doc)
    if kind == "black-on-black":  # a black highlight under black type (Word's classic)
        page.draw_rect(NAME, color=None, fill=(0, 0, 0))
        page.insert_text(AT, LINE, fontsize=SIZE)
    else:
        page.insert_text(AT, LINE, fontsize=SIZE)
    rect = _name_rect(page)
    if kind == "box":
        page.draw_rect(rect, color=None, fill=(0, 0, 0))
    elif kind == "white-box":
        page.draw_rect(rect, color=None, fill=(1, 1, 1))
    elif kind == "square-annot":
        a = page.add_rect_annot(rect)
        a.set_colors(stroke=(0, 0, 0), fill=(0, 0, 0))
        a.update()
    elif kind == "image":
        page.insert_image(rect, stream=_black_png())
    elif kind == "redact-annot":
        page.add_redact_annot(rect, fill=(0, 0, 0))
    elif kind == "labelled-box":  # a box with a white label drawn on it, text still under it
        page.draw_rect(rect, color=None, fill=(0, 0, 0))
        page.insert_text((rect.x0 + 20, rect.y1 - 4), "REDACTED", fontsize=8, color=(1, 1, 1))
    elif kind == "ocr-burnt-box":  # a scan with a box burnt in, its OCR layer still there
        doc = _scan(page, burn=rect)
    elif kind != "black-on-black":
        raise ValueError(kind)
    doc.save(path)
    return path


def _scan(page: pymupdf.Page, burn: pymupdf.Rect | None) -> pymupdf.Document:
    """A scan of ``page``: its picture (with ``burn`` blacked out) over the whole page, and
    its text as an invisible OCR layer drawn on top."""
    words = page.get_text("words")
    if burn is not None:
        page.draw_rect(burn, color=None, fill=(0, 0, 0))
    png = page.get_pixmap(dpi=150).tobytes("png")
    out = pymupdf.open()
    scan = out.new_page(width=612, height=792)
    scan.insert_image(scan.rect, stream=png)
    for w in words:
        scan.insert_text((w[0], w[3] - 2.7), w[4], fontsize=SIZE, render_mode=3)
    return out


def clean(kind: str, path: Path) -> Path:
    doc = pymupdf.open()
    page = _page(doc)
    if kind == "text-on-band":  # text drawn on top of coloured and black bands
        page.draw_rect(pymupdf.Rect(60, 180, 560, 210), color=None, fill=(1, 1, 0.6))
        page.insert_text(AT, LINE, fontsize=SIZE)
        page.draw_rect(pymupdf.Rect(60, 300, 560, 330), color=None, fill=(0, 0, 0))
        page.insert_text((72, 320), "White heading on a black band", fontsize=SIZE,
                         color=(1, 1, 1))  # fmt: skip
    elif kind == "clipped-box":  # a box whose clip leaves the text uncovered
        page.insert_text(AT, LINE, fontsize=SIZE)
        rect = _name_rect(page)
        y = 792 - rect.y1
        _raw(page, f"q 0 0 10 10 re W n 0 0 0 rg {rect.x0} {y} {rect.width} {rect.height} re f Q")
    elif kind == "unfilled-box":
        page.insert_text(AT, LINE, fontsize=SIZE)
        page.draw_rect(_name_rect(page), color=(0, 0, 0), fill=None, width=1)
    elif kind == "whitespace-box":  # boxes over empty space and over the gap between words
        page.insert_text(AT, LINE, fontsize=SIZE)
        page.draw_rect(pymupdf.Rect(72, 400, 300, 420), color=None, fill=(0, 0, 0))
        words = page.get_text("words")
        gap = pymupdf.Rect(words[2][2] + 0.5, words[2][1], words[3][0] - 0.5, words[2][3])
        page.draw_rect(gap, color=None, fill=(0, 0, 0))
    elif kind == "underline-bar":  # a partial overlap: a bar across the foot of the letters
        page.insert_text(AT, LINE, fontsize=SIZE)
        page.draw_rect(pymupdf.Rect(72, 199, 400, 202), color=None, fill=(0, 0, 0))
    elif kind == "translucent":  # a highlight the text shows through
        page.insert_text(AT, LINE, fontsize=SIZE)
        page.draw_rect(_name_rect(page), color=None, fill=(1, 0.9, 0), fill_opacity=0.4)
    elif kind == "applied":  # a true redaction: text removed, box drawn
        page.insert_text(AT, LINE, fontsize=SIZE)
        page.add_redact_annot(_name_rect(page), fill=(0, 0, 0))
        page.apply_redactions()
    elif kind == "margin-rules":  # one filled path of thin rules whose frame spans the text
        page.insert_text(AT, "l.i.l , I J. I I I . : , . , l i l", fontsize=SIZE)
        page.insert_text((72, 230), LINE, fontsize=SIZE)
        shape = page.new_shape()
        for x in (60.0, 62.5, 560.0):
            shape.draw_rect(pymupdf.Rect(x, 0, x + 0.8, 792))
        shape.finish(color=None, fill=(0, 0, 0))
        shape.commit()
    elif kind == "ocr-layer":  # a scan with its invisible OCR text over the letters
        page.insert_text(AT, LINE, fontsize=SIZE)
        doc = _scan(page, burn=None)
    elif kind == "logo-image":  # a picture beside the text, touching no letter
        page.insert_text(AT, LINE, fontsize=SIZE)
        page.insert_image(pymupdf.Rect(450, 40, 520, 110), stream=_black_png(grey=40))
    else:
        raise ValueError(kind)
    doc.save(path)
    return path


BAD = ("box", "white-box", "square-annot", "image", "redact-annot", "black-on-black",
       "labelled-box", "ocr-burnt-box")  # fmt: skip
CLEAN = ("text-on-band", "clipped-box", "unfilled-box", "whitespace-box", "underline-bar",
         "translucent", "applied", "logo-image", "ocr-layer", "margin-rules")  # fmt: skip
