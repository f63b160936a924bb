"""The main window's widgets and docks, built once: the page view in the middle, documents
and outline on the left, search, proof chart, privilege and production tabbed on the right,
and the status bar's labels; the saved layout and the recent matters (QSettings)."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QMainWindow,
    QTableView,
    QTreeView,
    QWidget,
)

from reviewer.qt.page_view import PageView
from reviewer.qt.panels.claims_panel import ClaimsPanel
from reviewer.qt.panels.exhibits_panel import ExhibitsPanel
from reviewer.qt.panels.privilege_panel import PrivilegePanel
from reviewer.qt.panels.production_panel import ProductionPanel
from reviewer.qt.panels.search_panel import SearchPanel


@dataclass
class Views:
    page: PageView
    docs: QTableView
    outline: QTreeView
    search: SearchPanel
    claims: ClaimsPanel
    privilege: PrivilegePanel
    production: ProductionPanel
    docks: dict[str, QDockWidget]
    status_doc: QLabel
    page_no: QLabel
    exhibits: ExhibitsPanel


def _dock(window: QMainWindow, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(f"dock-{title.lower()}")
    dock.setWidget(widget)
    window.addDockWidget(area, dock)
    return dock


def _tables() -> tuple[QTableView, QTreeView]:
    docs = QTableView()
    docs.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    docs.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    docs.setSortingEnabled(True)
    docs.verticalHeader().hide()
    docs.horizontalHeader().setStretchLastSection(True)
    outline = QTreeView()
    outline.setHeaderHidden(True)
    outline.setUniformRowHeights(True)
    outline.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    return docs, outline


def build_views(window: QMainWindow) -> Views:
    page = PageView(window)  # placed by the start page controller (start_page)
    docs, outline = _tables()
    search, claims = SearchPanel(window), ClaimsPanel(window)
    privilege, production = PrivilegePanel(window), ProductionPanel(window)
    exhibits = ExhibitsPanel(window)  # type: ignore[arg-type]
    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    docks = {
        "documents": _dock(window, "Documents", docs, left),
        "outline": _dock(window, "Outline", outline, left),
        "search": _dock(window, "Search", search, right),
        "chart": _dock(window, "Proof chart", claims, right),
        "privilege": _dock(window, "Privilege", privilege, right),
        "production": _dock(window, "Production", production, right),
        "exhibits": _dock(window, "Exhibits", exhibits, right),
    }
    window.tabifyDockWidget(docks["search"], docks["chart"])
    window.tabifyDockWidget(docks["chart"], docks["privilege"])
    window.tabifyDockWidget(docks["privilege"], docks["production"])
    window.tabifyDockWidget(docks["production"], docks["exhibits"])
    docks["search"].raise_()  # sized when first shown (MainWindow.size_docks)
    window.splitDockWidget(docks["documents"], docks["outline"], Qt.Orientation.Vertical)
    status_doc, page_no = QLabel(), QLabel()
    window.statusBar().addPermanentWidget(status_doc)  # no stretch: messages need the room
    window.statusBar().addPermanentWidget(page_no)
    return Views(page, docs, outline, search, claims, privilege, production, docks,
                 status_doc, page_no, exhibits)  # fmt: skip


MAX_RECENT = 8


def remember_matter(settings: QSettings, path: Path) -> None:
    here = str(path.resolve())
    recent = [here] + [p for p in recent_matters(settings) if p != here]
    settings.setValue("recent", recent[:MAX_RECENT])


def recent_matters(settings: QSettings) -> list[str]:
    value = settings.value("recent", [])
    return [str(v) for v in (value if isinstance(value, list) else [value]) if v]


def layout_version(docks: dict[str, QDockWidget]) -> int:
    """Saved dock layouts carry this; one saved with other docks (an older version of the
    app) is not restored, or Qt would stack the docks it does not know."""
    return zlib.crc32(",".join(sorted(docks)).encode()) & 0x7FFFFFFF


def restore_layout(window: QMainWindow, settings: QSettings, version: int) -> bool:
    """Restore the saved geometry and docks; True if the docks' layout was restored."""
    geometry, state = settings.value("geometry"), settings.value("state")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    return isinstance(state, QByteArray) and window.restoreState(state, version)


def size_docks(window: QMainWindow, docks: dict[str, QDockWidget]) -> None:
    """The pages get over half of the window's width (at 1280 x 800 too)."""
    width = window.width()
    window.resizeDocks([docks["documents"], docks["search"]],
                       [int(width * 0.18), int(width * 0.23)],
                       Qt.Orientation.Horizontal)  # fmt: skip
