"""The Exhibits dock: the matter's exhibit register as a tree — each exhibit (label, numbers,
document and pages, attached or not) over the paragraphs that cite it — filtered to all,
cited, cited but not attached, or attached but never cited. Choosing an exhibit opens its
first page; choosing a citing paragraph opens it. A thin layer over
``reviewer.core.exhibits``."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.core import exhibits
from reviewer.core.matter.store import Matter
from reviewer.qt import background
from reviewer.qt.worker import Job, MakeJob

FILTERS = ("All exhibits", "Cited", "Cited, not attached", "Attached, not cited")
_ROLE = Qt.ItemDataRole.UserRole


class _Window(Protocol):
    def open_document(self, doc_id: int) -> None: ...
    def select_paragraph(self, pid: int) -> None: ...
    def go_to_page(self, page: int) -> None: ...
    def run_background(self, label: str, make: MakeJob, report: bool = True) -> Job: ...


def keep(ex: dict[str, Any], choice: str) -> bool:
    """Whether an exhibit passes the filter ``choice`` (one of ``FILTERS``)."""
    if choice == "Cited":
        return bool(ex["cited"])
    if choice == "Cited, not attached":
        return not ex["attached"]
    if choice == "Attached, not cited":
        return bool(ex["attached"]) and not ex["cited"]
    return True


class ExhibitsPanel(QWidget):
    def __init__(self, window: _Window, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.matter: Matter | None = None
        self.filter = QComboBox()
        self.filter.addItems(FILTERS)
        self.filter.currentTextChanged.connect(lambda _text: self.refresh())
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Exhibit", "Where", "Cited by"])
        self.tree.setUniformRowHeights(True)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        rescan = QPushButton("Find exhibits again")
        rescan.setToolTip("Re-read every document for exhibit covers, stamps and citations")
        rescan.clicked.connect(self.rescan)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(rescan)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)

    def track(self, matter: Matter | None) -> None:
        self.matter = matter
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        if self.matter is None:
            self.summary.clear()
            return
        rows = exhibits.list_exhibits(self.matter)
        shown = [ex for ex in rows if keep(ex, self.filter.currentText())]
        for ex in shown:
            self.tree.addTopLevelItem(self._item(ex))
        self.tree.expandAll()  # the citing ¶¶ show, and the columns fit them too
        for col in (0, 1):
            self.tree.resizeColumnToContents(col)
        missing = sum(not ex["attached"] for ex in rows)
        uncited = sum(ex["attached"] and not ex["cited"] for ex in rows)
        self.summary.setText(f"{len(rows)} exhibits: {missing} cited but not attached, "
                             f"{uncited} attached but not cited.")  # fmt: skip

    def _item(self, ex: dict[str, Any]) -> QTreeWidgetItem:
        numbers = f" [{', '.join(ex['numbers'])}]" if ex["numbers"] else ""
        where = (f"{ex['file_name']} pp. {ex['first_page']}-{ex['last_page']}"
                 if ex["attached"] else "NOT ATTACHED")  # fmt: skip
        item = QTreeWidgetItem([ex["label"] + numbers, where, str(len(ex["cited_by"]))])
        item.setData(0, _ROLE, ("exhibit", ex["doc_id"], ex["first_page"] or 1))
        if not ex["attached"]:
            item.setForeground(1, Qt.GlobalColor.darkRed)
        item.setToolTip(0, ex["description"] or ex["label"])
        for c in ex["cited_by"]:
            child = QTreeWidgetItem([c["cite"], c["text"], ""])
            child.setData(0, _ROLE, ("paragraph", c["doc_id"], c["para_id"]))
            item.addChild(child)
        return item

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        what, doc_id, target = item.data(0, _ROLE)
        self.window_.open_document(doc_id)
        if what == "exhibit":
            self.window_.go_to_page(target)
        else:
            self.window_.select_paragraph(target)

    def rescan(self) -> Job | None:
        """Find exhibits again in the background (every stored file is read: seconds); the
        list is refreshed when it ends (the window tells every dock). Returns the job."""
        if self.matter is None:
            return None
        failed: list[str] = []
        job = self.window_.run_background("Finding exhibits", background.rescan_exhibits(), False)
        job.failed.connect(failed.append)
        job.ended.connect(lambda: failed and self.summary.setText(f"Error: {failed[0]}"))
        return job
