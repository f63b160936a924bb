"""Viewing: page images and word boxes for the GUI's page view and hit locator, from a small
cache of open documents."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.core.errors import BadFileError
from reviewer.core.pdf.read import WordBox, _open, _pymupdf

# --- Viewing: page images, word boxes (the GUI's page view and hit locator) ----------------


@dataclass(frozen=True, slots=True)
class PageImage:
    """A rendered page: RGB, 3 bytes a pixel, ``stride`` bytes a row."""

    width: int
    height: int
    stride: int
    samples: bytes


class _OpenDocs:
    """A small LRU of open documents, so that rendering page after page of one file does not
    reopen it each time. A lock serialises callers: MuPDF documents are not thread-safe, and
    the GUI calls the viewing functions from its UI thread only."""

    def __init__(self, size: int = 4) -> None:
        self._size = size
        self._docs: OrderedDict[tuple[str, int, int], Any] = OrderedDict()
        self.lock = threading.RLock()

    def get(self, path: Path) -> Any:
        """The open document at ``path``; use it while holding ``lock``."""
        st = path.stat() if path.is_file() else None
        # A file replaced at the same path (same name, new bytes) must not hit a stale entry.
        key = (str(path.resolve()), st.st_mtime_ns if st else 0, st.st_size if st else 0)
        with self.lock:
            doc = self._docs.pop(key, None) or _open(path)
            self._docs[key] = doc
            while len(self._docs) > self._size:
                self._docs.popitem(last=False)[1].close()
            return doc

    def close(self) -> None:
        with self.lock:
            while self._docs:
                self._docs.popitem()[1].close()


_OPEN_DOCS = _OpenDocs()


def _page(path: str | Path, page_index: int) -> Any:
    doc = _OPEN_DOCS.get(Path(path))
    if not 0 <= page_index < doc.page_count:
        raise BadFileError(Path(path), f"has no page {page_index + 1}")
    return doc[page_index]


def page_image(path: str | Path, page_index: int, zoom: float) -> PageImage:
    """Render one page (0-based) at ``zoom`` times 72 dpi, without alpha."""
    pymupdf = _pymupdf()
    with _OPEN_DOCS.lock:
        pix = _page(path, page_index).get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        return PageImage(pix.width, pix.height, pix.stride, bytes(pix.samples))


def page_words(path: str | Path, page_index: int) -> list[WordBox]:
    """Every word of one page (0-based) with its box in PDF points, in reading order: lines
    top to bottom, each left to right. Extracted with the flags ``read_pdf`` uses."""
    pymupdf = _pymupdf()
    flags = (
        pymupdf.TEXT_PRESERVE_LIGATURES
        | pymupdf.TEXT_MEDIABOX_CLIP
        | pymupdf.TEXT_CID_FOR_UNKNOWN_UNICODE
    )
    with _OPEN_DOCS.lock:
        raw = _page(path, page_index).get_text("words", flags=flags)
    return reading_order([(w[0], w[1], w[2], w[3], w[4]) for w in raw])


def reading_order(words: list[WordBox]) -> list[WordBox]:
    """Words top to bottom in rows, each row left to right."""
    # Rows as the importer builds them from lines (reviewer.core.ingest.layout): words whose
    # vertical centres are close share a row. PyMuPDF's sort=True costs ten times as much (a Rect
    # per word) and splits a caption's mixed font sizes into separate lines.
    rows: list[list[WordBox]] = []
    for w in sorted(words, key=lambda w: (w[1] + w[3], w[0])):
        first = rows[-1][0] if rows else None
        tolerance = 0.35 * max(w[3] - w[1], first[3] - first[1]) if first else 0.0
        if first and abs((w[1] + w[3]) - (first[1] + first[3])) / 2 < tolerance:
            rows[-1].append(w)
        else:
            rows.append([w])
    return [w for row in rows for w in sorted(row, key=lambda w: w[0])]


def text_in_rect(path: str | Path, page_index: int, rect: tuple[float, float, float, float]) -> str:
    """The text PyMuPDF finds inside ``rect`` (PDF points) on one page (0-based)."""
    pymupdf = _pymupdf()
    with _OPEN_DOCS.lock:
        return str(_page(path, page_index).get_textbox(pymupdf.Rect(rect))).strip()


def turned_rects(
    path: str | Path, page_index: int, rects: list[tuple[float, float, float, float]],
    to_view: bool = True,
) -> list[tuple[float, float, float, float]]:  # fmt: skip
    """Rectangles of a page (0-based) moved between its own, unrotated coordinates (text
    boxes, redactions) and the page as shown, turned by its /Rotate (``to_view``), or back.
    Unchanged on a page that is not turned."""
    pymupdf = _pymupdf()
    with _OPEN_DOCS.lock:
        page = _page(path, page_index)
        if not page.rotation:
            return list(rects)
        turn = page.rotation_matrix if to_view else page.derotation_matrix
        out = []
        for r in rects:
            t = pymupdf.Rect(r) * turn
            out.append((t.x0, t.y0, t.x1, t.y1))
        return out


def close_cached() -> None:
    """Close the documents kept open for viewing (before a file is deleted or moved)."""
    _OPEN_DOCS.close()
