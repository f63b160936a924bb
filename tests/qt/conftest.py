"""Qt test fixtures: the demo matter (built once a session, copied for each test) and the real
main window with its settings kept in the test's own folder."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, QSettings
from pytestqt.qtbot import QtBot

from reviewer.qt.main_window import MainWindow
from reviewer.samples.demo_matter import build_demo


@pytest.fixture(scope="session")
def demo_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "Demo.matter"
    list(build_demo(path))
    return path


@pytest.fixture
def demo(demo_source: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo matter for one test."""
    copy = tmp_path / "Demo.matter"
    shutil.copytree(demo_source, copy)
    return copy


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """The main window, shown, with QSettings (layout, recent matters) in ``tmp_path``."""
    QCoreApplication.setOrganizationName("reviewer-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def chart_texts(w: MainWindow) -> list[str]:
    """Every label in the proof-chart tree, depth first."""
    model, out = w.claims_panel.model, []

    def walk(parent: QModelIndex) -> None:
        for r in range(model.rowCount(parent)):
            index = model.index(r, 0, parent)
            out.append(index.data())
            walk(index)

    walk(QModelIndex())
    return out
