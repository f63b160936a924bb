"""The production dock in the real main window, offscreen: create a set, add the selected
documents, export and verify; a refused export and a cancelled one (find-and-redact and the
rest of the workflow: test_production_workflow)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from reviewer.qt.main_window import MainWindow


@pytest.fixture
def window(window: MainWindow, demo: Path) -> MainWindow:
    """The conftest's window, on a copy of the demo matter."""
    assert window.open_matter(demo)
    return window


def test_create_add_redact_export_verify(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    def in_background(action: Callable[[], None]) -> None:
        """Long actions run on the worker: the call returns at once, the panel says so."""
        action()
        assert window.jobs.busy
        assert panel.message.text().endswith("…")
        qtbot.waitUntil(lambda: not window.jobs.busy, timeout=60_000)

    panel = window.production_panel
    panel.name.setText("Vol1")
    panel.prefix.setText("DEMO")
    panel.legend.setText("CONFIDENTIAL")
    panel.create_set()
    assert panel.sets.currentText() == "Vol1"
    sel = window.docs_view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    sel.clearSelection()
    sel.select(window.docs_model.index(0, 0), flags)  # type: ignore[union-attr]
    panel.add_selected()
    assert panel.message.text() == "Added 1 document."
    in_background(lambda: panel.export_to(tmp_path / "out"))
    assert "verified, no problems." in panel.message.text()
    assert (tmp_path / "out" / "PDF" / "DEMO000001.pdf").is_file()
    in_background(lambda: panel.export_to(tmp_path / "out"))  # not a new folder: refused
    assert "already exists" in panel.message.text()


def test_cancelled_export_leaves_nothing_half_written(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    panel = window.production_panel
    panel.name.setText("Vol2")
    panel.prefix.setText("CXL")
    panel.create_set()
    sel = window.docs_view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    sel.clearSelection()
    for row in range(window.docs_model.rowCount()):  # type: ignore[union-attr]
        sel.select(window.docs_model.index(row, 0), flags)  # type: ignore[union-attr]
    panel.add_selected()
    panel.export_to(tmp_path / "out")
    job = window.jobs.jobs[0]
    qtbot.waitUntil(lambda: bool(list(tmp_path.glob(".out.part-*"))), timeout=60_000)
    job.cancel()  # the export process is writing: it is ended, its folder removed
    qtbot.waitUntil(lambda: not window.jobs.busy, timeout=60_000)
    assert panel.message.text() == "Cancelled; nothing was exported."
    assert not (tmp_path / "out").exists()
    assert not list(tmp_path.glob(".out.part-*"))
    assert not list((window.matter.path / ".scratch").glob("*"))  # type: ignore[union-attr]
