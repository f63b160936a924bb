"""The documents table model: ``DocumentsModel`` keeps the ordered document ids and reads rows
in blocks as a view shows them (as Anki's browser table does), never a whole table. One
document's outline is in ``outline_model.py``, the hits of a search in ``hits.py``.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QIcon,
    QPainter,
    QPixmap,
)

from reviewer.core.matter import listing
from reviewer.core.matter.listing import DocumentRow
from reviewer.core.matter.store import Matter
from reviewer.qt.anomaly_column import ANOMALY_CELL, AnomalyCounts

Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
USER = int(Role.UserRole)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


# -- documents ------------------------------------------------------------------------------------
_STATUS = {"needs_ocr": "OCR needed", "partial": "partial text"}
_PROBLEM = {"needs_ocr": QColor("#b3261e"), "partial": QColor("#a15c00")}

# (header, sort order in ``listing.DOCUMENT_ORDERS``) per column, in column order.
_COLUMNS: tuple[tuple[str, str], ...] = (
    ("Kind", "kind"),
    ("Document", "document"),
    ("Dkt.", "docket"),
    ("Filed", "filed"),
    ("Pages", "pages"),
    ("Paragraphs", "paragraphs"),
    ("Status", "status"),
    ("Privilege", "privilege"),
    ("Anomalies", ""),  # counted per document shown (anomaly_column), sorted in Python
)
KIND, DOCUMENT, DOCKET, FILED, PAGES, PARAGRAPHS, STATUS, PRIVILEGE, ANOMALIES = range(
    len(_COLUMNS)
)
_PRIVILEGED = {"withheld": QColor("#8e24aa"), "redacted": QColor("#5e35b1")}

_DISPLAY = (
    lambda r: r.kind,
    lambda r: r.title or r.file_name,
    lambda r: r.docket_no or "",
    lambda r: r.filed or "",
    lambda r: r.pages,
    lambda r: r.numbered,
    lambda r: _STATUS.get(r.quality, ""),
    lambda r: r.privilege_state,
)


_DOTS: dict[str, QIcon] = {}


def _privilege_dot(r: DocumentRow) -> QIcon | None:
    """A dot before the document's name when it is privileged or redacted (the Privilege
    column is often scrolled out of a narrow dock)."""
    state = r.privilege if r.privilege in _PRIVILEGED else "redacted" if r.privilege_state else ""
    if not state or r.privilege_state == "not privileged":
        return None
    if state not in _DOTS:
        pixmap = QPixmap(10, 10)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(_PRIVILEGED[state])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(1, 1, 8, 8)
        painter.end()
        _DOTS[state] = QIcon(pixmap)
    return _DOTS[state]


def _doc_data(r: DocumentRow, column: int, role: int) -> Any:
    if role == Role.DisplayRole:
        return _DISPLAY[column](r)
    if role == Role.DecorationRole and column == DOCUMENT:
        return _privilege_dot(r)
    if role == Role.ToolTipRole and column == DOCUMENT:
        name = f"{r.file_name}\n{r.title}" if r.title else r.file_name
        return f"{name}\nPrivilege: {r.privilege_state}" if r.privilege_state else name
    if role == Role.ToolTipRole and column == STATUS:
        return r.note
    if role == Role.ForegroundRole and column == STATUS:
        return _PROBLEM.get(r.quality)
    if role == Role.ForegroundRole and column == PRIVILEGE:
        return _PRIVILEGED.get(r.privilege or "")
    if role == Role.TextAlignmentRole and column in (PAGES, PARAGRAPHS):
        return RIGHT
    return None


class DocumentsModel(QAbstractTableModel):
    """The matter's documents, one per row; holds only their ids, in the current order, and
    a bounded cache of rows read ``BLOCK`` at a time around the row a view asks for."""

    BLOCK = 200
    CACHE_ROWS = 2000
    _ROLES = frozenset(
        {Role.DisplayRole, Role.ToolTipRole, Role.ForegroundRole, Role.TextAlignmentRole,
         Role.DecorationRole}
    )  # fmt: skip

    def __init__(self, matter: Matter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._matter = matter
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._cache: OrderedDict[int, DocumentRow] = OrderedDict()
        self._row_map: dict[int, int] | None = None
        self.anomalies = AnomalyCounts(matter)
        self._ids = self._query_ids()

    # -- Qt interface -----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Role.UserRole:
            return self._ids[index.row()]
        if role == Role.SizeHintRole and index.column() == ANOMALIES:
            return ANOMALY_CELL  # a view sizing its columns must not count every document
        if role not in self._ROLES:
            return None
        if index.column() == ANOMALIES:
            return self.anomalies.data(self._ids[index.row()], role)
        row = self._row(index.row())
        return None if row is None else _doc_data(row, index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Role.DisplayRole:
            return _COLUMNS[section][0] if 0 <= section < len(_COLUMNS) else None
        return super().headerData(section, orientation, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-read the ids in SQL order of ``column`` (-1: import order); selections follow."""
        self._sort = (column, order)
        ids = self._query_ids()
        if len(ids) != len(self._ids):  # imported or deleted since: a layout change can't say
            self.refresh()
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        kept = [(self._ids[i.row()], i.column()) for i in old]
        self._ids, self._row_map = ids, None
        new = [self._index_of(doc_id, col) for doc_id, col in kept]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # -- ours -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the ids (after an import or a delete) and forget cached rows."""
        self.beginResetModel()
        self.anomalies.clear()
        self._ids, self._row_map = self._query_ids(), None
        self._cache.clear()
        self.endResetModel()

    def reread(self) -> bool:
        """After an edit: re-read the ids if documents came or went (a reset), else only
        forget the cached rows and redraw them, so the selection stays. True if reset."""
        if self._query_ids() != self._ids:
            self.refresh()
            return True
        self._cache.clear()
        self.anomalies.clear()
        if self._ids:
            last = self.index(len(self._ids) - 1, len(_COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        return False

    def doc_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, doc_id: int) -> int | None:
        if self._row_map is None:
            self._row_map = {d: i for i, d in enumerate(self._ids)}
        return self._row_map.get(doc_id)

    @property
    def cached_rows(self) -> int:
        """How many documents' rows are held (bounded by ``CACHE_ROWS``)."""
        return len(self._cache)

    def _index_of(self, doc_id: int, column: int) -> QModelIndex:
        row = self.row_of(doc_id)
        return QModelIndex() if row is None else self.index(row, column)

    def _query_ids(self) -> list[int]:
        column, order = self._sort
        key = _COLUMNS[column][1] if 0 <= column < len(_COLUMNS) else None
        descending = order == Qt.SortOrder.DescendingOrder
        ids = listing.document_ids(self._matter, key or None, descending)
        if column == ANOMALIES:  # not a column of SQL: counted (milliseconds a document)
            ids.sort(key=self.anomalies.sort_key, reverse=descending)
        return ids

    def _row(self, row: int) -> DocumentRow | None:
        doc_id = self._ids[row]
        if doc_id in self._cache:
            self._cache.move_to_end(doc_id)
        else:
            self._fetch_around(row)
        return self._cache.get(doc_id)  # None: deleted since the ids were read

    def _fetch_around(self, row: int) -> None:
        lo = max(0, min(row - self.BLOCK // 2, len(self._ids) - self.BLOCK))
        wanted = [d for d in self._ids[lo : lo + self.BLOCK] if d not in self._cache]
        for r in listing.document_rows(self._matter, wanted):
            self._cache[r.id] = r
        while len(self._cache) > max(self.CACHE_ROWS, self.BLOCK):
            self._cache.popitem(last=False)
