"""The proof-chart dock: the active claim (whose elements keys 1-9 tag), the assessment new
tags get, the complaint charted (by short cite, or all), and the chart itself — count →
claim → element (status, gaps in red) → the paragraphs and exhibit pages that support it,
each paragraph with the exhibits it cites beneath it. Choosing a supporting row or an exhibit
asks the window to show that paragraph or page. The rows come from the core
(``proof_chart.chart_rows``), as every export's do."""

from __future__ import annotations

from dataclasses import replace
from itertools import groupby

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.claims.records import ASSESSMENTS, Claim
from reviewer.core.exports.chart_scope import Complaint, ExhibitRef
from reviewer.core.exports.proof_chart import ChartRow, ChartSummary

STATUS = {
    "supported": ("supported", QColor(30, 120, 50)),
    "conclusory-only": ("conclusory only", QColor(170, 110, 0)),
    "gap": ("GAP — no support", QColor(190, 20, 30)),
}
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the ChartRow behind a supporting row
NOT_ATTACHED = QColor(190, 20, 30)
EXHIBIT = QColor(60, 60, 140)


class ProofChartModel(QStandardItemModel):
    """The chart as a tree; rebuilt from rows (a chart has hundreds of rows, not thousands)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels(["Element / support", "Assessment", "Note"])

    def set_rows(self, rows: list[ChartRow]) -> None:
        self.removeRows(0, self.rowCount())
        for count, in_count in groupby(rows, key=lambda r: r.count):
            count_item = _bold(count or "Claims not mapped to a count")
            self.appendRow([count_item, QStandardItem(), QStandardItem()])
            for claim, in_claim in groupby(in_count, key=lambda r: r.claim):
                claim_item = _bold(claim)
                count_item.appendRow([claim_item, QStandardItem(), QStandardItem()])
                for _, in_element in groupby(in_claim, key=lambda r: r.element_id):
                    self._element(claim_item, list(in_element))

    def _element(self, parent: QStandardItem, rows: list[ChartRow]) -> None:
        first = rows[0]
        label, colour = STATUS[first.status]
        item = QStandardItem(f"{first.element} — {label}")
        item.setForeground(QBrush(colour))
        item.setToolTip(first.element_id)
        parent.appendRow([item, QStandardItem(), QStandardItem()])
        for r in rows:
            if not r.cite:
                continue
            support = QStandardItem(r.cite)
            support.setData(r, ROW_ROLE)
            support.setToolTip(r.text[:400])
            item.appendRow([support, QStandardItem(r.assessment), QStandardItem(r.note)])
            for ref in r.exhibit_refs:
                support.appendRow([_exhibit_item(r, ref), QStandardItem(), QStandardItem()])


def _exhibit_item(row: ChartRow, ref: ExhibitRef) -> QStandardItem:
    """An exhibit the paragraph cites: opens its first page; red when it is not attached."""
    item = QStandardItem(f"\N{DOWNWARDS ARROW WITH TIP RIGHTWARDS} {ref.text()}")
    if ref.attached and ref.first_page is not None:
        item.setData(replace(row, doc_id=ref.doc_id, para_id=None, page=ref.first_page),
                     ROW_ROLE)  # fmt: skip
        item.setForeground(QBrush(EXHIBIT))
        item.setToolTip(f"{ref.label}, cited by {row.cite}: click to open its pages")
    else:
        item.setForeground(QBrush(NOT_ATTACHED))
        item.setToolTip(f"{row.cite} cites {ref.label}, which is not attached to any filing")
    return item


def _bold(text: str) -> QStandardItem:
    item = QStandardItem(text)
    font = QFont()
    font.setBold(True)
    item.setFont(font)
    return item


class ClaimsPanel(QWidget):
    """Emits ``supportChosen(ChartRow)`` when a supporting paragraph or page is chosen."""

    supportChosen = Signal(object)
    complaintChosen = Signal()  # the chart must be redrawn for another complaint

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.claim = QComboBox()
        # Long claim names must not widen the dock (and so narrow the pages): elided instead.
        self.claim.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.claim.setMinimumContentsLength(18)
        self.complaint = QComboBox()  # the complaint charted, or all of them
        self.complaint.setSizeAdjustPolicy(self.claim.sizeAdjustPolicy())
        self.complaint.setMinimumContentsLength(18)
        self.complaint.setToolTip("Chart the counts of one complaint (and only the tags that "
                                  "can support them), or of all")  # fmt: skip
        self.complaint.currentIndexChanged.connect(lambda _i: self.complaintChosen.emit())
        self.assessment = QComboBox()
        for value in ASSESSMENTS:
            self.assessment.addItem(value.replace("-", " "), value)
        self.keys = QLabel()
        self.keys.setWordWrap(True)
        self.keys.setTextFormat(Qt.TextFormat.RichText)
        self.summary = QLabel()
        self.summary.setWordWrap(True)  # unwrapped, "No claims yet: …" took the pages' width
        self.selected = QLabel()  # the selected paragraph's tags (tag_marks)
        self.selected.setWordWrap(True)
        self.selected.setTextFormat(Qt.TextFormat.PlainText)
        self.model = ProofChartModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.activated.connect(self._chosen)
        self.tree.clicked.connect(self._chosen)
        self.claim.currentIndexChanged.connect(self._show_keys)
        self._claims: list[Claim] = []
        form = QFormLayout()
        form.addRow("Active claim", self.claim)
        form.addRow("New tags are", self.assessment)
        form.addRow("Cha&rt of", self.complaint)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(form)
        box.addWidget(self.keys)
        box.addWidget(self.summary)
        box.addWidget(self.selected)
        box.addWidget(self.tree, 1)

    def set_claims(self, claims: list[Claim]) -> None:
        """The matter's claims; keeps the active one when it is still there."""
        current = self.active_claim()
        self._claims = claims
        self.claim.blockSignals(True)
        self.claim.clear()
        for c in claims:
            self.claim.addItem(c.name, c.key)
        found = self.claim.findData(current) if current else -1
        self.claim.setCurrentIndex(max(found, 0) if claims else -1)
        self.claim.blockSignals(False)
        self._show_keys()

    def set_complaints(self, complaints: list[Complaint]) -> None:
        """The complaints to choose from; keeps the chosen one when it is still there."""
        current = self.chosen_complaint()
        self.complaint.blockSignals(True)
        self.complaint.clear()
        self.complaint.addItem("All complaints", None)
        for c in complaints:
            self.complaint.addItem(c.label, c.doc_id)
            self.complaint.setItemData(self.complaint.count() - 1, c.file_name,
                                       Qt.ItemDataRole.ToolTipRole)  # fmt: skip
        found = self.complaint.findData(current) if current is not None else 0
        self.complaint.setCurrentIndex(max(found, 0))
        self.complaint.blockSignals(False)

    def chosen_complaint(self) -> int | None:
        """The document id of the complaint charted; None: all."""
        data = self.complaint.currentData()
        return int(data) if data is not None else None

    def set_rows(self, rows: list[ChartRow]) -> None:
        self.model.set_rows(rows)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        scope = self.complaint.currentText() if self.chosen_complaint() is not None else ""
        self.summary.setText(
            (f"{scope}: " if scope else "") + ChartSummary.of(rows).sentence()
            if rows
            else "No claims yet: add one from a template (Claims ▸ Claims and elements)."
        )

    def active_claim(self) -> str | None:
        return self.claim.currentData()

    def new_assessment(self) -> str:
        return str(self.assessment.currentData())

    def _show_keys(self) -> None:
        claim = next((c for c in self._claims if c.key == self.active_claim()), None)
        if claim is None:
            self.keys.setText("")
            return
        keys = [f"<b>{e.hotkey}</b> {e.name}" for e in claim.active if e.hotkey]
        self.keys.setText("Keys: " + " · ".join(keys) + " (again: remove)")

    def _chosen(self, index: QModelIndex) -> None:
        row = self.model.itemFromIndex(index.siblingAtColumn(0))
        data = row.data(ROW_ROLE) if row is not None else None
        if isinstance(data, ChartRow):
            self.supportChosen.emit(data)
