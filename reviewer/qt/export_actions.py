"""The Export menu's link to the window: one Export dialog per kind of export, kept while
the matter is open and brought up to date after every change (a log's checks follow the
coding done meanwhile). Production… opens the production dock's own export when the window
has one (``production.export``), else this dialog over the core production export."""

from __future__ import annotations

from typing import Any

from reviewer.qt.export_dialog import ExportDialog

MainWindow = Any  # reviewer.qt.main_window.MainWindow, not imported (no import cycle)


class ExportActions:
    """Owned by the main window; the Export menu calls ``open``."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialogs: dict[str, ExportDialog] = {}
        window.operation_executed.connect(self.refresh)

    def open(self, kind: str) -> ExportDialog | None:
        """Show the dialog of export ``kind`` (``proof-chart``, ``privilege-log``, …)."""
        window = self.window
        if window.matter is None:
            window.statusBar().showMessage("Open a matter first (File ▸ Open matter).", 8000)
            return None
        dock_export = getattr(getattr(window, "production", None), "export", None)
        if kind == "production" and callable(dock_export):
            dock_export()
            return None
        dialog = self.dialogs.get(kind)
        if dialog is None:
            dialog = self.dialogs[kind] = ExportDialog(window, kind)
        dialog.message.clear()
        dialog.anyway.setChecked(False)  # explicit each time, never remembered
        dialog.reload()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def refresh(self, _changes: object = None) -> None:
        """Open dialogs re-read their choices and checks; none outlive their matter."""
        if self.window.matter is None:
            self.close_all()
            return
        for dialog in self.dialogs.values():
            if dialog.isVisible():
                dialog.reload()

    def close_all(self) -> None:
        for dialog in self.dialogs.values():
            dialog.close()
            dialog.deleteLater()
        self.dialogs.clear()
