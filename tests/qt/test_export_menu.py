"""The Export menu in the real window, offscreen: each export opens a dialog with the CLI's
formats and options; a privilege log with check errors is refused until the coding is fixed
(or "Export anyway" is ticked); the proof chart of one complaint exports the figures the
dock shows; files are read back."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from reviewer.core.exports.by_name import FORMATS_OF
from reviewer.core.wording import plural
from reviewer.qt.export_dialog import SPECS, ExportDialog
from reviewer.qt.main_window import MainWindow
from reviewer.qt.menus import EXPORTS


@pytest.fixture
def window(window: MainWindow, demo: Path) -> MainWindow:
    assert window.open_matter(demo)
    return window


def _select_rows(w: MainWindow, rows: list[int]) -> None:
    sel = w.docs_view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    sel.clearSelection()
    for r in rows:
        sel.select(w.docs_model.index(r, 0), flags)  # type: ignore[union-attr]


def _open(w: MainWindow, kind: str) -> ExportDialog:
    w.actions_by_name[f"export_{kind}"].trigger()
    dialog = w.exports.dialogs[kind]
    assert dialog.isVisible()
    return dialog


def _export(qtbot: QtBot, w: MainWindow, dialog: ExportDialog, path: Path) -> str:
    dialog.path.setText(str(path))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=60_000)
    return dialog.message.text()


def test_the_export_menu_lists_every_export_with_the_cli_formats(window: MainWindow) -> None:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "E&xport")
    labels = [a.text().replace("&", "") for a in menu.actions()]
    assert labels == [label.replace("&", "") for _, label in EXPORTS]
    assert labels[:3] == ["Proof chart…", "Conclusory allegations…", "Privilege log…"]
    for kind in FORMATS_OF:
        dialog = _open(window, kind)
        shown = [dialog.format.itemData(i) for i in range(dialog.format.count())]
        assert tuple(shown) == FORMATS_OF[kind], kind
        assert dialog.windowTitle() == f"Export — {SPECS[kind].title}"
        dialog.close()


def test_privilege_log_error_then_fix_then_export(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    panel = window.privilege_panel
    _select_rows(window, [0])
    panel.status.setCurrentText("withheld")
    panel.bases.setText("attorney-client")
    panel.apply_button.click()  # no description or document type: the checks say so
    dialog = _open(window, "privilege-log")
    errors = [dialog.checks.item(i).text() for i in range(dialog.checks.count())]
    errors = [e for e in errors if e.startswith("Error — PRIV-0001")]
    assert errors, "the dialog lists the checks' errors"
    assert dialog.checks_label.text().startswith(f"Checks: {plural(len(errors), 'error')}")
    assert dialog.anyway.isVisible()
    out = tmp_path / "log.xlsx"
    dialog.path.setText(str(out))
    assert not dialog.export()
    assert dialog.message.text().startswith(f"Not exported: the checks found {len(errors)} err")
    assert not out.exists()

    # Fix the coding in the Privilege dock: the open dialog's checks follow
    panel.lines["doc_type"].setText("E-mail")
    panel.lines["date"].setText("2024-03-05")
    panel.lines["author"].setText("Maria T. Alvarez, Esq.")
    panel.description.setPlainText("E-mail from counsel giving legal advice on the takedown")
    panel.apply_button.click()
    left = [dialog.checks.item(i).text() for i in range(dialog.checks.count())]
    assert not [e for e in left if e.startswith("Error")], left
    assert not dialog.anyway.isVisible()
    said = _export(qtbot, window, dialog, out)
    assert said.startswith(f"Wrote {out} (1 row; 0 errors")
    assert window.statusBar().currentMessage() == said
    sheet = openpyxl.load_workbook(out).active
    values = [c for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert "PRIV-0001" in values
    assert "E-mail from counsel giving legal advice on the takedown" in values


def test_export_anyway_writes_a_log_with_errors(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    _select_rows(window, [0, 1])
    window.privilege_panel.bases.setText("work-product")
    window.privilege_panel.apply_button.click()
    dialog = _open(window, "privilege-log")
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.anyway.setChecked(True)
    said = _export(qtbot, window, dialog, tmp_path / "log.csv")
    assert "(2 rows;" in said
    assert "error" in said
    with (tmp_path / "log.csv").open(encoding="utf-8") as fh:
        assert len(list(csv.reader(fh))) == 3


def test_exhibit_list_binder_production_and_a_refused_searchable_pdf(
    qtbot: QtBot, window: MainWindow, demo: Path, tmp_path: Path
) -> None:
    import pymupdf

    from reviewer.core.production import sets as production

    m = window.matter
    assert m is not None
    dialog = _open(window, "production")  # before any set: it says how to make one
    assert dialog.option.currentText() == (
        "No production set yet: create one in the Production dock"
    )
    said = _export(qtbot, window, dialog, tmp_path / "none")
    assert "Create a production set first (Production dock)" in said
    dialog.close()
    production.create_set(m, "Vol 1", "DEMO", 1)
    production.add_documents(m, "Vol 1", ["complaint.pdf"])
    window.announce(None)
    said = _export(qtbot, window, _open(window, "exhibit-list"), tmp_path / "list.csv")
    assert said.startswith(f"Wrote {tmp_path / 'list.csv'} (")
    with (tmp_path / "list.csv").open(encoding="utf-8") as fh:
        assert len(list(csv.reader(fh))) >= 2, "a header and an exhibit"
    said = _export(qtbot, window, _open(window, "exhibit-binder"), tmp_path / "binder.pdf")
    assert said.endswith("pages)")
    with pymupdf.open(tmp_path / "binder.pdf") as pdf:
        assert pdf.get_toc(), "a bookmark per exhibit"
    dialog = _open(window, "production")
    assert dialog.option.currentData() == "Vol 1"
    said = _export(qtbot, window, dialog, tmp_path / "VOL001")
    assert said == f"Exported Vol 1 to {tmp_path / 'VOL001'}: verified, no problems."
    assert list((tmp_path / "VOL001").rglob("*.pdf"))
    dialog = _open(window, "searchable-pdf")
    assert dialog.option.currentText() == "complaint.pdf — no OCR'd pages"
    said = _export(qtbot, window, dialog, tmp_path / "searchable.pdf")
    assert said.startswith("Not exported: complaint.pdf: has no OCR'd pages")
    assert not (tmp_path / "searchable.pdf").exists()


def test_conclusory_and_redaction_log_from_the_menu(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = _open(window, "conclusory")
    assert dialog.option.itemText(0) == "All complaints"
    said = _export(qtbot, window, dialog, tmp_path / "conclusory.docx")
    assert said.startswith(f"Wrote {tmp_path / 'conclusory.docx'} (")
    import docx

    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "conclusory.docx")).paragraphs)
    assert "Conclusory allegations — all complaints — " in text
    dialog = _open(window, "redaction-log")
    assert not dialog.anyway.isVisible(), "no coding yet: no errors"
    said = _export(qtbot, window, dialog, tmp_path / "redactions.csv")
    assert said.startswith(f"Wrote {tmp_path / 'redactions.csv'} (0 rows; 0 errors")
