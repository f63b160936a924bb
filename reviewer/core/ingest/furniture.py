"""Page furniture recognised one line at a time — text printed sideways in the margin, what
is left of an ECF stamp split over two lines (``#:2687``, ``PageID #: 145``), Bates numbers,
``///`` page fillers, OCR of margin text, lines of control codes, margin line numbers that OCR
joined to the text — and pages set in two columns of prose, split so each column reads down.
Pure functions over ``pdf.Line``; ``layout`` applies them."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence

from reviewer.core.pdf import Line

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ue000-\uf8ff\ufffd]")
# What is left of an ECF stamp split over two lines ("… Page 3 of 9 Page ID" / "#:2687"),
# or a PageID printed on its own.
PAGEID_RE = re.compile(
    r"^\s*(?:Page\s*ID\s*)?#\s*:?\s*\d+\s*$|^\s*Page\s*ID\s*#?\s*:?\s*\d*\s*$", re.I
)
_SLASHES = re.compile(r"^[\s/]*//[\s/]*$")  # "///": the rest of a pleading page is blank
_ENUMERATOR = re.compile(r"^\s*(?:\(?\d{1,3}[.)]?|\(?[A-Za-z][.)])\s*$")
# A Bates number: a short prefix and a long zero-padded number ("ABC 000391", "XYZ-0001234").
_BATES_RE = re.compile(r"^\s*(?:[A-Z][A-Za-z&]*[ _-]?){1,3}(?:No\.\s*)?\d{5,10}\s*$")

_INLINE_NUM = re.compile(r"^\s*(\d{1,2})\s+(?=\S)")


def _leading(text: str) -> int:
    m = _INLINE_NUM.match(text)
    return int(m.group(1)) if m else -1


def strip_inline_margin_numbers(lines: Sequence[Line], width: float) -> list[Line]:
    """Margin line numbers that OCR joined to the text beside them ("3 1. I am the …"):
    a rising run of small numbers opening lines at the page's left edge loses them."""
    cands = [ln for ln in lines if ln.x0 < 0.2 * width and _INLINE_NUM.match(ln.text)]
    if len(cands) < 8:
        return list(lines)
    values = [_leading(ln.text) for ln in sorted(cands, key=lambda ln: ln.y0)]
    rising = sum(1 for a, b in itertools.pairwise(values) if 0 < b - a <= 2)
    if rising < 0.6 * (len(values) - 1):
        return list(lines)
    out = []
    drop = {id(ln) for ln in cands}
    for ln in lines:
        if id(ln) in drop:
            m = _INLINE_NUM.match(ln.text)
            assert m is not None
            share = m.end() / max(len(ln.text), 1)
            x0 = ln.x0 + (ln.x1 - ln.x0) * share
            ln = dataclasses.replace(ln, text=ln.text[m.end() :], x0=x0)
        out.append(ln)
    return out


def split_columns(lines: list[Line], width: float) -> list[list[Line]]:
    """A page set in two columns of prose -> [lines above, left column, right column, lines
    below], so each column is read top to bottom; any other page -> [lines]."""
    if len(lines) < 16:
        return [lines]
    right_prose = sum(1 for ln in lines if ln.x0 > 0.38 * width and ln.x1 - ln.x0 > 0.25 * width)
    if right_prose < 8:  # most pages: no column of prose on the right half
        return [lines]
    best: tuple[int, float] | None = None
    for step in range(int(0.38 * width), int(0.62 * width), 4):
        crossing = sum(1 for ln in lines if ln.x0 < step < ln.x1)
        if best is None or crossing < best[0]:
            best = (crossing, float(step))
    assert best is not None
    crossing, gx = best
    left = [ln for ln in lines if ln.x1 <= gx]
    right = [ln for ln in lines if ln.x0 >= gx]
    if (
        crossing > 3
        or min(len(left), len(right)) < 8
        or not (_prose_side(left, width) and _prose_side(right, width))
    ):
        return [lines]
    top = min(min(ln.y0 for ln in left), min(ln.y0 for ln in right))
    above = [ln for ln in lines if ln.x0 < gx < ln.x1 and ln.y1 <= top + 2]
    below = [ln for ln in lines if ln.x0 < gx < ln.x1 and ln.y1 > top + 2]
    return [above, left, right, below]


def _prose_side(lines: list[Line], width: float) -> bool:
    wide = sum(1 for ln in lines if ln.x1 - ln.x0 > 0.25 * width and len(ln.text.split()) >= 5)
    return wide >= 0.6 * len(lines)


def is_sideways(ln: Line) -> bool:
    """Text printed up or down the page (a firm name or court banner in the margin)."""
    w, h = ln.x1 - ln.x0, ln.y1 - ln.y0
    return len(ln.text.strip()) >= 3 and h > 2.5 * max(w, 1.0)


def is_furniture_line(ln: Line, width: float, height: float) -> bool:
    """Furniture recognised from one line: sideways margin text, PageID stamp remnants,
    Bates numbers in the bands, lines of nothing but control codes."""
    t = ln.text
    if is_sideways(ln) or PAGEID_RE.match(t) or _SLASHES.match(t):
        return True
    if ln.x1 < 0.11 * width and not _ENUMERATOR.match(t):  # OCR of text up the margin
        return True
    if not any(c.isalnum() for c in t):
        return bool(_CONTROL.search(t))
    in_band = ln.y1 < height * 0.1 or ln.y0 > height * 0.88
    return in_band and bool(_BATES_RE.match(t))
