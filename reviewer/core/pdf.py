"""The only module that imports PyMuPDF: open a PDF safely, pull positioned text lines per page,
render a page to PNG or to RGB samples, list a page's words with their boxes (for viewing, with
a small cache of open documents), write sample PDFs, and lay out HTML reports (exports).
Everything above it sees plain records."""

from __future__ import annotations

import io
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.core.errors import BadFileError

_BOLD = 1 << 4  # PyMuPDF span flag: bold
_SUPERSCRIPT = 1 << 0


@dataclass(frozen=True, slots=True)
class Line:
    """One text line as PyMuPDF sees it, in PDF points, origin top-left."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool
    superscript: bool = False


@dataclass(frozen=True, slots=True)
class PageText:
    index: int  # 0-based
    width: float
    height: float
    lines: tuple[Line, ...]
    image_cover: float = 0.0  # share of the page under images (measured on text-poor pages)


@dataclass(frozen=True, slots=True)
class PdfText:
    page_count: int
    pages: tuple[PageText, ...]
    metadata: dict[str, str]


def _pymupdf() -> Any:
    # Imported lazily: the CLI's --help and the GUI's first paint need not pay for it.
    import pymupdf

    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    return pymupdf


def _open(path: Path) -> Any:
    pymupdf = _pymupdf()
    if path.is_dir():
        raise BadFileError(path, "is a folder, not a PDF file")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise BadFileError(path, f"cannot be read ({exc.strerror or exc})") from None
    if size == 0:
        raise BadFileError(path, "is empty (0 bytes)")
    with open(path, "rb") as f:
        head = f.read(1024)
    if b"%PDF-" not in head:
        raise BadFileError(path, "is not a PDF (no %PDF header)")
    try:
        doc = pymupdf.open(path, filetype="pdf")
    except Exception as exc:  # PyMuPDF raises several types for broken files
        raise BadFileError(path, f"is damaged and cannot be opened as a PDF ({exc})") from None
    if doc.needs_pass:
        doc.close()
        raise BadFileError(path, "is encrypted / password-protected; remove the password first")
    if doc.page_count == 0:
        doc.close()
        raise BadFileError(path, "has no pages")
    return doc


_RED, _BLUE = 0xFF0000, 0x0000FF
_REDLINE_COLOURS = frozenset((_RED, _BLUE))


def _is_bold(span: dict[str, Any]) -> bool:
    font = span["font"].lower()
    return bool(span["flags"] & _BOLD) or "bold" in font or "-bo" in font


def _line(raw: dict[str, Any], colours: Counter[int], drop_color: int | None) -> Line | None:
    spans = []
    chars = bold_chars = 0
    for s in raw["spans"]:
        t = s["text"]
        if not t:
            continue
        colour = s["color"]
        if colour in _REDLINE_COLOURS:
            colours[colour] += len(t)
        if colour == drop_color:
            continue
        spans.append(s)
        n = len(t.strip())
        chars += n
        if n and _is_bold(s):
            bold_chars += n
    if not chars:
        return None
    x0, y0, x1, y1 = raw["bbox"]
    sup = all(s["flags"] & _SUPERSCRIPT for s in spans)
    size = max(s["size"] for s in spans)
    text = "".join(s["text"] for s in spans)
    return Line(text, x0, y0, x1, y1, size, bold_chars * 2 > chars, sup)


def _page_lines(
    page: Any, flags: int, colours: Counter[int], drop_color: int | None = None
) -> tuple[Line, ...]:
    out: list[Line] = []
    for block in page.get_text("dict", flags=flags)["blocks"]:
        for raw in block.get("lines", ()):
            line = _line(raw, colours, drop_color)
            if line is not None:
                out.append(line)
    return tuple(out)


def _all_pages(
    doc: Any, flags: int, colours: Counter[int], drop_color: int | None = None
) -> list[PageText]:
    out = []
    for p in doc:
        lines = _page_lines(p, flags, colours, drop_color)
        cover = _image_cover(p) if sum(len(ln.text) for ln in lines) < 400 else 0.0
        out.append(PageText(p.number, p.rect.width, p.rect.height, lines, cover))
    return out


def _image_cover(page: Any) -> float:
    """How much of a page images cover: a scan shows as ~1.0 (costs ~1 ms, so text-poor only)."""
    pymupdf = _pymupdf()
    area = page.rect.width * page.rect.height or 1.0
    rects = (pymupdf.Rect(i["bbox"]) & page.rect for i in page.get_image_info())
    return min(1.0, sum(abs(r) for r in rects) / area)


def _is_redline(colours: Counter[int], pages: list[PageText]) -> bool:
    total = sum(len(ln.text) for p in pages for ln in p.lines) or 1
    return colours[_RED] > 0.05 * total and colours[_BLUE] > 0.05 * total


def read_pdf(path: str | Path) -> PdfText:
    """Read every page's positioned text. Raises BadFileError naming the file and the reason."""
    p = Path(path)
    doc = _open(p)
    pymupdf = _pymupdf()
    flags = (
        pymupdf.TEXT_PRESERVE_LIGATURES
        | pymupdf.TEXT_PRESERVE_WHITESPACE
        | pymupdf.TEXT_MEDIABOX_CLIP
        | pymupdf.TEXT_CID_FOR_UNKNOWN_UNICODE
    )
    try:
        colours: Counter[int] = Counter()
        pages = _all_pages(doc, flags, colours)
        if _is_redline(colours, pages):  # a comparison print: deleted text is red, inserted blue
            pages = _all_pages(doc, flags, Counter(), drop_color=_RED)
        meta = {k: v for k, v in (doc.metadata or {}).items() if isinstance(v, str) and v}
        return PdfText(doc.page_count, tuple(pages), meta)
    except BadFileError:
        raise
    except Exception as exc:
        raise BadFileError(p, f"is damaged: text could not be read ({exc})") from None
    finally:
        doc.close()


def render_gray_png(path: str | Path, page_index: int, dpi: int) -> tuple[bytes, float]:
    """One page (0-based) as a greyscale PNG at ``dpi`` for OCR, and the scale from its
    pixels to PDF points. The file is only read, never changed."""
    doc = _open(Path(path))
    try:
        pymupdf = _pymupdf()
        pix = doc[page_index].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
        return pix.tobytes("png"), 72.0 / dpi
    finally:
        doc.close()


def searchable_copy(src: str | Path, words: dict[int, list[WordBox]], dest: str | Path) -> int:
    """Save a copy of ``src`` with an invisible text layer of ``words`` (0-based page ->
    word boxes in PDF points) under each page's image, as OCR'd PDFs have; ``src`` itself is
    not changed. Returns the number of words written."""
    m = _pymupdf()
    doc = _open(Path(src))
    font = m.Font("helv")
    written = 0
    try:
        for index, boxes in words.items():
            page = doc[index]
            writer = m.TextWriter(page.rect)
            for x0, y0, x1, y1, text in boxes:
                size = min(y1 - y0, (x1 - x0) / max(font.text_length(text, 1), 0.01))
                if size > 0.5:
                    writer.append((x0, y1 - 0.2 * (y1 - y0)), text, font=font, fontsize=size)
                    written += 1
            writer.write_text(page, render_mode=3)  # 3: invisible, yet selectable/searchable
        doc.save(str(dest), garbage=1, deflate=True)
        return written
    finally:
        doc.close()


def render_png(path: str | Path, page_index: int, zoom: float = 1.0) -> bytes:
    """Render one page to PNG bytes (used by the GUI and by checks)."""
    doc = _open(Path(path))
    try:
        pymupdf = _pymupdf()
        pix = doc[page_index].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        return pix.tobytes("png")
    finally:
        doc.close()


# --- Viewing: page images, word boxes (the GUI's page view and hit locator) ----------------


@dataclass(frozen=True, slots=True)
class PageImage:
    """A rendered page: RGB, 3 bytes a pixel, ``stride`` bytes a row."""

    width: int
    height: int
    stride: int
    samples: bytes


WordBox = tuple[float, float, float, float, str]  # x0, y0, x1, y1 in PDF points; the word


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
    # Rows as the importer builds them from lines (reviewer.core.layout): words whose vertical
    # centres are close share a row. PyMuPDF's sort=True costs ten times as much (a Rect per
    # word) and splits a caption's mixed font sizes into separate lines.
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


def close_cached() -> None:
    """Close the documents kept open for viewing (before a file is deleted or moved)."""
    _OPEN_DOCS.close()


# --- Writing: generated sample filings and test fixtures (see reviewer.core.samples) ---------

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


class PdfWriter:
    """Write a PDF of text, rules and images; one writer writes one file.

    Coordinates are PDF points, origin top-left; ``y`` of ``text`` is the baseline.
    """

    def __init__(self) -> None:
        self._m = _pymupdf()
        self._doc = self._m.open()
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
        opts: dict[str, Any] = {"garbage": 1, "deflate": True, "use_objstms": int(compact)}
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
