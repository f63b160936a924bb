"""Reading PDFs: open one safely (the errors a paralegal can cause, in plain words), pull
positioned text lines per page, render a page for OCR or as a PNG, and write a searchable
copy with OCR words as an invisible text layer."""

from __future__ import annotations

import re
import stat
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.core.errors import BadFileError
from reviewer.core.pdf.hints import TextHints

WordBox = tuple[float, float, float, float, str]  # x0, y0, x1, y1 in PDF points; the word


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
    damage: str | None = None  # why the file is damaged (read with accept_damaged only)
    lost_pages: tuple[int, ...] = ()  # 1-based pages that could not be read whole


# MuPDF's warnings that mean the file itself is broken, with what they mean in plain words:
# for the whole file (it repaired the cross-reference table, a page object is missing) or
# for the page being read (a content stream would not decompress). Others it prints on sound
# files too ("bogus font ascent/descent", "premature end of data in flate filter").
_FILE_DAMAGE = (
    (r"startxref|missing 'endobj'|premature end of file", "the file is cut short (truncated)"),
    (r"page tree|non-page object|cannot find page", "a page object is missing or broken"),
    (r"xref|expected 'obj'|repair", "its cross-reference table is broken"),
)
_PAGE_DAMAGE = (
    (r"zlib error|object is not a stream|cannot load content stream|read error|syntax error",
     "a content stream is corrupt"),
)  # fmt: skip
MAX_PIXELS = 40_000_000  # a page rendered for OCR: 8.5 x 11 in at 600 dpi is 34 Mpx


def _damage(warnings: str, table: tuple[tuple[str, str], ...]) -> str | None:
    """The plain reason for the first serious warning, with MuPDF's own words after it."""
    for line in warnings.splitlines():
        for pattern, reason in table:
            if re.search(pattern, line, re.I):
                return f"{reason} ({line.strip()})"
    return None


def _pymupdf() -> Any:
    # Imported lazily: the CLI's --help and the GUI's first paint need not pay for it.
    import pymupdf

    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    return pymupdf


def check_regular_file(path: Path) -> int:
    """The file's size; refuses at once (never opening it, which could block) a path that
    is not a regular file: a folder, a FIFO, a device, a socket."""
    try:
        info = path.stat()
    except OSError as exc:
        raise BadFileError(path, f"cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise BadFileError(path, "is a folder, not a PDF file")
    if not stat.S_ISREG(info.st_mode):
        what = ("a named pipe (FIFO)" if stat.S_ISFIFO(info.st_mode) else
                "a socket" if stat.S_ISSOCK(info.st_mode) else "a device")  # fmt: skip
        raise BadFileError(path, f"is {what}, not a PDF file")
    return info.st_size


def _open(path: Path) -> Any:
    pymupdf = _pymupdf()
    size = check_regular_file(path)
    if size == 0:
        raise BadFileError(path, "is empty (0 bytes)")
    with open(path, "rb") as f:
        head = f.read(1024)
    if b"%PDF-" not in head:
        raise BadFileError(path, "is not a PDF (no %PDF header)")
    try:
        pymupdf.TOOLS.mupdf_warnings(reset=True)
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
    page: Any, flags: int, colours: Counter[int], drop_color: int | None = None,
    hints: TextHints | None = None,
) -> tuple[Line, ...]:  # fmt: skip
    out: list[Line] = []
    for block in page.get_text("dict", flags=flags)["blocks"]:
        for raw in block.get("lines", ()):
            if hints is not None:
                straight = raw["dir"] == (1.0, 0.0)
                for span in raw["spans"]:
                    hints.add(span, straight)
            line = _line(raw, colours, drop_color)
            if line is not None:
                out.append(line)
    return tuple(out)


def _all_pages(
    doc: Any, flags: int, colours: Counter[int], drop_color: int | None = None,
    lost: dict[int, str] | None = None, hints: list[TextHints] | None = None,
) -> list[PageText]:  # fmt: skip
    """Every page's lines; ``lost`` collects the pages MuPDF could not read whole, ``hints``
    what the bad-redaction check may use of each page's spans (``hints.TextHints``)."""
    tools = _pymupdf().TOOLS
    out = []
    for index in range(doc.page_count):
        page_hints = None
        if hints is not None:
            page_hints = TextHints()
            hints.append(page_hints)
        try:
            p = doc[index]
            lines = _page_lines(p, flags, colours, drop_color, page_hints)
            cover = _image_cover(p) if sum(len(ln.text) for ln in lines) < 400 else 0.0
            width, height = p.rect.width, p.rect.height
        except Exception as exc:  # a page object that is missing or unreadable
            if lost is None:
                raise
            lost[index + 1] = str(exc) or type(exc).__name__
            lines, cover, width, height = (), 0.0, 612.0, 792.0
            if page_hints is not None:
                page_hints.complete = False  # the check must not trust what was not read
        warned = tools.mupdf_warnings(reset=True)
        problem = _damage(warned, _PAGE_DAMAGE)
        if problem is None and not lines and cover == 0.0:  # nothing left of the page
            problem = _damage(warned, _FILE_DAMAGE)
        if problem and lost is not None:
            lost.setdefault(index + 1, problem)
        out.append(PageText(index, width, height, lines, cover))
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


def lost_text(pages: tuple[int, ...]) -> str:
    """``; pages 2, 3 lost or incomplete`` (empty when none)."""
    if not pages:
        return ""
    word = "page" if len(pages) == 1 else "pages"
    return f"; {word} {', '.join(map(str, sorted(pages)))} lost or incomplete"


def read_pdf(path: str | Path, accept_damaged: bool = False) -> PdfText:
    """Read every page's positioned text. Raises BadFileError naming the file and the reason;
    a damaged file (MuPDF had to repair it, a stream or page could not be read) too, unless
    ``accept_damaged``: then its readable pages come back with ``damage`` and
    ``lost_pages`` set."""
    p = Path(path)
    doc = _open(p)
    try:
        return read_open(doc, p, accept_damaged)
    finally:
        doc.close()


def read_open(
    doc: Any, p: Path, accept_damaged: bool = False, hints: list[TextHints] | None = None
) -> PdfText:
    """``read_pdf`` of a document opened by ``_open`` (left open); fills ``hints`` with one
    ``TextHints`` a page when given."""
    pymupdf = _pymupdf()
    flags = (
        pymupdf.TEXT_PRESERVE_LIGATURES
        | pymupdf.TEXT_PRESERVE_WHITESPACE
        | pymupdf.TEXT_MEDIABOX_CLIP
        | pymupdf.TEXT_CID_FOR_UNKNOWN_UNICODE
    )
    try:
        opened = _damage(pymupdf.TOOLS.mupdf_warnings(reset=True), _FILE_DAMAGE)
        damage = opened or ("MuPDF had to repair it" if doc.is_repaired else None)
        colours: Counter[int] = Counter()
        lost: dict[int, str] = {}
        pages = _all_pages(doc, flags, colours, lost=lost, hints=hints)
        if _is_redline(colours, pages):  # a comparison print: deleted text is red, inserted blue
            pages = _all_pages(doc, flags, Counter(), drop_color=_RED, lost={})
        if lost and damage is None:
            damage = next(iter(lost.values()))
        if damage and not accept_damaged:
            raise BadFileError(
                p, f"is damaged: {damage}{lost_text(tuple(lost))}; nothing was imported "
                "(import it with --accept-damaged to keep what can be read)",
            )  # fmt: skip
        meta = {k: v for k, v in (doc.metadata or {}).items() if isinstance(v, str) and v}
        return PdfText(doc.page_count, tuple(pages), meta, damage, tuple(sorted(lost)))
    except BadFileError:
        raise
    except Exception as exc:
        raise BadFileError(p, f"is damaged: text could not be read ({exc})") from None


def render_gray_png(path: str | Path, page_index: int, dpi: int) -> tuple[bytes, float]:
    """One page (0-based) as a greyscale PNG at ``dpi`` for OCR, and the scale from its
    pixels to PDF points. The file is only read, never changed."""
    doc = _open(Path(path))
    try:
        pymupdf = _pymupdf()
        page = doc[page_index]
        inches = max(page.rect.width * page.rect.height / 72.0 / 72.0, 1e-6)
        dpi = max(1, min(dpi, int((MAX_PIXELS / inches) ** 0.5)))  # an oversized scan: capped
        pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
        return pix.tobytes("png"), 72.0 / dpi
    except Exception as exc:  # MuPDF's own errors do not cross a process boundary
        raise BadFileError(
            Path(path), f"page {page_index + 1} cannot be rendered ({exc})"
        ) from None
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
