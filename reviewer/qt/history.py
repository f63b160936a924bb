"""Edit ▸ Undo and Redo for the whole matter: they reverse or replay the latest operation of
any kind (tagging, claims, counts, privilege, redactions…), whoever made it (this window, a
second window, the CLI), and show its label from the audit log ("Undo tag 3 ¶ with …").
What an undo changed goes to every dock through the window's one ``operation_executed``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction

from reviewer.core.errors import ReviewerError
from reviewer.core.matter import history
from reviewer.core.matter.store import Matter
from reviewer.core.records import Changes
from reviewer.qt.window_api import ReviewWindow


def _label(verb: str, action: str | None) -> str:
    """``&Undo Tag ¶¶ 5-7 with Knowingly benefited``; an ``&`` of the label stays a
    character (``&&``), not a keyboard accelerator."""
    return f"&{verb}" if action is None else f"&{verb} {action.replace('&', '&&')}"


class HistoryController:
    """Owned by the main window; drives its Undo and Redo actions."""

    def __init__(self, window: ReviewWindow, undo: QAction, redo: QAction) -> None:
        self.window, self.undo_action, self.redo_action = window, undo, redo
        self.update()

    def update(self, _changes: object = None) -> None:
        """Label the actions with what they would do now (after any operation, or a change
        made elsewhere)."""
        matter = self.window.matter
        undo = redo = None
        if matter is not None:
            undo, redo = history.next_labels(matter)
        writable = matter is not None and not matter.readonly
        self.undo_action.setText(_label("Undo", undo))
        self.redo_action.setText(_label("Redo", redo))
        self.undo_action.setEnabled(writable and undo is not None)
        self.redo_action.setEnabled(writable and redo is not None)

    def undo(self) -> None:
        self._replay(history.undo, "Undone")

    def redo(self) -> None:
        self._replay(history.redo, "Redone")

    def _replay(self, step: Callable[[Matter], Changes], verb: str) -> None:
        matter = self.window.matter
        if matter is None or matter.readonly:
            return
        label = history.next_labels(matter)[0 if verb == "Undone" else 1]
        if history.touches_content(matter, "undo" if verb == "Undone" else "redo"):
            # A delete, re-cut or kind change: its documents are re-indexed (seconds for a
            # long one), so it runs in the background; the docks refresh when it ends.
            what = "Undoing" if verb == "Undone" else "Redoing"
            self.window.review.perform_later(f"{what} {label}", step, f"{verb}: {label}")
            return
        try:
            changes = step(matter)
        except ReviewerError as exc:
            self.window.statusBar().showMessage(str(exc), 5000)
            return
        self.window.announce(changes)
        self.window.statusBar().showMessage(f"{verb}: {label}", 4000)
