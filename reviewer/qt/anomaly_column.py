"""The documents list's Anomalies column (issue 9's checks, ``core.anomalies``): how many
places of a document need a look, a warning icon when any would fail ``reviewer check``,
and the list itself in the tooltip. Counted when a row is first shown (a few milliseconds a
document, only for rows painted: the column's size hint is fixed, so a view sizing its
columns does not count a thousand documents) and kept until the list is re-read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from reviewer.core.ingest.anomalies import Anomaly, document_anomalies
from reviewer.core.matter.store import Matter

TIP_LINES = 12
Role = Qt.ItemDataRole
WARNING = QColor("#a15c00")
ANOMALY_CELL = QSize(64, 22)  # the column's size hint: icon and a count, no lookup


def describe(found: Sequence[Anomaly]) -> str:
    """The tooltip: one line per anomaly (severity, message), the first ``TIP_LINES``."""
    if not found:
        return "No anomalies: numbering, page furniture and text look right."
    lines = [f"{a.severity.capitalize()}: {a.message}" for a in found[:TIP_LINES]]
    more = len(found) - TIP_LINES
    tail = [f"… and {more} more (Document ▸ Properties, or 'reviewer check')"] if more > 0 else []
    return "\n".join([f"{len(found)} anomal{'y' if len(found) == 1 else 'ies'}:", *lines, *tail])


class AnomalyCounts:
    """The anomalies of each document shown, read once per document until ``clear``."""

    def __init__(self, matter: Matter) -> None:
        self.matter = matter
        self._found: dict[int, list[Anomaly]] = {}
        self._icon: QIcon | None = None

    def clear(self) -> None:
        self._found.clear()

    @property
    def counted(self) -> int:
        """How many documents' anomalies are held."""
        return len(self._found)

    def of(self, doc_id: int) -> list[Anomaly]:
        if doc_id not in self._found:
            self._found[doc_id] = document_anomalies(self.matter, doc_id)
        return self._found[doc_id]

    def display(self, doc_id: int) -> str:
        found = self.of(doc_id)
        return str(len(found)) if found else ""

    def icon(self, doc_id: int) -> QIcon | None:
        if not any(a.failing for a in self.of(doc_id)):
            return None
        if self._icon is None:
            style = QApplication.style()
            self._icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return self._icon

    def data(self, doc_id: int, role: int) -> Any:
        """The column's cell for ``role``: count, icon, list, alignment, colour."""
        if role == Role.DisplayRole:
            return self.display(doc_id)
        if role == Role.DecorationRole:
            return self.icon(doc_id)
        if role == Role.ToolTipRole:
            return describe(self.of(doc_id))
        if role == Role.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Role.ForegroundRole and self.icon(doc_id) is not None:
            return WARNING
        return None

    def sort_key(self, doc_id: int) -> tuple[int, int]:
        found = self.of(doc_id)
        return sum(a.failing for a in found), len(found)
