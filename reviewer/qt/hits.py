"""The hits of a search: a list model over a ``SearchResult`` and the delegate that paints
each hit as its pin cite over a snippet with the matched words marked."""

from __future__ import annotations

import html
import re
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reviewer.core.records import Hit, SearchResult

Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
USER = int(Role.UserRole)
_GREY = QColor("#777777")

SNIPPET_ROLE = USER + 1
HIT_ROLE = USER + 2
_MARKED = re.compile(r"\*\*(.+?)\*\*", re.S)


def snippet_html(snippet: str) -> str:
    """A ``**marked**`` snippet as HTML: text escaped, marked words bold on yellow."""
    return _MARKED.sub(r'<b style="background:#ffe566">\1</b>', html.escape(snippet))


class HitsModel(QAbstractListModel):
    """The hits of one search, in the result's order."""

    SnippetRole = SNIPPET_ROLE
    HitRole = HIT_ROLE

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._result: SearchResult | None = None

    @property
    def result(self) -> SearchResult | None:
        return self._result

    def set_result(self, result: SearchResult | None) -> None:
        self.beginResetModel()
        self._result = result
        self.endResetModel()

    def hit(self, row: int) -> Hit | None:
        """The hit on ``row``; None when there is no such row (or no result)."""
        if self._result is None or not 0 <= row < len(self._result.hits):
            return None
        return self._result.hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._result is None else len(self._result.hits)

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or self._result is None:
            return None
        hit = self._result.hits[index.row()]
        if role == Role.DisplayRole:
            return f"{hit.cite} — {hit.file_name}"
        if role == SNIPPET_ROLE:
            return snippet_html(hit.snippet)
        if role == Role.UserRole:
            return index.row()
        return hit if role == HIT_ROLE else None


class HitDelegate(QStyledItemDelegate):
    """Paints a hit as its cite (bold) with file name and page (grey), over up to ``LINES``
    lines of the snippet with the marked words highlighted."""

    PAD = 4
    LINES = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._docs: OrderedDict[tuple[str, int, str], QTextDocument] = OrderedDict()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the panel (and the selection background) only; we draw the text
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        hit = index.data(HIT_ROLE)
        if hit is None:
            return
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ink = opt.palette.color(group)
        r = opt.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        painter.save()
        head = self._header(painter, opt, hit, r, ink if selected else _GREY, ink)
        doc = self._doc(index.data(SNIPPET_ROLE), opt.font, r.width())
        painter.translate(r.left(), r.top() + head + 2)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, ink)
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = option.rect.width()
        view = option.widget
        if width <= 0 and view is not None and hasattr(view, "viewport"):
            width = view.viewport().width()
        width = max(width - 2 * self.PAD, 80)
        bold = QFont(option.font)
        bold.setBold(True)
        head = max(QFontMetrics(bold).height(), option.fontMetrics.height())
        doc = self._doc(index.data(SNIPPET_ROLE) or "", option.font, width)
        return QSize(width + 2 * self.PAD, 2 * self.PAD + head + 2 + int(doc.size().height() + 0.5))

    def _header(
        self,
        painter: QPainter,
        opt: QStyleOptionViewItem,
        hit: Hit,
        r: QRect,
        grey: QColor,
        ink: QColor,
    ) -> int:
        """Draw the cite and the file name and page; -> the line's height."""
        bold = QFont(opt.font)
        bold.setBold(True)
        fb, fm = QFontMetrics(bold), QFontMetrics(opt.font)
        base = r.top() + max(fb.ascent(), fm.ascent())
        cite = fb.elidedText(hit.cite, Qt.TextElideMode.ElideRight, r.width())
        painter.setFont(bold)
        painter.setPen(ink)
        painter.drawText(r.left(), base, cite)
        x = r.left() + fb.horizontalAdvance(cite) + fm.horizontalAdvance("   ")
        pages = f"p. {hit.page_start}"
        if hit.page_end != hit.page_start:
            pages = f"pp. {hit.page_start}–{hit.page_end}"
        meta = fm.elidedText(
            f"{hit.file_name} · {pages}", Qt.TextElideMode.ElideRight, r.right() - x
        )
        painter.setFont(opt.font)
        painter.setPen(grey)
        painter.drawText(x, base, meta)
        return max(fb.height(), fm.height())

    def _doc(self, snippet: str, font: QFont, width: int) -> QTextDocument:
        """The laid-out snippet, cut to ``LINES`` lines (kept: paint and sizeHint agree)."""
        key = (snippet, width, font.key())
        doc = self._docs.get(key)
        if doc is None:
            doc = QTextDocument()
            doc.setDocumentMargin(0)
            doc.setDefaultFont(font)
            doc.setDefaultStyleSheet("b { color: #000000; }")  # black on yellow when selected
            doc.setHtml(snippet)
            doc.setTextWidth(width)
            _elide(doc, self.LINES)
            self._docs[key] = doc
            if len(self._docs) > 500:
                self._docs.popitem(last=False)
        return doc


def _elide(doc: QTextDocument, lines: int) -> None:
    """Cut a one-paragraph document after ``lines`` lines, ending it with an ellipsis."""
    doc.size()  # lays the document out
    block = doc.firstBlock()
    layout = block.layout()
    if layout is None or layout.lineCount() <= lines:
        return
    last = layout.lineAt(lines - 1)
    end = last.textStart() + last.textLength()
    cut = block.text().rfind(" ", last.textStart(), end - 1)
    cut = block.position() + (cut if cut > last.textStart() else end - 2)
    for _ in range(20):
        cursor = QTextCursor(doc)
        cursor.setPosition(max(cut, block.position()))
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(" …")
        doc.size()
        if doc.firstBlock().layout().lineCount() <= lines or cut <= block.position():
            return
        cut -= 3
