"""The production dock's export: export and verify the current set in the background (the
window's one job runner) with a progress bar, then the outcome in a sentence and any problem
listed. A mixin of ``ProductionPanel``, which owns the widgets it uses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QListWidget, QProgressBar, QWidget

from reviewer.core.matter.store import Matter
from reviewer.core.records import Changes, Progress
from reviewer.qt import background
from reviewer.qt.worker import Job, JobSummary, MakeJob

Runner = Callable[[str, MakeJob], Job]  # (title, make) -> the Job, queued


class ExportMixin:
    """Export and verify; the panel provides the attributes below."""

    runner: Runner | None
    matter: Matter | None
    sets: QComboBox
    message: QLabel
    progress: QProgressBar
    problems: QListWidget
    changed: Any  # Signal(object)
    exported: Any  # Signal(str)
    _outcome: str

    if TYPE_CHECKING:

        def _run(self, action: Callable[[Matter], tuple[str, Changes | None]]) -> bool: ...

    # -- export -----------------------------------------------------------------------------
    def choose_export(self) -> None:
        parent = self if isinstance(self, QWidget) else None
        folder = QFileDialog.getSaveFileName(parent, "Export the production to a new folder")[0]
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> None:
        """Export the current set into the new ``folder`` and verify it, listing problems,
        in the background with a progress bar. The export is written beside ``folder`` and
        renamed into place: a cancel or a failure leaves no half export."""
        self.problems.clear()
        self.problems.hide()
        name = self.sets.currentText()
        found: list[str] = []
        outcome: list[str] = []
        make = background.export_and_verify(name, folder, found, outcome)

        def done(cancelled: bool) -> str:
            if cancelled:
                exported = folder.is_dir() and any(folder.iterdir())
                return (f"Exported to {folder}; not verified (cancelled)." if exported
                        else "Cancelled; nothing was exported.")  # fmt: skip
            self.problems.addItems(found)
            self.problems.setVisible(bool(found))
            sentence = outcome[-1] if outcome else "Exported."
            self._outcome = sentence  # told once the job has ended (after the window's "Ready")
            return f"{sentence} Folder: {folder}"

        self._background("Exporting", make, done)

    def _background(self, title: str, make: MakeJob, done: Callable[[bool], str]) -> None:
        """Run ``make`` on the window's worker (or here, without one) and show its outcome."""
        if self.matter is None:
            return
        if self.runner is None:

            def act(m: Matter) -> tuple[str, Changes | None]:
                for _ in make(m):
                    pass
                return done(False), None

            self._run(act)
            return
        self.message.setText(f"{title}…")
        self.progress.setRange(0, 0)
        self.progress.show()
        job = self.runner(title, make)
        job.progressed.connect(self._progressed)

        def finished(summary: JobSummary) -> None:
            self.message.setText(done(summary.cancelled))
            self.changed.emit(None)

        def failed(msg: str) -> None:
            self.message.setText(f"Error: {msg}")

        job.finished.connect(finished)
        job.failed.connect(failed)
        job.ended.connect(self._ended)

    def _ended(self) -> None:
        self.progress.hide()
        if self._outcome:
            self.exported.emit(self._outcome)
            self._outcome = ""

    def _progressed(self, p: Progress) -> None:
        if p.total:
            self.progress.setRange(0, p.total)
            self.progress.setValue(min(p.done, p.total))
        if p.message:
            self.progress.setFormat(p.message[:60])
