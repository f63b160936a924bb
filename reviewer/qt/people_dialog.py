"""Privilege ▸ People: the matter's people list (names, aliases such as e-mail addresses or
initials, the attorney flag, organisation), which the privilege log and its checks read.
Add a person, or choose one and change their aliases, flag or organisation; remove one.
Each is one undoable core operation (``reviewer.core.privilege.people``, as
``reviewer people …``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from reviewer.core.privilege import people
from reviewer.qt.review_dialog import ReviewDialog

MainWindow = Any  # reviewer.qt.main_window.MainWindow, not imported (no import cycle)
ReviewActions = Any  # reviewer.qt.review_actions.ReviewActions, not imported (no import cycle)

COLUMNS = ("Name", "Attorney", "Organisation", "Aliases")


class PeopleDialog(ReviewDialog):
    def __init__(self, actions: ReviewActions, window: MainWindow) -> None:
        super().__init__(actions, window, "People")
        self.resize(760, 480)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda *_: self._chosen())
        self.name = QLineEdit()
        self.attorney = QCheckBox("&Attorney")
        self.organisation = QLineEdit()
        self.aliases = QLineEdit()
        self.aliases.setPlaceholderText("e-mail addresses, initials… separated by ;")
        self.save = QPushButton("&Save person")
        self.save.clicked.connect(self._save)
        self.new = QPushButton("&New person")
        self.new.clicked.connect(self._new)
        self.remove = QPushButton("&Remove person")
        self.remove.clicked.connect(self._remove)
        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("", self.attorney)
        form.addRow("&Organisation", self.organisation)
        form.addRow("A&liases", self.aliases)
        buttons = QHBoxLayout()
        for b in (self.new, self.save, self.remove):
            buttons.addWidget(b)
        buttons.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addWidget(self.table, 1)
        outer.addLayout(form)
        outer.addLayout(buttons)
        outer.addWidget(self.message)
        self.people: list[people.Person] = []

    def reload(self) -> None:
        matter = self.main.matter
        if matter is None:
            return
        keep = self.name.text()
        self.people = people.list_people(matter)
        self.table.setRowCount(len(self.people))
        for r, p in enumerate(self.people):
            values = (p.name, "yes" if p.attorney else "", p.organisation, "; ".join(p.aliases))
            for c, text in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        keys = [people.name_key(p.name) for p in self.people]
        if keep and people.name_key(keep) in keys:
            self.table.selectRow(keys.index(people.name_key(keep)))

    def _chosen(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.people):
            return
        p = self.people[row]
        self.name.setText(p.name)
        self.attorney.setChecked(p.attorney)
        self.organisation.setText(p.organisation)
        self.aliases.setText("; ".join(p.aliases))

    def _new(self) -> None:
        self.table.clearSelection()
        for edit in (self.name, self.organisation, self.aliases):
            edit.clear()
        self.attorney.setChecked(False)
        self.name.setFocus()

    def _save(self) -> None:
        name, attorney = self.name.text(), self.attorney.isChecked()
        org = self.organisation.text()
        aliases = people.split_names(self.aliases.text())
        known = {people.name_key(p.name) for p in self.people}
        verb = "Updated" if people.name_key(name) in known else "Added"
        said = f"{verb} {people.clean_name(name)}{' (attorney)' if attorney else ''}"
        self.run(lambda m: people.add_person(m, name, attorney, org, aliases), said)

    def _remove(self) -> None:
        name = self.name.text()
        said = f"Removed {people.clean_name(name)} from the people list"
        if self.run(lambda m: people.remove_person(m, name), said):
            self._new()
