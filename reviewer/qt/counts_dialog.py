"""Claims ▸ Map counts: each COUNT of a complaint with the claims it is mapped to and the
claims it appears to plead (the core's suggestions, with their score and reason — the
statutes it cites, the words of its heading). Confirm a suggestion, map a count to any claim
or template, or remove a mapping: each one core operation (``reviewer counts map|unmap``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from reviewer.core.claims import counts
from reviewer.core.claims.elements import list_claims
from reviewer.core.claims.templates import load_templates
from reviewer.core.matter.documents import list_documents
from reviewer.core.records import Count
from reviewer.qt.review_dialog import ReviewDialog

MainWindow = Any  # reviewer.qt.main_window.MainWindow, not imported (no import cycle)
ReviewActions = Any  # reviewer.qt.review_actions.ReviewActions, not imported (no import cycle)

COUNT_ROLE = Qt.ItemDataRole.UserRole + 1  # (Count, claim key or None, state)
CONFIRMED, PENDING, SUGGESTED = "mapped", "to confirm", "suggested"
COLOURS = {CONFIRMED: QColor(30, 120, 50), PENDING: QColor(170, 110, 0)}


class CountsDialog(ReviewDialog):
    def __init__(self, actions: ReviewActions, window: MainWindow) -> None:
        super().__init__(actions, window, "Map counts to claims")
        self.resize(980, 520)
        self.document = QComboBox()
        self.document.currentIndexChanged.connect(lambda _i: self._show_counts())
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Count / claim", "Status", "Why"])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        self.tree.currentItemChanged.connect(lambda *_: self._chosen())
        self.tree.itemActivated.connect(lambda *_: self._confirm())
        self.confirm = QPushButton("&Confirm this claim")
        self.confirm.clicked.connect(self._confirm)
        self.unmap = QPushButton("&Remove mapping")
        self.unmap.clicked.connect(self._unmap)
        self.claim = QComboBox()
        self.map = QPushButton("&Map the count to it")
        self.map.clicked.connect(self._map)
        form = QFormLayout()
        form.addRow("&Complaint", self.document)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm)
        buttons.addWidget(self.unmap)
        buttons.addStretch(1)
        buttons.addWidget(self.claim, 2)
        buttons.addWidget(self.map)
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addWidget(self.tree, 1)
        outer.addLayout(buttons)
        outer.addWidget(self.message)
        self._counts: list[Count] = []

    def reload(self) -> None:
        matter = self.main.matter
        if matter is None:
            return
        wanted = self.document.currentData() or self.main.doc_id
        self.document.blockSignals(True)
        self.document.clear()
        for d in list_documents(matter):
            if d.kind == "complaint":
                label = f"{d.title or d.file_name}  (Dkt. {d.docket_no or '–'})"
                self.document.addItem(label, d.id)
        found = self.document.findData(wanted)
        self.document.setCurrentIndex(max(found, 0) if self.document.count() else -1)
        self.document.blockSignals(False)
        self.claim.clear()
        matter_claims = list_claims(matter)
        for c in matter_claims:
            self.claim.addItem(f"{c.name}  [{c.key}]", c.key)
        have = {c.key for c in matter_claims}
        for t in load_templates():
            if t.id not in have:
                self.claim.addItem(f"{t.name}  (template, added when mapped)", t.id)
        self._show_counts()

    def _show_counts(self) -> None:
        keep = self._selected()
        self.tree.clear()
        doc_id, matter = self.document.currentData(), self.main.matter
        self._counts = counts.list_counts(matter, doc_id) if doc_id and matter else []
        names = {c.key: c.name for c in list_claims(matter)} if matter else {}
        for count in self._counts:
            span = f"¶¶ {count.first_para}–{count.last_para}" if count.first_para else "no ¶¶"
            top = QTreeWidgetItem([f"{count.heading}", count.status, span])
            font = QFont()
            font.setBold(True)
            top.setFont(0, font)
            top.setData(0, COUNT_ROLE, (count, None, ""))
            top.setToolTip(0, count.heading)
            self.tree.addTopLevelItem(top)
            for key, state, why in _claim_rows(count, names):
                child = QTreeWidgetItem([names.get(key, key), state, why])
                child.setData(0, COUNT_ROLE, (count, key, state))
                child.setToolTip(2, why)
                if state in COLOURS:
                    for col in range(3):
                        child.setForeground(col, QBrush(COLOURS[state]))
                top.addChild(child)
            top.setExpanded(True)
        self.tree.resizeColumnToContents(1)
        self.tree.setColumnWidth(0, 440)
        self._reselect(keep)

    def _selected(self) -> tuple[int, str | None] | None:
        item = self.tree.currentItem()
        data = item.data(0, COUNT_ROLE) if item is not None else None
        return (data[0].number, data[1]) if data else None

    def _reselect(self, keep: tuple[int, str | None] | None) -> None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None:
                continue
            for item in [top, *(top.child(j) for j in range(top.childCount()))]:
                if item is None:
                    continue
                count, key, _ = item.data(0, COUNT_ROLE)
                if keep is None or (count.number, key) == keep:
                    self.tree.setCurrentItem(item)
                    return

    def _chosen(self) -> None:
        item = self.tree.currentItem()
        data = item.data(0, COUNT_ROLE) if item is not None else None
        state = data[2] if data else ""
        self.confirm.setEnabled(state in (SUGGESTED, PENDING))
        self.unmap.setEnabled(state in (CONFIRMED, PENDING))

    def _current(self) -> tuple[Count, str | None, str] | None:
        item = self.tree.currentItem()
        return item.data(0, COUNT_ROLE) if item is not None else None

    def _confirm(self) -> None:
        data = self._current()
        if data and data[1] and data[2] in (SUGGESTED, PENDING):
            self._map_to(data[0], data[1])

    def _map(self) -> None:
        data, key = self._current(), self.claim.currentData()
        if data and key:
            self._map_to(data[0], key)

    def _map_to(self, count: Count, key: str) -> None:
        doc_id = count.doc_id
        said = f"Count {count.number} is mapped to {key}"
        self.run(lambda m: counts.map_count(m, doc_id, str(count.number), key), said)

    def _unmap(self) -> None:
        data = self._current()
        if data and data[1] and data[2] in (CONFIRMED, PENDING):
            count, key = data[0], data[1]
            said = f"Count {count.number} is no longer mapped to {key}"
            self.run(lambda m: counts.unmap_count(m, count.doc_id, str(count.number), key), said)


def _claim_rows(count: Count, names: dict[str, str]) -> list[tuple[str, str, str]]:
    """(claim key, state, why) for a count: its mappings, then the suggestions not mapped."""
    why = {s.claim: f"score {s.score:g}: {s.reason}" for s in count.suggested}
    rows = [(k, CONFIRMED, why.get(k, "mapped by hand")) for k in count.mapped]
    rows += [(k, PENDING, why.get(k, "")) for k in count.pending]
    taken = {k for k, _, _ in rows}
    for s in count.suggested:
        if s.claim not in taken:
            name = names.get(s.claim, s.name)
            names.setdefault(s.claim, name)
            rows.append((s.claim, SUGGESTED, why[s.claim]))
    return rows
