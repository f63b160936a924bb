"""The base of the review dialogs (claims, counts, suggestions, document, people): what
they share, apart from the actions that open them (review_actions)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QLabel

from reviewer.core.matter.store import Matter
from reviewer.core.records import Changes

MainWindow = Any  # reviewer.qt.main_window.MainWindow, not imported (no import cycle)
ReviewActions = Any  # reviewer.qt.review_actions.ReviewActions, likewise
STATUS_MS = 8000


class ReviewDialog(QDialog):
    """A modeless review dialog: runs core operations through ``ReviewActions.perform`` and
    shows the outcome (or the reason it failed) in its own message line."""

    def __init__(self, actions: ReviewActions, window: MainWindow, title: str) -> None:
        super().__init__(window)
        self.review, self.main = actions, window  # not ``window``: QWidget.window() exists
        self.setWindowTitle(title)
        self.message = QLabel()
        self.message.setWordWrap(True)

    def run(self, call: Callable[[Matter], Changes], sentence: str) -> bool:
        problem = self.review.perform(call, sentence)
        self.message.setStyleSheet("color: #b3261e;" if problem else "color: #1e6b32;")
        self.message.setText(problem or sentence)
        return problem is None

    def run_later(
        self,
        label: str,
        call: Callable[[Matter], Changes],
        sentence: str,
        done: Callable[[bool], None] | None = None,
    ) -> None:
        """``run`` in the background (``ReviewActions.perform_later``); the message line says
        it is under way, then the outcome; ``done(ok)`` follows."""
        self._show(None, f"{label}…")

        def ended(problem: str | None) -> None:
            self._show(problem, sentence)
            if done is not None:
                done(problem is None)

        self.review.perform_later(label, call, sentence, ended)

    def _show(self, problem: str | None, sentence: str) -> None:
        self.message.setStyleSheet("color: #b3261e;" if problem else "color: #1e6b32;")
        self.message.setText(problem or sentence)

    def reload(self) -> None:
        """Re-read what the dialog shows (after any change, and each time it opens)."""
