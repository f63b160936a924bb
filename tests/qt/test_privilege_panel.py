"""The privilege dock in the real main window, offscreen: code one document, bulk-code a
selection, refuse bad input in plain words, and run the log's checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from reviewer.core.privilege import checks as privcheck
from reviewer.core.privilege import coding as privilege
from reviewer.qt.main_window import MainWindow


@pytest.fixture
def window(window: MainWindow, demo: Path) -> MainWindow:
    """The conftest's window, on a copy of the demo matter."""
    assert window.open_matter(demo)
    return window


def select_rows(w: MainWindow, rows: list[int]) -> None:
    sel = w.docs_view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    sel.clearSelection()
    for r in rows:
        sel.select(w.docs_model.index(r, 0), flags)  # type: ignore[union-attr]


def test_code_one_then_bulk_code_a_selection(window: MainWindow) -> None:
    panel = window.privilege_panel
    select_rows(window, [0])
    assert panel.doc_ids == [window.docs_model.doc_id(0)]  # type: ignore[union-attr]
    # a form filled in for an uncoded document says its values are only suggestions
    said = panel.target.text()
    assert said.startswith("Not coded yet. The fields below are suggestions")
    if panel.lines["date"].text():
        assert "(date from the PDF's properties)" in said
    assert said.endswith("Apply codes it as shown.")
    panel.status.setCurrentText("withheld")
    panel.bases.setText("attorney-client")
    panel.lines["doc_type"].setText("E-mail")
    panel.description.setPlainText("Advice on the terms of service")
    panel.apply_button.click()
    ds = privilege.designations(window.matter)  # type: ignore[arg-type]
    assert [(d.entry_id, d.doc_type, d.bases) for d in ds] == [
        ("PRIV-0001", "E-mail", ("attorney-client",))]  # fmt: skip
    assert panel.target.text().startswith("PRIV-0001")
    select_rows(window, [0, 1])
    assert len(panel.doc_ids) == 2
    panel.status.setCurrentText("redacted")
    panel.lines["custodian"].setText("Jane Roe")
    panel.apply_button.click()
    ds = privilege.designations(window.matter)  # type: ignore[arg-type]
    assert [(d.entry_id, d.status, d.custodian) for d in ds] == [
        ("PRIV-0001", "redacted", "Jane Roe"), ("PRIV-0002", "redacted", "Jane Roe")]  # fmt: skip
    assert ds[0].doc_type == "E-mail"  # bulk: an empty field kept its value
    panel.check_button.click()
    texts = [panel.findings.item(i).text() for i in range(panel.findings.count())]
    # listed as the Export dialog lists them ("ERROR  …" here, "Error — …" there)
    assert any(t.startswith("Error — PRIV-0002: no") for t in texts)  # no description etc.
    errors = sum(t.startswith("Error") for t in texts)
    warnings = len(texts) - errors
    assert panel.message.text() == (
        f"Checks: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}."
    )
    # fixing the coding checks again: the findings shown were stale ("Coded …" under them)
    select_rows(window, [1])
    panel.description.setPlainText("Advice on the terms of service")
    panel.lines["doc_type"].setText("E-mail")
    panel.bases.setText("attorney-client")
    panel.apply_button.click()
    after = [panel.findings.item(i).text() for i in range(panel.findings.count())]
    fresh = privcheck.check(window.matter)  # type: ignore[arg-type]
    assert after == [f"{f.level.capitalize()} — {f}" for f in fresh]
    assert after != texts
    assert panel.message.text().startswith("Coded 1 document redacted. Checks: ")


def test_bad_input_is_shown_and_nothing_changes(window: MainWindow) -> None:
    panel = window.privilege_panel
    select_rows(window, [0])
    panel.bases.setText("spousal")
    panel.apply_button.click()
    assert "'spousal': the basis must be" in panel.message.text()
    assert privilege.designations(window.matter) == []  # type: ignore[arg-type]


def test_log_dialog_previews_refuses_and_exports(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    panel = window.privilege_panel
    select_rows(window, [0, 1])
    panel.bases.setText("work-product")
    panel.apply_button.click()  # no description, date or type: errors
    dialog = panel.open_log()
    assert dialog is not None
    assert dialog.table.rowCount() == 2
    headers = [dialog.table.horizontalHeaderItem(j).text() for j in range(3)]
    assert headers == ["Entry", "Control No.", "Date"]
    assert dialog.table.item(1, 0).text() == "PRIV-0002"
    dialog.preset.setCurrentText("ninth-circuit")
    assert dialog.table.horizontalHeaderItem(2).text() == "Nature of Document"
    out = tmp_path / "log.xlsx"
    assert not dialog.export_to(out)
    assert dialog.verdict.text().startswith("Not exported: the log has 2 errors.")
    assert "Error — PRIV-0001: no" in dialog.verdict.text()
    assert not out.exists()
    dialog.force.setChecked(True)
    assert dialog.export_to(out)
    assert window.jobs.busy, "written on the worker thread"
    qtbot.waitUntil(lambda: dialog.verdict.text() == f"Wrote {out}", timeout=30_000)
    assert out.exists()
    assert not list(tmp_path.glob(".*.part"))
    dialog.close()
