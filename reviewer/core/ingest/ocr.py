"""The OCR engine: one page of a PDF -> positioned text lines and word boxes, by Tesseract.

Owns finding Tesseract, running it on a page image rendered by ``reviewer.core.pdf`` (the
only PyMuPDF importer) and turning its TSV output into the ``pdf.Line`` records the rest of
the pipeline (layout, segmentation) already reads. Pure of the matter: no database here.

Why the ``tesseract`` program with TSV output rather than PyMuPDF's ``get_textpage_ocr``:
measured on the corpus scans (benchmarks/ocr_throughput.py, README "Scanned filings"), the
program is about a third faster per page for the same words, and TSV carries word boxes and
line grouping. pytesseract would only wrap the same subprocess call (through temp files).
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

from reviewer.core.errors import BadFileError, OcrUnavailableError
from reviewer.core.pdf import Line, WordBox, render_gray_png

DPI = 300  # at 200 dpi OCR misread "41." as "Al." in the garbled complaint; 300 reads it
LANGUAGE = "eng"
_TIMEOUT = 180  # seconds a page may take before we call it unreadable


@dataclass(frozen=True, slots=True)
class OcrPage:
    """What OCR read on one page: text lines and words, in PDF points, origin top-left."""

    index: int  # 0-based
    lines: tuple[Line, ...]
    words: tuple[WordBox, ...]


def tesseract() -> str | None:
    """The path of the ``tesseract`` program with English data, or None when absent."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    try:
        out = subprocess.run(
            [exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return exe if LANGUAGE in out.stdout.split() else None


def require_tesseract() -> str:
    """``tesseract()``, or OcrUnavailableError saying how to install it."""
    exe = tesseract()
    if exe is None:
        raise OcrUnavailableError()
    return exe


def ocr_page(path: str | Path, index: int, exe: str, dpi: int = DPI) -> OcrPage:
    """Read one page (0-based) by OCR. Raises BadFileError when Tesseract fails on it."""
    png, scale = render_gray_png(path, index, dpi)
    # One thread per Tesseract: pages run in parallel processes instead (faster on 2 cores).
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(
            [exe, "stdin", "stdout", "-l", LANGUAGE, "--psm", "3", "tsv"],
            input=png, capture_output=True, timeout=_TIMEOUT, env=env, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise BadFileError(path, f"page {index + 1}: OCR took too long") from None
    if done.returncode != 0:
        why = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["failed"]
        raise BadFileError(path, f"page {index + 1}: OCR failed ({why[0]})")
    return parse_tsv(index, done.stdout.decode("utf-8", errors="replace"), scale)


def _is_rule(text: str) -> bool:
    # Pleading paper's vertical rules come out of OCR as "|" or "||".
    return not text.strip("|!¦ ")


def parse_tsv(index: int, tsv: str, scale: float) -> OcrPage:
    """Tesseract's TSV (pixels) -> lines and words (points). Words on one Tesseract line
    but far apart (a margin line number, then the text) become separate lines, as a text
    layer would have them."""
    groups: dict[tuple[str, str, str], list[WordBox]] = {}
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12 or f[0] != "5" or not f[11].strip() or _is_rule(f[11]):
            continue
        x, y, w, h = (int(v) * scale for v in f[6:10])
        groups.setdefault((f[2], f[3], f[4]), []).append((x, y, x + w, y + h, f[11].strip()))
    lines: list[Line] = []
    words: list[WordBox] = []
    for group in groups.values():
        words.extend(group)
        lines.extend(_split_line(sorted(group, key=lambda b: b[0])))
    return OcrPage(index, tuple(lines), tuple(words))


def even_sizes(pages: list[OcrPage]) -> list[OcrPage]:
    """A document's OCR'd body lines as a text layer has them: one size, and a box from
    ascender to descender. OCR boxes hug the glyphs (a line without descenders is shorter,
    a page of capitals taller), and the segmenter reads a smaller size as footnotes, a
    change of size as a new block and a gap of 1.5 line heights as a new paragraph."""
    sizes = [ln.size for p in pages for ln in p.lines]
    if not sizes:
        return pages
    body = statistics.median(sizes)
    out = []
    for page in pages:
        lines = []
        for ln in page.lines:
            if 0.6 * body <= ln.size <= 1.4 * body:
                mid = (ln.y0 + ln.y1) / 2
                ln = dataclasses.replace(ln, y0=mid - 0.65 * body, y1=mid + 0.65 * body, size=body)
            lines.append(ln)
        out.append(dataclasses.replace(page, lines=tuple(lines)))
    return out


def _split_line(group: list[WordBox]) -> list[Line]:
    height = max(b[3] - b[1] for b in group)
    parts: list[list[WordBox]] = [[group[0]]]
    for box in group[1:]:
        if box[0] - parts[-1][-1][2] > 2.5 * height:
            parts.append([box])
        else:
            parts[-1].append(box)
    out = []
    for part in parts:
        x0, y0 = min(b[0] for b in part), min(b[1] for b in part)
        x1, y1 = max(b[2] for b in part), max(b[3] for b in part)
        text = " ".join(b[4] for b in part)
        out.append(Line(text, x0, y0, x1, y1, round(y1 - y0, 1), False))
    return out
