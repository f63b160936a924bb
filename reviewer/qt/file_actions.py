"""The File menu's actions that ask the user for files: a new matter, open a matter, import
filings, OCR the scanned pages. Imports and OCR run in the background (``run_background``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMainWindow

from reviewer.core.errors import ReviewerError
from reviewer.core.ingest.ocr_run import missing_tesseract_notice
from reviewer.core.matter.store import Matter
from reviewer.qt import background
from reviewer.qt.dialogs import show_error
from reviewer.qt.window_api import ReviewWindow

WRITE_FIRST = "Open a matter for writing first (File ▸ Open)."


class FileActions:
    """Owned by the main window."""

    def __init__(self, window: ReviewWindow) -> None:
        self.window = window

    @property
    def _parent(self) -> QMainWindow | None:
        return self.window if isinstance(self.window, QMainWindow) else None

    def _writable(self, title: str) -> Matter | None:
        matter = self.window.matter
        if matter is None or matter.readonly:
            reason = f" ({matter.readonly_reason})" if matter is not None else ""
            show_error(self._parent, title, WRITE_FIRST + reason)
            return None
        return matter

    def choose_matter(self) -> None:
        path = QFileDialog.getExistingDirectory(self._parent, "Open a matter folder")
        if path:
            self.window.open_matter(path)

    def new_matter(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self._parent, "New matter", "", "Matter folders (*.matter)"
        )
        if not path:
            return
        target = Path(path if path.endswith(".matter") else path + ".matter")
        try:
            Matter.create(target).close()
        except ReviewerError as exc:
            show_error(self._parent, "Cannot create the matter", str(exc))
            return
        self.window.open_matter(target)

    def import_paths(self, paths: list[Path]) -> None:
        if self._writable("Cannot import") is not None:
            self.window.run_background("Importing", background.import_files(paths))

    def choose_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self._parent, "Import filings", "", "PDF files (*.pdf)"
        )
        if files:
            self.import_paths([Path(f) for f in files])

    def run_ocr(self) -> None:
        """OCR every page that needs it (File ▸ OCR scanned pages)."""
        matter = self._writable("Cannot run OCR")
        if matter is None:
            return
        if (notice := missing_tesseract_notice(matter)) is not None:
            show_error(self._parent, "Cannot run OCR", notice)
        else:
            self.window.run_background("OCR", background.ocr_all())
