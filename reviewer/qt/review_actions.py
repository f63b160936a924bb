"""The review dialogs' link to the window: opening the Claims, Count mapping, Suggestions,
Document and People dialogs from the menus, running one core operation for them, and
bringing every dock up to date afterwards (chart, tag marks, documents list) with a sentence
in the status bar. The dialogs hold no matter state of their own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QDialog

from reviewer.core.errors import ReviewerError
from reviewer.core.matter.documents import find_document
from reviewer.core.matter.store import Matter
from reviewer.core.records import Changes
from reviewer.qt import background
from reviewer.qt.review_dialog import ReviewDialog  # noqa: F401  (re-exported)
from reviewer.qt.worker import Job

# The window (reviewer.qt.main_window.MainWindow) is not imported: no import cycle.
MainWindow = Any

STATUS_MS = 8000


def refresh_documents(window: MainWindow) -> None:
    """Re-read the documents list (its selection stays unless documents came or went; then
    the open document stays selected or, if it is gone, the first one opens) and the status
    line of the open document."""
    model = window.docs_model
    if model is None or window.matter is None:
        return
    if not window.jobs.busy:  # a job may be rewriting the index: it reopens it at the end
        window.searching.reopen()  # a kind or filing date changed: kind: and filed: follow
    current = window.doc_id
    if not model.reread():
        _doc_status(window)
        return
    row = model.row_of(current) if current is not None else None
    if row is None:
        window.doc_id = None
        window.page_view.clear()
        if window.outline_model is not None:
            window.outline_model.set_document(None)
        window.status_doc.clear()
        row = 0 if model.rowCount(QModelIndex()) else None
    if row is not None:
        window.docs_view.selectRow(row)
    _doc_status(window)
    window._update_title()


def _doc_status(window: MainWindow) -> None:
    if window.matter is not None and window.doc_id is not None:
        doc = find_document(window.matter, window.doc_id)
        flag = "  — OCR needed" if doc.needs_ocr else ""
        window.status_doc.setText(f"{doc.file_name} · {doc.kind} · {doc.pages} pages{flag}")


class ReviewActions:
    """Owned by the main window; the menus call its ``open_*`` methods."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialogs: dict[str, QDialog] = {}
        # The documents list's Privilege column follows coding done in the Privilege dock.
        window.privilege_panel.coded.connect(lambda _changes: refresh_documents(window))

    # -- running one operation --------------------------------------------------------------
    def writable(self) -> Matter | None:
        """The open matter if it can be changed here; otherwise says why and returns None."""
        matter = self.window.matter
        if matter is None:
            self.say("Open a matter first (File ▸ Open matter).")
        elif matter.readonly:
            self.say("This matter is read-only here (open in another window).")
        else:
            return matter
        return None

    def say(self, sentence: str) -> None:
        self.window.statusBar().showMessage(sentence, STATUS_MS)

    def perform(self, call: Callable[[Matter], Changes], sentence: str) -> str | None:
        """Run one core operation; on success refresh the docks and say ``sentence``.
        Returns the reason it failed (a sentence for the dialog to show), or None."""
        matter = self.writable()
        if matter is None:
            return "This matter cannot be changed here (none is open, or it is read-only)."
        try:
            changes = call(matter)
        except ReviewerError as exc:
            self.say(str(exc))
            return str(exc)
        # every dock, and Edit ▸ Undo's label, hear of it (refreshing only this module's
        # views left "Undo person …" on the menu after a delete, which it then undid)
        self.window.announce(changes)
        self.say(sentence)
        return None

    def perform_later(
        self,
        label: str,
        call: Callable[[Matter], Changes],
        sentence: str,
        done: Callable[[str | None], None] | None = None,
    ) -> Job | None:
        """``perform`` in the background, for an operation that re-indexes documents (a
        delete, a kind or caption change, their undo): progress after 0.5 s, the window
        answering meanwhile. When it has ended, ``done`` gets the reason it failed (or was
        cancelled before it started), or None; every dock was refreshed by then."""
        if self.writable() is None:
            if done is not None:
                done("This matter cannot be changed here (none is open, or it is read-only).")
            return None
        box: list[Changes] = []
        failed: list[str] = []
        make = background.operation(f"{label}…", call, box, self.window.jobs.helper)
        job: Job = self.window.run_background(label, make, False)
        job.failed.connect(failed.append)
        job.ended.connect(lambda: self._performed(box, failed, sentence, done))
        return job

    def _performed(
        self,
        box: list[Changes],
        failed: list[str],
        sentence: str,
        done: Callable[[str | None], None] | None,
    ) -> None:
        problem = failed[0] if failed else None if box else "Cancelled; nothing was changed."
        self.say(problem or sentence)  # after the window's "Ready"
        if done is not None:
            done(problem)

    def refresh(self, changes: Changes | None = None) -> None:
        """Bring every dock up to date after an operation: the documents list (when
        documents changed), the proof chart, the active-claim keys and the tag marks."""
        if changes is None or changes.documents or changes.content:
            refresh_documents(self.window)
        self.window.tagging.refresh(changes)
        for dialog in self.dialogs.values():
            if dialog.isVisible() and hasattr(dialog, "reload"):
                dialog.reload()

    # -- the dialogs ------------------------------------------------------------------------
    def _open(self, name: str, make: Callable[[], QDialog]) -> QDialog | None:
        if self.window.matter is None:
            self.say("Open a matter first (File ▸ Open matter).")
            return None
        dialog = self.dialogs.get(name)
        if dialog is None:
            dialog = self.dialogs[name] = make()
        if hasattr(dialog, "reload"):
            dialog.reload()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def close_all(self) -> None:
        """Close the dialogs (a matter closes: they would show another matter's state)."""
        for dialog in self.dialogs.values():
            dialog.close()

    def open_claims(self) -> QDialog | None:
        from reviewer.qt.claims_dialog import ClaimsDialog

        return self._open("claims", lambda: ClaimsDialog(self, self.window))

    def open_counts(self) -> QDialog | None:
        from reviewer.qt.counts_dialog import CountsDialog

        return self._open("counts", lambda: CountsDialog(self, self.window))

    def open_suggestions(self) -> QDialog | None:
        from reviewer.qt.suggestions_panel import SuggestionsDialog

        return self._open("suggestions", lambda: SuggestionsDialog(self, self.window))

    def open_document(self, focus: str = "kind") -> QDialog | None:
        from reviewer.qt.document_dialog import DocumentDialog

        if self.window.doc_id is None:
            self.say("Choose a document in the documents list first.")
            return None
        dialog = self._open("document", lambda: DocumentDialog(self, self.window))
        if dialog is not None:
            dialog.focus(focus)  # type: ignore[attr-defined]
        return dialog

    def open_delete(self) -> QDialog | None:
        from reviewer.qt.document_dialog import DeleteDialog

        if self.window.doc_id is None:
            self.say("Choose the documents to delete in the documents list first.")
            return None
        return self._open("delete", lambda: DeleteDialog(self, self.window))

    def open_people(self) -> QDialog | None:
        from reviewer.qt.people_dialog import PeopleDialog

        return self._open("people", lambda: PeopleDialog(self, self.window))
