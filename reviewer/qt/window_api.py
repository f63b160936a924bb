"""What the window's helpers (menus, searching, tagging, history) may use of the main window:
a Protocol, so that they need not import ``main_window`` (which imports them) — no cycle."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QMenuBar, QStatusBar, QWidget

from reviewer.core.matter.store import Matter
from reviewer.qt.models import DocumentsModel
from reviewer.qt.page_view import PageView
from reviewer.qt.panels.claims_panel import ClaimsPanel
from reviewer.qt.panels.search_panel import SearchPanel
from reviewer.qt.worker import Job, MakeJob


class ReviewWindow(Protocol):
    matter: Matter | None
    docks: dict[str, QDockWidget]
    recent_menu: QMenu | None
    claims_panel: ClaimsPanel
    search_panel: SearchPanel
    page_view: PageView
    docs_model: DocumentsModel | None
    review: Any  # reviewer.qt.review_actions.ReviewActions (it imports the dialogs)

    def menuBar(self) -> QMenuBar: ...

    def statusBar(self) -> QStatusBar: ...

    def addAction(self, action: QAction) -> None: ...

    def recent_matters(self) -> list[str]: ...

    def setCentralWidget(self, widget: QWidget) -> None: ...

    def new_matter(self) -> None: ...

    def choose_matter(self) -> None: ...

    def open_matter(self, path: Path | str) -> bool: ...

    def size_docks(self) -> None: ...

    def run_background(self, label: str, make: MakeJob, report: bool = True) -> Job: ...

    def selected_pids(self) -> list[int]: ...

    def open_document(self, doc_id: int) -> None: ...

    def select_paragraph(self, pid: int) -> None: ...

    def announce(self, changes: object) -> None:
        """Tell every dock what an operation changed (``operation_executed``)."""
        ...
