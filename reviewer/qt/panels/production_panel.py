"""The production dock: pick or create a production set, add the documents selected in the
documents list, find-and-redact text in the set, export it to a new folder and verify the
export. A thin layer: the core (``production``, ``production_export``, ``production_verify``)
does the work; user errors are shown in the panel in their own words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.core import production
from reviewer.core.errors import ReviewerError
from reviewer.core.matter import Matter
from reviewer.qt import background
from reviewer.qt.worker import Job, JobSummary, MakeJob

Runner = Callable[[str, MakeJob], Job]  # (title, make) -> the Job, queued


class ProductionPanel(QWidget):
    """Emits ``changed`` after an edit (the window tells every dock)."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner: Runner | None = None  # set by the window: its one job runner
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
        buttons = QGridLayout()  # two a row: the dock stays narrow enough for the pages
        for i, (text, slot) in enumerate((("Add selected documents", self.add_selected),
                                          ("Redact matches", self.redact_found),
                                          ("Export…", self._export_clicked))):  # fmt: skip
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button, i // 2, i % 2)
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

    def on_operation(self, _changes: object) -> None:
        """Any operation (here, elsewhere, an undo) may have added or renamed a set."""
        self._reload(self.sets.currentText() or None)

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
        self.changed.emit(None)
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
        """Find the text in the set's documents and record a redaction per match, in the
        background (one transaction: all or nothing)."""
        name, text, reason = self.sets.currentText(), self.find.text(), self.reason.text()
        found: list[str] = []
        make = background.redact_matches(name, text, reason, found)

        def done(cancelled: bool) -> str:
            if cancelled and not found:
                return "Cancelled; no redaction was recorded."
            return f"Recorded {len(found)} redaction(s)."

        self._background("Redacting", make, done)

    def _background(self, title: str, make: MakeJob, done: Callable[[bool], str]) -> None:
        """Run ``make`` on the window's worker (or here, without one) and show its outcome."""
        if self.matter is None:
            return
        if self.runner is None:
            self._run(lambda m: (list(make(m)), done(False))[1])
            return
        self.message.setText(f"{title}…")
        job = self.runner(title, make)

        def finished(summary: JobSummary) -> None:
            self.message.setText(done(summary.cancelled))
            self.changed.emit(None)

        job.finished.connect(finished)
        job.failed.connect(lambda msg: self.message.setText(f"Error: {msg}"))

    def _export_clicked(self) -> None:
        folder = QFileDialog.getSaveFileName(self, "Export the production to a new folder")[0]
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> None:
        """Export the current set into the new ``folder`` and verify it, listing problems —
        in the background. The export is written beside ``folder`` and renamed into place:
        a cancel or a failure leaves no half export."""
        self.problems.clear()
        name = self.sets.currentText()
        found: list[str] = []
        make = background.export_and_verify(name, folder, found)

        def done(cancelled: bool) -> str:
            if cancelled:
                exported = folder.is_dir() and any(folder.iterdir())
                return (f"Exported to {folder}; not verified (cancelled)." if exported
                        else "Cancelled; nothing was exported.")  # fmt: skip
            self.problems.addItems(found)
            verdict = f"{len(found)} problem(s)" if found else "verified, no problems"
            return f"Exported to {folder}: {verdict}."

        self._background("Exporting", make, done)
