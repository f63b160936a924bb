"""The production dock in the real main window, offscreen: create a set, add the selected
documents, find-and-redact, export and verify; bad input shown in plain words."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QSettings
from pytestqt.qtbot import QtBot

from reviewer.core.demo import build_demo
from reviewer.qt.main_window import MainWindow


@pytest.fixture(scope="module")
def demo_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "Demo.matter"
    list(build_demo(path))
    return path


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, demo_source: Path) -> Iterator[MainWindow]:
    QCoreApplication.setOrganizationName("reviewer-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    copy = tmp_path / "Demo.matter"
    shutil.copytree(demo_source, copy)
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.open_matter(copy)
    yield w
    w.close()


def test_create_add_redact_export_verify(window: MainWindow, tmp_path: Path) -> None:
    panel = window.production_panel
    panel.name.setText("Vol1")
    panel.prefix.setText("DEMO")
    panel.legend.setText("CONFIDENTIAL")
    panel.create()
    assert panel.sets.currentText() == "Vol1"
    sel = window.docs_view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    sel.clearSelection()
    sel.select(window.docs_model.index(0, 0), flags)  # type: ignore[union-attr]
    panel.add_selected()
    assert panel.message.text() == "Added 1 document(s)."
    panel.find.setText("zzqqxx")
    panel.reason.setText("test")
    panel.redact_found()
    assert panel.message.text().startswith("Error: ")
    assert "not found in production Vol1" in panel.message.text()
    panel.find.setText("the")
    panel.redact_found()
    assert panel.message.text().startswith("Recorded ")
    panel.export_to(tmp_path / "out")
    assert panel.message.text().endswith("verified, no problems.")
    assert (tmp_path / "out" / "PDF" / "DEMO000001.pdf").is_file()
    panel.export_to(tmp_path / "out")  # not a new folder: refused in plain words
    assert "already exists" in panel.message.text()
