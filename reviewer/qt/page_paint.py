"""What the page view paints over a rendered page: tag marks in the margin (solid: factual,
hatched: conclusory), paragraph boxes, the selected paragraph, search hits and tool overlays."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen

TagMark = tuple[QColor, bool]  # an element's colour; hatched when the tag is conclusory
PageView = Any  # reviewer.qt.page_view.PageView, not imported (no import cycle)
BAR_WIDTH = 5  # a tag mark: a bar this wide in the margin beside the paragraph
BAR_STEP = 8
HIT_FILL = QColor(255, 214, 0, 110)
HIT_EDGE = QColor(230, 150, 0)
SELECTED_FILL = QColor(40, 110, 220, 28)
SELECTED_EDGE = QColor(40, 110, 220)
BOX_EDGE = QColor(120, 120, 120, 60)


def _paint_marks(view: PageView, painter: QPainter, page: int) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    for pid, marks in view.marks.items():
        for box in view.boxes.get(pid, []):
            if box[0] == page:
                for slot, mark in enumerate(marks):
                    _bar(painter, view.mark_rect(box, slot), mark)
    whole = view.page_rect(page - 1)
    for slot, mark in enumerate(view.page_marks.get(page, [])):
        rect = QRectF(whole.left() + 2 + slot * BAR_STEP, whole.top() + 2, BAR_WIDTH,
                      whole.height() - 4)  # fmt: skip
        _bar(painter, rect, mark)


def paint_boxes(view: PageView, painter: QPainter, page: int) -> None:
    """Over page ``page`` (1-based): the tag marks, every paragraph's box, the selected one,
    the search hits and the overlays tools drew (redaction boxes)."""
    _paint_marks(view, painter, page)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(BOX_EDGE, 1))
    for pid, boxes in view.boxes.items():
        if pid != view.selected:
            for box in boxes:
                if box[0] == page:
                    painter.drawRect(view.box_rect(box).adjusted(-2, -1, 2, 1))
    painter.setPen(QPen(SELECTED_EDGE, 2))
    painter.setBrush(SELECTED_FILL)
    for box in view.boxes.get(view.selected, []) if view.selected is not None else []:
        if box[0] == page:
            painter.drawRect(view.box_rect(box).adjusted(-3, -2, 3, 2))
    painter.setPen(QPen(HIT_EDGE, 1))
    painter.setBrush(HIT_FILL)
    for box in view.hits:
        if box[0] == page:
            painter.drawRect(view.box_rect(box).adjusted(-1, -1, 1, 1))
    for overlay in view.overlays:
        overlay(painter, page)


def _bar(painter: QPainter, rect: QRectF, mark: TagMark) -> None:
    """A solid bar for a factual tag; a lighter, hatched one for a conclusory tag."""
    colour, conclusory = mark
    if conclusory:
        painter.fillRect(rect, colour.lighter(175))
        painter.fillRect(rect, QBrush(colour.darker(115), Qt.BrushStyle.BDiagPattern))
        painter.save()
        painter.setPen(QPen(colour, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        painter.restore()
    else:
        painter.fillRect(rect, colour)
