"""The privilege dock: the status, bases and log fields of the documents selected in the
documents list — one document to edit, several to bulk-code in one undoable step (fields
left empty in bulk keep each document's value) — the log's quality checks, and a button for
the log's preview and export dialog. The panel follows the documents view it is given; the
core does the work (``privilege``, ``privcheck``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.errors import ReviewerError
from reviewer.core.matter.store import Matter
from reviewer.core.privilege import checks as privcheck
from reviewer.core.privilege import coding as privilege
from reviewer.core.records import Changes
from reviewer.qt.privilege_dialog import PrivilegeLogDialog, Runner

LINES = (
    ("date", "Date (YYYY-MM-DD)"), ("doc_type", "Document type"), ("author", "Author"),
    ("recipients", "Recipients (A; B)"), ("cc", "CC"), ("bcc", "BCC"),
    ("custodian", "Custodian"), ("control", "Control / Bates"), ("category", "Category"),
)  # fmt: skip


class PrivilegePanel(QWidget):
    """Emits ``coded(Changes)`` after a successful coding."""

    coded = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matter: Matter | None = None
        self.runner: Runner | None = None  # the window's job runner (for the log's export)
        self.view: QTableView | None = None
        self.doc_ids: list[int] = []
        self.target = QLabel("No document selected.")
        self.target.setWordWrap(True)
        self.status = QComboBox()
        self.status.addItems(privilege.STATUSES)
        self.bases = QLineEdit()
        self.bases.setPlaceholderText("attorney-client, work-product, custom: …")
        self.lines = {key: QLineEdit() for key, _ in LINES}
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText("Subject matter, enough to assess the claim")
        self.description.setMaximumHeight(70)
        self.apply_button = QPushButton("Apply")
        self.check_button = QPushButton("Check log")
        self.log_button = QPushButton("Log…")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.findings = QListWidget()
        self.findings.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.findings.setWordWrap(True)
        self._layout()
        self.apply_button.clicked.connect(self.apply)
        self.check_button.clicked.connect(self.run_checks)
        self.log_button.clicked.connect(self.open_log)
        self._enable()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("Status", self.status)
        form.addRow("Basis", self.bases)
        for key, label in LINES:
            form.addRow(label, self.lines[key])
        form.addRow("Description", self.description)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.log_button)
        box = QVBoxLayout(self)
        box.addWidget(self.target)
        box.addLayout(form)
        box.addLayout(buttons)
        box.addWidget(self.message)
        box.addWidget(self.findings, 1)

    # -- following the documents view ---------------------------------------------------
    def track(self, view: QTableView | None, matter: Matter | None) -> None:
        """Follow ``view``'s selection (its model answers ``doc_id(row)``); None to stop."""
        self.view, self.matter = view, matter
        if view is not None and view.selectionModel() is not None:
            view.selectionModel().selectionChanged.connect(lambda *_: self._selection())
        self.findings.clear()
        self.message.clear()
        self._selection()

    def _selection(self) -> None:
        model = None if self.view is None else self.view.model()
        rows = [] if model is None else sorted(
            {i.row() for i in self.view.selectionModel().selectedRows()}  # type: ignore[union-attr]
        )  # fmt: skip
        self.set_documents([model.doc_id(r) for r in rows] if model is not None else [])

    def set_documents(self, doc_ids: list[int]) -> None:
        self.doc_ids = doc_ids
        self._load()
        self._enable()

    def _load(self) -> None:
        for w in self.lines.values():
            w.clear()
        self.bases.clear()
        self.description.clear()
        if self.matter is None or not self.doc_ids:
            self.target.setText("No document selected.")
            return
        if len(self.doc_ids) > 1:
            self.target.setText(f"{len(self.doc_ids)} documents: empty fields keep their values.")
            return
        found = [d for d in privilege.designations(self.matter, self.doc_ids[0])
                 if d.scope == "document"]  # fmt: skip
        if not found:
            self.target.setText("Not coded yet.")
            self.status.setCurrentText("withheld")
            for key, value in privilege.suggest_fields(self.matter, self.doc_ids[0]).items():
                self.lines[key].setText(value)
            return
        d = found[0]
        self.target.setText(f"{d.entry_id or 'Not on the log'} — {d.file_name}")
        self.status.setCurrentText(d.status)
        self.bases.setText(", ".join(d.bases))
        for key, _ in LINES:
            self.lines[key].setText(getattr(d, key))
        self.description.setPlainText(d.description)

    def on_operation(self, changes: object) -> None:
        """Reload the coding shown when an operation touched these documents (an undo, a
        change from the CLI). A change made elsewhere (``None``: what changed is unknown)
        does not wipe a form being typed in."""
        if self.matter is None or not self.doc_ids:
            return
        if isinstance(changes, Changes):
            if not (changes.documents & set(self.doc_ids)) and not changes.people:
                return
        elif self.isAncestorOf(QApplication.focusWidget()):
            return
        self._load()

    def _enable(self) -> None:
        writable = self.matter is not None and not self.matter.readonly
        self.apply_button.setEnabled(writable and bool(self.doc_ids))
        self.check_button.setEnabled(self.matter is not None)
        self.log_button.setEnabled(self.matter is not None)

    # -- actions --------------------------------------------------------------------------
    def apply(self) -> None:
        if self.matter is None or not self.doc_ids:
            return
        bulk = len(self.doc_ids) > 1
        values = {key: w.text() for key, w in self.lines.items()}
        values["description"] = self.description.toPlainText()
        fields = {k: (v or None) if bulk else v for k, v in values.items()}
        bases = self.bases.text() or (None if bulk else "")
        try:
            changes: Changes = privilege.set_privilege(
                self.matter, self.doc_ids, self.status.currentText(), bases,
                suggest=False, **fields,
            )  # fmt: skip
        except ReviewerError as exc:
            self._say(str(exc), error=True)
            return
        self._say(f"Coded {len(changes.documents)} document(s) {self.status.currentText()}.")
        self._load()
        self.coded.emit(changes)

    def run_checks(self) -> None:
        if self.matter is None:
            return
        found = privcheck.check(self.matter)
        self.findings.clear()
        for f in found:
            item = QListWidgetItem(f"{f.level.upper()}  {f}")
            item.setToolTip(f"{f.rule}: {f.message}")
            colour = QColor(190, 20, 30) if f.level == "error" else QColor(150, 100, 0)
            item.setForeground(QBrush(colour))
            self.findings.addItem(item)
        errors = len(privcheck.errors(found))
        self._say(f"{errors} error(s), {len(found) - errors} warning(s).", error=bool(errors))

    def open_log(self) -> PrivilegeLogDialog | None:
        """The log preview and export dialog (non-modal; returned for tests)."""
        if self.matter is None:
            return None
        dialog = PrivilegeLogDialog(self.matter, self, self.runner)
        dialog.show()
        return dialog

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #B00000;" if error else "")
