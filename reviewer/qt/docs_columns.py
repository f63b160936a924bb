"""The documents list's columns: sized to what they hold whenever documents come or go.

Sized only when the matter opened, a list that was empty then (a new matter, the demo being
built) kept header-wide columns after the import: kinds read "comp…" and titles wrapped
into two clipped lines ("COMPLAINT / FOR …"). Titles stay on one line, elided, with the full
title in the tooltip; the Document column is capped so Dkt. and Filed stay near."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from reviewer.qt.models import DOCUMENT

DOCUMENT_MAX = 260  # px: a title beyond this is elided (the tooltip has all of it)


def fit_columns(view: QTableView) -> None:
    """Size every column to its contents (the Document column at most ``DOCUMENT_MAX``)."""
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.resizeColumnsToContents()
    if view.columnWidth(DOCUMENT) > DOCUMENT_MAX:
        view.setColumnWidth(DOCUMENT, DOCUMENT_MAX)
    view.resizeRowsToContents()


def keep_fitted(view: QTableView) -> None:
    """Fit the columns now and each time the view's model is reset (documents came or went;
    a sort is a layout change and keeps the widths the user chose)."""
    fit_columns(view)
    model = view.model()
    if model is not None:
        model.modelReset.connect(lambda: fit_columns(view))
