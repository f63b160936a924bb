"""Redactions on the page view: the open document's redaction boxes drawn over its pages
(dark, with a red edge; the one chosen in the production dock outlined), and Redact mode, in
which a mouse drag draws a rubber band on a page and its release hands the rectangle, in PDF
points, to whoever listens (``drawn``). Knows nothing of the matter."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPen

from reviewer.qt.page_view import Box, PageView

REDACTION_FILL = QColor(0, 0, 0, 150)
REDACTION_EDGE = QColor(200, 30, 30)
CHOSEN_EDGE = QColor(255, 170, 0)
BAND_FILL = QColor(200, 30, 30, 50)
MIN_POINTS = 2.0  # a smaller drag is a click, not a box


class RedactTool(QObject):
    """Draws the redactions and, while ``active``, turns drags into boxes."""

    drawn = Signal(int, object)  # 1-based page, (x0, y0, x1, y1) in PDF points
    toggled = Signal(bool)

    def __init__(self, view: PageView) -> None:
        super().__init__(view)
        self.view = view
        self.boxes: list[Box] = []  # the open document's redactions
        self.chosen: list[Box] = []
        self.active = False
        self._page: int | None = None
        self._start: QPointF | None = None
        self._end: QPointF | None = None
        view.overlays.append(self.paint)

    # -- what is shown -----------------------------------------------------------------------
    def set_boxes(self, boxes: list[Box]) -> None:
        self.boxes = list(boxes)
        self.view.viewport().update()

    def choose(self, boxes: list[Box]) -> None:
        """Outline these boxes and bring the first into sight."""
        self.chosen = list(boxes)
        if boxes:
            self.view.ensure_visible(boxes[0])
        self.view.viewport().update()

    def set_active(self, on: bool) -> None:
        if on == self.active:
            return
        self.active = on
        self.view.tool = self if on else None
        cursor = Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor
        self.view.viewport().setCursor(cursor)
        self._start = self._end = self._page = None
        self.view.viewport().update()
        self.toggled.emit(on)

    def band(self) -> QRectF | None:
        """The rubber band being dragged, in viewport pixels."""
        if self._start is None or self._end is None:
            return None
        return QRectF(self._start, self._end).normalized()

    def paint(self, painter: QPainter, page: int) -> None:
        painter.setPen(QPen(REDACTION_EDGE, 1))
        painter.setBrush(REDACTION_FILL)
        for box in self.boxes:
            if box[0] == page:
                painter.drawRect(self.view.box_rect(box))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(CHOSEN_EDGE, 3))
        for box in self.chosen:
            if box[0] == page:
                painter.drawRect(self.view.box_rect(box).adjusted(-3, -3, 3, 3))
        band = self.band()
        if band is not None and self._page == page:
            painter.setPen(QPen(REDACTION_EDGE, 1.5, Qt.PenStyle.DashLine))
            painter.setBrush(BAND_FILL)
            painter.drawRect(band)

    def escape(self) -> bool:
        """Escape drops the box being dragged, else ends Redact mode."""
        if self._start is not None:
            self._start = self._end = self._page = None
            self.view.viewport().update()
        else:
            self.set_active(False)
        return True

    # -- the mouse (PageTool) ------------------------------------------------------------------
    def press(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        self.view.setFocus()
        point = event.position()
        self._page = self.view.page_at(point.toPoint())
        self._start = self._end = point if self._page is not None else None
        return True

    def move(self, event: QMouseEvent) -> bool:
        if self._start is None or self._page is None:
            return False
        page = self.view.page_rect(self._page - 1)
        p = event.position()
        self._end = QPointF(min(max(p.x(), page.left()), page.right()),
                            min(max(p.y(), page.top()), page.bottom()))  # fmt: skip
        self.view.viewport().update()
        return True

    def release(self, event: QMouseEvent) -> bool:
        if self._start is None or self._page is None:
            return False
        self.move(event)
        band, page = self.band(), self._page
        self._start = self._end = self._page = None
        self.view.viewport().update()
        if band is None:
            return True
        x0, y0 = self.view.to_points(page, band.topLeft())
        x1, y1 = self.view.to_points(page, band.bottomRight())
        if x1 - x0 >= MIN_POINTS and y1 - y0 >= MIN_POINTS:
            self.drawn.emit(page, (round(x0, 2), round(y0, 2), round(x1, 2), round(y1, 2)))
        return True
