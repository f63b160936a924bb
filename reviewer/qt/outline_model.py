"""One document's paragraph outline: ``OutlineModel`` reads one short row per paragraph (its
first 160 characters), nests the numbered ¶¶ under their headings and COUNTs, and shows each
¶'s tag marks as a colour chip."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
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
from reviewer.core.matter.listing import OutlineRow
from reviewer.core.matter.store import Matter

Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
USER = int(Role.UserRole)


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
    if kind == "caption":  # the first page's caption block: it began with counsel's name
        return f"Caption  {head}"
    if kind == "image_text":  # words OCR'd from a picture on the page, not a ¶
        return f"Picture text (p. {row.page})  {head}"
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
        if role == Role.ForegroundRole and row.kind in ("footnote", "image_text"):
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
