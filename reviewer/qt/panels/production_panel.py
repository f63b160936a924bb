"""The production dock: pick or create a production set, add the documents selected in the
documents list, find-and-redact text in the set, export it to a new folder and verify the
export. A thin layer: the core (``production``, ``production_export``, ``production_verify``)
does the work; user errors are shown in the panel in their own words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.core import production, production_export, production_verify
from reviewer.core.errors import ReviewerError
from reviewer.core.matter import Matter


class ProductionPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matter: Matter | None = None
        self.view: QTableView | None = None
        self.sets = QComboBox()
        self.name, self.prefix, self.legend = QLineEdit(), QLineEdit(), QLineEdit()
        self.start = QSpinBox()
        self.start.setRange(0, 999_999_999)
        self.start.setValue(1)
        self.find, self.reason = QLineEdit(), QLineEdit()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.problems = QListWidget()
        self._layout()

    def _layout(self) -> None:
        new = QFormLayout()
        for label, w in (("Name", self.name), ("Bates prefix", self.prefix),
                         ("First number", self.start), ("Legend", self.legend)):  # fmt: skip
            new.addRow(label, w)
        redact = QFormLayout()
        redact.addRow("Find and redact", self.find)
        redact.addRow("Reason", self.reason)
        buttons = QHBoxLayout()
        for text, slot in (("Add selected documents", self.add_selected),
                           ("Redact matches", self.redact_found),
                           ("Export…", self._export_clicked)):  # fmt: skip
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        create = QPushButton("Create production")
        create.clicked.connect(self.create)
        box = QVBoxLayout(self)
        box.addWidget(QLabel("Production"))
        box.addWidget(self.sets)
        box.addWidget(QLabel("New production"))
        box.addLayout(new)
        box.addWidget(create)
        box.addLayout(redact)
        box.addLayout(buttons)
        box.addWidget(self.message)
        box.addWidget(self.problems, 1)

    def track(self, view: QTableView | None, matter: Matter | None) -> None:
        self.view, self.matter = view, matter
        self.problems.clear()
        self.message.clear()
        self._reload()

    def _reload(self, select: str | None = None) -> None:
        self.sets.clear()
        if self.matter is not None:
            self.sets.addItems([s.name for s in production.list_sets(self.matter)])
        if select:
            self.sets.setCurrentText(select)

    def _run(self, action: Callable[[Matter], str]) -> bool:
        """Run a core call and show its message; a user error is shown, not raised."""
        if self.matter is None:
            return False
        try:
            self.message.setText(action(self.matter))
        except ReviewerError as exc:
            self.message.setText(f"Error: {exc}")
            return False
        return True

    def create(self) -> None:
        name = self.name.text().strip()

        def act(m: Matter) -> str:
            production.create_set(m, name, self.prefix.text().strip(), self.start.value(),
                                  legend=self.legend.text())  # fmt: skip
            return f"Created production {name}."

        if self._run(act):
            self._reload(name)

    def selected_doc_ids(self) -> list[int]:
        model = None if self.view is None else self.view.model()
        if self.view is None or model is None:
            return []
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [model.doc_id(r) for r in rows]  # type: ignore[attr-defined]

    def add_selected(self) -> None:
        ids = [str(i) for i in self.selected_doc_ids()]

        def act(m: Matter) -> str:
            production.add_documents(m, self.sets.currentText(), ids)
            return f"Added {len(ids)} document(s)."

        self._run(act)

    def redact_found(self) -> None:
        def act(m: Matter) -> str:
            ids = production.redact_search(m, self.sets.currentText(), self.find.text(),
                                           self.reason.text())  # fmt: skip
            return f"Recorded {len(ids)} redaction(s)."

        self._run(act)

    def _export_clicked(self) -> None:
        folder = QFileDialog.getSaveFileName(self, "Export the production to a new folder")[0]
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> None:
        """Export the current set into the new ``folder`` and verify it, listing problems."""
        self.problems.clear()

        def act(m: Matter) -> str:
            production_export.export(m, self.sets.currentText(), folder)
            found = production_verify.verify(folder, m)  # against the sources too
            self.problems.addItems(found)
            verdict = f"{len(found)} problem(s)" if found else "verified, no problems"
            return f"Exported to {folder}: {verdict}."

        self._run(act)
