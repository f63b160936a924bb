"""The documents table's context menu: Kind ▸ complaint / answer / … — a person corrects a
document's kind where they see it (``labels.set_kind``: tags, coding and redactions stay), in
the background (``background.set_kind``: the document is re-indexed too)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu

from reviewer.core.ingest.classify import KINDS
from reviewer.core.matter import documents
from reviewer.qt import background
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
    """Change the kind in the background (the document's index entries follow: seconds for
    a long one); the table shows it and says what happened when done (the row stays)."""
    if window.matter is None:
        return
    label = f"Changing the kind to {kind}"
    sentence = f"Kind set to {kind}; its pin cites follow."
    window.review.perform_later(label, background.set_kind(doc_id, kind), sentence,
                                lambda problem: _kind_set(window, doc_id, problem))  # fmt: skip


def _kind_set(window: MainWindow, doc_id: int, problem: str | None) -> None:
    if problem is not None:
        show_error(window, "Cannot change the kind", problem)
        return
    if window.docs_model is None:
        return
    row = window.docs_model.row_of(doc_id)
    if row is not None:
        window.docs_view.selectRow(row)
