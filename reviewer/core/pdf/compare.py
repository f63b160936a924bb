"""A produced PDF against its source, for ``production verify``: the characters outside the
redaction boxes (and outside the Bates and legend backings) must be the same on every page,
and none of the redacted strings may be anywhere in the file (``scrub.strings_in``)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from reviewer.core.pdf.produce import Rect, _glyphs, _inside, stamp_rects
from reviewer.core.pdf.read import _open, _pymupdf
from reviewer.core.pdf.scrub import strings_in


def _outside(m: Any, page: Any, boxes: list[Rect], bates: str, legend: str) -> Counter[str]:
    """The page's characters (spaces left out) whose centre is in no box and in neither
    stamp backing (placed on the visible page, turned back into the page's own points)."""
    back = [tuple(m.Rect(r) * page.derotation_matrix) for r in stamp_rects(m, page, bates, legend)]
    return Counter(
        g[0] for g in _glyphs(page) if not g[0].isspace()
        and not any(_inside(g[1], g[2], r) for r in [*boxes, *back])  # type: ignore[misc]
    )  # fmt: skip


def collateral(
    src: str | Path, out: str | Path, src_boxes: dict[int, list[Rect]],
    out_boxes: dict[int, list[Rect]], bates: list[str], legend: str,
) -> list[tuple[int, int, int]]:  # fmt: skip
    """Pages whose text outside the boxes differs: (page, characters lost, characters
    added)."""
    m = _pymupdf()
    a, b = _open(Path(src)), _open(Path(out))
    try:
        found = []
        for i in range(min(a.page_count, b.page_count)):
            n = i + 1
            before = _outside(m, a[i], src_boxes.get(n, []), bates[i], legend)
            after = _outside(m, b[i], out_boxes.get(n, []), bates[i], legend)
            lost, added = before - after, after - before
            if lost or added:
                found.append((n, lost.total(), added.total()))
        return found
    finally:
        a.close()
        b.close()


def leaks(path: str | Path, secrets: list[str]) -> list[str]:
    """Where the redacted ``secrets`` are still in the file (every object and stream)."""
    doc = _open(Path(path))
    try:
        return strings_in(_pymupdf(), doc, secrets)
    finally:
        doc.close()
