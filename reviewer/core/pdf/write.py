"""Writing: generated sample filings and test fixtures (``PdfWriter``), HTML reports laid out
by PyMuPDF's Story (exports), and a PDF's text page by page."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reviewer.core.pdf.read import _open, _pymupdf

# --- Writing: generated sample filings and test fixtures (see reviewer.samples) ---------

# PyMuPDF's built-in equivalents of the base-14 fonts, written through a TextWriter so that
# em dashes, curly quotes and § survive (page.insert_text maps them to "·").
_FONT_CODES = {
    ("Times", False, False): "tiro",
    ("Times", True, False): "tibo",
    ("Times", False, True): "tiit",
    ("Times", True, True): "tibi",
    ("Helvetica", False, False): "helv",
    ("Helvetica", True, False): "hebo",
    ("Helvetica", False, True): "heit",
    ("Helvetica", True, True): "hebi",
    ("Courier", False, False): "cour",
    ("Courier", True, False): "cobo",
}


_FIXED_DATE = "D:20250101000000Z"


class PdfWriter:
    """Write a PDF of text, rules and images; one writer writes one file.

    Coordinates are PDF points, origin top-left; ``y`` of ``text`` is the baseline.
    """

    def __init__(self) -> None:
        self._m = _pymupdf()
        self._doc = self._m.open()
        self._fresh_dates = {k: self._doc.metadata.get(k) for k in ("creationDate", "modDate")}
        self._fonts: dict[str, Any] = {}
        self._page: Any = None
        self._writer: Any = None
        self._shape: Any = None

    @property
    def page_count(self) -> int:
        return int(self._doc.page_count)

    def _font(self, font: str, bold: bool, italic: bool) -> Any:
        code = _FONT_CODES.get((font, bold, italic)) or _FONT_CODES[(font, bold, False)]
        if code not in self._fonts:
            self._fonts[code] = self._m.Font(code)
        return self._fonts[code]

    def _flush(self) -> None:
        if self._page is not None:
            self._writer.write_text(self._page)
            self._shape.commit()
        self._page = self._writer = self._shape = None

    def new_page(self, width: float = 612, height: float = 792) -> None:
        self._flush()
        self._page = self._doc.new_page(width=width, height=height)
        self._writer = self._m.TextWriter(self._page.rect)
        self._shape = self._page.new_shape()

    def text(
        self,
        x: float,
        y: float,
        s: str,
        size: float = 12,
        bold: bool = False,
        italic: bool = False,
        font: str = "Times",
    ) -> None:
        self._writer.append((x, y), s, font=self._font(font, bold, italic), fontsize=size)

    def text_width(
        self,
        s: str,
        size: float = 12,
        bold: bool = False,
        italic: bool = False,
        font: str = "Times",
    ) -> float:
        return float(self._font(font, bold, italic).text_length(s, fontsize=size))

    def line(self, x0: float, y0: float, x1: float, y1: float, width: float = 0.5) -> None:
        self._shape.draw_line((x0, y0), (x1, y1))
        self._shape.finish(width=width, color=(0, 0, 0))

    def rect(
        self, x0: float, y0: float, x1: float, y1: float, fill: bool = False, width: float = 0.5
    ) -> None:
        self._shape.draw_rect(self._m.Rect(x0, y0, x1, y1))
        self._shape.finish(width=width, color=(0, 0, 0), fill=(0, 0, 0) if fill else None)

    def set_metadata(self, meta: dict[str, str]) -> None:
        self._doc.set_metadata({**self._doc.metadata, **meta})

    def page_png(self, index: int, dpi: int = 100) -> bytes:
        """Render a page written so far (e.g. to build an image-only page in another file)."""
        self._flush()
        return bytes(self._doc[index].get_pixmap(dpi=dpi, alpha=False).tobytes("png"))

    def insert_image_page(self, png: bytes, width: float = 612, height: float = 792) -> None:
        """Add a page whose only content is an image: no text layer, as from a scanner."""
        self._flush()
        page = self._doc.new_page(width=width, height=height)
        page.insert_image(page.rect, stream=png)

    def save(self, path: str | Path, password: str | None = None, compact: bool = False) -> None:
        """Save and close. ``password`` encrypts with AES-256; ``compact`` uses object streams."""
        self._flush()
        # The same content always gives the same bytes (no fresh /ID, no clock in the dates):
        # a generated file written again is a duplicate by sha256, not a second document.
        meta = self._doc.metadata
        for key in ("creationDate", "modDate"):
            if not meta.get(key) or meta[key] == self._fresh_dates.get(key):
                meta[key] = _FIXED_DATE
        self._doc.set_metadata(meta)
        opts: dict[str, Any] = {
            "garbage": 1, "deflate": True, "use_objstms": int(compact), "no_new_id": True,
        }  # fmt: skip
        if password:
            opts |= {
                "encryption": self._m.PDF_ENCRYPT_AES_256,
                "user_pw": password,
                "owner_pw": password + "-owner",
            }
        try:
            self._doc.save(str(path), **opts)
        finally:
            self.close()

    def close(self) -> None:
        self._page = self._writer = self._shape = None
        self._doc.close()


# --- Reports: HTML laid out by PyMuPDF's Story (exports) ---------------------------------------


def html_to_pdf(
    html: str, path: str | Path, css: str = "", landscape: bool = True, footer: str = ""
) -> int:
    """Lay ``html`` out on US-letter pages (landscape by default) with ``css``, number the
    pages (``footer, page n of N``) and save to ``path``; returns the page count."""
    m = _pymupdf()
    rect = m.paper_rect("letter-l" if landscape else "letter")
    where = m.Rect(rect.x0 + 36, rect.y0 + 36, rect.x1 - 36, rect.y1 - 40)
    story = m.Story(html=html, user_css=css)
    out = io.BytesIO()
    writer = m.DocumentWriter(out)
    more = 1
    while more:
        device = writer.begin_page(rect)
        more, _ = story.place(where)
        story.draw(device)
        writer.end_page()
    writer.close()
    doc = m.open("pdf", out.getvalue())
    try:
        for i, page in enumerate(doc, 1):
            # insert_text's base-14 font has no em dash; keep the footer plain.
            text = f"{footer}, page {i} of {doc.page_count}" if footer else f"page {i}"
            page.insert_text((36, rect.height - 20), text, fontsize=7, fontname="helv")
        doc.save(str(path), garbage=1, deflate=True)
        return int(doc.page_count)
    finally:
        doc.close()


def pdf_text(path: str | Path) -> list[str]:
    """Each page's plain text (reading back exports in tests and checks)."""
    doc = _open(Path(path))
    try:
        return [page.get_text() for page in doc]
    finally:
        doc.close()
