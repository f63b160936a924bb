"""Screenshots of production in the app at 1280 x 800, for the README: the production dock
with its documents and redactions, a box being drawn, its reason, find-and-redact with its
hits, and the produced-page preview.

Run from the repository root on a real (virtual) X display: ``Xvfb :77 -screen 0
1280x800x24 & DISPLAY=:77 PYTHONPATH=. python docs/screenshots/production_shots.py MATTER
OUT_DIR`` (MATTER: a copy of the demo matter; it is changed)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from docs.screenshots.review_shots import fresh_window, settle, shoot
from reviewer.core import pdf
from reviewer.qt.main_window import MainWindow


def _setup(app: QApplication, matter: Path, out: Path) -> MainWindow:
    w = fresh_window(app)
    w.open_matter(matter)
    settle(app)
    panel = w.production_panel
    w.docks["production"].raise_()
    panel.buttons["new"].click()
    panel.name.setText("Vol1")
    panel.prefix.setText("DEMO")
    panel.legend.setText("CONFIDENTIAL")
    panel.create_set()
    w.docs_view.selectAll()
    panel.add_selected()
    panel.docs_view.selectRow(0)
    settle(app)
    return w


def _drag(app: QApplication, w: MainWindow, rect: tuple[float, ...], release: bool) -> None:
    view = w.page_view
    view.ensure_visible((1, *rect))
    box = view.box_rect((1, rect[0] - 3, rect[1] - 3, rect[2] + 3, rect[3] + 3))
    a, b = box.topLeft().toPoint(), box.bottomRight().toPoint()
    port = view.viewport()
    if not release:
        QTest.mousePress(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
        QTest.mouseMove(port, b)
    else:
        QTest.mouseRelease(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    settle(app)


def main(matter: Path, out: Path) -> None:
    app = QApplication(sys.argv)
    w = _setup(app, matter, out)
    panel, ctl = w.production_panel, w.production
    words = pdf.page_words(w.page_view.path, 0)  # type: ignore[arg-type]
    phone = next(x for x in words if x[4] == "555-0142")
    w.actions_by_name["redact_mode"].trigger()
    _drag(app, w, phone[:4], release=False)
    shoot(app, out, "production-draw-box.png")
    _drag(app, w, phone[:4], release=True)
    dialog = ctl.reason_dialog
    assert dialog is not None
    dialog.reason.setText("personal telephone number")
    shoot(app, out, "production-box-reason.png", dialog)
    dialog.accept()
    w.actions_by_name["redact_mode"].trigger()
    ctl.open_find()
    find = ctl.find_dialog
    assert find is not None
    find.resize(600, 430)
    find.text.setText("Jane Doe")
    find.find_button.click()
    while find.model.rowCount() == 0:
        settle(app, 5)
    find.model.item(0, 0).setCheckState(Qt.CheckState.Unchecked)
    find.hits_view.setCurrentIndex(find.model.index(2, 0))
    find.reason.setText("minor's name")
    find.kind.setCurrentIndex(find.kind.findData("minor-name"))
    shoot(app, out, "production-find-redact.png", find, QPoint(670, 360))
    find.apply_button.click()
    find.close()
    w.open_document(panel.docs.rows[0].doc_id)
    w.page_view.go_to_page(1)
    panel.reds_view.selectRow(1)
    settle(app)
    shoot(app, out, "production-dock.png")
    ctl.open_preview()
    preview = ctl.preview_dialog
    assert preview is not None
    shoot(app, out, "production-preview.png", preview, QPoint(700, 28))
    w.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
