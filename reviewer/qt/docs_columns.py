"""The documents list's columns, sized to what they hold whenever documents come or go,
and the docks' tab names, kept whole.

Sized only when the matter opened, a list that was empty then (a new matter, the demo being
built) kept header-wide columns after the import: kinds read "comp…" and titles wrapped
into two clipped lines ("COMPLAINT / FOR …"). Titles stay on one line, elided, with the full
title in the tooltip; the Document column ends within the visible list (a title cut by the
dock's edge showed no "…"), the other columns scroll into view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QTabBar, QTableView

from reviewer.qt.models import DOCUMENT, KIND

DOCUMENT_MAX = 320  # px: a title beyond this is elided (the tooltip has all of it)
DOCUMENT_MIN = 100  # px: in a very narrow list the title still gets this much


def fit_columns(view: QTableView) -> None:
    """Size every column to its contents; the Document column ends within the visible list
    (between ``DOCUMENT_MIN`` and ``DOCUMENT_MAX``)."""
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.resizeColumnsToContents()
    room = view.viewport().width() - view.columnWidth(KIND) - 2
    cap = max(DOCUMENT_MIN, min(DOCUMENT_MAX, room))
    if view.columnWidth(DOCUMENT) > cap:
        view.setColumnWidth(DOCUMENT, cap)
    view.resizeRowsToContents()


def keep_fitted(view: QTableView) -> None:
    """Fit the columns now and each time the view's model is reset (documents came or went;
    a sort is a layout change and keeps the widths the user chose)."""
    fit_columns(view)
    model = view.model()
    if model is not None:
        model.modelReset.connect(lambda: fit_columns(view))


def whole_tab_names(window: QMainWindow) -> None:
    """The tabs of tabbed docks keep their whole names ("Se…", "Proof…", "Pri…" in a
    narrow dock at 1280 x 800) and scroll with arrows when they do not all fit."""
    for bar in window.findChildren(QTabBar):
        if isinstance(bar.parent(), QMainWindow):  # the docks' tab bars, not a dialog's
            bar.setElideMode(Qt.TextElideMode.ElideNone)
            bar.setUsesScrollButtons(True)
