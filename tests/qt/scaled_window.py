"""Run by test_scaling in a process of its own (QT_SCALE_FACTOR must be set before Qt
starts): the window at 1280 x 800 device pixels under 125 % scaling (1024 x 640 logical)
on MATTER; prints what the test checks, as JSON."""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication


def main(matter: str, settings: str) -> None:
    QCoreApplication.setOrganizationName("reviewer-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings)
    app = QApplication([])
    from reviewer.qt.main_window import MainWindow

    w = MainWindow()
    w.resize(1024, 640)
    w.show()
    w.open_matter(matter)
    for _ in range(40):
        app.processEvents()
        time.sleep(0.01)
    dialog = w.exports.open("privilege-log")
    assert dialog is not None
    app.processEvents()
    grab = w.grab()
    out = {
        "ratio": w.devicePixelRatioF(),
        "grab": [grab.width(), grab.height()],
        "window": w.width(),
        "page": w.page_view.width(),
        "dialog": [dialog.sizeHint().width(), dialog.sizeHint().height()],
        "menus": [a.text() for a in w.menuBar().actions()],
        "font_px": w.fontInfo().pixelSize(),
    }
    print(json.dumps(out))
    w.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
