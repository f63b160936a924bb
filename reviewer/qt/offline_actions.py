"""File ▸ Check out for a reviewer…, Check in…, Batches…, Conflicts…: the window's link to
offline work packages (``reviewer.core.offline``). Check-out and the lists are modeless
dialogs (``offline_dialogs``); check-in asks for the package folder, merges it, brings every
dock up to date, and shows the batches — and the conflicts when there are any."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from reviewer.core import offline
from reviewer.core.errors import ReviewerError
from reviewer.core.wording import plural

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

    def check_in(self, folder: Path | str | None = None) -> offline.CheckinResult | None:
        """Merge a package (asked for when not given) into the open matter."""
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
        try:
            with busy():
                result = offline.checkin(matter, Path(folder))
        except ReviewerError as exc:
            self.window.review.say(str(exc))
            self.show_batches()
            dialog = self.window.review.dialogs.get("batches")
            if dialog is not None:
                dialog.report(str(exc), failed=True)  # type: ignore[attr-defined]
            return None
        self.last = result
        self.window.announce(None)  # work from the package may touch any dock
        self.window.review.refresh(None)
        sentence = summary(result)
        self.window.review.say(sentence)
        batches = self.show_batches()
        if batches is not None:
            batches.report(sentence, failed=False)  # type: ignore[attr-defined]
        if result.conflicts:
            self.show_conflicts()
        return result


@contextlib.contextmanager
def busy() -> Iterator[None]:
    """A wait cursor while a check-out or check-in runs (seconds at most: one transaction)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


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
