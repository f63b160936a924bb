"""Screenshots of the review dialogs and the tag marks at 1280 x 800, for the README.

Run on a real (virtual) X display, so dialogs sit over the window as a user sees them:
``Xvfb :77 -screen 0 1280x800x24 & DISPLAY=:77 python docs/screenshots/review_shots.py
MATTER OUT_DIR`` (MATTER: a copy of the demo matter; it is changed)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QDialog

from reviewer.core.matter.documents import find_document, find_paragraph
from reviewer.core.matter.store import Matter
from reviewer.core.privilege import coding as privilege
from reviewer.qt.main_window import MainWindow


def settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


TITLE = 26  # the title bar drawn over a dialog (a bare X display has no window manager)


def fresh_window(app: QApplication, width: int = 1280, height: int = 800) -> MainWindow:
    """The main window at ``width`` x ``height`` with settings of its own (no dock layout
    saved by an earlier run), shown."""
    QCoreApplication.setOrganizationName("reviewer-screenshots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    settings = tempfile.mkdtemp(prefix="reviewer-shots-")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings)
    w = MainWindow()
    w.setGeometry(0, 0, width, height)
    w.show()
    settle(app)
    return w


def shoot(app: QApplication, out: Path, name: str, dialog: QDialog | None = None,
          at: QPoint | None = None) -> None:  # fmt: skip
    """The screen; a dialog is drawn at ``at`` (else centred over the window) with a title
    bar and a shadow, as a window manager would show it."""
    settle(app)
    image = dialog.grab() if dialog is not None else None
    if dialog is not None:
        dialog.hide()
        settle(app)
    shot = app.primaryScreen().grabWindow(0)
    if dialog is not None and image is not None:
        x = at.x() if at else (shot.width() - image.width()) // 2
        y = at.y() if at else max(TITLE + 4, (shot.height() - image.height() + TITLE) // 2)
        painter = QPainter(shot)
        painter.fillRect(QRect(x + 6, y - TITLE + 6, image.width(), image.height() + TITLE),
                         QColor(0, 0, 0, 70))  # fmt: skip
        bar = QRect(x, y - TITLE, image.width(), TITLE)
        painter.fillRect(bar, QColor("#3c4a5c"))
        painter.setPen(QColor("white"))
        painter.drawText(
            bar.adjusted(10, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, dialog.windowTitle()
        )
        painter.drawPixmap(x, y, image)
        painter.setPen(QColor("#3c4a5c"))
        painter.drawRect(QRect(x, y - TITLE, image.width() - 1, image.height() + TITLE - 1))
        painter.end()
    shot.save(str(out / name), "PNG")


def main(matter: Path, out: Path) -> None:
    app = QApplication(sys.argv)
    w = fresh_window(app)
    m = Matter.open(matter)  # the answer coded withheld, for the documents list
    answer = find_document(m, "answer.pdf")
    if not privilege.designations(m, answer.id):
        privilege.set_privilege(m, [answer.id], "withheld", "attorney-client", description="x")
    m.close()
    w.open_matter(matter)
    settle(app)
    assert w.matter is not None
    w.resizeDocks([w.docks["documents"]], [330], Qt.Orientation.Horizontal)
    complaint = find_document(w.matter, "complaint.pdf")
    w.open_document(complaint.id)
    w.docks["chart"].raise_()
    w.select_paragraph(find_paragraph(w.matter, complaint, "46").id)
    shoot(app, out, "tag-marks.png")
    shoot(app, out, "claims-dialog.png", w.review.open_claims())
    counts = w.review.open_counts()
    assert counts is not None
    tree = counts.tree  # type: ignore[attr-defined]
    tree.setCurrentItem(tree.topLevelItem(0).child(1))  # a suggestion, ready to confirm
    shoot(app, out, "counts-dialog.png", counts)
    shoot(app, out, "suggestions-dialog.png", w.review.open_suggestions())
    shoot(app, out, "document-dialog.png", w.review.open_document("kind"))
    people = w.review.open_people()
    assert people is not None
    people.name.setText("Daniel R. Okafor")  # type: ignore[attr-defined]
    people.attorney.setChecked(True)  # type: ignore[attr-defined]
    people.aliases.setText("dokafor@okaforlaw.com; DRO")  # type: ignore[attr-defined]
    people._save()  # type: ignore[attr-defined]
    shoot(app, out, "people-dialog.png", people)
    w.docs_view.selectRow(w.docs_model.row_of(answer.id))  # type: ignore[union-attr]
    shoot(app, out, "delete-dialog.png", w.review.open_delete())
    w.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
