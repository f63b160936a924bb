"""Document ▸ Properties and kind, and Document ▸ Delete. Properties: the document's kind
(``documents.set_kind``: only the label changes, its paragraphs, tags, privilege coding and
redactions stay) and its caption fields (title, court, case no., docket no., filed) — each an
undoable core operation. Delete removes the documents selected in the list through
``delete.delete_documents`` (as ``reviewer delete``; undoable) after saying what goes with
them."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)

from reviewer.core.ingest.anomalies import document_anomalies
from reviewer.core.ingest.classify import KINDS
from reviewer.core.matter import documents
from reviewer.core.matter.delete import delete_documents, work_counts
from reviewer.core.matter.store import Matter
from reviewer.core.records import Document
from reviewer.qt.review_dialog import ReviewDialog

MainWindow = Any  # reviewer.qt.main_window.MainWindow, not imported (no import cycle)
ReviewActions = Any  # reviewer.qt.review_actions.ReviewActions, not imported (no import cycle)

LABELS = {
    "title": "&Title",
    "court": "C&ourt",
    "case_no": "C&ase no.",
    "docket_no": "&Docket no.",
    "filed": "&Filed (YYYY-MM-DD)",
}


class DocumentDialog(ReviewDialog):
    """The open document's kind and caption fields."""

    def __init__(self, actions: ReviewActions, window: MainWindow) -> None:
        super().__init__(actions, window, "Document properties")
        self.resize(560, 380)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.kind = QComboBox()
        for k in KINDS:
            self.kind.addItem(k, k)
        self.change_kind = QPushButton("C&hange kind")
        self.change_kind.clicked.connect(self._change_kind)
        self.fields = {name: QLineEdit() for name in documents.PROPERTY_FIELDS}
        self.save = QPushButton("&Save properties")
        self.save.clicked.connect(self._save)
        kind_box = QGroupBox("Kind")
        row = QHBoxLayout(kind_box)
        row.addWidget(self.kind, 1)
        row.addWidget(self.change_kind)
        caption = QGroupBox("Caption")
        form = QFormLayout(caption)
        for name, edit in self.fields.items():
            form.addRow(LABELS[name], edit)
        form.addRow("", self.save)
        outer = QVBoxLayout(self)
        outer.addWidget(self.heading)
        outer.addWidget(kind_box)
        outer.addWidget(caption)
        self.anomalies = QListWidget()  # where the document needs a look (issue 9)
        self.anomalies.setMaximumHeight(110)
        self.anomalies_box = QGroupBox("Anomalies")
        QVBoxLayout(self.anomalies_box).addWidget(self.anomalies)
        outer.addWidget(self.anomalies_box)
        outer.addWidget(self.message)
        outer.addStretch(1)
        self.doc: Document | None = None
        window.documentOpened.connect(self._follow)

    def _follow(self, _doc_id: int) -> None:
        """Another document was opened: show (and edit) that one."""
        if self.isVisible():
            self.message.clear()
            self.reload()

    def reload(self) -> None:
        matter, doc_id = self.main.matter, self.main.doc_id
        if matter is None or doc_id is None:
            return
        self.doc = doc = documents.find_document(matter, doc_id)
        note = f" · {doc.quality_note}" if doc.quality_note else ""
        self.heading.setText(f"<b>{doc.file_name}</b> · {doc.pages} pages · {doc.kind}{note}")
        self.kind.setCurrentIndex(max(self.kind.findData(doc.kind), 0))
        for name, edit in self.fields.items():
            edit.setText(getattr(doc, name) or "")
        self._show_anomalies(matter, doc.id)

    def _show_anomalies(self, matter: Matter, doc_id: int) -> None:
        found = document_anomalies(matter, doc_id)
        self.anomalies_box.setTitle(f"Anomalies ({len(found)})" if found else "Anomalies: none")
        self.anomalies.clear()
        for a in found:
            where = f"p. {a.page} · " if a.page else ""
            self.anomalies.addItem(f"{a.severity.capitalize()} — {where}{a.message}")
        self.anomalies.setVisible(bool(found))

    def focus(self, what: str) -> None:
        (self.kind if what == "kind" else self.fields["title"]).setFocus()

    def _change_kind(self) -> None:
        doc, kind = self.doc, str(self.kind.currentData())
        if doc is not None:
            said = f"{doc.file_name} is now a {kind} (was {doc.kind}); its tags and coding stay"
            label = f"Changing the kind of {doc.file_name}"
            self.run_later(label, partial(documents.set_kind, doc_id=doc.id, kind=kind), said)

    def _save(self) -> None:
        doc = self.doc
        if doc is None:
            return
        values = {name: edit.text() for name, edit in self.fields.items()}
        changed = [n for n, v in values.items() if (getattr(doc, n) or "") != " ".join(v.split())]
        said = f"Saved {', '.join(n.replace('_', ' ') for n in changed)} of {doc.file_name}"
        label = f"Saving {doc.file_name}"
        call = partial(documents.set_properties, doc_id=doc.id, values=values)
        self.run_later(label, call, said)


def _what_goes(matter: Matter, doc: Document) -> str:
    """What deleting a document removes with it, as the dialog lists it."""
    counts = []
    found = work_counts(matter, doc.id)
    for table, what in (
        ("paragraphs", "paragraph"),
        ("tags", "tag"),
        ("privilege", "privilege coding"),
        ("redactions", "redaction"),
        ("production_docs", "place in a production set"),
    ):
        value = found[table]
        if value:
            plural = what.replace("place", "places") if "place" in what else what + "s"
            counts.append(f"{value} {what if value == 1 else plural}")
    return f"{doc.file_name} ({doc.pages} pages{', ' if counts else ''}{', '.join(counts)})"


class DeleteDialog(ReviewDialog):
    """Deletes the documents selected in the documents list, after listing what goes."""

    def __init__(self, actions: ReviewActions, window: MainWindow) -> None:
        super().__init__(actions, window, "Delete documents")
        self.resize(560, 200)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.delete = QPushButton("&Delete")
        self.delete.clicked.connect(self._delete)
        cancel = QPushButton("Cancel")
        cancel.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.delete)
        outer = QVBoxLayout(self)
        outer.addWidget(self.summary, 1)
        outer.addWidget(self.message)
        outer.addLayout(buttons)
        self.docs: list[Document] = []

    def reload(self) -> None:
        matter, model = self.main.matter, self.main.docs_model
        if matter is None or model is None:
            return
        rows = sorted({i.row() for i in self.main.docs_view.selectionModel().selectedRows()})
        ids = [model.doc_id(r) for r in rows] or ([self.main.doc_id] if self.main.doc_id else [])
        self.docs = [documents.find_document(matter, i) for i in ids]
        lines = "".join(f"<li>{_what_goes(matter, d)}</li>" for d in self.docs)
        self.summary.setText(
            f"Delete {len(self.docs)} document{'s' if len(self.docs) != 1 else ''} from "
            f"{matter.name}, with everything recorded on them:<ul>{lines}</ul>"
            "Edit ▸ Undo (Ctrl+Z) brings them back with all of it. "
            "The original files on disk are not touched."
        )
        self.message.clear()
        self.delete.setEnabled(bool(self.docs))
        self.delete.setFocus()

    def _delete(self) -> None:
        docs = list(self.docs)
        names = ", ".join(d.file_name for d in docs)

        call = partial(delete_documents, docs=docs)  # run in a child process: pickled

        def done(ok: bool) -> None:
            self.delete.setEnabled(not ok)
            if ok:
                self.close()

        self.delete.setEnabled(False)  # one click, one delete
        self.run_later(f"Deleting {names}", call, f"Deleted {names}", done)
