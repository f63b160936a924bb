"""DOCX (python-docx): landscape letter pages; the caption, then per report a heading, and per
group (count — claim) a sub-heading and a table whose header row repeats on each page. Rows of
gaps and conclusory-only elements are shaded."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt

from reviewer.core.exports.inert import clean
from reviewer.core.exports.report import Report


def _shade(cell: object, colour: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shd)  # type: ignore[attr-defined]


def _table(doc: object, report: Report, rows: list[dict[str, str]]) -> None:
    cols = [c for c in report.columns if c.key not in report.hidden_in_groups]
    table = doc.add_table(rows=1, cols=len(cols))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    total = sum(c.width for c in cols)
    head = table.rows[0]
    head._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, col in zip(head.cells, cols, strict=True):
        cell.text = clean(col.label)
        cell.paragraphs[0].runs[0].bold = True
    previous = None
    for row in rows:
        cells = table.add_row().cells
        for cell, col in zip(cells, cols, strict=True):
            value = row.get(col.key, "")
            if col.key == "element" and value == previous:
                value = ""  # the element's name once, on its first row
            cell.text = clean(value)
            if colour := report.shade.get(row.get("status", "")):
                _shade(cell, colour)
        previous = row.get("element")
    table.autofit = False
    for i, col in enumerate(cols):
        width = Inches(9.7 * col.width / total)
        table.columns[i].width = width  # the grid, which LibreOffice reads
        for cell in table.columns[i].cells:
            cell.width = width  # each cell, which Word reads


def write_docx(reports: Sequence[Report], path: Path) -> None:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Inches(11), Inches(8.5)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(0.6))
    doc.styles["Normal"].font.size = Pt(9)
    first = reports[0].caption
    doc.add_heading(clean(first[0]), level=0)
    for line in first[1:-1]:
        doc.add_paragraph(clean(line))
    for report in reports:
        doc.add_heading(clean(report.caption[-1]), level=1)
        for note in report.notes:
            doc.add_paragraph(clean(note)).runs[0].italic = True
        if not report.rows:
            doc.add_paragraph("Nothing to report.")
        for name, rows in groupby(report.rows, key=lambda r: r.get(report.group or "", "")):
            if report.group:
                doc.add_heading(clean(name), level=2)
            _table(doc, report, list(rows))
    doc.save(str(path))
