"""The Exhibits dock in the real main window, offscreen: the register of a generated
complaint, its filters, and jumps to an exhibit's first page and to a citing paragraph."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTreeWidgetItem

from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter.store import Matter
from reviewer.qt.main_window import MainWindow
from tests.core.exhibit_fixtures import complaint_with_exhibits


def _labels(window: MainWindow) -> list[str]:
    tree = window.exhibits_panel.tree
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def _item(window: MainWindow, label: str) -> QTreeWidgetItem:
    tree = window.exhibits_panel.tree
    return next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).text(0) == label)  # fmt: skip


def test_register_filters_and_jumps(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "Acme.matter"
    with Matter.create(path) as m:
        list(import_files(m, [complaint_with_exhibits(tmp_path / "acme.pdf")], "complaint"))
    assert window.open_matter(path)
    panel = window.exhibits_panel
    assert _labels(window) == ["Exhibit A", "Exhibit C", "Exhibit D", "Exhibit B"]
    assert _item(window, "Exhibit B").text(1) == "NOT ATTACHED"
    assert panel.summary.text() == "4 exhibits: 1 cited but not attached, 1 attached but not cited."
    panel.filter.setCurrentText("Cited, not attached")
    assert _labels(window) == ["Exhibit B"]
    panel.filter.setCurrentText("Attached, not cited")
    assert _labels(window) == ["Exhibit D"]
    panel.filter.setCurrentText("All exhibits")
    c = _item(window, "Exhibit C")
    assert c.text(1) == "acme.pdf pp. 6-7"
    panel._activated(c)
    window.page_view.repaint()
    assert window.page_view.current_page() == 6
    cites = [c.child(i).text(0) for i in range(c.childCount())]
    assert cites == ["Compl. ¶ 7", "Compl. at 2"]
    panel._activated(c.child(0))
    assert window.outline_model is not None
    assert window.current_pid() == c.child(0).data(0, 0x0100)[2]
