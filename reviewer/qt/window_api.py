"""What the window's helpers (menus, searching, tagging, history) may use of the main window:
a Protocol, so that they need not import ``main_window`` (which imports them) — no cycle."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QMenuBar, QStatusBar

from reviewer.core.matter import Matter
from reviewer.qt.page_view import PageView
from reviewer.qt.panels.claims_panel import ClaimsPanel
from reviewer.qt.panels.search_panel import SearchPanel


class ReviewWindow(Protocol):
    matter: Matter | None
    docks: dict[str, QDockWidget]
    recent_menu: QMenu | None
    claims_panel: ClaimsPanel
    search_panel: SearchPanel
    page_view: PageView

    def menuBar(self) -> QMenuBar: ...

    def statusBar(self) -> QStatusBar: ...

    def addAction(self, action: QAction) -> None: ...

    def recent_matters(self) -> list[str]: ...

    def selected_pids(self) -> list[int]: ...

    def open_document(self, doc_id: int) -> None: ...

    def select_paragraph(self, pid: int) -> None: ...

    def announce(self, changes: object) -> None:
        """Tell every dock what an operation changed (``operation_executed``)."""
        ...
