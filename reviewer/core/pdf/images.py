"""Pictures placed on pages that have a text layer (a screenshot in a complaint): where they
sit, and one picture's region of the page rendered for OCR at a capped resolution. The file
is only read, never changed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.core.errors import BadFileError
from reviewer.core.pdf.read import _open, _pymupdf

MIN_SIDE = 72.0  # points: a picture narrower or shorter than an inch holds no text to find
MIN_AREA = 72.0 * 144.0  # points²: logos, signatures and seals are smaller than this
SCAN_SHARE = 0.85  # a picture over this share of the page is a scan: the page is OCR'd whole
TEXT_OVER = 3  # words of the text layer over a picture at which it needs no OCR
MAX_REGION_PIXELS = 12_000_000  # a picture rendered for OCR: 300 dpi over 6.5 x 6 in


@dataclass(frozen=True, slots=True)
class ImageBox:
    """Where a picture sits: 0-based page, and its box in PDF points (origin top-left)."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float


def text_page_images(path: str | Path, pages: Sequence[int]) -> list[ImageBox]:
    """The pictures large enough to hold words on ``pages`` (0-based), each once, top to
    bottom; a picture covering the page (a scan) is left to whole-page OCR."""
    doc = _open(Path(path))
    try:
        out: list[ImageBox] = []
        for index in pages:
            out.extend(_boxes(doc[index], index))
        return out
    except Exception as exc:  # MuPDF's own errors do not cross a process boundary
        raise BadFileError(Path(path), f"pictures cannot be read ({exc})") from None
    finally:
        doc.close()


def _boxes(page: Any, index: int) -> list[ImageBox]:
    if not page.get_images():  # no picture in the page's resources: nothing to place
        return []
    area = page.rect.width * page.rect.height
    seen: set[tuple[int, int, int, int]] = set()
    out: list[ImageBox] = []
    words: list[tuple[float, float]] | None = None
    for info in page.get_image_info():
        r = _pymupdf().Rect(info["bbox"]) & page.rect
        if r.is_empty or r.width < MIN_SIDE or r.height < MIN_SIDE:
            continue
        if r.width * r.height < MIN_AREA or r.width * r.height > SCAN_SHARE * area:
            continue
        key = (round(r.x0), round(r.y0), round(r.x1), round(r.y1))
        if words is None:
            words = [((w[0] + w[2]) / 2, (w[1] + w[3]) / 2) for w in page.get_text("words")]
        if sum(1 for x, y in words if r.x0 <= x <= r.x1 and r.y0 <= y <= r.y1) >= TEXT_OVER:
            continue  # words over it (a scan's hidden OCR layer): already searchable
        if key not in seen:
            seen.add(key)
            out.append(ImageBox(index, r.x0, r.y0, r.x1, r.y1))
    return sorted(out, key=lambda b: (b.y0, b.x0))


def render_region_gray_png(path: str | Path, box: ImageBox, dpi: int) -> tuple[bytes, float]:
    """A picture's region of its page as a greyscale PNG at ``dpi`` (capped so the region
    stays under MAX_REGION_PIXELS), and the scale from its pixels to PDF points."""
    doc = _open(Path(path))
    try:
        m = _pymupdf()
        page = doc[box.page]
        inches = max((box.x1 - box.x0) * (box.y1 - box.y0) / 72.0 / 72.0, 1e-6)
        dpi = max(1, min(dpi, int((MAX_REGION_PIXELS / inches) ** 0.5)))
        clip = m.Rect(box.x0, box.y0, box.x1, box.y1)
        pix = page.get_pixmap(dpi=dpi, colorspace=m.csGRAY, alpha=False, clip=clip)
        return pix.tobytes("png"), 72.0 / dpi
    except Exception as exc:
        raise BadFileError(
            Path(path), f"page {box.page + 1}: a picture cannot be rendered ({exc})"
        ) from None
    finally:
        doc.close()
