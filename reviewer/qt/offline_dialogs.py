"""The offline dialogs: *Check out for a reviewer* (which documents, for whom, where the
package goes), *Batches* (every package out and in, with its status) and *Conflicts* (each
disagreement with the matter's value and the package's side by side, and Take ours / Take
theirs). They hold no state of their own: each reads the core when it opens or after a
change (``reload``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from reviewer.core import offline
from reviewer.core.matter import documents
from reviewer.core.offline import conflicts
from reviewer.core.wording import plural
from reviewer.qt import background
from reviewer.qt.review_dialog import ReviewDialog

MainWindow = Any  # reviewer.qt.main_window.MainWindow, not imported (no import cycle)
ReviewActions = Any
NO_PLACE = ("claims", "elements", "people", "matter_meta")  # conflicts not on a document


def show_value(value: Any) -> str:
    """A conflict's value as a person reads it: a tag's assessment and note, a field's text,
    or that the row was deleted."""
    if value is None:
        return "(deleted)"
    if isinstance(value, dict):
        if set(value) == {"assessment", "note"}:
            return value["assessment"] + (f" — note: {value['note']}" if value["note"] else "")
        return "; ".join(f"{k}: {v}" for k, v in value.items() if v not in ("", None)) or "(empty)"
    return str(value) if value != "" else "(empty)"


def _table(columns: tuple[str, ...]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()


class CheckoutDialog(ReviewDialog):
    """Check documents out to a reviewer as a package folder."""

    def __init__(self, actions: ReviewActions, window: MainWindow) -> None:
        super().__init__(actions, window, "Check out for a reviewer")
        self.resize(640, 520)
        self.docs = QListWidget()
        self.to = QLineEdit()
        self.to.setPlaceholderText("Who takes the package, e.g. Pat Lee (paralegal)")
        self.folder = QLineEdit()
        browse = QPushButton("C&hoose…")
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(browse)
        self.go = QPushButton("Check &out")
        self.go.setDefault(True)
        self.go.clicked.connect(self.check_out)
        form = QFormLayout()
        form.addRow("&Reviewer", self.to)
        form.addRow("Package folder", where)
        outer = QVBoxLayout(self)
        outer.addWidget(QLabel("Documents to take (the package holds their pages, paragraphs, "
                               "coding, the claims and the people list):"))  # fmt: skip
        outer.addWidget(self.docs, 1)
        outer.addLayout(form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.go)
        outer.addLayout(row)
        outer.addWidget(self.message)

    def reload(self) -> None:
        matter = self.main.matter
        if matter is None:
            return
        chosen = set(self._selected_in_window())
        out: dict[int, list[str]] = {}
        for b in offline.batches(matter):
            for doc_id in b.docs if b.status == "out" else ():
                out.setdefault(doc_id, []).append(b.to)
        self.docs.clear()
        for d in documents.list_documents(matter):
            where = f"  (out to {', '.join(out[d.id])})" if d.id in out else ""
            item = QListWidgetItem(f"{d.file_name} — {d.kind}, {plural(d.pages, 'page')}{where}")
            item.setData(Qt.ItemDataRole.UserRole, d.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if d.id in chosen else Qt.CheckState.Unchecked)
            self.docs.addItem(item)

    def _selected_in_window(self) -> list[int]:
        view, model = self.main.docs_view, self.main.docs_model
        if model is None:
            return []
        return [model.doc_id(i.row()) for i in view.selectionModel().selectedRows()]

    def checked_ids(self) -> list[int]:
        items = [self.docs.item(i) for i in range(self.docs.count())]
        return [int(i.data(Qt.ItemDataRole.UserRole)) for i in items
                if i.checkState() == Qt.CheckState.Checked]  # fmt: skip

    def _browse(self) -> None:
        start = str(self.main.matter.path.parent) if self.main.matter else ""
        path, _ = QFileDialog.getSaveFileName(self, "Where the package goes", start)
        if path:
            self.folder.setText(path)

    def check_out(self) -> None:
        """Write the package in the background (copying and indexing take seconds on a big
        matter); the outcome shows in the dialog's message line."""
        matter = self.review.writable()
        if matter is None:
            return
        folder = self.folder.text().strip()
        if not folder:
            self._said("Choose the package folder.", False)
            return
        ids, to, out = self.checked_ids(), self.to.text(), Path(folder)
        self.go.setEnabled(False)
        self._said(f"Writing the package for {to.strip() or '…'}…", True)
        job = self.main.run_background("Checking out", background.checkout(ids, to, out), False)
        job.failed.connect(lambda message: self._said(message, False))
        job.finished.connect(lambda summary: self._done(out, summary.cancelled))
        job.ended.connect(lambda: self.go.setEnabled(True))

    def _done(self, out: Path, cancelled: bool) -> None:
        matter = self.main.matter
        found = [] if matter is None else [
            b for b in offline.batches(matter) if b.path == str(out.resolve())
        ]  # fmt: skip
        if cancelled or not found:
            self._said("Check-out cancelled: no package was written.", False)
            return
        batch = found[-1]
        self._said(f"Checked out {plural(len(batch.docs), 'document')} to {batch.to}: the "
                   f"package is {batch.path}. Carry the folder; check it in when done.",
                   True)  # fmt: skip
        self.review.say(self.message.text())
        batches = self.review.dialogs.get("batches")
        if batches is not None and batches.isVisible():
            batches.reload()
        self.reload()  # the documents now say they are out

    def _said(self, sentence: str, ok: bool) -> None:
        self.message.setStyleSheet("color: #1e6b32;" if ok else "color: #b3261e;")
        self.message.setText(sentence)


class BatchesDialog(ReviewDialog):
    """Every package checked out of the matter: for whom, which documents, out or in."""

    COLUMNS = ("Reviewer", "Status", "Documents", "Checked out", "Checked in", "Package")

    def __init__(self, actions: ReviewActions, window: MainWindow) -> None:
        super().__init__(actions, window, "Batches")
        self.resize(980, 420)
        self.table = _table(self.COLUMNS)
        buttons = QHBoxLayout()
        for label, slot in (("Check &out for a reviewer…", window.offline.check_out),
                            ("C&heck in…", window.offline.check_in),
                            ("Con&flicts…", window.offline.show_conflicts)):  # fmt: skip
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(button)
        buttons.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addWidget(self.table, 1)
        outer.addLayout(buttons)
        outer.addWidget(self.message)

    def reload(self) -> None:
        matter = self.main.matter
        if matter is None:
            return
        names = {d.id: d.file_name for d in documents.list_documents(matter)}
        found = offline.batches(matter)
        _fill(self.table, [
            (b.to, "checked in" if b.status == "in" else "out",
             ", ".join(names.get(d, f"#{d}") for d in b.docs), _when(b.out_at),
             _when(b.in_at), b.path)
            for b in found
        ])  # fmt: skip
        if not found and not self.message.text():
            self.message.setText("No batches yet: File ▸ Check out for a reviewer… makes one.")

    def report(self, sentence: str, failed: bool) -> None:
        self.message.setStyleSheet("color: #b3261e;" if failed else "color: #1e6b32;")
        self.message.setText(sentence)


def _when(at: str | None) -> str:
    return "" if not at else at.replace("T", " ")[:16]


class ConflictsDialog(ReviewDialog):
    """Each disagreement from a check-in, both values side by side; Take ours / Take theirs."""

    COLUMNS = ("What", "Ours (kept in the matter)", "Theirs (from the package)", "Reviewer")

    def __init__(self, actions: ReviewActions, window: MainWindow) -> None:
        super().__init__(actions, window, "Conflicts")
        self.resize(1040, 560)
        self.table = _table(self.COLUMNS)
        self.table.currentCellChanged.connect(lambda *_: self._chosen())
        self.settled = QCheckBox("Show &settled conflicts")
        self.settled.toggled.connect(lambda _: self.reload())
        self.ours, self.theirs = QLabel(), QLabel()
        self.ours_box = self._side("Ours — the matter's value", self.ours)
        self.theirs_box = self._side("Theirs — the package's value", self.theirs)
        self.table.cellDoubleClicked.connect(lambda *_: self.show_place())
        self.show_button = QPushButton("Show in the &document")
        self.show_button.clicked.connect(self.show_place)
        self.take_ours = QPushButton("Take &ours")
        self.take_theirs = QPushButton("Take &theirs")
        self.take_ours.clicked.connect(lambda: self.take("ours"))
        self.take_theirs.clicked.connect(lambda: self.take("theirs"))
        sides = QHBoxLayout()
        sides.addWidget(self.ours_box, 1)
        sides.addWidget(self.theirs_box, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.settled)
        buttons.addStretch(1)
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.take_ours)
        buttons.addWidget(self.take_theirs)
        outer = QVBoxLayout(self)
        outer.addWidget(self.table, 1)
        outer.addLayout(sides)
        outer.addLayout(buttons)
        outer.addWidget(self.message)
        self.found: list[offline.Conflict] = []

    @staticmethod
    def _side(title: str, label: QLabel) -> QGroupBox:
        box = QGroupBox(title)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setMinimumHeight(64)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        QVBoxLayout(box).addWidget(label)
        return box

    def reload(self) -> None:
        matter = self.main.matter
        if matter is None:
            return
        keep = self.current()
        self.found = offline.list_conflicts(matter, self.settled.isChecked())
        _fill(self.table, [
            (c.what + ("" if c.status == "open" else f"  [took {c.status}]"),
             show_value(c.ours), show_value(c.theirs), c.to)
            for c in self.found
        ])  # fmt: skip
        ids = [c.conflict_id for c in self.found]
        row = ids.index(keep.conflict_id) if keep and keep.conflict_id in ids else 0
        if self.found:
            self.table.selectRow(row)
        self._chosen()
        still = sum(c.status == "open" for c in self.found)
        self.setWindowTitle(f"Conflicts — {plural(still, 'open conflict')}")

    def current(self) -> offline.Conflict | None:
        row = self.table.currentRow()
        return self.found[row] if 0 <= row < len(self.found) else None

    def _chosen(self) -> None:
        c = self.current()
        if c is None:
            self.ours.clear()
            self.theirs.clear()
            if not self.found:  # said where the list is, not in one side's pane
                self.message.setText("No conflicts to settle: every change checked in merged.")
        else:
            self.ours.setText(f"<b>{_html(show_value(c.ours))}</b><br>{_html(c.ours_from)}")
            self.theirs.setText(f"<b>{_html(show_value(c.theirs))}</b><br>{_html(c.theirs_from)}")
        self.show_button.setEnabled(c is not None and c.table not in NO_PLACE)
        open_ = c is not None and c.status == "open"
        self.take_ours.setEnabled(open_)
        self.take_theirs.setEnabled(open_)

    def show_place(self) -> None:
        """Open the conflict's document at its paragraph, to read it before settling."""
        c, matter = self.current(), self.main.matter
        if c is None or matter is None:
            return
        doc_id, para_id = conflicts.place(matter, c.conflict_id)
        if doc_id is None:
            return
        self.main.open_document(doc_id)
        if para_id is not None:
            self.main.select_paragraph(para_id)

    def take(self, side: str) -> bool:
        c = self.current()
        if c is None:
            return False
        value = show_value(c.ours if side == "ours" else c.theirs)
        said = f"Settled: {c.what} — took {side} ({value})"
        return self.run(lambda m: offline.resolve(m, c.conflict_id, side), said)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
