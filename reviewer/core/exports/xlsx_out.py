"""XLSX (openpyxl): one sheet per report — caption lines, a bold frozen header row with a
filter, column widths, wrapped text, gap and conclusory-only rows shaded, notes at the foot;
landscape, fitted to the page width, the header row repeated on every printed page. A cell
beginning with ``=`` is stored as text, never as a formula."""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reviewer.core.exports.inert import clean
from reviewer.core.exports.report import Report


def _lines(text: str, width: float) -> int:
    """Wrapped lines of a cell, breaking at spaces and hyphens as spreadsheets do (a file
    name like ``a-b-c.pdf`` takes more lines than its length alone says)."""
    chars = max(1, math.floor(1.15 * width))
    return sum(max(1, len(textwrap.wrap(part, chars))) for part in str(text).split("\n"))


def _height(report: Report, row: dict[str, str]) -> float:
    """Points for a row of wrapped cells: spreadsheets do not grow rows that openpyxl wrote."""
    lines = max((_lines(row.get(c.key, ""), c.width) for c in report.columns), default=1)
    return min(409.0, 14.5 * max(lines, 1))


def _put(ws: Worksheet, row: int, column: int, value: object) -> Cell:
    """Every cell, caption and notes too, is text as typed: control characters removed and
    a leading ``=`` kept as text, never a formula (a PDF title ``=HYPERLINK(…)``)."""
    cell = ws.cell(row=row, column=column, value=clean(value))
    cell.data_type = "s"
    return cell


def _sheet(wb: Workbook, report: Report, first: bool) -> None:
    ws = wb.active if first else wb.create_sheet()
    ws.title = re.sub(r"[\[\]:*?/\\]", " ", clean(report.sheet_name)).strip() or "Sheet"
    for i, line in enumerate(report.caption, 1):
        _put(ws, i, 1, line).font = Font(bold=i == 1, size=13 if i == 1 else 11)
    header = len(report.caption) + 2
    for j, col in enumerate(report.columns, 1):
        _put(ws, header, j, col.label).font = Font(bold=True)
        ws.column_dimensions[get_column_letter(j)].width = col.width
    wrap = Alignment(wrap_text=True, vertical="top")
    for i, row in enumerate(report.rows, header + 1):
        ws.row_dimensions[i].height = _height(report, row)
        fill = report.shade.get(row.get("status", ""))
        for j, col in enumerate(report.columns, 1):
            cell = _put(ws, i, j, row.get(col.key, ""))
            cell.alignment = wrap
            if fill:
                cell.fill = PatternFill("solid", start_color=fill, end_color=fill)
    ws.freeze_panes = ws.cell(row=header + 1, column=1)
    last = get_column_letter(len(report.columns))
    ws.auto_filter.ref = f"A{header}:{last}{header + len(report.rows)}"
    for k, note in enumerate(report.notes, header + len(report.rows) + 2):
        _put(ws, k, 1, note).font = Font(italic=True)
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_title_rows = f"{header}:{header}"


def write_xlsx(reports: Sequence[Report], path: Path) -> None:
    wb = Workbook()
    for i, report in enumerate(reports):
        _sheet(wb, report, i == 0)
    wb.save(path)
