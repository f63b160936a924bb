"""What an empty matter says: a new matter showed a blank documents list and a grey page
area with nothing telling a new user how documents get in. While the matter has no
documents, a line over the documents list and the page area says how to import."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QLabel

EMPTY_MATTER = (
    "This matter has no documents yet.\n\nFile ▸ Import filings… (Ctrl+I), or drop PDF files "
    "or folders on the window."
)


class EmptyHint(QObject):
    """A centred, wrapped label over ``area``'s viewport, shown while ``model`` has no rows
    (or there is no model)."""

    def __init__(self, area: QAbstractScrollArea, text: str = EMPTY_MATTER) -> None:
        super().__init__(area)
        self.area = area
        self.model: QAbstractItemModel | None = None
        self.label = QLabel(text, area.viewport())
        self.label.setObjectName("empty-hint")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setStyleSheet("color: palette(mid); background: transparent; padding: 12px;")
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        area.viewport().installEventFilter(self)
        self.label.hide()

    def follow(self, model: QAbstractItemModel | None) -> None:
        """Show the hint while ``model`` is empty; None (no matter open): hidden."""
        if self.model is not None:
            for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
                with contextlib.suppress(RuntimeError, TypeError):  # a model already gone
                    signal.disconnect(self.update)
        self.model = model
        if model is not None:
            model.modelReset.connect(self.update)
            model.rowsInserted.connect(self.update)
            model.rowsRemoved.connect(self.update)
        self.update()

    def update(self) -> None:
        empty = self.model is not None and self.model.rowCount(QModelIndex()) == 0
        self.label.setVisible(empty)
        if empty:
            self._place()

    @property
    def showing(self) -> bool:
        return not self.label.isHidden()

    def _place(self) -> None:
        self.label.setGeometry(self.area.viewport().rect())
        self.label.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.showing:
            self._place()
        return False
