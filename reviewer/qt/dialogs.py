"""Small dialogs: import progress and its summary, keyboard shortcuts, error messages.

The texts are built by pure functions (``progress_label``, ``import_summary``,
``plain_message``) so tests check them without showing anything.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.records import ImportResult, Progress
from reviewer.qt.worker import Job, JobSummary

log = logging.getLogger("reviewer")

SHOW_AFTER_MS = 500  # quick jobs end before any dialog flashes up


# -- texts (pure) ---------------------------------------------------------------------------------
def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def progress_label(progress: Progress, verb: str = "Importing") -> str:
    """ "Importing 3 of 30: file.pdf" for a per-file step; the core's own message for other
    steps, or, without one, "3 of 30 pages" from the typed fields."""
    if progress.path is None:
        if progress.message or not progress.total:
            return progress.message
        return f"{verb} {progress.done:,} of {progress.total:,} {progress.unit}".rstrip()
    name = Path(progress.path).name
    if progress.total:
        return f"{verb} {progress.done} of {progress.total}: {name}"
    return f"{verb}: {name}"


def one_line_reason(result: ImportResult) -> str:
    """The reason a file failed, on one line, without the path the summary already shows."""
    reason = result.error or "unknown reason"
    prefix = f"{result.path}: "
    if reason.startswith(prefix):
        reason = reason[len(prefix) :]
    return " ".join(reason.split())


def _headline(results: Sequence[ImportResult], offered: int, cancelled: bool) -> str:
    count = {s: sum(r.status == s for r in results) for s in ("imported", "duplicate", "failed")}
    tally = (
        f"{count['imported']} imported, {_plural(count['duplicate'], 'duplicate')}, "
        f"{count['failed']} failed."
    )
    if cancelled:
        return (
            f"Import cancelled after {len(results)} of {_plural(offered, 'file')}: {tally} "
            "Documents already imported are complete; the rest were not imported."
        )
    return f"{_plural(offered, 'file')}: {tally}"


def _line(result: ImportResult) -> str:
    name = Path(result.path).name
    if result.status == "failed":
        return f"  {name} — {one_line_reason(result)}"
    if result.status == "duplicate":
        return f"  {name} — already in the matter as document {result.doc_id}"
    detail = f"{_plural(result.pages, 'page')}, {_plural(result.paragraphs, 'paragraph')}"
    if result.text_quality in ("needs_ocr", "partial"):
        detail += " — " + (" ".join(result.warnings) or "needs OCR")
    return f"  {name} — {detail}"


def import_summary(
    results: Sequence[ImportResult], offered: int | None = None, cancelled: bool = False
) -> tuple[str, str]:
    """(headline, details) after an import: counts, then one line per file under Imported /
    Already in the matter / Failed (with its reason). ``offered`` defaults to len(results)."""
    offered = len(results) if offered is None else offered
    sections = []
    for status, title in (
        ("imported", "Imported"),
        ("duplicate", "Already in the matter"),
        ("failed", "Failed"),
    ):
        lines = [_line(r) for r in results if r.status == status]
        if lines:
            sections.append(f"{title} ({len(lines)}):\n" + "\n".join(lines))
    if cancelled and offered > len(results):
        sections.append(f"Not imported (cancelled): {_plural(offered - len(results), 'file')}.")
    return _headline(results, offered, cancelled), "\n\n".join(sections)


def plain_message(message: str) -> str:
    """A message fit for a paralegal: a traceback that slipped through is logged, not shown."""
    if "Traceback (most recent call last)" in message:
        log.error("A traceback reached an error dialog:\n%s", message)
        return "Unexpected error; the details were written to the log."
    return message.strip() or "Unexpected error; the details were written to the log."


# -- dialogs --------------------------------------------------------------------------------------
def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """Warn the user in plain words (a ReviewerError's message); never shows a traceback."""
    QMessageBox.warning(parent, title, plain_message(message))


class SummaryDialog(QDialog):
    """A headline and scrollable, selectable details (e.g. the outcome of an import)."""

    def __init__(
        self, title: str, headline: str, details: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.headline = QLabel(headline)
        self.headline.setWordWrap(True)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setVisible(bool(details))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.resize(640, 420 if details else 120)


class ImportProgressDialog(QProgressDialog):
    """Follows a Job: "Importing 3 of 30: file.pdf"; appears only if the job lasts 0.5 s;
    Cancel (or Escape, or closing it) cancels the job and the dialog stays until the job has
    finished its unit in hand. When the job finishes, a summary of its results follows (none
    for a job without per-file results, such as a reindex). When the job fails the dialog
    just goes: showing the message (``show_error``) is the caller's business."""

    def __init__(
        self,
        job: Job,
        verb: str = "Importing",
        parent: QWidget | None = None,
        title: str = "Import",
    ) -> None:
        super().__init__(f"{verb}…", "Cancel", 0, 0, parent)
        self.job, self.verb, self.title = job, verb, title
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        # Our own bar, set directly: QProgressDialog.setValue would show the dialog early on
        # its own estimate and, being modal, re-enter the event loop.
        self.bar = QProgressBar(self)
        self.setBar(self.bar)
        self.summary: tuple[str, str] | None = None
        self.summary_dialog: SummaryDialog | None = None
        self.ended = False
        self._offered = 0
        # Stay up while a cancelled job finishes its document in hand: QProgressDialog would
        # hide itself on Cancel; the job's end hides it instead.
        self.canceled.disconnect(self.cancel)
        self.canceled.connect(self._cancel)
        job.progressed.connect(self.on_progressed)
        job.finished.connect(self.on_finished)
        job.failed.connect(self.on_failed)
        self.setMinimumDuration(SHOW_AFTER_MS)
        # Starts the show-after timer (the only call to setValue). Modal, it runs the event
        # loop, so the job may start here: hence the connections above come first.
        self.setValue(0)

    @Slot()
    def _cancel(self) -> None:
        if self.ended or self.job.cancel_requested:
            return
        self.job.cancel()
        self.setLabelText("Cancelling… finishing the step in hand.")
        button = self.findChild(QPushButton)
        if button is not None:
            button.setEnabled(False)

    def reject(self) -> None:
        """Escape cancels the job (the dialog goes when the job ends)."""
        if self.ended:
            super().reject()
        else:
            self._cancel()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window cancels the job; the dialog goes when the job ends."""
        if self.ended:
            super().closeEvent(event)
        else:
            event.ignore()
            self._cancel()

    @Slot(object)
    def on_progressed(self, progress: Progress) -> None:
        if self.ended:
            return
        if progress.result is not None:
            self._offered = progress.total
        if not self.job.cancel_requested:
            self.setLabelText(progress_label(progress, self.verb))
        if progress.total and self.bar.maximum() != progress.total:
            self.bar.setRange(0, progress.total)
        self.bar.setValue(min(progress.done, progress.total))

    @Slot(object)
    def on_finished(self, summary: JobSummary) -> None:
        self._end()
        if not summary.results and not (summary.cancelled and self._offered):
            return
        self.summary = import_summary(summary.results, self._offered, summary.cancelled)
        title = f"{self.title} cancelled" if summary.cancelled else f"{self.title} finished"
        self.summary_dialog = SummaryDialog(title, *self.summary, parent=self.parentWidget())
        self.summary_dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.summary_dialog.open()

    @Slot(str)
    def on_failed(self, _message: str) -> None:
        self._end()

    @Slot(str)
    def report_failure(self, message: str) -> None:
        """Show a failed job's message (for a caller that wants it shown). A slot of this
        GUI-thread object, so it runs in the GUI thread: connected as a lambda it ran in the
        worker thread that emitted ``failed``, and the message box crashed the app."""
        show_error(self.parentWidget(), f"{self.title} stopped", message)

    def _end(self) -> None:
        """Hide for good, without emitting canceled (close() would)."""
        self.ended = True
        self.reset()  # also stops the show-after timer
        self.hide()


class ShortcutsDialog(QDialog):
    """Lists keyboard shortcuts given by the caller as (keys, description) rows."""

    def __init__(self, rows: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels(["Keys", "Action"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for row, (keys, description) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(description))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        # tall enough to read most of the list (at 400 px it showed 11 of 50 rows)
        self.resize(560, max(400, int(parent.height() * 0.85)) if parent is not None else 400)
