"""Table models of the production dock: the set's documents (place, name, Bates range,
pages, redactions) and the redactions of one document (page, reason, the text covered).
Each holds the core's rows of one set or one document (tens, not thousands)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from reviewer.core.production.edit import RedactionRow, SetDocument
from reviewer.core.wording import plural

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RowsModel(QAbstractTableModel, Generic[T]):
    """Rows of one kind, each shown by ``cells`` (one string a column)."""

    def __init__(
        self, headers: Sequence[str], cells: Callable[[T], Sequence[str]],
        tips: Callable[[T], str] | None = None, right: frozenset[int] = frozenset(),
        parent: QObject | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.headers, self.cells, self.tips, self.right = list(headers), cells, tips, right
        self.rows: list[T] = []

    def set_rows(self, rows: list[T]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Role.DisplayRole:
            return self.cells(row)[index.column()]
        if role == Role.ToolTipRole and self.tips is not None:
            return self.tips(row)
        if role == Role.TextAlignmentRole and index.column() in self.right:
            return RIGHT
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Role.DisplayRole:
            return self.headers[section]
        return None


def documents_model(parent: QObject | None = None) -> RowsModel[SetDocument]:
    def cells(r: SetDocument) -> tuple[str, ...]:
        name = f"{r.file_name} (withheld)" if r.withheld else r.file_name
        red = f" \u00b7 {r.redactions} redaction{'s' * (r.redactions != 1)}" if r.redactions else ""
        pages = f"{r.pages} page{'s' * (r.pages != 1)}"
        return (str(r.seq), f"{name}{red}\n{r.bates} \u00b7 {pages}")

    def tip(r: SetDocument) -> str:
        slip = f"\nWithheld ({r.withheld}): produced as a one-page slip sheet" if r.withheld else ""
        return (
            f"{r.file_name}\nBates {r.bates}, {plural(r.pages, 'page')}, "
            f"{plural(r.redactions, 'redaction')}{slip}"
        )

    return RowsModel(("#", "Document and Bates range"), cells, tip, frozenset({0}), parent)


def redactions_model(parent: QObject | None = None) -> RowsModel[RedactionRow]:
    def cells(r: RedactionRow) -> tuple[str, ...]:
        return (str(r.page), r.reason or r.info_type, r.text)

    def tip(r: RedactionRow) -> str:
        return f"{r.entry_id}, p. {r.page} ({r.info_type}): {r.reason}\n{r.text}"

    return RowsModel(("Page", "Reason", "Text"), cells, tip, frozenset({0}), parent)
