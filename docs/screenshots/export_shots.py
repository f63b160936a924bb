"""Screenshots of the Export menu's work at 1280 x 800, for the README: the Export dialog,
a privilege log refused for its check errors, the proof chart of one complaint, and the
window at 125 % scaling (1024 x 640 logical pixels; QT_SCALE_FACTOR is read once, at start,
so that one is taken by this script run again with ``--scaled``).

``Xvfb :77 -screen 0 1280x800x24 & DISPLAY=:77 python docs/screenshots/export_shots.py
MATTER OUT_DIR`` (MATTER: a copy of the demo matter; a First Amended Complaint is added to
it and it is changed)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from docs.screenshots.review_shots import fresh_window, settle, shoot
from reviewer.qt.main_window import MainWindow

FLAGS = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


def _prepare(matter: Path) -> None:
    """The demo matter plus a generated FAC of another case (two complaints to choose)."""
    from reviewer.core.claims import tagging
    from reviewer.core.claims.elements import element_for_hotkey, list_claims
    from reviewer.core.errors import NotFoundError
    from reviewer.core.matter.documents import find_document, find_paragraph
    from reviewer.core.matter.store import Matter
    from tests.core.test_chart_scope import add_amended_complaint

    with Matter.open(matter) as m:
        try:
            find_document(m, "fac.pdf")
        except NotFoundError:  # not added yet
            add_amended_complaint(m, matter.parent)
            complaint = find_document(m, "complaint.pdf")
            cites_exhibit = find_paragraph(m, complaint, "35")  # "attached as Exhibit B"
            claim = list_claims(m)[0].key
            tagging.tag(m, [cites_exhibit.id], element_for_hotkey(m, claim, 4), "factual")


def _window(app: QApplication, matter: Path, out: Path, width: int, height: int) -> MainWindow:
    w = fresh_window(app, width, height)
    w.open_matter(matter)
    settle(app, 40)
    return w


def main(matter: Path, out: Path) -> None:
    _prepare(matter)
    app = QApplication(sys.argv)
    w = _window(app, matter, out, 1280, 800)
    w.docks["chart"].raise_()
    w.claims_panel.complaint.setCurrentIndex(w.claims_panel.complaint.findText("Compl."))
    shoot(app, out, "proof-chart-per-complaint.png")
    assert w.docs_model is not None
    w.docs_view.selectionModel().select(w.docs_model.index(2, 0), FLAGS)
    w.docks["privilege"].raise_()
    panel = w.privilege_panel
    panel.status.setCurrentText("withheld")
    panel.bases.setText("attorney-client")
    panel.apply_button.click()
    dialog = w.exports.open("privilege-log")
    assert dialog is not None
    dialog.path.setText("/home/paralegal/Doe v. Streamline - Privilege log.xlsx")
    dialog.export()
    shoot(app, out, "export-privilege-log-errors.png", dialog)
    w.docks["chart"].raise_()
    dialog = w.exports.open("proof-chart")
    assert dialog is not None
    dialog.path.setText("/home/paralegal/Doe v. Streamline - Proof chart.xlsx")
    shoot(app, out, "export-dialog.png", dialog)
    w.close()
    env = {**os.environ, "QT_SCALE_FACTOR": "1.25"}
    subprocess.run([sys.executable, __file__, "--scaled", str(matter), str(out)], env=env,
                   check=True)  # fmt: skip


def scaled(matter: Path, out: Path) -> None:
    app = QApplication(sys.argv)
    screen = app.primaryScreen().availableGeometry()
    w = _window(app, matter, out, screen.width(), screen.height())
    w.docks["chart"].raise_()
    shoot(app, out, "window-125-percent.png")
    print(f"125 %: the pages get {w.page_view.width()} of {w.width()} logical px")
    w.close()


if __name__ == "__main__":
    if sys.argv[1] == "--scaled":
        scaled(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        main(Path(sys.argv[1]), Path(sys.argv[2]))
