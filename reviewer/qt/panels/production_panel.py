"""The production dock: pick or create a production set; its documents in production order
with their Bates ranges (add the documents selected in the documents list, remove, move up
or down); the redactions of the selected document (choose one to see it on the page, delete
it); Redact mode, Find and redact…, the produced-page preview; export and verify in the
background with a progress bar and the outcome in a sentence. A thin layer: the core
(``production``, ``production_edit``, ``production_export``, ``production_verify``) does the
work and every edit is one undoable operation; user errors are shown in their own words."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.errors import ReviewerError
from reviewer.core.matter.store import Matter
from reviewer.core.production import edit as production_edit
from reviewer.core.production import redactions
from reviewer.core.production import sets as production
from reviewer.core.production.edit import RedactionRow
from reviewer.core.records import Changes
from reviewer.core.wording import plural
from reviewer.qt.panels.production_export_ui import ExportMixin, Runner
from reviewer.qt.panels.production_models import documents_model, redactions_model

Action = Callable[[Matter], tuple[str, Changes | None]]


def _table(model: object, stretch: int) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class ProductionPanel(ExportMixin, QWidget):
    """Emits ``changed`` after an edit (the window tells every dock), and asks the window
    (through its production controller) to show documents and redactions and open tools."""

    changed = Signal(object)  # the Changes of an edit (None: anything may have changed)
    documentChosen = Signal(int)  # a document of the set was selected: show it
    redactionChosen = Signal(int, object)  # (doc id, RedactionRow): show it on its page
    redactModeToggled = Signal(bool)
    findRequested = Signal()
    previewRequested = Signal()
    exported = Signal(str)  # the outcome sentence of an export and its verification

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner: Runner | None = None  # set by the window: its one job runner
        self.matter: Matter | None = None
        self.view: QTableView | None = None
        self.doc_id: int | None = None  # whose redactions are listed
        self.sets = QComboBox()
        self.name, self.prefix, self.legend = QLineEdit(), QLineEdit(), QLineEdit()
        self.start = QSpinBox()
        self.start.setRange(0, 999_999_999)
        self.start.setValue(1)
        self.docs = documents_model(self)
        self.docs_view = _table(self.docs, 1)
        self.range = QLabel()
        self.reds = redactions_model(self)
        self.reds_view = _table(self.reds, 2)
        self.reds_view.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Interactive
        )
        self.reds_view.setColumnWidth(1, 110)  # the reason; the text covered gets the rest
        self.reds_label = QLabel("Redactions")
        self.message = QLabel()
        for label in (self.range, self.reds_label, self.message):
            label.setWordWrap(True)  # a long sentence wraps: it must not widen the dock
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.progress = QProgressBar()
        self.progress.hide()
        self.problems = QListWidget()
        self.buttons: dict[str, QPushButton] = {}
        self._outcome = ""  # an export's outcome, for the status bar
        self._layout()
        self.sets.currentTextChanged.connect(lambda _name: self._fill())
        self.docs_view.selectionModel().currentRowChanged.connect(self._doc_chosen)
        self.reds_view.selectionModel().currentRowChanged.connect(self._redaction_chosen)
        self.reds_view.clicked.connect(self._redaction_chosen)

    # -- layout ---------------------------------------------------------------------------------
    def _button(
        self, key: str, text: str, slot: Callable[[], object], tip: str = ""
    ) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _=False: slot())
        button.setToolTip(tip)
        self.buttons[key] = button
        return button

    def _row(self, *buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        for b in buttons:
            row.addWidget(b)
        return row

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.sets, 1)
        toggle = self._button("new", "New…", self._toggle_form, "Create a production set")
        toggle.setCheckable(True)
        top.addWidget(toggle)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(top)
        box.addWidget(self._new_form())
        box.addWidget(self.docs_view, 3)
        box.addWidget(self.range)
        box.addLayout(self._doc_buttons())
        box.addWidget(self.reds_label)
        box.addWidget(self.reds_view, 2)
        box.addLayout(self._row(self._button("delete", "Delete redaction", self.delete_redaction)))
        box.addLayout(self._tools())
        box.addWidget(self.progress)
        box.addWidget(self.message)
        box.addWidget(self.problems, 1)
        self.problems.hide()

    def _new_form(self) -> QWidget:
        """Name, prefix, first number and legend of a new set (shown by New…)."""
        self.form = QWidget()
        new = QFormLayout(self.form)
        new.setContentsMargins(0, 0, 0, 0)
        for label, w in (("Name", self.name), ("Bates prefix", self.prefix),
                         ("First number", self.start), ("Legend", self.legend)):  # fmt: skip
            new.addRow(label, w)
        new.addRow(self._button("create", "Create production", self.create_set))
        self.form.hide()
        return self.form

    def _doc_buttons(self) -> QHBoxLayout:
        row = self._row(
            self._button("add", "Add selected", self.add_selected,
                         "Add the documents selected in the documents list"),
            self._button("remove", "Remove", self.remove_selected),
            self._button("up", "\u2191", lambda: self.move_document(-1), "Move up"),
            self._button("down", "\u2193", lambda: self.move_document(+1), "Move down"),
        )  # fmt: skip
        for key in ("up", "down"):
            self.buttons[key].setMaximumWidth(36)
        return row

    def _tools(self) -> QGridLayout:
        """Redact mode, Find and redact…, Preview page, Export…: two a row, so that the dock
        stays narrow enough for the pages."""
        self.redact = self._button("redact", "Redact mode", self._redact_clicked,
                                   "Draw redaction boxes on the page (Ctrl+Shift+R)")  # fmt: skip
        self.redact.setCheckable(True)
        tools = QGridLayout()
        for i, b in enumerate((self.redact,
                               self._button("find", "Find and redact…", self.findRequested.emit,
                                            "Find text, check the hits, redact them"),
                               self._button("preview", "Preview page", self.previewRequested.emit,
                                            "The open page as the export will produce it"),
                               self._button("export", "Export…", self.choose_export,
                                            "Export and verify in the background"))):  # fmt: skip
            tools.addWidget(b, i // 2, i % 2)
        return tools

    def _toggle_form(self) -> None:
        self.form.setVisible(self.buttons["new"].isChecked())
        if self.form.isVisible():
            self.name.setFocus()

    # -- state ------------------------------------------------------------------------------
    def track(self, view: QTableView | None, matter: Matter | None) -> None:
        self.view, self.matter, self.doc_id = view, matter, None
        if matter is None:
            self.redactModeToggled.emit(False)  # the matter closed: Redact mode ends
        self.problems.clear()
        self.problems.hide()
        self.message.clear()
        self._reload()

    def on_operation(self, changes: object) -> None:
        """An operation (here, elsewhere, an undo) may have changed the sets or redactions;
        one that only tagged or mapped claims did not (tagging stays quick)."""
        if isinstance(changes, Changes) and _review_only(changes):
            return
        self._reload(self.sets.currentText() or None)

    def _reload(self, select: str | None = None) -> None:
        self.sets.blockSignals(True)
        self.sets.clear()
        if self.matter is not None:
            self.sets.addItems([s.name for s in production.list_sets(self.matter)])
        if select:
            self.sets.setCurrentText(select)
        self.sets.blockSignals(False)
        self._fill()

    def _fill(self) -> None:
        """The current set's documents (selection kept) and the listed redactions."""
        current = self.chosen_doc()
        rows = []
        if self.matter is not None and self.sets.currentText():
            try:
                rows = production_edit.set_documents(
                    self.matter, production.find_set(self.matter, self.sets.currentText())
                )
            except ReviewerError as exc:
                self.message.setText(f"Error: {exc}")
        self.docs.set_rows(rows)
        self.docs_view.resizeRowsToContents()
        empty = "No documents yet: select some in Documents, then Add selected."
        self.range.setText(f"Bates {production_edit.total_range(rows)}" if rows else empty)
        at = next((i for i, r in enumerate(rows) if r.doc_id == current), None)
        if at is not None:
            self.docs_view.blockSignals(True)
            self.docs_view.selectRow(at)
            self.docs_view.blockSignals(False)
        self.show_redactions(self.doc_id)

    def chosen_doc(self) -> int | None:
        index = self.docs_view.currentIndex()
        return self.docs.rows[index.row()].doc_id if index.isValid() else None

    def show_redactions(self, doc_id: int | None) -> None:
        """List the redactions of ``doc_id`` (the document open in the window)."""
        self.doc_id = doc_id
        rows = []
        self.reds_label.setText("Redactions")
        if self.matter is not None and doc_id is not None:
            rows = production_edit.document_redactions(self.matter, doc_id)
            name = next((r.file_name for r in self.docs.rows if r.doc_id == doc_id), None)
            self.reds_label.setText(f"Redactions of {name or 'the open document'}: {len(rows)}")
        self.reds.set_rows(rows)

    def set_redact_mode(self, on: bool) -> None:
        self.redact.setChecked(on)

    def _redact_clicked(self) -> None:
        self.redactModeToggled.emit(self.redact.isChecked())

    def _doc_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.documentChosen.emit(self.docs.rows[current.row()].doc_id)

    def _redaction_chosen(self, current: QModelIndex, *_: object) -> None:
        if current.isValid() and self.doc_id is not None:
            self.redactionChosen.emit(self.doc_id, self.reds.rows[current.row()])

    def chosen_redaction(self) -> RedactionRow | None:
        index = self.reds_view.currentIndex()
        return self.reds.rows[index.row()] if index.isValid() else None

    # -- edits ------------------------------------------------------------------------------
    def _run(self, action: Action) -> bool:
        """Run a core call and show its message; a user error is shown, not raised."""
        if self.matter is None:
            return False
        try:
            text, changes = action(self.matter)
        except ReviewerError as exc:
            self.message.setText(f"Error: {exc}")
            return False
        self.message.setText(text)
        self.changed.emit(changes)
        return True

    def create_set(self) -> None:
        name = self.name.text().strip()

        def act(m: Matter) -> tuple[str, Changes | None]:
            prefix, start = self.prefix.text().strip(), self.start.value()
            changes = production.create_set(m, name, prefix, start, legend=self.legend.text())
            return f"Created production {name}.", changes

        if self._run(act):
            self._reload(name)
            self.buttons["new"].setChecked(False)
            self.form.hide()

    def selected_doc_ids(self) -> list[int]:
        model = None if self.view is None else self.view.model()
        if self.view is None or model is None:
            return []
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [model.doc_id(r) for r in rows]  # type: ignore[attr-defined]

    def add_selected(self) -> None:
        ids = [str(i) for i in self.selected_doc_ids()]
        name = self.sets.currentText()

        def act(m: Matter) -> tuple[str, Changes | None]:
            changes = production.add_documents(m, name, ids)
            return f"Added {plural(len(ids), 'document')}.", changes

        self._run(act)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.docs_view.selectionModel().selectedRows()})
        ids = [self.docs.rows[r].doc_id for r in rows]
        name = self.sets.currentText()

        def act(m: Matter) -> tuple[str, Changes | None]:
            changes = production_edit.remove_documents(m, name, ids)
            return (
                f"Removed {plural(len(ids), 'document')} from {name} (Edit \u25b8 Undo).",
                changes,
            )

        self._run(act)

    def move_document(self, delta: int) -> None:
        doc_id, name = self.chosen_doc(), self.sets.currentText()
        if doc_id is None:
            self.message.setText("Select a document of the production to move.")
            return

        def act(m: Matter) -> tuple[str, Changes | None]:
            changes = production_edit.move_document(m, name, doc_id, delta)
            return "Moved; the Bates numbers follow the new order.", changes

        self._run(act)

    def delete_redaction(self) -> None:
        row = self.chosen_redaction()
        if row is None:
            self.message.setText("Select a redaction to delete.")
            return

        def act(m: Matter) -> tuple[str, Changes | None]:
            changes = redactions.remove_redaction(m, row.entry_id)
            return (
                f"Deleted {row.entry_id} (p. {row.page}); Edit \u25b8 Undo brings it back.",
                changes,
            )

        self._run(act)


def _review_only(c: Changes) -> bool:
    """Tags, elements, claims, count mapping or people changed, and nothing else."""
    review = c.tags or c.elements or c.claims or c.counts or c.people
    return bool(review) and not (c.documents or c.content or c.orphans)
