"""Screenshots of the offline dialogs (check-out, the batch list, the Conflicts view) at
1280 x 800, for the README: ``QT_QPA_PLATFORM=offscreen python
docs/screenshots/offline_shots.py OUT_DIR``. Builds the demo matter in a temporary folder,
checks out three packages, works in one while the office changes the same things, checks it
in through the window, and grabs each dialog."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from reviewer.core import offline
from reviewer.core.claims import tagging
from reviewer.core.claims.elements import list_claims
from reviewer.core.matter.store import Matter
from reviewer.core.privilege import coding as privilege
from reviewer.samples.demo_matter import build_demo


def _as(who: str, machine: str) -> None:
    os.environ["REVIEWER_USER"], os.environ["REVIEWER_MACHINE"] = who, machine


def prepare(root: Path) -> Path:
    demo = root / "Doe v. Streamline Social.matter"
    list(build_demo(demo))
    with Matter.open(demo) as m:
        els = [e.full_id for e in list_claims(m)[0].elements]
        paras = [r[0] for r in m.db.execute(
            "SELECT id FROM paragraphs WHERE doc_id = 1 AND kind = 'numbered' ORDER BY seq"
        )][20:40]  # fmt: skip
        offline.checkout(m, [1, 2], "Pat Lee (paralegal)", root / "pat-lee.package")
        offline.checkout(m, [3], "Sam Ortiz", root / "sam-ortiz.package")
        offline.checkout(m, [1], "Jordan Kim", root / "jordan-kim.package")
    _as("plee", "PLEE-LAPTOP")
    with Matter.open(root / "pat-lee.package") as p:
        tagging.tag(p, paras[-3:-1], els[0], "conclusory", note="labels only; no facts pleaded")
        tagging.tag(p, [paras[-1]], els[1], "information-and-belief")
        privilege.set_privilege(p, [2], "withheld", "ac",
                                description="Email from counsel re: moderation policy")  # fmt: skip
    _as("partner", "OFFICE-WS12")
    with Matter.open(demo) as m:
        tagging.tag(m, [paras[-3]], els[0], "factual")
        tagging.tag(m, [paras[-1]], els[1], "factual", note="see Ex. B at 2")
        privilege.set_privilege(m, [2], "withheld", "ac", description="Counsel's notes on policy")
    return demo


def grab(app: QApplication, widget: QWidget | None, path: Path) -> None:
    assert widget is not None
    widget.resize(1280, 800)
    for _ in range(20):
        app.processEvents()
    widget.grab().save(str(path))


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="offline-shots-"))
    demo = prepare(root)
    app = QApplication([])
    QCoreApplication.setOrganizationName("reviewer-shots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(root))
    from reviewer.qt.main_window import MainWindow

    w = MainWindow()
    w.resize(1280, 800)
    w.show()
    w.open_matter(demo)
    w.offline.check_in(root / "pat-lee.package")
    grab(app, w.offline.show_batches(), out / "offline-batches.png")
    grab(app, w.offline.show_conflicts(), out / "offline-conflicts.png")
    checkout = w.offline.check_out()
    checkout.to.setText("Sam Ortiz")  # type: ignore[union-attr]
    checkout.folder.setText(str(root / "sam-2.package"))  # type: ignore[union-attr]
    grab(app, checkout, out / "offline-checkout.png")
    w.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
