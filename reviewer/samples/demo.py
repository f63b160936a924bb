"""The demo matter: the fictional *Jane Doe v. Streamline Social, Inc.*

Owns the plain-page ``_Sheet`` layout used for the exhibit and ``write_demo_filings``, which writes
the complaint, Exhibit B and the answer (their prose is in ``demo_text``) with their ground truth.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.core.pdf import PdfWriter
from reviewer.samples.demo_answer import (
    _ANSWER,
    _ANSWER_CAPTION,
    _DEFENSE_SIGNATURE,
    _EXHIBIT,
    _HEADERS,
)
from reviewer.samples.demo_text import _COMPLAINT, _COMPLAINT_CAPTION, _PLAINTIFF_SIGNATURE
from reviewer.samples.pleading import (
    CASE_NO,
    STAMP_Y,
    SampleFile,
    TruthParagraph,
    _Filing,
    _Page,
    _smarten,
    _wrap,
    _write_pleading,
)
from reviewer.samples.script import _logical_lines, _parse

# --- Writers --------------------------------------------------------------------------------


class _Sheet:
    """Plain pages (exhibits): Helvetica lines flowing down from the top margin."""

    def __init__(self, writer: PdfWriter) -> None:
        self.w = writer
        self.pages: list[_Page] = [_Page()]
        self.y: float | None = None

    def line(self, x: float, s: str, size: float = 10.5, bold: bool = False, gap: float = 0) -> int:
        y = 72.0 if self.y is None else self.y + size * 4 / 3 + gap
        if y > 720:
            self.pages.append(_Page())
            y = 72.0
        self.y = y
        self.pages[-1].texts.append((x, y, s, size, bold))
        return len(self.pages)

    def paragraph(self, text: str, gap: float = 6) -> tuple[int, int]:
        toks = [(t, 0) for t in text.split()]
        rows = _wrap(
            toks,
            lambda t: self.w.text_width(t[0], 10.5, font="Helvetica"),
            self.w.text_width(" ", 10.5, font="Helvetica"),
            (72, 72, 540),
        )
        pages = [
            self.line(x, " ".join(t[0] for t in row), gap=gap * (i == 0))
            for i, (x, row) in enumerate(rows)
        ]
        return pages[0], pages[-1]

    def headers(self, values: list[str]) -> tuple[int, int]:
        first = self.line(72, "From:", bold=True, gap=18)
        self.pages[-1].rules.append((72, (self.y or 0) - 16, 540, (self.y or 0) - 16))
        for label, value in zip(_HEADERS, values, strict=True):
            if label != "From:":
                self.line(72, label, bold=True)
            self.pages[-1].texts.append((130, self.y or 0, value, 10.5, False))
        return first, len(self.pages)


def _helvetica(w: PdfWriter, x: float, y: float, s: str, size: float, align: str = "") -> None:
    """Helvetica text at x, or centered on the page (align="c"), or ending at x (align="r")."""
    width = w.text_width(s, size, font="Helvetica") if align else 0
    x = (612 - width) / 2 if align == "c" else x - width
    w.text(x, y, s, size, font="Helvetica")


def _exhibit_layout(sheet: _Sheet, title: str) -> list[TruthParagraph]:
    """Flow the e-mail chain onto the sheet; truth pages count the cover page as page 1."""
    truth = [TruthParagraph(None, "heading", title, None, None, 1, 1)]
    for line in _logical_lines(_EXHIBIT):
        tag, _, text = line.partition(" ")
        if tag == "!":
            first = sheet.y is None
            pages = (sheet.line(72, text, 14 if first else 10, bold=first),) * 2
        elif tag == "@":
            values = text.split(" | ")
            pages = sheet.headers(values)
            text = " ".join(f"{k} {v}" for k, v in zip(_HEADERS, values, strict=True))
        else:
            text = _smarten(text.replace(" [REDACTED]", ""))
            pages = sheet.paragraph(text)
            if text == "Reported posts:":
                sheet.pages[-1].rules.append((-1, sheet.y or 0, 0, 0))  # a redaction box
        truth.append(TruthParagraph(None, "text", text, None, None, pages[0] + 1, pages[1] + 1))
    return truth


def _write_exhibit(path: Path, filing: _Filing, bates: int) -> SampleFile:
    """A cover page, then the e-mail chain: ECF stamp on every page, a Bates number below."""
    w = PdfWriter()
    sheet = _Sheet(w)
    truth = _exhibit_layout(sheet, filing.title)
    total = len(sheet.pages) + 1
    for n, page in enumerate([None, *sheet.pages], 1):
        w.new_page()
        _helvetica(w, 0, STAMP_Y, filing.stamp(n, total), 10, align="c")
        if page is None:
            w.text((612 - w.text_width(filing.title, 28, True)) / 2, 396, filing.title, 28, True)
            continue
        for x, y, s, size, bold in page.texts:
            w.text(x, y, s, size, bold, font="Helvetica")
        for x0, y0, x1, y1 in page.rules:
            if x0 < 0:
                w.rect(150, y0 - 9, 290, y0 + 3, fill=True)
            else:
                w.line(x0, y0, x1, y1, 0.5)
        _helvetica(w, 540, 770, f"STREAMLINE-{bates + n - 2:06d}", 10, align="r")
    w.set_metadata({"title": "Exhibit B", "creator": "reviewer sample generator"})
    w.save(path)
    return SampleFile(path, "exhibit", filing.title, total, tuple(truth))


def write_demo_filings(dest_dir: Path) -> list[SampleFile]:
    """Write the demo matter (complaint, exhibit B, answer) into dest_dir; -> files and truth."""
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    complaint = _Filing(CASE_NO, "ABC", "1", "01/21/25", "COMPLAINT")
    answer = _Filing(CASE_NO, "ABC", "18", "03/24/25", "ANSWER TO COMPLAINT")
    exhibit = _Filing(CASE_NO, "ABC", "1-2", "01/21/25", "EXHIBIT B")
    return [
        _write_pleading(
            dest_dir / "complaint.pdf",
            complaint,
            _COMPLAINT_CAPTION,
            _parse(_COMPLAINT),
            _PLAINTIFF_SIGNATURE,
        ),
        _write_exhibit(dest_dir / "complaint-exhibit-b.pdf", exhibit, 123),
        _write_pleading(
            dest_dir / "answer.pdf", answer, _ANSWER_CAPTION, _parse(_ANSWER), _DEFENSE_SIGNATURE
        ),
    ]
