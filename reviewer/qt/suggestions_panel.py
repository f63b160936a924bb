"""Claims ▸ Suggestions: the untagged paragraphs that may allege an element (ranked by the
element's search terms and by likeness to the paragraphs already tagged with it —
``reviewer suggest``), each with its pin cite, score and text. Accept tags it with the
element (the assessment chosen in the Proof chart dock); Reject keeps it from being
suggested for that element again. Each is one undoable core operation. The suggestions are
found on the worker thread: the window answers meanwhile."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from reviewer.core import search
from reviewer.core.claims import suggest, tagging
from reviewer.core.claims.elements import list_claims
from reviewer.core.claims.records import Element
from reviewer.core.matter.store import Matter
from reviewer.core.records import Progress
from reviewer.qt.review_dialog import ReviewDialog
from reviewer.qt.tag_marks import tag_sentence
from reviewer.qt.worker import Job, MakeJob

MainWindow = Any  # reviewer.qt.main_window.MainWindow, not imported (no import cycle)
ReviewActions = Any  # reviewer.qt.review_actions.ReviewActions, not imported (no import cycle)

LIMIT = 25
TEXT_CHARS = 420


class SuggestionsDialog(ReviewDialog):
    def __init__(self, actions: ReviewActions, window: MainWindow) -> None:
        super().__init__(actions, window, "Suggestions")
        self.resize(900, 600)
        self.element = QComboBox()
        self.element.currentIndexChanged.connect(lambda _i: self._show())
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["¶", "Score", "Text"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemActivated.connect(lambda _item: self._open())
        self.accept_button = QPushButton("&Accept (tag)")
        self.accept_button.clicked.connect(self._accept)
        self.reject_button = QPushButton("&Reject")
        self.reject_button.clicked.connect(self._reject)
        self.show_button = QPushButton("&Show on the page")
        self.show_button.clicked.connect(self._open)
        form = QFormLayout()
        form.addRow("&Element", self.element)
        buttons = QHBoxLayout()
        for b in (self.accept_button, self.reject_button, self.show_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addWidget(self.table, 1)
        outer.addLayout(buttons)
        outer.addWidget(self.message)
        self._elements: list[Element] = []
        self.rows: list[suggest.Suggestion] = []
        self._job: Job | None = None

    def reload(self) -> None:
        matter = self.main.matter
        if matter is None:
            return
        keep = self.current_element()
        active = self.main.claims_panel.active_claim()
        self._elements = [e for c in list_claims(matter) for e in c.active]
        self.element.blockSignals(True)
        self.element.clear()
        for e in self._elements:
            self.element.addItem(f"{e.name}  ({e.claim_key})", e.id)
        ids = [e.id for e in self._elements]
        first = next((i for i, e in enumerate(self._elements) if e.claim_key == active), 0)
        self.element.setCurrentIndex(ids.index(keep.id) if keep and keep.id in ids else first)
        self.element.blockSignals(False)
        self._show()

    def current_element(self) -> Element | None:
        i = self.element.currentIndex()
        return self._elements[i] if 0 <= i < len(self._elements) else None

    @property
    def busy(self) -> bool:
        """True while suggestions are being found (in the background)."""
        return self._job is not None

    def _show(self) -> None:
        """Find the element's suggestions on the worker thread (the index's more-like-this
        over every tagged ¶ takes 0.5-1 s on a real matter); the table fills when done. A
        newer request (another element, an accept) supersedes one still running."""
        e, matter, index = self.current_element(), self.main.matter, self.main.index
        if self._job is not None:
            self._job.cancel()
            self._job = None
        if e is None or matter is None or index is None:
            if matter is not None and index is None:
                self.message.setText("Search is not ready (the index is being rebuilt); try again.")
            self._fill([])
            return
        box: list[list[suggest.Suggestion]] = []
        make = find_suggestions(e, box)
        job = self._job = self.main.jobs.submit(matter, make, "finding suggestions")
        self.setWindowTitle("Suggestions — finding…")
        job.ended.connect(lambda: self._found(job, box))

    def _found(self, job: Job, box: list[list[suggest.Suggestion]]) -> None:
        if job is not self._job:
            return  # superseded (or the dialog's matter closed)
        self._job = None
        self.setWindowTitle("Suggestions")
        self._fill(box[0] if box else [])

    def _fill(self, rows: list[suggest.Suggestion]) -> None:
        self.rows = rows
        self.table.setRowCount(len(self.rows))
        for r, s in enumerate(self.rows):
            text = " ".join(s.text.split())
            short = text if len(text) <= TEXT_CHARS else text[:TEXT_CHARS].rsplit(" ", 1)[0] + "…"
            for c, value in enumerate((s.cite, f"{s.score:.2f}", short)):
                item = QTableWidgetItem(value)
                item.setToolTip(text if c == 2 else _why(s))
                self.table.setItem(r, c, item)
        self.table.setColumnWidth(0, 200)
        self.table.setColumnWidth(1, 56)
        self.table.resizeRowsToContents()
        if self.rows:
            self.table.selectRow(0)

    def selected(self) -> list[suggest.Suggestion]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.rows[r] for r in rows if r < len(self.rows)]

    def _accept(self) -> None:
        e, chosen = self.current_element(), self.selected()
        if e is None or not chosen:
            return
        assessment = self.main.claims_panel.new_assessment()
        pids = [s.pid for s in chosen]
        said = tag_sentence("Tagged", [s.number for s in chosen], e.name, assessment)
        self.run(lambda m: tagging.tag(m, pids, e, assessment), said)

    def _reject(self) -> None:
        e, chosen = self.current_element(), self.selected()
        if e is None or not chosen:
            return
        s = chosen[0]
        said = f"{s.cite} will not be suggested for {e.name} again"
        self.run(lambda m: tagging.reject_suggestion(m, s.pid, e), said)

    def _open(self) -> None:
        chosen = self.selected()
        if chosen:
            self.main.open_document(chosen[0].doc_id)
            self.main.select_paragraph(chosen[0].pid)


def find_suggestions(e: Element, box: list[list[suggest.Suggestion]]) -> MakeJob:
    """The job finding ``e``'s suggestions (on the worker thread, with an index handle of its
    own); they go to ``box``."""

    def make(m: Matter) -> Iterator[Progress]:
        yield Progress(0, 0, f"Finding suggestions for {e.name}", step="suggest")
        ix = search.SearchIndex(m)
        try:
            box.append(suggest.suggest(m, ix, e, limit=LIMIT))
        finally:
            ix.close()

    return make


def _why(s: suggest.Suggestion) -> str:
    parts = []
    if s.by_terms:
        parts.append(f"the element's search terms {s.by_terms:.2f}")
    if s.by_similarity:
        parts.append(f"like the tagged ¶¶ {s.by_similarity:.2f}")
    return "Found by " + " and ".join(parts) if parts else ""
