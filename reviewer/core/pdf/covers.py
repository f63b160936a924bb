"""Bad redactions: text that can still be copied from under an opaque cover — a filled vector
shape, a filled annotation, an image, an unapplied redaction annotation — or invisible text
lying on a solid dark area of a scan.

How a finding is decided, page by page:

1. Covers are collected with their place in the page's drawing order (PyMuPDF ``seqno``,
   the index in ``get_bboxlog``, ``drawlog.draw_log``): filled paths (``get_drawings``,
   fill opacity ~1), images (``fill-image`` entries of the bbox log) and, drawn after all
   content, annotations with an opaque fill (Square, Circle, Polygon, FreeText) and Redact
   annotations.
2. Each visible character (``get_texttrace``) drawn *before* a cover, whose core box (the
   middle band of its line height) lies at least 60% inside the cover, is a candidate. Text
   drawn after the box is visible on top of it (a label, text on a coloured band) and is not.
3. The cover's area is rendered (annotations included). A candidate counts as hidden only
   when its pixels are the cover's colour (the most frequent value in the area), leaving out
   the pixels of text drawn on top. So a translucent or multiply-blended highlight, a clipped
   shape or a non-rectangular path whose bounding box only seems to cover the text, is not
   reported: the text shows through. An unapplied Redact annotation is reported without this
   test (its content will survive whatever it looks like).
4. A cover is reported when it hides at least two letters or digits: covers over whitespace,
   underscores or rules alone are not, nor a lone glyph at a box's edge (the remnant of a word
   the redaction did remove). Invisible OCR text on a solid dark area of a scan is reported
   when it holds at least four different letters or digits (an OCR engine reading a black bar
   yields "llll").
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.core.pdf.drawlog import draw_log
from reviewer.core.pdf.hints import TextHints, may_hide
from reviewer.core.pdf.read import _open, _pymupdf

Rect = tuple[float, float, float, float]
ZOOM = 2.0  # pixels per point when rendering a cover
_OPAQUE = 0.95
_FILLED_ANNOTS = {"Square", "Circle", "Polygon", "FreeText", "Ink"}


@dataclass(frozen=True, slots=True)
class Hidden:
    """One cover over text that can still be copied (``page`` 1-based, ``rect`` the cover)."""

    page: int
    rect: Rect
    text: str
    cover: str

    def as_json(self, file: str) -> dict[str, object]:
        return {"file": file, "page": self.page, "rect": [round(v, 2) for v in self.rect],
                "text": self.text, "cover": self.cover}  # fmt: skip


@dataclass(slots=True)
class _Cover:
    rect: Any  # pymupdf.Rect
    seqno: float  # annotations: after everything
    kind: str
    gray: float | None = None  # the fill's gray level (0 black, 1 white) when known
    forced: bool = False  # an unapplied redaction: reported without the rendering test


@dataclass(slots=True)  # not frozen: a frozen init costs twice as much, for thousands a page
class _Char:
    seqno: int
    c: str
    core: Rect  # the middle band of the glyph box (plain floats: thousands per page)
    box: Rect  # the glyph box
    gray: float  # the text colour's gray level


def _gray(colour: Any) -> float:
    values = tuple(colour or (0,))
    if len(values) == 4:  # CMYK
        c, m, y, k = values
        return 1 - min(1.0, 0.3 * c + 0.59 * m + 0.11 * y + k)
    if len(values) == 3:
        return 0.3 * values[0] + 0.59 * values[1] + 0.11 * values[2]
    return float(values[0])


def _colour(fill: Any) -> str:
    if not fill:
        return ""
    rgb = tuple(fill) if len(fill) == 3 else (fill[0],) * 3
    if max(rgb) < 0.2:
        return "black "
    if min(rgb) > 0.9:
        return "white "
    return "coloured "


def _covers(m: Any, page: Any, log: list[tuple[str, Any]]) -> list[_Cover]:
    """The page's covers; ``log`` is its bbox log (``get_drawings`` is only asked when the
    log holds a filled path: most pages of a filing have none)."""
    covers: list[_Cover] = []
    # Annotations first: get_drawings reports their appearance too, and one finding per
    # hidden text keeps the first cover, whose name says what it is.
    for annot in page.annots() or []:
        name = annot.type[1]
        r = m.Rect(annot.rect) & page.rect
        if r.is_empty:
            continue
        if name == "Redact":
            covers.append(_Cover(r, float("inf"), "redaction annotation (not applied)",
                                 forced=True))  # fmt: skip
        elif name in _FILLED_ANNOTS and annot.colors.get("fill") and annot.opacity in (-1, 1):
            fill = annot.colors["fill"]
            covers.append(_Cover(r, float("inf"), _colour(fill) + f"filled {name} annotation"))
    # the C-level paths: the same fill, type, opacity, rect and seqno as ``get_drawings``,
    # without converting every path item to Python Point/Rect objects
    area = page.rect  # a property that asks MuPDF each time: once here, not per log entry
    drawings = page.get_cdrawings() if any(_fills(k, b, area) for k, b in log) else []
    for d in drawings:
        if d.get("fill") is None or "f" not in d.get("type", ""):
            continue
        if (d.get("fill_opacity") or 1.0) < _OPAQUE:
            continue
        x0, y0, x1, y1 = d["rect"]
        if x1 - x0 < 2 or y1 - y0 < 2:
            continue  # a rule or a dot: clipping to the page only makes it smaller
        r = m.Rect(d["rect"]) & area
        if r.width >= 2 and r.height >= 2:
            covers.append(_Cover(r, d["seqno"], _colour(d["fill"]) + "filled box",
                                 _gray(d["fill"])))  # fmt: skip
    for seqno, (kind, bbox) in enumerate(log):
        if kind == "fill-image":
            r = m.Rect(bbox) & area
            if r.width >= 2 and r.height >= 2:
                covers.append(_Cover(r, seqno, "image"))
    return covers


def _fills(kind: str, box: Any, page: Any) -> bool:
    """A log entry that may be a cover: a filled path at least 2 x 2 points on the page
    (the paths ``get_cdrawings`` lists are asked only when there is one)."""
    if kind != "fill-path":
        return False
    x0, y0, x1, y1 = box
    w, h = min(x1, page.x1) - max(x0, page.x0), min(y1, page.y1) - max(y0, page.y0)
    return w >= 2 and h >= 2


_BLANK: dict[int, bool] = {}  # code point -> whitespace (or unprintable)


def _blank(code: int) -> bool:
    found = _BLANK.get(code)
    if found is None:
        found = _BLANK[code] = code in (32, 160) or not chr(code).strip()
    return found


def _chars(m: Any, page: Any, covers: list[Rect]) -> tuple[list[_Char], list[_Char]]:
    """Invisible characters (render mode 3: an OCR text layer, or fully transparent) and
    the visible ones whose core band meets one of ``covers`` (no other can be under one)."""
    shown: list[_Char] = []
    hidden: list[_Char] = []
    blank = _BLANK
    for span in page.get_texttrace():
        invisible = span.get("type") == 3 or (span.get("opacity") or 0) < 0.05
        near = None if invisible else _meeting(span["bbox"], covers)
        if near is not None and not near:
            continue
        gray = _gray(span.get("color"))
        seqno, out = span["seqno"], hidden if invisible else shown
        for ch in span["chars"]:
            code = ch[0]
            if blank.get(code) if code in blank else _blank(code):
                continue
            x0, y0, x1, y1 = ch[3]
            if x1 <= x0 or y1 <= y0:
                continue
            band = (y1 - y0) / 4
            core = (x0, y0 + band, x1, y1 - band)
            if near is not None:  # a visible glyph under no cover is never a candidate
                for c in near:
                    if x0 < c[2] and x1 > c[0] and core[1] < c[3] and core[3] > c[1]:
                        break
                else:
                    continue
            out.append(_Char(seqno, chr(code), core, (x0, y0, x1, y1), gray))
    return shown, hidden


def _meeting(box: Rect, covers: list[Rect]) -> list[Rect]:
    """The ``covers`` that meet ``box``."""
    x0, y0, x1, y1 = box
    return [c for c in covers if x0 < c[2] and x1 > c[0] and y0 < c[3] and y1 > c[1]]


def _inside(c: Rect, r: Rect) -> float:
    """Share of the core band ``c`` inside ``r``."""
    w, h = min(c[2], r[2]) - max(c[0], r[0]), min(c[3], r[3]) - max(c[1], r[1])
    area = (c[2] - c[0]) * (c[3] - c[1])
    return w * h / area if w > 0 and h > 0 and area > 0 else 0.0


def _meet(a: Rect, b: Rect) -> Rect:
    return (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))


def _near(chars: list[_Char], keys: list[float], tallest: float, r: Rect) -> list[_Char]:
    """The characters (sorted by the top of their core band, ``keys``) whose core band
    overlaps ``r``."""
    lo, hi = bisect_left(keys, r[1] - tallest), bisect_left(keys, r[3])
    return [ch for ch in chars[lo:hi] if ch.core[0] < r[2] and ch.core[2] > r[0]
            and ch.core[3] > r[1] and ch.core[1] < r[3]]  # fmt: skip


class _Raster:
    """A grayscale rendering of one rectangle of the page, with lookups in PDF points."""

    def __init__(self, m: Any, shown: Any, rect: Any, zoom: float = ZOOM) -> None:
        """``shown``: the page's display list (annotations included), made once per page."""
        self.zoom = zoom
        pix = shown.get_pixmap(matrix=m.Matrix(zoom, zoom), clip=rect, colorspace=m.csGRAY,
                               alpha=False)  # fmt: skip
        self.x, self.y, self.w, self.h = pix.x, pix.y, pix.width, pix.height
        self.stride, self.data = pix.stride, pix.samples
        self._same: bytes | None = None
        self.mode = Counter(self.data[::17]).most_common(1)[0][0] if self.data else 0

    def _span(self, rect: Rect, grow: int = -1) -> tuple[int, int, int, int]:
        """Pixel bounds of ``rect``, shrunk by a pixel (edges are anti-aliased) or grown."""
        x0 = max(0, int(rect[0] * self.zoom) - self.x - grow)
        x1 = min(self.w, int(rect[2] * self.zoom) - self.x + grow)
        y0 = max(0, int(rect[1] * self.zoom) - self.y - grow)
        y1 = min(self.h, int(rect[3] * self.zoom) - self.y + grow)
        return x0, y0, x1, y1

    def _table(self) -> bytes:
        """Byte value -> 1 when it is the cover's colour (the area's most frequent value)."""
        if self._same is None:
            self._same = bytes(int(abs(v - self.mode) <= 24) for v in range(256))
        return self._same

    def cuts(self, masks: list[Rect]) -> list[tuple[int, int, int, int]]:
        """Pixel bounds of ``masks`` (text drawn on top), grown by two pixels, for ``uniform``."""
        return [self._span(k, grow=2) for k in masks]

    def uniform(self, rect: Rect, cuts: list[tuple[int, int, int, int]]) -> bool:
        """Whether the pixels of ``rect`` (less those of ``cuts``) are the cover's colour."""
        x0, y0, x1, y1 = self._span(rect)
        if x1 <= x0 or y1 <= y0:
            return True
        cut = [k for k in cuts if k[0] < x1 and k[2] > x0 and k[1] < y1 and k[3] > y0]
        table = self._table()
        total = same = 0
        for yy in range(y0, y1):
            row = self.data[yy * self.stride + x0 : yy * self.stride + x1].translate(table)
            if cut:
                masked = bytearray(row)
                for a, b, c, d in cut:
                    if b <= yy < d:
                        lo, hi = max(a, x0) - x0, min(c, x1) - x0
                        masked[lo:hi] = b"\x02" * (hi - lo)
                row = bytes(masked)
            total += len(row) - row.count(2)
            same += row.count(1)
        return total == 0 or same >= 0.97 * total

    def dark(self, rect: Rect) -> bool:
        """Whether ``rect`` is one solid dark colour (a box burnt into an image)."""
        x0, y0, x1, y1 = self._span(rect)
        if x1 <= x0 or y1 <= y0:
            return False
        corners = (y0 * self.stride + x0, (y1 - 1) * self.stride + x1 - 1)
        if any(self.data[i] >= 70 for i in corners):  # paper at a corner: a scanned letter
            return False
        rows = [self.data[yy * self.stride + x0 : yy * self.stride + x1] for yy in range(y0, y1)]
        rows = [r for r in rows if r]
        return bool(rows) and max(max(r) for r in rows) < 70


def _text(chars: list[_Char]) -> str:
    out, last = "", None
    for ch in chars:
        if last is not None:
            gap = ch.box[0] - last.box[2]
            newline = abs(ch.box[1] - last.box[1]) > 0.5 * (last.box[3] - last.box[1])
            if newline or gap > 0.2 * (ch.box[3] - ch.box[1]):
                out += " "
        out += ch.c
        last = ch
    return " ".join(out.split())


def _hideable(ch: _Char, cover: _Cover) -> bool:
    """Text drawn before the cover, or after it in (nearly) the cover's own colour — black
    type on a black highlight. Text of another colour on top is a visible label."""
    if ch.seqno < cover.seqno:
        return True
    return cover.gray is not None and abs(ch.gray - cover.gray) < 0.2


def _worth(chars: list[_Char]) -> bool:
    """Two letters or digits at least: a lone glyph at a box's edge is the remnant of a word
    the redaction removed, and tells nothing."""
    return sum(ch.c.isalnum() for ch in chars) >= 2


def check_page(m: Any, page: Any, number: int, hints: TextHints | None = None) -> list[Hidden]:
    """Findings of one page (``number`` 1-based); ``hints``: its spans, when it was read."""
    log = draw_log(page)  # get_bboxlog's entries, with only the images' boxes
    covers = _covers(m, page, log)
    if not covers and not any(k in ("ignore-text", "fill-image") for k, _ in log):
        # No cover, no invisible (OCR) text and no image to be dark under it: nothing to
        # find, and the page's text trace (the costliest step) is not read.
        return []
    if hints is not None and not may_hide(hints, covers, log):
        return []  # no text where a cover could hide it (a white page background, rules)
    rects = [(c.rect.x0, c.rect.y0, c.rect.x1, c.rect.y1) for c in covers]
    shown, invisible = _chars(m, page, rects)
    order = {id(ch): i for i, ch in enumerate(shown)}  # drawing order, to read the text
    shown.sort(key=lambda ch: ch.core[1])
    keys = [ch.core[1] for ch in shown]
    tallest = max((ch.core[3] - ch.core[1] for ch in shown), default=0.0)
    found: list[Hidden] = []
    seen: set[frozenset[int]] = set()
    shown_list = None
    rasters: dict[tuple[Rect, float], _Raster] = {}
    for cover in covers:
        r4 = (cover.rect.x0, cover.rect.y0, cover.rect.x1, cover.rect.y1)
        near = _near(shown, keys, tallest, r4)
        under = [ch for ch in near if _inside(ch.core, r4) >= 0.6 and _hideable(ch, cover)]
        if not _worth(under):
            continue
        if not cover.forced:
            # a large cover (a scanned page's picture) is rendered coarser: it is the cost
            zoom = ZOOM if cover.rect.get_area() < 40000 else 1.0
            shown_list = shown_list or page.get_displaylist(annots=True)
            raster = rasters.get((r4, zoom))  # a box drawn twice is rendered once
            if raster is None:
                raster = rasters[r4, zoom] = _Raster(m, shown_list, cover.rect, zoom)
            if cover.gray is not None and abs(raster.mode - 255 * cover.gray) > 40:
                continue  # the area is not the fill's colour: rules or a frame, not a box
            on_top = raster.cuts([ch.box for ch in near if not _hideable(ch, cover)])
            under = [ch for ch in under if raster.uniform(_meet(ch.core, r4), on_top)]
            if not _worth(under):
                continue
        key = frozenset(id(ch) for ch in under)
        if key in seen:  # the same text under two covers (a box drawn twice): one finding
            continue
        seen.add(key)
        r = cover.rect
        text = _text(sorted(under, key=lambda ch: order[id(ch)]))
        found.append(Hidden(number, (r.x0, r.y0, r.x1, r.y1), text, cover.kind))
    found += _dark_ocr(m, page, number, invisible, shown_list)
    return found


def _dark_ocr(
    m: Any, page: Any, number: int, invisible: list[_Char], shown_list: Any = None
) -> list[Hidden]:
    """Invisible (OCR) words on a solid dark area: text under a box burnt into a scan. The
    whole glyph box must be dark: a scanned letter under its OCR text has paper round it.
    ``shown_list``: the page's display list when the caller made one already."""
    if len({ch.c.casefold() for ch in invisible if ch.c.isalnum()}) < 4:
        return []  # too few letters to report even if all were dark: no rendering
    shown_list = shown_list or page.get_displaylist(annots=True)
    raster = _Raster(m, shown_list, page.rect, zoom=1.0)  # coarser
    dark = [ch for ch in invisible if raster.dark(ch.box)]
    # An OCR engine reading a solid bar yields "llll" or "1111": words need several letters.
    if len({ch.c.casefold() for ch in dark if ch.c.isalnum()}) < 4:
        return []
    r = (min(ch.box[0] for ch in dark), min(ch.box[1] for ch in dark),
         max(ch.box[2] for ch in dark), max(ch.box[3] for ch in dark))  # fmt: skip
    return [Hidden(number, r, _text(dark), "dark area of an image")]


def bad_redactions(path: str | Path) -> list[Hidden]:
    """Every cover over text that can still be copied, in page order."""
    doc = _open(Path(path))
    try:
        return bad_redactions_in(doc)
    finally:
        doc.close()


def bad_redactions_in(doc: Any, hints: list[TextHints] | None = None) -> list[Hidden]:
    """``bad_redactions`` of an open document; ``hints``: one a page, when it was read."""
    m = _pymupdf()
    found: list[Hidden] = []
    for number, page in enumerate(doc, 1):
        found += check_page(m, page, number, hints[number - 1] if hints else None)
    return found
