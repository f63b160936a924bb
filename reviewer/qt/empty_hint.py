"""What an empty matter says: a new matter showed a blank documents list and a grey page
area with nothing telling a new user how documents get in. While the matter has no
documents, a line over the documents list and the page area says how to import."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QLabel
from shiboken6 import isValid

EMPTY_MATTER = (
    "This matter has no documents yet.\n\nFile ▸ Import filings… (Ctrl+I), or drop PDF files "
    "or folders on the window."
)

WIDTH = 340  # px, the card's widest


class EmptyHint(QObject):
    """A centred, wrapped label over ``area``'s viewport, shown while ``model`` has no rows
    (or there is no model)."""

    def __init__(self, area: QAbstractScrollArea, text: str = EMPTY_MATTER) -> None:
        super().__init__(area)
        self.area = area
        self.model: QAbstractItemModel | None = None
        # a child of the scroll area over its viewport: the page view draws its viewport's
        # children without their text
        self.label = QLabel(text, area)
        self.label.setObjectName("empty-hint")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setStyleSheet(  # a card: readable on the list's white and the pages' grey
            "QLabel#empty-hint { color: #202124; background: #ffffff;"
            " border: 1px solid #9aa0a6; border-radius: 6px; padding: 14px; }"
        )
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
        if not (isValid(self.area) and isValid(self.label)):
            return  # the view is being destroyed (its model empties itself on the way out)
        empty = self.model is not None and self.model.rowCount(QModelIndex()) == 0
        self.label.setVisible(empty)
        if empty:
            self._place()

    @property
    def showing(self) -> bool:
        return not self.label.isHidden()

    def _place(self) -> None:
        """Centred in the viewport, at most ``WIDTH`` wide."""
        room = self.area.viewport().geometry()
        width = max(60, min(WIDTH, room.width() - 16))
        height = min(room.height(), self.label.heightForWidth(width))
        self.label.setGeometry(
            room.x() + (room.width() - width) // 2, room.y() + (room.height() - height) // 3,
            width, height,
        )  # fmt: skip
        self.label.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isValid(self.label) and self.showing:
            self._place()
        return False
