"""Item models over a matter: the documents table and one document's paragraph outline
(the hits of a search are in ``hits.py``).

Models hold ids, never whole tables: ``DocumentsModel`` keeps the ordered document ids and
reads rows in blocks as a view shows them (as Anki's browser table does); ``OutlineModel``
reads one short row per paragraph of one document.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QIcon,
    QPainter,
    QPixmap,
)

from reviewer.core.ingest.segment import COUNT_RE
from reviewer.core.matter import listing
from reviewer.core.matter.listing import DocumentRow, OutlineRow
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


# -- outline --------------------------------------------------------------------------------------
PAGE_ROLE = USER + 1
_GREY = QColor("#777777")


def _is_count(count: str | None, text: str) -> bool:
    return (count is not None and count[:160].strip() == text.strip()) or bool(COUNT_RE.match(text))


def outline_parents(rows: list[OutlineRow]) -> list[int]:
    """The parent (a row position; -1: top level) of each outline row, in document order.

    A COUNT heading opens a top-level group; other headings nest in the open group while the
    segmenter still puts them in a count (``count`` set), otherwise they close it and sit at
    the top; every other paragraph belongs to the heading before it."""
    parents: list[int] = []
    group = heading = -1
    for i, row in enumerate(rows):
        if row.kind != "heading":
            parents.append(heading)
            continue
        if _is_count(row.count, row.head):
            group, parent = i, -1
        elif row.count is None:
            group = parent = -1
        else:
            parent = group
        parents.append(parent)
        heading = i
    return parents


def _words(text: str, width: int = 80) -> str:
    t = " ".join(text.split())
    if len(t) <= width:
        return t
    cut = t.rfind(" ", 0, width)
    return t[: cut if cut > width // 2 else width].rstrip(" ,;:") + "…"


CHIP = 6  # pixels per element in an outline row's colour chip


def _chip_pixmap(key: tuple[tuple[str, bool], ...]) -> QPixmap:
    """Side-by-side bars, one per element (hatched for a conclusory tag)."""
    pixmap = QPixmap(CHIP * len(key) + 2, 14)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    for i, (name, conclusory) in enumerate(key):
        colour = QColor(name)
        x = 1 + i * CHIP
        painter.fillRect(x, 1, CHIP - 1, 12, colour.lighter(170) if conclusory else colour)
        if conclusory:
            painter.fillRect(x, 1, CHIP - 1, 12, QBrush(colour, Qt.BrushStyle.BDiagPattern))
    painter.end()
    return pixmap


def _tooltip(head: str, marks: list[Any]) -> str:
    if not marks:
        return head
    lines = "\n".join(f"• {m.claim}: {m.label()}" for m in marks)
    return f"{head}\n\nTagged:\n{lines}"


def outline_label(row: OutlineRow) -> str:
    kind, number, head = row.kind, row.number, _words(row.head)
    if kind == "numbered":
        return f"¶ {number}  {head}"
    if kind == "footnote":
        return f"fn. {number}  {head}" if number else f"fn. {head}"
    if kind == "prayer":
        return f"Prayer ({number}) {head}" if number else f"Prayer {head}"
    return head


class OutlineModel(QAbstractItemModel):
    """One document's paragraphs as a tree under their headings and COUNT groups.

    An index's internal id is the paragraph's position in document order."""

    PageRole = PAGE_ROLE

    def __init__(self, matter: Matter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._matter = matter
        self._doc_id: int | None = None
        self._marks: dict[int, list[Any]] = {}  # paragraph id → tag_marks.Mark
        self._chips: dict[tuple[tuple[str, bool], ...], QIcon] = {}
        self._load([])

    def _load(self, rows: list[OutlineRow]) -> None:
        self._rows = rows
        self._parents = outline_parents(rows)
        self._children: dict[int, list[int]] = {-1: []}
        self._children.update((i, []) for i, r in enumerate(rows) if r.kind == "heading")
        self._pos = [0] * len(rows)
        for i, p in enumerate(self._parents):
            self._pos[i] = len(self._children[p])
            self._children[p].append(i)
        self._by_pid = {r.id: i for i, r in enumerate(rows)}

    # -- Qt interface -----------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, 0, self._children[self._node(parent)][row])

    def parent(self, index: Index | None = None) -> Any:  # type: ignore[override]
        if index is None:  # QObject.parent()
            return super().parent()
        p = self._parents[index.internalId()] if index.isValid() else -1
        return QModelIndex() if p < 0 else self.createIndex(self._pos[p], 0, p)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.column() > 0 else len(self._children.get(self._node(parent), ()))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.internalId()]
        if role == Role.DisplayRole:
            return outline_label(row)
        if role == Role.ToolTipRole:
            return _tooltip(" ".join(row.head.split()), self._marks.get(row.id, []))
        if role == Role.DecorationRole:
            return self._chip(self._marks.get(row.id))
        if role == Role.FontRole and row.kind == "heading":
            font = QFont()
            font.setBold(True)
            return font
        if role == Role.ForegroundRole and row.kind == "footnote":
            return _GREY
        if role == Role.UserRole:
            return row.id
        return row.page if role == PAGE_ROLE else None

    # -- ours -------------------------------------------------------------------------------------
    @staticmethod
    def _node(index: Index) -> int:
        return index.internalId() if index.isValid() else -1

    @property
    def doc_id(self) -> int | None:
        return self._doc_id

    def set_document(self, doc_id: int | None) -> None:
        """Show ``doc_id``'s outline (one query of paragraph heads), or nothing."""
        self.beginResetModel()
        self._doc_id = doc_id
        self._load([] if doc_id is None else listing.outline_rows(self._matter, doc_id))
        self.endResetModel()

    def set_marks(self, marks: dict[int, list[Any]]) -> None:
        """The tags of the document's paragraphs (``tag_marks.Mark`` lists): a colour chip
        per element before the label and the elements with their assessment in the tooltip."""
        changed = set(marks) ^ set(self._marks) | {
            p for p in marks if marks[p] != self._marks.get(p)
        }
        self._marks = dict(marks)
        for pid in changed:
            index = self.index_of(pid)
            if index.isValid():
                self.dataChanged.emit(index, index, [Role.DecorationRole, Role.ToolTipRole])

    def marks_of(self, pid: int) -> list[Any]:
        return list(self._marks.get(pid, []))

    def _chip(self, marks: list[Any] | None) -> QIcon | None:
        if not marks:
            return None
        key = tuple((m.colour.name(), m.conclusory) for m in marks)
        if key not in self._chips:
            self._chips[key] = QIcon(_chip_pixmap(key))
        return self._chips[key]

    def index_of(self, pid: int) -> QModelIndex:
        i = self._by_pid.get(pid)
        return QModelIndex() if i is None else self.createIndex(self._pos[i], 0, i)

    def pid(self, index: Index) -> int | None:
        return self._rows[index.internalId()].id if index.isValid() else None

    def next_pid(self, pid: int, step: int = 1) -> int | None:
        """The paragraph ``step`` places after (before, if negative) ``pid`` in document order."""
        i = self._by_pid.get(pid)
        if i is None or not 0 <= i + step < len(self._rows):
            return None
        return self._rows[i + step].id

    def first_pid(self) -> int | None:
        return self._rows[0].id if self._rows else None
