"""The privilege-log dialog: a preview of the log in the chosen preset (the rows every export
writes), the checks' verdict, and export to XLSX, CSV, DOCX or PDF — refused on errors
unless "export despite errors" is ticked, exactly as ``reviewer export privilege-log``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.errors import LogCheckError, ReviewerError
from reviewer.core.exports.privilege_log import gate, privilege_log_report
from reviewer.core.matter.store import Matter
from reviewer.core.privilege import checks as privcheck
from reviewer.core.privilege.log import PRESETS, TITLES
from reviewer.core.wording import plural
from reviewer.qt import background
from reviewer.qt.worker import Job, MakeJob

Runner = Callable[[str, MakeJob], Job]

FILTERS = "Excel (*.xlsx);;CSV (*.csv);;Word (*.docx);;PDF (*.pdf)"


class PrivilegeLogDialog(QDialog):
    """``runner``: the window's job runner; the log is written in the background with it."""

    def __init__(
        self, matter: Matter, parent: QWidget | None = None, runner: Runner | None = None
    ) -> None:
        super().__init__(parent)
        self.matter, self.runner = matter, runner
        self.setWindowTitle("Privilege log")
        self.resize(1000, 520)
        self.preset = QComboBox()
        self.preset.addItems(PRESETS)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()  # the Entry column numbers the rows
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.force = QCheckBox("Export despite errors")
        self.export_button = QPushButton("Export…")
        top = QHBoxLayout()
        top.addWidget(QLabel("Preset"))
        top.addWidget(self.preset, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.force)
        bottom.addStretch(1)
        bottom.addWidget(self.export_button)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.table, 1)
        box.addWidget(self.verdict)
        box.addLayout(bottom)
        self.preset.currentTextChanged.connect(self.show_preview)
        self.export_button.clicked.connect(self._choose_file)
        self.show_preview()

    def show_preview(self) -> None:
        report = privilege_log_report(self.matter, self.preset.currentText())
        self.table.clear()
        self.table.setColumnCount(len(report.columns))
        self.table.setRowCount(len(report.rows))
        self.table.setHorizontalHeaderLabels([c.label for c in report.columns])
        for i, row in enumerate(report.rows):
            for j, col in enumerate(report.columns):
                self.table.setItem(i, j, QTableWidgetItem(row.get(col.key, "")))
        self.table.resizeColumnsToContents()
        found = privcheck.check(self.matter)
        errors = privcheck.errors(found)
        lines = [
            f"{TITLES[self.preset.currentText()]}: {plural(len(report.rows), 'row')}. "
            f"Checks: {plural(len(errors), 'error')}, "
            f"{plural(len(found) - len(errors), 'warning')}."
        ]
        lines += [f"Error — {e}" for e in errors[:8]]  # fmt: skip
        self.verdict.setText("\n".join(lines))

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export the privilege log", "", FILTERS)
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> bool:
        """Write the log to ``path`` (format from its extension) — in the background when
        the dialog has a runner; False if refused (the checks run first, here)."""
        written: list[Path] = []
        make = background.privilege_log(self.preset.currentText(), path,
                                        self.force.isChecked(), written)  # fmt: skip
        try:
            gate(self.matter, self.force.isChecked())
            if self.runner is None:
                list(make(self.matter))
            else:
                job = self.runner("Exporting the privilege log", make)
                job.finished.connect(
                    lambda s: self.verdict.setText(
                        "Cancelled; nothing was written." if s.cancelled else f"Wrote {path}"
                    )
                )
                job.failed.connect(self.verdict.setText)
                self.verdict.setText(f"Writing {path.name}…")
                return True
        except LogCheckError as exc:
            listed = "\n".join(f"Error — {e}" for e in exc.errors[:8])
            counted = plural(len(exc.errors), "error")
            self.verdict.setText(f"Not exported: the log has {counted}. Fix them or tick "
                                 f"'Export despite errors'.\n{listed}")  # fmt: skip
            return False
        except ReviewerError as exc:
            self.verdict.setText(str(exc))
            return False
        self.verdict.setText(f"Wrote {path}")
        return True
