"""Screenshots of the start page, the window on the demo matter and a new matter without
documents, at 1280 x 800, for the README.

Run on a real (virtual) X display: ``Xvfb :77 -screen 0 1280x800x24 & DISPLAY=:77 python
docs/screenshots/window_shots.py MATTER OUT_DIR`` (MATTER: a copy of the demo matter)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from docs.screenshots.review_shots import fresh_window, settle, shoot
from reviewer.core.matter.documents import find_document, find_paragraph
from reviewer.core.matter.store import Matter


def main(matter: Path, out: Path) -> None:
    app = QApplication(sys.argv)
    w = fresh_window(app)
    w.start.page.set_recent([str(matter)])
    shoot(app, out, "start-page.png")
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "New matter.matter"
        Matter.create(empty, "New matter").close()
        w.open_matter(empty)
        settle(app, 40)
        shoot(app, out, "empty-matter.png")
    w.open_matter(matter)
    while w.jobs.busy:  # a copied matter's index is rebuilt first
        settle(app)
    settle(app, 40)
    assert w.matter is not None
    complaint = find_document(w.matter, "complaint.pdf")
    w.open_document(complaint.id)
    w.select_paragraph(find_paragraph(w.matter, complaint, "1").id)
    settle(app, 40)
    shoot(app, out, "window-1280x800.png")
    w.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
