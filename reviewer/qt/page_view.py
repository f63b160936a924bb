"""The page view: a document's pages one under another, rendered by the core (PyMuPDF) only
when they come into sight, with paragraph boxes, the selected paragraph and search hits drawn
over them. Knows nothing of the matter: the window hands it a file, page sizes and boxes."""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from reviewer.core import pdf
from reviewer.core.errors import ReviewerError
from reviewer.qt.page_paint import BAR_STEP, BAR_WIDTH, TagMark, paint_boxes

Box = tuple[int, float, float, float, float]  # page (1-based), x0, y0, x1, y1 in PDF points
GAP = 12  # pixels between pages and around them
ZOOMS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0)
CACHE_PAGES = 12


Overlay = Callable[[QPainter, int], None]  # paints over 1-based page n


class PageTool(Protocol):
    """Something that takes the page view's mouse (the redaction box tool): each handler
    returns True when it used the event."""

    def press(self, event: QMouseEvent) -> bool: ...
    def move(self, event: QMouseEvent) -> bool: ...
    def release(self, event: QMouseEvent) -> bool: ...
    def escape(self) -> bool: ...


class PageView(QAbstractScrollArea):
    """Scrolls through every page of one document; zoom, fit width, page navigation."""

    paragraphClicked = Signal(int)  # paragraph id under a click
    pageChanged = Signal(int)  # 1-based page at the top of the view

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.page_sizes: list[tuple[float, float]] = []
        self.boxes: dict[int, list[Box]] = {}
        self.selected: int | None = None
        self.hits: list[Box] = []
        self.marks: dict[int, list[TagMark]] = {}  # paragraph id → its tags' marks
        self.page_marks: dict[int, list[TagMark]] = {}  # 1-based page → exhibit page tags
        self.tool: PageTool | None = None  # takes the mouse while set (e.g. drawing a box)
        self.overlays: list[Overlay] = []  # drawn over each page, last
        self.zoom = 1.0
        self.fit = True  # follow the viewport's width until the user zooms
        self._tops: list[int] = []  # y of each page's top edge, in pixels
        self._images: OrderedDict[tuple[int, float], QImage] = OrderedDict()
        self._page = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Dark)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(self.viewport().update)
        self._prefetch = QTimer(self, singleShot=True, interval=30)
        self._prefetch.timeout.connect(self._render_neighbours)

    # -- content ----------------------------------------------------------------------------
    def clear(self) -> None:
        self.set_document(None, [])

    def set_document(self, path: Path | None, sizes: list[tuple[float, float]]) -> None:
        self.path, self.page_sizes = path, list(sizes)
        self.boxes, self.selected, self.hits = {}, None, []
        self.marks, self.page_marks = {}, {}
        self._images.clear()
        self._page = 0
        self._layout()
        self.verticalScrollBar().setValue(0)
        self.pageChanged.emit(1 if sizes else 0)

    def set_paragraph_boxes(self, boxes: list[tuple[int, list[Box]]]) -> None:
        self.boxes = {pid: list(b) for pid, b in boxes}
        self.viewport().update()

    def set_tag_marks(
        self, marks: dict[int, list[TagMark]], page_marks: dict[int, list[TagMark]]
    ) -> None:
        """Coloured bars beside tagged paragraphs (and along tagged exhibit pages)."""
        self.marks, self.page_marks = marks, page_marks
        self.viewport().update()

    def mark_rect(self, box: Box, slot: int) -> QRectF:
        """Where the ``slot``-th tag mark of a paragraph box is drawn: a bar in the margin
        to the left of the box (kept on the page)."""
        rect = self.box_rect(box)
        left = self.page_rect(box[0] - 1).left() + 1
        x = max(left + slot * BAR_STEP, rect.left() - 6 - (slot + 1) * BAR_STEP + 3)
        return QRectF(x, rect.top(), BAR_WIDTH, max(rect.height(), 4.0))

    def select_paragraph(self, pid: int | None, scroll: bool = False) -> None:
        self.selected = pid
        if scroll and pid is not None and self.boxes.get(pid):
            self.ensure_visible(self.boxes[pid][0])
        self.viewport().update()

    def set_hits(self, boxes: list[Box]) -> None:
        """Highlight these word rectangles and bring the first into sight."""
        self.hits = list(boxes)
        if boxes:
            self.ensure_visible(boxes[0])
        self.viewport().update()

    def rendered_pages(self) -> int:
        """How many page images are held (0 until the first page has been drawn)."""
        return len(self._images)

    # -- geometry ---------------------------------------------------------------------------
    def _scale(self) -> float:
        """Pixels per PDF point at the current zoom."""
        if self.fit and self.page_sizes:
            widest = max(w for w, _ in self.page_sizes)
            room = self.viewport().width() - 2 * GAP - self.verticalScrollBar().sizeHint().width()
            return max(0.2, room / widest) if widest else 1.0
        return self.zoom

    def _layout(self) -> None:
        scale, y, self._tops = self._scale(), GAP, []
        for _, h in self.page_sizes:
            self._tops.append(y)
            y += round(h * scale) + GAP
        widest = max((round(w * scale) for w, _ in self.page_sizes), default=0)
        vbar, hbar = self.verticalScrollBar(), self.horizontalScrollBar()
        vbar.setRange(0, max(0, y - self.viewport().height()))
        vbar.setPageStep(self.viewport().height())
        vbar.setSingleStep(40)
        hbar.setRange(0, max(0, widest + 2 * GAP - self.viewport().width()))
        hbar.setPageStep(self.viewport().width())
        self.viewport().update()

    def page_rect(self, index: int) -> QRect:
        """Page ``index`` (0-based) in viewport pixels."""
        scale = self._scale()
        w, h = self.page_sizes[index]
        pw, ph = round(w * scale), round(h * scale)
        x = max(GAP, (self.viewport().width() - pw) // 2) - self.horizontalScrollBar().value()
        return QRect(x, self._tops[index] - self.verticalScrollBar().value(), pw, ph)

    def box_rect(self, box: Box) -> QRectF:
        """A box in PDF points as viewport pixels."""
        page, x0, y0, x1, y1 = box
        origin, scale = self.page_rect(page - 1).topLeft(), self._scale()
        return QRectF(origin.x() + x0 * scale, origin.y() + y0 * scale,
                      (x1 - x0) * scale, (y1 - y0) * scale)  # fmt: skip

    def visible_pages(self) -> list[int]:
        """0-based pages that intersect the viewport."""
        if not self.page_sizes:
            return []
        top, bottom = self.verticalScrollBar().value(), self.verticalScrollBar().value()
        bottom += self.viewport().height()
        first = max(0, bisect_right(self._tops, top) - 1)
        last = max(first, bisect_right(self._tops, bottom) - 1)
        return list(range(first, min(last, len(self.page_sizes) - 1) + 1))

    def current_page(self) -> int:
        """The 1-based page at the top of the view (0 when empty)."""
        return self._page + 1 if self.page_sizes else 0

    def go_to_page(self, page: int) -> None:
        if self.page_sizes:
            index = min(max(page, 1), len(self.page_sizes)) - 1
            self.verticalScrollBar().setValue(self._tops[index] - GAP)

    def ensure_visible(self, box: Box) -> None:
        """Scroll so the box is in sight, with room above it; no scroll if it already is."""
        rect = self.box_rect(box).toAlignedRect()
        view = self.viewport().rect()
        if view.contains(rect):
            return
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - view.height() // 4)
        hbar = self.horizontalScrollBar()
        if rect.left() < 0 or rect.right() > view.width():
            hbar.setValue(hbar.value() + rect.left() - GAP)

    # -- zoom -------------------------------------------------------------------------------
    def set_zoom(self, zoom: float) -> None:
        anchor = self._anchor()
        self.fit, self.zoom = False, max(ZOOMS[0], min(ZOOMS[-1], zoom))
        self._layout()
        self._restore_anchor(anchor)

    def zoom_in(self) -> None:
        current = self._scale()
        self.set_zoom(next((z for z in ZOOMS if z > current + 0.01), ZOOMS[-1]))

    def zoom_out(self) -> None:
        current = self._scale()
        self.set_zoom(next((z for z in reversed(ZOOMS) if z < current - 0.01), ZOOMS[0]))

    def fit_width(self) -> None:
        anchor = self._anchor()
        self.fit = True
        self._layout()
        self._restore_anchor(anchor)

    def _anchor(self) -> tuple[int, float]:
        """The page at the top of the view and how far down it the view starts (0..1)."""
        if not self.page_sizes:
            return 0, 0.0
        page = self._page
        height = self.page_rect(page).height() or 1
        return page, (self.verticalScrollBar().value() - self._tops[page]) / height

    def _restore_anchor(self, anchor: tuple[int, float]) -> None:
        page, fraction = anchor
        if page < len(self._tops):
            height = self.page_rect(page).height()
            self.verticalScrollBar().setValue(self._tops[page] + round(fraction * height))

    # -- rendering --------------------------------------------------------------------------
    def _image(self, index: int) -> QImage | None:
        """Page ``index`` rendered at the current scale (cached); None if it cannot be."""
        if self.path is None:
            return None
        ratio = self.devicePixelRatioF()
        key = (index, round(self._scale() * ratio, 3))
        image = self._images.get(key)
        if image is None:
            try:
                page = pdf.page_image(self.path, index, key[1])
            except ReviewerError:
                return None
            image = QImage(page.samples, page.width, page.height, page.stride,
                           QImage.Format.Format_RGB888).copy()  # fmt: skip
            image.setDevicePixelRatio(ratio)
            self._images[key] = image
            while len(self._images) > CACHE_PAGES:
                self._images.popitem(last=False)
        self._images.move_to_end(key)
        return image

    def _render_neighbours(self) -> None:
        """After a paint, render the page below the view so scrolling on finds it ready."""
        pages = self.visible_pages()
        if pages and pages[-1] + 1 < len(self.page_sizes):
            self._image(pages[-1] + 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), self.palette().dark())
        for index in self.visible_pages():
            rect = self.page_rect(index)
            image = self._image(index)
            painter.fillRect(rect, Qt.GlobalColor.white)
            if image is not None:
                painter.drawImage(rect.topLeft(), image)
            paint_boxes(self, painter, index + 1)
        painter.end()
        self._prefetch.start()

    # -- events -----------------------------------------------------------------------------
    def _scrolled(self, value: int) -> None:
        page = max(0, bisect_right(self._tops, value + self.viewport().height() // 3) - 1)
        if self.page_sizes and page != self._page:
            self._page = page
            self.pageChanged.emit(page + 1)
        self.viewport().update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        anchor = self._anchor()
        self._layout()
        self._restore_anchor(anchor)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            (self.zoom_in if event.angleDelta().y() > 0 else self.zoom_out)()
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.tool is not None and self.tool.escape():
            return
        keys = {Qt.Key.Key_Home: 1, Qt.Key.Key_End: len(self.page_sizes)}
        if event.key() in keys:
            self.go_to_page(keys[Qt.Key(event.key())])
            return
        if event.key() == Qt.Key.Key_Space:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + bar.pageStep() - 40)
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.tool is not None and self.tool.press(event):
            return
        pid = self.paragraph_at(event.position().toPoint())
        if pid is not None:
            self.paragraphClicked.emit(pid)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.tool is None or not self.tool.move(event):
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.tool is None or not self.tool.release(event):
            super().mouseReleaseEvent(event)

    def page_at(self, point: QPoint) -> int | None:
        """The 1-based page drawn under a viewport point (None: between pages)."""
        for index in self.visible_pages():
            if self.page_rect(index).contains(point):
                return index + 1
        return None

    def to_points(self, page: int, point: QPointF) -> tuple[float, float]:
        """A viewport point as PDF points on 1-based ``page`` (kept within the page)."""
        origin, scale = self.page_rect(page - 1).topLeft(), self._scale()
        w, h = self.page_sizes[page - 1]
        x = (point.x() - origin.x()) / scale
        y = (point.y() - origin.y()) / scale
        return min(max(x, 0.0), w), min(max(y, 0.0), h)

    def paragraph_at(self, point: QPoint) -> int | None:
        """The paragraph drawn under a viewport point (the smallest box wins)."""
        best: tuple[float, int] | None = None
        for index in self.visible_pages():
            if not self.page_rect(index).contains(point):
                continue
            for pid, boxes in self.boxes.items():
                for box in boxes:
                    rect = self.box_rect(box)
                    if box[0] == index + 1 and rect.adjusted(-3, -2, 3, 2).contains(point):
                        area = rect.width() * rect.height()
                        if best is None or area < best[0]:
                            best = (area, pid)
        return None if best is None else best[1]
