"""Dialogs: the texts they show (pure functions), the import progress dialog following a job's
signals, the shortcuts list, and error boxes in plain words."""

from __future__ import annotations

import os
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from reviewer.core.matter.store import Matter
from reviewer.core.records import ImportResult, Progress
from reviewer.qt import dialogs
from reviewer.qt.dialogs import (
    ImportProgressDialog,
    ShortcutsDialog,
    import_summary,
    one_line_reason,
    plain_message,
    progress_label,
    show_error,
)
from reviewer.qt.worker import Job, JobSummary

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when the QApplication is made

OK = ImportResult("/in/complaint.pdf", "imported", 1, None, 24, 134, "good")
SCAN = ImportResult(
    "/in/scan.pdf",
    "imported",
    2,
    None,
    7,
    0,
    "needs_ocr",
    ("The text layer has no usable text (scanned?); run OCR to make it searchable.",),
)
DUP = ImportResult("/in/copy of complaint.pdf", "duplicate", 1, pages=24)
BAD = ImportResult("/in/notes.pdf", "failed", error="/in/notes.pdf: not a PDF\n(it is text)")


# -- texts ----------------------------------------------------------------------------------------
def test_progress_label_names_the_file_and_the_count() -> None:
    p = Progress(3, 30, "imported: file.pdf", "/some/folder/file.pdf", OK)
    assert progress_label(p) == "Importing 3 of 30: file.pdf"
    assert progress_label(Progress(2000, 9000, "Indexed 2,000 of 9,000 paragraphs")) == (
        "Indexed 2,000 of 9,000 paragraphs"
    )
    typed = Progress(1200, 4000, step="index", unit="paragraphs")  # no message: typed fields
    assert progress_label(typed, "Indexing") == "Indexing 1,200 of 4,000 paragraphs"


def test_failure_reason_is_one_line_without_the_path() -> None:
    assert one_line_reason(BAD) == "not a PDF (it is text)"
    assert one_line_reason(ImportResult("/x.pdf", "failed")) == "unknown reason"


def test_summary_counts_and_lists_each_file() -> None:
    headline, details = import_summary([OK, SCAN, DUP, BAD])
    assert headline == "4 files: 2 imported, 1 duplicate, 1 failed."
    assert details.splitlines() == [
        "Imported (2):",
        "  complaint.pdf — 24 pages, 134 paragraphs",
        "  scan.pdf — 7 pages, 0 paragraphs — The text layer has no usable text (scanned?); "
        "run OCR to make it searchable.",
        "",
        "Already in the matter (1):",
        "  copy of complaint.pdf — already in the matter as document 1",
        "",
        "Failed (1):",
        "  notes.pdf — not a PDF (it is text)",
    ]


def test_summary_of_a_cancelled_import_says_what_was_left() -> None:
    headline, details = import_summary([OK, DUP], offered=5, cancelled=True)
    assert headline.startswith("Import cancelled after 2 of 5 files: 1 imported, 1 duplicate, ")
    assert "already imported are complete" in headline
    assert details.endswith("Not imported (cancelled): 3 files.")
    assert import_summary([OK])[0] == "1 file: 1 imported, 0 duplicates, 0 failed."


def test_a_traceback_never_reaches_the_user(caplog: pytest.LogCaptureFixture) -> None:
    tb = 'Traceback (most recent call last):\n  File "x.py", line 1\nKeyError: 3'
    assert "Traceback" not in plain_message(tb)
    assert "log" in plain_message(tb)
    assert "KeyError" in caplog.text
    assert plain_message("  The matter is open elsewhere. ") == "The matter is open elsewhere."


# -- dialogs --------------------------------------------------------------------------------------
def test_show_error_is_a_plain_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[object, str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a))
    show_error(None, "Cannot open the matter", "M.matter: not a matter.")
    show_error(None, "Oops", "Traceback (most recent call last):\n  boom")
    assert shown[0] == (None, "Cannot open the matter", "M.matter: not a matter.")
    assert "Traceback" not in shown[1][2]


def test_shortcuts_dialog_lists_the_rows_given(qtbot: QtBot) -> None:
    rows = [("J / Ctrl+Down", "Next paragraph"), ("Ctrl+F", "Focus the search box")]
    dlg = ShortcutsDialog(rows)
    qtbot.addWidget(dlg)
    table = dlg.table
    got = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
    assert got == rows
    assert table.horizontalHeaderItem(0).text() == "Keys"
    assert dlg.windowTitle() == "Keyboard shortcuts"


@pytest.fixture
def job(matter: Matter) -> Job:
    """A job that is never run: the test emits its signals, as the worker thread would."""
    return Job(matter, lambda mc: iter(()), "testing")


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    return w


def _progress(done: int, total: int, result: ImportResult) -> Progress:
    return Progress(done, total, f"{result.status}: x", result.path, result)


def test_progress_dialog_follows_the_job_and_appears_late(
    qtbot: QtBot, job: Job, window: QWidget
) -> None:
    start = time.monotonic()
    dlg = ImportProgressDialog(job, "Importing", window)
    qtbot.addWidget(dlg)
    job.progressed.emit(_progress(3, 30, OK))
    assert dlg.labelText() == "Importing 3 of 30: complaint.pdf"
    assert (dlg.bar.value(), dlg.bar.maximum()) == (3, 30)
    assert not dlg.isVisible()  # not before half a second
    qtbot.waitUntil(dlg.isVisible, timeout=3000)
    assert time.monotonic() - start >= 0.45
    assert dlg.windowModality() == Qt.WindowModality.WindowModal
    assert dlg.minimumDuration() == 500


def test_cancel_asks_the_job_and_the_summary_follows(
    qtbot: QtBot, job: Job, window: QWidget
) -> None:
    dlg = ImportProgressDialog(job, "Importing", window)
    qtbot.addWidget(dlg)
    job.progressed.emit(_progress(1, 5, OK))
    qtbot.waitUntil(dlg.isVisible, timeout=3000)
    button = dlg.findChild(QPushButton)
    button.click()
    assert job.cancel_requested
    assert dlg.isVisible()  # stays while the job finishes its document in hand
    assert not button.isEnabled()
    assert dlg.labelText().startswith("Cancelling")
    job.finished.emit(JobSummary([OK], cancelled=True))
    assert not dlg.isVisible()
    assert dlg.summary == import_summary([OK], offered=5, cancelled=True)
    summary = dlg.summary_dialog
    assert summary is not None
    qtbot.addWidget(summary)
    assert summary.windowTitle() == "Import cancelled"
    assert "complaint.pdf" in summary.details.toPlainText()
    summary.accept()


def test_a_quick_job_shows_no_progress_only_the_summary(
    qtbot: QtBot, job: Job, window: QWidget
) -> None:
    dlg = ImportProgressDialog(job, "Importing", window)
    qtbot.addWidget(dlg)
    job.progressed.emit(_progress(1, 2, OK))
    job.progressed.emit(_progress(2, 2, BAD))
    job.finished.emit(JobSummary([OK, BAD]))
    qtbot.wait(700)
    assert not dlg.isVisible()
    assert dlg.summary_dialog is not None
    qtbot.addWidget(dlg.summary_dialog)
    assert dlg.summary_dialog.isVisible()
    assert dlg.summary_dialog.headline.text() == "2 files: 1 imported, 0 duplicates, 1 failed."
    dlg.summary_dialog.accept()


def test_a_failed_job_closes_the_dialog_and_leaves_the_message_to_the_caller(
    qtbot: QtBot, job: Job, window: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "show_error", lambda *a: pytest.fail("shown twice"))
    dlg = ImportProgressDialog(job, "Importing", window)
    qtbot.addWidget(dlg)
    job.progressed.emit(_progress(1, 5, OK))
    qtbot.waitUntil(dlg.isVisible, timeout=3000)
    job.failed.emit("The matter is read-only.")
    assert not dlg.isVisible()
    assert dlg.summary_dialog is None


def test_a_job_without_file_results_gets_no_summary(
    qtbot: QtBot, job: Job, window: QWidget
) -> None:
    dlg = ImportProgressDialog(job, "Indexing", window, title="Search index")
    qtbot.addWidget(dlg)
    job.progressed.emit(Progress(2000, 9000, "Indexed 2,000 of 9,000 paragraphs"))
    assert dlg.labelText() == "Indexed 2,000 of 9,000 paragraphs"
    job.finished.emit(JobSummary([]))
    assert dlg.summary_dialog is None
    assert not dlg.isVisible()
