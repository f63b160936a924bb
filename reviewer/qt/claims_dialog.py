"""Claims ▸ Claims and elements: add a claim from a shipped template or define one of your
own, and edit a claim's elements (rename, move, retire or restore, hotkey, add) — each one
core operation (``reviewer.core.claims.elements``, as ``reviewer claims …``), undoable from Edit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from reviewer.core.claims import elements as claims
from reviewer.core.claims.templates import load_templates
from reviewer.core.records import Claim, Element
from reviewer.qt.review_dialog import ReviewDialog

MainWindow = Any  # reviewer.qt.main_window.MainWindow, not imported (no import cycle)
ReviewActions = Any  # reviewer.qt.review_actions.ReviewActions, not imported (no import cycle)

ELEMENT_COLUMNS = ("#", "Element", "Key", "Status")


class ClaimsDialog(ReviewDialog):
    def __init__(self, actions: ReviewActions, window: MainWindow) -> None:
        super().__init__(actions, window, "Claims and elements")
        self.resize(1040, 580)
        self._claims: list[Claim] = []
        self.claim_list = QListWidget()
        self.claim_list.currentRowChanged.connect(lambda _row: self._show_elements())
        self.template = QComboBox()
        # Template names run long: elided, or the dialog would outgrow a laptop's screen.
        self.template.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.template.setMinimumContentsLength(24)
        self.add_template = QPushButton("&Add claim")
        self.add_template.clicked.connect(self._add_template)
        self.custom_name = QLineEdit()
        self.custom_name.setPlaceholderText("e.g. Breach of Contract")
        self.custom_elements = QPlainTextEdit()
        self.custom_elements.setPlaceholderText("One element a line, in order")
        self.custom_elements.setTabChangesFocus(True)
        self.custom_elements.setMaximumHeight(90)
        self.define = QPushButton("&Define claim")
        self.define.clicked.connect(self._define)
        self.elements = QTableWidget(0, len(ELEMENT_COLUMNS))
        self.elements.setHorizontalHeaderLabels(ELEMENT_COLUMNS)
        self.elements.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.elements.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.elements.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.elements.verticalHeader().hide()
        header = self.elements.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.elements.currentCellChanged.connect(lambda *_: self._element_chosen())
        self._build_layout()

    def _build_layout(self) -> None:
        add = QGroupBox("Add a claim from a template")
        row = QHBoxLayout(add)
        row.addWidget(self.template, 1)
        row.addWidget(self.add_template)
        own = QGroupBox("Define your own claim")
        form = QFormLayout(own)
        form.addRow("&Name", self.custom_name)
        form.addRow("E&lements", self.custom_elements)
        form.addRow("", self.define)
        left = QVBoxLayout()
        left.addWidget(self.claim_list, 1)
        left.addWidget(add)
        left.addWidget(own)
        right = QVBoxLayout()
        right.addWidget(self.elements, 1)
        right.addLayout(self._element_editor())
        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(top, 1)
        outer.addWidget(self.message)

    def _element_editor(self) -> QGridLayout:
        self.name = QLineEdit()
        self.name.setPlaceholderText("the element's name")
        self.rename = QPushButton("&Rename")
        self.rename.clicked.connect(self._rename)
        self.up, self.down = QPushButton("Move &up"), QPushButton("Move do&wn")
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(+1))
        self.retire = QPushButton("Re&tire")
        self.retire.clicked.connect(self._retire)
        self.hotkey = QSpinBox()
        self.hotkey.setRange(0, 9)
        self.hotkey.setSpecialValueText("none")
        self.set_hotkey = QPushButton("Set &hotkey")
        self.set_hotkey.clicked.connect(self._set_hotkey)
        self.new_element = QPushButton("Add &element")
        self.new_element.clicked.connect(self._add_element)
        name_label, key_label = QLabel("Na&me"), QLabel("Hot&key")
        name_label.setBuddy(self.name)
        key_label.setBuddy(self.hotkey)
        grid = QGridLayout()
        grid.addWidget(name_label, 0, 0)
        grid.addWidget(self.name, 0, 1, 1, 2)
        grid.addWidget(self.rename, 0, 3)
        grid.addWidget(self.new_element, 0, 4)
        grid.addWidget(self.up, 1, 1)
        grid.addWidget(self.down, 1, 2)
        grid.addWidget(self.retire, 1, 3)
        grid.addWidget(key_label, 2, 0)
        grid.addWidget(self.hotkey, 2, 1)
        grid.addWidget(self.set_hotkey, 2, 2)
        return grid

    # -- reading ----------------------------------------------------------------------------
    def reload(self) -> None:
        matter = self.main.matter
        if matter is None:
            return
        current, element = self.claim(), self.element()
        self._claims = claims.list_claims(matter)
        have = {c.template for c in self._claims}
        self.template.clear()
        for t in load_templates():
            suffix = "  (in the matter)" if t.id in have else ""
            self.template.addItem(f"{t.name}{suffix}", t.id)
            self.template.setItemData(
                self.template.count() - 1, t.source, Qt.ItemDataRole.ToolTipRole
            )
        self.claim_list.blockSignals(True)
        self.claim_list.clear()
        for c in self._claims:
            item = QListWidgetItem(f"{c.name}  [{c.key}]")
            item.setToolTip(c.source)
            self.claim_list.addItem(item)
        keys = [c.key for c in self._claims]
        kept = current is not None and current.key in keys
        self.claim_list.setCurrentRow(keys.index(current.key) if kept else 0)  # type: ignore[union-attr]
        self.claim_list.blockSignals(False)
        self._show_elements(element.id if element else None)

    def claim(self) -> Claim | None:
        row = self.claim_list.currentRow()
        return self._claims[row] if 0 <= row < len(self._claims) else None

    def element(self) -> Element | None:
        claim, row = self.claim(), self.elements.currentRow()
        return claim.elements[row] if claim and 0 <= row < len(claim.elements) else None

    def _show_elements(self, keep: int | None = None) -> None:
        claim = self.claim()
        rows = claim.elements if claim else ()
        self.elements.setRowCount(len(rows))
        for r, e in enumerate(rows):
            status = "retired" if e.retired else f"key {e.hotkey}" if e.hotkey else "no key"
            for c, text in enumerate((str(e.position), e.name, e.key, status)):
                item = QTableWidgetItem(text)
                item.setToolTip(e.description)
                if e.retired:
                    item.setForeground(Qt.GlobalColor.gray)
                self.elements.setItem(r, c, item)
        self.elements.resizeColumnsToContents()
        ids = [e.id for e in rows]
        self.elements.selectRow(ids.index(keep) if keep in ids else 0 if ids else -1)
        self._element_chosen()

    def _element_chosen(self) -> None:
        e = self.element()
        self.name.setText(e.name if e else "")
        self.hotkey.setValue(e.hotkey or 0 if e else 0)
        self.retire.setText("Res&tore" if e and e.retired else "Re&tire")

    # -- operations -------------------------------------------------------------------------
    def _add_template(self) -> None:
        tid = self.template.currentData()
        name = self.template.currentText().removesuffix("  (in the matter)")
        if tid and self.run(lambda m: claims.add_from_template(m, tid), f"Added the claim {name}"):
            self._select_claim(tid)

    def _define(self) -> None:
        name = self.custom_name.text().strip()
        lines = [x.strip() for x in self.custom_elements.toPlainText().splitlines() if x.strip()]
        n = len(lines)
        said = f"Defined the claim {name} with {n} element{'s' if n != 1 else ''}"
        if self.run(lambda m: claims.add_custom(m, name, lines), said):
            self.custom_name.clear()
            self.custom_elements.clear()
            self._select_claim(claims.slug(name))

    def _select_claim(self, key: str) -> None:
        keys = [c.key for c in self._claims]
        if key in keys:
            self.claim_list.setCurrentRow(keys.index(key))

    def _rename(self) -> None:
        e, name = self.element(), self.name.text().strip()
        if e is not None:
            said = f"Renamed {e.name} to {name}"
            self.run(lambda m: claims.rename_element(m, e.full_id, name), said)

    def _move(self, step: int) -> None:
        e = self.element()
        if e is not None:
            to = e.position + step
            said = f"Moved {e.name} to place {to}"
            self.run(lambda m: claims.move_element(m, e.full_id, to), said)

    def _retire(self) -> None:
        e = self.element()
        if e is not None:
            verb = "Restored" if e.retired else "Retired"
            said = f"{verb} {e.name} (its tags are kept)"
            self.run(lambda m: claims.retire_element(m, e.full_id, not e.retired), said)

    def _set_hotkey(self) -> None:
        e, key = self.element(), self.hotkey.value() or None
        if e is not None:
            said = f"{e.name} is on key {key}" if key else f"{e.name} has no key now"
            self.run(lambda m: claims.set_hotkey(m, e.full_id, key), said)

    def _add_element(self) -> None:
        claim, name = self.claim(), self.name.text().strip()
        if claim is not None:
            said = f"Added the element {name} to {claim.name}"
            self.run(lambda m: claims.add_element(m, claim.key, name), said)
