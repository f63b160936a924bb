"""The documents table's context menu: Kind ▸ complaint / answer / … — a person corrects a
document's kind where they see it (``labels.set_kind``: tags, coding and redactions stay)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu

from reviewer.core.errors import ReviewerError
from reviewer.core.ingest.classify import KINDS
from reviewer.core.matter import documents, labels
from reviewer.qt.dialogs import show_error

# The window (reviewer.qt.main_window.MainWindow): not imported, so no import cycle.
MainWindow = Any


def install(window: MainWindow) -> None:
    """Give the window's documents table its context menu."""
    view = window.docs_view
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(lambda pos: _show(window, pos))


def kind_menu(window: MainWindow, doc_id: int) -> QMenu:
    """``Kind ▸`` with every kind, the document's own checked (disabled when read-only)."""
    assert window.matter is not None
    doc = documents.find_document(window.matter, doc_id)
    menu = QMenu("&Kind", window.docs_view)
    menu.setToolTipsVisible(True)
    for kind in KINDS:
        action = menu.addAction(kind)
        action.setCheckable(True)
        action.setChecked(kind == doc.kind)
        action.setEnabled(not window.matter.readonly)
        action.setToolTip(doc.kind_reason or "" if kind == doc.kind else "")
        action.triggered.connect(lambda _=False, k=kind: set_kind(window, doc_id, k))
    return menu


def _show(window: MainWindow, pos: QPoint) -> None:
    index = window.docs_view.indexAt(pos)
    if window.matter is None or not index.isValid():
        return
    menu = QMenu(window.docs_view)
    menu.addMenu(kind_menu(window, window.docs_model.doc_id(index.row())))
    menu.exec(window.docs_view.viewport().mapToGlobal(pos))


def set_kind(window: MainWindow, doc_id: int, kind: str) -> None:
    """Change the kind, refresh the table (the row stays selected) and say what happened."""
    if window.matter is None:
        return
    try:
        labels.set_kind(window.matter, doc_id, kind)
    except ReviewerError as exc:
        show_error(window, "Cannot change the kind", str(exc))
        return
    window.docs_model.refresh()
    row = window.docs_model.row_of(doc_id)
    if row is not None:
        window.docs_view.selectRow(row)
    window.statusBar().showMessage(f"Kind set to {kind}; its pin cites follow.", 5000)
