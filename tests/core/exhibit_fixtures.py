"""Generated filings with exhibits attached at the end (PyMuPDF, through PdfWriter)."""

from __future__ import annotations

from pathlib import Path

from reviewer.core.pdf import PdfWriter

FILLER = (
    "Plaintiff alleges the facts in this paragraph on personal knowledge and on the records "
    "kept in the ordinary course of business by the parties to this action."
)
PARAGRAPHS = {
    1: "Plaintiff Acme Supply Co. is a Delaware corporation with its principal place of business "
    "in Oakland, California.",
    2: "Defendant Widget Works LLC is a California limited liability company.",
    3: "On March 1, 2021 the parties signed a supply agreement. A true copy of the agreement is "
    "attached hereto as Exhibit A.",
    4: "Plaintiff delivered every shipment the agreement called for.",
    5: "Defendant promised to pay within thirty days. See Ex. A at 2; see also Exhibit B, ¶ 7.",
    6: "Defendant never paid the invoice of June 2021.1",
    7: "The agreement and the unpaid invoice, Exhibits A and C, show the debt.",
    8: "Plaintiff has performed all conditions required of it under the agreement.",
}


def _paragraphs(w: PdfWriter, numbers: list[int], y: float) -> float:
    for n in numbers:
        w.text(72, y, f"{n}.", 12)
        words = (PARAGRAPHS[n] + " " + FILLER).split()
        line: list[str] = []
        x = 108
        for word in words:
            if w.text_width(" ".join([*line, word]), 12) > 612 - 72 - x:
                w.text(x, y, " ".join(line), 12)
                y += 24
                line, x = [], 72
            line.append(word)
        w.text(x, y, " ".join(line), 12)
        y += 36
    return y


def _cover(w: PdfWriter, label: str, title: str = "") -> None:
    w.new_page()
    size = 30
    w.text((612 - w.text_width(label, size, bold=True)) / 2, 380, label, size, bold=True)
    if title:
        w.text((612 - w.text_width(title, 14)) / 2, 420, title, 14)


def _content(w: PdfWriter, heading: str, lines: int = 12) -> None:
    w.new_page()
    w.text(72, 90, heading, 14, bold=True)
    for i in range(lines):
        w.text(72, 130 + 22 * i, f"Term {i + 1}. The seller shall deliver goods as ordered and "
               "the buyer shall pay the price stated in the order.", 11)  # fmt: skip


def complaint_with_exhibits(path: Path) -> Path:
    """Pages 1-2 the complaint (¶¶ 1-8, a footnote on page 2); Exhibit A pp. 3-5 (cover and
    two pages), Exhibit C pp. 6-7, Exhibit D pp. 8-9 (never cited). Exhibit B is cited in
    ¶ 5 and not attached."""
    w = PdfWriter()
    w.new_page()
    w.text(190, 72, "UNITED STATES DISTRICT COURT", 12, bold=True)
    w.text(170, 90, "NORTHERN DISTRICT OF CALIFORNIA", 12, bold=True)
    w.text(72, 130, "ACME SUPPLY CO., Plaintiff, v. WIDGET WORKS LLC, Defendant.", 12)
    w.text(230, 160, "COMPLAINT", 14, bold=True)
    _paragraphs(w, [1, 2, 3, 4], 200)
    w.new_page()
    y = _paragraphs(w, [5, 6, 7, 8], 90)
    w.text(72, y, "Dated: July 1, 2021", 12)
    w.line(72, 690, 250, 690)
    w.text(72, 710, "1 The June 2021 invoice is attached as Exhibit C.", 10)
    _cover(w, "EXHIBIT A", "Supply Agreement")
    _content(w, "SUPPLY AGREEMENT")
    _content(w, "SUPPLY AGREEMENT (continued)")
    _cover(w, "EXHIBIT C")
    _content(w, "INVOICE NO. 2021-06", 5)
    _cover(w, "EXHIBIT D", "Correspondence")
    _content(w, "LETTER OF JULY 2021", 4)
    w.save(path)
    return path


def separate_exhibit(path: Path, heading: str = "DECLARATION EXHIBIT") -> Path:
    """A two-page exhibit filed as a file of its own (no cover)."""
    w = PdfWriter()
    _content(w, heading)
    _content(w, heading + " (continued)")
    w.save(path)
    return path


def complaint_with_scanned_cover(path: Path) -> Path:
    """Complaint pages 1-2 citing Exhibit A; page 3 a scanned slip sheet (an image, no text
    layer) reading EXHIBIT A; page 4 the exhibit's text page."""
    scan = PdfWriter()
    _cover(scan, "EXHIBIT A")
    png = scan.page_png(0, dpi=150)
    w = PdfWriter()
    w.new_page()
    w.text(230, 160, "COMPLAINT", 14, bold=True)
    _paragraphs(w, [1, 2, 3, 4], 200)
    w.new_page()
    _paragraphs(w, [5, 6, 7, 8], 90)
    w.insert_image_page(png)
    _content(w, "SUPPLY AGREEMENT")
    w.save(path)
    return path
