"""Moving through the open document from the keyboard and menus: the current and selected
paragraphs of the outline, the next and previous paragraph (J / K), pages, and copying a
paragraph with its pin cite. A mixin of the main window, over its outline and page view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QApplication

from reviewer.core.matter import documents


def _order(index: QModelIndex) -> tuple[int, ...]:
    """An outline index's place in the tree, for sorting a selection into reading order."""
    path = []
    while index.isValid():
        path.append(index.row())
        index = index.parent()
    return tuple(reversed(path))


class ParagraphNavigation:
    """The main window's paragraph and page navigation (it provides ``outline_model``,
    ``outline_view``, ``page_view``, ``matter`` and ``statusBar``)."""

    outline_model: Any
    outline_view: Any
    page_view: Any
    matter: Any
    statusBar: Any

    def select_paragraph(self, pid: int) -> None:
        """Select a paragraph of the open document in the outline (and so on the page)."""
        index = self.outline_model.index_of(pid) if self.outline_model else QModelIndex()
        if index.isValid():
            self.outline_view.scrollTo(index)
            self.outline_view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def current_pid(self) -> int | None:
        index = self.outline_view.currentIndex()
        return self.outline_model.pid(index) if self.outline_model and index.isValid() else None

    def selected_pids(self) -> list[int]:
        """The paragraphs selected in the outline (in outline order), else the current one."""
        model, chosen = self.outline_model, self.outline_view.selectionModel()
        rows = chosen.selectedRows() if model is not None and chosen is not None else []
        pids = [pid for i in sorted(rows, key=_order) if (pid := model.pid(i)) is not None]
        current = self.current_pid()
        return pids or ([current] if current is not None else [])

    def step_paragraph(self, delta: int) -> None:
        model, pid = self.outline_model, self.current_pid()
        if model is None:
            return
        target = model.first_pid() if pid is None else model.next_pid(pid, delta)
        if target is not None:
            self.select_paragraph(target)

    def copy_paragraph(self) -> None:
        pid = self.current_pid()
        if pid is None or self.matter is None:
            self.statusBar().showMessage("Select a paragraph first (J / K move).", 4000)
            return
        text = documents.quotation(documents.paragraph_by_id(self.matter, pid))
        QApplication.clipboard().setText(text)
        self.statusBar().showMessage(f"Copied: {text[-60:]}", 4000)

    def go_to_page(self, page: int) -> None:
        """Show 1-based ``page`` of the open document."""
        self.page_view.go_to_page(page)

    def step_page(self, delta: int) -> None:
        self.page_view.go_to_page(self.page_view.current_page() + delta)
