"""The window and OCR: without Tesseract an import of a scan still works and the status bar
says how to install it; with it, the scan is OCR'd as part of the import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex
from pytestqt.qtbot import QtBot

from reviewer.core.matter.store import Matter
from reviewer.qt.main_window import MainWindow
from tests.core.test_image_text import _complaint
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
    assert window.statusBar().currentMessage().startswith("1 document needs OCR.")


@pytest.mark.usefixtures("tesseract")
def test_import_through_the_window_ocrs_the_scan(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    m = _import_scan(qtbot, window, tmp_path)
    qtbot.waitUntil(
        lambda: m.db.execute("SELECT needs_ocr FROM documents").fetchone() == (0,), timeout=60_000
    )
    assert "need OCR" not in window.statusBar().currentMessage()


def _labels(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    out = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        out.append(str(model.data(index)))
        out.extend(_labels(model, index))
    return out


@pytest.mark.usefixtures("tesseract")
def test_a_screenshot_in_a_complaint_shows_as_picture_text_in_the_outline(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    matter = tmp_path / "Shots.matter"
    Matter.create(matter).close()
    assert window.open_matter(matter)
    window.import_paths([_complaint(tmp_path / "screens.pdf")])
    with qtbot.waitSignal(window.jobs.drained, timeout=60_000):
        pass
    m = window.matter
    assert m is not None
    qtbot.waitUntil(
        lambda: (
            m.db.execute("SELECT count(*) FROM paragraphs WHERE kind = 'image_text'").fetchone()[0]
            == 1
        ),
        timeout=60_000,
    )  # import's OCR step read the picture
    window.open_document(1)
    assert window.outline_model is not None
    labels = _labels(window.outline_model)
    (picture,) = [t for t in labels if t.startswith("Picture text (p. 1)")]
    assert "Flamingo" in picture
    numbered = [t for t in labels if t.startswith("¶ ")]
    assert [t.split()[1] for t in numbered] == ["1", "2", "3", "4", "5"]
    assert labels.index(picture) == labels.index(numbered[1]) + 1  # where it is printed
