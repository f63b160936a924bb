"""Long jobs of the docks run in the background (issue 14, item 4): Exhibits ▸ Find exhibits
again reads every stored file (seconds on a real matter) in a child process, the window
turning meanwhile; the register is the same after it, and shows again when it ends."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter.store import Matter
from reviewer.qt.main_window import MainWindow
from tests.core.exhibit_fixtures import complaint_with_exhibits


def _labels(window: MainWindow) -> list[str]:
    tree = window.exhibits_panel.tree
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def test_find_exhibits_again_runs_in_the_background(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "Acme.matter"
    with Matter.create(path) as m:
        list(import_files(m, [complaint_with_exhibits(tmp_path / "acme.pdf")], "complaint"))
    assert window.open_matter(path)
    panel = window.exhibits_panel
    before = _labels(window)
    assert before == ["Exhibit A", "Exhibit C", "Exhibit D", "Exhibit B"]
    summary = panel.summary.text()
    panel.tree.clear()  # so the list shown after the job is the job's doing

    ticks = [0]
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    timer.start(10)
    button = next(b for b in panel.findChildren(QPushButton) if b.text() == "Find exhibits again")
    button.click()
    assert window.jobs.busy  # the click returned at once: the rescan is not on this thread
    assert window.progress_dialog.labelText() == "Finding exhibits…"
    qtbot.waitUntil(lambda: not window.jobs.busy, timeout=60_000)
    assert ticks[0] > 5  # the window kept turning while a child process started and scanned
    qtbot.waitUntil(lambda: _labels(window) == before)
    assert panel.summary.text() == summary
