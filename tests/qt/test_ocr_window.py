"""The window and OCR: without Tesseract an import of a scan still works and the status bar
says how to install it; with it, the scan is OCR'd as part of the import."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reviewer.core.matter.store import Matter
from reviewer.qt.main_window import MainWindow
from tests.core.test_ocr import _SCAN_TEXT, _write_scan


def _import_scan(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> Matter:
    matter = tmp_path / "New.matter"
    Matter.create(matter).close()
    assert window.open_matter(matter)
    window.import_paths([_write_scan(tmp_path / "scan.pdf", _SCAN_TEXT)])
    with qtbot.waitSignal(window.jobs.drained, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: window.docs_model is not None and window.docs_model.rowCount() == 1)
    assert window.matter is not None
    return window.matter


def test_without_tesseract_the_window_says_how_to_install_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    m = _import_scan(qtbot, window, tmp_path)
    assert m.db.execute("SELECT needs_ocr FROM documents").fetchone() == (1,)
    qtbot.waitUntil(lambda: "apt-get install tesseract-ocr" in window.statusBar().currentMessage())
    assert window.statusBar().currentMessage().startswith("1 document(s) need OCR.")


@pytest.mark.usefixtures("tesseract")
def test_import_through_the_window_ocrs_the_scan(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    m = _import_scan(qtbot, window, tmp_path)
    qtbot.waitUntil(
        lambda: m.db.execute("SELECT needs_ocr FROM documents").fetchone() == (0,), timeout=60_000
    )
    assert "need OCR" not in window.statusBar().currentMessage()
