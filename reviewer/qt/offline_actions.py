"""File ▸ Check out for a reviewer…, Check in…, Batches…, Conflicts…: the window's link to
offline work packages (``reviewer.core.offline``). Check-out and the lists are modeless
dialogs (``offline_dialogs``); check-in asks for the package folder and merges it in the
background (``offline.checkin_steps`` in a child process, progress and Cancel), then shows
the batches — and the conflicts when there are any."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QFileDialog

from reviewer.core import offline
from reviewer.core.matter.store import Matter
from reviewer.core.wording import plural
from reviewer.qt.background import checkin
from reviewer.qt.worker import Job

MainWindow = Any  # reviewer.qt.main_window.MainWindow, not imported (no import cycle)


class OfflineActions:
    """Owned by the main window; the File menu calls its methods."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.last: offline.CheckinResult | None = None  # the last check-in, for the batches

    def check_out(self) -> QDialog | None:
        from reviewer.qt.offline_dialogs import CheckoutDialog

        review = self.window.review
        dialog = review._open("checkout", lambda: CheckoutDialog(review, self.window))
        return dialog

    def show_batches(self) -> QDialog | None:
        from reviewer.qt.offline_dialogs import BatchesDialog

        review = self.window.review
        return review._open("batches", lambda: BatchesDialog(review, self.window))

    def show_conflicts(self) -> QDialog | None:
        from reviewer.qt.offline_dialogs import ConflictsDialog

        review = self.window.review
        return review._open("conflicts", lambda: ConflictsDialog(review, self.window))

    def check_in(self, folder: Path | str | None = None) -> Job | None:
        """Merge a package (asked for when not given) into the open matter, in the background
        (one transaction: Cancel rolls it back and the matter stays as it was). Returns the
        job; the batches (and conflicts) show when it has ended."""
        matter = self.window.review.writable()
        if matter is None:
            return None
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self.window, "Check in a review package", str(matter.path.parent)
            )
            if not chosen:
                return None
            folder = chosen
        box = list[offline.CheckinResult]()
        job: Job = self.window.run_background("Checking in", checkin(Path(folder), box), False)
        failed: list[str] = []
        job.failed.connect(failed.append)
        before = _in_at(matter)
        # After the window's own end-of-job refresh (connected first), which says "Ready".
        job.ended.connect(lambda: self._ended(box[0] if box else None, failed, before))
        return job

    def _ended(
        self, result: offline.CheckinResult | None, failed: list[str], before: dict[str, Any]
    ) -> None:
        matter = self.window.matter
        if failed:
            self._failed(failed[0])
        elif result is not None:
            self._checked_in(result)
        elif matter is not None and _in_at(matter) != before:  # Cancel came after the commit
            self.window.review.say("The package was checked in (Cancel came too late).")
            self.show_batches()
        else:  # cancelled: the transaction was rolled back
            self._failed("Check-in cancelled: nothing was merged; the matter is as it was.")

    def _failed(self, message: str) -> None:
        self.window.review.say(message)
        self.show_batches()
        dialog = self.window.review.dialogs.get("batches")
        if dialog is not None:
            dialog.report(message, failed=True)  # type: ignore[attr-defined]

    def _checked_in(self, result: offline.CheckinResult) -> None:
        self.last = result
        self.window.review.refresh(None)  # the window announced the job's end to every dock
        sentence = summary(result)
        self.window.review.say(sentence)
        batches = self.show_batches()
        if batches is not None:
            batches.report(sentence, failed=False)  # type: ignore[attr-defined]
        if result.conflicts:
            self.show_conflicts()


def _in_at(matter: Matter) -> dict[str, Any]:
    return {b.batch_id: (b.status, b.in_at) for b in offline.batches(matter)}


def summary(r: offline.CheckinResult) -> str:
    """One sentence for a check-in: what came back, what was already here, what disagrees."""
    parts = [
        f"Checked in {r.to}'s package: {plural(r.applied, 'change')} applied",
        f"{r.unchanged} already in the matter",
        f"{plural(r.conflicts, 'conflict')} to settle" if r.conflicts else "no conflicts",
    ]
    if r.skipped:
        parts.append(f"{plural(len(r.skipped), 'change')} not merged ({r.skipped[0]['reason']})")
    return ", ".join(parts) + "."
